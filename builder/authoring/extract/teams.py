"""Sport stories and the teams in them.

Three sport words make a sport story, where a city, state or county named as a side ("St Louis
defeated Colorado") is the team and one named as a venue ("in Chicago") the place; a place
followed by a plural nickname ("Florida Marlins") or a nickname after "the" ("the Cubs") names a
club too. Once a place is shown to be a side, it is that team throughout the story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .gazetteer import Gazetteer
from .mentions import NAME, ORG, PLACE, Context, Mention
from .name_lexicon import CONNECTORS, ORG_TAILS, wordlist
from .roles import Token

# Sport vocabulary: three different words make "Liverpool" a club rather than a city. Matched
# against lower-cased text (see `_sport_words`).
_SPORT = re.compile(
    r"\b(match|matches|goals?|striker|midfielder|defender|goalkeeper|league|premiership|cup|fixtures?"
    r"|scored|penalty|half-time|kick-off|squad|champions|championship|tournament|semi-final"
    r"|quarter-final|referee|stadium|coach|rugby|football|cricket|tennis|athletics|season|boss"
    r"|try|tries|wickets?|innings|captain|side|defeat|victory|draw|drew|beat|points|title|clubs?)\b"
)
_SPORT_ANY_CASE = re.compile(_SPORT.pattern, re.IGNORECASE)
# The only characters that the regex engine's case folding matches to a lower-case ASCII letter
# while str.lower() does not (or turns into two characters): "İ", "ı", "ſ".
_FOLDED_APART = frozenset("\u0130\u0131\u017f")


def is_sport(paragraphs: Iterable[str]) -> bool:
    """Three different sport words make a sport story; reading stops at the third."""
    seen: set[str] = set()
    for text in paragraphs:
        seen.update(_sport_words(text))
        if len(seen) >= 3:
            return True
    return False


def _sport_words(text: str) -> list[str]:
    """Sport vocabulary in `text`, lower-cased. A case-sensitive scan of the lower-cased text is
    three times faster than a case-insensitive one, and finds the same words unless the text has
    one of the characters the two fold apart."""
    if _FOLDED_APART.isdisjoint(text):
        return _SPORT.findall(text.lower())
    return [word.lower() for word in _SPORT_ANY_CASE.findall(text)]


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


def as_team(tokens: list[Token], end: int, text: str, found: Mention, gaz: Gazetteer) -> list[Mention]:
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


def as_nickname(tokens: list[Token], start: int, end: int, text: str, found: Mention, gaz: Gazetteer) -> list[Mention]:
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


def team_name(part: list[Token], pid: int, ctx: Context, *, after_the: bool) -> list[Mention] | None:
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


def club_as_place(mention: Mention, gaz: Gazetteer) -> Mention:
    club = mention.fallback if mention.kind == NAME else mention
    surface = mention.form or mention.text
    if club is not None and club.kind == ORG and club.detail == "club" and surface in gaz.places:
        return Mention(PLACE, surface, mention.pid, mention.pos)
    return mention


def teams_throughout(body: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """A place the story once shows to be a side ("St Louis defeated ...") or that opens a team's
    name ("Florida" of "Florida Marlins") is that team wherever it is not a venue ("in St Louis")."""
    teams: dict[str, str] = {}
    for mention in body:
        if mention.kind != ORG or mention.detail != "club":
            continue
        surface = mention.form or mention.text
        if surface in gaz.places:
            teams[surface] = mention.text
            continue
    if not teams:
        return body
    return [_as_known_team(m, teams) for m in body]


_NOT_TEAM = frozenset({"venue", "city"})  # "in Chicago"; a dateline's city


def _as_known_team(mention: Mention, teams: dict[str, str]) -> Mention:
    place = mention.fallback if mention.kind == NAME else mention
    if place is None or place.kind != PLACE or place.detail in _NOT_TEAM or place.text not in teams:
        return mention
    return Mention(ORG, teams[place.text], mention.pid, mention.pos, detail="club", form=place.text)
