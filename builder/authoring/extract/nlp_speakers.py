"""The spaCy engine's quote speakers: the subject of the speech verb that governs a quote, read
from the dependency parse (see `nlp.py`)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from ...model import Organization, Person, Quote
from .lexicon import word_set
from .nlp_entities import QUOTE_CHARS, clean_entity, name_key

__all__ = ["find_speaker", "reattribute"]

Doc = Any
"""A spaCy `Doc` (spaCy is optional, so its types are not imported)."""
Token = Any

# Lemmas of verbs that attribute speech or writing.
_SPEECH_LEMMAS = word_set(
    """say tell add write explain state note insist warn argue claim ask reply continue declare
    announce admit comment remark suggest urge stress concede acknowledge confirm tweet post recall
    predict joke quip respond counter conclude promise vow reveal maintain complain describe observe
    caution boast agree assert contend testify lament charge proclaim allege scoff muse recount
    exclaim chime shout yell whisper mutter sing chant fume snap retort thunder plead sigh grumble
    reiterate assure emphasize emphasise demand"""
)
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_GROUP_PRONOUNS = frozenset({"it", "they"})
_FIRST_PERSON = frozenset({"i", "we", "me", "us", "you"})
_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
# Honorifics that tell a person's gender ("Mrs. Clinton", "Mr. Trump").
_HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "sir": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f"}


def reattribute(
    quotes: Sequence[Quote], docs: Sequence[Doc], people: Sequence[Person], orgs: Sequence[Organization]
) -> Iterator[Quote]:
    """Each quote with the speaker the dependency parse names, where it names one; a quote still
    without a speaker continues the quote before it in the same paragraph ("...," said X. "...")."""
    ids = _entity_ids(people, orgs)
    genders = genders_by_surname(docs)
    previous: Quote | None = None
    for quote in quotes:
        found = _reattributed(quote, docs, ids, genders)
        if not found.speaker_name and previous is not None and previous.evidence[:1] == found.evidence[:1]:
            found = dataclasses.replace(found, speaker=previous.speaker, speaker_name=previous.speaker_name)
        previous = found
        yield found


def _reattributed(quote: Quote, docs: Sequence[Doc], ids: dict[str, str], genders: Mapping[str, str]) -> Quote:
    if not quote.evidence:
        return quote
    pid = int(quote.evidence[0][1:])
    doc = docs[pid] if pid < len(docs) else None
    found = find_speaker(doc, quote.text, docs[max(1, pid - 3) : pid], genders) if doc is not None else None
    if found is None:
        return quote
    name, pronoun = found
    if (
        quote.speaker_name
        and (pronoun or _is_same_speaker(quote, name, ids))
        and not _other_gender(quote.speaker_name, name, genders)
    ):
        # The rules follow the centre of attention across sentences, and keep the title they
        # read with a name ("Former Secretary of State ..."): theirs stands unless the parse disagrees.
        return quote
    return dataclasses.replace(quote, speaker=ids.get(name_key(name), name), speaker_name=name)


def _other_gender(said: str, name: str, genders: Mapping[str, str]) -> bool:
    """True when the honorifics give the rules' speaker `said` and the parse's `name` different genders."""
    theirs, ours = genders.get(_surname(said)), genders.get(_surname(name))
    return theirs is not None and ours is not None and theirs != ours


def _is_same_speaker(quote: Quote, name: str, ids: dict[str, str]) -> bool:
    """True when the parse's `name` and the rules' speaker are one entity or share a surname."""
    if quote.speaker is not None and ids.get(name_key(name)) == quote.speaker:
        return True
    said = (quote.speaker_name or "").split()
    return bool(said) and said[-1].casefold() == name.split()[-1].casefold()


def _entity_ids(people: Sequence[Person], orgs: Sequence[Organization]) -> dict[str, str]:
    ids: dict[str, str] = {}
    for org in orgs:
        for form in (org.name, *org.aliases):
            ids[name_key(form)] = org.id
    for person in people:
        for form in (person.name, *person.aliases):
            ids[name_key(form)] = person.id
    return ids


def find_speaker(
    doc: Doc, quote: str, before: Sequence[Doc] = (), genders: Mapping[str, str] | None = None
) -> tuple[str, bool] | None:
    """(speaker, named by a pronoun) of `quote` in `doc`, from the parse, or None.

    The speech verb is the nearest one outside the quote in the sentences the quote touches; its
    subject is the speaker. A pronoun stands for the nearest person (he, she) or organisation
    (it, they) named before the quote, in this paragraph or the ones `before` it, skipping a
    person whose surname `genders` gives the other gender ("m" or "f", see `genders_by_surname`).
    """
    start = doc.text.find(quote[: min(len(quote), 40)])
    if start < 0:
        return None
    end = start + len(quote)
    start, end = _widen_to_marks(doc.text, start, end)
    verb = _speech_verb(doc, start, end) or _introducing_verb(doc, start) or _tail_verb(doc, end)
    if verb is None and before and not doc.text[:start].strip():
        verb = _introducing_verb(before[-1], len(before[-1].text))
        if verb is not None:
            doc, before = before[-1], before[:-1]
    weak = verb is None
    if verb is None:
        verb = _governing_verb(doc, start, end)
    subject = _subject(verb) if verb is not None else None
    if subject is None:
        return None
    found = _speaker_of(doc, subject, before, genders or {})
    return (found[0], found[1] or weak) if found else None


def _speaker_of(doc: Doc, subject: Token, before: Sequence[Doc], genders: Mapping[str, str]) -> tuple[str, bool] | None:
    """(name, named by a pronoun) of the speech verb's `subject`."""
    lower = subject.lower_
    if lower in _FIRST_PERSON:
        return None
    if lower in _PERSON_PRONOUNS or lower in _GROUP_PRONOUNS:
        label = ("PERSON",) if lower in _PERSON_PRONOUNS else ("ORG", "PERSON")
        gender = _PRONOUN_GENDER.get(lower)
        name = _antecedent(doc, subject.idx, label, before, lambda n: genders.get(_surname(n), gender) == gender)
        return (name, True) if name else None
    name = _name_of(subject)
    return (name, False) if name else None


def _governing_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The verb outside the quote that governs it, when no speech verb does: its subject is the
    speaker of a quote used as the object of another verb ("X labelled the plan "..."", "X
    defended it, calling it "..."")."""
    for token in doc:
        if not start <= token.idx < end or start <= token.head.idx < end:
            continue
        head = token.head
        for _ in range(3):
            if head.pos_ in ("VERB", "AUX"):
                return head
            if head.head is head:
                break
            head = head.head
    return None


def _widen_to_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """The quote's span with its quotation marks (and a comma before the closing one)."""
    while start > 0 and text[start - 1] in QUOTE_CHARS + " ":
        start -= 1
    while end < len(text) and text[end] in QUOTE_CHARS + ",.?!;: ":
        end += 1
        if text[end - 1] in QUOTE_CHARS:
            break
    return start, end


def _speech_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The speech verb nearest the quote, outside it, in a sentence the quote overlaps."""
    best: tuple[int, Token] | None = None
    for sent in doc.sents:
        if sent.end_char <= start or sent.start_char >= end:
            continue
        for token in sent:
            if start <= token.idx < end or not _is_speech_verb(token):
                continue
            distance = token.idx - end if token.idx >= end else start - token.idx
            if best is None or distance < best[0]:
                best = (distance, token)
    if best is None:
        return _according_to(doc, start, end)
    return best[1]


def _is_speech_verb(token: Token) -> bool:
    """True for a verb of speech or writing, or "put" in "as X put it"."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if token.lemma_ == "put":
        return any(child.lower_ == "it" and child.dep_ == "dobj" for child in token.children)
    return token.lemma_ in _SPEECH_LEMMAS


def _tail_verb(doc: Doc, end: int) -> Token | None:
    """The speech verb of a short sentence the parse split off after the quote ("...?" X demanded.)."""
    for sent in doc.sents:
        if sent.start_char >= end:
            root = sent.root
            gap = doc.text[end : sent.start_char]
            fits = not gap.strip() and len(sent) <= 8 and root.lemma_ in _SPEECH_LEMMAS
            return root if fits else None
    return None


def _introducing_verb(doc: Doc, start: int) -> Token | None:
    """The main verb of a clause that introduces the quote with a colon ("Clinton apologised:
    "..."", or a paragraph ending "... issued the following statement:" before it)."""
    head = doc.text[:start].rstrip(QUOTE_CHARS + " ")
    if not head.endswith(":"):
        return None
    colon = doc.char_span(len(head) - 1, len(head), alignment_mode="expand")
    if colon is None:
        return None
    verb = colon[0].head  # the clause the colon closes, not the sentence's first ("..., and X said:")
    if verb.pos_ not in ("VERB", "AUX"):
        verb = colon[0].sent.root
    return verb if verb.pos_ in ("VERB", "AUX") else None


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
    if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN"):
        return verb.head  # "footage of Clinton asking, "...""
    if verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].ent_type_ == "PERSON":
        return verb.doc[verb.i - 1]  # "the ad uses footage of Clinton asking, "..."" read as "uses ... asking"
    for _ in range(3):
        for child in verb.children:
            if (
                (child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and verb.lemma_ == "quote"))
                and any(ch.isalpha() for ch in child.text)
                and not _is_quoted(child)
            ):
                return child
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
            verb = verb.head
        else:
            break
    return None


def _is_quoted(token: Token) -> bool:
    """True when `token` stands inside quotation marks: a title or quoted words, never a speaker
    (the parse makes "Fox" the subject of 'said Thursday on "Fox and Friends"')."""
    before: str = token.doc.text[: token.idx]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1 or before.count("''") % 2 == 1


def _name_of(subject: Token) -> str | None:
    """The name a subject stands for: its entity, a name in apposition or compound before a
    common noun ("spokesman Sean Spicer"), or the common noun phrase itself."""
    for token in (subject, *(c for c in subject.children if c.dep_ in ("appos", "compound"))):
        if token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or token.pos_ == "PROPN":
            name = _entity_text(token)
            if name:
                return name
    # "said his best friend at college, Jo Bell": the person in apposition further down.
    for token in subject.subtree:
        if token.dep_ == "appos" and token.ent_type_ == "PERSON":
            return _entity_text(token)
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


def _antecedent(
    doc: Doc, offset: int, labels: tuple[str, ...], before: Sequence[Doc], agrees: Callable[[str], bool]
) -> str | None:
    """The last entity with one of `labels` before `offset` in `doc`, else in the docs before it,
    whose name `agrees` with the pronoun."""
    for candidate, limit in ((doc, offset), *((d, len(d.text)) for d in reversed(before))):
        found = [e for e in candidate.ents if e.label_ in labels and e.end_char <= limit]
        for ent in reversed(found):
            name = clean_entity(ent.text)
            if name and agrees(name):
                return name
    return None


def genders_by_surname(docs: Sequence[Doc]) -> dict[str, str]:
    """Surname -> "m" or "f", from the honorifics written before names ("Mrs. Clinton"); a
    surname given both (two people of one family) is left out."""
    seen: dict[str, set[str]] = {}
    for doc in docs:
        for token in doc[:-1]:
            gender = _HONORIFIC_GENDER.get(token.lower_)
            if gender is None or doc[token.i + 1].pos_ != "PROPN":
                continue
            end = token.i + 1
            while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN":
                end += 1
            seen.setdefault(_surname(doc[end].text), set()).add(gender)
    return {surname: next(iter(found)) for surname, found in seen.items() if len(found) == 1}


def _surname(name: str) -> str:
    words = name.split()
    return words[-1].casefold() if words else ""
