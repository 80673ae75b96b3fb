"""Quick rebuilds: an edit to a note's body re-renders that note's page without gathering the site.

Every page is a pure function of its template, the template globals and its context (see
`builder.deps`). Everything the gather step computes (cards, entity pages, related briefings,
backlinks, the timeline, feeds, the search index, the sitemap) comes from each note's
front-matter and the briefing links in its body, never from the rest of the body. So when the
only inputs that changed since the last build are notes whose front-matter text
(`Note.head_digest`) and links are unchanged, every page's context is the same as before except
that the pages holding one of those notes now hold its new version.

A full publish records, per output folder, a `BodyStore`: each note's gather key and the note
without its body, and each page whose context holds a whole note, with that context (the note left
out). The quick path reads only the changed notes: since their front-matter text is unchanged, each
is its recorded note with the new body (no YAML is parsed). It puts each back into its pages'
recorded contexts, and renders and signs them with the same `Renderer` as a full build, so site/
and the recorded state end up byte-for-byte as a full build would leave them (tests compare the
two). Anything else (a note added, deleted, unparsable or with a changed front-matter; a template,
the settings, the aliases file or a seed) takes the full path.

The store is SQLite (stdlib): the quick path reads one row per changed page instead of loading
the state of the whole site, which is what keeps an edit fast however large the site is.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import pickle
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..atomic import write_text_atomic
from ..cache import CACHE_FORMAT, display_path, read_state, write_state
from ..errors import Diagnostic
from ..notes.note import Note, is_unedited, kept_edited_message, with_body

if TYPE_CHECKING:
    from ..config import Config
    from .render import Page


def gather_key(note: Note) -> str:
    """What the gather step reads of a note: its file, front-matter text and briefing links."""
    parts = [note.file, note.head_digest, *note.links]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


@dataclass(frozen=True)
class BodyPage:
    """A recorded page that shows a whole note: its context with None in place of the note (`key`)."""

    relative: str
    signature: str
    url: str
    template: str
    key: str
    context: Mapping[str, Any]

    def with_note(self, note: Note) -> Page:
        from .render import Page

        # the same keys in the same order as the full build's context: the signature hashes both
        return Page(self.url, self.template, {k: note if k == self.key else v for k, v in self.context.items()})


def body_pages(pages: Iterable[tuple[str, str, Page]]) -> Iterator[tuple[Note, BodyPage]]:
    """The pages (output file, signature, page) whose context holds one whole note, as recorded."""
    for relative, signature, page in pages:
        keys = [key for key, value in page.context.items() if isinstance(value, Note)]
        if len(keys) == 1:
            key = keys[0]
            context = {k: None if k == key else v for k, v in page.context.items()}
            yield page.context[key], BodyPage(relative, signature, page.url, page.template, key, context)


class BodyStore:
    """SQLite tables of gather keys and note pages, tagged with the publish they belong to.

    Unusable (missing, corrupt, another briefgen version) means "take the full path"; the store
    is rebuilt by the next full publish, like every other cache file.
    """

    SCHEMA = (
        "CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS notes (file TEXT PRIMARY KEY, gather TEXT NOT NULL, note BLOB NOT NULL)",
        "CREATE TABLE IF NOT EXISTS pages (relative TEXT PRIMARY KEY, note TEXT NOT NULL,"
        " signature TEXT NOT NULL, page BLOB NOT NULL)",
        "CREATE INDEX IF NOT EXISTS pages_by_note ON pages (note)",
    )

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.db = connection

    @classmethod
    @contextlib.contextmanager
    def open(cls, path: Path, *, create: bool) -> Iterator[BodyStore | None]:
        if not create and not path.is_file():
            yield None
            return
        connection = cls._connect(path, create=create)
        if connection is None and create:  # a corrupt file: start a new store
            with contextlib.suppress(OSError):
                path.unlink()
            connection = cls._connect(path, create=create)
        if connection is None:
            yield None
            return
        try:
            yield cls(connection)
        finally:
            connection.close()

    @classmethod
    def _connect(cls, path: Path, *, create: bool) -> sqlite3.Connection | None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(path, isolation_level=None)
        except (OSError, sqlite3.Error):
            return None
        if cls(connection)._ready(create=create):
            return connection
        connection.close()
        return None

    def _ready(self, *, create: bool) -> bool:
        try:
            if create:
                self.db.execute(self.SCHEMA[0])
                if self.get("format") != CACHE_FORMAT:  # another version's tables: start again
                    self.db.executescript("DELETE FROM state; DROP TABLE IF EXISTS notes; DROP TABLE IF EXISTS pages;")
                    self.db.execute("INSERT INTO state VALUES ('format', ?)", (CACHE_FORMAT,))
                for statement in self.SCHEMA:
                    self.db.execute(statement)
                return True
            return self.get("format") == CACHE_FORMAT
        except sqlite3.Error:
            return False

    def get(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def record(self, token: str, notes: Sequence[Note], pages: Iterable[tuple[Note, BodyPage]]) -> None:
        """After a full publish: every note's gather key and front-matter (the note without its
        body), and every page that shows a note.

        Only rows that changed are written, so a warm build pickles nothing.
        """
        keys = {note.file: gather_key(note) for note in notes}
        stored_keys = dict(self.db.execute("SELECT file, gather FROM notes").fetchall())
        stored_pages = dict(self.db.execute("SELECT relative, signature FROM pages").fetchall())
        current: set[str] = set()

        def rows() -> Iterator[tuple[str, str, str, bytes]]:  # pickled one at a time, as SQLite takes them
            for note, page in pages:
                current.add(page.relative)
                if stored_pages.get(page.relative) != page.signature:
                    yield page.relative, note.file, page.signature, _dump(page)

        with self._transaction():
            self.db.execute("DELETE FROM state WHERE key = 'token'")
            self.db.executemany("DELETE FROM notes WHERE file = ?", [(f,) for f in stored_keys.keys() - keys.keys()])
            self.db.executemany(
                "INSERT OR REPLACE INTO notes VALUES (?, ?, ?)",
                (
                    (note.file, keys[note.file], _dump(dataclasses.replace(note, body="")))
                    for note in notes
                    if stored_keys.get(note.file) != keys[note.file]
                ),
            )
            self.db.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?)", rows())
            self.db.executemany("DELETE FROM pages WHERE relative = ?", [(r,) for r in stored_pages.keys() - current])
            self.db.execute("INSERT INTO state VALUES ('token', ?)", (token,))

    def note(self, file: str) -> tuple[str, Note] | None:
        """A note's gather key and the note as last published, without its body."""
        row = self.db.execute("SELECT gather, note FROM notes WHERE file = ?", (file,)).fetchone()
        return (str(row[0]), _load(row[1], Note)) if row else None

    def pages_of(self, file: str) -> list[BodyPage]:
        rows = self.db.execute("SELECT page FROM pages WHERE note = ? ORDER BY relative", (file,)).fetchall()
        return [_load(row[0], BodyPage) for row in rows]

    def update(self, pages: Iterable[BodyPage]) -> None:
        rows = [(_dump(page), page.signature, page.relative) for page in pages]
        with self._transaction():
            self.db.executemany("UPDATE pages SET page = ?, signature = ? WHERE relative = ?", rows)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")


def _dump(value: BodyPage | Note) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


@dataclass
class QuickResult:
    rendered: int
    written: list[str]
    """The site files whose bytes changed."""
    diagnostics: list[Diagnostic]


def quick_publish(
    config: Config,
    changed: Sequence[Path],
    *,
    manifest_file: Path,
    store_file: Path,
    commit_guard: contextlib.AbstractContextManager[None] | None = None,
) -> QuickResult | None:
    """Re-render the pages of the changed notes, or None (nothing written) when the full path is needed.

    `changed` are note files known to exist before and after the edit (from the build stamp).
    """
    import jinja2

    from ..cache import PageCache
    from .output import same_bytes
    from .render import Renderer

    manifest = read_state(manifest_file)
    signatures: dict[str, str] = manifest.get("pages") or {}
    token = manifest.get("token")
    if not isinstance(token, str) or not signatures:
        return None
    with BodyStore.open(store_file, create=False) as store:
        if store is None or store.get("token") != token:
            return None
        notes: list[tuple[Note, str]] = []
        for path in changed:
            display = display_path(path, config.root)
            try:
                text = path.read_bytes().decode("utf-8")
            except (OSError, UnicodeDecodeError):
                return None  # the full path reports it
            last = store.note(display)
            note = with_body(last[1], text) if last else None  # None: the front-matter changed
            if last is None or note is None or last[0] != gather_key(note):
                return None
            notes.append((note, text))
        templates = manifest.get("templates")
        renderer = Renderer(config, template_signatures=templates if isinstance(templates, dict) else None)
        rendered: dict[str, BodyPage] = {}
        outputs: dict[str, bytes] = {}
        for note, _ in notes:
            for stored in store.pages_of(note.file):
                if signatures.get(stored.relative) != stored.signature:
                    return None  # the store is not from the publish that wrote site/
                page = stored.with_note(note)
                try:
                    signature = renderer.signature(page)
                    if signature != stored.signature or not (config.output_dir / stored.relative).is_file():
                        outputs[stored.relative] = renderer.render(page)
                except jinja2.TemplateError:
                    return None  # the full path names the template and line
                rendered[stored.relative] = dataclasses.replace(stored, signature=signature)
        written: list[str] = []
        page_cache = PageCache(config.cache_dir / "pages")
        with contextlib.ExitStack() as stack:
            if outputs:
                stack.enter_context(commit_guard or contextlib.nullcontext())
            for relative, data in outputs.items():
                if not same_bytes(config.output_dir / relative, data):
                    write_text_atomic(config.output_dir / relative, data)  # never a half-written page
                    written.append(relative)
                page_cache.add(rendered[relative].signature, config.output_dir / relative)
            page_cache.save()
        # The rows first: if the manifest write is lost, signatures disagree and the next
        # build takes the full path.
        store.update(rendered.values())
        signatures.update({relative: page.signature for relative, page in rendered.items()})
        write_state(manifest_file, manifest | {"pages": signatures})
    kept = [(note, _kept_edited(config, note, text)) for note, text in notes]
    messages = [
        Diagnostic("info", note.file, kept_edited_message(seed_changed=seed_changed))
        for note, seed_changed in kept
        if seed_changed is not None
    ]
    return QuickResult(len(outputs), written, messages)


T = TypeVar("T")


class DamagedStore(sqlite3.DatabaseError):
    """A row of the store that does not unpickle to what it should: the full path is taken."""


def _load(blob: bytes, kind: type[T]) -> T:
    try:
        value = pickle.loads(blob)
    except Exception as exc:  # truncated, corrupt, or written by code that no longer exists
        raise DamagedStore(f"damaged row: {type(exc).__name__}") from None
    if not isinstance(value, kind):
        raise DamagedStore(f"damaged row: {type(value).__name__}, expected {kind.__name__}")
    return value


def _kept_edited(config: Config, note: Note, text: str) -> bool | None:
    """What the authoring half would say of this note: None unless it is an edited note whose seed
    is still there; else whether that seed has changed since the note was generated."""
    source = note.meta.get("source")
    if not isinstance(source, dict) or not isinstance(source.get("file"), str) or is_unedited(text):
        return None
    try:
        seed = (config.root / source["file"]).read_bytes()
    except OSError:
        return None
    recorded = source.get("sha256")
    return isinstance(recorded, str) and hashlib.sha256(seed).hexdigest() != recorded
