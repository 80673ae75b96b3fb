"""What the words around a name say it is, beyond what the name alone says.

A noun before or after it ("car firm Carfax", "band Il Divo", ", the US consultancy"), a list
("companies such as X, Y and Z") or a company suffix ("Acme Corp.", "Boatmen's Bancshares Inc.")
make an organisation; "Kings Cross station" is a site; "in Marseille" is the city, not its club.
"""

from __future__ import annotations

import re

from .gazetteer import Gazetteer
from .mentions import COUNTRY, NAME, ORG, PERSON, PLACE, Mention
from .name_lexicon import (
    CALENDAR,
    COMPANY_CONTEXT_BEFORE,
    LIST_NAME_RE,
    ORG_LIST,
    ORG_LIST_NOUNS,
    ORG_NOUN_AFTER,
    ORG_NOUN_BEFORE,
    ORG_NOUNS,
)
from .roles import Token
from .teams import club_as_place

_OWNER = re.compile(r"[A-Z][\w.-]*['\u2019]s\s+")


# "in Marseille" is where, but "confidence in Tottenham" is about the club.
_SITE_AFTER = re.compile(r"\s+(?:station|airport|river|square|island|estuary|valley)\b")


_IN_BEFORE = re.compile(
    r"(?<!confidence)(?<!interest)(?<!faith)(?<!belief)(?<!trust)(?<!stake)(?<!shares)(?<!role)(?<!future)"
    r"\s(?:in|near)\s+$"
)


def in_context(
    tokens: list[Token], start: int, end: int, text: str, pid: int, found: list[Mention], gaz: Gazetteer
) -> list[Mention]:
    """What the words around a span say about it: 'in Marseille' is the city, not the club;
    'carrier Virgin Blue', 'band Il Divo', 'shares in Acme Foods' name one organisation; 'Kings Cross
    station' is a place."""
    before = text[max(0, tokens[start].start - 30) : tokens[start].start]
    # Both patterns on `before` end in a word, whitespace and the end: a cheap test of that word
    # spares the regex engine a search of the whole window for most spans.
    word = before.rstrip()
    spaced = len(word) < len(before)
    if spaced and word.endswith(("in", "near")) and _IN_BEFORE.search(before):
        found = [club_as_place(m, gaz) for m in found]
    last = tokens[end - 1]
    unknown = found and all(m.kind == NAME and m.fallback is None for m in found) and not last.possessive
    if unknown and not tokens[start].initial and _SITE_AFTER.match(text, last.end):
        name = text[tokens[start].start : last.end]
        return [Mention(PLACE, name, pid, tokens[start].start, detail="site")]
    if tokens[start].initial:
        return found  # the capital may be the sentence's: no noun before makes the span one name
    noun = _noun_before(text, tokens[start].start, tokens[end - 1].end)
    company = COMPANY_CONTEXT_BEFORE.search(before) if spaced and word.endswith(("in", "of")) else None
    if (noun is None and company is None) or (not found and noun is None):
        return found  # but "band USA For Africa", "game makers Argonaut Games" are still names
    if any(m.kind == PERSON for m in found) or any(t.text in CALENDAR for t in tokens[start:end]):
        return found
    if len(found) == 1 and (found[0].kind in (ORG, COUNTRY) or (found[0].kind == NAME and found[0].fallback)):
        return found  # a known name, or one `as_company` reads
    name = text[tokens[start].start : last.start + len(last.text)]
    kind = _noun_kind(noun)
    org = Mention(ORG, name, pid, tokens[start].start, detail=kind, form=name)
    return [*(m for m in found if m.kind == COUNTRY and m.detail == "demonym"), org]


def listed_names(text: str) -> set[int]:
    """Where the names of a list of organisations start ("companies such as X, Y and Z")."""
    listed: set[int] = set()
    # A list needs one of its nouns: substring tests rule out most paragraphs faster than a search.
    matches = ORG_LIST.finditer(text) if any(noun in text for noun in ORG_LIST_NOUNS) else ()
    for match in matches:
        for item in LIST_NAME_RE.finditer(match.group(1)):
            listed.add(item.start() + match.start(1))
            owner = _OWNER.match(item.group())
            if owner:  # "firms such as France's Snecma": the name after the country's
                listed.add(item.start() + match.start(1) + owner.end())
    return listed


def as_company(mention: Mention, text: str, listed: set[int], gaz: Gazetteer) -> Mention:
    """A bare name after 'firm', 'software maker', in 'companies such as X, Y and Z' or before
    ', the US technology consultancy' is a company."""
    if mention.text.isupper() and len(mention.text) < 3:
        return mention
    if gaz.is_word(mention.text) and mention.pos not in listed:
        return mention  # mid-list, "airlines - Air Deccan and Kingfisher", a capital means a name
    noun = _noun_before(text, mention.pos, mention.pos + len(mention.text))
    if noun is None:
        noun = ORG_NOUN_AFTER.search(text[mention.pos + len(mention.text) : mention.pos + len(mention.text) + 80])
    if (mention.pos in listed or noun) and mention.fallback is not None and mention.fallback.kind == ORG:
        return mention.fallback  # "network Vodafone": the gazetteer knows it better
    if mention.pos in listed or noun:
        return Mention(ORG, mention.text, mention.pid, mention.pos, detail=_noun_kind(noun))
    return mention


def _noun_before(text: str, start: int, end: int) -> re.Match[str] | None:
    """'car firm Carfax'; with a comma only as an apposition: 'The airline, SpiceJet', 'game makers,
    Argonaut Games, has' (not 'the newspaper, Smith added')."""
    before = text[max(0, start - 30) : start]
    # Every match ends in an organisation noun (then maybe a comma), whitespace and the end: a
    # suffix test rules out most windows before the regex engine searches them.
    word = before.rstrip()
    if len(word) == len(before) or not word.removesuffix(",").endswith(_ORG_NOUN_WORDS):
        return None
    noun = ORG_NOUN_BEFORE.search(before)
    if noun and noun.group(3) and text[end : end + 1] != ",":
        return None
    return noun


_ORG_NOUN_WORDS = tuple(ORG_NOUNS)


def _noun_kind(noun: re.Match[str] | None) -> str:
    """The kind of organisation a noun before or after a name says it is ("band" -> "band")."""
    word = next((g for g in noun.groups() if g), "") if noun else ""
    return ORG_NOUNS.get(word, "company")


def read_org(mention: Mention, text: str, gaz: Gazetteer) -> Mention:
    if mention.kind != ORG:
        return mention
    if " ." in mention.text:  # "Edward D. Jones & Co", as written, not as tokenised
        mention = mention._replace(text=mention.text.replace(" .", "."))
    return _with_owner(_with_dot(_with_in(mention, text, gaz), text), text, gaz)


_IN_NAME = re.compile(r" in (?:the )?[A-Z][\w-]*(?: [A-Z][\w-]*)?")


def _with_in(mention: Mention, text: str, gaz: Gazetteer) -> Mention:
    """'Organisation for Security and Cooperation in Europe': a known name that goes on past 'in',
    which ends a capitalised span everywhere else ("the Bank in London")."""
    if mention.kind != ORG or text[mention.pos : mention.pos + len(mention.text)] != mention.text:
        return mention
    tail = _IN_NAME.match(text, mention.pos + len(mention.text))
    words = tail.group().split() if tail else []
    for stop in range(len(words), 1, -1):
        org = gaz.organizations.get(f"{mention.text} {' '.join(words[:stop])}")
        if org is not None:
            return mention._replace(text=org.name, detail=org.kind, abbreviation=org.abbreviation, form=org.name)
    return mention


# Abbreviated company suffixes keep their full stop, as the name is written: "Acme Corp.".
_DOTTED_SUFFIXES = (" Corp", " Inc", " Co", " Ltd", " Bros", " Cos")


_COMPANY_SUFFIXES = (*_DOTTED_SUFFIXES, " Corp.", " Inc.", " Co.", " Ltd.", " plc", " PLC", " Plc", " LLC")


_OWNER_BEFORE = re.compile(r"\b([A-Z][\w&-]*)['\u2019]s $")


def _with_owner(mention: Mention, text: str, gaz: Gazetteer) -> Mention:
    """'Boatmen's Bancshares Inc.': a possessive word that opens a company's registered name
    belongs to it (a country's or a known name's possessive does not: "Britain's Acme Corp")."""
    end = mention.pos + len(mention.text)
    if not mention.text.endswith(_COMPANY_SUFFIXES) or text[mention.pos : end] != mention.text:
        return mention
    owner = _OWNER_BEFORE.search(text, max(0, mention.pos - 40), mention.pos)
    if owner is None or owner.group(1) in gaz.one_word_names or owner.group(1) in gaz.given_names:
        return mention
    name = text[owner.start(1) : end]
    return mention._replace(text=name, pos=owner.start(1), form=name)


def _with_dot(mention: Mention, text: str) -> Mention:
    name = mention.text
    if mention.kind != ORG or not name.endswith(_DOTTED_SUFFIXES):
        return mention
    end = mention.pos + len(name)
    if text[end : end + 1] != "." or text[mention.pos : end] != name:
        return mention
    return mention._replace(text=f"{name}.", form=f"{name}.")
