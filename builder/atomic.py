"""Atomic file replacement: readers see the old or the new content, never a partial file."""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

_TEMPORARY = itertools.count()


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A file to write that replaces `path` only once it is complete (and not at all on an error).

    Writing through a handle, rather than passing the bytes, lets a large cache be streamed to
    disk instead of being held in memory twice. The temporary file beside `path` is named by
    process and counter (no other live process or thread can use the name; a leftover of the
    same name is from a process that died), and is created with the mode and umask an ordinary
    file gets, so writing thousands of notes costs four system calls each.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{next(_TEMPORARY)}.tmp")
    fd = _create(tmp)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _create(tmp: Path) -> int:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        return os.open(tmp, flags, 0o666)
    except FileNotFoundError:
        tmp.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        tmp.unlink()
    return os.open(tmp, flags, 0o666)


def write_text_atomic(path: Path, text: str | bytes) -> None:
    """Write a file so that readers see the old or the new content, never a partial one."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    with atomic_file(path) as handle:
        handle.write(data)
