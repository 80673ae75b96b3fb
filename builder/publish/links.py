"""Links written in note bodies, checked against the pages the build makes.

Every link a template writes comes from the gathered `Site` and is right by construction (the
crawl test checks it); the links a person or the extractor writes into a note body are free
text, and one that leads nowhere is reported by the build itself, as `briefgen check` reports it
on the built site, but at the cost of one pass over the note bodies instead of a crawl.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from urllib.parse import unquote

from ..errors import Diagnostic
from ..notes.note import Note

_LINK = re.compile(r"\]\((/(?!/)[^)\s]*)")
_PARAGRAPH = re.compile(r"p(\d+)")


def check_body_links(
    notes: Iterable[Note], pages: Iterable[str], moved: Mapping[str, Mapping[str, str]], *, severity: str = "error"
) -> Iterator[Diagnostic]:
    """A diagnostic for each root-relative link in a body whose page the site does not have, or
    whose `#pN` names a paragraph the briefing does not have. `pages` are root-relative URL paths
    ("/people/x/"); `moved` is each note's entity links that point at a merged entity's page."""
    notes = list(notes)
    known = set(pages)
    paragraphs = {f"/briefings/{note.slug}/": _paragraph_count(note) for note in notes}
    for note in notes:
        own = moved.get(note.slug, {})
        for number, line in enumerate(note.body.split("\n"), start=note.body_line):
            for href in _LINK.findall(line):
                problem = _problem(unquote(href), own, known, paragraphs)
                if problem:
                    yield Diagnostic(severity, note.file, f"broken link {href!r}: {problem}", number)


def _problem(href: str, moved: Mapping[str, str], known: set[str], paragraphs: Mapping[str, int | None]) -> str | None:
    path, _, fragment = href.partition("#")
    path = moved.get(path, path)
    if path not in known and path.rstrip("/") + "/" not in known:
        return "no such page on the site"
    count = paragraphs.get(path)
    match = _PARAGRAPH.fullmatch(fragment)
    if fragment and count is not None and match and not 1 <= int(match.group(1)) <= count:
        return f"the briefing has no paragraph {fragment} (it has p1 to p{count})"
    return None


def _paragraph_count(note: Note) -> int | None:
    source = note.meta.get("source")
    count = source.get("paragraphs") if isinstance(source, Mapping) else None
    return count if isinstance(count, int) and not isinstance(count, bool) else None
