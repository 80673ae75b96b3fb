"""People, places, organisations and countries of one article, each with its evidence paragraphs.

The second pass of entity extraction: `names.read_paragraph` says what each capitalised span
names; this module resolves each mention to what it stands for and files it into an entity.
Bare surnames and honorific forms ("Takai", "Mr Brown") join the full name they refer to
(`people`); variants of one organisation merge (`organizations`). The headline is read last and
only confirms entities of the body, since Title-Case capitalisation is no evidence of a name;
names that only the headline gives are reported in `Entities.headline_only`.

`resolve_name("Lee Jae-myeong's office")` returns Lee's id: a statement from a person's office,
spokesman or aides is attributed to that person, which is what a reader of the note needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ...model import Article, CountryMention, Organization, Person, Place
from .bylines import read_body
from .clusters import Cluster
from .gazetteer import Gazetteer, load_gazetteer
from .headline_names import headline_case, names_only_in_headline
from .mentions import COUNTRY, NAME, ORG, PERSON, PLACE, Context, Mention
from .name_lexicon import DEFINED_ACRONYM, HONORIFICS, NOT_ORG_AFTER_ACRONYM, wordlist
from .names import read_paragraph
from .organizations import attach_short_org_names, make_orgs, merge_acronyms, merge_org_variants
from .people import cluster_people, find_person, make_people, surname_keys
from .places import make_countries, make_places
from .teams import is_sport, teams_throughout

__all__ = ["Entities", "extract_entities", "resolve_name"]


@dataclass(frozen=True)
class Entities:
    people: tuple[Person, ...]
    places: tuple[Place, ...]
    organizations: tuple[Organization, ...]
    countries: tuple[CountryMention, ...]
    headline_only: tuple[str, ...]
    """Proper names of people in the headline never mentioned in the body (e.g. "Koizumi")."""


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


def extract_entities(article: Article) -> Entities:
    """People, places, organisations and countries, in order of first mention."""
    gaz = load_gazetteer()
    sport = is_sport(article.paragraphs)
    ctx = Context(gaz, sport)
    body = read_body(article.paragraphs, ctx)
    if sport:
        body = teams_throughout(body, gaz)
    headline = read_paragraph(headline_case(article.headline, gaz), 0, Context(gaz, sport, headline=True))
    people = cluster_people(body)
    orgs: dict[str, Cluster] = {}
    places: dict[str, Cluster] = {}
    countries: dict[str, Cluster] = {}
    abbreviations = {m.abbreviation: m.text for m in body if m.kind == ORG and m.abbreviation}
    not_bodies = _concept_acronyms(article.paragraphs)
    unresolved: list[Mention] = []
    for mention in body:
        target = _resolve_mention(mention, people, abbreviations, gaz, not_bodies)
        if target is not None:
            _file(target, people, orgs, places, countries)
        elif mention.kind == NAME:
            unresolved.append(mention)
    attach_short_org_names(unresolved, orgs)
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
            cluster = find_person(Mention(NAME, word, 0, mention.pos), people, create=False)
            if cluster is not None:
                cluster.mentions.append(Mention(NAME, word, 0, mention.pos, form=word))
                headline_only.extend(names_only_in_headline(" ".join(pending), article, gaz))
                pending = []
            else:
                pending.append(word)
        headline_only.extend(names_only_in_headline(" ".join(pending), article, gaz))
    merge_org_variants(orgs, gaz)
    merge_acronyms(orgs)
    article_countries = set(countries)
    text = "\n".join(article.paragraphs)
    return Entities(
        people=make_people(people),
        places=make_places(places, countries, gaz, article_countries, text),
        organizations=make_orgs(orgs, text),
        countries=make_countries(countries, gaz),
        headline_only=tuple(dict.fromkeys(headline_only)),
    )


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
        matches = [p.id for p in entities.people if text in surname_keys(p.name)]
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


def _resolve_mention(
    mention: Mention,
    people: list[Cluster],
    abbreviations: dict[str, str],
    gaz: Gazetteer,
    not_bodies: frozenset[str] = frozenset(),
    *,
    headline: bool = False,
) -> Mention | tuple[Cluster, Mention] | None:
    """What a first-pass mention finally stands for: a person cluster, or an org/place/country."""
    if mention.kind == PERSON:
        cluster = find_person(mention, people, create=not headline and mention.strong)
        return (cluster, mention) if cluster else None
    if mention.kind == ORG and mention.text in abbreviations and abbreviations[mention.text] != mention.text:
        # "IAAF" after "International Association of Athletics Federations (IAAF)"
        return mention._replace(text=abbreviations[mention.text], abbreviation=mention.text)
    if mention.kind != NAME:
        return mention
    cluster = find_person(mention, people, create=False)
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
    target: Mention | tuple[Cluster, Mention],
    people: list[Cluster],
    orgs: dict[str, Cluster],
    places: dict[str, Cluster],
    countries: dict[str, Cluster],
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
        places.setdefault(target.text, Cluster(target.text)).mentions.append(target)
    if body_only and target.text not in table and target.kind == ORG:
        return
    table.setdefault(target.text, Cluster(target.text)).mentions.append(target)
