"""Pure helpers for listing pages: pagination, year and month headings, A–Z sections, date periods.

Everything a listing shows is computed here once, with dicts, so no template ever loops over all
pages or recounts anything (the cost of most slow static sites at ten thousand pages).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from ..isodate import MONTH_NAMES
from ..pickling import fast_pickle

T = TypeVar("T")

MONTHS = MONTH_NAMES

DATE_BASIS_WORDS = {
    "weekday-inference": "year inferred from the weekday",
    "latest-mention": "taken from the latest date the article mentions",
}
"""How a story date was found, in a reader's words, for the bases that are inferences."""

FLAG_LABEL = "Check the source"
"""The label of a briefing whose note carries an error flag (the banner on its own page)."""

UNDATED = "Date unknown"


@fast_pickle
@dataclass(frozen=True, slots=True)
class Item:
    """What a listing shows of one briefing: its card, how its date was found, and its flag."""

    slug: str
    title: str
    date: date | None
    summary: str
    topics: tuple[str, ...]
    basis: str = ""
    """A date basis of `DATE_BASIS_WORDS` (an inferred date), else ""."""
    flag: str = ""
    """`FLAG_LABEL` when the note carries an error flag, else ""."""


@dataclass(frozen=True, slots=True)
class PageLink:
    number: int
    """0 for the gap ("…") between distant page numbers."""
    url: str


@dataclass(frozen=True, slots=True)
class Pager:
    """Where one page of a paginated listing sits among its siblings (Hugo's paginator)."""

    number: int
    count: int
    """Pages in the listing."""
    total: int
    """Items in the listing."""
    first: int
    """1-based position of this page's first item in the whole listing."""
    prev: str
    next: str
    links: tuple[PageLink, ...]


@dataclass(frozen=True, slots=True)
class Group(Generic[T]):
    """A heading and the items under it ("2005", "March 2005", "A")."""

    heading: str
    anchor: str
    items: tuple[T, ...]


def page_url(base: str, number: int) -> str:
    """Page `number` of the listing at `base` ("/people/x/"): page 1 is the listing itself, never
    ".../page/1/"; later pages are ".../page/N/"."""
    return base if number == 1 else f"{base}page/{number}/"


def paginate(items: Sequence[T], size: int, base: str) -> list[tuple[str, Sequence[T], Pager]]:
    """Split `items` into pages of `size` (0: one page): (url, that page's items, pager) each.
    An empty listing still has its first page."""
    size = size or max(len(items), 1)
    count = max(1, -(-len(items) // size))
    pages = []
    for number in range(1, count + 1):
        chunk = items[(number - 1) * size : number * size]
        pager = Pager(
            number=number,
            count=count,
            total=len(items),
            first=(number - 1) * size + 1,
            prev=page_url(base, number - 1) if number > 1 else "",
            next=page_url(base, number + 1) if number < count else "",
            links=_page_links(number, count, base),
        )
        pages.append((page_url(base, number), chunk, pager))
    return pages


def _page_links(number: int, count: int, base: str, *, window: int = 2) -> tuple[PageLink, ...]:
    """Numbered links: the first, the last and `window` either side of the current page, with a
    gap where numbers are left out (a listing of 90 pages does not print 90 links on each)."""
    if count == 1:
        return ()
    shown = sorted({1, count, *range(max(1, number - window), min(count, number + window) + 1)})
    links: list[PageLink] = []
    for previous, current in zip([0, *shown], shown, strict=False):
        if current - previous > 1:
            links.append(PageLink(0, ""))
        links.append(PageLink(current, page_url(base, current)))
    return tuple(links)


def group_items(items: Iterable[T], heading: Callable[[T], str]) -> list[Group[T]]:
    """Consecutive items under the same heading, in their order (items arrive sorted)."""
    groups: list[tuple[str, list[T]]] = []
    for item in items:
        label = heading(item)
        if not groups or groups[-1][0] != label:
            groups.append((label, []))
        groups[-1][1].append(item)
    return [Group(label, anchor_for(label), tuple(members)) for label, members in groups]


def anchor_for(heading: str) -> str:
    """An id for a heading: "2005" -> "y2005", "March 2005" -> "march-2005", "A" -> "letter-a"."""
    if heading.isdigit():
        return f"y{heading}"
    if len(heading) == 1:
        return "letter-" + ("other" if heading == "#" else heading.lower())
    return "-".join("".join(c if c.isalnum() else " " for c in heading.lower()).split())


def year_heading(item: Item) -> str:
    return str(item.date.year) if item.date else UNDATED


def month_heading(item: Item) -> str:
    return f"{MONTHS[item.date.month - 1]} {item.date.year}" if item.date else UNDATED


def initial(name: str) -> str:
    """The A–Z section of a name: its first letter without accents ("Élysée" -> "E"), "#" for the rest."""
    for char in unicodedata.normalize("NFKD", name):
        if char.isalnum():
            letter = char.upper()
            return letter if "A" <= letter <= "Z" else "#"
    return "#"


def long_date(value: str) -> str:
    """An ISO date, month or year as words ("2026-01-13" -> "13 January 2026"); a yearless
    "--01-31" or "--01" keeps the day and month ("31 January, year unknown")."""
    parts = value.lstrip("-").split("-")
    if not all(p.isdigit() for p in parts) or not parts[0]:
        return value
    if value.startswith("--"):
        month = MONTHS[int(parts[0]) - 1]
        return f"{int(parts[1])} {month}, year unknown" if len(parts) == 2 else f"{month}, year unknown"
    if len(parts) == 1:
        return parts[0]
    month = f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return f"{int(parts[2])} {month}" if len(parts) == 3 else month


def is_machine_date(value: str) -> bool:
    """Whether `value` is valid in `<time datetime>`: a year, month, date or yearless "--MM-DD"."""
    parts = value.split("-")
    if value.startswith("--"):
        return len(parts) == 4 and all(len(p) == 2 and p.isdigit() for p in parts[2:])
    widths = [len(p) for p in parts]
    return all(p.isdigit() for p in parts) and widths in ([4], [4, 2], [4, 2, 2])


def iso_week(day: date) -> str:
    """ "2026-W03": the ISO week a day falls in (weeks start on Monday; week 1 holds a Thursday)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_label(week: str) -> str:
    """ "2026-W03" -> "Week 3 of 2026, 12–18 January" (the Monday to the Sunday)."""
    year, number = int(week[:4]), int(week[6:])
    monday = date.fromisocalendar(year, number, 1)
    sunday = date.fromisocalendar(year, number, 7)
    start = f"{monday.day} {MONTHS[monday.month - 1]}" + (f" {monday.year}" if monday.year != sunday.year else "")
    if monday.month == sunday.month:
        start = str(monday.day)
    return f"Week {number} of {year}, {start}–{sunday.day} {MONTHS[sunday.month - 1]} {sunday.year}"


def neighbours(keys: Sequence[str], key: str, index: Mapping[str, int]) -> tuple[str, str]:
    """The keys before and after `key` in `keys` (sorted newest first): (newer, older)."""
    position = index[key]
    newer = keys[position - 1] if position > 0 else ""
    older = keys[position + 1] if position + 1 < len(keys) else ""
    return newer, older
