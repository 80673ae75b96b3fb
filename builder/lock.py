"""One build at a time per project: an advisory lock on a file in the cache folder.

Two builds writing the same `content/` and `site/` would race on every file; the second one waits
a little for the first to finish, then gives up with a message that says who holds the lock.
The kernel releases the lock when its holder exits, even by SIGKILL, so a stale lock never
blocks a later build.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from .errors import BriefgenError

try:
    import fcntl
except ImportError:  # Windows: no advisory locks in the standard library; builds are not serialised
    fcntl = None  # type: ignore[assignment]

WAIT_SECONDS = 10.0
"""How long a second build waits for the first before giving up."""


class LockedError(BriefgenError):
    """Another briefgen process is building this project."""


@contextlib.contextmanager
def project_lock(cache_dir: Path, *, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the project's build lock for the duration of the block."""
    if fcntl is None:
        yield
        return
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / "build.lock"
    handle = open(path, "a+")  # noqa: SIM115 - held open for the whole block
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or "another process"
                    raise LockedError(
                        f"{path}: another briefgen ({holder}) is building this project; "
                        f"waited {wait:g} s. Run the command again when it has finished"
                    ) from None
                time.sleep(0.1)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        yield
    finally:
        handle.close()  # releases the lock
