"""Sentence splitting for news prose, shared by the extractors.

A hand-written splitter: news sentences end in . ! ? (optionally followed by a closing quote),
but abbreviations ("Mr.", "U.S.", "Jan.") and initials do not end a sentence. NLTK's Punkt
would need a downloaded model, which run time must never fetch.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

# Titles always run on into a name ("Gov. Jeb Bush", "Sens. Tester and Vitter").
_TITLES = frozenset(
    re.findall(
        r"\S+",
        """mr mrs ms messrs dr prof st mt gen gens col lt sgt capt cmdr adm gov govs sen sens rep reps
        rev hon""",
    )
)
# Other abbreviations may also end a sentence ("...moved to the U.S. The firm..."): they do when
# the next word is one that opens sentences, not one that goes on a name ("U.S. Senate").
_ABBREVIATIONS = _TITLES | frozenset(
    re.findall(
        r"\S+",
        """sr jr no vs etc inc ltd co corp plc dept univ est approx fig
        jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m""",
    )
)
_SENTENCE_OPENERS = frozenset(
    re.findall(
        r"\S+",
        """The A An He She It They We I This That These Those There His Her Its Their Our But And
        In On At After Before When While If For Some Many Most However Meanwhile Now Still Yet""",
    )
)

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace,
# then something that can start a sentence (capital, digit, opening quote).
_BOUNDARY = re.compile(r"""([.!?]+)(["'\u201d\u2019)\]]*)\s+(?=["'\u201c\u2018(\[]?[A-Z0-9£$€])""")


class Sentence(NamedTuple):
    text: str
    start: int
    """Offset of the sentence in its paragraph."""


@lru_cache(maxsize=256)
def split_sentences(paragraph: str) -> tuple[Sentence, ...]:
    """Split one paragraph into sentences with their offsets (text is stripped).

    Cached (hence a tuple): the summary, the timeline and the watch list each split every paragraph.
    """
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        dot = match.start(1)
        if (
            match.group(1) == "."
            and _is_abbreviation(paragraph, dot)
            and not _ends_sentence_anyway(paragraph, dot, match.end())
        ):
            continue
        end = match.end(2)
        _append(sentences, paragraph, start, end)
        start = match.end()
    _append(sentences, paragraph, start, len(paragraph))
    return tuple(sentences)


def _is_abbreviation(text: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace() and not _opens_word(text, word_start - 1):
        word_start -= 1
    word = text[word_start:dot].lower()
    if word in _ABBREVIATIONS:
        return True
    # single initials ("George W. Bush") and dotted acronyms ("U.S.")
    return (len(word) == 1 and word.isalpha()) or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def _ends_sentence_anyway(text: str, dot: int, next_start: int) -> bool:
    """An abbreviation that is not a title nor an initial, followed by a word that opens
    sentences: "...based in the U.S. The company said..." is two sentences."""
    following = _NEXT_WORD.match(text, next_start)
    if not following or following.group(1) not in _SENTENCE_OPENERS:
        return False
    word = text[text.rfind(" ", 0, dot) + 1 : dot].lstrip("(\"\u201c'\u2018").lower()
    return word not in _TITLES and len(word) > 1


_NEXT_WORD = re.compile(r"[\"'\u201c\u2018(\[]?([A-Za-z]+)\b")


def _opens_word(text: str, index: int) -> bool:
    """A bracket or an opening quote; an apostrophe inside a word ("Fintian's.") is not one."""
    char = text[index]
    if char in '("\u201c[':
        return True
    return char in "'\u2018\u2019" and (index == 0 or text[index - 1].isspace())


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        sentences.append(Sentence(stripped, start + (len(chunk) - len(chunk.lstrip()))))
