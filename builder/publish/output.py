"""Writing site/ so that it is never half-written.

New and changed files are first written to a staging folder beside site/; files whose bytes did
not change are left where they are (they keep their timestamps and cost no write). Only after
every page has rendered does `commit()` move the staged files into site/ — a single rename when
there is no previous site, otherwise one atomic rename per changed file — and then remove the
files that are no longer part of the site. A build that fails before the commit leaves the
previous site exactly as it was.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def stage_file(staging: Path, output_dir: Path, relative: str, data: bytes) -> bool:
    """Stage `data` for `relative` unless site/ already has those bytes; True when it was staged.

    A pure function of the file system, so worker processes can call it for their pages.
    """
    if same_bytes(output_dir / relative, data):
        return False
    target = staging / relative
    try:
        handle = open(target, "wb")  # noqa: SIM115 - the common case needs no mkdir at all
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle = open(target, "wb")  # noqa: SIM115
    with handle:
        handle.write(data)
    return True


def stage_link(staging: Path, output_dir: Path, relative: str, source: Path) -> bool:
    """Stage a hard link to `source` (a cached copy of the page) unless site/ already has it."""
    current = output_dir / relative
    try:
        if current.exists() and os.path.samefile(current, source):
            return False
    except OSError:
        pass
    target = staging / relative
    try:
        try:
            os.link(source, target)
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(source, target)
    except OSError:  # another file system, or no hard links: copy instead
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return True


class SiteWriter:
    """Collects the changes to the site in staging, then applies them with `commit()`."""

    def __init__(self, output_dir: Path) -> None:
        self.output_dir = output_dir
        self.staging = output_dir.with_name(f".{output_dir.name}.staging")
        self.previous = output_dir.with_name(f".{output_dir.name}.previous")
        self.written = 0
        self.unchanged = 0
        self.removed = 0
        self._files: set[str] = set()
        self._staged: list[str] = []
        self._removed: list[str] = []

    def __enter__(self) -> SiteWriter:
        self.output_dir.parent.mkdir(parents=True, exist_ok=True)
        if self.previous.exists() and not self.output_dir.exists():
            self.previous.rename(self.output_dir)  # an older briefgen's swap was interrupted half-way
        for leftover in (self.staging, self.previous):
            if leftover.exists():
                shutil.rmtree(leftover)
        self.staging.mkdir()
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if self.staging.exists():
            shutil.rmtree(self.staging, ignore_errors=True)

    def _claim(self, relative: str) -> None:
        if relative in self._files:
            raise ValueError(f"two pages want the same output file {relative!r}")
        self._files.add(relative)

    def write(self, relative: str, data: bytes) -> None:
        """Add one file to the new site (relative POSIX path inside site/)."""
        if relative in self._files:
            raise ValueError(f"two pages want the same output file {relative!r}")
        self.record(relative, staged=stage_file(self.staging, self.output_dir, relative, data))

    def record(self, relative: str, *, staged: bool) -> None:
        """Account for a file that `stage_file` handled (possibly in another process)."""
        self._claim(relative)
        if staged:
            self._staged.append(relative)
            self.written += 1
        else:
            self.unchanged += 1

    def keep(self, relative: str) -> None:
        """The file in site/ is already what this build would write (known without rendering it)."""
        self._claim(relative)
        self.unchanged += 1

    def link(self, relative: str, source: Path) -> None:
        """Add a file whose bytes are already on disk (the page cache) without reading them."""
        if relative in self._files:
            raise ValueError(f"two pages want the same output file {relative!r}")
        self.record(relative, staged=stage_link(self.staging, self.output_dir, relative, source))

    def has(self, relative: str) -> bool:
        return relative in self._files

    @property
    def files(self) -> list[str]:
        """Every file of the new site (relative paths), sorted."""
        return sorted(self._files)

    @property
    def changed(self) -> list[str]:
        """The files written or removed (after `commit()`), sorted."""
        return sorted(self._staged + self._removed)

    def final_path(self, relative: str, *, staged: bool) -> Path:
        """Where a recorded file's bytes are now: staged, or (unchanged) in site/."""
        return (self.staging if staged else self.output_dir) / relative

    def commit(self) -> None:
        """Apply the staged changes to site/ and remove files that are no longer part of it."""
        if not self.output_dir.is_dir():
            self.staging.rename(self.output_dir)
            return
        for relative in self._staged:
            target = self.output_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)
            os.replace(self.staging / relative, target)
        prefix = len(str(self.output_dir)) + 1
        for root, dirs, files in os.walk(self.output_dir, topdown=False):
            for name in files:
                path = os.path.join(root, name)
                relative = path[prefix:].replace(os.sep, "/")
                if relative not in self._files:
                    os.unlink(path)
                    self._removed.append(relative)
                    self.removed += 1
            for name in dirs:
                folder = os.path.join(root, name)
                if not os.path.islink(folder) and not os.listdir(folder):
                    os.rmdir(folder)


def same_bytes(path: Path, data: bytes) -> bool:
    """Whether `path` already holds exactly `data` (sizes first: most changed pages differ in size)."""
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False
