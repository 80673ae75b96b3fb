"""The spaCy engine's entities: spaCy's names merged into the rules' people, places and
organisations, and roles read from the parse for the people the rules gave none (see `nlp.py`)."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from ...model import Organization, Person, Place
from ...notes.slugs import slugify
from .gazetteer import load_gazetteer
from .lexicon import TITLE_WORDS, word_set

__all__ = [
    "QUOTE_CHARS",
    "Mention",
    "clean_entity",
    "entity_mentions",
    "merge_entities",
    "name_key",
    "title_of",
    "with_roles",
]

Doc = Any
"""A spaCy `Doc` (spaCy is optional, so its types are not imported)."""
Token = Any

PER, LOC, ORG = "PER", "LOC", "ORG"
_LABELS = {"PERSON": PER, "GPE": LOC, "LOC": LOC, "FAC": LOC, "ORG": ORG}
# Words spaCy includes in an entity that are not part of the name.
_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
QUOTE_CHARS = "\"\u201c\u201d'\u2018\u2019"
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w.'\u2019&-]*|of|de|da|van|von|der|al|bin|la|le|and|for|du|di|del|\&)$")
_TITLE_EXCLUDED = frozenset({"former", "then", "late", "new"})
# Heads of a title a department's name is written into ("Education Minister", "Secretary of State").
_OFFICE_HEADS = word_set("minister ministers secretary secretaries undersecretary")
_EVENT_HEADS = word_set(
    "games open cup slam final finals championship championships meeting tournament trophy prix olympics"
)
_TIME_ZONES = frozenset({"GMT", "UTC", "EST", "EDT", "CST", "CDT", "PST", "PDT", "CET", "CEST", "BST"})


@dataclass(frozen=True)
class Mention:
    """One entity mention spaCy found: its cleaned name, kind (PER/LOC/ORG) and paragraph."""

    name: str
    kind: str
    pid: int
    start: int
    """Character offset in the paragraph."""


def entity_mentions(doc: Doc, pid: int) -> Iterator[Mention]:
    """The names spaCy tags in one paragraph (`pid` 0 is the headline), with their kinds."""
    shouting = pid == 0 and doc.text.isupper()
    for ent in doc.ents:
        kind = _LABELS.get(ent.label_)
        if kind is None or shouting or not is_name_mention(ent):
            continue
        name = clean_entity(ent.text)
        if name and not _is_event_or_people(name):
            yield Mention(name, _kind_of(name, kind), pid, ent.start_char)


def _is_event_or_people(name: str) -> bool:
    """A sporting or political event ("Hong Kong Open", "Fed Cup") or a people ("Britons", "a
    controversial Australian"): no person, place or organisation."""
    gaz = load_gazetteer()
    words = name.split()
    return words[-1].lower() in _EVENT_HEADS or gaz.demonym_code(words[-1]) is not None


def _kind_of(name: str, kind: str) -> str:
    """spaCy's kind, corrected where the name's words say otherwise: a place the gazetteer knows
    is a place; a capitalised plural noun ("the Marlins", "the Pirates") names a team or group, not
    a person or place; nor does a "person" whose first and last words are places or ordinary words
    and whose first is no given name ("Standard Liege", "Bangladesh Lamps")."""
    gaz = load_gazetteer()
    words = name.split()
    if kind != LOC and (name in gaz.places or name in gaz.country_codes) and name not in gaz.organizations:
        return LOC
    if kind == ORG:
        return kind
    if len(words) == 1:
        return ORG if name.endswith("s") and gaz.is_word(name) else kind
    if kind == PER and words[0] not in gaz.given_names and all(_is_place_or_word(w) for w in (words[0], words[-1])):
        return ORG
    return kind


def _is_place_or_word(word: str) -> bool:
    gaz = load_gazetteer()
    return word in gaz.places or word in gaz.country_codes or gaz.is_word(word)


def is_name_mention(ent: Any) -> bool:
    """False for the spans spaCy tags that name nothing here: a time zone ("1350 GMT"), a
    department written into a title ("Education Minister", "Secretary of State"), and a single
    ordinary word capitalised only because it opens the sentence ("Eyewitnesses told ...") or
    used as an adjective ("Far Eastern markets")."""
    if ent.text in _TIME_ZONES:
        return False
    doc = ent.doc
    if len(ent) == 1 and load_gazetteer().is_word(ent.text):
        token = ent[0]
        if token.is_sent_start or token.i == 0 or token.pos_ == "ADJ":
            return False
        if token.dep_ == "compound" and token.head.lower_ in _OFFICE_HEADS:
            return False
    return not (ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ in _OFFICE_HEADS)


def clean_entity(text: str) -> str | None:
    """The name in an entity span, or None when the span is no name ("club fined", "2 million")."""
    # A full stop is kept: spaCy ends an entity with one only when it belongs there ("U.S.", "Inc.").
    text = _LEADING_ARTICLE.sub("", " ".join(text.split())).strip(QUOTE_CHARS + " -,")
    text = _POSSESSIVE.sub("", text) if text.endswith(("'s", "\u2019s", "s'")) else text
    tokens = text.split()
    if not tokens or any(ch.isdigit() for ch in text) or len(text) < 2:
        return None
    if not all(_NAME_TOKEN.match(token) for token in tokens) or not tokens[-1][:1].isupper():
        return None
    return text


def name_key(name: str) -> str:
    return name.casefold()


def merge_entities(
    people: Sequence[Person], places: Sequence[Place], orgs: Sequence[Organization], ents: Sequence[Mention]
) -> tuple[tuple[Person, ...], tuple[Place, ...], tuple[Organization, ...]]:
    """The rules' entities plus spaCy's, each name filed once.

    A name the rules recognised as a person stays one. A name the rules could only call an
    organisation of no known kind moves to a place when spaCy calls most of its mentions places.
    A name the rules missed is added with the kind spaCy gives most of its mentions; a part of a
    known person's name ("Alan" of Alan Shearer) becomes that person's alias.
    """
    votes: dict[str, Counter[str]] = {}
    first: dict[str, Mention] = {}
    for ent in ents:
        votes.setdefault(name_key(ent.name), Counter())[ent.kind] += 1
        first.setdefault(name_key(ent.name), ent)
    known: dict[str, str] = {}
    for person in people:
        for form in (person.name, *person.aliases):
            known[name_key(form)] = PER
    for place in places:
        known.setdefault(name_key(place.name), LOC)
    for org in orgs:
        for form in (org.name, *org.aliases, *([org.abbreviation] if org.abbreviation else [])):
            known.setdefault(name_key(form), ORG)
    new_places: list[Place] = []
    kept_orgs: list[Organization] = []
    for org in orgs:
        vote = votes.get(name_key(org.name), Counter())
        if org.kind == "organization" and not org.aliases and _is_place(org.name, vote):
            new_places.append(_make_place(org.name, org.evidence))
        else:
            kept_orgs.append(org)
    person_parts = _name_parts(people)
    aliases: dict[str, list[str]] = {}
    added: dict[str, list[Mention]] = {PER: [], LOC: [], ORG: []}
    evidence = _evidence(ents)
    longer = _longer_names(places, orgs)
    for key, vote in votes.items():
        # The headline's capitals are no evidence of a name: an entity must be in the body too.
        if key in known or evidence[key] == ("p0",) or key in longer:
            continue
        ent = first[key]
        owner = person_parts.get(key)
        if owner is not None:
            aliases.setdefault(owner, []).append(ent.name)
            continue
        added[_majority(vote)].append(ent)
    new_people = _new_people(added[PER], evidence)
    people_out = tuple(
        dataclasses.replace(p, aliases=(*p.aliases, *aliases[p.id])) if p.id in aliases else p for p in people
    )
    places_out = (*places, *new_places, *(_make_place(e.name, evidence[name_key(e.name)]) for e in added[LOC]))
    orgs_out = (*kept_orgs, *(_make_org(e.name, evidence[name_key(e.name)]) for e in added[ORG]))
    return (*people_out, *new_people), _unique_ids(places_out), _unique_ids(orgs_out)


def _is_place(name: str, vote: Counter[str]) -> bool:
    """A name the rules could only call an organisation is a place when spaCy calls most of its
    mentions places, or when spaCy calls none of them an organisation and the gazetteer knows it
    as a place (the "MADRID" of a dateline, which spaCy may leave untagged)."""
    if vote and _majority(vote) == LOC:
        return True
    gaz = load_gazetteer()
    return not vote[ORG] and (name.title() in gaz.places or name.title() in gaz.country_codes)


def _longer_names(places: Sequence[Place], orgs: Sequence[Organization]) -> frozenset[str]:
    """Every run of two or more words inside a known place or organisation name: spaCy often
    tags part of a long name ("Trans-Pacific Partnership" of the CPTPP's)."""
    runs: set[str] = set()
    for name in (*(p.name for p in places), *(o.name for o in orgs)):
        words = name_key(name).split()
        runs.update(" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 2, len(words) + 1))
    return frozenset(runs)


def _majority(vote: Counter[str]) -> str:
    """The kind most mentions have; a tie goes to person, then place."""
    best = max(vote.values())
    return next(kind for kind in (PER, LOC, ORG) if vote[kind] == best)


def _name_parts(people: Sequence[Person]) -> dict[str, str]:
    """Each single word of a known person's full name -> the person's id ("alan" -> alan-shearer);
    a word two people share belongs to neither."""
    owners: dict[str, set[str]] = {}
    for person in people:
        words = person.name.split()
        if len(words) < 2:
            continue
        for word in words:
            owners.setdefault(name_key(word), set()).add(person.id)
        owners.setdefault(name_key(" ".join(words[-2:])), set()).add(person.id)
    return {word: next(iter(ids)) for word, ids in owners.items() if len(ids) == 1}


def _evidence(ents: Iterable[Mention]) -> dict[str, tuple[str, ...]]:
    pids: dict[str, set[int]] = {}
    for ent in ents:
        pids.setdefault(name_key(ent.name), set()).add(ent.pid)
    return {key: tuple(f"p{pid}" for pid in sorted(found)) for key, found in pids.items()}


def _new_people(ents: list[Mention], evidence: dict[str, tuple[str, ...]]) -> list[Person]:
    """People spaCy found and the rules did not; a surname alone joins the full name it ends."""
    full = [e for e in ents if " " in e.name]
    by_last: dict[str, list[Mention]] = {}
    for ent in full:
        by_last.setdefault(name_key(ent.name.split()[-1]), []).append(ent)
    aliases: dict[str, list[str]] = {}
    singles: list[Mention] = []
    for ent in ents:
        if " " in ent.name:
            continue
        owners = by_last.get(name_key(ent.name), [])
        if len(owners) == 1:
            aliases.setdefault(name_key(owners[0].name), []).append(ent.name)
        else:
            singles.append(ent)
    people = []
    for ent in (*full, *singles):
        key = name_key(ent.name)
        extra = aliases.get(key, [])
        pids = sorted({*evidence[key], *(p for a in extra for p in evidence[name_key(a)])}, key=lambda p: int(p[1:]))
        people.append(
            Person(ent.name, slugify(ent.name), aliases=tuple(extra), mentions=len(pids), evidence=tuple(pids))
        )
    return people


def _make_place(name: str, evidence: tuple[str, ...]) -> Place:
    gaz = load_gazetteer()
    code = gaz.country_codes.get(name)
    if code is not None:
        country = gaz.country_names.get(code, name)
        return Place(country, slugify(country), "country", code, evidence)
    entries = gaz.places.get(name) or gaz.places.get(name.title()) or ()
    if entries:
        return Place(name, slugify(name), entries[0].kind, entries[0].country, evidence)
    return Place(name, slugify(name), "site", None, evidence)


def _make_org(name: str, evidence: tuple[str, ...]) -> Organization:
    entry = load_gazetteer().organizations.get(name)
    kind = entry.kind if entry else "organization"
    abbreviation = name if name.isupper() and len(name) <= 6 else None
    return Organization(name, slugify(name), kind, abbreviation, (), evidence)


_Item = TypeVar("_Item", Place, Organization)


def _unique_ids(items: Iterable[_Item]) -> tuple[_Item, ...]:
    """Drop a later item whose id an earlier one has (two spellings of one name)."""
    seen: set[str] = set()
    out: list[_Item] = []
    for item in items:
        if item.id not in seen:
            seen.add(item.id)
            out.append(item)
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# Roles


def with_roles(people: Iterable[Person], docs: Sequence[Doc]) -> Iterator[Person]:
    """Each person; one the rules gave no role gets the title the parse attaches to the name."""
    titles: dict[str, str] = {}
    for doc in docs[1:]:
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                title = title_of(ent)
                if title:
                    titles.setdefault(name_key(clean_entity(ent.text) or ent.text), title)
    for person in people:
        if person.role is None:
            role = next((titles[name_key(f)] for f in (person.name, *person.aliases) if name_key(f) in titles), None)
            if role:
                yield dataclasses.replace(person, role=role)
                continue
        yield person


def title_of(ent: Any) -> str | None:
    """A title the parse attaches to a person's name: the nouns and adjectives modifying it just
    before it ("coach Glenn Hoddle", "Prime Minister Sanae Takai", not the "Japanese" of a
    nationality) or a noun in apposition ("Roy Asher, an economist")."""
    doc = ent.doc
    words: list[Token] = []
    i = ent.start - 1
    while i >= 0 and _is_title_word(doc[i]):
        words.insert(0, doc[i])
        i -= 1
    if words and _is_title(words[-1].text):
        return " ".join(t.text for t in words)
    for child in ent.root.rights:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and _is_title(child.text):
            mods = [t for t in child.lefts if t.dep_ in ("compound", "amod") and t.pos_ in ("NOUN", "PROPN", "ADJ")]
            return " ".join(t.text for t in (*mods, child))
    return None


def _is_title_word(token: Token) -> bool:
    return (
        token.dep_ in ("compound", "amod")
        and token.pos_ in ("NOUN", "PROPN", "ADJ")
        and token.ent_type_ == ""
        and token.lower_ not in _TITLE_EXCLUDED
    )


def _is_title(word: str) -> bool:
    return word.lower() in TITLE_WORDS
