"""Where quotations are in a paragraph: quote marks, quoted spans and quotes that run on.

Only double quotation marks (straight, curly, or two apostrophes) delimit quotes: single marks
are too often apostrophes; curly marks inside a straight-quoted passage quote within it. A quote left open at the end of a paragraph and continued by a next
paragraph that opens with a quote mark (the news convention for multi-paragraph quotes) is one
group of spans; a quote reopened inside its own paragraph before it closed ('...26 weeks. "We
are...') is split into runs, one per paragraph-crossing chain, so every text stays verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPENING_CONTEXT = " \t\n([{\u2014\u2013-/"
_CLOSING_CONTEXT = " \t\n.,;:!?)]}\u2014\u2013-/'\u2019"
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+(?=[\"\u201c(]?[A-Z0-9])")
_QUOTE_MARK = re.compile('["\u201c\u201d]')
_DOUBLED_APOSTROPHES = re.compile("'''?")
_WORD_CHAR = re.compile(r"\w")
ONLY_PUNCTUATION = re.compile(r"[.!?,;:\u2014\u2013-]*")


@dataclass(frozen=True)
class Span:
    """One run of quoted text in a paragraph; `open_end` = closed implicitly, not by a mark."""

    para: int
    start: int
    end: int
    open_end: bool
    closing: int
    """Offset just after the closing mark (== end when there is none)."""


def normalise_marks(text: str) -> str:
    """Two apostrophes written for a double mark (''Yes,'' he said) become one, offsets kept.

    The freed character becomes a space on the side away from the quoted words, so a quote's text
    stays as written; of three marks the single one stays on the quoted words' side.
    """
    if "''" not in text:
        return text
    return _DOUBLED_APOSTROPHES.sub(_one_mark, text)


def _one_mark(match: re.Match[str]) -> str:
    start = match.start()
    if start == 0:  # the paragraph opens with the quote: keep the mark first
        return "\" '" if len(match.group()) == 3 else '" '
    closing = not match.string[start - 1].isspace()
    if len(match.group()) == 3:
        return "'\" " if closing else " \"'"
    return '" ' if closing else ' "'


def mask_quotes(text: str, spans: list[Span]) -> str:
    """The paragraph with quoted words blanked out (same offsets), leaving the narration."""
    chars = list(text)
    for span in spans:
        chars[span.start : span.end] = " " * (span.end - span.start)
    return "".join(chars)


def has_words(text: str) -> bool:
    return _WORD_CHAR.search(text) is not None


def split_runs(group: list[Span]) -> list[list[Span]]:
    """A run-on quote is one `Quote` per paragraph-crossing chain, so each text stays verbatim.

    Within a paragraph, a quote reopened before it was closed ('...weeks. "We are...') gives
    separate quotes; a quote left open at a paragraph's end joins the next paragraph's opening.
    """
    runs: list[list[Span]] = [[group[0]]]
    for span in group[1:]:
        if span.para == runs[-1][-1].para:
            runs.append([span])
        else:
            runs[-1].append(span)
    return runs


def find_spans(para: int, text: str) -> list[Span]:
    """Quoted runs of one paragraph. Straight marks are told apart by what surrounds them."""
    spans: list[Span] = []
    open_at: int | None = None
    nested = False
    for mark in _QUOTE_MARK.finditer(text):  # straight to each mark, not character by character
        i, ch = mark.start(), mark.group()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if open_at is not None and text[open_at - 1] == '"' and ((ch == "\u201c" and i > open_at) or nested):
            # Curly marks inside a straight-quoted passage quote within it: '"Not \u201cfair\u201d at all."'
            # A straight mark still closes the passage; '"\u201c' opens a quoted report, not a quote.
            nested = ch == "\u201c"
            if ch != '"':
                continue
        if ch == "\u201c":
            is_open = True
        elif ch == "\u201d":
            # A right mark written for a left one: "\u201dFear. I ..." at the start of a quote.
            is_open = open_at is None and before in _OPENING_CONTEXT and after.isalnum()
        else:
            opens, closes = before in _OPENING_CONTEXT, after in _CLOSING_CONTEXT
            is_open = open_at is None if opens == closes else opens
        if is_open:
            if open_at is not None:  # a new quote opens before the last one closed: a run-on quote
                spans.append(Span(para, open_at, i, True, i))
            open_at = i + 1
        elif open_at is not None:
            spans.append(Span(para, open_at, i, False, i + 1))
            open_at = None
    if open_at is not None:
        spans.append(Span(para, open_at, len(text), True, len(text)))
    return spans


def group_spans(spans: list[list[Span]], paragraphs: tuple[str, ...]) -> list[list[Span]]:
    """Join run-on spans: unclosed then continued in the same or the next paragraph."""
    groups: list[list[Span]] = []
    pending: list[Span] = []
    for para, para_spans in enumerate(spans):
        opens_with_quote = paragraphs[para][:1] in '"\u201c'
        if pending and not (para_spans and para_spans[0].start == 1 and opens_with_quote):
            groups.append(pending)  # an unclosed quote the next paragraph does not continue
            pending = []
        for span in para_spans:
            pending.append(span)
            if not span.open_end:
                groups.append(pending)
                pending = []
    if pending:
        groups.append(pending)
    return groups


def trim_quote(part: str) -> str:
    """Drop whitespace and punctuation that belongs to the attribution, not the quoted words."""
    return part.strip().rstrip(",;:\u2014\u2013- ").strip()


def sentence_before(text: str, mark: int) -> tuple[str, bool]:
    """The part of the sentence before a quote mark, without any earlier quoted text.

    The flag tells that an earlier quote of the same sentence was cut off: '"...," said X, "..."'.
    """
    head = text[:mark]
    ends = list(SENTENCE_END.finditer(head + " A"))
    if ends:
        head = head[ends[-1].end() :] if ends[-1].end() <= len(head) else ""
    cut = max(head.rfind('"'), head.rfind("\u201d"), head.rfind("\u201c"))
    return (head[cut + 1 :].strip(), True) if cut >= 0 else (head.strip(), False)
