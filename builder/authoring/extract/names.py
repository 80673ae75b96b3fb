"""Proper-name mentions in one paragraph: tokens, capitalised spans, and what each span names.

This is the first pass of entity extraction. It reads a paragraph's capitalised spans
("South Korean President Lee Jae-myeong", "the Comprehensive and Progressive Agreement for
Trans-Pacific Partnership (CPTPP)") and says what each part of a span is: a person with a role,
a place, an organisation, a country, or a bare name left for the second pass (`entities`) to
resolve against the people found elsewhere in the article ("Takai", "Mr Brown").

Heuristics favour precision: capitalisation is evidence only mid-sentence, and a person needs a
title, an honorific, a role noun, a known given name, or a speech verb before it counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from .gazetteer import ClubEntry, Gazetteer
from .name_lexicon import (
    ACRONYM,
    BRANDED_KINDS,
    CALENDAR,
    COMPANY_CONTEXT_BEFORE,
    CONNECTORS,
    FEATURE_HEADS,
    FEATURE_TAILS,
    FORMER_PREFIX,
    FUNCTION_WORDS,
    HONORIFICS,
    KOREAN_GIVEN,
    LETTERS_ACRONYM,
    LIST_NAME_RE,
    MULTI_TITLES,
    NOT_AIRLINE,
    NOT_ORG_KINDS,
    NOT_TITLE_SIGNALS,
    NUMBERED_HEADS,
    ORG_HEADS,
    ORG_LIST,
    ORG_LIST_NOUNS,
    ORG_NOUN_AFTER,
    ORG_NOUN_BEFORE,
    ORG_NOUNS,
    ORG_TAILS,
    PARTICLES,
    POST_NOMINALS,
    PROPER_TAILS,
    ROLE_NOUNS,
    SITE_TAILS,
    STYLES,
    TITLE_PREPOSITIONS,
    TITLE_STARTS,
    TITLES,
    wordlist,
)
from .roles import (
    Token,
    has_person_context,
    role_after,
    role_before,
    role_title_before_comma,
    speech_near,
    takes_dot,
    tokenize,
)

PERSON, PLACE, ORG, COUNTRY, NAME = "person", "place", "org", "country", "name"


class Mention(NamedTuple):
    """One thing a span names. Offsets order mentions; the second pass merges them.

    A named tuple, like `Token`: an article makes dozens of mentions, and a frozen dataclass with
    this many fields takes four times as long to make.
    """

    kind: str
    text: str
    """Person: the name without honorific; place/org: the name; country: the ISO code."""
    pid: int
    pos: int
    role: str | None = None
    country: str | None = None
    former: bool = False
    form: str | None = None
    """The surface as an alias ("Mr Brown", "Lee"), for people and bare names."""
    detail: str | None = None
    """Place kind or organisation kind."""
    abbreviation: str | None = None
    strong: bool = False
    """For people: a title, honorific or role supports the mention (it may create a person)."""
    fallback: Mention | None = None
    """For bare names: what the name is when it is not one of the article's people."""


@dataclass(frozen=True)
class Context:
    """Facts about the whole article that change how a span reads."""

    gazetteer: Gazetteer
    sport: bool
    """The article is about sport: "Liverpool beat Everton" names clubs, not cities."""
    headline: bool = False


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
        if not any(_is_head(t.text) for t in tokens[i:j]):
            return False
    return False


def _is_head(word: str) -> bool:
    return word in ORG_HEADS or word in ORG_TAILS or word in TITLES or word in SITE_TAILS


def _breaks_headline(word: str) -> bool:
    return word in FUNCTION_WORDS or word in TITLES or word in HONORIFICS or word in TITLE_STARTS


def _is_span_word(tok: Token) -> bool:
    text = tok.text
    if not text[:1].isalpha():
        return False
    return text[0].isupper() or ("-" in text and FORMER_PREFIX.match(text) is not None)


def read_paragraph(text: str, pid: int, ctx: Context) -> list[Mention]:
    """Every mention in one paragraph, in text order."""
    gaz = ctx.gazetteer
    tokens = tokenize(text, lambda head: head in gaz.country_codes or head in gaz.places or head in gaz.demonyms)
    mentions: list[Mention] = []
    for start, end in spans(tokens, headline=ctx.headline):
        found = _read_span(tokens, start, end, text, pid, ctx)
        if not ctx.headline:
            found = _in_context(tokens, start, end, text, pid, found, gaz)
            if ctx.sport and len(found) == 1:
                found = _as_team(tokens, end, text, found[0], gaz)
            if ctx.sport and len(found) == 1 and found[0].kind == NAME and found[0].fallback is None:
                found = _as_nickname(tokens, start, end, text, found[0], gaz)
        mentions.extend(found)
    if ctx.headline:
        return mentions
    listed: set[int] = set()
    # A list needs one of its nouns: substring tests rule out most paragraphs faster than a search.
    matches = ORG_LIST.finditer(text) if any(noun in text for noun in ORG_LIST_NOUNS) else ()
    for match in matches:
        for item in LIST_NAME_RE.finditer(match.group(1)):
            listed.add(item.start() + match.start(1))
            owner = _OWNER.match(item.group())
            if owner:  # "firms such as France's Snecma": the name after the country's
                listed.add(item.start() + match.start(1) + owner.end())
    read = [_as_company(m, text, listed, gaz) if m.kind == NAME else _read_org(m, text, gaz) for m in mentions]
    # What a name took in beyond a full stop ("Europe", "Boatmen") is not a mention of its own.
    longer = [
        (m.pos, m.pos + len(m.text))
        for m, old in zip(read, mentions, strict=True)
        if m.pos < old.pos or len(m.text) > len(old.text) + 1
    ]
    if longer:
        read = [m for m in read if m.kind == ORG or not any(a <= m.pos < b for a, b in longer)]
    return read


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


def _read_org(mention: Mention, text: str, gaz: Gazetteer) -> Mention:
    if mention.kind != ORG:
        return mention
    if " ." in mention.text:  # "Edward D. Jones & Co", as written, not as tokenised
        mention = mention._replace(text=mention.text.replace(" .", "."))
    return _with_owner(_with_dot(_with_in(mention, text, gaz), text), text, gaz)


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


_OWNER = re.compile(r"[A-Z][\w.-]*['\u2019]s\s+")
# "in Marseille" is where, but "confidence in Tottenham" is about the club.
_SITE_AFTER = re.compile(r"\s+(?:station|airport|river|square|island|estuary|valley)\b")
_IN_BEFORE = re.compile(
    r"(?<!confidence)(?<!interest)(?<!faith)(?<!belief)(?<!trust)(?<!stake)(?<!shares)(?<!role)(?<!future)"
    r"\s(?:in|near)\s+$"
)


def _in_context(
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
        found = [_club_as_place(m, gaz) for m in found]
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
        return found  # a known name, or one `_as_company` reads
    name = text[tokens[start].start : last.start + len(last.text)]
    kind = _noun_kind(noun)
    org = Mention(ORG, name, pid, tokens[start].start, detail=kind, form=name)
    return [*(m for m in found if m.kind == COUNTRY and m.detail == "demonym"), org]


# Sport copy: what makes a city, state or county the team that plays for it. A match verb or a
# team role after it ("St Louis defeated", "Warwickshire captain", "Atlanta's Tom Glavine",
# "Karlsruhe 3"), or a result word before it ("beat Yorkshire", "against struggling Kent", "a win
# over Colorado", "homered for Atlanta"). Countries are left alone: a national side keeps the name.
_TEAM_ROLES = (
    r"captain|skipper|coach|manager|boss|striker|midfielder|defender|goalkeeper|keeper|pitcher"
    r"|shortstop|catcher|batsman|bowler|opener|players?|fans|side|squad|supporters"
)
_TEAM_AFTER = re.compile(
    r"(?:,\s+(?:who|which)(?:\s+[a-z]+ly)?|\s+(?:has|have|had|will|would)(?:\s+been)?)?"
    r"\s+(?:beat|beats|defeated|edged|routed|thrashed|crushed|trounced|blanked|downed|outscored|swept"
    r"|hammered|drew|lost|won|trailed|rallied|tied|need|needs)\b"
    rf"|(?:['\u2019]s)?\s+(?:[A-Z][a-z]+\s+)?(?:{_TEAM_ROLES})\b"
    r"|['\u2019]s\s+[A-Z][a-z]+\s+[A-Z][a-z]+\s+\("
    r"|,\s+[a-z-]+\s+(?:winners|victors|champions)\b"
    r"|\s+\d{1,3}(?:-\d{1,3})?(?:\s+[A-Z]|\s*[,;.]|\s*$)"
)
_TEAM_BEFORE = re.compile(
    r"\b(?:beat|beats|beating|defeated|defeating|edged|thrashed|routed|crushed|blanked|against"
    r"|versus|vs\.?|v|(?:victory|victories|win|wins|winners|lead|triumph) over|(?:drew|draw|tie|tied) with"
    r"|(?:lost|lose|loses|losing|loss|fell) to|(?:played|plays|playing|signed|signs|scored|homered) for"
    r")(?:\s+[a-z]+)?\s+$"
)
# Nations with sides of their own, which keep the name of the place (as a country's side does).
_HOME_NATIONS = frozenset({"England", "Scotland", "Wales", "Northern Ireland", "Great Britain"})
_VENUE_BEFORE = re.compile(r"\b(?:[Ii]n|[Aa]t|[Nn]ear)\s+$")


def _as_team(tokens: list[Token], end: int, text: str, found: Mention, gaz: Gazetteer) -> list[Mention]:
    """In sport copy, a city, state or county named as a side ("St Louis defeated Colorado") is
    the team; one named as a venue ("in Chicago", "at Tunbridge Wells") is the place (`venue`)."""
    place = found.fallback if found.kind == NAME else found
    if place is None or place.kind != PLACE or place.text in gaz.country_codes or place.text in _HOME_NATIONS:
        return [found]
    last = tokens[end - 1]
    stop = last.start + len(last.text)
    if text[place.pos : stop] != place.text:
        return [found]
    before = text[max(0, place.pos - 40) : place.pos]
    if _VENUE_BEFORE.search(before):
        venue = place._replace(detail="venue")
        return [found._replace(fallback=venue) if found.kind == NAME else venue]
    if _TEAM_BEFORE.search(before) or _TEAM_AFTER.match(text, stop):
        return [Mention(ORG, place.text, found.pid, place.pos, detail="club", form=place.text)]
    return [found]


def _as_nickname(tokens: list[Token], start: int, end: int, text: str, found: Mention, gaz: Gazetteer) -> list[Mention]:
    """'the Cubs', 'the Blue Jays': in sport copy a capitalised plural after 'the' is a team's
    nickname (a nationality, a place or an event such as 'the Olympics' is not)."""
    words = found.text.split()
    if len(words) > 2 or not words[-1].endswith("s") or words[-1] in ORG_TAILS or words[-1] in _NOT_NICKNAMES:
        return [found]
    after_the = text[max(0, found.pos - 4) : found.pos] in ("the ", "The ")
    stop = found.pos + len(found.text)
    if not after_the and not re.match(rf"\s+(?:{_TEAM_ROLES})\b", text[stop : stop + 20]):
        return [found]
    for word in words:
        if not word[:1].isupper() or word[:-1].isupper() or "-" in word or word in gaz.given_names:
            return [found]  # "AAAs", "Tri-Nations"
        if word in gaz.places or word in gaz.country_codes or gaz.demonym_code(word):
            return [found]
        if word.endswith("ers") and (word[:-3] in gaz.places or word[:-4] in gaz.places):
            return [found]  # "Londoners", "Dubliners"
    club = Mention(ORG, found.text, found.pid, found.pos, detail="club", form=found.text)
    return [found._replace(fallback=club)]


def _club_as_place(mention: Mention, gaz: Gazetteer) -> Mention:
    club = mention.fallback if mention.kind == NAME else mention
    surface = mention.form or mention.text
    if club is not None and club.kind == ORG and club.detail == "club" and surface in gaz.places:
        return Mention(PLACE, surface, mention.pid, mention.pos)
    return mention


def _as_company(mention: Mention, text: str, listed: set[int], gaz: Gazetteer) -> Mention:
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


def _read_span(tokens: list[Token], start: int, end: int, text: str, pid: int, ctx: Context) -> list[Mention]:
    """What each part of the capitalised span [start, end) names."""
    if not ctx.headline and _is_work_title(tokens, start, end):
        return []
    # Whole-span matches come first, before "The" is stripped ("The Times").
    span_start = start
    whole = _lookup(tokens[start:end], pid, ctx)
    if whole is not None:
        return whole
    start = _name_start(tokens, start, end, pid, ctx)
    if start >= end:
        return []
    part = tokens[start:end]
    # Unless words were stripped, `part` is the span already looked up above.
    whole = (_lookup(part, pid, ctx) if start > span_start else None) or _branded(part, pid, ctx)
    if whole is not None:
        return whole
    if " ".join(t.text for t in part) in ctx.gazetteer.not_people:
        return []  # "a contemporary Indiana Jones" names no one, and no place either
    calendar = [k for k in range(start, end) if tokens[k].text in CALENDAR]
    if calendar:
        return _read_calendar_span(tokens, start, end, calendar, text, pid, ctx)
    joined = _read_joined(tokens, start, end, text, pid, ctx)
    if joined is not None:
        return joined
    org = _defined_abbreviation(tokens, start, end, text, pid)
    if org is not None:
        return [org]
    if ctx.sport and not ctx.headline:
        team = _team_name(part, pid, ctx, after_the=start > 0 and tokens[start - 1].text.lower() == "the")
        if team is not None:
            return team
    if not ctx.headline:
        titled = _read_titled(tokens, start, end, text, pid, ctx)
        if titled is not None:
            return titled
    return _segment(tokens, start, end, text, pid, ctx)


def _name_start(tokens: list[Token], start: int, end: int, pid: int, ctx: Context) -> int:
    """Where the name in a span starts: past leading function words and connectors, and past an
    ordinary word capitalised by the sentence ("Shares in ...")."""
    while start < end and (tokens[start].text in FUNCTION_WORDS or tokens[start].text in CONNECTORS):
        start += 1
    initial = start < end and tokens[start].initial and not ctx.headline and end - start > 1
    if initial and _is_sentence_capital(tokens, start, end, pid, ctx):
        start += 1
        while start < end and tokens[start].text in CONNECTORS:
            start += 1
    return start


def _is_sentence_capital(tokens: list[Token], start: int, end: int, pid: int, ctx: Context) -> bool:
    """The first word of a span at a sentence start is an ordinary word, not part of the name: no
    given name, title or style, not a descriptor before a headed name, not the start of a known name."""
    gaz = ctx.gazetteer
    first = tokens[start].text
    return (
        gaz.is_word(first)
        and first not in gaz.given_names
        and first not in TITLES
        and first not in TITLE_STARTS
        and first not in HONORIFICS
        and first not in STYLES
        and not _has_title(tokens, start + 1, end)
        and not (_is_head(tokens[end - 1].text) and not _is_descriptor(first))
        and not (first == "Air" and end - start == 2)  # "Air Malta"
        and _lookup(tokens[start : start + 2], pid, ctx) is None
        and _lookup(tokens[start : start + 1], pid, ctx) is None
    )


def _read_calendar_span(
    tokens: list[Token], start: int, end: int, calendar: list[int], text: str, pid: int, ctx: Context
) -> list[Mention]:
    """A span with a day or month in it (at `calendar`): "The Sunday Times", "Good Friday Agreement"
    are names; "On Monday Tony Blair" is not one, and neither is "Scottish Parliament on Wednesday"."""
    split = _split_joined(tokens, start, end, pid, ctx)
    if split is not None:
        return [
            *_read_span(tokens, start, split[0], text, pid, ctx),
            *_read_span(tokens, split[1], end, text, pid, ctx),
        ]
    dated = [k for k in calendar if k > start + 1 and tokens[k - 1].text == "on"]
    if dated:
        before = _read_span(tokens, start, dated[0] - 1, text, pid, ctx)
        return [*before, *(_read_span(tokens, dated[0] + 1, end, text, pid, ctx) if dated[0] + 1 < end else [])]
    headed = None if ctx.headline else _headed_name(tokens[start:end], pid, ctx)
    if headed:
        return headed
    found: list[Mention] = []
    for a, b in zip([start - 1, *calendar], [*calendar, end], strict=True):
        while b > a + 1 and tokens[b - 1].text in CONNECTORS:
            b -= 1
        if a + 1 < b:
            found.extend(_read_span(tokens, a + 1, b, text, pid, ctx))
    return found


def _read_joined(tokens: list[Token], start: int, end: int, text: str, pid: int, ctx: Context) -> list[Mention] | None:
    """A span that joins two names: a person and where they work ("X of Y"), or two names joined by "and"."""
    if not ctx.headline and end - start >= 3:
        affiliated = _person_of(tokens, start, end, text, pid, ctx)
        if affiliated is not None:
            return affiliated
    split = _split_joined(tokens, start, end, pid, ctx)
    if split is not None:
        left_end, right_start = split
        return [
            *_read_span(tokens, start, left_end, text, pid, ctx),
            *_read_span(tokens, right_start, end, text, pid, ctx),
        ]
    return None


def _read_titled(tokens: list[Token], start: int, end: int, text: str, pid: int, ctx: Context) -> list[Mention] | None:
    """A person behind a title, the body after a title that names no one, or a name known by its head word."""
    titled = _titled_person(tokens, start, end, text, pid, ctx)
    if titled is not None:
        return titled
    title_end = _title_at(tokens, start, end)
    if start < title_end < end and tokens[title_end].text in CONNECTORS:
        # "Chief Executive of AOL UK": the title names no one; what follows names the body.
        return _read_span(tokens, title_end, end, text, pid, ctx)
    return _headed_name(tokens[start:end], pid, ctx)


def _person_of(tokens: list[Token], start: int, end: int, text: str, pid: int, ctx: Context) -> list[Mention] | None:
    """'Joel Naroff of First Union', 'Economist Lynn Reaser of Barnett Banks Inc.': a full name,
    'of', then where the person works, read on its own; a name nothing else knows is an
    organisation there."""
    k = next((k for k in range(start + 2, end - 1) if tokens[k].text == "of"), None)
    if k is None:
        return None
    gaz = ctx.gazetteer
    first = start + 1 if tokens[start].initial and _is_descriptor(tokens[start].text) else start
    # "Lord Campbell of Alloway" is a peer's title, "US Undersecretary of State" a role
    if (
        _has_title(tokens, start, k)
        or any(t.text in STYLES for t in tokens[start:k])
        or tokens[first].text in gaz.country_codes
    ):
        return None
    if not _looks_like_full_name(tokens[first:k], gaz):
        return None
    person = _person(tokens, first, k, text, pid, gaz)
    right = k + 2 if tokens[k + 1].text == "the" and k + 2 < end else k + 1
    found = _read_span(tokens, right, end, text, pid, ctx)
    # a company's name has two words at least ("First Union"); "of Novo's" is no affiliation
    named = end - right >= 2 and not tokens[end - 1].possessive
    if named and len(found) == 1 and found[0].kind == NAME and found[0].fallback is None:
        found = [Mention(ORG, found[0].text, pid, found[0].pos, detail="company", form=found[0].text)]
    return [person._replace(strong=True), *found]


def _split_joined(tokens: list[Token], start: int, end: int, pid: int, ctx: Context) -> tuple[int, int] | None:
    """Where 'X and (the) Y' joins two names: after 'and the', when X is already a name, or when Y
    starts with a known organisation's name."""
    # "Department for Education and Skills" is one name: a head with "for"/"of" keeps its "and".
    headed = tokens[start].text in ORG_HEADS and start + 1 < len(tokens) and tokens[start + 1].text in ("of", "for")
    for k in range(start + 1, end - 1):
        if tokens[k].text != "and":
            continue  # "Marks & Spencer", "Daily Mail & General Trust": "&" joins one name
        if tokens[k + 1].text == "the":
            return k, k + 2
        if headed:
            continue
        left = tokens[start:k]
        headed_left = left[-1].text in ORG_TAILS or left[-1].text in SITE_TAILS
        # "Natural Hazards Research and Applications Information Center" is one name: both halves
        # have heads, and the whole ends with one.
        if headed_left and tokens[end - 1].text in ORG_TAILS and _lookup(left, pid, ctx) is None:
            continue
        if headed_left or _lookup(left, pid, ctx) or _branded(left, pid, ctx):
            return k, k + 1
        if _is_titled_pair(tokens, start, k, end, ctx.gazetteer):
            return k, k + 1
        # "Froogle and Google News": the second name starts with a known organisation.
        if tokens[k + 1].text in ctx.gazetteer.organizations and tokens[end - 1].text not in SITE_TAILS:
            return k, k + 1
    return None


def _team_name(part: list[Token], pid: int, ctx: Context, *, after_the: bool) -> list[Mention] | None:
    """'Florida Marlins', 'Boston Red Sox', 'Kansas City Royals': in sport copy a place and a
    capitalised plural nickname name a team. A team takes 'the', a player never does."""
    gaz = ctx.gazetteer
    words = [t.text for t in part]
    if not 2 <= len(words) <= 4 or not (words[-1].endswith("s") or words[-1] == "Sox") or part[-1].possessive:
        return None
    if words[-1] in ORG_TAILS:
        return None  # "Athens Olympics", "Dubai Championships", "Texas Instruments"
    for cut in (2, 1):
        place = " ".join(words[:cut])
        nickname = words[cut:]
        if len(words) - cut not in (1, 2) or place not in gaz.places or place in gaz.country_codes:
            continue  # a country's side is named otherwise ("USA Eagles" aside), its events often so
        if any(w in CONNECTORS or w in gaz.places or w in gaz.given_names or w.isupper() for w in nickname):
            return None
        if words[-1] in _NOT_NICKNAMES or (place in gaz.given_names and not after_the and not gaz.is_word(words[-1])):
            return None  # "Dubai Sevens" is a tournament, "Milan Baros" a player
        return [Mention(ORG, " ".join(words), pid, part[0].start, detail="club", form=" ".join(words))]
    return None


_NOT_NICKNAMES = frozenset(
    wordlist(
        """Sevens Indoors Opens Schools Students Nations Masters Classics Finals Series Trials Games
    Paralympics Olympics Championships Ashes Playoffs Majors Commons Lords Americas Awards Oscars
    States Europeans Directors Slams Rings Athletics Aids Rules Laws Stewards Officials"""
    )
)


def _is_titled_pair(tokens: list[Token], start: int, k: int, end: int, gaz: Gazetteer) -> bool:
    """'Japanese Prime Minister Sanae Takai and South Korean President Lee Jae-myeong': a titled name,
    'and', then a title (after a country or nationality) opening a second name."""
    last = tokens[k - 1].text
    if not _has_title(tokens, start, k - 1) or last in TITLES or last in TITLE_STARTS or not last[:1].isupper():
        return False
    i = k + 1
    for size in (2, 1):
        phrase = " ".join(t.text for t in tokens[i : i + size])
        if i + size < end and (phrase in gaz.country_codes or gaz.demonym_code(phrase)):
            i += size
            break
    return i < end and _title_at(tokens, i, end) > i and tokens[i].text not in HONORIFICS


def _lookup(part: list[Token], pid: int, ctx: Context) -> list[Mention] | None:
    """The whole of `part` as a known country, demonym, place, organisation or club, else None."""
    gaz = ctx.gazetteer
    first = part[0]
    single = len(part) == 1
    text = _lookup_text(part, gaz)
    if text is None:
        return None
    pos = first.start
    if single and "." in text and text not in gaz.country_codes:
        dotted = _dotted_acronym(text, pid, pos, gaz)
        if dotted is not None:
            return [dotted]
    if part[-1].possessive and f"{text}'s" in gaz.organizations:
        text = f"{text}'s"  # "Lloyd's", "Sainsbury's"
    mention = _country_or_club(text, first, pid, ctx)
    # "Orange", "Reading": a name that is also a word counts only where capitals mean something
    word_like = single and (first.initial or ctx.headline) and gaz.is_word(text)
    if mention is None and (org := gaz.organizations.get(text)) and not (word_like and first.initial):
        if org.kind in NOT_ORG_KINDS:
            return []  # "the Oscars", "Grammy Awards": prizes, not bodies
        mention = Mention(ORG, org.name, pid, pos, detail=org.kind, abbreviation=org.abbreviation, form=text)
    if mention is None and text in gaz.places and not word_like:
        mention = Mention(PLACE, text, pid, pos)
    if mention is None and single and LETTERS_ACRONYM.match(text) and not ctx.headline:
        mention = Mention(NAME, text, pid, pos, form=text, fallback=Mention(ORG, text, pid, pos, detail="acronym"))
        return [mention]
    if mention is None:
        return None
    if single and mention.kind != COUNTRY and not ACRONYM.match(text) and mention.detail != "demonym":
        # A lone word may still be one of the article's people ("Jordan", "Ford"): decide later.
        return [Mention(NAME, text, pid, pos, form=text, fallback=mention)]
    return [mention]


def _lookup_text(part: list[Token], gaz: Gazetteer) -> str | None:
    """The words of `part` as one name to look up, or None when no known name can be that word or that long."""
    first = part[0]
    if len(part) == 1:
        text = first.text
        # Most single words name nothing the tables know and are no acronym (which is upper case):
        # one set test settles them.
        if text not in gaz.one_word_names and not first.possessive and not text.isupper():
            return None
        return text
    if len(part) > gaz.longest_names.get(first.text, 0):
        return None  # most runs of words tried here start no known name of that length
    return " ".join([t.text for t in part])


def _dotted_acronym(text: str, pid: int, pos: int, gaz: Gazetteer) -> Mention | None:
    """'U.N.', 'E.U.': the dotted form of a known organisation's acronym."""
    org = gaz.organizations.get(text.replace(".", ""))
    if org is None or org.kind in NOT_ORG_KINDS:
        return None
    return Mention(ORG, org.name, pid, pos, detail=org.kind, abbreviation=org.abbreviation, form=text)


def _country_or_club(text: str, first: Token, pid: int, ctx: Context) -> Mention | None:
    """`text` as a country, a nationality, or a club where the story makes a club likely."""
    gaz = ctx.gazetteer
    pos = first.start
    if text in gaz.country_codes:
        return Mention(COUNTRY, gaz.country_codes[text], pid, pos, form=text)
    if code := gaz.demonym_code(text):
        return Mention(COUNTRY, code, pid, pos, detail="demonym")
    if (club := gaz.clubs.get(text)) and _is_club_here(club, first, text, ctx):
        return Mention(ORG, club.name, pid, pos, detail="club", form=text)
    return None


def _is_work_title(tokens: list[Token], start: int, end: int) -> bool:
    """'Like A Virgin', 'How to Dismantle a Bomb', 'I'll Stand By You': mid-sentence, a capitalised
    function word marks the title of a song, film or book, which names no person, place or body."""
    if end - start < 2:
        return False
    before = tokens[start - 1] if start > 0 else None
    # A first word counts only when the text before is plainly mid-sentence ("were In Good Company",
    # "Madonna's Like A Virgin"), not after an abbreviation's dot the tokenizer kept ("$8bn. In").
    mid_sentence = before is not None and (before.text[:1].islower() or before.possessive) and not tokens[start].initial
    for k in range(start, end):
        word = tokens[k].text
        if word not in FUNCTION_WORDS or word in NOT_TITLE_SIGNALS or (word == "A" and k == end - 1):
            continue
        if (k == start and mid_sentence) or (k > start and word not in TITLE_PREPOSITIONS):
            return True
    return False


_NATIONAL_KINDS = frozenset({"company", "broadcaster", "newspaper", "news agency", "charity"})


def is_territory(word: str, gaz: Gazetteer) -> bool:
    """A country or a region such as a continent: what a company's national arm is named after."""
    return word in gaz.country_codes or any(p.kind == "region" for p in gaz.places.get(word, ()))


def _branded(part: list[Token], pid: int, ctx: Context) -> list[Mention] | None:
    """'BBC Sport', 'BBC Radio 4', 'AOL UK': a known broadcaster or paper followed by the name of one
    of its services, or a known organisation followed by a country (its national arm)."""
    gaz = ctx.gazetteer
    if ctx.headline or len(part) < 2 or part[-1].text in ORG_TAILS:
        return None
    for j in range(len(part) - 1, 0, -1):
        org = gaz.organizations.get(" ".join(t.text for t in part[:j]))
        if org is None:
            continue
        rest = part[j:]
        national = len(rest) == 1 and is_territory(rest[0].text, gaz) and org.kind in _NATIONAL_KINDS
        branded = org.kind in BRANDED_KINDS and all(
            (t.text[:1].isupper() or t.text.isdigit())
            and t.text not in gaz.given_names
            and t.text not in CALENDAR
            and t.text not in CONNECTORS
            and not _has_title([t], 0, 1)
            for t in rest
        )
        if part[j - 1].possessive or not (national or branded):
            return None
        name = " ".join(t.text for t in part)
        return [Mention(ORG, name, pid, part[0].start, detail=org.kind, form=name)]
    return None


def _is_club_here(club: ClubEntry, first: Token, text: str, ctx: Context) -> bool:
    """A club named like a place or word ("Liverpool", "Celtic") needs a sport story, and a
    word-like one a mid-sentence capital."""
    if not club.needs_sport_context:
        return True
    return ctx.sport and not (first.initial and ctx.gazetteer.is_word(text))


def _is_descriptor(word: str) -> bool:
    """'Distributor Sony Pictures', 'Carmaker Fiat Group': a common noun before a name, which a
    capitalised sentence start can make look like part of it (unlike 'Family Planning Association')."""
    lower = word.lower()
    return lower in ORG_NOUNS or lower in ROLE_NOUNS or lower.endswith(("or", "er", "ers", "ist"))


def _has_title(tokens: list[Token], start: int, end: int) -> bool:
    return any(t.text in TITLES or t.text in TITLE_STARTS or t.text in HONORIFICS for t in tokens[start:end])


def _defined_abbreviation(tokens: list[Token], start: int, end: int, text: str, pid: int) -> Mention | None:
    """'the Comprehensive ... Partnership (CPTPP)': a long name defined with its initials."""
    if end + 2 >= len(tokens) or tokens[end].text != "(" or tokens[end + 2].text != ")" or end - start < 2:
        return None
    abbr = tokens[end + 1].text
    if not ACRONYM.match(abbr) or tokens[end - 1].possessive:
        return None
    if _org_kind(tokens[start:end]) is None:
        return None  # "Digital Rights Management (DRM)" is a technology, not a body
    initials = "".join(p[0] for t in tokens[start:end] for p in t.text.split("-") if p[:1].isupper())
    if abbr[0] != initials[0] or not _is_subsequence(abbr.replace("&", ""), initials):
        return None
    name = text[tokens[start].start : tokens[end - 1].start + len(tokens[end - 1].text)]
    kind = _org_kind(tokens[start:end]) or "organization"
    return Mention(ORG, name, pid, tokens[start].start, detail=kind, abbreviation=abbr)


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(c in letters for c in short)


def _org_kind(part: list[Token]) -> str | None:
    words = [t.text for t in part]
    if len(words) >= 2 and words[-1] in ORG_TAILS:
        return ORG_TAILS[words[-1]]
    if len(words) >= 3 and words[0] in ORG_HEADS and words[1] in ("of", "for", "on"):
        return ORG_HEADS[words[0]]
    for word in reversed(words):
        if word in ORG_TAILS:
            return ORG_TAILS[word]
    return None


def _headed_name(part: list[Token], pid: int, ctx: Context) -> list[Mention] | None:
    """Organisations and sites recognised by their head word ("Altria Group", "Horyu Temple")."""
    if len(part) < 2 or any(t.text in HONORIFICS for t in part):
        return None
    words = [t.text for t in part]
    name = " ".join(words)
    pos = part[0].start
    gaz = ctx.gazetteer
    if words[-1] in FEATURE_TAILS and words[-2] == "the":
        return None  # "Beyond the Sea" is a title, not a sea
    site = _site_or_airline(words, name, pid, pos, gaz)
    if site is not None:
        return site
    known = _national_outlet(words, part, pid, gaz)
    if known is not None:
        return known
    tail_kind = ORG_TAILS.get(words[-1])
    head_kind = None
    for i, word in enumerate(words[1:-1], start=1):
        # "National Institute of Medical Research": the word before "of" is the head
        if word in ("of", "for", "on"):
            head_kind = ORG_HEADS.get(words[i - 1]) or ORG_TAILS.get(words[i - 1])
            if words[i - 1] not in ORG_HEADS and head_kind == "company":
                # "General Motors of the US": a company, then where it is from
                where = _lookup([t for t in part[i + 1 :] if t.text not in CONNECTORS], pid, ctx)
                if where and all(m.kind in (COUNTRY, PLACE) for m in where):
                    return [Mention(ORG, " ".join(words[:i]), pid, pos, detail="company"), *where]
            break
    kind = head_kind or tail_kind
    if kind is None:
        return None
    return _headed_org(words, name, pid, pos, ctx, kind=kind, tail_kind=tail_kind)


def _site_or_airline(words: list[str], name: str, pid: int, pos: int, gaz: Gazetteer) -> list[Mention] | None:
    """A site or region by its head or tail ("Horyu Temple", "Gulf of Mexico"), or an airline ("Air India")."""
    if (words[-1] in SITE_TAILS and not gaz.is_word(words[0])) or words[-1] in FEATURE_TAILS:
        return [Mention(PLACE, name, pid, pos, detail="site" if words[-1] in SITE_TAILS else "region")]
    if len(words) >= 3 and words[0] in FEATURE_HEADS and words[1] == "of":
        return [Mention(PLACE, name, pid, pos, detail="region")]  # "Gulf of Mexico"
    if len(words) == 2 and words[0] == "Air" and words[1] not in NOT_AIRLINE and words[1] not in ORG_TAILS:
        return [Mention(ORG, name, pid, pos, detail="company")]  # "Air India", "Air Deccan"
    return None


def _headed_org(
    words: list[str], name: str, pid: int, pos: int, ctx: Context, *, kind: str, tail_kind: str | None
) -> list[Mention] | None:
    """The organisation of kind `kind` a headed name names, after a country its first word names;
    nothing for "American TV" or for a prize."""
    gaz = ctx.gazetteer
    nationality = all(w in gaz.country_codes or gaz.demonym_code(w) for w in words[:-1])
    if tail_kind and nationality and words[-1] not in PROPER_TAILS:
        return None  # "American TV", "British Government": a nationality and a common noun
    if kind in NOT_ORG_KINDS:
        return []
    if kind == "club" and words[-1] in ("United", "Rangers") and not ctx.sport and len(words) == 2:
        kind = "organization"
    mentions: list[Mention] = []
    code = gaz.country_codes.get(words[0]) or gaz.demonym_code(words[0])
    if code:
        mentions.append(Mention(COUNTRY, code, pid, pos, detail="demonym"))
    mentions.append(Mention(ORG, name, pid, pos, detail=kind))
    return mentions


_SERVICE_TAILS = frozenset(wordlist("TV Television Radio"))


def _national_outlet(words: list[str], part: list[Token], pid: int, gaz: Gazetteer) -> list[Mention] | None:
    """'Japanese NHK TV': a nationality before a known broadcaster or news agency describes it;
    the outlet is the name ("NHK"), and the nationality a country mention."""
    code = gaz.country_codes.get(words[0]) or gaz.demonym_code(words[0])
    rest = words[1:-1] if words[-1] in _SERVICE_TAILS else words[1:]
    org = gaz.organizations.get(" ".join(rest)) if code and rest else None
    # a paper's regional edition keeps its name ("Scottish Daily Mail")
    if code is None or org is None or org.kind not in ("broadcaster", "news agency"):
        return None
    return [
        Mention(COUNTRY, code, pid, part[0].start, detail="demonym"),
        Mention(ORG, org.name, pid, part[1].start, detail=org.kind, abbreviation=org.abbreviation, form=" ".join(rest)),
    ]


def _title_at(tokens: list[Token], i: int, end: int) -> int:
    """End index of a title starting at token i, or i when there is none."""
    text = tokens[i].text
    if "-" in text:
        text = FORMER_PREFIX.sub("", text)
    for multi in _MULTI_TITLES_BY_FIRST.get(text, ()):
        following = tuple(t.text for t in tokens[i + 1 : i + len(multi)])
        if following == multi[1:] and i + len(multi) <= end:
            return i + len(multi)
    return i + 1 if text in TITLES or text in STYLES or text in HONORIFICS else i


# MULTI_TITLES by first word, in their order, so `_title_at` tries only those that can match.
_MULTI_TITLES_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {
    first: tuple(m for m in MULTI_TITLES if m[0] == first) for first in TITLE_STARTS
}


def _titled_person(
    tokens: list[Token], start: int, end: int, text: str, pid: int, ctx: Context
) -> list[Mention] | None:
    """'Japanese Prime Minister Sanae Takai', 'Mr Blair', 'then-Prime Minister Shigeru Ishiba'."""
    gaz = ctx.gazetteer
    title_start, title_end = _title_run(tokens, start, end)
    if title_end < 0 or title_end >= end or tokens[title_end - 1].possessive:
        return None
    bounds = _name_after_title(tokens, title_end, end, text, pid, ctx)
    if bounds is None:
        return None
    name_start, end, mentions = bounds
    name_tokens = tokens[name_start:end]
    if not _is_name(name_tokens, gaz):
        return None
    qualifier_start = start
    country = None
    nation = _country_before_title(tokens, start, title_start, gaz)
    if nation is not None:
        # A country or demonym before the title says whom the person acts for.
        country, qualifier_start = nation
        mentions.append(Mention(COUNTRY, country, pid, tokens[start].start, detail="demonym"))
    if qualifier_start < title_start:
        qualifier = _qualifier_mention(tokens[qualifier_start:title_start], pid, gaz)
        if qualifier is not None:
            mentions.append(qualifier)
    first_title = tokens[title_start].text
    honorific = first_title in HONORIFICS and title_end == title_start + 1 and qualifier_start == title_start
    style = first_title in STYLES and title_end == title_start + 1
    names = [t.text for t in name_tokens]
    if not _may_be_titled_name(first_title, names, gaz):
        return None
    role_text, former = _role_text(tokens, start, qualifier_start, name_start, text)
    role, name, form = _styled_name(first_title, names, role_text, honorific=honorific, style=style)
    context_role = role_before(tokens, start, text, gaz) if role is None else None
    if context_role is not None:
        role, ctx_country, ctx_former = context_role
        country = country or ctx_country
        former = former or ctx_former
    role = role or role_after(tokens, end, text)
    pos = name_tokens[0].start
    mentions.append(Mention(PERSON, name, pid, pos, role=role, country=country, former=former, form=form, strong=True))
    return mentions


def _title_run(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """Where the last run of titles in a span starts and ends, or (-1, -1) when it has no title."""
    title_start = title_end = -1
    i = start
    while i < end:
        stop = _title_at(tokens, i, end)
        if stop > i:
            if title_start < 0 or title_end < i:
                title_start = i
            title_end = stop
            i = stop
        else:
            i += 1
    return title_start, title_end


def _name_after_title(
    tokens: list[Token], title_end: int, end: int, text: str, pid: int, ctx: Context
) -> tuple[int, int, list[Mention]] | None:
    """Where the name after a title starts and ends, with what an affiliation after the name names;
    None when the words after the title are all role ("Mayor of London")."""
    gaz = ctx.gazetteer
    name_start = title_end
    connectors = [k for k in range(title_end, end) if tokens[k].text in CONNECTORS]
    mentions: list[Mention] = []
    if connectors and _is_name(tokens[title_end : connectors[0]], gaz):
        # "Lt Col Eric Schnaible of the PCO": the name, then an affiliation read on its own.
        mentions.extend(_read_span(tokens, connectors[0], end, text, pid, ctx))
        end = connectors[0]
    elif connectors:
        # "Minister for Health John Reid": words after a connector belong to the role; with no
        # given name there, it is all title ("Mayor of London").
        name_start = connectors[-1] + 1
        while (
            end - name_start > 1
            and gaz.is_word(tokens[name_start].text)
            and tokens[name_start + 1].text in gaz.given_names
        ):
            name_start += 1
        if not any(t.text in gaz.given_names for t in tokens[name_start:end]):
            return None
    return name_start, end, mentions


def _country_before_title(tokens: list[Token], start: int, title_start: int, gaz: Gazetteer) -> tuple[str, int] | None:
    """The country a name of up to three words before the title names, and where that name ends."""
    for stop in range(min(title_start, start + 3), start, -1):
        phrase = " ".join(t.text for t in tokens[start:stop])
        code = gaz.country_codes.get(phrase) or gaz.demonym_code(phrase)
        if code:
            return code, stop
    return None


def _qualifier_mention(qualifier: list[Token], pid: int, gaz: Gazetteer) -> Mention | None:
    """What the words before a title name: "Bank of England Governor", "New York Attorney General";
    the longest known name at their start ("Tory Shadow Chancellor")."""
    for stop in range(len(qualifier), 0, -1):
        qualifier_text = " ".join(t.text for t in qualifier[:stop])
        org = gaz.organizations.get(qualifier_text)
        if org and org.kind not in NOT_ORG_KINDS:
            return Mention(ORG, org.name, pid, qualifier[0].start, detail=org.kind, form=qualifier_text)
        if qualifier_text in gaz.places:
            return Mention(PLACE, qualifier_text, pid, qualifier[0].start)
    return None


def _may_be_titled_name(first_title: str, names: list[str], gaz: Gazetteer) -> bool:
    """The words after a title can be a person's name: not a known non-person, and a lone word
    only when it is a surname too ("General Election", "Chief Executive Officer", "Dr Pepper", "Mr Nasty")."""
    if " ".join(names) in gaz.not_people or f"{first_title} {' '.join(names)}" in gaz.not_people:
        return False
    return not (len(names) == 1 and gaz.is_word(names[0]) and names[0] not in gaz.surname_words)


def _role_text(tokens: list[Token], start: int, qualifier_start: int, name_start: int, text: str) -> tuple[str, bool]:
    """The role as written before the name, and whether it is a former one ("former", "ex-", "late")."""
    role_text = text[tokens[qualifier_start].start : tokens[name_start - 1].start + len(tokens[name_start - 1].text)]
    former_match = FORMER_PREFIX.match(role_text)
    before = tokens[start - 1].text.lower() if start > 0 else ""
    former = bool(former_match) or before in ("former", "ex", "late")
    if before in ("former", "ex") and not former_match:
        role_text = f"{before} {role_text}"
    return role_text, former


def _styled_name(
    first_title: str, names: list[str], role_text: str, *, honorific: bool, style: bool
) -> tuple[str | None, str, str]:
    """The role, name and alias of a titled person: an honorific or a style ("Sir", "Lord") is no
    role, and it stays in the alias ("Mr Blair", "Sir Elton John") or, alone with a surname, in the name."""
    role: str | None = role_text
    name = " ".join(names)
    form = name
    if honorific:
        role = None
        form = f"{first_title} {name}"
    elif style:
        role = None
        if first_title in ("Sir", "Dame"):
            form = f"{first_title} {name}"
        elif len(names) == 1:
            name = form = f"{first_title} {name}"
    elif role is not None and role_text != role_text.strip():
        role = role_text.strip()
    return role, name, form


def _is_name(part: list[Token], gaz: Gazetteer) -> bool:
    return 0 < len(part) <= 4 and all(_is_name_word(t.text, gaz) for t in part)


def _is_name_word(word: str, gaz: Gazetteer) -> bool:
    """Could be part of a person's name: capitalised, not a title, country, month or org word."""
    if not word[:1].isupper() or word in CALENDAR or word in TITLES or word in HONORIFICS:
        return False
    if word in gaz.country_codes or gaz.demonym_code(word) or word in ORG_TAILS or word in SITE_TAILS:
        return False
    return not (word.isupper() and len(word) > 2)


def _is_surname_word(word: str, gaz: Gazetteer) -> bool:
    if not _is_name_word(word, gaz) or word in FUNCTION_WORDS:
        return False
    if len(word) == 1:
        return True  # a middle initial
    return not gaz.is_word(word) or word in gaz.surname_words or "-" in word


def _looks_like_full_name(part: list[Token], gaz: Gazetteer) -> bool:
    """'Sandra Gidley', 'Lee Jae-myeong', 'JK Rowling': a given name then surname-like words."""
    if len(part) > 2 and part[-1].text in POST_NOMINALS:
        part = part[:-1]
    words = [t.text for t in part if t.text not in PARTICLES]
    if not 2 <= len(words) <= 4 or part[-1].text in PARTICLES or not part[0].is_cap:
        return False
    first = words[0]
    given = (
        first in gaz.given_names
        or first.split("-")[0] in gaz.given_names
        or (first.isupper() and len(first) <= 2)
        or (len(words) == 2 and KOREAN_GIVEN.match(words[1]) is not None and len(first) <= 5)
    )
    if not given or first in FUNCTION_WORDS or first in CALENDAR:
        return False
    joined = " ".join(words)
    if len(words[-1]) == 1 or joined in gaz.places or joined in gaz.organizations or joined in gaz.not_people:
        return False
    if first.isupper() and any(w in gaz.places or w in gaz.clubs or w in gaz.organizations for w in words[1:]):
        return False  # "AS Roma", "FC Porto": initials before a known name
    return all(_is_surname_word(w, gaz) for w in words[1:])


def _segment(tokens: list[Token], start: int, end: int, text: str, pid: int, ctx: Context) -> list[Mention]:
    """Split a span into known names (longest first) and leftover runs, and read the runs."""
    gaz = ctx.gazetteer
    part = tokens[start:end]
    if not ctx.headline and _looks_like_full_name(part, gaz):
        return [_person(tokens, start, end, text, pid, gaz)]
    # "explains Shigeo Morioka": context makes a person even of a surname that is also a town.
    first = part[0].text
    unknown_first = not gaz.is_word(first) and _lookup(part[:1], pid, ctx) is None
    if (
        not ctx.headline
        and 2 <= len(part) <= 3
        and unknown_first
        and all(_is_name_word(t.text, gaz) for t in part)
        and has_person_context(tokens, start, end, text, gaz)
    ):
        return [_person(tokens, start, end, text, pid, gaz)]
    mentions: list[Mention] = []
    run_start = i = start
    while i < end:
        found = _match_at(tokens, i, start, end, text, pid, ctx)
        if found is None:
            i += 1
            continue
        matched, j = found
        mentions.extend(_read_run(tokens, run_start, i, text, pid, ctx))
        mentions.extend(matched)
        i = run_start = j
    mentions.extend(_read_run(tokens, run_start, end, text, pid, ctx))
    return mentions


def _match_at(
    tokens: list[Token], i: int, start: int, end: int, text: str, pid: int, ctx: Context
) -> tuple[list[Mention], int] | None:
    """The longest known name starting at token i, and where it ends."""
    gaz = ctx.gazetteer
    if tokens[i].text in CONNECTORS:
        return None
    if tokens[i].text in gaz.given_names and not ctx.headline:
        # "Mary Poppins and ...": a full name wins over the town called Mary.
        for j in range(min(end, i + 4), i + 1, -1):
            window = tokens[i:j]
            if not any(t.text in CONNECTORS for t in window) and _looks_like_full_name(window, gaz):
                return [_person(tokens, i, j, text, pid, gaz)], j
    # No known name starting with this word is longer than `longest_names` says.
    longest = max(1, gaz.longest_names.get(tokens[i].text, 0))
    for j in range(min(end, i + 6, i + longest), i, -1):
        found = _lookup(tokens[i:j], pid, ctx)
        if found is not None:
            return found, j
    return None


def _read_run(tokens: list[Token], start: int, end: int, text: str, pid: int, ctx: Context) -> list[Mention]:
    """A run of capitalised words that no gazetteer knows: a person, or bare names for later."""
    gaz = ctx.gazetteer
    while start < end and (tokens[start].text in CONNECTORS or tokens[start].text in FUNCTION_WORDS):
        start += 1
    while end > start and tokens[end - 1].text in CONNECTORS:
        end -= 1
    if start >= end:
        return []
    # Split at connectors: "Jason Gardener and Mark Lewis-Francis" are two names.
    has_particle = any(t.text in PARTICLES for t in tokens[start:end])
    if not ctx.headline and has_particle and _looks_like_full_name(tokens[start:end], gaz):
        return [_person(tokens, start, end, text, pid, gaz)]
    # After "of" or "the" a chunk is part of a longer title ("Tears of the Sun Willis"), not a name.
    mentions: list[Mention] = []
    chunk_start = start
    joined_by = "and"
    for k in range(start, end + 1):
        if k < end and (tokens[k].text not in CONNECTORS or tokens[k].text == "&"):
            continue
        if chunk_start < k:
            mentions.append(_read_chunk(tokens, chunk_start, k, text, pid, ctx, may_be_person=joined_by == "and"))
        if k < end:
            joined_by = "and" if chunk_start == k and joined_by == "and" and tokens[k].text == "and" else tokens[k].text
            if chunk_start < k:
                joined_by = tokens[k].text
        chunk_start = k + 1
    return mentions


def _read_chunk(
    tokens: list[Token], start: int, end: int, text: str, pid: int, ctx: Context, *, may_be_person: bool
) -> Mention:
    gaz = ctx.gazetteer
    part = tokens[start:end]
    if not ctx.headline and may_be_person:
        if _looks_like_full_name(part, gaz):
            return _person(tokens, start, end, text, pid, gaz)
        # Unknown given names ("Kefa Ssempgani") need a role, a speech verb, "who" or an age nearby.
        unusual = 2 <= len(part) <= 3 and all(_is_surname_word(t.text, gaz) and not gaz.is_word(t.text) for t in part)
        if unusual and has_person_context(tokens, start, end, text, gaz):
            return _person(tokens, start, end, text, pid, gaz)
    name = " ".join(t.text for t in part)
    return Mention(NAME, name, pid, part[0].start, form=name)


def _person(tokens: list[Token], start: int, end: int, text: str, pid: int, gaz: Gazetteer) -> Mention:
    post_nominal = None
    if tokens[end - 1].text in POST_NOMINALS and end - start > 2:
        post_nominal = tokens[end - 1].text  # "Guy Mansfield QC"
        end -= 1
    name = " ".join(t.text for t in tokens[start:end])
    role, country, former = role_before(tokens, start, text, gaz) or (None, None, False)
    role = role or role_after(tokens, end, text) or role_title_before_comma(tokens, start, text) or post_nominal
    strong = role is not None or speech_near(tokens, start, end)
    return Mention(
        PERSON,
        name,
        pid,
        tokens[start].start,
        role=role,
        country=country,
        former=former,
        form=name,
        strong=strong,
    )
