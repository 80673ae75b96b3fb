"""Proper-name mentions in one paragraph: what each capitalised span names.

This is the first pass of entity extraction. It reads a paragraph's capitalised spans
("South Korean President Lee Jae-myeong", "the Comprehensive and Progressive Agreement for
Trans-Pacific Partnership (CPTPP)") and says what each part of a span is: a person with a role,
a place, an organisation, a country, or a bare name left for the second pass (`entities`) to
resolve against the people found elsewhere in the article ("Takai", "Mr Brown").

This module decides how a span divides (at "and", "of", a day or month, a sentence's capital)
and hands each part to the reader of its kind: gazetteer look-ups (`name_lookup`), titled
people (`titled`), names known by their shape (`org_names`), sport teams (`teams`), leftover
runs (`name_runs`), then the words around the span (`name_context`).

Heuristics favour precision: capitalisation is evidence only mid-sentence, and a person needs a
title, an honorific, a role noun, a known given name, or a speech verb before it counts.
"""

from __future__ import annotations

from .mentions import NAME, ORG, Context, Mention
from .name_context import as_company, in_context, listed_names, read_org
from .name_lexicon import (
    CALENDAR,
    CONNECTORS,
    FUNCTION_WORDS,
    HONORIFICS,
    NOT_TITLE_SIGNALS,
    ORG_HEADS,
    ORG_TAILS,
    SITE_TAILS,
    STYLES,
    TITLE_PREPOSITIONS,
    TITLE_STARTS,
    TITLES,
)
from .name_lookup import branded_name, lookup
from .name_runs import read_segments
from .name_spans import is_head, spans
from .org_names import defined_abbreviation, headed_name, is_descriptor
from .person_names import looks_like_full_name, person_mention
from .roles import Token, tokenize
from .teams import as_nickname, as_team, team_name
from .titled import has_title, is_titled_pair, title_at, titled_person


def read_paragraph(text: str, pid: int, ctx: Context) -> list[Mention]:
    """Every mention in one paragraph, in text order."""
    gaz = ctx.gazetteer
    tokens = tokenize(text, lambda head: head in gaz.country_codes or head in gaz.places or head in gaz.demonyms)
    mentions: list[Mention] = []
    for start, end in spans(tokens, headline=ctx.headline):
        found = _read_span(tokens, start, end, text, pid, ctx)
        if not ctx.headline:
            found = in_context(tokens, start, end, text, pid, found, gaz)
            if ctx.sport and len(found) == 1:
                found = as_team(tokens, end, text, found[0], gaz)
            if ctx.sport and len(found) == 1 and found[0].kind == NAME and found[0].fallback is None:
                found = as_nickname(tokens, start, end, text, found[0], gaz)
        mentions.extend(found)
    if ctx.headline:
        return mentions
    listed = listed_names(text)
    read = [as_company(m, text, listed, gaz) if m.kind == NAME else read_org(m, text, gaz) for m in mentions]
    # What a name took in beyond a full stop ("Europe", "Boatmen") is not a mention of its own.
    longer = [
        (m.pos, m.pos + len(m.text))
        for m, old in zip(read, mentions, strict=True)
        if m.pos < old.pos or len(m.text) > len(old.text) + 1
    ]
    if longer:
        read = [m for m in read if m.kind == ORG or not any(a <= m.pos < b for a, b in longer)]
    return read


def _read_span(tokens: list[Token], start: int, end: int, text: str, pid: int, ctx: Context) -> list[Mention]:
    """What each part of the capitalised span [start, end) names."""
    if not ctx.headline and _is_work_title(tokens, start, end):
        return []
    # Whole-span matches come first, before "The" is stripped ("The Times").
    span_start = start
    whole = lookup(tokens[start:end], pid, ctx)
    if whole is not None:
        return whole
    start = _name_start(tokens, start, end, pid, ctx)
    if start >= end:
        return []
    part = tokens[start:end]
    # Unless words were stripped, `part` is the span already looked up above.
    whole = (lookup(part, pid, ctx) if start > span_start else None) or branded_name(part, pid, ctx)
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
    org = defined_abbreviation(tokens, start, end, text, pid)
    if org is not None:
        return [org]
    if ctx.sport and not ctx.headline:
        team = team_name(part, pid, ctx, after_the=start > 0 and tokens[start - 1].text.lower() == "the")
        if team is not None:
            return team
    if not ctx.headline:
        titled = _read_titled(tokens, start, end, text, pid, ctx)
        if titled is not None:
            return titled
    return read_segments(tokens, start, end, text, pid, ctx)


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
        and not has_title(tokens, start + 1, end)
        and not (is_head(tokens[end - 1].text) and not is_descriptor(first))
        and not (first == "Air" and end - start == 2)  # "Air Malta"
        and lookup(tokens[start : start + 2], pid, ctx) is None
        and lookup(tokens[start : start + 1], pid, ctx) is None
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
    headed = None if ctx.headline else headed_name(tokens[start:end], pid, ctx)
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
    titled = titled_person(tokens, start, end, text, pid, ctx)
    if titled is not None:
        after = titled.affiliation
        affiliation = [] if after is None else _read_span(tokens, after, end, text, pid, ctx)
        return [*affiliation, *titled.mentions]
    title_end = title_at(tokens, start, end)
    if start < title_end < end and tokens[title_end].text in CONNECTORS:
        # "Chief Executive of AOL UK": the title names no one; what follows names the body.
        return _read_span(tokens, title_end, end, text, pid, ctx)
    return headed_name(tokens[start:end], pid, ctx)


def _person_of(tokens: list[Token], start: int, end: int, text: str, pid: int, ctx: Context) -> list[Mention] | None:
    """'Joel Naroff of First Union', 'Economist Lynn Reaser of Barnett Banks Inc.': a full name,
    'of', then where the person works, read on its own; a name nothing else knows is an
    organisation there."""
    k = next((k for k in range(start + 2, end - 1) if tokens[k].text == "of"), None)
    if k is None:
        return None
    gaz = ctx.gazetteer
    first = start + 1 if tokens[start].initial and is_descriptor(tokens[start].text) else start
    # "Lord Campbell of Alloway" is a peer's title, "US Undersecretary of State" a role
    if (
        has_title(tokens, start, k)
        or any(t.text in STYLES for t in tokens[start:k])
        or tokens[first].text in gaz.country_codes
    ):
        return None
    if not looks_like_full_name(tokens[first:k], gaz):
        return None
    person = person_mention(tokens, first, k, text, pid, gaz)
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
        if headed_left and tokens[end - 1].text in ORG_TAILS and lookup(left, pid, ctx) is None:
            continue
        if headed_left or lookup(left, pid, ctx) or branded_name(left, pid, ctx):
            return k, k + 1
        if is_titled_pair(tokens, start, k, end, ctx.gazetteer):
            return k, k + 1
        # "Froogle and Google News": the second name starts with a known organisation.
        if tokens[k + 1].text in ctx.gazetteer.organizations and tokens[end - 1].text not in SITE_TAILS:
            return k, k + 1
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
