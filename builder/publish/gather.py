"""The publishing half's gather step: notes -> one immutable `Site` with every cross-link resolved.

Entities are merged across briefings by `id`; backlinks, related briefings and entity listings
come from inverted indexes built once here, so no template ever loops over all pages.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..cache import NoteFile, PickleCache, scan_notes
from ..errors import Diagnostic, diagnostic_from
from ..notes.note import Note
from ..notes.slugs import slugify
from ..pickling import fast_pickle
from .aliases import Aliases
from .urls import KINDS

# Related-briefing weights: a shared person says more than a shared organisation, and so on.
WEIGHTS = {"people": 8, "organizations": 4, "places": 2, "topics": 1}
# A term listed by more briefings than this ("politics", "UK") says little about relatedness and
# would make the candidate lists quadratic; it is skipped when scoring related briefings.
COMMON_TERM = 200


@fast_pickle
@dataclass(frozen=True, slots=True)
class Ref:
    """A link from a briefing to an entity, with what the briefing says about it."""

    kind: str
    id: str
    name: str
    detail: str = ""
    """Role, kind or country, as this briefing gives it."""
    aliases: tuple[str, ...] = ()
    """Other names this briefing gives the entity (its own surface forms, or the name before merging)."""


@fast_pickle
@dataclass(frozen=True, slots=True)
class Entity:
    """One person/place/organisation/topic page: every briefing that mentions it, newest first."""

    kind: str
    id: str
    name: str
    aliases: tuple[str, ...]
    details: tuple[str, ...]
    """Distinct roles/kinds given across briefings, most frequent first."""
    briefings: tuple[str, ...]
    """Slugs, newest first."""
    roles: Mapping[str, str]
    """Briefing slug -> the role or detail given there."""
    co_mentions: tuple[Ref, ...]
    """Entities most often mentioned alongside, most frequent first."""


@fast_pickle
@dataclass(frozen=True, slots=True)
class Card:
    """What a listing shows of a briefing; listing pages depend on these fields, not on the body."""

    slug: str
    title: str
    date: date | None
    summary: str
    topics: tuple[str, ...]


@fast_pickle
@dataclass(frozen=True, slots=True)
class TimelineRow:
    date: str
    precision: str
    event: str
    status: str
    text: str
    inferred: bool
    slug: str
    evidence: str


@dataclass(frozen=True, slots=True)
class Site:
    briefings: tuple[Note, ...]
    """Published notes, newest first."""
    by_slug: Mapping[str, Note]
    cards: Mapping[str, Card]
    refs: Mapping[str, tuple[Ref, ...]]
    """Briefing slug -> its entity links (people, organisations, places, topics)."""
    entities: Mapping[str, Mapping[str, Entity]]
    """kind -> id -> Entity, each ordered by name."""
    related: Mapping[str, tuple[str, ...]]
    backlinks: Mapping[str, tuple[str, ...]]
    timeline: tuple[TimelineRow, ...]
    """Every dated event of every briefing, newest first."""


def load_notes(
    content_dir: Path, root: Path, *, include_drafts: bool, cache: PickleCache | None = None
) -> tuple[list[Note], list[Diagnostic]]:
    """Read every note; a malformed note becomes a diagnostic and is left untouched on disk."""
    return collect_notes(scan_notes(content_dir, root, cache), include_drafts=include_drafts)


def collect_notes(files: Iterable[NoteFile], *, include_drafts: bool) -> tuple[list[Note], list[Diagnostic]]:
    """The publishable notes among scanned note files, and a diagnostic for each bad one."""
    notes: list[Note] = []
    diagnostics: list[Diagnostic] = []
    seen: dict[str, str] = {}
    for found in files:
        if found.note is None:
            diagnostics.append(diagnostic_from(str(found.error), found.display))
            continue
        note = found.note
        if note.slug in seen:
            diagnostics.append(
                Diagnostic("error", found.display, f"field 'slug': {note.slug!r} is already used by {seen[note.slug]}")
            )
            continue
        seen[note.slug] = found.display
        if note.draft and not include_drafts:
            continue
        notes.append(note)
    # A flagged duplicate is briefed once: under its original, when that note is here.
    notes = [n for n in notes if not isinstance(n.meta.get("duplicate_of"), str) or n.meta["duplicate_of"] not in seen]
    return notes, diagnostics


def _sort_key(note: Note) -> tuple[int, str, str]:
    """Newest first; undated last; then by title and slug for a stable order."""
    return (-(note.date.toordinal() if note.date else 0), note.title.lower(), note.slug)


RESERVED_IDS = frozenset({"by-count", "page"})
"""Path segments the listing pages use beside entity pages (`/people/by-count/`, `.../page/2/`)."""


def page_id(ident: str) -> str:
    """An entity id that cannot take a listing page's URL ("by-count" -> "by-count-1")."""
    return f"{ident}-1" if ident in RESERVED_IDS else ident


def make_refs(note: Note, aliases: Aliases | None = None) -> tuple[Ref, ...]:
    """The entity links a note's front-matter declares (ids default to the slugified name).

    Names listed in the aliases file are replaced by their canonical name (and id).
    """
    refs: list[Ref] = []
    seen: set[tuple[str, str]] = set()
    meta = note.meta
    for kind in ("people", "organizations", "places"):
        renames = aliases.get(kind, {}) if aliases else {}
        for item in meta.get(kind) or []:
            name = str(item["name"]).strip()
            if not name:
                continue
            surface = tuple(str(a) for a in item.get("aliases") or ())
            canonical = renames.get(name.casefold())
            if canonical:
                ident, surface, name = page_id(slugify(canonical)), (*surface, name), canonical
            else:
                ident = page_id(slugify(str(item.get("id") or name)))
            if (kind, ident) in seen:
                continue
            seen.add((kind, ident))
            refs.append(Ref(kind, ident, name, _detail(kind, item), surface))
    for topic in meta.get("topics") or []:
        ident = page_id(slugify(topic))
        if ("topics", ident) not in seen:
            seen.add(("topics", ident))
            refs.append(Ref("topics", ident, topic.strip()))
    return tuple(refs)


def merge_surnames(refs: Mapping[str, tuple[Ref, ...]]) -> dict[str, tuple[Ref, ...]]:
    """One page per person across briefings, as far as the names say so.

    A shorter full name joins the one fuller name of the site that contains it ("George Bush" and
    "George W. Bush"); a person known in some briefing only by a surname ("Brown") joins the one
    person whose full name ends with it ("Gordon Brown"). With two candidates nothing in the text
    says which one is meant, so the name stays apart; so does "Mrs Reagan", who is not "President
    Reagan" (the two would otherwise share the id "reagan").
    """
    names: dict[str, str] = {}
    for note_refs in refs.values():
        for ref in note_refs:
            if ref.kind == "people" and len(ref.name.split()) > 1:
                names.setdefault(ref.id, ref.name)
    fuller = _fuller_names(names)
    full: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for ident, name in names.items():
        full[name.split()[-1].casefold()].add(fuller.get(ident, (ident, name)))
    merged: dict[str, tuple[Ref, ...]] = {}
    for slug, note_refs in refs.items():
        out: list[Ref] = []
        taken: set[str] = set()
        for ref in note_refs:
            joined = _merge_target(ref, fuller, full)
            if joined is None:
                out.append(ref)
                continue
            ident, name = joined
            if ident not in taken:
                taken.add(ident)
                out.append(Ref(ref.kind, ident, name, ref.detail, (*ref.aliases, ref.name)))
        merged[slug] = tuple(out)
    return merged


_FEMALE_HONORIFICS = ("Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Lady", "Dame")


def _merge_target(
    ref: Ref, fuller: Mapping[str, tuple[str, str]], full: Mapping[str, set[tuple[str, str]]]
) -> tuple[str, str] | None:
    """The (id, name) a person's ref joins, or None when it stays as it is."""
    if ref.kind != "people":
        return None
    if " " in ref.name:
        return fuller.get(ref.id)
    honorific = next((a.split()[0] for a in ref.aliases if a.split()[0] in _FEMALE_HONORIFICS), None)
    if honorific:
        styled = f"{honorific.rstrip('.')} {ref.name}"
        return slugify(styled), styled
    matches = full.get(ref.name.casefold(), set())
    return next(iter(matches)) if len(matches) == 1 else None


def _fuller_names(names: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    """id -> (id, name) of the one fuller name that contains a name: same first and last words,
    the shorter one's words in order inside the longer ("George Bush" in "George W. Bush")."""
    by_ends: dict[tuple[str, str], list[tuple[str, list[str]]]] = defaultdict(list)
    for ident, name in names.items():
        words = [w.strip(".").casefold() for w in name.split()]
        by_ends[(words[0], words[-1])].append((ident, words))
    fuller: dict[str, tuple[str, str]] = {}
    for group in by_ends.values():
        for ident, words in group:
            containing = [other for other, longer in group if len(longer) > len(words) and _within(words, longer)]
            if len(containing) == 1:
                fuller[ident] = (containing[0], names[containing[0]])
    return fuller


def _within(short: list[str], long: list[str]) -> bool:
    rest = iter(long)
    return all(word in rest for word in short)


def _detail(kind: str, item: Mapping[str, Any]) -> str:
    if kind == "people":
        parts = [str(item[k]) for k in ("role", "country") if item.get(k)]
        return ", ".join(parts)
    if kind == "places":
        return ", ".join(str(item[k]) for k in ("kind", "country") if item.get(k))
    return str(item.get("kind") or "")


def make_site(notes: Iterable[Note], *, related_count: int = 5, aliases: Aliases | None = None) -> Site:
    """Gather: resolve entities, backlinks, related briefings and the timeline (pure)."""
    briefings = tuple(sorted(notes, key=_sort_key))
    order = {note.slug: index for index, note in enumerate(briefings)}
    by_slug = {note.slug: note for note in briefings}
    refs = merge_surnames({note.slug: make_refs(note, aliases) for note in briefings})

    postings: dict[tuple[str, str], list[str]] = defaultdict(list)  # (kind, id) -> slugs, newest first
    for note in briefings:
        for ref in refs[note.slug]:
            postings[(ref.kind, ref.id)].append(note.slug)

    return Site(
        briefings=briefings,
        by_slug=by_slug,
        cards={note.slug: make_card(note) for note in briefings},
        refs=refs,
        entities=_make_entities(briefings, refs, postings),
        related=_make_related(briefings, refs, postings, order, related_count),
        backlinks=_make_backlinks(briefings, by_slug, order),
        timeline=_make_timeline(briefings),
    )


def make_card(note: Note) -> Card:
    topics = tuple(str(t) for t in note.meta.get("topics") or ())
    return Card(note.slug, note.title, note.date, note.summary, topics)


def _make_entities(
    briefings: tuple[Note, ...], refs: Mapping[str, tuple[Ref, ...]], postings: Mapping[tuple[str, str], list[str]]
) -> dict[str, dict[str, Entity]]:
    names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    details: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    roles: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    co: dict[tuple[str, str], Counter[tuple[str, str]]] = defaultdict(Counter)
    aliases: dict[tuple[str, str], set[str]] = defaultdict(set)
    for note in briefings:
        note_refs = refs[note.slug]
        keys = [(r.kind, r.id) for r in note_refs if r.kind != "topics"]
        for ref in note_refs:
            key = (ref.kind, ref.id)
            names[key][ref.name] += 1
            if ref.detail:
                details[key][ref.detail] += 1
                roles[key][note.slug] = ref.detail
            if ref.kind != "topics":
                # co-mentions are bounded by the entities of this one note, never all pages
                co[key].update(keys)  # itself included, taken out below
            aliases[key].update(ref.aliases)
    display = {key: _best_name(counter, key[1]) for key, counter in names.items()}
    entities: dict[str, dict[str, Entity]] = {kind: {} for kind in KINDS}
    # one Ref per entity that can be mentioned alongside another, shared by every page that lists it
    mentions = {key: Ref(*key, name) for key, name in display.items() if key[0] != "topics"}
    for key, slugs in postings.items():
        kind, ident = key
        others = co[key]
        others.pop(key, None)
        # most often first, then by name, then in the order first met (plain tuples sort faster than a key function)
        ranked = heapq.nsmallest(12, [(-n, display[k], i, k) for i, (k, n) in enumerate(others.items())])
        entities[kind][ident] = Entity(
            kind=kind,
            id=ident,
            name=display[key],
            aliases=tuple(sorted((aliases[key] | set(names[key])) - {display[key]})),
            details=tuple(d for d, _ in sorted(details[key].items(), key=lambda kv: (-kv[1], kv[0]))),
            briefings=tuple(slugs),
            roles=roles[key],
            co_mentions=tuple(mentions[k] for *_, k in ranked),
        )
    return {
        kind: dict(sorted(items.items(), key=lambda kv: (kv[1].name.lower(), kv[0])))
        for kind, items in entities.items()
    }


def _best_name(counter: Counter[str], ident: str) -> str:
    """The name the id was made from, when a note uses it ("United States" over "U.S." for
    `united-states`); else the most frequent spelling, ties to the longest, then alphabetical."""
    for name in counter:
        if slugify(name) == ident:
            return name
    return sorted(counter.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]


def _make_related(
    briefings: tuple[Note, ...],
    refs: Mapping[str, tuple[Ref, ...]],
    postings: Mapping[tuple[str, str], list[str]],
    order: Mapping[str, int],
    count: int,
) -> dict[str, tuple[str, ...]]:
    related: dict[str, tuple[str, ...]] = {}
    # postings as positions in `briefings` (newest first), without the terms too common to relate
    positions = {key: [order[s] for s in slugs] for key, slugs in postings.items() if len(slugs) <= COMMON_TERM}
    for index, note in enumerate(briefings):
        scores: dict[int, int] = {}
        for ref in refs[note.slug]:
            posting = positions.get((ref.kind, ref.id))
            if posting is None:
                continue
            weight = WEIGHTS[ref.kind]
            for other in posting:
                scores[other] = scores.get(other, 0) + weight
        scores.pop(index, None)
        ranked = heapq.nsmallest(count, [(-score, other) for other, score in scores.items()])  # recency breaks ties
        related[note.slug] = tuple(briefings[other].slug for _, other in ranked)
    return related


def _make_backlinks(
    briefings: tuple[Note, ...], by_slug: Mapping[str, Note], order: Mapping[str, int]
) -> dict[str, tuple[str, ...]]:
    incoming: dict[str, set[str]] = defaultdict(set)
    for note in briefings:
        for target in note.links:
            if target != note.slug and target in by_slug:
                incoming[target].add(note.slug)
    return {slug: tuple(sorted(sources, key=order.__getitem__)) for slug, sources in incoming.items()}


def _make_timeline(briefings: tuple[Note, ...]) -> tuple[TimelineRow, ...]:
    rows: list[TimelineRow] = []
    for note in briefings:
        for item in note.meta.get("timeline") or []:
            if not isinstance(item, dict) or not item.get("date"):
                continue
            evidence = item.get("evidence") or []
            rows.append(
                TimelineRow(
                    date=_iso(item["date"]),
                    precision=str(item.get("precision") or "day"),
                    event=str(item.get("event") or item.get("text") or ""),
                    status=str(item.get("status") or "occurred"),
                    text=str(item.get("text") or ""),
                    inferred=bool(item.get("inferred")),
                    slug=note.slug,
                    evidence=str(evidence[0]) if evidence else "",
                )
            )
    rows.sort(key=lambda r: (r.date, r.slug, r.event), reverse=True)
    return tuple(rows)


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)
