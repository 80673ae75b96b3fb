"""The story's own date: from the seed's metadata, a wire dateline, or the date phrases of the text.

The date is never after the reference date (the build date unless configured) and never the
date of an event the story looks ahead to: a preview of Sunday's ceremony was written before
it. A story with nothing to date it by stays undated.

The date-phrase, calendar, dateline and timeline functions live in their own modules; the
names other modules use are re-exported here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from ...model import Article, StoryDate
from .date_phrases import DateMention, find_date_mentions, is_valid_day
from .date_spans import ResolvedDate, resolve_mention
from .dateline import Dateline, find_dateline, find_story_dateline
from .modality import clauses_of, read_tense
from .timeline import extract_timeline, extract_watch

__all__ = [
    "LATEST_MENTION_WINDOW",
    "DateMention",
    "Dateline",
    "ResolvedDate",
    "extract_timeline",
    "extract_watch",
    "find_date_mentions",
    "find_dateline",
    "find_story_dateline",
    "resolve_mention",
    "resolve_story_date",
]

Years = tuple[int, ...]
_INFERENCE_SPAN = 60
"""Years either side of the reference searched for weekday agreement (the cycle is at most 28)."""
_CANDIDATE_SPAN = 30
"""Years either side of the reference reported as candidates."""
LATEST_MENTION_WINDOW = timedelta(days=366)
"""How far before the reference date a fully written date may be to be taken as the story's date."""


@dataclass(frozen=True)
class _Dated:
    """A day-precise date phrase of the body with the paragraph it is in."""

    pid: str
    mention: DateMention
    reported: bool
    """True when a verb in the past tense governs it: the day is reported, not previewed.

    News gives schedules in the present ("France play Ireland on Saturday 12 March", "the ceremony
    takes place on 27 February") or the future, and bare fixture headings have no verb at all."""


def resolve_story_date(article: Article, *, reference: date) -> StoryDate:
    """The story's own date, from the most trusted source available (see `StoryDate.basis`)."""
    meta = article.metadata.get("date")
    if isinstance(meta, date):
        return StoryDate(meta, "metadata")
    dateline = find_story_dateline(article.paragraphs)
    dated = list(_day_mentions(article, dateline))
    weekdayed = [d for d in dated if d.mention.year is None and d.mention.weekday is not None]
    if dateline is not None and dateline.mention is not None:
        story = _from_dateline(dateline, dateline.mention, weekdayed, reference)
        if story is not None:
            return story
    reported = [d for d in weekdayed if d.reported]
    if reported:
        story = _from_weekdays(reported, [d.mention for d in weekdayed], reference)
        if story is not None:
            return story
    return _from_latest_mention(article, [d for d in dated if d.reported], reference)


def _from_dateline(
    dateline: Dateline, mention: DateMention, weekdayed: list[_Dated], reference: date
) -> StoryDate | None:
    evidence = (f"p{dateline.paragraph + 1}",)
    if mention.year is not None:
        day = _as_date(mention)
        return StoryDate(day, "dateline", evidence=evidence) if day <= reference else None
    inferred = _infer_year(mention, [d.mention for d in weekdayed], reference)
    if inferred is None:
        return None
    chosen, years = inferred
    return StoryDate(chosen, "dateline", True, evidence, years if weekdayed else ())


def _from_weekdays(reported: list[_Dated], weekdayed: list[DateMention], reference: date) -> StoryDate | None:
    """The year in which every weekday phrase falls on its day; the lead's phrase dates the story."""
    lead = next((d for d in reported if d.pid == "p1"), None)
    primary = lead or reported[0]
    inferred = _infer_year(primary.mention, weekdayed, reference)
    if inferred is None:
        return None
    chosen, years = inferred
    pid = primary.pid
    if lead is None:  # no weekday date in the lead: the latest one is the news
        days = [(_nearest(d.mention, chosen), d.pid) for d in reported]
        chosen, pid = max([d for d in days if d[0] <= reference] or [(chosen, pid)], key=lambda item: item[0])
    return StoryDate(chosen, "weekday-inference", True, (pid,), years)


def _from_latest_mention(article: Article, reported: list[_Dated], reference: date) -> StoryDate:
    full = [(_as_date(d.mention), d.pid) for d in reported if d.mention.year is not None]
    # A full date only counts as the story's date when it is recent: a report on a 1985 record
    # re-released in 2004 must not be dated 1985. Outside the window the date stays unknown.
    full = [(day, pid) for day, pid in full if reference - LATEST_MENTION_WINDOW <= day <= reference]
    if full:
        latest, pid = max(full, key=lambda item: item[0])
        # A story cannot predate a past year it mentions: a birth date in an obituary that goes
        # on to "in 1970" is not the story's date.
        years = [m.year for text in article.paragraphs for m in find_date_mentions(text) if m.year]
        if not any(latest.year < year <= reference.year for year in years):
            return StoryDate(latest, "latest-mention", evidence=(pid,))
    return StoryDate(None, "none")


def _day_mentions(article: Article, dateline: Dateline | None) -> Iterator[_Dated]:
    """Every day-precise date phrase of the body (the dateline's own date left out), with its clause's say."""
    for index, paragraph in enumerate(article.paragraphs):
        skip = dateline.length if dateline is not None and dateline.paragraph == index else 0
        mentions = [
            m for m in find_date_mentions(paragraph) if m.start >= skip and m.day is not None and m.month is not None
        ]
        for mention, clause in clauses_of(paragraph, mentions, skip):
            start, end = mention.start - clause.start, mention.end - clause.start
            _, direction = read_tense(clause.text, start, end)
            yield _Dated(f"p{index + 1}", mention, reported=direction < 0)


def _as_date(mention: DateMention) -> date:
    assert mention.year is not None and mention.month is not None and mention.day is not None
    return date(mention.year, mention.month, mention.day)


def _infer_year(primary: DateMention, others: list[DateMention], reference: date) -> tuple[date, Years] | None:
    """The year, nearest before the reference, in which `primary` and all `others` fall on their weekdays.

    Each other phrase is checked at its occurrence nearest the primary date, so a story that
    runs from "Wednesday, December 31" into "Thursday, January 1" still agrees. Years after
    the reference are reported as candidates but never chosen: a story is not from the future.
    """
    assert primary.month is not None and primary.day is not None
    month, day = primary.month, primary.day
    span = range(reference.year - _INFERENCE_SPAN, reference.year + _INFERENCE_SPAN + 1)
    years = [y for y in span if is_valid_day(y, month, day) and _weekday_fits(date(y, month, day), primary)]
    agreeing = [y for y in years if all(_weekday_fits(_nearest(o, date(y, month, day)), o) for o in others)]
    years = agreeing or years
    past = [y for y in years if date(y, month, day) <= reference]
    if not past:
        return None
    best = max(past)
    return date(best, month, day), tuple(y for y in years if abs(y - reference.year) <= _CANDIDATE_SPAN)


def _weekday_fits(day: date, mention: DateMention) -> bool:
    return mention.weekday is None or day.weekday() == mention.weekday


def _nearest(mention: DateMention, around: date) -> date:
    """The occurrence of a yearless day-and-month nearest to `around`."""
    assert mention.month is not None and mention.day is not None
    options = [
        date(y, mention.month, mention.day)
        for y in (around.year - 1, around.year, around.year + 1)
        if is_valid_day(y, mention.month, mention.day)
    ]
    return min(options, key=lambda d: abs((d - around).days)) if options else around
