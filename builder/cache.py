"""The persistent build cache under `.briefgen/`: content-hash keyed, safe to delete.

A missing, corrupt or foreign (other briefgen version) cache file means "recompute", never a
failed build. Entries are keyed by a hash of what they were computed from, so a stale entry is
simply never looked up again; `prune` drops them on save.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .atomic import atomic_file, write_text_atomic
from .errors import NoteError

if TYPE_CHECKING:  # notes imports PyYAML, which an up-to-date build never needs
    from .notes import Note

CACHE_FORMAT = f"briefgen {__version__} cache 3"


class PickleCache:
    """A dict of picklable values persisted in one file, tagged with the cache format."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[str, Any] = {}
        self.dirty = False
        self._used: set[str] = set()
        try:
            with path.open("rb") as handle:
                tag, entries = pickle.load(handle)
            if tag == CACHE_FORMAT and isinstance(entries, dict):
                self.entries = entries
        except Exception:  # missing, truncated, corrupt, or from another version: start empty
            self.entries = {}

    def get(self, key: str) -> Any:
        value = self.entries.get(key)
        if value is not None:
            self._used.add(key)
        return value

    def put(self, key: str, value: Any) -> None:
        self.entries[key] = value
        self._used.add(key)
        self.dirty = True

    def save(self) -> None:
        """Write the entries used in this run (dropping the rest) if anything changed."""
        if not self.dirty and len(self._used) == len(self.entries):
            return
        kept = {key: self.entries[key] for key in sorted(self._used)}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with atomic_file(self.path) as handle:
                pickle.dump((CACHE_FORMAT, kept), handle, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError:
            pass  # a read-only cache folder costs speed, never correctness


def read_state(path: Path) -> dict[str, Any]:
    """A build-state file of this briefgen version, or {} when missing or unusable.

    Pickled rather than JSON: these are read and written on every build, even a no-op one, and
    pickle is several times faster for their large dicts of short strings.
    """
    try:
        with path.open("rb") as handle:
            tag, data = pickle.load(handle)
    except Exception:  # missing, truncated, corrupt or foreign: recompute
        return {}
    return data if tag == CACHE_FORMAT and isinstance(data, dict) else {}


def write_state(path: Path, data: dict[str, Any]) -> None:
    with contextlib.suppress(OSError):
        write_text_atomic(path, pickle.dumps((CACHE_FORMAT, data), protocol=pickle.HIGHEST_PROTOCOL))


class PageCache:
    """Rendered pages by signature, as hard links to the files in site/ (no extra disk space).

    briefgen never modifies a site file in place (it writes a new file and renames it), so a
    linked copy keeps the bytes it was rendered with even after site/ is deleted or rebuilt.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, signature: str) -> Path:
        return self.folder / signature[:2] / signature

    def add(self, signature: str, source: Path) -> None:
        target = self.path(signature)
        try:
            try:
                os.link(source, target)
            except FileNotFoundError:  # the first page in its shard folder
                target.parent.mkdir(parents=True, exist_ok=True)
                os.link(source, target)
        except OSError:  # already cached (FileExistsError), no hard links here, or a read-only cache:
            pass  # the cache is an optimisation only

    def is_empty(self) -> bool:
        """No page is cached (a first build, or the cache was deleted)."""
        try:
            with os.scandir(self.folder) as entries:
                return next(entries, None) is None
        except OSError:
            return True

    def prune(self, keep: set[str]) -> None:
        """Drop pages no current page has (old versions, deleted briefings)."""
        if not self.folder.is_dir():
            return
        for sub in self.folder.iterdir():
            for entry in sub.iterdir() if sub.is_dir() else ():
                if entry.name not in keep:
                    with contextlib.suppress(OSError):
                        entry.unlink()


@dataclass(frozen=True)
class NoteFile:
    """A note file as found on disk: its text, and the parsed note or the error that stopped it."""

    path: Path
    display: str
    text: str
    """The file's text when it could not be parsed (for recovery), else empty."""
    digest: str
    note: Note | None
    error: NoteError | None
    unedited: bool
    """The file is exactly what briefgen generated (so a rebuild may replace it)."""


def scan_notes(content_dir: Path, root: Path, cache: PickleCache | None) -> list[NoteFile]:
    """Read every `content/*.md`; parse only what the cache has not seen (by path and content hash)."""
    from .notes import compact_note, is_unedited, parse_note

    found: list[NoteFile] = []
    if not content_dir.is_dir():
        return found
    for path in sorted(content_dir.glob("*.md")):
        display = display_path(path, root)
        try:
            raw = path.read_bytes()
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            error = NoteError(f"{display}: not UTF-8 text (byte {exc.start})")
            found.append(NoteFile(path, display, "", "", None, error, False))
            continue
        except OSError as exc:
            error = NoteError(f"{display}: cannot read note: {exc.strerror}")
            found.append(NoteFile(path, display, "", "", None, error, False))
            continue
        digest = hashlib.sha256(raw).hexdigest()
        key = f"{display}\0{digest}"
        cached: tuple[Note | None, NoteError | None, bool] | None = cache.get(key) if cache is not None else None
        if cached is None:
            try:
                cached = (compact_note(parse_note(text, file=display, default_slug=path.stem)), None, is_unedited(text))
            except NoteError as exc:
                cached = (None, exc, False)
            if cache is not None:
                cache.put(key, cached)
        note, failure, unedited = cached
        # the text is kept only where a reader still needs it: a note that failed to parse
        found.append(NoteFile(path, display, text if note is None else "", digest, note, failure, unedited))
    return found


def display_path(path: Path, root: Path) -> str:
    """A path as shown to users and stored in notes: relative to the project, POSIX style."""
    if path.is_relative_to(root):  # the usual case, and no file-system calls needed
        return path.relative_to(root).as_posix()
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
