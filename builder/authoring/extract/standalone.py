"""Whether a sentence reads on its own, for the BLUF and key points.

A key point is read out of order, so it must not lean on the sentence before it: no opening
pronoun ("He said..."), connective ("However, ...", "In response, ...") or demonstrative
("Lee said this would..."), and no quotation presented as the note's own claim. A leading
connective that only links two facts ("However,", "Meanwhile,") can be dropped to leave a
sentence that stands alone; a pronoun or a demonstrative cannot.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lexicon import word_set

# Openers that point back to an earlier sentence: such a sentence is not a key point on its own.
CONTEXT_OPENERS = word_set(
    """he she it they we i you his her its their this these those that there's but and or so yet also
    however still instead then thus therefore nevertheless nonetheless moreover furthermore besides
    otherwise likewise similarly such both either neither another other others meanwhile additionally
    consequently hence accordingly nor him them us our my me"""
)
# Connectives that link two facts without changing the second: dropping one leaves a sentence
# that says the same thing on its own ("However, the council voted..." -> "The council voted...").
# "Otherwise", "instead" and "then" are not here: without what precedes them the claim changes.
_DROPPABLE = re.compile(
    r"^(?:(?:but|and|however|meanwhile|moreover|furthermore|additionally|nevertheless|nonetheless|separately|"
    r"indeed|likewise|similarly|also|still|in response|in addition|at the same time|on the other hand|"
    r"by contrast|in contrast|even so|as a result|in turn|of course|in fact)\b,?\s+)+",
    re.IGNORECASE,
)
# Multi-word openers that need the previous sentence and cannot simply be dropped.
_CONTEXT_PHRASE = re.compile(
    r"^(?:for example|for instance|despite this|despite that|after that|after this|before that|in other words|"
    r"to that end|because of this|because of that|on top of that|in that case|by then|at that time|"
    r"in doing so|as such|in the meantime|until then|since then)\b",
    re.IGNORECASE,
)
# "Lee said this would...": the demonstrative stands for something said in an earlier sentence.
_REPORTED_DEMONSTRATIVE = re.compile(
    r"\b(?:that|said|says|mentioned|added|noted|stated|explained|argued|warned|insisted|believes?|thinks?)\s+"
    r"(?:this|these|those)\s+(?:would|will|is|was|has|had|could|can|may|might|means?|meant|should|must|"
    r"does|did|are|were|marks?|shows?|showed)\b",
    re.IGNORECASE,
)
_SUBJECT_PRONOUNS = word_set("he she they")
# "Takai responded, ...": a reply to something said in an earlier sentence.
_REPLY = re.compile(r"^(?:[A-Z][\w'\u2019-]*\s+){1,3}(?:responded|replied|retorted|countered|hit back)\b")
# "This year, ..." and "That night, ..." point at a time, not at an earlier sentence.
_TIME_OPENER = re.compile(
    r"^(?:this|that|these)\s+(?:year|week|month|weekend|season|morning|afternoon|evening)\b", re.I
)
# The main verb ends the opening phrase in which a pronoun would be the subject.
_CLAUSE_VERBS = word_set("said says told is was are were has have had will would can could may might")
# "After leaving office, he became...", "The plan, she said, ...": a pronoun subject right after an
# opening phrase, or in a reporting aside, stands for someone named in another sentence.
_PRONOUN_AFTER_COMMA = re.compile(
    r"^[^,;:]{0,90},\s+(?:he|she|they|(?:this|these|those)(?!\s+(?:year|week|month|weekend|season)))\b|,\s+(?:he|she|they)\s+(?:said|says|claimed|claims|added|believed|believes|"
    r"argued|argues|insisted|insists|told|tells|wrote|writes|noted|notes|warned|warns)\b"
)
_NOT_NAMES = word_set(
    """january february march april may june july august september october november december monday
    tuesday wednesday thursday friday saturday sunday i"""
)
# Words a headline capitalises and a sentence does not ("Clinton Put On The Defensive").
_FUNCTION_WORDS = word_set("the of on in to for and over with at by a an from is are as into")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019\-]*|\d[\d,.]*%?")
_QUOTE_MARK = re.compile("''|[\"\u201c\u201d]")


def leans_on_context(text: str) -> bool:
    """True when `text` needs an earlier sentence to be understood: an opening pronoun,
    connective or demonstrative, a reported "this", or a pronoun subject before any name."""
    words = _WORD.findall(text[:200])  # the opening words decide, and a sentence can be long
    if not words:
        return True
    first = re.split(r"['\u2019]", words[0].lower())[0]  # "It's", "They're"
    stripped = text.lstrip("\"'\u201c\u2018(")
    if (first in CONTEXT_OPENERS and not _TIME_OPENER.match(stripped)) or _CONTEXT_PHRASE.match(stripped):
        return True
    lower = text.lower()
    # Cheap substring tests first: the patterns behind them are rarely needed.
    if (" this " in lower or " these " in lower or " those " in lower) and _REPORTED_DEMONSTRATIVE.search(text):
        return True
    if (
        ", he " in lower
        or ", she " in lower
        or ", they " in lower
        or ", this " in lower
        or ", these " in lower
        or ", those " in lower
    ) and _PRONOUN_AFTER_COMMA.search(text):
        return True
    return bool(_REPLY.match(stripped)) or _pronoun_before_name(words)


def _pronoun_before_name(words: list[str]) -> bool:
    """ "In August, he visited Tokyo": a subject pronoun among the first words, before any name
    that could be what it stands for."""
    for position, word in enumerate(words[:12]):
        lower = word.lower()
        if lower in _SUBJECT_PRONOUNS:
            return True
        if position and word[0].isupper() and lower not in _NOT_NAMES:
            return False
        if lower in _CLAUSE_VERBS or (position and lower.endswith("ed")):
            return False  # "Prosecutors said they...": the pronoun follows its own subject
    return False


def drop_connective(text: str) -> str:
    """`text` without a leading connective that only links it to the previous sentence
    ("In response, Lee said..." -> "Lee said..."), capitalised; `text` itself when it has none."""
    match = _DROPPABLE.match(text)
    if not match or match.end() == len(text):
        return text
    rest = text[match.end() :]
    return rest[:1].upper() + rest[1:]


def quoted_spans(paragraph: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the quotations in `paragraph`. A quotation left open runs to
    the end (news style for a quote that goes on into the next paragraph), and an opening mark
    met inside a quotation continues it rather than closing it ('"We won. "We will again."')."""
    spans: list[tuple[int, int]] = []
    opened = -1
    for mark in _QUOTE_MARK.finditer(paragraph):
        if _is_opening(paragraph, mark.start(), mark.end()):
            if opened < 0:
                opened = mark.start()
        elif opened >= 0:
            spans.append((opened, mark.end()))
            opened = -1
    if opened >= 0:
        spans.append((opened, len(paragraph)))
    return spans


def quoted_share(spans: list[tuple[int, int]], start: int, end: int) -> float:
    """The share of the text between `start` and `end` that lies inside the quotation `spans`,
    so the middle sentence of '"We won. We always win. We will again," she said.' counts too."""
    quoted = sum(max(0, min(b, end) - max(a, start)) for a, b in spans if a < end and b > start)
    return quoted / max(end - start, 1)


def _is_opening(text: str, start: int, end: int) -> bool:
    """A curly mark says which it is; a straight one opens after a space and before a word."""
    mark = text[start:end]
    if mark in "\u201c\u201d":
        return mark == "\u201c"
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return (before.isspace() or before in "([\u2014-") and not after.isspace()


def is_headline_case(words: Sequence[str]) -> bool:
    """Title Case copy ("Clinton Put On The Defensive Over Policy") is a heading, not a sentence:
    two capitalised function words after the first word and no lower-case one."""
    capitalised = lower = 0
    for word in words[1:]:
        if word.lower() in _FUNCTION_WORDS:
            if word[0].isupper():
                capitalised += 1
            else:
                lower += 1
    return capitalised >= 2 and lower == 0
