"""People, places, organisations and countries of one article, each with its evidence paragraphs.

The second pass of entity extraction: `names.read_paragraph` says what each capitalised span
names; this module merges the mentions into entities. Bare surnames and honorific forms
("Takai", "Mr Brown") join the full name they refer to, the nearest one before them when two
people share a surname. The headline is read last and only confirms entities of the body,
since Title-Case capitalisation is no evidence of a name; names that only the headline gives
are reported in `Entities.headline_only`.

`resolve_name("Lee Jae-myeong's office")` returns Lee's id: a statement from a person's office,
spokesman or aides is attributed to that person, which is what a reader of the note needs.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ...model import Article, CountryMention, Organization, Person, Place
from ...notes.slugs import slugify
from .dates import find_dateline
from .gazetteer import Gazetteer, PlaceEntry, load_gazetteer
from .name_lexicon import (
    CALENDAR,
    DEFINED_ACRONYM,
    HONORIFICS,
    NOT_ORG_AFTER_ACRONYM,
    STYLES,
    wordlist,
)
from .names import COUNTRY, NAME, ORG, PERSON, PLACE, Context, Mention, is_territory, read_paragraph

__all__ = ["Entities", "extract_entities", "resolve_name"]


@dataclass(frozen=True)
class Entities:
    people: tuple[Person, ...]
    places: tuple[Place, ...]
    organizations: tuple[Organization, ...]
    countries: tuple[CountryMention, ...]
    headline_only: tuple[str, ...]
    """Proper names of people in the headline never mentioned in the body (e.g. "Koizumi")."""


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
# Family-first East Asian surnames: "Lee" alone is Lee Jae-myeong, "Hu" alone is Hu Jintao.
_FAMILY_FIRST = frozenset(
    wordlist(
        """Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong
    Jeon Ko Moon Roh Ban Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He
    Gao Lin Luo Zheng Liang Xie Tang Xi Wen Jiang Deng Mao Hun"""
    )
)
_KOREAN_GIVEN = re.compile(r"^[A-Z][a-z]+-[a-z]+$")
# Acronyms that are not organisations.
_NOT_ORG_ACRONYMS = frozenset(
    wordlist(
        """TV DVD DVDs CD CDs PC PCs GDP CEO CEOs MP MPs MEP MEPs MSP AM PM UK US USA EU OK DNA IT ID
    IQ UFO AGM ATM ATMs NGO NGOs IPO CFO COO FTSE USB PDF HD LCD RAM CPU GPS DJ DJs VIP VAT AIDS
    HIV BSE SARS MRSA GCSE GCSEs PhD MBA MBE OBE CBE QC SMS PIN ISBN GMT BST RPG PS PSP DS MP3
    MP4 CCTV ASBO ASBOs VoIP IP WMD HQ RRP APR GM PR AD BC FM MW TB CD-ROM SUV SUVs PIN CV CVs
    ISP ISPs OS RSS HTML URL WWW AI UN II III IV VI VII VIII IX XI XV FC TVs HDTV UWB IPTV RFID
    DRM MMS HSDPA GPRS PPI PVR PVRs DTT SSL UMD VHS ICT IDN VCR MMORPG MMORPGs ADSL DVB DAB DVR
    LNG LLU PDA PDAs DIY CGI GSM AAA AAAs CSO CSOs SUV P2P XP HD MP3 PS2 PS3 GB JP LA DC SA CA
    MS TB MW FM ISM KP JK RJ CJ GW R&B"""
    )
)
_OWNED = re.compile(
    r"^(?P<owner>.+?)['\u2019]s\s+(office|spokes(?:man|woman|person)|aides?|government|administration"
    r"|team|camp|party|lawyers?|representatives?|ministry|cabinet|staff)$"
)


@dataclass
class _Cluster:
    """Mentions of one entity while the article is read (mutable only inside this module)."""

    name: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def first(self) -> tuple[int, int]:
        return min((m.pid, m.pos) for m in self.mentions)

    def evidence(self) -> tuple[str, ...]:
        return tuple(f"p{pid}" for pid in sorted({m.pid for m in self.mentions}))


def extract_entities(article: Article) -> Entities:
    """People, places, organisations and countries, in order of first mention."""
    gaz = load_gazetteer()
    sport = _is_sport(article.paragraphs)
    ctx = Context(gaz, sport)
    body = _read_body(article.paragraphs, ctx)
    if sport:
        body = _teams_throughout(body, gaz)
    headline = read_paragraph(_headline_case(article.headline, gaz), 0, Context(gaz, sport, headline=True))
    people = _people(body)
    orgs: dict[str, _Cluster] = {}
    places: dict[str, _Cluster] = {}
    countries: dict[str, _Cluster] = {}
    abbreviations = {m.abbreviation: m.text for m in body if m.kind == ORG and m.abbreviation}
    not_bodies = _concept_acronyms(article.paragraphs)
    unresolved: list[Mention] = []
    for mention in body:
        target = _resolve_mention(mention, people, abbreviations, gaz, not_bodies)
        if target is not None:
            _file(target, people, orgs, places, countries)
        elif mention.kind == NAME:
            unresolved.append(mention)
    _attach_short_org_names(unresolved, orgs)
    headline_only: list[str] = []
    for mention in headline:
        target = _resolve_mention(mention, people, abbreviations, gaz, not_bodies, headline=True)
        if target is not None:
            _file(target, people, orgs, places, countries, body_only=True)
            continue
        if mention.kind != NAME:
            continue
        # Word by word: "Lee Emphasize" is the body's Lee and an ordinary word.
        pending: list[str] = []
        for word in mention.text.split():
            cluster = _find_person(Mention(NAME, word, 0, mention.pos), people, create=False)
            if cluster is not None:
                cluster.mentions.append(Mention(NAME, word, 0, mention.pos, form=word))
                headline_only.extend(_headline_only(" ".join(pending), article, gaz))
                pending = []
            else:
                pending.append(word)
        headline_only.extend(_headline_only(" ".join(pending), article, gaz))
    _merge_org_variants(orgs, gaz)
    _merge_acronyms(orgs)
    article_countries = set(countries)
    text = "\n".join(article.paragraphs)
    return Entities(
        people=_make_people(people),
        places=_make_places(places, countries, gaz, article_countries, text),
        organizations=_make_orgs(orgs, text),
        countries=_make_countries(countries, gaz),
        headline_only=tuple(dict.fromkeys(headline_only)),
    )


def _read_body(paragraphs: tuple[str, ...], ctx: Context) -> list[Mention]:
    """Mentions of every body paragraph. A wire dateline ("LONDON 1996-08-30", "DURBAN, South
    Africa -") names the place the story was filed from, and a short line of names before it is
    the byline: the writer."""
    lead, length = _find_lead_dateline(paragraphs)
    mentions: list[Mention] = []
    for pid, text in enumerate(paragraphs, start=1):
        if pid - 1 == lead:
            mentions.extend(_dateline_places(text[:length], pid, ctx.gazetteer))
            text = " " * length + text[length:]  # offsets stay those of the paragraph
        elif pid - 1 < lead and _BYLINE.fullmatch(text):
            mentions.append(Mention(PERSON, text.strip(), pid, 0, form=text.strip(), strong=True))
            continue
        mentions.extend(read_paragraph(text, pid, ctx))
    return mentions


# A byline: two to four capitalised words alone on a line ("Richard Finn", "Mary-Ann de Vries").
_BYLINE = re.compile(r"\s*(?:By\s+)?[A-Z][\w'.-]+(?:\s+(?:[a-z]{2,3}\s+)?[A-Z][\w'.-]+){1,3}\s*")
_DATELINE_PLACE = re.compile(
    r"(?P<city>[A-Z][A-Z'.\-]+(?:\s+[A-Z][A-Z'.\-]+)*)(?:,\s+(?P<region>[A-Z][A-Za-z.'\-]*(?:\s+[A-Z][A-Za-z.'\-]*)*))?"
)


def _find_lead_dateline(paragraphs: tuple[str, ...]) -> tuple[int, int]:
    """Index and length of the dateline that opens the story (in its first paragraph, or after a
    byline and a headline-like line), or (-1, 0)."""
    for index, text in enumerate(paragraphs[:3]):
        length, _ = find_dateline(text)
        if length:
            return index, length
        if not _BYLINE.fullmatch(text):
            break
    return -1, 0


def _dateline_places(prefix: str, pid: int, gaz: Gazetteer) -> list[Mention]:
    """The city of a dateline and the country or state after it ("KHASAVYURT, Russia")."""
    match = _DATELINE_PLACE.match(prefix)
    if match is None:
        return []
    mentions: list[Mention] = []
    region = match["region"] or ""
    words = region.split()
    for i, word in enumerate(words):
        if word.rstrip(".") in CALENDAR or word[:3] in _MONTH_ABBREVIATIONS:
            words = words[:i]
            break
    region = " ".join(words)
    region_code = gaz.country_codes.get(region)
    city = _place_case(match["city"], gaz)
    code = gaz.country_codes.get(city)
    if code:
        mentions.append(Mention(COUNTRY, code, pid, 0, form=city))
    else:
        mentions.append(Mention(PLACE, city, pid, 0, country=region_code, form=city, detail="city"))
    if region_code:
        mentions.append(Mention(COUNTRY, region_code, pid, match.start("region"), form=region))
    elif region:
        mentions.append(Mention(PLACE, region, pid, match.start("region"), form=region))
    return mentions


_MONTH_ABBREVIATIONS = frozenset(wordlist("Jan Feb Mar Apr May Jun Jul Aug Sep Sept Oct Nov Dec"))


def _place_case(caps: str, gaz: Gazetteer) -> str:
    """'N'DJAMENA' -> "N'Djamena", 'THE HAGUE' -> 'The Hague': the form the gazetteer knows, else
    each word capitalised."""
    titled = caps.title()
    for form in (titled, titled.removeprefix("The "), caps):
        if form in gaz.places or form in gaz.country_codes:
            return form
    return titled


def _teams_throughout(body: list[Mention], gaz: Gazetteer) -> list[Mention]:
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


def _is_sport(paragraphs: Iterable[str]) -> bool:
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


def resolve_name(entities: Entities, surface: str) -> str | None:
    """Map a surface form from the text ("Lee", "Mr Brown", "NHK", "Lee Jae-myeong's office") to an
    entity id (person or organisation), or None when it names none of them or is ambiguous."""
    text = re.sub(r"\s+", " ", surface).strip().strip("\"'\u201c\u201d")
    owned = _OWNED.match(text)
    if owned:
        text = owned.group("owner")
    text = re.sub(r"['\u2019]s$", "", text)
    words = text.split()
    while len(words) > 1 and (words[0] in HONORIFICS or words[0] in _TITLE_WORDS or words[0].lower() == "the"):
        words = words[1:]
    text = " ".join(words)
    folded = text.casefold()
    for person in entities.people:
        if folded == person.name.casefold() or folded in (a.casefold() for a in person.aliases):
            return person.id
    for org in entities.organizations:
        names = (org.name, org.abbreviation or "", *org.aliases)
        if folded in (n.casefold() for n in names if n):
            return org.id
    if len(words) == 1:
        matches = [p.id for p in entities.people if text in _surname_keys(p.name)]
        if len(matches) == 1:
            return matches[0]
    return None


_TITLE_WORDS = frozenset(
    wordlist(
        """President Prime Minister Chancellor Secretary Foreign Home Governor Mayor Senator Judge
    Chairman Chief Executive Director General Leader Speaker MP Vice Deputy Premier Ambassador
    Sir Dame Lord Lady"""
    )
)


# --- people -------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _surname_keys(name: str) -> tuple[str, ...]:
    """Single words that may stand for the whole name: the surname; the family name when it
    comes first ("Lee" of "Lee Jae-myeong")."""
    words = name.split()
    if len(words) < 2:
        return (name,)
    keys = [words[-1]]
    if len(words) == 2 and (_KOREAN_GIVEN.match(words[1]) or words[0] in _FAMILY_FIRST):
        keys.append(words[0])
    return tuple(keys)


def _people(body: list[Mention]) -> list[_Cluster]:
    """Clusters of full-name people; "George Bush" and "George W Bush" are one person."""
    clusters: list[_Cluster] = []
    by_key: dict[tuple[str, str], _Cluster] = {}
    for mention in body:
        words = mention.text.split()
        if mention.kind != PERSON or len(words) < 2 or mention.text.split()[0] in STYLES:
            continue
        key = (words[0], words[-1])
        cluster = by_key.get(key)
        if cluster is None:
            cluster = by_key[key] = _Cluster(mention.text)
            clusters.append(cluster)
        elif len(words) > len(cluster.name.split()):
            cluster.name = mention.text
    return clusters


def _find_person(mention: Mention, people: list[_Cluster], *, create: bool) -> _Cluster | None:
    """The full-name person a mention refers to: by full name, then by surname (nearest before)."""
    text = mention.text
    words = text.split()
    ends = (words[0], words[-1]) if len(words) > 1 else None
    for cluster in people:
        if cluster.name == text or (ends is not None and ends == _ends(cluster.name)):
            return cluster
    candidates = []
    by_given = (mention.form or "").startswith(("Sir ", "Dame "))
    if len(words) == 1:
        for cluster in people:
            if text in _surname_keys(cluster.name) or (by_given and cluster.name.split()[0] == text):
                candidates.append(cluster)
    if len(candidates) > 1:
        # Two people share the surname: the text's own order decides (nearest mention before).
        here = (mention.pid, mention.pos)
        before = [
            (max(seen), c)
            for c in candidates
            if (seen := [(m.pid, m.pos) for m in c.mentions if (m.pid, m.pos) < here])
        ]
        candidates = [max(before, key=lambda pair: pair[0])[1]] if before else []
    if candidates:
        return candidates[0]
    if create:
        # "Sir Michael" with no fuller form keeps the style: "Michael" alone would mislead
        cluster = _Cluster(mention.form if by_given and mention.form else text)
        people.append(cluster)
        return cluster
    return None


@lru_cache(maxsize=4096)
def _ends(name: str) -> tuple[str, str]:
    words = name.split()
    return words[0], words[-1]


def _resolve_mention(
    mention: Mention,
    people: list[_Cluster],
    abbreviations: dict[str, str],
    gaz: Gazetteer,
    not_bodies: frozenset[str] = frozenset(),
    *,
    headline: bool = False,
) -> Mention | tuple[_Cluster, Mention] | None:
    """What a first-pass mention finally stands for: a person cluster, or an org/place/country."""
    if mention.kind == PERSON:
        cluster = _find_person(mention, people, create=not headline and mention.strong)
        return (cluster, mention) if cluster else None
    if mention.kind == ORG and mention.text in abbreviations and abbreviations[mention.text] != mention.text:
        # "IAAF" after "International Association of Athletics Federations (IAAF)"
        return mention._replace(text=abbreviations[mention.text], abbreviation=mention.text)
    if mention.kind != NAME:
        return mention
    cluster = _find_person(mention, people, create=False)
    if cluster is not None:
        return cluster, mention
    if mention.text in abbreviations:
        return Mention(ORG, abbreviations[mention.text], mention.pid, mention.pos, abbreviation=mention.text)
    fallback = mention.fallback
    # An unknown acronym is an organisation unless it is a common non-organisation one ("DVD").
    is_acronym = fallback is not None and fallback.detail == "acronym"
    text = mention.text
    if is_acronym and (
        text in _NOT_ORG_ACRONYMS or text in not_bodies or len(text) < 3 or headline or gaz.is_word(text)
    ):
        return None
    return fallback


def _concept_acronyms(paragraphs: Iterable[str]) -> frozenset[str]:
    """Acronyms the article itself shows are not bodies: a format or technology ("the WMA format"),
    or initials of lower-case words ("corporate social responsibility (CSR)")."""
    found: set[str] = set()
    for text in paragraphs:
        found.update(m.group(1) for m in NOT_ORG_AFTER_ACRONYM.finditer(text))
        for match in DEFINED_ACRONYM.finditer(text):
            abbr = match.group(1)
            words = text[max(0, match.start() - 120) : match.start()].split()[-len(abbr) :]
            lower = len(words) == len(abbr) and all(w[:1].islower() for w in words)
            if lower and "".join(w[0] for w in words).upper() == abbr:
                found.add(abbr)
    return frozenset(found)


def _file(
    target: Mention | tuple[_Cluster, Mention],
    people: list[_Cluster],
    orgs: dict[str, _Cluster],
    places: dict[str, _Cluster],
    countries: dict[str, _Cluster],
    *,
    body_only: bool = False,
) -> None:
    """Add a resolved mention to its entity; headline mentions only add to entities the body has."""
    if not isinstance(target, Mention):
        cluster, mention = target
        cluster.mentions.append(mention)
        return
    table = {ORG: orgs, PLACE: places, COUNTRY: countries}.get(target.kind)
    if table is None:
        return
    if target.kind == COUNTRY and target.detail != "demonym":
        places.setdefault(target.text, _Cluster(target.text)).mentions.append(target)
    if body_only and target.text not in table and target.kind == ORG:
        return
    table.setdefault(target.text, _Cluster(target.text)).mentions.append(target)


def _make_people(people: list[_Cluster]) -> tuple[Person, ...]:
    made: list[Person] = []
    for cluster in sorted((c for c in people if c.mentions), key=lambda c: c.first):
        mentions = sorted(cluster.mentions, key=lambda m: (m.pid, m.pos))
        with_role = [m for m in mentions if m.role] or [m for m in mentions if m.country]
        source = with_role[0] if with_role else None
        country = next((m.country for m in mentions if m.country), None)
        aliases = [m.form or m.text for m in mentions]
        made.append(
            Person(
                name=cluster.name,
                id=slugify(cluster.name),
                role=source.role if source else None,
                country=country,
                former=bool(source and source.former),
                aliases=tuple(a for a in dict.fromkeys(aliases) if a != cluster.name),
                mentions=len(mentions),
                evidence=cluster.evidence(),
            )
        )
    return tuple(_inherit_countries(made))


def _inherit_countries(people: list[Person]) -> Iterable[Person]:
    """A holder of a title without a stated country takes the country of an earlier holder of the
    same title: "then-Prime Minister Shigeru Ishiba" after "Japanese Prime Minister Sanae Takai"."""
    seen: dict[str, str] = {}
    for person in people:
        key = _title_key(person.role)
        if person.country is None and key in seen:
            person = dataclasses.replace(person, country=seen[key])
        if key and person.country:
            seen.setdefault(key, person.country)
        yield person


def _title_key(role: str | None) -> str:
    if not role:
        return ""
    return re.sub(r"^(then-|ex-|former\s+)", "", role, flags=re.IGNORECASE).lower()


# --- organisations, places, countries ----------------------------------------------------------


def _merge_org_variants(orgs: dict[str, _Cluster], gaz: Gazetteer) -> None:
    """'Media Council' after 'Ugandan Media Council', 'Altria' after 'Altria Group': one organisation.
    A national arm ("AOL UK") stays apart from its parent ("AOL")."""
    names = sorted(orgs, key=lambda n: -len(n.split()))
    for short in names:
        words = short.split()
        for long in names:
            if long == short or len(long.split()) <= len(words) or long not in orgs or short not in orgs:
                continue
            long_words = long.split()
            if len(words) == 1 and is_territory(long_words[-1], gaz):
                continue
            if (
                (len(words) >= 2 and long_words[-len(words) :] == words)
                or (len(words) == 1 and long_words[0] == short and len(long_words) == 2)
                or (long_words[-1] == short and _is_club(orgs[long]) and _is_club(orgs[short]))
            ):
                orgs[long].mentions.extend(orgs.pop(short).mentions)
                break


def _is_club(cluster: _Cluster) -> bool:
    return any(m.detail == "club" for m in cluster.mentions)


def _merge_acronyms(orgs: dict[str, _Cluster]) -> None:
    """'CSA' in a story about the 'Child Support Agency': an undefined acronym that spells the
    initials of an organisation the article names is that organisation."""
    by_initials: dict[str, str] = {}
    for name in orgs:
        initials = "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())
        if len(initials) >= 2 and " " in name:
            by_initials.setdefault(initials, name)
    for name in list(orgs):
        long = by_initials.get(name)
        if long and name.isupper() and long in orgs and name in orgs:
            cluster = orgs.pop(name)
            orgs[long].mentions.extend(m._replace(abbreviation=name) for m in cluster.mentions)


def _attach_short_org_names(names: list[Mention], orgs: dict[str, _Cluster]) -> None:
    """'Altria' after 'Altria Group': a company's first word alone names it again."""
    firsts: dict[str, list[str]] = {}
    for name, cluster in orgs.items():
        words = name.split()
        if len(words) >= 2 and words[0][:1].isupper():
            firsts.setdefault(words[0], []).append(name)
            if words[0].endswith(("'s", "\u2019s")):  # "Boatmen" for "Boatmen's Bancshares Inc."
                firsts.setdefault(words[0][:-2], []).append(name)
        if len(words) >= 2 and any(m.detail == "club" for m in cluster.mentions):
            # "the Marlins", "the Red Sox" after "Florida Marlins", "Boston Red Sox"
            for size in (1, 2):
                if size < len(words):
                    firsts.setdefault(" ".join(words[-size:]), []).append(name)
    for mention in names:
        owners = firsts.get(mention.text, [])
        if len(owners) == 1:
            orgs[owners[0]].mentions.append(mention)


def _make_orgs(orgs: dict[str, _Cluster], body: str) -> tuple[Organization, ...]:
    made = []
    for cluster in sorted(orgs.values(), key=lambda c: c.first):
        kinds = [m.detail for m in cluster.mentions if m.detail and m.detail != "acronym"]
        abbreviation = next((m.abbreviation for m in cluster.mentions if m.abbreviation), None)
        # The abbreviation is an alias too where the text uses it ("OSCE" after its long name).
        name = _as_written(cluster.name, cluster, body, acronyms_only=not _is_club(cluster))
        surfaces = {m.form or m.text for m in cluster.mentions} - {name}
        made.append(
            Organization(
                name=name,
                id=slugify(cluster.name),
                kind=kinds[0] if kinds else "organization",
                abbreviation=abbreviation if abbreviation != cluster.name else None,
                aliases=tuple(sorted(s for s in surfaces if s)),
                evidence=cluster.evidence(),
            )
        )
    return tuple(made)


def _as_written(name: str, cluster: _Cluster, body: str, *, acronyms_only: bool = False) -> str:
    """A reference name the article never writes ("United States" for "U.S.", "United Nations" for
    "UN") gives way to the article's own first form of it; the id stays the reference name's, so
    every note's "U.S." and "United States" share one page. For organisations other than teams only
    an acronym stands in ("Tory" does not name the Conservative Party)."""
    if name in body:
        return name
    forms = [m.form for m in sorted(cluster.mentions, key=lambda m: (m.pid, m.pos)) if m.form]
    if acronyms_only:
        forms = [f for f in forms if f.replace(".", "").isupper()]
    return forms[0] if forms else name


def _make_places(
    places: dict[str, _Cluster], countries: dict[str, _Cluster], gaz: Gazetteer, article_countries: set[str], body: str
) -> tuple[Place, ...]:
    clusters = sorted(places.values(), key=lambda c: c.first)
    made: list[Place] = []
    setting: str | None = None
    for cluster in clusters:
        mention = cluster.mentions[0]
        country: str | None
        if mention.kind == COUNTRY:
            name, kind, country = gaz.country_names.get(cluster.name, cluster.name), "country", cluster.name
        elif mention.detail in ("site", "region", "city") and cluster.name not in gaz.places:
            name, kind, country = cluster.name, mention.detail or "region", mention.country
        else:
            candidates = gaz.places.get(cluster.name, ())
            chosen = _choose_place(candidates, article_countries)
            name = cluster.name
            kind, country = (chosen.kind, chosen.country) if chosen else ("region", None)
        if kind == "city" and setting is None:
            setting = country
        ident = slugify(name)
        name = _as_written(name, cluster, body)
        surfaces = dict.fromkeys(m.form for m in cluster.mentions if m.form and m.form != name)
        place = Place(name, ident, kind, country, tuple(surfaces), cluster.evidence())
        made.append(place)
    # A site named in the text ("Horyu Temple") lies in the story's setting: its first city's country.
    return tuple(dataclasses.replace(p, country=setting) if p.kind == "site" and p.country is None else p for p in made)


def _choose_place(candidates: tuple[PlaceEntry, ...], article_countries: set[str]) -> PlaceEntry | None:
    """The most likely candidate; one in a country the article names wins unless it is far smaller
    (an Olympic story naming the US still means Athens, Greece)."""
    if not candidates:
        return None
    top = candidates[0]
    for candidate in candidates:
        if candidate.country in article_countries and candidate.population * 4 >= top.population:
            return candidate
    return top


def _make_countries(countries: dict[str, _Cluster], gaz: Gazetteer) -> tuple[CountryMention, ...]:
    """Countries named in the headline or lead are the story's own ("main"); others are mentioned."""
    clusters = sorted(countries.values(), key=lambda c: c.first)
    lead = {c.name for c in clusters if any(m.pid <= 1 for m in c.mentions)}
    if not lead and clusters:
        top = max(len(c.mentions) for c in clusters)
        lead = {c.name for c in clusters if len(c.mentions) == top and top >= 3}
    return tuple(
        CountryMention(
            code=c.name,
            name=gaz.country_names.get(c.name, c.name),
            role="main" if c.name in lead else "mentioned",
            evidence=c.evidence(),
        )
        for c in clusters
    )


# --- headline -----------------------------------------------------------------------------------


def _headline_case(headline: str, gaz: Gazetteer) -> str:
    """An ALL-CAPS headline in ordinary case, keeping known acronyms ("NHK", "US")."""
    letters = [c for c in headline if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return headline

    def fix(match: re.Match[str]) -> str:
        word = match.group()
        known = word in gaz.organizations or word in gaz.country_codes
        return word if known else word.capitalize()

    return re.sub(r"[A-Z][A-Z'\u2019-]*", fix, headline)


def _headline_only(text: str, article: Article, gaz: Gazetteer) -> list[str]:
    """Words of an unresolved headline name that look like a person's name and that the body never
    uses; consecutive ones stay together ("Junichiro Koizumi")."""
    body = " ".join(article.paragraphs).casefold()
    result: list[str] = []
    run: list[str] = []
    for word in [*text.split(), ""]:
        if word and _is_headline_name(word, body, gaz):
            run.append(word)
            continue
        if run:
            result.append(" ".join(run))
        run = []
    return result


def _is_headline_name(word: str, body: str, gaz: Gazetteer) -> bool:
    if len(word) < 3 or not word.isalpha() or not word[0].isupper() or not word[1:].islower():
        return False
    if _is_wordlike(word, gaz) or word in gaz.organizations or word in gaz.clubs:
        return False
    if word in gaz.country_codes or gaz.demonym_code(word):
        return False
    return re.search(rf"\b{re.escape(word.casefold())}\b", body) is None


# Endings of derived words ("Rapper", "Defection", "Beijingers") whose stem is a word or place.
_SUFFIXES = ("ers", "er", "ions", "ion", "ings", "ing", "ed", "es", "s", "ites", "ns", "ists", "ist")


def _is_wordlike(word: str, gaz: Gazetteer) -> bool:
    """An ordinary word, an inflected or compound one ("Slowdown", "Hotspot"), or a place's."""
    lower = word.lower()
    if gaz.is_word(lower) or word in gaz.places:
        return True
    for suffix in _SUFFIXES:
        stem = lower[: -len(suffix)]
        if not lower.endswith(suffix) or len(stem) < 3:
            continue
        if any(gaz.is_word(s) for s in (stem, stem + "e", stem[:-1])) or stem.title() in gaz.places:
            return True
    for prefix in ("re", "un", "pre", "non"):
        if lower.startswith(prefix) and gaz.is_word(lower[len(prefix) :]):
            return True
    return any(gaz.is_word(lower[:i]) and gaz.is_word(lower[i:]) for i in range(3, len(lower) - 2))
