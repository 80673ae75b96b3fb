"""What a build reads, hashed: the input stamp that tells an up-to-date build from one with work
to do, and the cheap checks of what is left of site/ (no Jinja, PyYAML or extractor imported)."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path
from typing import Any

from . import __version__
from .cache import read_state, state_file
from .config import Config, theme_dir

Stats = dict[str, list[Any]]
"""File name -> [size, mtime_ns, sha256] as of the last stamp."""


def input_stamp(
    config: Config, *, include_drafts: bool, authoring: bool, known: Stats | None = None
) -> tuple[dict[str, str], Stats]:
    """The content hash of everything a build reads (seeds, notes, templates, theme), plus settings.

    Like git's index, a file whose size and modification time match the last stamp is not read
    again, unless that time is too close to when the stamp was taken to rule out a same-tick edit.
    """
    settings = f"{__version__}\0{config!r}\0{include_drafts}\0{authoring}\0{_libraries()}"
    stamp = {"(settings)": hashlib.sha256(settings.encode()).hexdigest()}
    stats: Stats = {}
    known = known or {}
    racy_after = time.time_ns() - 2_000_000_000
    root_prefix_text = str(config.root) + os.sep
    root_prefix = len(root_prefix_text)
    folders = [config.content_dir, config.templates_dir, theme_dir()]
    aliases_file = config.root / config.extract.aliases_file
    if aliases_file.is_file():
        stamp[config.extract.aliases_file] = hashlib.sha256(aliases_file.read_bytes()).hexdigest()
    if authoring:
        folders.append(config.seeds_dir)
    for folder in folders:
        for path, info in _scan(folder):
            name = path[root_prefix:] if path.startswith(root_prefix_text) else path
            previous = known.get(name)
            if previous and previous[:2] == [info.st_size, info.st_mtime_ns] and info.st_mtime_ns < racy_after:
                digest = str(previous[2])
            else:
                try:
                    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
                except OSError:  # gone since the scan (an editor's probe file such as vim's "4913")
                    continue
            stamp[name] = digest
            stats[name] = [info.st_size, info.st_mtime_ns, digest]
    return stamp, stats


RENDERING_LIBRARIES = ("jinja2", "markupsafe", "markdown_it", "mdit_py_plugins", "yaml")


def _libraries() -> str:
    """Which installed copies of the libraries that shape the output this build runs with.

    Their files' sizes and times, found without importing them (importing would cost an up-to-date
    build more than its whole check): upgrading one makes every page out of date.
    """
    from importlib.util import find_spec

    parts = []
    for name in RENDERING_LIBRARIES:
        spec = find_spec(name)
        origin = spec.origin if spec else None
        try:
            info = os.stat(origin) if origin else None
        except OSError:
            info = None
        parts.append(f"{name}:{origin}:{info.st_size}:{info.st_mtime_ns}" if info else f"{name}:-")
    return ";".join(parts)


def stale_inputs(config: Config, *, include_drafts: bool = False) -> list[str]:
    """What changed since site/ was last built successfully (empty when the site is current).

    Names the seeds, notes or templates added, edited or deleted since; "(settings)" for
    briefgen.toml or the briefgen version; "(site)" when site/ itself is missing or was altered.
    """
    previous = read_state(state_file(config, "build"))
    before = previous.get("stamp") or {}
    now, _ = input_stamp(config, include_drafts=include_drafts, authoring=True, known=previous.get("stats"))
    changed = sorted(name for name in before.keys() | now.keys() if before.get(name) != now.get(name))
    if not site_complete(config.output_dir, previous.get("files")):
        changed.append("(site)")
    return changed


def _scan(folder: Path) -> list[tuple[str, os.stat_result]]:
    """(path, stat) of every file under `folder`, in a stable order; plain strings, as this runs
    on every build over every file of the project and the site."""
    found: list[tuple[str, os.stat_result]] = []
    pending = [str(folder)]
    while pending:
        current = pending.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                pending.append(entry.path)
            elif entry.is_file():
                try:
                    found.append((entry.path, entry.stat()))
                except OSError:  # deleted between the listing and the stat
                    continue
    found.sort()
    return found


def site_complete(output_dir: Path, files: object) -> bool:
    """site/ still holds every file the last build wrote (nothing was deleted by hand).

    One stat per file: a walk of site/ would open every page's folder, several times slower.
    """
    if not isinstance(files, list) or not output_dir.is_dir():
        return False
    base = str(output_dir) + os.sep
    try:
        for name in files:
            os.stat(base + name)
    except (OSError, TypeError):
        return False
    return True


def site_present(output_dir: Path, files: object) -> bool:
    """site/ is there, with the home page the last build wrote (not deleted or emptied by hand)."""
    return isinstance(files, list) and "index.html" in files and (output_dir / "index.html").is_file()
