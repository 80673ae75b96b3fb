"""Tokens grouped into capitalised spans: the runs of words that may be a name.

A span is a maximal run of capitalised words, with connectors ("of", "and", "&") inside it only
when a capitalised word follows ("Bank of England"). What each span names is decided elsewhere
(`names`); this module only finds where the spans are.
"""

from __future__ import annotations

from collections.abc import Iterator

from .name_lexicon import (
    CONNECTORS,
    FORMER_PREFIX,
    FUNCTION_WORDS,
    HONORIFICS,
    NUMBERED_HEADS,
    ORG_HEADS,
    ORG_TAILS,
    SITE_TAILS,
    TITLE_STARTS,
    TITLES,
)
from .roles import Token, takes_dot


def spans(tokens: list[Token], *, headline: bool = False) -> Iterator[tuple[int, int]]:
    """Index ranges of maximal capitalised runs, with connectors allowed inside ("Bank of England").

    In a headline every word may be capitalised, so function words and titles end a run there.
    """
    n = len(tokens)
    j = 0  # the end of the last span: no span starts inside it
    # A word neither capitalised nor hyphenated ("then-Prime") starts no span, and most words are
    # such words: one pass over the paragraph finds the few that may.
    for i in [k for k, t in enumerate(tokens) if t.text[:1].isupper() or "-" in t.text]:
        if i < j or not _is_span_word(tokens[i]) or (headline and _breaks_headline(tokens[i].text)):
            continue
        j = i + 1
        while j < n and not tokens[j - 1].possessive:
            tok = tokens[j]
            if headline and _breaks_headline(tok.text):
                break
            if _is_span_word(tok):
                j += 1
            elif tok.text == "." and j + 1 < n and tokens[j + 1].is_cap and takes_dot(tokens[j - 1].text):
                j += 1  # "Mr. Blair", "George W. Bush"
            elif tok.text.isdigit() and len(tok.text) <= 2 and tokens[j - 1].text in NUMBERED_HEADS:
                j += 1  # "BBC Radio 4", "Channel 4"
            elif tok.text in CONNECTORS and _connects(tokens, i, j, headline):
                j += 1
            else:
                break
        while j > i and (tokens[j - 1].text in CONNECTORS or tokens[j - 1].text == "."):
            j -= 1
        yield i, j


def _connects(tokens: list[Token], i: int, j: int, headline: bool) -> bool:
    """A connector inside a name, followed by a capitalised word. Two connectors ("for the") only
    continue a name that has a head or title before them ("Court of Appeals for the District")."""
    for k in (j + 1, j + 2):
        if k >= len(tokens):
            return False
        if tokens[k].text not in CONNECTORS:
            return _is_span_word(tokens[k]) and not (headline and _breaks_headline(tokens[k].text))
        if not any(is_head(t.text) for t in tokens[i:j]):
            return False
    return False


def is_head(word: str) -> bool:
    return word in ORG_HEADS or word in ORG_TAILS or word in TITLES or word in SITE_TAILS


def _breaks_headline(word: str) -> bool:
    return word in FUNCTION_WORDS or word in TITLES or word in HONORIFICS or word in TITLE_STARTS


def _is_span_word(tok: Token) -> bool:
    text = tok.text
    if not text[:1].isalpha():
        return False
    return text[0].isupper() or ("-" in text and FORMER_PREFIX.match(text) is not None)
