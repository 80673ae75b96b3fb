"""Briefing notes on disk: `content/<slug>.md` = YAML front-matter + Markdown body.

Both halves use this module: the authoring half to write notes and to tell a person's edit from
its own output, the publishing half to load notes (generated or hand-written) as `Note` values.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import NoteError, describe_yaml_error
from ..isodate import parse_iso_date
from ..pickling import fast_pickle

# PyYAML is imported where it is used: a build that only re-renders an edited note's body (see
# `with_body`) never parses or writes YAML, and importing it would be a tenth of that build.


def _loader() -> Any:
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader, ~10x faster, when PyYAML has it


def _dumper() -> Any:
    import yaml

    return getattr(yaml, "CSafeDumper", yaml.SafeDumper)


_FRONTMATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
# The generation stamp is always the last entry of a generated note's front-matter, so the
# hash can cover every other byte of the file exactly as written.
_STAMP = re.compile(r"^generated:\n  by: [^\n]*\n  sha256: '?([0-9a-f]{64})'?\n(?=---\n)", re.MULTILINE)
_PLACEHOLDER = "0" * 64
_BRIEFING_LINK = re.compile(r"\]\(/briefings/([a-z0-9][a-z0-9._-]*)/?(?:#[^)]*)?\)")


@fast_pickle
@dataclass(frozen=True, slots=True)
class Note:
    """One note, parsed: the fields the site needs plus the full front-matter."""

    file: str
    slug: str
    title: str
    date: date | None
    summary: str
    body: str
    """The Markdown body (everything after the front-matter)."""
    meta: Mapping[str, Any]
    """The whole front-matter, unknown keys included (templates see them as `note.meta`)."""
    draft: bool = False
    body_line: int = 1
    """Line number in the file where the body starts (for error messages)."""
    digest: str = ""
    """sha256 of the note's text: pages that show this note change exactly when it does."""
    head_digest: str = ""
    """sha256 of the front-matter text alone. Every page but the note's own is built from the
    front-matter (and `links`), so an edit that keeps this and `links` touches only that page."""
    links: tuple[str, ...] = ()
    """Slugs of the briefings the body links to ("/briefings/<slug>/"), for backlinks."""


def dump_frontmatter(data: Mapping[str, Any]) -> str:
    """YAML for a note's front-matter: the library's output, written directly for the values
    notes hold and by the library itself for anything else (see `frontmatter_yaml`)."""
    from .frontmatter import render_frontmatter_yaml

    return render_frontmatter_yaml(dict(data), fallback=_dump_with_library)


def _dump_with_library(data: dict[Any, Any]) -> str:
    import yaml

    from .frontmatter import WIDTH

    return yaml.dump(data, Dumper=_dumper(), sort_keys=False, allow_unicode=True, width=WIDTH, default_flow_style=False)


def _stamp(generator: str, digest: str) -> str:
    return dump_frontmatter({"generated": {"by": generator, "sha256": digest}})


def make_note_text(frontmatter: Mapping[str, Any], body: str, *, generator: str) -> str:
    """The full text of a generated note, stamped with the hash of everything else in it.

    The hash is taken over the note with an all-zero placeholder in the stamp, so a reader can
    verify it by putting the placeholder back (the stamp itself is YAML-dumped both times).
    """
    head = f"---\n{dump_frontmatter(frontmatter)}"
    tail = f"---\n\n{body.rstrip()}\n"
    digest = hashlib.sha256((head + _stamp(generator, _PLACEHOLDER) + tail).encode("utf-8")).hexdigest()
    return head + _stamp(generator, digest) + tail


def generated_hash(text: str) -> str | None:
    """The hash recorded in a note's generation stamp, or None for hand-written notes."""
    match = _STAMP.search(text)
    return match.group(1) if match else None


def is_unedited(text: str) -> bool:
    """True when the note is byte-for-byte what briefgen generated (so it may be regenerated)."""
    match = _STAMP.search(text)
    if not match:
        return False
    digest = match.group(1)
    # The hash was taken over the note with the placeholder (64 zeros, which YAML quotes) in the
    # stamp. An edited note fails this, without any YAML.
    by = match.group(0).split("\n", 2)[1]
    placeholder = f"generated:\n{by}\n  sha256: '{_PLACEHOLDER}'\n"
    if hashlib.sha256((text[: match.start()] + placeholder + text[match.end() :]).encode()).hexdigest() != digest:
        return False
    import yaml

    # ... and the stamp must be written exactly as briefgen writes it (then `placeholder` is too).
    generator = str(yaml.load(match.group(0), Loader=_loader())["generated"]["by"])
    return _stamp(generator, digest) == match.group(0)


def split_note(text: str, *, file: str) -> tuple[dict[str, Any], str, int]:
    """Pure: note text -> (front-matter mapping, body, body line). Raises NoteError with a line."""
    data, body, head = _split(text, file=file)
    return data, body, head.count("\n") + 1


def _split(text: str, *, file: str) -> tuple[dict[str, Any], str, str]:
    """(front-matter mapping, body, the front-matter text with its '---' lines)."""
    import yaml

    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    match = _FRONTMATTER.match(text)
    if not match:
        raise NoteError(f"{file}:1: missing YAML front-matter: a note must start with a '---' line")
    try:
        data = yaml.load(match.group(1) or "", Loader=_loader())
    except ValueError as exc:  # e.g. an impossible date such as 2026-02-30
        raise NoteError(f"{file}: invalid value in front-matter: {exc}") from None
    except yaml.YAMLError as exc:
        raise NoteError(describe_yaml_error(exc, file)) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise NoteError(f"{file}:2: front-matter must be a mapping of fields, got {type(data).__name__}")
    if "*" in (match.group(1) or "") and not is_small_yaml_value(data):
        raise NoteError(
            f"{file}: front-matter expands to more than {MAX_YAML_VALUES:,} values through YAML aliases "
            "(*name); write the values out instead"
        )
    return data, text[match.end() :], match.group(0)


def kept_edited_message(*, seed_changed: bool) -> str:
    """What a build says of a note a person edited and it therefore kept (both halves say it)."""
    if seed_changed:
        return "kept edited note (its seed has changed since; --force regenerates it and keeps a .bak)"
    return "kept edited note"


NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0 forbids (C0 controls but tab, newline and CR; U+FFFE, U+FFFF): one of them
in a feed makes the whole feed unreadable, so none reaches any output."""

MAX_YAML_VALUES = 100_000
"""Bound on the values a front-matter block may hold once its aliases are expanded. YAML aliases
share one object, so loading is cheap; it is every later walk (templates, the cache, JSON) that
would see 10**9 values in a 500-byte "billion laughs" block."""


def is_small_yaml_value(data: Any, limit: int = MAX_YAML_VALUES) -> bool:
    """True when `data`, walked as if every alias were a copy, has at most `limit` values; stops
    counting at the limit, so a bomb is judged in bounded time."""
    stack, seen = [data], 0
    while stack:
        value = stack.pop()
        seen += 1
        if seen > limit:
            return False
        if isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list | tuple | set):
            stack.extend(value)
    return True


def with_body(stored: Note, text: str) -> Note | None:
    """`text` parsed, when its front-matter text is `stored`'s (same `head_digest`): `stored` with
    the new body, equal to what `parse_note` gives but without parsing YAML. None otherwise."""
    normal = text.lstrip("\ufeff").replace("\r\n", "\n")
    match = _FRONTMATTER.match(normal)
    if not match or hashlib.sha256(match.group(0).encode("utf-8")).hexdigest() != stored.head_digest:
        return None
    body = normal[match.end() :]
    return dataclasses.replace(
        stored,
        body=body,
        body_line=match.group(0).count("\n") + 1,
        digest=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        links=_links(body),
    )


def _links(body: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_BRIEFING_LINK.findall(body)))


def parse_note(text: str, *, file: str, default_slug: str) -> Note:
    """Pure: note text -> Note, validating the fields the site relies on."""
    data, body, head = _split(text, file=file)
    return note_from_data(data, body, file=file, default_slug=default_slug, text=text, head=head)


def make_generated_note(
    frontmatter: Mapping[str, Any], body: str, *, generator: str, file: str, default_slug: str
) -> tuple[str, Note]:
    """A generated note's text and its parsed form, without parsing the YAML just written.

    `parse_note(text)` gives the same Note (a unit test holds this): the front-matter holds only
    plain strings, numbers, booleans, lists and mappings, which YAML round-trips exactly.
    """
    text = make_note_text(frontmatter, body, generator=generator)
    end = text.index("\n---\n", 3) + 5
    data = {**frontmatter, "generated": {"by": generator, "sha256": generated_hash(text)}}
    note = note_from_data(data, text[end:], file=file, default_slug=default_slug, text=text, head=text[:end])
    return text, note


def note_from_data(data: dict[str, Any], body: str, *, file: str, default_slug: str, text: str, head: str) -> Note:
    """Validate front-matter fields and build the Note (`text` is the whole file and `head` its
    front-matter with the '---' lines, for their hashes)."""
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        raise NoteError(f"{file}: field 'title': required, expected a non-empty string")
    slug = data.get("slug", default_slug)
    if not isinstance(slug, str) or not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", slug) or ".." in slug:
        raise NoteError(f"{file}: field 'slug': expected lower-case letters, digits, '-', got {slug!r}")
    summary = data.get("summary") or ""
    if not isinstance(summary, str):
        raise NoteError(f"{file}: field 'summary': expected a string, got {type(summary).__name__}")
    draft = data.get("draft", False)
    if not isinstance(draft, bool):
        raise NoteError(f"{file}: field 'draft': expected true or false, got {draft!r}")
    for key in ("people", "places", "organizations", "quotes", "timeline", "watch", "flags", "key_points"):
        value = data.get(key)
        if value is not None and not isinstance(value, list):
            raise NoteError(f"{file}: field {key!r}: expected a list, got {type(value).__name__}")
    for key in ("people", "places", "organizations"):
        for index, item in enumerate(data.get(key) or []):
            if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                raise NoteError(f"{file}: field '{key}[{index}]': expected a mapping with a 'name'")
    topics = data.get("topics") or []
    if not isinstance(topics, list) or not all(isinstance(t, str) for t in topics):
        raise NoteError(f"{file}: field 'topics': expected a list of strings")
    return Note(
        file=file,
        slug=slug,
        title=title.strip(),
        date=_parse_date(data.get("date"), file),
        summary=summary.strip(),
        body=body,
        meta=data,
        draft=draft,
        body_line=head.count("\n") + 1,
        digest=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        head_digest=hashlib.sha256(head.encode("utf-8")).hexdigest(),
        links=_links(body),
    )


SHARED_TEXT = 24
"""Strings up to this length in front-matter are shared between notes (see `compact`)."""


def compact(value: Any) -> Any:
    """Front-matter with its keys and short strings interned, so every note shares one copy.

    A site holds every note's front-matter at once, and most of it is small repeated strings:
    the same dozen keys on every person, place and quote, evidence ids such as "p3", statuses,
    precisions, roles. Sharing them takes about a third off the notes' memory.
    """
    if isinstance(value, dict):
        return {sys.intern(k) if type(k) is str else k: compact(v) for k, v in value.items()}
    if isinstance(value, list):
        return [compact(v) for v in value]
    if type(value) is str and len(value) <= SHARED_TEXT:
        return sys.intern(value)
    return value


def compact_note(note: Note) -> Note:
    """The same note, its front-matter sharing strings with this process's other notes: for every
    note a build keeps (the notes cache), whether parsed here or received from a worker process."""
    return dataclasses.replace(note, meta=compact(note.meta))


def _parse_date(value: Any, file: str) -> date | None:
    if value is None or value == "":
        return None
    try:
        return parse_iso_date(value)
    except ValueError:
        raise NoteError(f"{file}: field 'date': expected an ISO date (YYYY-MM-DD), got {value!r}") from None
