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


def describe_yaml_error(exc: Exception, file: str, *, first_line: int = 2) -> str:
    """ "file:line: invalid YAML front-matter: problem" for a PyYAML error in a front-matter block.

    The line is where the faulty construct starts (e.g. the unclosed "["), which is what a person
    has to fix; PyYAML's problem mark is often only where it gave up (the end of the block).
    """
    mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
    line = f":{mark.line + first_line}" if mark is not None else ""
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    detail = f"{problem} ({context})" if context else problem
    return f"{file}{line}: invalid YAML front-matter: {detail}"


def diagnostic_from(message: str, file: str, severity: str = "error") -> Diagnostic:
    """Turn an error message of the form "file[:line]: text" into a Diagnostic."""
    prefix = file + ":"
    if message.startswith(prefix):
        rest = message[len(prefix) :]
        number, _, text = rest.partition(": ")
        if number.isdigit():
            return Diagnostic(severity, file, text, int(number))
        return Diagnostic(severity, file, rest.lstrip())
    return Diagnostic(severity, file, message)
