"""A run of words looked up in the gazetteer: country, nationality, place, organisation or club.

A lone word that is also an ordinary word counts only where its capital means something, and
a lone known name may still turn out to be one of the article's people ("Jordan", "Ford"), so it
is returned as a bare name with what it otherwise is as its fallback.
"""

from __future__ import annotations

from .gazetteer import ClubEntry, Gazetteer
from .mentions import COUNTRY, NAME, ORG, PLACE, Context, Mention
from .name_lexicon import ACRONYM, BRANDED_KINDS, CALENDAR, CONNECTORS, LETTERS_ACRONYM, NOT_ORG_KINDS, ORG_TAILS
from .roles import Token
from .titled import has_title


def lookup(part: list[Token], pid: int, ctx: Context) -> list[Mention] | None:
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


def _is_club_here(club: ClubEntry, first: Token, text: str, ctx: Context) -> bool:
    """A club named like a place or word ("Liverpool", "Celtic") needs a sport story, and a
    word-like one a mid-sentence capital."""
    if not club.needs_sport_context:
        return True
    return ctx.sport and not (first.initial and ctx.gazetteer.is_word(text))


_NATIONAL_KINDS = frozenset({"company", "broadcaster", "newspaper", "news agency", "charity"})


def is_territory(word: str, gaz: Gazetteer) -> bool:
    """A country or a region such as a continent: what a company's national arm is named after."""
    return word in gaz.country_codes or any(p.kind == "region" for p in gaz.places.get(word, ()))


def branded_name(part: list[Token], pid: int, ctx: Context) -> list[Mention] | None:
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
            and not has_title([t], 0, 1)
            for t in rest
        )
        if part[j - 1].possessive or not (national or branded):
            return None
        name = " ".join(t.text for t in part)
        return [Mention(ORG, name, pid, part[0].start, detail=org.kind, form=name)]
    return None
