"""Date phrases placed on the calendar: a `DateMention` becomes a span at its precision.

Relative phrases ("last year", "the following month") count from the story date or from the
date mentioned before them; a yearless "June" or "Friday" takes the occurrence the tense points at.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from .date_phrases import DateMention, days_in_month, is_valid_day


@dataclass(frozen=True)
class ResolvedDate:
    """A mention as a calendar span: ISO text at its precision plus the first and last day."""

    iso: str
    precision: str
    first: date
    last: date
    inferred: bool = False


_MONTH_PARTS = {
    "early": (1, 10),
    "start": (1, 10),
    "mid": (11, 20),
    "late": (21, 31),
    "end": (21, 31),
    "first-half": (1, 15),
    "second-half": (16, 31),
}
_YEAR_PARTS = {
    "early": (1, 4),
    "start": (1, 3),
    "mid": (5, 8),
    "late": (9, 12),
    "end": (10, 12),
    "first-half": (1, 6),
    "second-half": (7, 12),
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "winter": (12, 14),
}


def resolve_mention(
    mention: DateMention,
    story: date | None,
    *,
    direction: int = 0,
    previous: ResolvedDate | None = None,
    story_inferred: bool = False,
) -> ResolvedDate | None:
    """Resolve a mention to a calendar span, or None when it needs a story date there is not.

    `direction` is the tense around the phrase (-1 past, +1 future, 0 unknown): it decides
    whether a bare "Friday" or "in June" is the last one before the story or the next one.
    """
    if mention.year is not None:
        if mention.day is not None and mention.month is not None:
            return _day(date(mention.year, mention.month, mention.day), False)
        if mention.month is not None:
            return _month(mention.year, mention.month, mention.part, False)
        return _year(mention.year, mention.part, False)
    base, inferred = story, story_inferred
    if mention.unit is not None and mention.anchor == "previous":
        if previous is not None:
            base, inferred = previous.first, previous.inferred
        elif mention.offset == 0:
            return None  # "the same week" with no date before it to be the same as
    if base is None:
        return None
    if mention.unit is not None:
        return _shift(mention, base, inferred)
    if mention.month is not None:
        return _yearless(mention, base, direction)
    if mention.weekday is not None:
        delta = (base.weekday() - mention.weekday) % 7
        ahead = (mention.weekday - base.weekday()) % 7
        if mention.mode == "last" or (mention.mode is None and direction <= 0):
            day = base - timedelta(days=delta or (7 if mention.mode == "last" else 0))
        else:
            day = base + timedelta(days=ahead or (7 if mention.mode == "next" else 0))
        return _day(day, inferred)
    if mention.part in _YEAR_PARTS:  # "last summer": the most recent one that has ended
        first_month, last_month = _YEAR_PARTS[mention.part]
        year = base.year
        if mention.mode == "last":
            year -= 1 if base.month <= min(last_month, 12) else 0
        elif mention.mode == "next":
            year += 1 if base.month >= first_month else 0
        return _year(year, mention.part, inferred)
    return None


def yearless_date(mention: DateMention) -> tuple[str, str] | None:
    """A month (and day) written without a year as an ISO 8601 yearless date and its precision
    ("--02-27", day; "--06", month): for a story with no date to place it in a year by."""
    if mention.year is not None or mention.month is None or mention.unit is not None:
        return None
    if mention.day is not None:
        return f"--{mention.month:02d}-{mention.day:02d}", "day"
    return f"--{mention.month:02d}", "month"


def _shift(mention: DateMention, base: date, inferred: bool) -> ResolvedDate | None:
    """A unit-relative phrase ("last year", "next week", "two days ago") counted from `base`."""
    unit, offset = mention.unit, mention.offset
    if unit == "year":
        year = base.year + offset
        if mention.month is not None:
            return _month(year, mention.month, mention.part, inferred)
        return _trimmed(_year(year, mention.part, inferred), mention.part, base)
    if unit == "month":
        year, month = divmod(base.year * 12 + base.month - 1 + offset, 12)
        return _trimmed(_month(year, month + 1, mention.part, inferred), mention.part, base)
    if unit == "week":
        monday = base - timedelta(days=base.weekday()) + timedelta(weeks=offset)
        span = ResolvedDate(
            f"{monday.year:04d}-{monday.month:02d}", "month", monday, monday + timedelta(days=6), inferred
        )
        return _trimmed(span, mention.part, base)
    return _day(base + timedelta(days=offset), inferred)


def _trimmed(span: ResolvedDate, part: str | None, story: date) -> ResolvedDate:
    """Cut a span at the story date: "earlier this year" ends the day before it, "later" starts after it."""
    if part == "earlier":
        return replace(span, last=max(span.first, story - timedelta(days=1)))
    if part == "later":
        return replace(span, first=min(span.last, story + timedelta(days=1)))
    return span


def _yearless(mention: DateMention, story: date, direction: int) -> ResolvedDate | None:
    """A month (and maybe day) without a year: the occurrence the tense points at."""
    assert mention.month is not None
    options: list[ResolvedDate] = []
    for year in (story.year - 1, story.year, story.year + 1):
        if mention.day is None:
            options.append(_month(year, mention.month, mention.part, True))
        elif is_valid_day(year, mention.month, mention.day):
            options.append(_day(date(year, mention.month, mention.day), True))
    if mention.weekday is not None:
        options = [o for o in options if o.first.weekday() == mention.weekday] or options
    if not options:
        return None
    if mention.mode == "this":
        return next((o for o in options if o.first.year == story.year), None)
    if mention.mode == "last" or (mention.mode is None and direction < 0 and mention.weekday is None):
        past = [o for o in options if (o.last < story if mention.mode else o.first <= story)]
        return past[-1] if past else options[0]
    if mention.mode == "next" or (mention.mode is None and direction > 0 and mention.weekday is None):
        future = [o for o in options if (o.first > story if mention.mode else o.last >= story)]
        return future[0] if future else options[-1]
    return min(options, key=lambda o: (_distance(o, story), o.first))


def _distance(span: ResolvedDate, day: date) -> int:
    return max((span.first - day).days, (day - span.last).days, 0)


def _day(day: date, inferred: bool) -> ResolvedDate:
    return ResolvedDate(day.isoformat(), "day", day, day, inferred)


def _month(year: int, month: int, part: str | None, inferred: bool) -> ResolvedDate:
    last_day = days_in_month(year, month)
    lo, hi = _MONTH_PARTS.get(part or "", (1, 31))
    first, last = date(year, month, lo), date(year, month, min(hi, last_day))
    return ResolvedDate(f"{year:04d}-{month:02d}", "month", first, last, inferred)


def _year(year: int, part: str | None, inferred: bool) -> ResolvedDate:
    lo, hi = _YEAR_PARTS.get(part or "", (1, 12))
    hi_year, hi_month = year + (hi - 1) // 12, (hi - 1) % 12 + 1
    last = date(hi_year, hi_month, days_in_month(hi_year, hi_month))
    return ResolvedDate(f"{year:04d}", "year", date(year, lo, 1), last, inferred)
