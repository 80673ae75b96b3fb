"""The event line of a timeline entry: its clause, shortened to a self-contained statement.

A clause of up to `MAX_EVENT_WORDS` words is kept whole; a longer one is cut at commas around
the date phrase, never leaving a dangling word, a quote without its speaker or a relative
clause without its subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import word_set
from .modality import DANGLING_END, HEADLESS_START, SPEECH, count_words

MAX_EVENT_WORDS = 25
_SEGMENT_BREAK = re.compile(r"[\"\u201c\u201d()]|[,;:]\s+|\s+[-\u2013\u2014]+\s+")
_LEADING_CONNECTIVE = re.compile(
    r"^(?:(?:however|meanwhile|but|and|also|so|yet|still|now|indeed|instead|moreover|furthermore|"
    r"nevertheless|separately|similarly|while|whereas|although|though)\b,?\s+)+",
    re.IGNORECASE,
)
_ELLIPSIS = "\u2026"
CUT = _ELLIPSIS
"""How an event text that starts inside its sentence begins."""
_RELATIVES = word_set("which who whose where whom")
# A proper name closing the piece before a relative clause: "... for Sanae Takai, who ..."
_NAME_AT_END = re.compile(r"(?<![\w'\u2019-])((?:[A-Z][\w'\u2019.-]*\s+){0,3}[A-Z][\w'\u2019.-]*)\s*$")

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


def make_event_text(clause: str, start: int, end: int) -> str:
    """The clause, or the best run of its comma-separated segments around [start, end), in ≤ 25 words.

    A run may not end on a word that needs a continuation ("to", "said" before a quote); a quote
    cut open is closed with an ellipsis, and a long quote may be elided in the middle.
    """
    if count_words(clause) <= MAX_EVENT_WORDS:
        return _clean(clause)
    return _clean(_best_run(clause, start, end))


def _best_run(clause: str, start: int, end: int) -> str:
    phrase_words = count_words(clause[start:end])
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
    return best[1] if best is not None else _around(clause, start)


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
        if first > 0 and _is_headless(text):
            penalty, text = _with_subject(clause, segments, first, text)
            score -= penalty
        scored.append((score, text))
    return scored


def _with_subject(clause: str, segments: list[_Segment], first: int, text: str) -> tuple[int, str]:
    """A run that opens without its subject, given one back where the clause shows it, and a penalty.

    "for Sanae Takai, who has announced ..." -> "Sanae Takai has announced ..."; "The rules, which
    start in May, will cover ..." -> "The rules … will cover ...". Otherwise the run is kept,
    heavily penalised, so that a run with its subject wins.
    """
    head, rest = text.split(" ", 1) if " " in text else (text, "")
    previous = clause[segments[first - 1].start : segments[first - 1].end]
    name = _NAME_AT_END.search(previous)
    if head in {"who", "which"} and name is not None:
        return 1, f"{name.group(1)} {rest}"
    subject = clause[segments[0].start : segments[0].end]
    fits = count_words(subject) + count_words(text) <= MAX_EVENT_WORDS
    if fits and head not in _RELATIVES and not _is_headless(subject) and not subject.startswith(('"', "\u201c")):
        return 2, f"{subject} {_ELLIPSIS} {text}"
    return 20, text


def _is_headless(text: str) -> bool:
    """True when the text opens on a lower-case relative pronoun or auxiliary (see `HEADLESS_START`)."""
    head = _LEADING_CONNECTIVE.sub("", text.lstrip(" ,;:")).split(" ", 1)[0].strip(",")
    return head.islower() and head in HEADLESS_START


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
        segments.append(_Segment(begin, match.start(), count_words(clause[begin : match.start()]), opening, quote))
        begin, opening = match.end(), quote
    segments.append(_Segment(begin, len(clause), count_words(clause[begin:]), opening, quote))
    return [s for s in segments if s.words]


def _join(clause: str, segments: list[_Segment], first: int, last: int, tail: int | None) -> str | None:
    """The text of segments first..last (plus an elided tail), or None when it would dangle."""
    text = clause[segments[first].start : segments[last].end]
    following = clause[segments[last].end :].lstrip(",;: ") if tail is None else ""
    last_word = (text.split() or [""])[-1].strip("\"'\u201c\u201d,").lower()
    if last_word in DANGLING_END:
        return None
    if last_word in SPEECH and ((following[:1] in '"\u201c' and following) or following.startswith("that ")):
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
    while after and after[-1].strip(",;:").lower() in DANGLING_END:
        after.pop()
    lead = _ELLIPSIS if len(before) < len(clause[:start].split()) else ""
    return lead + " ".join(before + after).rstrip(",;:") + _ELLIPSIS


def _clean(text: str) -> str:
    """Whitespace collapsed, leading connectives and the final full stop dropped, quotes balanced.

    A text still opening without its subject is marked as cut, with a leading ellipsis.
    """
    headless = _is_headless(text)
    text = _LEADING_CONNECTIVE.sub("", " ".join(text.split())).strip(" ,;:")
    if headless:
        text = _ELLIPSIS + text
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


def without_date(event: str, phrase: str) -> str:
    """The event minus a date phrase at its front ("On Wednesday, ..."): the watch list shows the date."""
    pattern = rf"^(?:(?:on|in|by|at|from|until)\s+)?{re.escape(phrase)},?\s+"
    trimmed = re.sub(pattern, "", event, count=1, flags=re.IGNORECASE)
    return _clean(trimmed) if trimmed != event else event
