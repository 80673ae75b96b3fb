"""People behind titles, honorifics and styles, and the role as written before the name.

"Japanese Prime Minister Sanae Takai", "Mr Blair", "Sir Elton John", "then-Prime Minister
Shigeru Ishiba": the title run, the name after it, the country or body before it ("Bank of
England Governor") and whether the role is a former one.
"""

from __future__ import annotations

from typing import NamedTuple

from .gazetteer import Gazetteer
from .mentions import COUNTRY, ORG, PERSON, PLACE, Context, Mention
from .name_lexicon import (
    CONNECTORS,
    FORMER_PREFIX,
    HONORIFICS,
    MULTI_TITLES,
    NOT_ORG_KINDS,
    STYLES,
    TITLE_STARTS,
    TITLES,
)
from .person_names import is_name
from .roles import Token, role_after, role_before


class TitledPerson(NamedTuple):
    """A person behind a title, with what the words before the title name, and where an
    affiliation after the name starts ("Lt Col Eric Schnaible of the PCO"): the caller reads it
    as a span of its own, since it may name anything."""

    mentions: list[Mention]
    affiliation: int | None


def titled_person(tokens: list[Token], start: int, end: int, text: str, pid: int, ctx: Context) -> TitledPerson | None:
    """'Japanese Prime Minister Sanae Takai', 'Mr Blair', 'then-Prime Minister Shigeru Ishiba'."""
    gaz = ctx.gazetteer
    title_start, title_end = _title_run(tokens, start, end)
    if title_end < 0 or title_end >= end or tokens[title_end - 1].possessive:
        return None
    bounds = _name_after_title(tokens, title_end, end, gaz)
    if bounds is None:
        return None
    name_start, name_end = bounds
    affiliation = name_end if name_end < end else None
    end = name_end
    mentions: list[Mention] = []
    name_tokens = tokens[name_start:end]
    if not is_name(name_tokens, gaz):
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
    return TitledPerson(mentions, affiliation)


def _title_run(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """Where the last run of titles in a span starts and ends, or (-1, -1) when it has no title."""
    title_start = title_end = -1
    i = start
    while i < end:
        stop = title_at(tokens, i, end)
        if stop > i:
            if title_start < 0 or title_end < i:
                title_start = i
            title_end = stop
            i = stop
        else:
            i += 1
    return title_start, title_end


def _name_after_title(tokens: list[Token], title_end: int, end: int, gaz: Gazetteer) -> tuple[int, int] | None:
    """Where the name after a title starts and ends (before an affiliation after the name); None
    when the words after the title are all role ("Mayor of London")."""
    name_start = title_end
    connectors = [k for k in range(title_end, end) if tokens[k].text in CONNECTORS]
    if connectors and is_name(tokens[title_end : connectors[0]], gaz):
        # "Lt Col Eric Schnaible of the PCO": the name, then an affiliation read on its own.
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
    return name_start, end


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


def title_at(tokens: list[Token], i: int, end: int) -> int:
    """End index of a title starting at token i, or i when there is none."""
    text = tokens[i].text
    if "-" in text:
        text = FORMER_PREFIX.sub("", text)
    for multi in _MULTI_TITLES_BY_FIRST.get(text, ()):
        following = tuple(t.text for t in tokens[i + 1 : i + len(multi)])
        if following == multi[1:] and i + len(multi) <= end:
            return i + len(multi)
    return i + 1 if text in TITLES or text in STYLES or text in HONORIFICS else i


# MULTI_TITLES by first word, in their order, so `title_at` tries only those that can match.
_MULTI_TITLES_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {
    first: tuple(m for m in MULTI_TITLES if m[0] == first) for first in TITLE_STARTS
}


def has_title(tokens: list[Token], start: int, end: int) -> bool:
    return any(t.text in TITLES or t.text in TITLE_STARTS or t.text in HONORIFICS for t in tokens[start:end])


def is_titled_pair(tokens: list[Token], start: int, k: int, end: int, gaz: Gazetteer) -> bool:
    """'Japanese Prime Minister Sanae Takai and South Korean President Lee Jae-myeong': a titled name,
    'and', then a title (after a country or nationality) opening a second name."""
    last = tokens[k - 1].text
    if not has_title(tokens, start, k - 1) or last in TITLES or last in TITLE_STARTS or not last[:1].isupper():
        return False
    i = k + 1
    for size in (2, 1):
        phrase = " ".join(t.text for t in tokens[i : i + size])
        if i + size < end and (phrase in gaz.country_codes or gaz.demonym_code(phrase)):
            i += size
            break
    return i < end and title_at(tokens, i, end) > i and tokens[i].text not in HONORIFICS
