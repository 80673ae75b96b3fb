"""Who a speaker as written stands for, read from the narration (the text outside quotes).

The narration's sentence subjects and speakers are taken in reading order, so a pronoun ("he",
"it"), a description ("the Tottenham striker", "the magazine") or a surname ("Mr Blair") is
resolved against what came before the quote, never after it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .attribution import (
    NAME_RE,
    SPEECH,
    clean_name,
    subject_before_verb,
)
from .entities import Entities
from .lexicon import NOT_PERSON_WORDS, TITLE_WORDS, word_set
from .quote_abbreviations import ABBREVIATION_DOT, bare, is_title
from .quote_words import (
    ADVERBIAL_STARTS,
    CONNECTIVES,
    DETERMINERS,
    HONORIFICS,
    NOT_SUBJECT_START,
    ORG_NOUNS,
    PERSON_NOUNS,
    ROLE_HEADS,
    SPOKES_NOUNS,
)

# In narration (quotes blanked out) a closing mark before a capital also ends a sentence.
_NARRATION_END = re.compile(
    r"[.!?][\"'\u201d\u2019)]*\s+(?=[\"\u201c(]?[A-Z0-9])|[\"\u201d](?=\s+[A-Z])|[.!?]\s+(?=[\"\u201c])"
)
_PARTICLE_WORDS = word_set("of the and for")
_NOT_A_NAME = CONNECTIVES | ADVERBIAL_STARTS | NOT_SUBJECT_START | DETERMINERS | word_set("he she it they we i")
_SUBJECT_HEADS = PERSON_NOUNS | ORG_NOUNS
_SENTENCE_CONNECTIVES = CONNECTIVES | {"and", "but", "however"}
_NOT_NAME_START = CONNECTIVES | ADVERBIAL_STARTS | {"the"}
_POSSESSIVE_END = re.compile(r"['\u2019]s$")
_SUBJECT_LEAD = re.compile(r"[\s\"\u201c\u201d,;:\u2014\u2013-]*")
_SUBJECT_WORD = re.compile(r"(\w+)[,]?\s+")
_SUBJECT_DESCRIPTION = re.compile(r"(?:the|The)\s+(?:[\w\-'\u2019]+\s+){0,4}?([\w\-]+)\b(?!\s+[A-Z])")
_LEADING_ARTICLE = re.compile(r"^(?:The|A|An)\s+")
_POSSESSIVE_AND_AFTER = re.compile(r"['\u2019]s\b.*$")
# The name after the lower-case role of an attribution as written: "BA chairman Martin Broughton".
_ROLE_BEFORE_NAME = re.compile(r"\s([a-z][\w\-]*)\s+((?:[A-Z][\w\-'\u2019\u02d1]*\s+)*[A-Z][\w\-'\u2019]*)$")
_LAST_QUOTE_MARK = re.compile('["\u201c\u201d]')


@dataclass(frozen=True)
class Mention:
    """A name (or pronoun, or description) in the narration; `referent` is who it stands for."""

    para: int
    offset: int
    name: str
    referent: str | None = None
    person: bool = True
    role: str = ""
    """Lower-case role words written with the name ("foreign secretary", "magazine")."""

    @property
    def who(self) -> str:
        return self.referent or self.name


@dataclass
class Context:
    """What the narration (text outside quotation marks) says about who is who, in reading order."""

    mentions: list[Mention]
    """Likely people named outside quotes."""
    named: list[Mention]
    """Every capitalised name outside quotes, people and others, with the role words before it."""
    salient: list[Mention]
    """Sentence subjects and speakers, pronouns and descriptions resolved: the centre of attention."""
    events: list[Mention]
    """Speakers, for quotes that continue the last one."""
    roles: dict[str, str]
    """Lower-case roles of the entity extractor's people, by name."""
    orgs: frozenset[str] | None
    """Case-folded organisation names, when the entity extractor's output is at hand."""
    masked: list[str]
    sentences: list[tuple[int, int, int]]
    """Narration sentences (paragraph, start, end) not yet read, the next one last."""
    person_names: frozenset[str] = frozenset()


def resolve_speaker(speaker: str, para: int, offset: int, ctx: Context) -> tuple[str | None, str | None, bool]:
    """(speaker as shown, who it stands for, is a person) for an attribution as written.

    "he"/"she" become the centre of attention (the last subject or speaker outside quotes); "it"
    the last organisation in that role; "the Tottenham striker" / "the magazine" keep their words
    and refer to the named person or organisation they describe; "Mr Blair" refers to the nearest
    full mention of a Blair.
    """
    lower = speaker.lower()
    if lower in ("he", "she"):
        item = latest_item(ctx.salient, para, offset, reach=2, person=True)
        name = item.who if item else _latest(ctx.mentions, para, offset, reach=2) or _latest(ctx.events, para, offset)
        return name, None, True
    if lower == "it":
        # "it said": the organisation last at the centre of attention, if that was not a person.
        item = latest_item(ctx.salient, para, offset, reach=1)
        if item is None or item.person or not (item.referent or _is_org(item.who, ctx)):
            return None, None, False
        return item.who, None, False
    if lower in ("they", "we", "i"):
        return None, None, False  # groups and first persons: too often wrong to guess
    described = _describe(speaker, para, offset, ctx)
    if described is not None:
        return speaker, described[0], described[1]
    if speaker.split()[0].lower() in DETERMINERS:
        return speaker, None, True
    named = _ROLE_BEFORE_NAME.search(speaker)  # "White House press secretary Josh Earnest"
    if named is not None and named.group(1) in ROLE_HEADS:
        name = named.group(2)
        return speaker, _full_name(name, para, offset, ctx) or name, name in ctx.person_names or not _is_org(name, ctx)
    person = speaker in ctx.person_names or not _is_org(speaker, ctx)
    return speaker, _full_name(speaker, para, offset, ctx), person


def _is_org(name: str, ctx: Context) -> bool:
    if ctx.orgs is not None:
        return name.replace(ABBREVIATION_DOT, ".").casefold() in ctx.orgs
    return name not in ctx.person_names


def _full_name(name: str, para: int, offset: int, ctx: Context) -> str | None:
    """The nearest earlier full mention a surname stands for: "Mr Blair" -> "Tony Blair"."""
    words = [w for w in name.split() if bare(w) not in HONORIFICS]
    if len(words) != 1:
        return None
    best: str | None = None
    for item in ctx.mentions:
        if (item.para, item.offset) >= (para, offset):
            break
        parts = [w for w in item.name.split() if bare(w) not in HONORIFICS]
        if len(parts) > 1 and parts[-1] == words[0]:
            best = " ".join(parts)
    return best


def _describe(description: str, para: int, offset: int, ctx: Context) -> tuple[str, bool] | None:
    """(name, is a person) that a description stands for: "the Tottenham striker" -> "Robbie Keane".

    A definite description refers to the last person (person nouns, ages, nationalities) or
    organisation (organisation nouns) at the centre of attention, unless a name was written with
    the same role words ("Foreign Secretary Jack Straw", "magazine Mobile PC") or the entity
    extractor gives one person that role. "an IAAF spokesman" speaks for IAAF.
    """
    words = description.split()
    if len(words) < 2 or words[0].lower() not in ("the", "a", "an"):
        return None
    rest = words[1:]
    head = rest[-1].lower()
    caps = [w for w in rest[:-1] if w[:1].isupper()]
    if head in SPOKES_NOUNS and caps:
        return " ".join(caps), False
    if words[0].lower() != "the" or head in SPOKES_NOUNS or any(_POSSESSIVE_END.search(w) for w in rest):
        return None  # "the spokesman", "the prime minister's official spokesman": unnamed sources
    aged = any(w.lower().endswith("-year-old") for w in rest)
    if head in PERSON_NOUNS or aged or (len(rest) == 1 and rest[0][:1].isupper()):
        person = True
    elif head in ORG_NOUNS:
        person = False
    else:
        return None
    # Every modifier must fit a role ("the Conservative leader" is not any leader); an age never does.
    modifiers = {w.lower() for w in rest[:-1] if not w.lower().endswith("-year-old")}

    def fits(role: str) -> bool:
        role_words = set(role.split())
        return head in role_words and modifiers <= role_words

    best: Mention | None = None
    for item in ctx.named:
        if (item.para, item.offset) >= (para, offset):
            break
        if fits(item.role):  # the role written with the name says what it is: "magazine Mobile PC"
            best = item
    if best is not None:
        return best.name, person
    if person:
        holders = [name for name, role in ctx.roles.items() if fits(role)]
        if len(holders) == 1:
            return holders[0], True
    latest = latest_item(ctx.salient, para, offset, reach=2, person=person)
    return (latest.who, person) if latest is not None else None


def read_narration(masked: list[str], entities: Entities | None) -> Context:
    """Who is named outside quotation marks; subjects and speakers come in reading order (`read_until`)."""
    mentions, named = _names(masked)
    roles = {p.name: p.role.lower() for p in entities.people if p.role} if entities is not None else {}
    orgs: frozenset[str] | None = None
    if entities is not None:
        orgs = frozenset(
            n.casefold() for o in entities.organizations for n in (o.name, o.abbreviation, *o.aliases) if n
        )
    sentences: list[tuple[int, int, int]] = []
    for para, plain in enumerate(masked):
        start = 0
        for end in sorted({m.end() for m in _NARRATION_END.finditer(plain)} | {len(plain)}):
            sentences.append((para, start, end))
            start = end
    sentences.reverse()  # popped from the end, in reading order
    return Context(mentions, named, [], [], roles, orgs, masked, sentences, frozenset(m.name for m in mentions))


def read_until(ctx: Context, para: int, offset: int) -> None:
    """Take in the subjects and speakers of the narration's sentences that start before (para, offset)."""
    while ctx.sentences and ctx.sentences[-1][:2] <= (para, offset):
        at, start, end = ctx.sentences.pop()
        subject = _sentence_subject(ctx.masked[at], at, start, end, ctx)
        if subject is not None:
            bisect.insort(ctx.salient, subject, key=position)
        event = _speech_event(ctx.masked[at][start:end], at, start, ctx)
        if event is not None:
            bisect.insort(ctx.events, event, key=position)
            named = event.referent is not None or event.name in ctx.person_names
            if named and (subject is None or (event.person and not subject.person)):
                bisect.insort(ctx.salient, event, key=position)


def position(item: Mention) -> tuple[int, int]:
    return (item.para, item.offset)


def _speech_event(sentence: str, para: int, start: int, ctx: Context) -> Mention | None:
    """The subject of the first speech verb of a sentence: "Ms Tymoshenko said prosecutors had..."."""
    match = SPEECH.search(sentence)
    if not match:
        return None
    # The words after the last quote mark: a blanked quote is no subject ('"   ," Mr Li said').
    before = _LAST_QUOTE_MARK.split(sentence[: match.start()])[-1]
    who = match.group("who") or subject_before_verb(before)
    if not who:
        return None
    speaker, referent, person = resolve_speaker(who, para, start + match.start(), ctx)
    return Mention(para, start + match.start(), speaker, referent, person) if speaker else None


def _sentence_subject(plain: str, para: int, start: int, end: int, ctx: Context) -> Mention | None:
    """The name, pronoun or description a sentence of narration opens with, resolved."""
    opening = _subject_start(plain, start, end)
    if opening is None:
        return None
    pos, word = opening
    lower = word.lower()
    if lower in ("he", "she", "it"):
        item = latest_item(ctx.salient, para, pos, reach=2 if lower != "it" else 1, person=lower != "it")
        return Mention(para, pos, word, item.who, item.person) if item else None
    other: Mention | None = None
    found: Mention | None = None
    for item in ctx.named[bisect.bisect_left(ctx.named, (para, pos), key=position) :]:
        prefix = plain[pos : item.offset].split() if item.para == para else ["-"]
        if len(prefix) > 8 or any(not _role_like(w) for w in prefix):
            break
        if item.person:
            found = item  # "Former Manfred Mann singer Paul Jones": the last name of the run
        elif found is None and other is None and (not prefix or prefix == ["The"]):
            other = item  # "The Beijing News said": an organisation, unless a person follows
    if found is not None:
        return found
    if other is not None and (_is_org(other.name, ctx) if ctx.orgs is not None else " " in other.name):
        return other
    description = _SUBJECT_DESCRIPTION.match(plain[pos:end])
    if description:
        head = description.group(1).lower()
        if head in _SUBJECT_HEADS or head.endswith("-year-old"):
            text = description.group(0)
            described = _describe(text, para, pos, ctx)
            if described is not None:
                return Mention(para, pos, text, described[0], described[1])
    return None


def _subject_start(plain: str, start: int, end: int) -> tuple[int, str] | None:
    """Where a sentence's subject starts and its first word, past "But", "And", "Earlier,", "On Monday, ...,"."""
    lead = _SUBJECT_LEAD.match(plain[start:end])
    pos = start + (lead.end() if lead else 0)
    while True:
        word = _SUBJECT_WORD.match(plain[pos:end])
        if not word:
            return None
        lower = word.group(1).lower()
        if lower in _SENTENCE_CONNECTIVES:
            pos += word.end()
        elif lower in ADVERBIAL_STARTS and lower not in ("the", "a"):
            comma = plain.find(",", pos, min(end, pos + 60))
            if comma < 0:
                return None
            pos = comma + 1
            while pos < end and plain[pos].isspace():
                pos += 1
        else:
            return pos, word.group(1)


def _role_like(word: str) -> bool:
    """A word that may come before a name in a sentence subject: "Republic of Ireland manager"."""
    lower = word.lower().rstrip(",")
    return word[:1].isupper() or lower in _PARTICLE_WORDS or lower in PERSON_NOUNS or lower in TITLE_WORDS


def _names(masked: list[str]) -> tuple[list[Mention], list[Mention]]:
    """Likely people named outside quotation marks, and every name there, in reading order."""
    mentions: list[Mention] = []
    named: list[Mention] = []
    known_tokens: set[str] = set()
    for para, plain in enumerate(masked):
        for match in NAME_RE.finditer(plain):
            before = plain[max(0, match.start() - 40) : match.start()]
            lead: list[str] = []
            if before[-1:].isspace():
                for word in reversed(before.split()[-2:]):
                    if not word[:1].islower():
                        break
                    lead.insert(0, word)
            role = " ".join(lead)
            words = match.group(0).split()
            titles = [w.lower() for w in words if w.lower() in TITLE_WORDS]
            role = " ".join([role, *titles]).strip()
            if before[-4:].lower() == "the ":
                # "the Six Nations", "the American": events, groups, descriptions
                name = clean_name(match.group(0))
                if name:
                    named.append(Mention(para, match.start(), name, person=False, role=role))
                continue
            name = _person_name(match.group(0), known_tokens)
            if name:
                known_tokens.update(name.split()[-2:] if len(name.split()) > 1 else ())
                mention = Mention(para, match.start(), name, role=role)
                mentions.append(mention)
                named.append(mention)
            else:
                other = _LEADING_ARTICLE.sub("", match.group(0))
                if other.lower() not in _NOT_A_NAME:
                    named.append(Mention(para, match.start(), other, person=False, role=role))
    return mentions, named


def _person_name(candidate: str, known_tokens: set[str]) -> str | None:
    """The person part of a capitalised run ("Japanese Prime Minister Sanae Takai" -> "Sanae Takai")."""
    words = _POSSESSIVE_AND_AFTER.sub("", candidate).split()
    if any(bare(w) in HONORIFICS for w in words[:-1]):
        start = max(i for i, w in enumerate(words[:-1]) if bare(w) in HONORIFICS)
        return " ".join(words[start:])
    titled = [i for i, w in enumerate(words) if is_title(w)]
    if titled:
        words = words[titled[-1] + 1 :]
    while words and words[0].lower() in _NOT_NAME_START:
        words = words[1:]
    if not words or any(w.lower() in NOT_PERSON_WORDS or w.lower() in _PARTICLE_WORDS for w in words):
        return None
    if len(words) == 1:
        return words[0] if words[0] in known_tokens else None
    return " ".join(words) if len(words) <= 4 else None


def _latest(items: list[Mention], para: int, offset: int, *, reach: int = 1) -> str | None:
    """The name of the last item before (para, offset), within `reach` previous paragraphs."""
    item = latest_item(items, para, offset, reach=reach)
    return item.name if item else None


def latest_item(
    items: list[Mention], para: int, offset: int, *, reach: int = 1, person: bool | None = None
) -> Mention | None:
    """The last item before (para, offset) within `reach` previous paragraphs (of the kind asked)."""
    best: Mention | None = None
    for item in items:
        if (item.para, item.offset) >= (para, offset):
            break
        if item.para >= para - reach and (person is None or item.person == person):
            best = item
    return best
