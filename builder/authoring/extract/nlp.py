"""The optional spaCy engine: the rules' briefing, corrected and completed by a statistical model.

`[extract] engine = "spacy"` runs the rules first, then reads the article once with spaCy's small
English pipeline and
- adds the people, places and organisations the rules missed, and moves an entity the rules
  filed under a weak guess (a capitalised word they could only call an "organization") to the
  kind spaCy gives it; a person the rules recognised stays a person whatever spaCy says (it
  tags many unfamiliar surnames as organisations);
- gives a role to a person the rules left without one, from a title written before the name
  ("coach Glenn Hoddle") or in apposition ("Roy Asher, an economist");
- names the speaker of each quote from the dependency parse: the subject of the speech verb
  that governs the quote or stands next to it, a pronoun standing for the nearest person before it.

Everything the rules found and spaCy says nothing about is kept, so improvements to the rules
carry over. The model is loaded once per process (`load_pipeline`). spaCy is imported lazily:
without it installed, nothing here is imported.
"""

from __future__ import annotations

import dataclasses
import importlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

from ...config import SPACY_MODELS
from ...errors import BriefgenError
from ...model import Article, Briefing, Organization, Person, Place, Quote
from ...notes.slugs import slugify
from .gazetteer import load_gazetteer
from .lexicon import TITLE_WORDS, word_set

__all__ = ["load_pipeline", "refine_briefing"]

Doc = Any
"""A spaCy `Doc` (spaCy is optional, so its types are not imported)."""
Token = Any

PER, LOC, ORG = "PER", "LOC", "ORG"
_LABELS = {"PERSON": PER, "GPE": LOC, "LOC": LOC, "FAC": LOC, "ORG": ORG}

# Lemmas of verbs that attribute speech or writing.
_SPEECH_LEMMAS = word_set(
    """say tell add write explain state note insist warn argue claim ask reply continue declare
    announce admit comment remark suggest urge stress concede acknowledge confirm tweet post recall
    predict joke quip respond counter conclude promise vow reveal maintain complain describe observe
    caution boast agree assert contend testify lament charge proclaim allege scoff muse recount
    exclaim chime shout yell whisper mutter"""
)
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_GROUP_PRONOUNS = frozenset({"it", "they"})
_FIRST_PERSON = frozenset({"i", "we", "me", "us", "you"})
# Words spaCy includes in an entity that are not part of the name.
_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_QUOTE_CHARS = "\"\u201c\u201d'\u2018\u2019"
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w.'\u2019&-]*|of|de|da|van|von|der|al|bin|la|le|and|for|du|di|del|\&)$")
_TITLE_EXCLUDED = frozenset({"former", "then", "late", "new"})


@lru_cache(maxsize=1)
def load_pipeline() -> Any:
    """spaCy's small English pipeline, loaded once per process (each worker loads its own)."""
    try:
        spacy = importlib.import_module("spacy")
    except ImportError as exc:
        raise BriefgenError("the spaCy engine needs spaCy: pip install 'briefgen[nlp]'") from exc
    for name in SPACY_MODELS:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise BriefgenError(f"the spaCy engine needs the English model {SPACY_MODELS[0]}: pip install 'briefgen[nlp]'")


@dataclass(frozen=True)
class _Ent:
    """One entity mention spaCy found: its cleaned name, kind (PER/LOC/ORG) and paragraph."""

    name: str
    kind: str
    pid: int
    start: int
    """Character offset in the paragraph."""


def refine_briefing(article: Article, briefing: Briefing) -> Briefing:
    """The rules' `briefing`, with spaCy's entities merged in and quote speakers re-read."""
    texts = [article.headline, *article.paragraphs]
    docs = list(load_pipeline().pipe(texts))
    ents = [ent for pid, doc in enumerate(docs) for ent in _entities(doc, pid)]
    people, places, orgs = merge_entities(briefing.people, briefing.places, briefing.organizations, ents)
    people = tuple(_with_roles(people, docs))
    quotes = tuple(_reattribute(briefing.quotes, docs, people, orgs))
    return dataclasses.replace(briefing, people=people, places=places, organizations=orgs, quotes=quotes)


# ---------------------------------------------------------------------------------------------
# Entities


def _entities(doc: Doc, pid: int) -> Iterator[_Ent]:
    shouting = pid == 0 and doc.text.isupper()
    for ent in doc.ents:
        kind = _LABELS.get(ent.label_)
        if kind is None or shouting:
            continue
        name = clean_entity(ent.text)
        if name:
            yield _Ent(name, kind, pid, ent.start_char)


def clean_entity(text: str) -> str | None:
    """The name in an entity span, or None when the span is no name ("club fined", "2 million")."""
    # A full stop is kept: spaCy ends an entity with one only when it belongs there ("U.S.", "Inc.").
    text = _LEADING_ARTICLE.sub("", " ".join(text.split())).strip(_QUOTE_CHARS + " -,")
    text = _POSSESSIVE.sub("", text) if text.endswith(("'s", "\u2019s", "s'")) else text
    tokens = text.split()
    if not tokens or any(ch.isdigit() for ch in text) or len(text) < 2:
        return None
    if not all(_NAME_TOKEN.match(token) for token in tokens) or not tokens[-1][:1].isupper():
        return None
    return text


def _key(name: str) -> str:
    return name.casefold()


def merge_entities(
    people: Sequence[Person], places: Sequence[Place], orgs: Sequence[Organization], ents: Sequence[_Ent]
) -> tuple[tuple[Person, ...], tuple[Place, ...], tuple[Organization, ...]]:
    """The rules' entities plus spaCy's, each name filed once.

    A name the rules recognised as a person stays one. A name the rules could only call an
    organisation of no known kind moves to a place when spaCy calls most of its mentions places.
    A name the rules missed is added with the kind spaCy gives most of its mentions; a part of a
    known person's name ("Alan" of Alan Shearer) becomes that person's alias.
    """
    votes: dict[str, Counter[str]] = {}
    first: dict[str, _Ent] = {}
    for ent in ents:
        votes.setdefault(_key(ent.name), Counter())[ent.kind] += 1
        first.setdefault(_key(ent.name), ent)
    known: dict[str, str] = {}
    for person in people:
        for form in (person.name, *person.aliases):
            known[_key(form)] = PER
    for place in places:
        known.setdefault(_key(place.name), LOC)
    for org in orgs:
        for form in (org.name, *org.aliases, *([org.abbreviation] if org.abbreviation else [])):
            known.setdefault(_key(form), ORG)
    new_places: list[Place] = []
    kept_orgs: list[Organization] = []
    for org in orgs:
        vote = votes.get(_key(org.name), Counter())
        if org.kind == "organization" and not org.aliases and _is_place(org.name, vote):
            new_places.append(_make_place(org.name, org.evidence))
        else:
            kept_orgs.append(org)
    person_parts = _name_parts(people)
    aliases: dict[str, list[str]] = {}
    added: dict[str, list[_Ent]] = {PER: [], LOC: [], ORG: []}
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
    places_out = (*places, *new_places, *(_make_place(e.name, evidence[_key(e.name)]) for e in added[LOC]))
    orgs_out = (*kept_orgs, *(_make_org(e.name, evidence[_key(e.name)]) for e in added[ORG]))
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
        words = _key(name).split()
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
            owners.setdefault(_key(word), set()).add(person.id)
        owners.setdefault(_key(" ".join(words[-2:])), set()).add(person.id)
    return {word: next(iter(ids)) for word, ids in owners.items() if len(ids) == 1}


def _evidence(ents: Iterable[_Ent]) -> dict[str, tuple[str, ...]]:
    pids: dict[str, set[int]] = {}
    for ent in ents:
        pids.setdefault(_key(ent.name), set()).add(ent.pid)
    return {key: tuple(f"p{pid}" for pid in sorted(found)) for key, found in pids.items()}


def _new_people(ents: list[_Ent], evidence: dict[str, tuple[str, ...]]) -> list[Person]:
    """People spaCy found and the rules did not; a surname alone joins the full name it ends."""
    full = [e for e in ents if " " in e.name]
    by_last: dict[str, list[_Ent]] = {}
    for ent in full:
        by_last.setdefault(_key(ent.name.split()[-1]), []).append(ent)
    aliases: dict[str, list[str]] = {}
    singles: list[_Ent] = []
    for ent in ents:
        if " " in ent.name:
            continue
        owners = by_last.get(_key(ent.name), [])
        if len(owners) == 1:
            aliases.setdefault(_key(owners[0].name), []).append(ent.name)
        else:
            singles.append(ent)
    people = []
    for ent in (*full, *singles):
        key = _key(ent.name)
        extra = aliases.get(key, [])
        pids = sorted({*evidence[key], *(p for a in extra for p in evidence[_key(a)])}, key=lambda p: int(p[1:]))
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


def _with_roles(people: Iterable[Person], docs: Sequence[Doc]) -> Iterator[Person]:
    """Each person; one the rules gave no role gets the title the parse attaches to the name."""
    titles: dict[str, str] = {}
    for doc in docs[1:]:
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                title = title_of(ent)
                if title:
                    titles.setdefault(_key(clean_entity(ent.text) or ent.text), title)
    for person in people:
        if person.role is None:
            role = next((titles[_key(f)] for f in (person.name, *person.aliases) if _key(f) in titles), None)
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


# ---------------------------------------------------------------------------------------------
# Quote speakers


def _reattribute(
    quotes: Sequence[Quote], docs: Sequence[Doc], people: Sequence[Person], orgs: Sequence[Organization]
) -> Iterator[Quote]:
    """Each quote with the speaker the dependency parse names, where it names one."""
    ids = _entity_ids(people, orgs)
    for quote in quotes:
        if not quote.evidence:
            yield quote
            continue
        pid = int(quote.evidence[0][1:])
        doc = docs[pid] if pid < len(docs) else None
        found = find_speaker(doc, quote.text, docs[max(1, pid - 3) : pid]) if doc is not None else None
        if found is None:
            yield quote
            continue
        name, pronoun = found
        if pronoun and quote.speaker_name:
            yield quote  # the rules follow the centre of attention across sentences: keep theirs
            continue
        yield dataclasses.replace(quote, speaker=ids.get(_key(name), name), speaker_name=name)


def _entity_ids(people: Sequence[Person], orgs: Sequence[Organization]) -> dict[str, str]:
    ids: dict[str, str] = {}
    for org in orgs:
        for form in (org.name, *org.aliases):
            ids[_key(form)] = org.id
    for person in people:
        for form in (person.name, *person.aliases):
            ids[_key(form)] = person.id
    return ids


def find_speaker(doc: Doc, quote: str, before: Sequence[Doc] = ()) -> tuple[str, bool] | None:
    """(speaker, named by a pronoun) of `quote` in `doc`, from the parse, or None.

    The speech verb is the nearest one outside the quote in the sentences the quote touches; its
    subject is the speaker. A pronoun stands for the nearest person (he, she) or organisation
    (it, they) named before the quote, in this paragraph or the ones `before` it.
    """
    start = doc.text.find(quote[: min(len(quote), 40)])
    if start < 0:
        return None
    end = start + len(quote)
    start, end = _widen_to_marks(doc.text, start, end)
    verb = _speech_verb(doc, start, end)
    if verb is None:
        return None
    subject = _subject(verb)
    if subject is None:
        return None
    lower = subject.lower_
    if lower in _FIRST_PERSON:
        return None
    if lower in _PERSON_PRONOUNS or lower in _GROUP_PRONOUNS:
        label = ("PERSON",) if lower in _PERSON_PRONOUNS else ("ORG", "PERSON")
        name = _antecedent(doc, subject.idx, label, before)
        return (name, True) if name else None
    name = _name_of(subject)
    return (name, False) if name else None


def _widen_to_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """The quote's span with its quotation marks (and a comma before the closing one)."""
    while start > 0 and text[start - 1] in _QUOTE_CHARS + " ":
        start -= 1
    while end < len(text) and text[end] in _QUOTE_CHARS + ",.?!;: ":
        end += 1
        if text[end - 1] in _QUOTE_CHARS:
            break
    return start, end


def _speech_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The speech verb nearest the quote, outside it, in a sentence the quote overlaps."""
    best: tuple[int, Token] | None = None
    for sent in doc.sents:
        if sent.end_char <= start or sent.start_char >= end:
            continue
        for token in sent:
            if start <= token.idx < end or token.lemma_ not in _SPEECH_LEMMAS or token.pos_ not in ("VERB", "AUX"):
                continue
            distance = token.idx - end if token.idx >= end else start - token.idx
            if best is None or distance < best[0]:
                best = (distance, token)
    if best is None:
        return _according_to(doc, start, end)
    return best[1]


def _according_to(doc: Doc, start: int, end: int) -> Token | None:
    """'"...", according to X': the token "according", whose object names the source."""
    for token in doc:
        if token.lower_ == "according" and not start <= token.idx < end and abs(token.idx - end) < 40:
            return token
    return None


def _subject(verb: Token) -> Token | None:
    """The subject of a speech verb, or of the verb it is conjoined to ("X smiled and said")."""
    if verb.lower_ == "according":
        for prep in verb.children:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return obj
        return None
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and not (child.dep_ == "nsubjpass" and verb.lemma_ != "quote"):
                return child
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
            verb = verb.head
        else:
            break
    return None


def _name_of(subject: Token) -> str | None:
    """The name a subject stands for: its entity, a name in apposition or compound before a
    common noun ("spokesman Sean Spicer"), or the common noun phrase itself."""
    for token in (subject, *(c for c in subject.children if c.dep_ in ("appos", "compound"))):
        if token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or token.pos_ == "PROPN":
            name = _entity_text(token)
            if name:
                return name
    return None


def _entity_text(token: Token) -> str | None:
    doc = token.doc
    for ent in doc.ents:
        if ent.start <= token.i < ent.end and ent.label_ in ("PERSON", "ORG", "GPE", "NORP"):
            return clean_entity(ent.text) or None
    if token.pos_ != "PROPN":
        return None
    left = token.i
    while left > 0 and doc[left - 1].pos_ == "PROPN" and doc[left - 1].dep_ in ("compound", "flat"):
        left -= 1
    return clean_entity(doc[left : token.i + 1].text)


def _antecedent(doc: Doc, offset: int, labels: tuple[str, ...], before: Sequence[Doc]) -> str | None:
    """The last entity with one of `labels` before `offset` in `doc`, else in the docs before it."""
    for candidate, limit in ((doc, offset), *((d, len(d.text)) for d in reversed(before))):
        found = [e for e in candidate.ents if e.label_ in labels and e.end_char <= limit]
        for ent in reversed(found):
            name = clean_entity(ent.text)
            if name:
                return name
    return None
