"""Pre-flight checks of a built site against GitHub Pages' limits (used by `check` and `deploy`).

Limits: a published Pages site may be at most 1 GB; git hosting refuses files over 100 MiB; the Pages
artifact may not contain symbolic links; actions/upload-pages-artifact (v4 and later) leaves out every
file or folder whose name starts with a dot unless the workflow sets `include-hidden-files: true`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import Diagnostic

SITE_LIMIT = 1_000_000_000
"""GitHub Pages' limit on a published site (1 GB)."""
SITE_WARN_FRACTION = 0.8
"""Warn when the site is above this share of SITE_LIMIT."""
FILE_LIMIT = 100_000_000
"""GitHub refuses files over 100 MiB; checked at 100 MB to leave a margin."""
EXPECTED_HIDDEN = frozenset({".nojekyll"})
"""Dot-files briefgen writes on purpose: `.nojekyll` matters only to branch deploys, so losing it is harmless."""


@dataclass(frozen=True)
class SiteFile:
    """One entry of the built site: relative POSIX path, size in bytes, and where it links to (if a link)."""

    path: str
    size: int
    link_target: str | None = None


def scan_site(site_dir: Path) -> list[SiteFile]:
    """Every file and symbolic link under `site_dir` (links are listed, never followed)."""
    found: list[SiteFile] = []
    for folder, dirs, files in os.walk(site_dir):
        base = Path(folder)
        for name in sorted(dirs + files):
            path = base / name
            relative = path.relative_to(site_dir).as_posix()
            if path.is_symlink():
                found.append(SiteFile(relative, 0, os.readlink(path)))
            elif name in files:
                found.append(SiteFile(relative, path.stat().st_size))
        dirs[:] = sorted(d for d in dirs if not (base / d).is_symlink())
    return found


def check_files(
    files: Iterable[SiteFile],
    *,
    site_name: str = "site",
    site_limit: int = SITE_LIMIT,
    file_limit: int = FILE_LIMIT,
) -> list[Diagnostic]:
    """Pure: the pre-flight diagnostics for a site made of `files`."""
    diagnostics: list[Diagnostic] = []
    total = 0
    hidden_roots: set[str] = set()
    for entry in files:
        where = f"{site_name}/{entry.path}"
        total += entry.size
        if entry.link_target is not None:
            diagnostics.append(
                Diagnostic(
                    "error",
                    where,
                    f"symbolic link to {entry.link_target!r}: GitHub Pages refuses links in a site; "
                    "replace it with a copy of the file",
                )
            )
        if entry.size > file_limit:
            diagnostics.append(
                Diagnostic(
                    "error",
                    where,
                    f"file is {_size(entry.size)}: GitHub refuses files over {_size(file_limit)}; "
                    "make it smaller or host it elsewhere and link to it",
                )
            )
        hidden = _first_hidden(entry.path)
        if hidden and hidden not in EXPECTED_HIDDEN and hidden not in hidden_roots:
            hidden_roots.add(hidden)
            diagnostics.append(
                Diagnostic(
                    "warning",
                    f"{site_name}/{hidden}",
                    "name starts with a dot: the GitHub Actions workflow (actions/upload-pages-artifact) leaves it "
                    "out unless its upload step sets 'include-hidden-files: true'; 'briefgen deploy' publishes it",
                )
            )
    if total > site_limit:
        diagnostics.append(
            Diagnostic(
                "error",
                site_name,
                f"site is {_size(total)}: GitHub Pages publishes sites up to {_size(site_limit)}; "
                "remove large files or host them elsewhere",
            )
        )
    elif total > site_limit * SITE_WARN_FRACTION:
        diagnostics.append(
            Diagnostic(
                "warning",
                site_name,
                f"site is {_size(total)}, {100 * total // site_limit}% of GitHub Pages' {_size(site_limit)} limit",
            )
        )
    return diagnostics


def preflight_site(site_dir: Path) -> list[Diagnostic]:
    """Check the built site in `site_dir` against GitHub Pages' limits."""
    return check_files(scan_site(site_dir), site_name=site_dir.name)


def _first_hidden(path: str) -> str | None:
    """The leading part of `path` up to and including its first dot-named component ("a/.well-known")."""
    parts = path.split("/")
    for index, part in enumerate(parts):
        if part.startswith("."):
            return "/".join(parts[: index + 1])
    return None


def _size(size: int) -> str:
    for unit, scale in (("GB", 1_000_000_000), ("MB", 1_000_000), ("kB", 1_000)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}".replace(".0 ", " ")
    return f"{size} bytes"
