"""Data that flows between stages: frozen dataclasses, no behaviour beyond conversion.

The authoring half turns an `Article` into a `Briefing`; `Briefing.to_frontmatter()` is the
contract written into `content/<slug>.md`. The publishing half never sees a `Briefing`: it
reads notes back as plain mappings (`builder.notes`), so hand-written notes are first-class.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

Evidence = tuple[str, ...]
"""Paragraph ids an item came from: ``p0`` is the headline, ``p1``..``pN`` body paragraphs."""


@dataclass(frozen=True)
class Article:
    """One seed, ingested: headline, body paragraphs and any known metadata."""

    file: str
    """Path of the seed as the user gave it (relative to the project where possible)."""
    headline: str
    """The first non-empty line, verbatim (whitespace-trimmed)."""
    paragraphs: tuple[str, ...]
    """Body paragraphs; ``paragraphs[0]`` is ``p1``."""
    sha256: str
    """Hash of the raw seed bytes."""
    metadata: Mapping[str, Any] = field(default_factory=dict)
    """Seed front-matter: ``date``, ``url``, ``publisher``, ``byline`` (only these are kept)."""
    warnings: tuple[str, ...] = ()
    """Problems found while reading, e.g. a Latin-1 fallback."""

    def paragraph(self, pid: str) -> str:
        """The text of paragraph ``pid`` (``p0`` = headline)."""
        index = int(pid[1:])
        return self.headline if index == 0 else self.paragraphs[index - 1]

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


@dataclass(frozen=True)
class Person:
    name: str
    id: str
    role: str | None = None
    """Title as the text gives it: "Prime Minister", "then-Prime Minister", "Chancellor"."""
    country: str | None = None
    """ISO 3166 alpha-2 code of the country the person acts for, where known."""
    former: bool = False
    """True when the text marks the role as past ("then-", "former")."""
    aliases: tuple[str, ...] = ()
    """Other surface forms in the text: "Lee", "Mr Brown", "Takai's"-less possessives."""
    mentions: int = 0
    evidence: Evidence = ()


@dataclass(frozen=True)
class Place:
    name: str
    id: str
    kind: str
    """country / city / region / site"""
    country: str | None = None
    aliases: tuple[str, ...] = ()
    """Other surface forms in the text: "Britain" and "UK" of the United Kingdom."""
    evidence: Evidence = ()


@dataclass(frozen=True)
class Organization:
    name: str
    id: str
    kind: str = "organization"
    """e.g. broadcaster, party, company, agreement, government, club, organization"""
    abbreviation: str | None = None
    aliases: tuple[str, ...] = ()
    evidence: Evidence = ()


@dataclass(frozen=True)
class CountryMention:
    """A country the story is about (`main`) or merely mentions, incl. via demonyms."""

    code: str
    name: str
    role: str
    """main / mentioned"""
    evidence: Evidence = ()


@dataclass(frozen=True)
class Quote:
    speaker: str | None
    """Entity id when the speaker resolves to a person or organisation, else the name as written."""
    text: str
    """Verbatim substring of the source paragraph(s)."""
    fragment: bool = False
    speaker_name: str | None = None
    """The speaker as written in the attribution ("Mr Brown", "Lee Jae-myeong's office")."""
    evidence: Evidence = ()


@dataclass(frozen=True)
class TimelineEvent:
    date: str
    """ISO date at its precision: 2026-01-13, 2026-01, 2026."""
    precision: str
    """day / month / year"""
    text: str
    """The date phrase as written ("June of last year")."""
    event: str
    status: str
    """occurred / expected / planned / possible"""
    inferred: bool = False
    """True when the year (or the whole date) was inferred rather than stated."""
    evidence: Evidence = ()


@dataclass(frozen=True)
class WatchItem:
    date: str | None
    modality: str
    """expected / planned / possible (the article's own hedge, never upgraded)"""
    item: str
    evidence: Evidence = ()


@dataclass(frozen=True)
class Flag:
    code: str
    severity: str
    """error / warning / info"""
    message: str
    evidence: Evidence = ()


@dataclass(frozen=True)
class StoryDate:
    date: date | None
    basis: str
    """metadata / dateline / weekday-inference / latest-mention / none"""
    year_inferred: bool = False
    evidence: Evidence = ()
    candidates: tuple[int, ...] = ()
    """Years that agreed with the weekday, when the year was inferred."""


@dataclass(frozen=True)
class Briefing:
    """Everything extracted from one article; serialises to a note's front-matter."""

    title: str
    slug: str
    date: date | None
    date_basis: str
    summary: str
    key_points: tuple[str, ...]
    people: tuple[Person, ...]
    places: tuple[Place, ...]
    organizations: tuple[Organization, ...]
    countries: tuple[CountryMention, ...]
    topics: tuple[str, ...]
    quotes: tuple[Quote, ...]
    timeline: tuple[TimelineEvent, ...]
    watch: tuple[WatchItem, ...]
    flags: tuple[Flag, ...]
    source: Mapping[str, Any]
    draft: bool = False

    def to_frontmatter(self) -> dict[str, Any]:
        """Plain data in the field order of the note format (lists, dicts, str, int, bool)."""
        data: dict[str, Any] = _plain(self)
        data["date"] = self.date.isoformat() if self.date else None
        if not self.draft:
            del data["draft"]
        return data


def _plain(value: Any) -> Any:
    """Dataclasses to dicts and tuples to lists recursively, dropping None-valued optional keys
    inside items. Walks the dataclasses itself: `dataclasses.asdict` deep-copies every leaf first."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if not (v is None and k in _OPTIONAL)}
    if isinstance(value, date):
        return value.isoformat()
    names = _field_names(type(value))
    if names is None:
        return value
    items = ((name, getattr(value, name)) for name in names)
    return {k: _plain(v) for k, v in items if not (v is None and k in _OPTIONAL)}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass, in order; None for any other class."""
    if cls not in _FIELD_NAMES:
        _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None
    return _FIELD_NAMES[cls]


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


# Item keys left out of the YAML when empty, to keep notes readable; `watch.date` and `speaker`
# stay, because the format says they may be null.
_OPTIONAL = frozenset({"role", "country", "abbreviation", "speaker_name"})
