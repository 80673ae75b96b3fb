"""Tokens of a paragraph, and the context around a name that says it is a person and what role
they hold: titles and role nouns before it ("US playwright Eve Ensler"), appositions after it
("David Frost, director general of ..."), speech verbs, ages and "who".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from .gazetteer import Gazetteer
from .name_lexicon import (
    ABBREVIATED,
    ADJECTIVE_SUFFIXES,
    AGE,
    CONNECTORS,
    FORMER_WORD,
    FUNCTION_WORDS,
    OPENERS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLES,
    TOKEN,
)


class Token(NamedTuple):
    text: str
    """The word without any possessive 's."""
    start: int
    end: int
    possessive: bool
    initial: bool
    """Capitalisation is uninformative here: start of a sentence, a quotation or a headline."""

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, splits: Callable[[str], bool] = lambda _: False) -> list[Token]:
    """Words and punctuation with offsets; possessives split off, sentence starts marked.

    A hyphenated word whose first part `splits` (a country or place: "Japan-South Korea",
    "US-led", "London-based") becomes two tokens, so the name in it can be read.
    """
    tokens: list[Token] = []
    append = tokens.append
    # Whether the next token is `initial`: kept as the loop goes (see `_opens`) rather than
    # looked up from the last two tokens for every word.
    initial = True
    last = ""
    end = 0
    # Offsets are summed from the lengths of the words and the spaces before them, which saves
    # making a match object for every token.
    for space, word in _SPACED_TOKEN.findall(text):
        start = end + len(space)
        end = start + len(word)
        if "-" in word:
            head, _, rest = word.partition("-")
            if rest and head[:1].isupper() and (splits(head) or rest in ADJECTIVE_SUFFIXES):
                append(_new_token(Token, (head, start, start + len(head), False, initial)))
                initial = _opens(head, last)
                last = head
                word, start = rest, start + len(head) + 1
        # POSSESSIVE as a suffix test: a token never holds the line break its "$" also allows.
        possessive = len(word) > 2 and word.endswith(_POSSESSIVE_ENDINGS)
        if possessive:
            word = word[:-2]
        append(_new_token(Token, (word, start, end, possessive, initial)))
        initial = word in OPENERS and _opens(word, last)
        last = word
    return tokens


# Only whitespace lies between tokens: the last alternative of TOKEN takes any other character.
_SPACED_TOKEN = re.compile(rf"(\s*)({TOKEN.pattern})")
_POSSESSIVE_ENDINGS = ("'s", "\u2019s")
# `Token(...)` goes through a generated Python-level __new__; a paragraph makes hundreds of them.
_new_token = tuple.__new__


def _opens(last: str, before: str) -> bool:
    """True when `last` (after `before`) ends a sentence or opens a quotation (but not "Mr." or "W.")."""
    if last not in OPENERS:
        return False
    return not (last == "." and before != "" and takes_dot(before))


def takes_dot(word: str) -> bool:
    """'Mr.', 'W.': a dot that does not end a sentence."""
    return word in ABBREVIATED or (len(word) == 1 and word.isupper())


def _who_after(tokens: list[Token], end: int) -> bool:
    """'Gianni Agnelli, who ...': a relative 'who' marks a person."""
    return end + 1 < len(tokens) and tokens[end].text == "," and tokens[end + 1].text == "who"


def has_person_context(tokens: list[Token], start: int, end: int, text: str, gaz: Gazetteer) -> bool:
    return bool(
        role_before(tokens, start, text, gaz)
        or speech_near(tokens, start, end)
        or _who_after(tokens, end)
        or _age_before(tokens, start)
    )


def _age_before(tokens: list[Token], start: int) -> bool:
    """'83-year-old Yuji Shimizu': an age marks a person."""
    return start > 0 and AGE.match(tokens[start - 1].text) is not None


def speech_near(tokens: list[Token], start: int, end: int) -> bool:
    after = tokens[end].text if end < len(tokens) and not tokens[end - 1].possessive else ""
    before = tokens[start - 1].text if start > 0 else ""
    return after in SPEECH_VERBS or before in SPEECH_VERBS


def role_before(tokens: list[Token], start: int, text: str, gaz: Gazetteer) -> tuple[str, str | None, bool] | None:
    """A lower-case role right before a name: 'US playwright Eve Ensler', 'Tory leader Michael Howard'."""
    k = start - 1
    # "spokeswoman for women Sandra Gidley": a short of/for phrase may follow the role noun.
    if (
        k >= 2
        and tokens[k].text.islower()
        and tokens[k - 1].text in ("for", "of", "on")
        and tokens[k - 2].text.lower() in ROLE_NOUNS
    ):
        k -= 2
    if k < 0 or tokens[k].text.lower() not in ROLE_NOUNS or (tokens[k].text[:1].isupper() and tokens[k].text != "MP"):
        return None
    role_end = tokens[start - 1].end
    first = k
    while first > 0 and _is_role_modifier(tokens[first - 1].text):
        first -= 1
    former = any(FORMER_WORD.match(t.text) for t in tokens[first:k])
    country = None
    q_end = first
    q_start = q_end
    while q_start > 0 and tokens[q_start - 1].is_cap and not tokens[q_start - 1].possessive:
        q_start -= 1
    while q_start < q_end and (tokens[q_start].text in FUNCTION_WORDS or tokens[q_start].text in ("Former", "Ex")):
        former = former or tokens[q_start].text in ("Former", "Ex")
        q_start += 1
    if q_start < q_end:
        qualifier = " ".join(t.text for t in tokens[q_start:q_end])
        country = gaz.country_codes.get(qualifier) or gaz.demonym_code(qualifier)
        if country is None and qualifier not in gaz.organizations and qualifier not in gaz.clubs:
            q_start = q_end  # only parties, clubs and the like qualify a role
        elif country is not None:
            q_start = q_end
    elif q_start > 0 and tokens[q_start - 1].possessive and tokens[q_start - 1].is_cap:
        owner = tokens[q_start - 1].text
        country = gaz.country_codes.get(owner)
    role = text[tokens[min(q_start, first)].start : role_end]
    return role, country, former


def role_title_before_comma(tokens: list[Token], start: int, text: str) -> str | None:
    """'The Shadow Secretary of State for the Family, Theresa May, said': a title, then the name."""
    if start < 2 or tokens[start - 1].text != ",":
        return None
    first = last = start - 2
    while first > 0 and first > start - 12 and (tokens[first - 1].is_cap or tokens[first - 1].text in CONNECTORS):
        first -= 1
    while first < last and (tokens[first].text in FUNCTION_WORDS or tokens[first].text in CONNECTORS):
        first += 1
    if not tokens[last].is_cap or not any(t.text in TITLES for t in tokens[first : last + 1]):
        return None
    if tokens[first].initial and first > 0 and tokens[first - 1].text not in (".", "!", "?"):
        return None
    return text[tokens[first].start : tokens[last].end]


def _is_role_modifier(word: str) -> bool:
    """'former', 'chief', 'ex-chief' and the like, which may stand before a role noun."""
    word = FORMER_WORD.sub("", word)
    return word.islower() and (word in ROLE_MODIFIERS or word in ROLE_NOUNS)


def role_after(tokens: list[Token], end: int, text: str) -> str | None:
    """An apposition: 'David Frost, director general of the British Chambers of Commerce'."""
    if end + 1 >= len(tokens) or tokens[end].text != "," or tokens[end - 1].possessive:
        return None
    i = end + 1
    if tokens[i].text in ("the", "a", "an"):
        i += 1
    first = i
    last = -1
    while i < len(tokens) and i - first < 4 and tokens[i].text.islower() and tokens[i].text not in SPEECH_VERBS:
        word = tokens[i].text
        if word in ROLE_NOUNS:
            last = i
        elif last >= 0 and word not in ROLE_MODIFIERS:
            break  # "auto analyst at ...": the role ends at its noun
        i += 1
    if last < 0:
        return _title_after(tokens, first, text)
    return text[tokens[first].start : tokens[last].end]


def _title_after(tokens: list[Token], first: int, text: str) -> str | None:
    """'Glen Wood, Vice President of Deutsche Securities', 'Tim Crawford, Group Economist at ...'."""
    last = -1
    for i in range(first, min(first + 4, len(tokens))):
        word = tokens[i].text
        if not tokens[i].is_cap or word in FUNCTION_WORDS:
            break
        if word in TITLES or word.lower() in ROLE_NOUNS:
            last = i
    return text[tokens[first].start : tokens[last].end] if last >= 0 else None
