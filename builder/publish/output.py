"""Writing site/ so that it is never half-written.

New and changed files are first written to a staging folder beside site/; files whose bytes did
not change are not rewritten (they keep their timestamps and cost no write). Only after every
page has rendered does `commit()` complete the staging folder with hard links to the unchanged
files and swap it with site/ in one step (Linux's `renameat2(RENAME_EXCHANGE)`; elsewhere three
renames that the next build repairs if interrupted). A reader, or a build killed at any instant,
sees the previous site or the new one, never a mix; a build that fails before the commit leaves
the previous site exactly as it was.
"""

from __future__ import annotations

import ctypes
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
        """Make the staged tree the whole new site, then swap it with site/ in one step."""
        if not self.output_dir.is_dir():
            self.staging.rename(self.output_dir)
            return
        staged = set(self._staged)
        for relative in sorted(self._files - staged):  # unchanged: still only in site/
            _link_or_copy(self.output_dir / relative, self.staging / relative)
        _exchange(self.staging, self.output_dir, spare=self.previous)
        old = self.staging  # now holds the previous site
        prefix = len(str(old)) + 1
        for root, _dirs, files in os.walk(old):
            for name in files:
                relative = os.path.join(root, name)[prefix:].replace(os.sep, "/")
                if relative not in self._files:
                    self._removed.append(relative)
                    self.removed += 1
        shutil.rmtree(old, ignore_errors=True)


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        try:
            os.link(source, target)
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(source, target)
    except OSError:  # another file system, or no hard links: copy, keeping the timestamps
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path, *, spare: Path) -> None:
    """Swap two folders. Atomic with renameat2 (Linux 3.15+, glibc 2.28+); otherwise three renames,
    after which `SiteWriter.__enter__` puts back a site/ an interrupted swap left missing."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
        renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
        if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
            return
    except (AttributeError, OSError):  # no such call here (another C library or system)
        pass
    os.rename(b, spare)
    os.rename(a, b)
    os.rename(spare, a)


def same_bytes(path: Path, data: bytes) -> bool:
    """Whether `path` already holds exactly `data` (sizes first: most changed pages differ in size)."""
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False
