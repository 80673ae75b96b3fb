"""The timeline and "what to watch": date phrases read in their clause, with the article's hedges.

Each date phrase is read in the clause it sits in: the clause's tense decides which "Friday"
is meant, its modality becomes the status (expected / planned / possible / occurred), and a
shortened copy of it becomes the event. Hedges are copied from the text, never strengthened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ...model import Article, StoryDate, TimelineEvent, WatchItem
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
_LOOKING_AHEAD = re.compile(r"\b(?:for|ahead\s+of|before|until|till)\s+$", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]+(?:['-][A-Za-z]+)*")
_LEADING_CONNECTIVE = re.compile(
    r"^(?:(?:however|meanwhile|but|and|also|so|yet|still|now|indeed|instead|moreover|furthermore|"
    r"nevertheless|separately|similarly|while|whereas|although|though)\b,?\s+)+",
    re.IGNORECASE,
)
_ELLIPSIS = "\u2026"


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_BE_PRESENT = _wordset("be been being is are am get gets got 's")
_PERFECT = _wordset("has have had having 've")
_SPEECH = _wordset(
    "said says say told added announced warned stated explained noted insisted claimed argued urged wrote "
    "reported confirmed revealed"
)
_DETERMINERS = _wordset("the a an his her its their our my your this that these those bad poor high low")
_PRONOUNS = _wordset("he she it they we i")
_EXPECTED = _wordset("expected expects expect expecting predicted predicts projected projecting anticipated")
_PLANNED = _wordset("will shall planning planned scheduled intends intend intending")
_POSSIBLE = _wordset("could might hoping considering considers possibly perhaps potentially")
_HEDGES = _EXPECTED | _PLANNED | _POSSIBLE
# Words that are nouns as often as verbs ("the plan", "hope of"): a hedge only before "to".
_BEFORE_TO = {"plan": "planned", "plans": "planned", "aim": "planned", "aims": "planned", "aiming": "planned"}
_BEFORE_TO |= {"forecast": "expected", "forecasts": "expected", "hope": "possible", "hopes": "possible"}
_HEDGE_ADVERBS = {"probably": "expected", "likely": "expected", "possibly": "possible", "perhaps": "possible"}
_NOT_VERB_AFTER = _wordset("the a an its his her their our of in for with by than more most very newly")
_IRREGULAR_PAST = _wordset(
    "was were did had said told took held met made went came gave won lost saw began left fell rose sold "
    "bought paid brought thought became found kept led ran spent spoke stood struck wrote grew drew knew "
    "threw hit cut put set shut quit beat broke chose froze stole woke sent built meant felt heard laid sat "
    "fought sought taught caught"
)
_NOT_PAST = _wordset("need needed indeed hundred speed proceed exceed succeed breed seed feed shed bed red")
_FRONTING = _wordset("on in by at from since and but meanwhile then until")
_HEADLESS_START = _wordset("which who whose where whom is are was were will would has have had")
_DANGLING_END = _wordset(
    "to of and or but with the a an in on at for by from as than which who whose where when while because "
    "if is are was were be has have had its their his her our this these those that according"
)
# Cheap substring test before tokenising a clause for an undated plan or hedge (" to " first:
# it is in most clauses that have any).
_FORWARD_HINTS = (" to ", *_HEDGES, "'ll", "due", "likely", "set", "propose", "suggest", "should")
_CONDITIONS = _wordset("if unless whether")
# Every word `_marker` can read as a marker without looking at its neighbours (besides words
# ending in "ed" or "'ll" and words after "have"): any other word is no marker, tested first.
_MARKER_WORDS = (
    _HEDGES
    | _EXPECTED
    | _PLANNED
    | _POSSIBLE
    | _IRREGULAR_PAST
    | _PERFECT
    | frozenset(_BEFORE_TO)
    | _wordset("could might would may hope hopes will shall should due likely set is are going was were did had")
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
            if _LOOKING_AHEAD.search(clause.text, max(0, start - 12), start):
                direction = 1  # "for Saturday's match", "ahead of Friday's vote": still to come
            inferred = story.year_inferred
            resolved = resolve_mention(
                mention, story.date, direction=direction, previous=previous, story_inferred=inferred
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
    for *_, event in found:
        unique.setdefault((event.date, event.evidence, event.text), event)
    return tuple(unique.values())


def extract_watch(article: Article, timeline: tuple[TimelineEvent, ...]) -> tuple[WatchItem, ...]:
    """Forward-looking items: hedged or planned events from the timeline, then undated plans and hedges."""
    dated = [
        WatchItem(event.date, event.status, _without_date(event.event, event.text), event.evidence)
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
        unquoted = _QUOTATION.sub(lambda m: " " * len(m.group(0)), paragraph)
        for sentence in split_sentences(paragraph):
            if any(phrase in sentence.text for phrase in dated):
                continue  # a sentence with a date is in the timeline already
            for clause in _split_clauses(sentence.text, sentence.start):
                found = _forward_marker(clause.text, unquoted[clause.start : clause.start + len(clause.text)])
                if found is not None:
                    modality, at = found
                    items.append(WatchItem(None, modality, _event_text(clause.text, at, at), (f"p{index}",)))
                    if len(items) == MAX_UNDATED_WATCH:
                        return items
    return items


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
            pairs.append((mention, next(c for c in reversed(clauses) if c.start <= mention.start)))
    return pairs


def _split_clauses(text: str, offset: int) -> list[_Clause]:
    """Split a sentence into coordinated clauses of four words or more, never inside quotes or brackets."""
    clauses: list[_Clause] = []
    start, quoted, depth = 0, False, 0
    for match in _CLAUSE_BREAK.finditer(text):
        token = match.group(0)
        if token in '"\u201c\u201d':
            quoted = token == "\u201c" or (token == '"' and not quoted)
        elif token in "()":
            depth = max(0, depth + (1 if token == "(" else -1))
        elif not quoted and depth == 0 and _long_enough(text[start : match.start()], text[match.end() :]):
            clauses.append(_Clause(text[start : match.start()], offset + start))
            start = match.end()
    clauses.append(_Clause(text[start:], offset + start))
    return clauses


def _words(text: str) -> int:
    return len(text.split())


def _long_enough(left: str, right: str) -> bool:
    """Both sides of a clause break have four words or more ("rose in 2003, and in 2004" stays whole)."""
    return _words(left) >= 4 and _words(right) >= 4


# --- tense and modality -------------------------------------------------------------------
def _governing_tense(clause: str, start: int, end: int) -> str | None:
    """The tense or hedge of the verb a date phrase attaches to.

    A phrase fronted in its clause ("On Wednesday, the leaders are expected to ...") belongs
    to the verb after it; elsewhere to the nearest verb before it ("said on Friday"), and
    failing that to the one after. Returns past / possible-past / expected / planned / possible / None.
    """
    region = _quoted_region(clause, start)
    if region is not None:  # inside a quotation the speaker's own verbs govern, not "said"
        clause, start, end = clause[region[0] : region[1]], start - region[0], end - region[0]
    words = [(m.start(), m.group(0)) for m in _WORD.finditer(clause)]
    before = [i for i, (pos, _) in enumerate(words) if pos < start]
    after = [i for i, (pos, _) in enumerate(words) if pos >= end]
    tokens = [w for _, w in words]
    lowered = [w.lower() for w in tokens]
    fronted = len(before) <= 2 and all(lowered[i] in _FRONTING for i in before)
    near_before, near_after = before[::-1][:14], after[:14]
    for i in near_after + near_before if fronted else near_before + near_after:
        marker = _marker(tokens, lowered, i)
        if marker is not None:
            return marker
    return None


def _quoted_region(text: str, pos: int) -> tuple[int, int] | None:
    """The span inside the quotation marks around `pos`, if it is quoted."""
    for match in _QUOTATION.finditer(text):
        if match.start() < pos < match.end():
            return match.start() + 1, match.end() - 1
    return None


def _marker(tokens: list[str], lowered: list[str], i: int) -> str | None:
    """What token `i` says about time: a hedge, a plan, the past, or nothing.

    `lowered` is `tokens` in lower case, made once per clause.
    """
    word, lower = tokens[i], lowered[i]
    before = lowered[i - 1] if i > 0 else ""
    if lower not in _MARKER_WORDS and before != "have" and not lower.endswith(("ed", "'ll")):
        return None
    after = lowered[i + 1] if i + 1 < len(tokens) else ""
    after2 = lowered[i + 2] if i + 2 < len(tokens) else ""
    if lower in {"could", "might", "would"} or word == "may":
        if after == "have":
            return "possible-past"  # "may have left": a hedge about the past
        if lower == "would" and any(t in _SPEECH for t in lowered[:i]):
            return "planned"  # reported intention: "said it would close the plant"
        return "possible"
    if before in {"had", "was", "were"} and lower in _HEDGES:
        return "past"  # "had expected", "was planning": an expectation that is itself past
    if lower in {"hope", "hopes"} and (after in {"to", "that"} or before in _PRONOUNS):
        return "possible"  # "hopes the deal will help": the hope, not the "will", is the modality
    if lower in _BEFORE_TO:
        # a verb before "to", or before an article when no determiner makes it a noun ("plans a vote")
        verb = after == "to" or (after in {"a", "an", "the"} and before not in _DETERMINERS)
        return _BEFORE_TO[lower] if verb else None
    if lower == "will" and (before.endswith("'s") or before in _DETERMINERS or before in {"free", "own"}):
        return None  # "against a passenger's will": a noun
    if (lower.endswith("'ll") or lower in {"will", "shall"}) and after in _HEDGE_ADVERBS:
        return _HEDGE_ADVERBS[after]  # "will probably": the adverb hedges the plan
    if lower in _PLANNED and before == "as":
        return None  # "as planned": a plan already carried out
    if lower.endswith("'ll") or lower in _PLANNED:
        return "planned"
    if lower in _EXPECTED or lower == "should":
        return None if before in {"as", "than"} else "expected"
    if lower in {"due", "likely", "set"} and after == "to" and after2 not in _DETERMINERS:
        return "expected"
    if lower in {"is", "are", "going"} and after == "to" and after2 and after2 not in _DETERMINERS:
        return "planned"  # "is to visit", "are going to"
    if lower in _POSSIBLE:
        return "possible"
    if before == "have" and i > 1 and lowered[i - 2] in {"may", "might", "could"}:
        return "possible-past"  # "may have lost": reached from the participle first
    return _past_marker(word, lower, before, after)


def _past_marker(word: str, lower: str, before: str, after: str) -> str | None:
    """The past tense marker for a past-tense verb; a participle after "be" or a determiner is not one."""
    if lower in _BE_PRESENT or not word.islower():
        return None
    if lower in {"was", "were", "did", "had"}:
        return "past"
    regular = lower.endswith("ed") and len(lower) > 4 and lower not in _NOT_PAST and "-" not in lower
    if lower in _IRREGULAR_PAST or regular:
        # "could be held": the modal decides; "the proposed merger": an adjective
        return None if before in _BE_PRESENT or before in _NOT_VERB_AFTER else "past"
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


def _forward_marker(clause: str, outside: str) -> tuple[str, int] | None:
    """The first plan or hedge outside quotation marks (`outside` is the clause with quotes blanked)."""
    lowered_clause = clause.lower()
    if not any(hint in lowered_clause for hint in _FORWARD_HINTS):
        return None
    if "?" in outside:
        return None  # a question is not a plan
    words = [(m.start(), m.group(0)) for m in _WORD.finditer(outside)]
    tokens = [w for _, w in words]
    lowered = [w.lower() for w in tokens]
    if not _CONDITIONS.isdisjoint(lowered):
        return None  # nor is a condition
    for i, (pos, word) in enumerate(words):
        lower = lowered[i]
        if lower in {"would", "should", "could", "might"} or word == "may":
            continue  # too often hypothetical to be news on their own
        if lower in {"proposed", "proposes", "suggested"} and tokens[i + 1 : i + 2] in (["that"], ["to"]):
            return "possible", pos  # a proposal: "proposed that the next summit be held in Busan"
        marker = _marker(tokens, lowered, i)
        if marker in FORWARD:
            return marker, pos
        if marker == "past":
            return None
    return None


def _is_current_period(phrase: str) -> bool:
    """True for "this year" or "earlier this month": spans holding the story date, not ahead of it."""
    mentions = find_date_mentions(phrase)
    if not mentions:
        return False
    m = mentions[0]
    ahead = m.part in {"later", "late", "end", "second-half"}
    return m.unit in {"year", "month", "week"} and m.offset == 0 and not ahead


# --- event text ---------------------------------------------------------------------------
_Scored = tuple[int, str]


@dataclass(frozen=True)
class _Segment:
    """A comma-separated piece of a clause and the quotation mark open at each end ("" if none)."""

    start: int
    end: int
    words: int
    quoted_at_start: str
    quoted_at_end: str


def _event_text(clause: str, start: int, end: int) -> str:
    """The clause, or the best run of its comma-separated segments around [start, end), in ≤ 25 words.

    A run may not end on a word that needs a continuation ("to", "said" before a quote); a quote
    cut open is closed with an ellipsis, and a long quote may be elided in the middle.
    """
    if _words(clause) <= MAX_EVENT_WORDS:
        return _clean(clause)
    phrase_words = _words(clause[start:end])
    segments = _segments(clause, start, end)
    target = next((k for k, s in enumerate(segments) if s.start <= start < s.end + 2), len(segments) - 1)
    best: tuple[int, str] | None = None
    for first in range(target + 1):
        for last in range(target, len(segments)):
            words = sum(s.words for s in segments[first : last + 1])
            if words > MAX_EVENT_WORDS:
                break
            if words - phrase_words < 4:
                continue  # the date phrase alone ("In July last year") says nothing
            for score, text in _candidates(clause, segments, first, last, words):
                if best is None or score > best[0]:
                    best = (score, text)
    return _clean(best[1] if best is not None else _around(clause, start))


def _candidates(clause: str, segments: list[_Segment], first: int, last: int, words: int) -> list[_Scored]:
    """The run first..last, and the run with the clause's end after an ellipsis, each with a score."""
    runs = [(words, _join(clause, segments, first, last, None))]
    if not segments[last].quoted_at_end:
        for tail in range(last + 2, len(segments)):
            tail_words = sum(s.words for s in segments[tail:])
            if words + tail_words <= MAX_EVENT_WORDS:
                runs.append((words + tail_words - 3, _join(clause, segments, first, last, tail)))
                break
    scored = []
    for score, text in runs:
        if text is None:
            continue
        cut_quotes = text.startswith(("\u201c\u2026", '"\u2026')) + text.endswith(("\u2026\u201d", '\u2026"'))
        score -= 4 * cut_quotes
        if first > 0 and text.startswith(('"', "\u201c")):
            score -= 10  # a quote without its speaker
        if first > 0 and text.split(" ", 1)[0].lower() in _HEADLESS_START:
            score -= 6  # a relative clause or a verb phrase without its subject
        scored.append((score, text))
    return scored


def _segments(clause: str, start: int, end: int) -> list[_Segment]:
    """Comma-, colon- and dash-separated pieces, not split inside brackets or the date phrase itself."""
    segments: list[_Segment] = []
    begin, quote, opening, depth = 0, "", "", 0
    for match in _SEGMENT_BREAK.finditer(clause):
        token = match.group(0)
        if token in '"\u201c\u201d':
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
    if last_word in _SPEECH and ((following[:1] in '"\u201c' and following) or following.startswith("that ")):
        return None  # "Lee said" cut before what he said
    if segments[first].quoted_at_start:
        text = segments[first].quoted_at_start + _ELLIPSIS + text
    if tail is not None:
        text = f"{text}, {segments[tail].quoted_at_start}{_ELLIPSIS}{clause[segments[tail].start :]}"
    elif segments[last].quoted_at_end and last + 1 < len(segments):
        text += _ELLIPSIS + ("\u201d" if segments[last].quoted_at_end == "\u201c" else '"')
    return text


def _around(clause: str, start: int) -> str:
    """Last resort: the words around the date phrase, cut on both sides with an ellipsis."""
    before = clause[:start].split()[-8:]
    after = clause[start:].split()[: MAX_EVENT_WORDS - len(before)]
    while after and after[-1].strip(",;:").lower() in _DANGLING_END:
        after.pop()
    lead = _ELLIPSIS if len(before) < len(clause[:start].split()) else ""
    return lead + " ".join(before + after).rstrip(",;:") + _ELLIPSIS


def _clean(text: str) -> str:
    """Whitespace collapsed, leading connectives and the final full stop dropped, quotes balanced."""
    text = _LEADING_CONNECTIVE.sub("", " ".join(text.split())).strip(" ,;:")
    if text.count('"') % 2:
        text = text[1:] if text.startswith('"') else text[:-1] if text.endswith('"') else text
    if text.count("\u201c") < text.count("\u201d") and text.endswith("\u201d"):
        text = text[:-1]
    elif text.count("\u201c") > text.count("\u201d") and text.startswith("\u201c"):
        text = text[1:]
    if text.endswith(".") and not re.search(r"\b(?:[A-Za-z]\.){2,}$", text):
        text = text[:-1].rstrip(" ,;:")
    first = text.split(" ", 1)[0]
    if first.isalpha() and first.islower():
        text = text[:1].upper() + text[1:]
    return text


def _without_date(event: str, phrase: str) -> str:
    """The event minus a date phrase at its front ("On Wednesday, ..."): the watch list shows the date."""
    pattern = rf"^(?:(?:on|in|by|at|from|until)\s+)?{re.escape(phrase)},?\s+"
    trimmed = re.sub(pattern, "", event, count=1, flags=re.IGNORECASE)
    return _clean(trimmed) if trimmed != event else event
