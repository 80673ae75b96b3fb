"""Organisations and sites known by the shape of their name rather than by the gazetteer.

A head or tail word ("Altria Group", "National Institute of ...", "Horyu Temple", "Gulf of
Mexico"), an airline ("Air India"), a long name defined with its initials ("... Partnership
(CPTPP)") or a nationality before a known outlet ("Japanese NHK TV").
"""

from __future__ import annotations

from .gazetteer import Gazetteer
from .mentions import COUNTRY, ORG, PLACE, Context, Mention
from .name_lexicon import (
    ACRONYM,
    CONNECTORS,
    FEATURE_HEADS,
    FEATURE_TAILS,
    HONORIFICS,
    NOT_AIRLINE,
    NOT_ORG_KINDS,
    ORG_HEADS,
    ORG_NOUNS,
    ORG_TAILS,
    PROPER_TAILS,
    ROLE_NOUNS,
    SITE_TAILS,
    wordlist,
)
from .name_lookup import lookup
from .roles import Token


def headed_name(part: list[Token], pid: int, ctx: Context) -> list[Mention] | None:
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
                where = lookup([t for t in part[i + 1 :] if t.text not in CONNECTORS], pid, ctx)
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


def defined_abbreviation(tokens: list[Token], start: int, end: int, text: str, pid: int) -> Mention | None:
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


def is_descriptor(word: str) -> bool:
    """'Distributor Sony Pictures', 'Carmaker Fiat Group': a common noun before a name, which a
    capitalised sentence start can make look like part of it (unlike 'Family Planning Association')."""
    lower = word.lower()
    return lower in ORG_NOUNS or lower in ROLE_NOUNS or lower.endswith(("or", "er", "ers", "ist"))
