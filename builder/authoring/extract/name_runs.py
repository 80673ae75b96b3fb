"""A span split into the known names in it and the runs of words between them.

Known names are matched longest first; a leftover run is a person when it reads as a full name
or has a person's context (a role, a speech verb, "who", an age), else bare names that the
second pass (`entities`) resolves against the article's people.
"""

from __future__ import annotations

from .mentions import NAME, Context, Mention
from .name_lexicon import CONNECTORS, FUNCTION_WORDS, PARTICLES
from .name_lookup import lookup
from .person_names import is_name_word, is_surname_word, looks_like_full_name, person_mention
from .roles import Token, has_person_context


def read_segments(tokens: list[Token], start: int, end: int, text: str, pid: int, ctx: Context) -> list[Mention]:
    """Split a span into known names (longest first) and leftover runs, and read the runs."""
    gaz = ctx.gazetteer
    part = tokens[start:end]
    if not ctx.headline and looks_like_full_name(part, gaz):
        return [person_mention(tokens, start, end, text, pid, gaz)]
    # "explains Shigeo Morioka": context makes a person even of a surname that is also a town.
    first = part[0].text
    unknown_first = not gaz.is_word(first) and lookup(part[:1], pid, ctx) is None
    if (
        not ctx.headline
        and 2 <= len(part) <= 3
        and unknown_first
        and all(is_name_word(t.text, gaz) for t in part)
        and has_person_context(tokens, start, end, text, gaz)
    ):
        return [person_mention(tokens, start, end, text, pid, gaz)]
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
            if not any(t.text in CONNECTORS for t in window) and looks_like_full_name(window, gaz):
                return [person_mention(tokens, i, j, text, pid, gaz)], j
    # No known name starting with this word is longer than `longest_names` says.
    longest = max(1, gaz.longest_names.get(tokens[i].text, 0))
    for j in range(min(end, i + 6, i + longest), i, -1):
        found = lookup(tokens[i:j], pid, ctx)
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
    if not ctx.headline and has_particle and looks_like_full_name(tokens[start:end], gaz):
        return [person_mention(tokens, start, end, text, pid, gaz)]
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
        if looks_like_full_name(part, gaz):
            return person_mention(tokens, start, end, text, pid, gaz)
        # Unknown given names ("Kefa Ssempgani") need a role, a speech verb, "who" or an age nearby.
        unusual = 2 <= len(part) <= 3 and all(is_surname_word(t.text, gaz) and not gaz.is_word(t.text) for t in part)
        if unusual and has_person_context(tokens, start, end, text, gaz):
            return person_mention(tokens, start, end, text, pid, gaz)
    name = " ".join(t.text for t in part)
    return Mention(NAME, name, pid, part[0].start, form=name)
