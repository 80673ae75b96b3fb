"""The listing sections of the site, each page with its precomputed context: entity pages and
indexes, the briefing list, date archives, daily and weekly digests, and the timeline by year.

Each function yields `(url, template, context)`; `render.make_pages` wraps them in `Page`s. A
context holds exactly what its page shows (items, counts, pager links), which is what the
incremental build hashes, so a page re-renders only when something it shows has changed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from .listings import (
    DATE_BASIS_WORDS,
    FLAG_LABEL,
    MONTHS,
    UNDATED,
    Group,
    Item,
    anchor_for,
    group_items,
    initial,
    is_machine_date,
    iso_week,
    long_date,
    month_heading,
    neighbours,
    paginate,
    week_label,
    year_heading,
)
from .urls import KIND_TITLES, KINDS, Urls

if TYPE_CHECKING:
    from .gather import Entity, Site, TimelineRow

PageSpec = tuple[str, str, dict[str, Any]]


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One line of an entity index: the name, its page and how many briefings mention it."""

    id: str
    name: str
    count: int
    detail: str


@dataclass(frozen=True, slots=True)
class Period:
    """A link to a date period (a year, month, day or week) with its count of briefings."""

    label: str
    url: str
    count: int


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A timeline row as shown: the date in words, the event, and the briefing it comes from."""

    date: str
    label: str
    machine: bool
    """Whether `date` is valid in `<time datetime>`."""
    event: str
    status: str
    inferred: bool
    slug: str
    evidence: str
    title: str


def make_items(site: Site) -> dict[str, Item]:
    """slug -> Item, newest first: each briefing's card with its date basis and flag, made once."""
    items: dict[str, Item] = {}
    for note in site.briefings:
        card = site.cards[note.slug]
        basis = str(note.meta.get("date_basis") or "")
        flags = note.meta.get("flags") or ()
        flagged = any(isinstance(f, Mapping) and f.get("severity") == "error" for f in flags)
        items[note.slug] = Item(
            card.slug,
            card.title,
            card.date,
            card.summary,
            card.topics,
            basis if card.date and basis in DATE_BASIS_WORDS else "",
            FLAG_LABEL if flagged else "",
        )
    return items


def listing_pages(
    items: Sequence[Item], size: int, base: str, template: str, context: Mapping[str, Any], *, by_month: bool = False
) -> Iterator[PageSpec]:
    """A paginated listing of briefings (newest first) under year (or month) headings."""
    heading = month_heading if by_month else year_heading
    for url, chunk, pager in paginate(items, size, base):
        yield url, template, {**context, "groups": group_items(chunk, heading), "pager": pager}


def entity_pages(site: Site, items: Mapping[str, Item], urls: Urls, size: int) -> Iterator[PageSpec]:
    for kind in KINDS:
        entities = site.entities[kind]
        yield from entity_index_pages(kind, entities, urls, size)
        for entity in entities.values():
            listed = [items[s] for s in entity.briefings]
            for url, template, context in listing_pages(listed, size, urls.page(kind, entity.id), "entity.html", {}):
                shown = {item.slug for group in context["groups"] for item in group.items}
                roles = {slug: role for slug, role in entity.roles.items() if slug in shown}
                yield url, template, {**_entity_context(kind, entity), **context, "roles": roles}


def _entity_context(kind: str, entity: Entity) -> dict[str, Any]:
    return {"kind": kind, "kind_title": KIND_TITLES[kind], "entity": entity, "count": len(entity.briefings)}


def entity_index_pages(kind: str, entities: Mapping[str, Entity], urls: Urls, size: int) -> Iterator[PageSpec]:
    """`/people/`: every name under A–Z headings with a letter bar; `/people/by-count/`: the same
    names, most briefings first, paginated."""
    entries = [IndexEntry(e.id, e.name, len(e.briefings), e.details[0] if e.details else "") for e in entities.values()]
    letters: dict[str, list[IndexEntry]] = defaultdict(list)
    for entry in entries:  # in name order; an accented initial ("Élysée") joins its plain letter
        letters[initial(entry.name)].append(entry)
    order = sorted(letters, key=lambda letter: (letter == "#", letter))
    sections = [Group(letter, anchor_for(letter), tuple(letters[letter])) for letter in order]
    base = {"kind": kind, "kind_title": KIND_TITLES[kind], "total": len(entries)}
    by_count_url = urls.page(kind, "by-count")
    yield urls.page(kind), "entity_index.html", {**base, "sections": sections, "by_count_url": by_count_url}
    ranked = sorted(entries, key=lambda entry: -entry.count)  # stable: ties stay in name order
    for url, chunk, pager in paginate(ranked, size * 4, by_count_url):
        yield url, "entity_by_count.html", {**base, "entries": chunk, "pager": pager, "index_url": urls.page(kind)}


def archive_pages(items: Sequence[Item], urls: Urls, size: int) -> Iterator[PageSpec]:
    """`/archive/` (years and months with counts), `/archive/YYYY/`, `/archive/YYYY/MM/` and
    `/archive/undated/`, each newest first with links to the neighbouring periods."""
    by_year: dict[str, list[Item]] = defaultdict(list)
    by_month: dict[str, list[Item]] = defaultdict(list)
    undated: list[Item] = []
    for item in items:
        if item.date is None:
            undated.append(item)
            continue
        by_year[f"{item.date.year:04d}"].append(item)
        by_month[f"{item.date.year:04d}-{item.date.month:02d}"].append(item)
    years, months = list(by_year), list(by_month)  # newest first, as the items are
    year_index = {key: i for i, key in enumerate(years)}
    month_index = {key: i for i, key in enumerate(months)}
    month_links = {
        key: Period(_month_label(key), urls.path(f"archive/{key[:4]}/{key[5:]}/"), len(by_month[key])) for key in months
    }
    year_links = {key: Period(key, urls.path(f"archive/{key}/"), len(by_year[key])) for key in years}
    months_of: dict[str, list[Period]] = defaultdict(list)
    for key in months:
        months_of[key[:4]].append(month_links[key])
    undated_link = Period(UNDATED, urls.path("archive/undated/"), len(undated)) if undated else None
    yield (
        urls.path("archive/"),
        "archive_index.html",
        {
            "years": [(year_links[y], tuple(months_of[y])) for y in years],
            "undated": undated_link,
            "total": len(items),
        },
    )
    for key in years:
        newer, older = neighbours(years, key, year_index)
        context = {"title": key, "count": len(by_year[key]), "parts": tuple(months_of[key]), "up": None}
        context |= {"newer": year_links.get(newer), "older": year_links.get(older), "undated": undated_link}
        yield from listing_pages(by_year[key], size, year_links[key].url, "archive_period.html", context, by_month=True)
    for key in months:
        newer, older = neighbours(months, key, month_index)
        context = {"title": month_links[key].label, "count": len(by_month[key]), "parts": (), "up": year_links[key[:4]]}
        context |= {"newer": month_links.get(newer), "older": month_links.get(older), "undated": undated_link}
        yield from listing_pages(by_month[key], size, month_links[key].url, "archive_period.html", context)
    if undated_link:
        context = {"title": UNDATED, "count": len(undated), "parts": (), "up": None, "newer": None, "older": None}
        yield from listing_pages(undated, size, undated_link.url, "archive_period.html", context | {"undated": None})


def _month_label(key: str) -> str:
    return f"{MONTHS[int(key[5:]) - 1]} {key[:4]}"


def digest_pages(items: Sequence[Item], urls: Urls) -> Iterator[PageSpec]:
    """A digest per day (`/digest/2026-01-13/`) and per ISO week (`/digest/2026-W03/`): the
    period's BLUFs grouped by topic, flagged briefings labelled, each with an Atom feed beside it."""
    by_day: dict[str, list[Item]] = defaultdict(list)
    by_week: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        if item.date is not None:
            by_day[item.date.isoformat()].append(item)
            by_week[iso_week(item.date)].append(item)
    days, weeks = list(by_day), sorted(by_week, reverse=True)
    day_links = {d: Period(long_date(d), urls.path(f"digest/{d}/"), len(by_day[d])) for d in days}
    week_links = {w: Period(week_label(w), urls.path(f"digest/{w}/"), len(by_week[w])) for w in weeks}
    days_of: dict[str, list[Period]] = defaultdict(list)
    for day in days:
        days_of[iso_week(date.fromisoformat(day))].append(day_links[day])
    yield urls.path("digest/"), "digest_index.html", {"weeks": [(week_links[w], tuple(days_of[w])) for w in weeks]}
    for keys, members, links, kind in ((days, by_day, day_links, "day"), (weeks, by_week, week_links, "week")):
        index = {key: i for i, key in enumerate(keys)}
        for key in keys:
            newer, older = neighbours(keys, key, index)
            period = links[key]
            listed = members[key]
            context = {
                "kind": kind,
                "period": period,
                "topics": _by_topic(listed),
                "flagged": sum(1 for item in listed if item.flag),
                "newer": links.get(newer),
                "older": links.get(older),
                "week": week_links[iso_week(date.fromisoformat(key))] if kind == "day" else None,
                "days": tuple(days_of[key]) if kind == "week" else (),
                "feed_url": period.url + "feed.xml",
            }
            yield period.url, "digest.html", context
            yield (
                period.url + "feed.xml",
                "feed.xml",
                feed_context(listed, f"The world in brief, {period.label}", period.url),
            )


def _by_topic(items: Sequence[Item]) -> list[Group[Item]]:
    """Items under their first topic, the biggest topic first ("Other topics" for the untagged)."""
    members: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        members[item.topics[0] if item.topics else ""].append(item)
    order = sorted(members, key=lambda topic: (topic == "", -len(members[topic]), topic))
    return [
        Group(topic or "Other topics", "topic-" + anchor_for(topic or "other"), tuple(members[topic]))
        for topic in order
    ]


def feed_context(items: Sequence[Item], title: str, alternate: str) -> dict[str, Any]:
    """What an Atom feed shows: its entries, its title, and the page it is the feed of."""
    newest = next((item.date for item in items if item.date), None)
    return {"briefings": list(items), "newest": newest, "feed_title": title, "alternate": alternate}


def timeline_pages(site: Site, items: Mapping[str, Item], urls: Urls) -> Iterator[PageSpec]:
    """`/timeline/` (the years with counts, then the latest year) and a page per year with month
    headings; events whose year the article does not give go to `/timeline/year-unknown/`."""
    by_year: dict[str, list[TimelineEntry]] = defaultdict(list)
    for row in site.timeline:
        by_year[_timeline_year(row.date)].append(_entry(row, items))
    years = sorted((y for y in by_year if y != "year-unknown"), reverse=True)
    links = {y: Period(y, urls.path(f"timeline/{y}/"), len(by_year[y])) for y in years}
    unknown = by_year.get("year-unknown")
    unknown_link = Period("Year unknown", urls.path("timeline/year-unknown/"), len(unknown)) if unknown else None
    newest = next((item.date.year for item in items.values() if item.date), None)
    # the latest year is the newest briefing's (or the one before it): planned events years ahead stay on their own page
    latest = next((y for y in years if newest is None or int(y) <= newest), years[-1] if years else None)
    front: dict[str, Any] = {"years": [links[y] for y in years], "unknown": unknown_link, "total": len(site.timeline)}
    front |= {"latest": links[latest] if latest else None, "groups": _months(by_year[latest]) if latest else []}
    yield urls.page("timeline"), "timeline.html", front
    index = {key: i for i, key in enumerate(years)}
    for year in years:
        newer, older = neighbours(years, year, index)
        context = {
            "period": links[year],
            "groups": _months(by_year[year]),
            "newer": links.get(newer),
            "older": links.get(older),
        }
        yield links[year].url, "timeline_year.html", context | {"unknown": unknown_link}
    if unknown and unknown_link:
        context = {"period": unknown_link, "groups": _months(unknown), "newer": None, "older": None}
        yield unknown_link.url, "timeline_year.html", context | {"unknown": None}


def _timeline_year(value: str) -> str:
    return value[:4] if value[:4].isdigit() else "year-unknown"


def _entry(row: TimelineRow, items: Mapping[str, Item]) -> TimelineEntry:
    item = items.get(row.slug)
    title = item.title if item else row.slug
    return TimelineEntry(
        row.date,
        long_date(row.date),
        is_machine_date(row.date),
        row.event,
        row.status,
        row.inferred,
        row.slug,
        row.evidence,
        title,
    )


def _months(entries: Sequence[TimelineEntry]) -> list[Group[TimelineEntry]]:
    def heading(entry: TimelineEntry) -> str:
        parts = entry.date.lstrip("-").split("-")
        if entry.date.startswith("--"):
            return f"{MONTHS[int(parts[0]) - 1]}, year unknown" if parts[0].isdigit() else "Month not given"
        if len(parts) >= 2 and parts[1].isdigit():
            return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
        return f"{parts[0]}, month not given"

    return group_items(entries, heading)
