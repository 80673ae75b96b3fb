"""Watching the project for `briefgen serve`: classify file-system events, then debounce them.

The pure part (`Layout`, `is_editor_temp`, `classify`, `changes_from_event`, `due_in`) decides what
an event means; `Debouncer` coalesces a burst of events into one batch; `Watcher` is the thin
watchdog shell that feeds it. No event is dropped: a change that arrives while a batch is being
built simply starts the next batch.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch
from watchdog.observers.polling import PollingObserver

from ..config import CONFIG_FILE, Config

Kind = Literal["seed", "note", "template", "static", "config"]

QUIET_SECONDS = 0.1
"""A batch is built once no event has arrived for this long."""
MAX_WAIT_SECONDS = 1.0
"""...or once its first event is this old, so a file written without pause still gets built."""
POLL_SECONDS = 0.5
"""Polling interval with `--poll` (network mounts, WSL): the worst case added to a rebuild."""

# Editors write these beside the file being saved; the rename onto the real file is the change.
_TEMP_NAME = re.compile(
    r"""(
      ~$                          # backup: note.md~ (vim, emacs, gedit)
    | ^\.?\#                      # emacs lock and autosave: .#note.md, #note.md#
    | ^\..*\.sw[a-p]x?$            # vim swap: .note.md.swp, .swo, .swpx (hidden, so style.swf is kept)
    | ^4913$                      # vim's "can I write here" probe
    | \.(tmp|temp|bak|orig|part|crdownload)$   # generic temp files, .sublXXXX.tmp, .md.bak
    | ___jb_(tmp|old)___$         # JetBrains safe write
    | ^\.goutputstream-           # GNOME (gedit) atomic save
    | ^\.DS_Store$
    )""",
    re.VERBOSE | re.IGNORECASE,
)

_CHANGE_EVENTS: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileClosedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]
"""Opened and closed-without-writing events are left out: every build reads the files it watches."""


@dataclass(frozen=True)
class Layout:
    """Where a project's inputs live (absolute paths), taken from its `Config`."""

    root: Path
    seeds_dir: Path
    content_dir: Path
    templates_dir: Path
    config_files: tuple[Path, ...]
    """briefgen.toml and the extraction aliases file: a change to either rebuilds everything."""
    ignored_dirs: tuple[Path, ...]
    """Output and cache folders: briefgen writes there itself."""

    @classmethod
    def from_config(cls, config: Config) -> Layout:
        return cls(
            root=config.root,
            seeds_dir=config.seeds_dir,
            content_dir=config.content_dir,
            templates_dir=config.templates_dir,
            config_files=(config.root / CONFIG_FILE, config.root / config.extract.aliases_file),
            ignored_dirs=(config.output_dir, config.cache_dir),
        )

    @property
    def static_dir(self) -> Path:
        return self.templates_dir / "static"

    def watch_roots(self) -> list[tuple[Path, bool]]:
        """(folder, recursive) pairs to watch; the project root only for its own files and new folders."""
        roots = [(self.root, False), (self.seeds_dir, True), (self.content_dir, False), (self.templates_dir, True)]
        roots += [(path.parent, False) for path in self.config_files]
        unique: dict[Path, bool] = {}
        for folder, recursive in roots:
            unique[folder] = unique.get(folder, False) or recursive
        return list(unique.items())


@dataclass(frozen=True)
class Change:
    """One changed input: what it is, and whether a file appeared, went away or was renamed."""

    path: Path
    kind: Kind
    structural: bool = False


def is_editor_temp(name: str) -> bool:
    """Swap, backup, lock and temp files that editors write around a save (and briefgen's own .tmp)."""
    return bool(_TEMP_NAME.search(name))


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _hidden_below(path: Path, folder: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(folder).parts)


def classify(path: Path, layout: Layout) -> Kind | None:
    """What a file is to the build, or None when no build reads it."""
    if is_editor_temp(path.name) or any(_inside(path, d) for d in layout.ignored_dirs):
        return None
    if path in layout.config_files:
        return "config"
    if _inside(path, layout.templates_dir) and path != layout.templates_dir:
        if _hidden_below(path, layout.templates_dir):
            return None
        return "static" if _inside(path, layout.static_dir) else "template"
    if path.parent == layout.content_dir and path.suffix == ".md":
        return "note"
    if _inside(path, layout.seeds_dir) and path.suffix == ".txt" and not _hidden_below(path, layout.seeds_dir):
        return "seed"
    return None


def classify_dir(path: Path, layout: Layout) -> Kind | None:
    """What a created, deleted or moved folder holds (a watched folder itself included)."""
    if any(_inside(path, d) for d in layout.ignored_dirs) or is_editor_temp(path.name):
        return None
    if _inside(path, layout.templates_dir):
        if path != layout.templates_dir and _hidden_below(path, layout.templates_dir):
            return None
        return "static" if _inside(path, layout.static_dir) else "template"
    if path == layout.content_dir:
        return "note"
    if _inside(path, layout.seeds_dir) and (path == layout.seeds_dir or not _hidden_below(path, layout.seeds_dir)):
        return "seed"
    return None


def changes_from_event(
    event_type: str, src: Path, dest: Path | None, *, is_directory: bool, layout: Layout
) -> list[Change]:
    """The input changes one watchdog event stands for (pure).

    A rename of an editor's temp file onto a real file is that file's modification (an atomic save);
    any other create, delete or rename is structural: it can change listing pages.
    """
    if is_directory:
        if event_type not in ("created", "deleted", "moved"):
            return []
        found = [(src, classify_dir(src, layout))]
        if dest is not None:
            found.append((dest, classify_dir(dest, layout)))
        return [Change(path, kind, structural=True) for path, kind in found if kind is not None]
    if event_type in ("modified", "closed"):
        kind = classify(src, layout)
        return [Change(src, kind)] if kind else []
    if event_type in ("created", "deleted"):
        kind = classify(src, layout)
        return [Change(src, kind, structural=True)] if kind else []
    if event_type == "moved" and dest is not None:
        changes: list[Change] = []
        src_kind = classify(src, layout)
        if src_kind:
            changes.append(Change(src, src_kind, structural=True))
        dest_kind = classify(dest, layout)
        if dest_kind:
            changes.append(Change(dest, dest_kind, structural=src_kind is not None))
        return changes
    return []


def merge(pending: dict[Path, Change], change: Change) -> None:
    """Keep the last event per path; once structural, a path stays structural within the batch."""
    before = pending.pop(change.path, None)
    structural = change.structural or (before is not None and before.structural)
    pending[change.path] = Change(change.path, change.kind, structural)


def due_in(now: float, first: float, last: float, *, quiet: float, max_wait: float) -> float:
    """Seconds until a batch whose first and last events came at `first` and `last` is due (<= 0: now)."""
    return min(last + quiet, first + max_wait) - now


def input_files(layout: Layout) -> list[Path]:
    """Every file a build reads, as `classify` sees them (to record their hashes up front)."""
    found: list[Path] = []
    for folder, recursive in layout.watch_roots():
        if folder.is_dir():
            candidates = folder.rglob("*") if recursive else folder.iterdir()
            found.extend(path for path in candidates if path.is_file() and classify(path, layout) is not None)
    return sorted(set(found))


def fingerprint(path: Path) -> str | None:
    """The content hash of a file ("dir" for a folder, None when missing): what a build would read."""
    try:
        if path.is_dir():
            return "dir"
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class Debouncer:
    """Collects changes from the watcher thread; `take()` returns them once they have settled."""

    def __init__(
        self,
        *,
        quiet: float = QUIET_SECONDS,
        max_wait: float = MAX_WAIT_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.quiet = quiet
        self.max_wait = max_wait
        self._clock = clock
        self._pending: dict[Path, Change] = {}
        self._first = self._last = 0.0
        self._closed = False
        self._cond = threading.Condition()
        self.events = 0
        """Changes received in all (before coalescing)."""

    def add(self, changes: Iterable[Change]) -> None:
        with self._cond:
            for change in changes:
                now = self._clock()
                if not self._pending:
                    self._first = now
                self._last = now
                merge(self._pending, change)
                self.events += 1
            self._cond.notify_all()

    def take(self) -> list[Change] | None:
        """Block until a settled batch is ready and return it; None once closed."""
        with self._cond:
            while not self._closed:
                if self._pending:
                    wait = due_in(self._clock(), self._first, self._last, quiet=self.quiet, max_wait=self.max_wait)
                    if wait <= 0:
                        batch = list(self._pending.values())
                        self._pending.clear()
                        return batch
                    self._cond.wait(wait)
                else:
                    self._cond.wait()
            return None

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: Watcher) -> None:
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        dest = os.fsdecode(event.dest_path) if event.dest_path else None
        changes = changes_from_event(
            event.event_type,
            Path(os.fsdecode(event.src_path)),
            Path(dest) if dest else None,
            is_directory=event.is_directory,
            layout=self.watcher.layout,
        )
        if changes:
            self.watcher.sink(changes)


class Watcher:
    """watchdog's observer (inotify, or polling with `poll=True`) over a project's inputs."""

    def __init__(self, layout: Layout, sink: Callable[[list[Change]], None], *, poll: bool = False) -> None:
        self.layout = layout
        self.sink = sink
        self.poll = poll
        self._observer: BaseObserver = PollingObserver(timeout=POLL_SECONDS) if poll else Observer()
        self._handler = _Handler(self)
        self._watches: dict[Path, tuple[bool, ObservedWatch]] = {}
        self._lock = threading.Lock()

    def start(self) -> None:
        self.refresh(self.layout)
        self._observer.start()

    def stop(self) -> None:
        self._observer.stop()
        self._observer.join(timeout=10)

    def refresh(self, layout: Layout, *, renew: Iterable[Path] = ()) -> None:
        """Watch `layout`'s folders: new ones, ones that appeared since, and those in `renew` again."""
        with self._lock:
            self.layout = layout
            wanted = dict(layout.watch_roots())
            renewed = set(renew)
            for folder, (recursive, watch) in list(self._watches.items()):
                if wanted.get(folder) != recursive or folder in renewed or not folder.is_dir():
                    del self._watches[folder]
                    with contextlib.suppress(KeyError):  # watchdog drops a watch whose folder was deleted
                        self._observer.unschedule(watch)
            for folder, recursive in wanted.items():
                if folder not in self._watches and folder.is_dir():
                    watch = self._observer.schedule(
                        self._handler, str(folder), recursive=recursive, event_filter=_CHANGE_EVENTS
                    )
                    self._watches[folder] = (recursive, watch)

    @property
    def watched(self) -> list[Path]:
        with self._lock:
            return sorted(self._watches)
