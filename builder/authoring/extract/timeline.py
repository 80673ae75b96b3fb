"""The timeline and "what to watch": date phrases read in their clause, with the article's hedges.

Each date phrase is read in the clause it sits in: the clause's tense decides which "Friday"
is meant, its modality becomes the status (expected / planned / possible / occurred), and a
shortened copy of it becomes the event. Hedges are copied from the text, never strengthened.
"""

from __future__ import annotations

from datetime import date

from ...model import Article, StoryDate, TimelineEvent, WatchItem
from .date_phrases import find_date_mentions
from .date_spans import ResolvedDate, resolve_mention, yearless_date
from .dateline import find_story_dateline
from .event_text import CUT, make_event_text, without_date
from .modality import FORWARD, QUOTATION, clauses_of, forward_marker, read_tense, split_clauses
from .sentences import split_sentences

MAX_UNDATED_WATCH = 4
"""Undated forward-looking sentences are many in some stories; the first few are the news."""


def extract_timeline(article: Article, story: StoryDate) -> tuple[TimelineEvent, ...]:
    """Every resolvable date phrase in the body, as an event with status, sorted by date."""
    found: list[tuple[str, int, int, TimelineEvent]] = []
    previous: ResolvedDate | None = None
    dateline = find_story_dateline(article.paragraphs)
    for index, paragraph in enumerate(article.paragraphs, 1):
        skip = dateline.length if dateline is not None and dateline.paragraph == index - 1 else 0
        mentions = [m for m in find_date_mentions(paragraph) if m.start >= skip]
        for mention, clause in clauses_of(paragraph, mentions, skip):
            start, end = mention.start - clause.start, min(mention.end - clause.start, len(clause.text))
            tense, direction = read_tense(clause.text, start, end)
            resolved = resolve_mention(
                mention, story.date, direction=direction, previous=previous, story_inferred=story.year_inferred
            )
            if resolved is not None:
                previous = resolved
                iso, precision = resolved.iso, resolved.precision
            elif story.date is None and (yearless := yearless_date(mention)) is not None:
                iso, precision = yearless  # an undated story: the month and day are known, the year is not
            else:
                continue
            event = TimelineEvent(
                date=iso,
                precision=precision,
                text=mention.text,
                event=make_event_text(clause.text, start, end),
                status=_status(tense, mention.hedge, resolved, story.date),
                inferred=resolved is not None and resolved.inferred,
                evidence=(f"p{index}",),
            )
            found.append((iso, index, mention.start, event))
    found.sort(key=lambda item: item[:3])
    unique: dict[tuple[str, tuple[str, ...], str], TimelineEvent] = {}
    for *_, event in found:
        unique.setdefault((event.date, event.evidence, event.text), event)
    return tuple(unique.values())


def extract_watch(article: Article, timeline: tuple[TimelineEvent, ...]) -> tuple[WatchItem, ...]:
    """Forward-looking items: hedged or planned events from the timeline, then undated plans and hedges."""
    dated = [
        WatchItem(event.date, event.status, without_date(event.event, event.text), event.evidence)
        for event in timeline
        if event.status in FORWARD and not _is_current_period(event.text)
    ]
    seen: set[str] = set()
    unique = []
    for item in dated + _undated_watch(article, timeline):
        if item.item.lower() not in seen:
            seen.add(item.item.lower())
            unique.append(item)
    return tuple(unique)


def _undated_watch(article: Article, timeline: tuple[TimelineEvent, ...]) -> list[WatchItem]:
    """Plans and hedges in sentences without a date, outside quotations, in article order."""
    phrases: dict[str, list[str]] = {}
    for event in timeline:
        for pid in event.evidence:
            phrases.setdefault(pid, []).append(event.text)
    items: list[WatchItem] = []
    for index, paragraph in enumerate(article.paragraphs, 1):
        dated = phrases.get(f"p{index}", [])
        # Quotations (which may run over several sentences) are the speaker's, not news to watch.
        unquoted = QUOTATION.sub(lambda m: " " * len(m.group(0)), paragraph)
        for sentence in split_sentences(paragraph):
            if any(phrase in sentence.text for phrase in dated):
                continue  # a sentence with a date is in the timeline already
            for clause in split_clauses(sentence.text, sentence.start):
                found = forward_marker(clause.text, unquoted[clause.start : clause.start + len(clause.text)])
                if found is not None:
                    modality, at = found
                    item = make_event_text(clause.text, at, at)
                    if item.startswith(CUT):
                        continue  # a piece without its subject does not stand alone, and has no date to keep
                    items.append(WatchItem(None, modality, item, (f"p{index}",)))
                    if len(items) == MAX_UNDATED_WATCH:
                        return items
    return items


def _status(tense: str | None, hedge: str | None, resolved: ResolvedDate | None, story: date | None) -> str:
    """The event's status; a span wholly before the story date has happened, whatever the verb."""
    if tense == "possible-past":
        return "possible"
    if story is None or resolved is None:
        return hedge or (tense if tense in FORWARD else "occurred")
    if resolved.last < story:
        return "occurred"
    if hedge is not None:
        return hedge
    if tense in FORWARD:
        return tense
    if resolved.first > story:
        return "planned"  # a flat statement about a future date: "the vote is on Friday"
    return "occurred"


def _is_current_period(phrase: str) -> bool:
    """True for "this year" or "earlier this month": spans holding the story date, not ahead of it."""
    mentions = find_date_mentions(phrase)
    if not mentions:
        return False
    m = mentions[0]
    ahead = m.part in {"later", "late", "end", "second-half"}
    return m.unit in {"year", "month", "week"} and m.offset == 0 and not ahead
