"""Writing site/ so that it is never half-written.

Pages go into a staging directory beside site/; files whose bytes did not change are
hard-linked from the previous site (so unchanged files keep their mtime and cost no write).
Only after every page rendered does the staging directory replace site/. A failed or
interrupted build leaves the previous site as it was.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


class SiteWriter:
    """Collects the new site in staging, then swaps it in with `commit()`."""

    def __init__(self, output_dir: Path) -> None:
        self.output_dir = output_dir
        self.staging = output_dir.with_name(f".{output_dir.name}.staging")
        self.previous = output_dir.with_name(f".{output_dir.name}.previous")
        self.written = 0
        self.unchanged = 0
        self.removed = 0
        self._files: set[str] = set()

    def __enter__(self) -> SiteWriter:
        self.output_dir.parent.mkdir(parents=True, exist_ok=True)
        if self.previous.exists() and not self.output_dir.exists():
            self.previous.rename(self.output_dir)  # an earlier swap was interrupted half-way
        for leftover in (self.staging, self.previous):
            if leftover.exists():
                shutil.rmtree(leftover)
        self.staging.mkdir()
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if self.staging.exists():
            shutil.rmtree(self.staging, ignore_errors=True)

    def write(self, relative: str, data: bytes) -> None:
        """Add one file to the new site (relative POSIX path inside site/)."""
        if relative in self._files:
            raise ValueError(f"two pages want the same output file {relative!r}")
        self._files.add(relative)
        target = self.staging / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        old = self.output_dir / relative
        if _same_bytes(old, data):
            try:
                os.link(old, target)
                self.unchanged += 1
                return
            except OSError:
                pass
        with open(target, "wb") as handle:
            handle.write(data)
        self.written += 1

    def has(self, relative: str) -> bool:
        return relative in self._files

    def commit(self) -> None:
        """Replace site/ with the staged site; count the files that went away."""
        if self.output_dir.exists():
            self.removed = sum(
                1
                for path in self.output_dir.rglob("*")
                if path.is_file() and path.relative_to(self.output_dir).as_posix() not in self._files
            )
            self.output_dir.rename(self.previous)
        self.staging.rename(self.output_dir)
        if self.previous.exists():
            shutil.rmtree(self.previous)


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False
