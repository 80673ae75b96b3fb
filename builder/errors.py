"""The one error hierarchy. Every message says what, where (file, line or field) and what was expected."""

from __future__ import annotations

from dataclasses import dataclass


class BriefgenError(Exception):
    """Base class: a problem the user can act on (printed without a traceback)."""


class ConfigError(BriefgenError):
    """`briefgen.toml` or a command-line value is invalid."""


class SeedError(BriefgenError):
    """A seed file cannot be read or parsed."""


class NoteError(BriefgenError):
    """A note in `content/` is malformed."""


class TemplateError(BriefgenError):
    """A template failed to load or render."""


class DeployError(BriefgenError):
    """Publishing the site was refused or failed."""


@dataclass(frozen=True)
class Diagnostic:
    """One reported problem: severity, the file it concerns, an optional line, and the message."""

    severity: str
    """error / warning / info"""
    file: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{self.severity}: {where}: {self.message}"
