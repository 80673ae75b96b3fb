"""Build state under `.briefgen/`, owned here: every file's name, format tag, pruning and check.

| file | what | kept by |
|---|---|---|
| `build-<output>.pickle` | the input stamp of the last good build | `read_state` / `write_state` |
| `pages-<output>.pickle` | each page's signature | `read_state` / `write_state` |
| `bodies-<output>.sqlite` | the quick path's notes and page contexts | `publish.quick.BodyStore` (rows checked on load) |
| `notes.pickle` | parsed notes by content hash | `PickleCache` |
| `pages/` | rendered pages by signature, each checked against its recorded hash | `PageCache` |
| `extracted.sqlite` | the extractor's output by seed hash | `ExtractionCache` |
| `templates-jinja<version>/` | compiled templates | Jinja (`template_cache_dir`) |
| `build.lock` | one build at a time | `builder.lock` |

A missing, corrupt, foreign (another briefgen version) or locked file means "recompute", never a
failed build. Entries are keyed by a hash of what they were computed from, so a stale entry is
simply never looked up again; pruning drops them on save.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import pickle
import sqlite3
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .atomic import atomic_file, write_text_atomic
from .errors import NoteError

if TYPE_CHECKING:  # notes imports PyYAML, which an up-to-date build never needs
    from .config import Config
    from .notes.note import Note

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


def state_file(config: Config, name: str, suffix: str = ".pickle") -> Path:
    """A build-state file of one output folder (serve builds elsewhere and keeps its own):
    `build` (the input stamp), `pages` (page signatures), `bodies` (the quick path's store)."""
    tag = hashlib.sha256(str(config.output_dir.resolve()).encode()).hexdigest()[:12]
    return config.cache_dir / f"{name}-{tag}{suffix}"


def template_cache_dir(cache_dir: Path, jinja_version: str) -> Path:
    """Compiled templates (Jinja's own bytecode cache, which checks each against its source)."""
    return cache_dir / f"templates-jinja{jinja_version}"


def write_state(path: Path, data: dict[str, Any]) -> None:
    with contextlib.suppress(OSError):
        write_text_atomic(path, pickle.dumps((CACHE_FORMAT, data), protocol=pickle.HIGHEST_PROTOCOL))


class PageCache:
    """Rendered pages by signature, as hard links to the files in site/ (no extra disk space).

    briefgen never modifies a site file in place (it writes a new file and renames it), so a
    linked copy keeps the bytes it was rendered with even after site/ is deleted or rebuilt.
    Every entry's content hash is recorded when it is added and checked before the entry is
    used: a damaged or replaced file is a cache miss (the page renders again), never published.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._digests: dict[str, str] | None = None
        self._dirty = False

    @property
    def digests(self) -> dict[str, str]:
        """signature -> sha256 of the entry's bytes, as recorded when it was added."""
        if self._digests is None:
            index = read_state(self.folder / "index")
            self._digests = {k: v for k, v in index.items() if isinstance(k, str) and isinstance(v, str)}
        return self._digests

    def path(self, signature: str) -> Path:
        return self.folder / signature[:2] / signature

    def add(self, signature: str, source: Path) -> None:
        target = self.path(signature)
        try:
            digest = hashlib.sha256(source.read_bytes()).hexdigest()
            if self.digests.get(signature) != digest or not target.is_file():
                with contextlib.suppress(FileNotFoundError):
                    target.unlink()  # a stale or damaged entry under this signature
                target.parent.mkdir(parents=True, exist_ok=True)
                os.link(source, target)
                self.digests[signature] = digest
                self._dirty = True
        except OSError:  # no hard links here, or a read-only cache: the cache is an optimisation only
            pass

    def verified(self, signature: str) -> Path | None:
        """The entry for `signature` if its bytes are the ones recorded, else None (and it is dropped)."""
        expected = self.digests.get(signature)
        if expected is None:
            return None
        target = self.path(signature)
        try:
            if hashlib.sha256(target.read_bytes()).hexdigest() == expected:
                return target
            target.unlink()
        except OSError:
            pass
        del self.digests[signature]
        self._dirty = True
        return None

    def is_empty(self) -> bool:
        """No page is cached (a first build, or the cache was deleted)."""
        return not self.digests

    def save(self, keep: set[str] | None = None) -> None:
        """Record the entries' hashes; with `keep`, first drop the pages no current page has."""
        if keep is not None:
            self._prune(keep)
        if self._dirty:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_state(self.folder / "index", self.digests)
            self._dirty = False

    def _prune(self, keep: set[str]) -> None:
        if not self.folder.is_dir():
            return
        for sub in self.folder.iterdir():
            for entry in sub.iterdir() if sub.is_dir() else ():
                if entry.name not in keep:
                    with contextlib.suppress(OSError):
                        entry.unlink()
        for signature in [s for s in self.digests if s not in keep]:
            del self.digests[signature]
            self._dirty = True


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


PARALLEL_MIN_NOTES = 200
"""Below this many notes to parse, starting worker processes costs more than it saves (a note
takes about 2 ms to parse, a worker about 0.2 s to start)."""

Parsed = tuple["Note | None", NoteError | None, bool]
"""A note file's parse: the note or the error that stopped it, and whether briefgen wrote it unedited."""


def scan_notes(content_dir: Path, root: Path, cache: PickleCache | None, *, jobs: int = 1) -> list[NoteFile]:
    """Read every `content/*.md`; parse only what the cache has not seen (by path and content hash),
    in `jobs` worker processes when there are many (a fresh clone, or after the cache was deleted)."""
    from .notes.note import compact_note
    from .pool import ordered_map

    if not content_dir.is_dir():
        return []
    found: list[NoteFile | None] = []  # None: to be parsed
    pending: list[tuple[Path, str]] = []
    for path in sorted(content_dir.glob("*.md")):
        display = display_path(path, root)
        read = _read_note(path, display)
        if isinstance(read, NoteError):
            found.append(NoteFile(path, display, "", "", None, read, False))
            continue
        digest = read[1]
        cached: Parsed | None = cache.get(f"{display}\0{digest}") if cache is not None else None
        if cached is not None:
            note, failure, unedited = cached
            # the text is kept only where a reader still needs it: a note that failed to parse
            found.append(NoteFile(path, display, read[0] if note is None else "", digest, note, failure, unedited))
        else:
            found.append(None)
            pending.append((path, display))
    # Workers read the files themselves, so no process holds every note's text at once.
    results = iter(ordered_map(read_note_file, pending, workers=jobs, min_jobs=PARALLEL_MIN_NOTES))
    for index, item in enumerate(found):
        if item is None:
            file = next(results)
            if file.note is not None:
                file = dataclasses.replace(file, note=compact_note(file.note))
            if cache is not None and file.digest:
                cache.put(f"{file.display}\0{file.digest}", (file.note, file.error, file.unedited))
            found[index] = file
    return [file for file in found if file is not None]


def _read_note(path: Path, display: str) -> tuple[str, str] | NoteError:
    """(text, sha256) of a note file, or the error that stops it being read."""
    try:
        raw = path.read_bytes()
        for _ in range(3):  # an empty note is usually one an editor is saving (truncate, then write)
            if raw:
                break
            time.sleep(0.05)
            raw = path.read_bytes()
        return raw.decode("utf-8"), hashlib.sha256(raw).hexdigest()
    except UnicodeDecodeError as exc:
        return NoteError(f"{display}: not UTF-8 text (byte {exc.start})")
    except OSError as exc:
        return NoteError(f"{display}: cannot read note: {exc.strerror}")


def read_note_file(job: tuple[Path, str]) -> NoteFile:
    """(path, display path) -> the note file read and parsed (runs in worker processes)."""
    from .notes.note import is_unedited, parse_note

    path, display = job
    read = _read_note(path, display)
    if isinstance(read, NoteError):
        return NoteFile(path, display, "", "", None, read, False)
    text, digest = read
    try:
        note = parse_note(text, file=display, default_slug=path.stem)
    except NoteError as exc:
        # the text is kept only where a reader still needs it: a note that failed to parse
        return NoteFile(path, display, text, digest, None, exc, False)
    return NoteFile(path, display, "", digest, note, None, is_unedited(text))


Extraction = tuple[str, dict[str, Any], str]
"""What the extractor makes of a seed: (slug, front-matter, Markdown body)."""


class ExtractionCache:
    """Seed -> extraction, in one SQLite file: a note regenerated from an unchanged seed (`--force`,
    a deleted note, content/ cleared) is written again without running the extractor.

    Keyed by the seed's hash, its path (which the note records) and the reference date; tagged
    with the cache format, so another briefgen version's entries are never used. Entries are
    read one at a time, so the cache never has to fit in memory. Missing, locked or corrupt
    means "extract", never a failed build.
    """

    TIMEOUT = 5.0
    """Seconds to wait for another briefgen that is writing the file, before doing without it."""

    def __init__(self, connection: sqlite3.Connection | None) -> None:
        self.db = connection

    @classmethod
    @contextlib.contextmanager
    def open(cls, path: Path) -> Iterator[ExtractionCache]:
        try:
            connection: sqlite3.Connection | None = cls._connect(path)
        except sqlite3.OperationalError:  # locked by another briefgen, or cannot be opened: do without
            connection = None
        except (OSError, sqlite3.DatabaseError):  # not a database: start a new file
            with contextlib.suppress(OSError):
                path.unlink()
            try:
                connection = cls._connect(path)
            except (OSError, sqlite3.Error):
                connection = None
        cache = cls(connection)
        try:
            yield cache
        finally:
            if cache.db is not None:
                with contextlib.suppress(sqlite3.Error):
                    cache.db.commit()
                cache.db.close()

    @classmethod
    def _connect(cls, path: Path) -> sqlite3.Connection:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, timeout=cls.TIMEOUT)
        try:
            db.execute("CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            row = db.execute("SELECT value FROM state WHERE key = 'format'").fetchone()
            if row is None or row[0] != CACHE_FORMAT:  # new, or another version's entries: start again
                db.executescript("DROP TABLE IF EXISTS extracted; DELETE FROM state;")
                db.execute("INSERT INTO state VALUES ('format', ?)", (CACHE_FORMAT,))
            db.execute("CREATE TABLE IF NOT EXISTS extracted (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
            db.commit()
        except BaseException:
            db.close()
            raise
        return db

    @staticmethod
    def key(seed_sha256: str, display: str, reference: date, engine: str = "rules") -> str:
        return f"{seed_sha256}\0{display}\0{reference.isoformat()}\0{engine}"

    def keys(self) -> set[str]:
        return set(self._rows("SELECT key FROM extracted"))

    def get(self, key: str) -> Extraction | None:
        for blob in self._rows("SELECT value FROM extracted WHERE key = ?", key):
            try:
                slug, frontmatter, body = pickle.loads(zlib.decompress(blob))
            except Exception:  # a damaged entry: extract again
                return None
            if isinstance(slug, str) and isinstance(frontmatter, dict) and isinstance(body, str):
                return slug, frontmatter, body
        return None

    @staticmethod
    def pack(value: Extraction) -> bytes:
        """An entry as stored (done by the extraction workers, which have the time to spare)."""
        return zlib.compress(pickle.dumps(value, pickle.HIGHEST_PROTOCOL), 1)

    def put(self, key: str, packed: bytes) -> None:
        self._write("INSERT OR REPLACE INTO extracted VALUES (?, ?)", (key, packed))

    def keep_only(self, keys: set[str]) -> set[str]:
        """Drop the entries of seeds that are gone or have changed; the keys of those left."""
        stored = self.keys()
        if stale := [(key,) for key in stored - keys]:
            self._write("DELETE FROM extracted WHERE key = ?", stale, many=True)
        return stored & keys

    def _rows(self, query: str, *args: str) -> list[Any]:
        if self.db is None:
            return []
        try:
            return [row[0] for row in self.db.execute(query, args)]
        except sqlite3.Error:
            self._give_up()
            return []

    def _write(self, statement: str, args: Any, *, many: bool = False) -> None:
        if self.db is None:
            return
        try:
            if many:
                self.db.executemany(statement, args)
            else:
                self.db.execute(statement, args)
        except sqlite3.Error:  # e.g. locked by another briefgen for too long: carry on without it
            self._give_up()

    def _give_up(self) -> None:
        if self.db is not None:
            with contextlib.suppress(sqlite3.Error):
                self.db.close()
            self.db = None


def display_path(path: Path, root: Path) -> str:
    """A path as shown to users and stored in notes: relative to the project, POSIX style."""
    # The usual case, by string: called for every note and seed of every full build, where
    # pathlib's `relative_to` costs more than reading the file.
    text, prefix = str(path), str(root).rstrip(os.sep) + os.sep
    if text.startswith(prefix) and len(text) > len(prefix):
        relative = text[len(prefix) :]
        return relative if os.sep == "/" else relative.replace(os.sep, "/")
    if path.is_relative_to(root):  # no file-system calls needed
        return path.relative_to(root).as_posix()
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
