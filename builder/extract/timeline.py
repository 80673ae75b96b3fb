"""The timeline and "what to watch": date phrases read in their clause, with the article's hedges.

Each date phrase gets the clause it sits in: its tense decides which "Friday" is meant, its
modality becomes the status (expected / planned / possible / occurred), and a shortened copy
of it becomes the event. Hedges are copied from the text, never strengthened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..model import Article, StoryDate, TimelineEvent, WatchItem
from .dates import DateMention, ResolvedDate, find_date_mentions, find_dateline, resolve_mention
from .sentences import split_sentences

MAX_EVENT_WORDS = 25
MAX_UNDATED_WATCH = 4
"""Undated forward-looking sentences are many in some stories; the first few are the news."""
FORWARD = ("expected", "planned", "possible")

# Coordinated main clauses often carry different hedges ("is planning to dissolve ... in late
# January, and an election could be held ..."), so each gets its own modality and event.
_CLAUSE_BREAK = re.compile(r"[\"\u201c\u201d()]|;\s+|,\s+(?:and|but|while|whereas|although|though|yet)\s+")
_SEGMENT_BREAK = re.compile(r"[\"\u201c\u201d()]|[,;:]\s+|\s+[-\u2013\u2014]+\s+")
_QUOTATION = re.compile(r"\u201c[^\u201d]*(?:\u201d|$)|\"[^\"]*(?:\"|$)")
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_LEADING_CONNECTIVE = re.compile(
    r"^(?:(?:however|meanwhile|but|and|also|so|yet|still|now|indeed|instead|moreover|furthermore|nevertheless|"
    r"separately|similarly|while|whereas|although|though)\b,?\s+)+",
    re.IGNORECASE,
)

_BE_PRESENT = frozenset("be been being is are am get gets got 's".split())
_PERFECT = frozenset("has have had having 've".split())
_SPEECH = frozenset(
    "said says say told added announced warned stated explained noted insisted claimed argued urged wrote reported "
    "confirmed revealed".split()
)
_DETERMINERS = frozenset("the a an his her its their our my your this that these those bad poor high low".split())
_EXPECTED = frozenset("expected expects expect expecting forecast forecasts predicted predicts anticipated should".split())
_PLANNED = frozenset("will shall plans planning plan planned scheduled intends intend intending aims aiming".split())
_POSSIBLE = frozenset("could might hope hopes hoping considering considers possibly perhaps potentially".split())
_IRREGULAR_PAST = frozenset(
    """was were did had said told took held met made went came gave won lost saw began left fell rose sold bought
    paid brought thought became found kept led ran spent spoke stood struck wrote grew drew knew threw hit cut put
    set shut quit beat broke chose froze stole woke sent built meant felt heard laid sat fought sought taught caught
    won't""".split()
)
_NOT_PAST = frozenset("need needed indeed hundred speed proceed exceed succeed breed seed feed shed bed red".split())
_DANGLING_END = frozenset(
    """to of and or but with the a an in on at for by from as than which who whose where when while because if is
    are was were be has have had its their his her our this these those that according""".split()
)


@dataclass(frozen=True)
class _Clause:
    """A stretch of a sentence read on its own: its text and where it starts in the paragraph."""

    text: str
    start: int


def extract_timeline(article: Article, story: StoryDate) -> tuple[TimelineEvent, ...]:
    """Every resolvable date phrase in the body, as an event with status, sorted by date."""
    found: list[tuple[str, int, int, TimelineEvent]] = []
    previous: ResolvedDate | None = None
    for index, paragraph in enumerate(article.paragraphs, 1):
        skip = find_dateline(paragraph)[0] if index == 1 else 0
        mentions = [m for m in find_date_mentions(paragraph) if m.start >= skip]
        for mention, clause in _in_clauses(paragraph, mentions, skip):
            start, end = mention.start - clause.start, min(mention.end - clause.start, len(clause.text))
            tense = _governing_tense(clause.text, start, end)
            direction = 1 if tense in FORWARD else -1 if tense in ("past", "possible-past") else 0
            resolved = resolve_mention(
                mention, story.date, direction=direction, previous=previous, story_inferred=story.year_inferred
            )
            if resolved is None:
                continue
            previous = resolved
            event = TimelineEvent(
                date=resolved.iso,
                precision=resolved.precision,
                text=mention.text,
                event=_event_text(clause.text, start, end),
                status=_status(tense, mention.hedge, resolved, story.date),
                inferred=resolved.inferred,
                evidence=(f"p{index}",),
            )
            found.append((resolved.iso, index, mention.start, event))
    found.sort(key=lambda item: item[:3])
    unique: dict[tuple[str, tuple[str, ...], str], TimelineEvent] = {}
    for _, _, _, event in found:
        unique.setdefault((event.date, event.evidence, event.text), event)
    return tuple(unique.values())


def extract_watch(article: Article, timeline: tuple[TimelineEvent, ...]) -> tuple[WatchItem, ...]:
    """Forward-looking items: hedged future events from the timeline, then undated plans and hedges."""
    items: list[WatchItem] = []
    for event in timeline:
        if event.status in FORWARD and not _is_current_period(event.text):
            items.append(WatchItem(event.date, event.status, _without_date(event.event, event.text), event.evidence))
    undated: list[WatchItem] = []
    for index, paragraph in enumerate(article.paragraphs, 1):
        dated = [m.start for m in find_date_mentions(paragraph)]
        for sentence in split_sentences(paragraph):
            if any(sentence.start <= start < sentence.start + len(sentence.text) for start in dated):
                continue
            for clause in _split_clauses(sentence.text, sentence.start):
                found = _forward_marker(clause.text)
                if found is not None and len(undated) < MAX_UNDATED_WATCH:
                    modality, at = found
                    undated.append(WatchItem(None, modality, _event_text(clause.text, at, at), (f"p{index}",)))
    seen: set[str] = set()
    unique = []
    for item in items + undated:
        if item.item.lower() not in seen:
            seen.add(item.item.lower())
            unique.append(item)
    return tuple(unique)


def _in_clauses(paragraph: str, mentions: list[DateMention], skip: int) -> list[tuple[DateMention, _Clause]]:
    """Pair each mention with the clause of its sentence that contains it."""
    pairs: list[tuple[DateMention, _Clause]] = []
    if not mentions:
        return pairs
    for sentence in split_sentences(paragraph):
        end = sentence.start + len(sentence.text)
        inside = [m for m in mentions if sentence.start <= m.start < end]
        if not inside:
            continue
        start = max(sentence.start, skip)
        clauses = _split_clauses(paragraph[start:end], start)
        for mention in inside:
            clause = next(c for c in reversed(clauses) if c.start <= mention.start)
            pairs.append((mention, clause))
    return pairs


def _split_clauses(text: str, offset: int) -> list[_Clause]:
    """Split a sentence into coordinated clauses, never inside quotes or brackets."""
    clauses: list[_Clause] = []
    start, quoted, depth = 0, False, 0
    for match in _CLAUSE_BREAK.finditer(text):
        token = match.group(0)
        if token in "\"\u201c\u201d":
            quoted = token == "\u201c" or (token == '"' and not quoted)
        elif token in "()":
            depth = max(0, depth + (1 if token == "(" else -1))
        elif not quoted and depth == 0 and _words(text[start : match.start()]) >= 4 and _words(text[match.end() :]) >= 4:
            clauses.append(_Clause(text[start : match.start()], offset + start))
            start = match.end()
    clauses.append(_Clause(text[start:], offset + start))
    return clauses


def _words(text: str) -> int:
    return len(text.split())


# --- tense and modality -------------------------------------------------------------------
def _governing_tense(clause: str, start: int, end: int) -> str | None:
    """The tense or hedge of the verb a date phrase attaches to.

    A phrase fronted in its clause ("On Wednesday, the leaders are expected to ...") belongs
    to the verb after it; elsewhere to the nearest verb before it ("said on Friday"), and
    failing that to the one after. Returns past / expected / planned / possible / None.
    """
    region = _quoted_region(clause, start)
    if region is not None:  # inside a quotation the speaker's own verbs govern, not "said"
        clause, start, end = clause[region[0] : region[1]], start - region[0], end - region[0]
    words = [(m.start(), m.group(0)) for m in _WORD.finditer(clause)]
    before = [i for i, (pos, _) in enumerate(words) if pos < start]
    after = [i for i, (pos, _) in enumerate(words) if pos >= end]
    fronted = len(before) <= 2 and all(
        words[i][1].lower() in {"on", "in", "by", "at", "from", "since", "and", "but", "meanwhile", "then", "until"}
        for i in before
    )
    near_before, near_after = list(reversed(before))[:14], after[:14]
    order = near_after + near_before if fronted else near_before + near_after
    tokens = [w for _, w in words]
    for i in order:
        marker = _marker(tokens, i)
        if marker is not None:
            return marker
    return None


def _quoted_region(text: str, pos: int) -> tuple[int, int] | None:
    """The span inside the quotation marks around `pos`, if it is quoted."""
    for match in _QUOTATION.finditer(text):
        if match.start() < pos < match.end():
            return match.start() + 1, match.end() - 1
    return None


def _marker(tokens: list[str], i: int) -> str | None:
    """What token `i` says about time: a hedge, a plan, the past, or nothing."""
    word, lower = tokens[i], tokens[i].lower()
    after = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
    after2 = tokens[i + 2].lower() if i + 2 < len(tokens) else ""
    before = tokens[i - 1].lower() if i > 0 else ""
    if lower in {"could", "might", "would"} or word == "may":
        if after == "have":
            return "possible-past"  # "may have left": a hedge about the past
        if lower == "would" and any(t.lower() in _SPEECH for t in tokens[:i]):
            return "planned"  # reported intention: "said it would close the plant"
        return "possible"
    if lower.endswith("'ll") or lower in _PLANNED:
        return "planned"
    if lower in _EXPECTED:
        return None if before in {"as", "than"} else "expected"
    if lower in {"due", "likely", "set"} and after == "to" and after2 not in _DETERMINERS:
        return "expected"
    if lower in {"is", "are", "going"} and after == "to" and after2 and after2 not in _DETERMINERS:
        return "planned"  # "is to visit", "are going to"
    if lower in _POSSIBLE:
        return "possible"
    if lower in _BE_PRESENT or not word.islower():
        return None
    if lower in {"was", "were", "did", "had"}:
        return "past"
    if lower in _IRREGULAR_PAST or (lower.endswith("ed") and len(lower) > 4 and lower not in _NOT_PAST):
        return None if before in _BE_PRESENT else "past"  # "could be held": the modal decides
    if lower in _PERFECT and after and (after in _IRREGULAR_PAST or after.endswith("ed")):
        return "past"
    return None


def _status(tense: str | None, hedge: str | None, resolved: ResolvedDate, story: date | None) -> str:
    """The event's status; a span wholly before the story date has happened, whatever the verb."""
    if tense == "possible-past":
        return "possible"
    if story is not None and resolved.last < story:
        return "occurred"
    if hedge is not None:
        return hedge
    if tense in FORWARD:
        return tense
    if story is not None and resolved.first > story:
        return "planned"  # a flat statement about a future date: "the vote is on Friday"
    return "occurred"


def _forward_marker(clause: str) -> tuple[str, int] | None:
    """The first plan or hedge outside quotation marks, unless the clause is conditional or past."""
    outside = re.sub(r"[\"\u201c][^\"\u201d]*[\"\u201d]?", lambda m: " " * len(m.group(0)), clause)
    if re.search(r"\b(?:if|unless|whether)\b|\?", outside, re.IGNORECASE) or '"' in outside:
        return None
    words = [(m.start(), m.group(0)) for m in _WORD.finditer(outside)]
    tokens = [w for _, w in words]
    for i, (pos, word) in enumerate(words):
        if word.lower() in {"would", "should", "could", "might"} or word == "may":
            continue  # too often hypothetical to be news on their own
        marker = _marker(tokens, i)
        if marker in FORWARD and not (i and tokens[i - 1].lower() in {"was", "were", "had"}):
            return marker, pos
        if word.lower() in {"proposed", "proposes", "suggested"} and i + 1 < len(tokens) and tokens[i + 1] in {"that", "to"}:
            return "possible", pos  # a proposal: "proposed that the next summit be held in Busan"
        if marker == "past":
            return None
    return None


def _is_current_period(phrase: str) -> bool:
    """"this year" or "earlier this month" span the story date: not something to watch for."""
    mentions = find_date_mentions(phrase)
    if not mentions:
        return False
    m = mentions[0]
    return m.unit in {"year", "month", "week"} and m.offset == 0 and m.part not in {"later", "late", "end", "second-half"}


# --- event text ---------------------------------------------------------------------------
@dataclass(frozen=True)
class _Segment:
    start: int
    end: int
    words: int
    quoted_at_start: str
    """The opening quote mark in force where the segment starts, or ""."""
    quoted_at_end: str


def _event_text(clause: str, start: int, end: int) -> str:
    """The clause, or the best run of its comma-separated segments around [start, end), in ≤ 25 words.

    A run may not end on a word that needs a continuation ("to", "said" before a quote); a quote
    cut open is closed with an ellipsis, and a long quote may be elided in the middle.
    """
    if _words(clause) <= MAX_EVENT_WORDS:
        return _clean(clause)
    segments = _segments(clause, start, end)
    target = next((k for k, s in enumerate(segments) if s.start <= start < s.end + 2), len(segments) - 1)
    best: tuple[int, str] | None = None
    for first in range(target + 1):
        for last in range(target, len(segments)):
            words = sum(s.words for s in segments[first : last + 1])
            if words > MAX_EVENT_WORDS:
                break
            candidates = [(words, _join(clause, segments, first, last, None))]
            if not segments[last].quoted_at_end:
                for tail in range(last + 2, len(segments)):
                    tail_words = sum(s.words for s in segments[tail:])
                    if words + tail_words <= MAX_EVENT_WORDS:
                        candidates.append((words + tail_words - 3, _join(clause, segments, first, last, tail)))
                        break
            for score, text in candidates:
                if text is None:
                    continue
                score -= 4 * (text.startswith(("\u201c\u2026", '"\u2026')) + text.endswith(("\u2026\u201d", '\u2026"')))
                if first > 0 and text.startswith(('"', "\u201c")):
                    score -= 10  # a quote without its speaker
                if best is None or score > best[0]:
                    best = (score, text)
    if best is not None:
        return _clean(best[1])
    return _clean(_around(clause, start))


def _segments(clause: str, start: int, end: int) -> list[_Segment]:
    segments: list[_Segment] = []
    begin, quote, depth = 0, "", 0
    opening = ""
    for match in _SEGMENT_BREAK.finditer(clause):
        token = match.group(0)
        if token in "\"\u201c\u201d":
            quote = "" if (token == "\u201d" or (token == '"' and quote)) else token
            continue
        if token in "()":
            depth = max(0, depth + (1 if token == "(" else -1))
            continue
        if depth or start <= match.start() < end:
            continue
        segments.append(_Segment(begin, match.start(), _words(clause[begin : match.start()]), opening, quote))
        begin, opening = match.end(), quote
    segments.append(_Segment(begin, len(clause), _words(clause[begin:]), opening, quote))
    return [s for s in segments if s.words]


def _join(clause: str, segments: list[_Segment], first: int, last: int, tail: int | None) -> str | None:
    """The text of segments first..last (plus an elided tail), or None when it would dangle."""
    text = clause[segments[first].start : segments[last].end]
    following = clause[segments[last].end :].lstrip(",;: ") if tail is None else ""
    last_word = (text.split() or [""])[-1].strip("\"'\u201c\u201d,").lower()
    if last_word in _DANGLING_END:
        return None
    if last_word in _SPEECH and (following[:1] in "\"\u201c" and following or following.startswith("that ")):
        return None  # "Lee said" cut before what he said
    if segments[first].quoted_at_start:
        text = segments[first].quoted_at_start + "\u2026" + text
    if tail is not None:
        tail_text = clause[segments[tail].start :]
        opener = segments[tail].quoted_at_start
        text = f"{text}, {opener}\u2026{tail_text}"
    elif segments[last].quoted_at_end and last + 1 < len(segments):
        text += "\u2026" + ("\u201d" if segments[last].quoted_at_end == "\u201c" else '"')
    return text


def _around(clause: str, start: int) -> str:
    """Last resort: the words around the date phrase, cut on both sides with an ellipsis."""
    before = clause[:start].split()[-8:]
    after = clause[start:].split()[: MAX_EVENT_WORDS - len(before)]
    while after and after[-1].strip(",;:").lower() in _DANGLING_END:
        after.pop()
    lead = "\u2026" if len(before) < len(clause[:start].split()) else ""
    return lead + " ".join(before + after).rstrip(",;:") + "\u2026"


def _clean(text: str) -> str:
    """Whitespace collapsed, leading connectives and trailing stops dropped, quotes balanced."""
    text = _LEADING_CONNECTIVE.sub("", " ".join(text.split())).strip(" ,;:")
    if text.endswith(".") and not re.search(r"\b(?:[A-Za-z]\.){2,}$", text):
        text = text[:-1]
    if text.count('"') % 2:
        text = text[1:] if text.startswith('"') else text[:-1] if text.endswith('"') else text
    if text.count("\u201c") < text.count("\u201d") and text.endswith("\u201d"):
        text = text[:-1]
    elif text.count("\u201c") > text.count("\u201d") and text.startswith("\u201c"):
        text = text[1:]
    first = text.split(" ", 1)[0]
    if first.isalpha() and first.islower():
        text = text[:1].upper() + text[1:]
    return text


def _without_date(event: str, phrase: str) -> str:
    """The event minus a date phrase fronting it ("On Wednesday, the leaders ..."): the date is shown beside it."""
    pattern = rf"^(?:(?:on|in|by|at|from|until)\s+)?{re.escape(phrase)},?\s+"
    trimmed = re.sub(pattern, "", event, count=1, flags=re.IGNORECASE)
    return _clean(trimmed) if trimmed != event else event
