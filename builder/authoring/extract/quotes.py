"""Quotations and who said them, found with hand-written attribution patterns.

Only double quotation marks (straight, curly, or two apostrophes) delimit quotes: single marks
are too often apostrophes. The headline (``p0``) is skipped because headline quotes repeat body quotes
without attribution.

A quote left open at the end of a paragraph and continued by a next paragraph that opens with
a quote mark (the news convention for multi-paragraph quotes) is one `Quote`: its ``text`` is
the verbatim parts joined by a single space and its ``evidence`` lists every paragraph. A quote
reopened inside its own paragraph before it closed ('...26 weeks. "We are...') gives one
`Quote` per part, all with the same speaker, so every single-paragraph text is verbatim.
A quote resumed right after its own attribution ('"...," she said. "..."', or a whole-paragraph
quote after an attributed one) is one `Quote` too, its parts joined by a single space.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from ...model import Article, Quote
from .entities import Entities, resolve_name
from .lexicon import NOT_PERSON_WORDS, TITLE_WORDS, word_set

_OPENING_CONTEXT = " \t\n([{\u2014\u2013-/"
_CLOSING_CONTEXT = " \t\n.,;:!?)]}\u2014\u2013-/'\u2019"


def _by_first_letter(words: str, *patterns: str) -> str:
    """`|`-separated words, then patterns, as one alternation nested by first letter.

    The regex engine tries the alternatives of a group one by one at every word; nested, it
    tries only those of the right letter. The order within a letter is kept, so the same
    alternative wins as in the flat group.
    """
    groups: dict[str, list[str]] = {}
    for alternative in (*words.split("|"), *patterns):
        groups.setdefault(alternative[0], []).append(alternative[1:])
    return "(?:" + "|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in groups.items()) + ")"


# Speech verbs: only these make a quote attributed. "agreed to continue" or "spoke about" are
# not speech attributions, so phrases quoted next to them stay unattributed fragments.
_VERB = _by_first_letter(
    "says|said|say|tells|told|adds|added|writes|wrote|explains|explained|states|stated|notes|noted"
    "|insists|insisted|warns|warned|argues|argued|claims|claimed|asks|asked|replies|replied|continues"
    "|continued|declared|announced|admits|admitted|commented|remarked|suggests|suggested|urges|urged"
    "|stresses|stressed|conceded|acknowledged|confirmed|tweeted|posted|recalls|recalled|predicted"
    "|joked|quipped|responded|countered|concluded|promised|vowed|revealed|maintains|maintained"
    "|complained|described|insist|told reporters|went on|pointed out|observed|cautioned|boasted"
    "|emphasized|emphasised|emphasizes|reiterated|repeated|answered|answers|responds|retorted|pressed"
    "|interjected|exclaimed|shouted|yelled|wondered|mused|lamented|bragged|asserted|contended|charged"
    "|pleaded|reasoned|proclaimed|declares|thundered|pledged|reported|reports|blogged|emailed|texted"
    "|tweets|posts|concludes|points out|put it|puts it|shot back|fired back|chimed in|summed up|recounted"
    "|testified|assured|affirms|affirmed|opined|scoffed|snapped|counters|predicts|remembered|recalls"
    "|acknowledges|conceded|concedes|cautions|began|started|offered|read|reads|advised|replied|agrees",
    r"agreed(?=\s*(?:[,.;:!?\"\u201c\u201d]|$))",
)
# After a quote a verb may come first: '"...," agreed Mr Brown.' ("agreed to" is no attribution).
_VERB_FIRST = rf"(?:{_VERB}|agreed)"
_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady|Rev|King|Queen|Prince|Princess|Pope)[.\u02d1]?"
# "Steve Cohen, Democrat of Tennessee," / "Ron Johnson, R-Wis.,": a party, not a speaker.
_AFFILIATION = re.compile(r"(?:Democrat|Republican|Independent)\s+of\s|[RDI]-[A-Z]")
_PARENTHETICAL = re.compile(r"\((?:[RDI]|[RDI]-[\w. ]{1,16}|pictured|left|right|above|below)\)")
_TITLE_ABBREVIATIONS = word_set("sen sens gov govs rep reps gen col lt sgt capt cmdr adm maj atty pres sec supt det")
# Stands in for the full stop of an abbreviation while attributions are read (a letter, so the
# abbreviation stays one word: "Mr\u02d1 Allen", "H\u02d1W\u02d1").
_ABBREVIATION_DOT = "\u02d1"
_ABBREVIATION = re.compile(
    r"(?<![\w.'\u2019])(?:(?P<word>(?i:mr|mrs|ms|dr|prof|sr|jr|st|mt|gen|col|lt|sgt|capt|cmdr|adm|gov|govs|sen|sens"
    r"|rep|reps|rev|hon|atty|maj|pres|sec|supt|det|ft|no|vs))\.(?=\s)|[A-Z](?:\.[A-Z])*\.(?=\s+[A-Z][a-z]))"
)
# A capitalised token: "Jae-myeong", "O'Brien", "McDonald"; a possessive "'s" is not part of it.
_CAP = r"(?:[A-Z](?:[\w\-]|['\u2019](?=[A-Z]))*)"
_PARTICLE = r"(?:de|van|von|der|den|al|bin|da|di|du|la|le|of|the|and|for)"
_NAME = (
    rf"(?:{_HONORIFIC}\s+)?{_CAP}(?:\s+(?:{_PARTICLE}\s+)*{_CAP}){{0,5}}"
    r"(?:['\u2019]s\s+(?:[a-z]+\s+){0,2}(?:office|spokesman|spokeswoman|spokesperson|lawyers?|team|camp"
    r"|aides?|agent|representatives?|ministry|government|statement|website|club|manager))?"
)
# Every name starts with a capital: the lookahead spares the engine trying the rest elsewhere.
_NAME_RE = re.compile(rf"(?=[A-Z]){_NAME}")
_PRONOUN = r"(?i:he|she|they|we|it|i)"
_DET_PHRASE = r"(?i:the|a|an|one|another|his|her|its|their|some|many|several)\s+(?:[\w'\u2019\-]+\s+){0,5}[\w\-]+"
_ADVERBS = r"(?:also|later|then|further|simply|again|previously|recently|earlier|once|has|had|have|meanwhile)"
_ADVERB = rf"(?:{_ADVERBS}\s+)*"
_TRAILING_ADVERBS = re.compile(rf"(?:\s+{_ADVERBS})+$")

# `"...," Mr Brown said.` / `"...," he added.` / `"...", Roy Asher, an economist, told Reuters.`:
# up to twelve words before the first speech verb after the quote; `_subject` picks the speaker.
_POST_CLAUSE = re.compile(rf"^[\s,\u2014\u2013-]*(?P<before>[^.!?;:\"\u201c\u201d]{{1,160}}?)\s+{_ADVERB}{_VERB}\b")
# `"...," said Mr Brown, chief executive.` / `"...", according to officials.`
_POST_VERB_FIRST = re.compile(
    rf"^[\s,\u2014\u2013-]*(?:{_VERB_FIRST}|according to)\s+"
    rf"(?P<speaker>(?:{_HONORIFIC}\s+)?[^,.;:!?\"\u201c\u201d]+?)"
    r"(?=\s*(?:[,.;:!?\"\u201c\u201d]|$|\s(?:who|which|that|in|on|at|when|after|before|as)\s))"
)
# `"...," Arab News quoted Prince Saud as saying.`
_QUOTED_AS_SAYING = re.compile(rf"\bquoted\s+(?P<speaker>{_NAME}|{_DET_PHRASE})\s+as\s+saying\b")
# `Lee said: "` / `Takai wrote on X, "` / `X's office said in a statement, "`: the LAST speech
# verb in the sentence before the quote, its adjunct (up to eight words) and the punctuation.
_PRE_VERB = re.compile(rf"\b{_VERB}\b(?P<adjunct>(?:\s+[^\s,:\"\u201c\u201d]+){{0,8}}?)\s*(?P<punct>[:,]?)\s*$")
# `Lee responded, saying, "` / `The office issued a statement, adding: "`: a participle whose
# subject is the clause's own.
_PARTICIPLE = (
    r"(?:saying|adding|stating|writing|noting|declaring|explaining|insisting|warning|telling\s+\w+|tweeting"
    r"|posting|asking|arguing|asserting|claiming|joking|quipping|responding|replying|recalling|concluding)"
)
_PRE_PARTICIPLE = re.compile(
    rf"(?:^|[,;\u2014\u2013-]|\band)\s*(?:{_ADVERBS}\s+)?{_PARTICIPLE}(?P<adjunct>(?:\s+[^\s,:\"\u201c\u201d]+){{0,4}}?)"
    r"\s*(?P<punct>[:,]?)\s*$"
)
# The subject of a clause: the words before its verb ("issued", "took to", "went on").
_CLAUSE_SUBJECT = re.compile(
    r"(?P<subject>(?:[\w.'\u2019\-]+\s+){0,5}?[\w.'\u2019\-]+)\s+"
    r"(?:[a-z]+ed|took|went|wrote|sent|put|gave|made|spoke|has|had|is|was|also|later|then)\b"
)
# `…" ― Krystal Correa`: a dash and the name under a quote.
_DASH_SPEAKER = re.compile(rf"^\s*[\u2015\u2014\u2013]\s*(?P<speaker>{_NAME})\s*[,.]?\s*$")
_ACCORDING_TO = re.compile(rf"^(?:[Bb]ut\s+|[Aa]nd\s+)?[Aa]ccording\s+to\s+(?P<speaker>{_NAME}|{_DET_PHRASE})\s*[,:]?$")
# `X added that funding was short: "...`: a that-clause of any length ended by a colon.
_PRE_THAT_COLON = re.compile(rf"\b{_VERB}\s+that\b[^\"\u201c\u201d]*:\s*$")
# In narration (quotes blanked out) a closing mark before a capital also ends a sentence.
_NARRATION_END = re.compile(
    r"[.!?][\"'\u201d\u2019)]*\s+(?=[\"\u201c(]?[A-Z0-9])|[\"\u201d](?=\s+[A-Z])|[.!?]\s+(?=[\"\u201c])"
)
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+(?=[\"\u201c(]?[A-Z0-9])")
_CONNECTIVES = word_set("but and or so yet also however meanwhile now then later earlier still speaking")
_DETERMINERS = word_set("the a an one another his her its their some many several")
# Words that start a clause, not a subject, when they follow a quote: '"...", which he said ...'.
_NOT_SUBJECT_START = word_set("which who whom whose that because if although though is was were are what")
_ADVERBIAL_STARTS = word_set(
    """in on at after before during since until while when as by for from with without under over
    last next this yesterday today tonight earlier later speaking separately meanwhile asked"""
)
_TITLE_MODIFIERS = word_set("home foreign shadow deputy general state former vice chief")
_HONORIFICS = word_set("mr mrs ms miss dr prof sir dame lord lady rev king queen prince princess pope")
_PARTICLE_WORDS = word_set("of the and for")
_NOT_A_NAME = _CONNECTIVES | _ADVERBIAL_STARTS | _NOT_SUBJECT_START | _DETERMINERS | word_set("he she it they we i")
# Head nouns of descriptions that stand for a person or an organisation named earlier.
_PERSON_NOUNS = TITLE_WORDS | word_set(
    """player forward winger keeper full-back centre-back batsman bowler runner sprinter athlete
    driver rider golfer boxer fighter international veteran youngster teenager singer actor actress
    musician rapper star director producer writer author novelist presenter comedian artist designer
    minister chancellor premier politician mp mep candidate campaigner activist lawyer barrister
    analyst economist expert professor scientist researcher doctor founder owner investor entrepreneur
    boss chief executive chairman official spokesman spokeswoman frenchman englishman scotsman
    welshman irishman dutchman spaniard italian german briton american australian scot"""
) - word_set("former then-prime then-president vice state foreign home shadow deputy general")
_ORG_NOUNS = word_set(
    """company firm group magazine newspaper paper bank club airline carrier retailer manufacturer
    maker network broadcaster channel agency organisation organization association federation union
    watchdog regulator commission website studio label publisher operator chain insurer lender
    supermarket brewer charity giant corporation conglomerate insurer developer"""
)
_SPOKES_NOUNS = word_set("spokesman spokeswoman spokesperson representative statement source")
# Unions used in hot loops, built once.
_NOT_POST_SUBJECT = _NOT_SUBJECT_START | _ADVERBIAL_STARTS | _CONNECTIVES
_LEADING_CONNECTIVES = _CONNECTIVES | {"while", "whereas"}
_NOT_NAME_WORDS = _NOT_SUBJECT_START | _DETERMINERS | _CONNECTIVES
_DESCRIPTION_HEADS = _PERSON_NOUNS | _ORG_NOUNS | _SPOKES_NOUNS
_SUBJECT_HEADS = _PERSON_NOUNS | _ORG_NOUNS
_SENTENCE_CONNECTIVES = _CONNECTIVES | {"and", "but", "however"}
_NOT_NAME_START = _CONNECTIVES | _ADVERBIAL_STARTS | {"the"}
_QUOTE_MARK = re.compile('["\u201c\u201d]')
_DOUBLED_APOSTROPHES = re.compile("'''?")
_POSSESSIVE_END = re.compile(r"['\u2019]s$")
_OWNER = re.compile(rf"({_CAP}(?:\s+{_CAP})+)\s+(?:of|at|from)\s")
_WORD_CHAR = re.compile(r"\w")
_ONLY_PUNCTUATION = re.compile(r"[.!?,;:\u2014\u2013-]*")
_THAT = re.compile(r"\bthat\b")
_TRAILING_LOWER_WORDS = re.compile(r"(?:\s+[a-z]+)+$")
_DIGITS = re.compile(r"[\d\s]+")
_PRONOUN_RE = re.compile(_PRONOUN)
_DESCRIPTION = re.compile(rf"(?:{_DET_PHRASE})$")
_DESCRIPTION_TAIL = re.compile(r"(?:^|\s)((?:the|a|an)\s+(?:[\w'\u2019\-]+\s+){0,3}([\w\-]+))$")
_LEADING_PERSON = re.compile(
    rf"((?:{_HONORIFIC}\s+)?{_CAP}(?:\s+{_CAP})+)\s+(?:[a-z][\w\-]*\s+){{0,6}}(?:of|at|from)\s+\S"
)
_FINAL_NAME = re.compile(rf"(?:^|\s)({_NAME})$")
_SUBJECT_LEAD = re.compile(r"[\s\"\u201c\u201d,;:\u2014\u2013-]*")
_SUBJECT_WORD = re.compile(r"(\w+)[,]?\s+")
_SUBJECT_DESCRIPTION = re.compile(r"(?:the|The)\s+(?:[\w\-'\u2019]+\s+){0,4}?([\w\-]+)\b(?!\s+[A-Z])")
_LEADING_ARTICLE = re.compile(r"^(?:The|A|An)\s+")
_POSSESSIVE_AND_AFTER = re.compile(r"['\u2019]s\b.*$")
_SPEECH = re.compile(rf"\baccording to\s+(?P<who>{_NAME}|{_DET_PHRASE})|\b{_VERB}\b")
# A closing mark that also ends the sentence: '...favourites." Meanwhile' or the paragraph's end.
_QUOTE_ENDS_SENTENCE = re.compile(r"[\s\"\u201d]*$|[.!?][\"\u201d\u2019]*\s+[\"\u201c(]?[A-Z0-9]")


@dataclass(frozen=True)
class _Span:
    """One run of quoted text in a paragraph; `open_end` = closed implicitly, not by a mark."""

    para: int
    start: int
    end: int
    open_end: bool
    closing: int
    """Offset just after the closing mark (== end when there is none)."""


@dataclass(frozen=True)
class _Mention:
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
class _Context:
    """What the narration (text outside quotation marks) says about who is who, in reading order."""

    mentions: list[_Mention]
    """Likely people named outside quotes."""
    named: list[_Mention]
    """Every capitalised name outside quotes, people and others, with the role words before it."""
    salient: list[_Mention]
    """Sentence subjects and speakers, pronouns and descriptions resolved: the centre of attention."""
    events: list[_Mention]
    """Speakers, for quotes that continue the last one."""
    roles: dict[str, str]
    """Lower-case roles of the entity extractor's people, by name."""
    orgs: frozenset[str] | None
    """Case-folded organisation names, when the entity extractor's output is at hand."""
    masked: list[str]
    sentences: list[tuple[int, int, int]]
    """Narration sentences (paragraph, start, end) not yet read, the next one last."""
    person_names: frozenset[str] = frozenset()


def extract_quotes(article: Article, entities: Entities | None = None) -> tuple[Quote, ...]:
    """Every double-quoted passage of the body, with its attribution as written and evidence.

    With `entities` (the entity extractor's output for the same article) each attributed quote's
    `speaker` is the entity id of the person or organisation meant, else the name as written;
    without it `speaker` stays None for the caller to resolve.
    """
    paragraphs = tuple(_normalise_marks(text) for text in article.paragraphs)
    spans = [_find_spans(i, text) for i, text in enumerate(paragraphs)]
    # Attribution is read where abbreviations ("Mr.", "Sen.", "H.W.") no longer end sentences.
    plain = tuple(_protect_abbreviations(text) for text in paragraphs)
    masked = [_mask(text, spans[i]) for i, text in enumerate(plain)]
    ctx = _narration(masked, entities)
    quotes: list[Quote] = []
    previous: _Span | None = None
    for group in _group_spans(spans, paragraphs):
        first, last = group[0], group[-1]
        if not _has_words(" ".join(paragraphs[s.para][s.start : s.end] for s in group)):
            continue
        pre, interrupted = _sentence_before(plain[first.para], first.start - 1)
        post = _sentence_after(plain[last.para], last.closing)
        speaker, pre_standalone = _attribute(pre, post, interrupted=interrupted)
        standalone = (pre_standalone or not pre) and _post_ok(post)
        where = (first.para, first.start)
        _read_until(ctx, *where)
        referent: str | None = None
        person = True
        # '"...," she said. "..."': one quote, interrupted by its attribution, goes on.
        goes_on = previous is not None and _goes_on(plain, previous, first)
        goes_on = goes_on and (speaker is None or (interrupted and speaker == _post_speaker(pre)))
        if speaker is None:
            # News convention: a quote with no attribution of its own continues the last speaker.
            event = _latest_item(ctx.events, *where) if standalone else None
            if event is not None:
                speaker, referent, person = event.name, event.referent, event.person
        else:
            speaker, referent, person = _refer(speaker, *where, ctx)
        if speaker is not None:
            bisect.insort(ctx.events, _Mention(*where, speaker, referent, person), key=_position)
            bisect.insort(ctx.salient, _Mention(*where, speaker, referent, person), key=_position)
        speaker_id = _speaker_id(entities, speaker, referent) if entities is not None and speaker else None
        previous = last
        for index, pieces in enumerate(_split_runs(group)):
            text = " ".join(t for t in (_trim(paragraphs[s.para][s.start : s.end]) for s in pieces) if t)
            if not _has_words(text):
                continue
            # Later runs of a run-on quote start a sentence of their own, so only the first can be embedded.
            fragment = not (standalone or index > 0) or len(text.split()) < 3
            if fragment:
                text = text.rstrip(",;:") if text.endswith("..") else text.rstrip(",;:.")
            evidence = tuple(dict.fromkeys(f"p{s.para + 1}" for s in pieces))
            shown = speaker.replace(_ABBREVIATION_DOT, ".") if speaker else None
            quote = Quote(speaker=speaker_id, speaker_name=shown, text=text, fragment=fragment, evidence=evidence)
            before = quotes[-1] if quotes and index == 0 and goes_on else None
            same = before is not None and _last_word(before.speaker_name) == _last_word(shown)
            if before is not None and same and not (before.fragment or fragment):
                quote = replace(
                    before,
                    text=f"{before.text} {text}",
                    evidence=tuple(dict.fromkeys((*before.evidence, *evidence))),
                )
                quotes.pop()
            quotes.append(quote)
    return tuple(quotes)


def _last_word(name: str | None) -> str | None:
    return name.split()[-1] if name else None


def _goes_on(paragraphs: tuple[str, ...], previous: _Span, first: _Span) -> bool:
    """Whether only the last quote's own attribution stands between it and the quote at `first`.

    In the same paragraph or at the start of the next one: '"...," Ms Vance said. "..."'.
    """
    if first.para == previous.para:
        gap = paragraphs[first.para][previous.closing : first.start - 1]
    elif first.para == previous.para + 1 and not paragraphs[first.para][: first.start - 1].strip():
        gap = paragraphs[previous.para][previous.closing :]
    else:
        return False
    gap = gap.strip()
    if not gap or _ONLY_PUNCTUATION.fullmatch(gap):
        return True
    return len(gap) < 200 and _SENTENCE_END.search(gap) is None and _post_speaker(gap) is not None


def _refer(speaker: str, para: int, offset: int, ctx: _Context) -> tuple[str | None, str | None, bool]:
    """(speaker as shown, who it stands for, is a person) for an attribution as written.

    "he"/"she" become the centre of attention (the last subject or speaker outside quotes); "it"
    the last organisation in that role; "the Tottenham striker" / "the magazine" keep their words
    and refer to the named person or organisation they describe; "Mr Blair" refers to the nearest
    full mention of a Blair.
    """
    lower = speaker.lower()
    if lower in ("he", "she"):
        item = _latest_item(ctx.salient, para, offset, reach=2, person=True)
        name = item.who if item else _latest(ctx.mentions, para, offset, reach=2) or _latest(ctx.events, para, offset)
        return name, None, True
    if lower == "it":
        # "it said": the organisation last at the centre of attention, if that was not a person.
        item = _latest_item(ctx.salient, para, offset, reach=1)
        if item is None or item.person or not (item.referent or _is_org(item.who, ctx)):
            return None, None, False
        return item.who, None, False
    if lower in ("they", "we", "i"):
        return None, None, False  # groups and first persons: too often wrong to guess
    described = _describe(speaker, para, offset, ctx)
    if described is not None:
        return speaker, described[0], described[1]
    if speaker.split()[0].lower() in _DETERMINERS:
        return speaker, None, True
    person = speaker in ctx.person_names or not _is_org(speaker, ctx)
    return speaker, _full_name(speaker, para, offset, ctx), person


def _is_org(name: str, ctx: _Context) -> bool:
    if ctx.orgs is not None:
        return name.replace(_ABBREVIATION_DOT, ".").casefold() in ctx.orgs
    return name not in ctx.person_names


def _full_name(name: str, para: int, offset: int, ctx: _Context) -> str | None:
    """The nearest earlier full mention a surname stands for: "Mr Blair" -> "Tony Blair"."""
    words = [w for w in name.split() if _bare(w) not in _HONORIFICS]
    if len(words) != 1:
        return None
    best: str | None = None
    for item in ctx.mentions:
        if (item.para, item.offset) >= (para, offset):
            break
        parts = [w for w in item.name.split() if _bare(w) not in _HONORIFICS]
        if len(parts) > 1 and parts[-1] == words[0]:
            best = " ".join(parts)
    return best


def _describe(description: str, para: int, offset: int, ctx: _Context) -> tuple[str, bool] | None:
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
    if head in _SPOKES_NOUNS and caps:
        return " ".join(caps), False
    if words[0].lower() != "the" or head in _SPOKES_NOUNS or any(_POSSESSIVE_END.search(w) for w in rest):
        return None  # "the spokesman", "the prime minister's official spokesman": unnamed sources
    aged = any(w.lower().endswith("-year-old") for w in rest)
    if head in _PERSON_NOUNS or aged or (len(rest) == 1 and rest[0][:1].isupper()):
        person = True
    elif head in _ORG_NOUNS:
        person = False
    else:
        return None
    # Every modifier must fit a role ("the Conservative leader" is not any leader); an age never does.
    modifiers = {w.lower() for w in rest[:-1] if not w.lower().endswith("-year-old")}

    def fits(role: str) -> bool:
        role_words = set(role.split())
        return head in role_words and modifiers <= role_words

    best: _Mention | None = None
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
    latest = _latest_item(ctx.salient, para, offset, reach=2, person=person)
    return (latest.who, person) if latest is not None else None


def _speaker_id(entities: Entities, speaker: str, referent: str | None) -> str:
    """The entity id for a speaker (its referent first), else the name as written."""
    speaker = speaker.replace(_ABBREVIATION_DOT, ".")
    referent = referent.replace(_ABBREVIATION_DOT, ".") if referent else None
    surfaces = [referent, speaker]
    for name in (referent, speaker):
        words = name.split() if name else []
        titled = [i for i, w in enumerate(words[:-1]) if _is_title(w)]
        if titled:
            surfaces.append(" ".join(words[titled[-1] + 1 :]))  # "Labour MP Karen Buck" is Karen Buck
    owner = _OWNER.match(speaker)
    if owner:
        surfaces.append(owner.group(1))  # "Mark Tuffy of THX" is Mark Tuffy
    found = next((i for i in (resolve_name(entities, s) for s in surfaces if s) if i), None)
    last = (referent or speaker).split()[-1]
    if last[:1].isupper() and len((referent or speaker).split()) > 1:
        # "Man-of-the-match Duff" found once is the Duff the article keeps naming.
        by_surname = resolve_name(entities, last)
        mentions = {p.id: p.mentions for p in entities.people}
        if by_surname and (found is None or mentions.get(found, 0) <= 1 < mentions.get(by_surname, 0)):
            found = by_surname
    return found or referent or speaker


def _protect_abbreviations(text: str) -> str:
    """The text with the full stops of abbreviations replaced by `_ABBREVIATION_DOT` and short
    asides in brackets ("Jason Chaffetz (R-Utah) said") blanked, offsets kept."""
    text = _PARENTHETICAL.sub(lambda m: " " * len(m.group()), text)
    if "." not in text:
        return text
    return _ABBREVIATION.sub(_abbreviation, text)


def _abbreviation(match: re.Match[str]) -> str:
    """An initial stays in a name ("said R. Gil Kerlikowske", "George H.W. Bush"); a dotted acronym
    after a lower-case word ends a sentence ("in the U.S. The")."""
    if match.group("word") is None and len(match.group()) > 2:
        words = match.string[: match.start()].split()
        if words and not words[-1][:1].isupper() and words[-1][-1:] not in '"\u201c(':
            return match.group()
    return match.group().replace(".", _ABBREVIATION_DOT)


def _bare(word: str) -> str:
    """A word lower-cased without its abbreviation stop: "Mr." and "Mr\u02d1" are "mr"."""
    return word.lower().rstrip("." + _ABBREVIATION_DOT)


def _is_title(word: str) -> bool:
    """A title word written out or abbreviated: "Senator", "Sen.", "Gov."."""
    return word.lower() in TITLE_WORDS or (word[-1:] in "." + _ABBREVIATION_DOT and _bare(word) in _TITLE_ABBREVIATIONS)


def _normalise_marks(text: str) -> str:
    """Two apostrophes written for a double mark (''Yes,'' he said) become one, offsets kept.

    The freed character becomes a space on the side away from the quoted words, so a quote's text
    stays as written; of three marks the single one stays on the quoted words' side.
    """
    if "''" not in text:
        return text
    return _DOUBLED_APOSTROPHES.sub(_one_mark, text)


def _one_mark(match: re.Match[str]) -> str:
    start = match.start()
    if start == 0:  # the paragraph opens with the quote: keep the mark first
        return "\" '" if len(match.group()) == 3 else '" '
    closing = not match.string[start - 1].isspace()
    if len(match.group()) == 3:
        return "'\" " if closing else " \"'"
    return '" ' if closing else ' "'


def _mask(text: str, spans: list[_Span]) -> str:
    """The paragraph with quoted words blanked out (same offsets), leaving the narration."""
    chars = list(text)
    for span in spans:
        chars[span.start : span.end] = " " * (span.end - span.start)
    return "".join(chars)


def _has_words(text: str) -> bool:
    return _WORD_CHAR.search(text) is not None


def _split_runs(group: list[_Span]) -> list[list[_Span]]:
    """A run-on quote is one `Quote` per paragraph-crossing chain, so each text stays verbatim.

    Within a paragraph, a quote reopened before it was closed ('...weeks. "We are...') gives
    separate quotes; a quote left open at a paragraph's end joins the next paragraph's opening.
    """
    runs: list[list[_Span]] = [[group[0]]]
    for span in group[1:]:
        if span.para == runs[-1][-1].para:
            runs.append([span])
        else:
            runs[-1].append(span)
    return runs


def _find_spans(para: int, text: str) -> list[_Span]:
    """Quoted runs of one paragraph. Straight marks are told apart by what surrounds them."""
    spans: list[_Span] = []
    open_at: int | None = None
    for mark in _QUOTE_MARK.finditer(text):  # straight to each mark, not character by character
        i, ch = mark.start(), mark.group()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch == "\u201c":
            is_open = True
        elif ch == "\u201d":
            # A right mark written for a left one: "\u201dFear. I ..." at the start of a quote.
            is_open = open_at is None and before in _OPENING_CONTEXT and after.isalnum()
        else:
            opens, closes = before in _OPENING_CONTEXT, after in _CLOSING_CONTEXT
            is_open = open_at is None if opens == closes else opens
        if is_open:
            if open_at is not None:  # a new quote opens before the last one closed: a run-on quote
                spans.append(_Span(para, open_at, i, True, i))
            open_at = i + 1
        elif open_at is not None:
            spans.append(_Span(para, open_at, i, False, i + 1))
            open_at = None
    if open_at is not None:
        spans.append(_Span(para, open_at, len(text), True, len(text)))
    return spans


def _group_spans(spans: list[list[_Span]], paragraphs: tuple[str, ...]) -> list[list[_Span]]:
    """Join run-on spans: unclosed then continued in the same or the next paragraph."""
    groups: list[list[_Span]] = []
    pending: list[_Span] = []
    for para, para_spans in enumerate(spans):
        opens_with_quote = paragraphs[para][:1] in '"\u201c'
        if pending and not (para_spans and para_spans[0].start == 1 and opens_with_quote):
            groups.append(pending)  # an unclosed quote the next paragraph does not continue
            pending = []
        for span in para_spans:
            pending.append(span)
            if not span.open_end:
                groups.append(pending)
                pending = []
    if pending:
        groups.append(pending)
    return groups


def _trim(part: str) -> str:
    """Drop whitespace and punctuation that belongs to the attribution, not the quoted words."""
    return part.strip().rstrip(",;:\u2014\u2013- ").strip()


def _sentence_before(text: str, mark: int) -> tuple[str, bool]:
    """The part of the sentence before a quote mark, without any earlier quoted text.

    The flag tells that an earlier quote of the same sentence was cut off: '"...," said X, "..."'.
    """
    head = text[:mark]
    ends = list(_SENTENCE_END.finditer(head + " A"))
    if ends:
        head = head[ends[-1].end() :] if ends[-1].end() <= len(head) else ""
    cut = max(head.rfind('"'), head.rfind("\u201d"), head.rfind("\u201c"))
    return (head[cut + 1 :].strip(), True) if cut >= 0 else (head.strip(), False)


def _sentence_after(text: str, closing: int) -> str:
    """The rest of the sentence after a closing mark, up to any next quote; empty if the quote ended it."""
    tail = text[closing:]
    ended = _QUOTE_ENDS_SENTENCE.match(text, max(closing - 2, 0)) is not None
    end = _SENTENCE_END.search(tail)
    tail = tail[: end.start() + 1] if end else tail
    cut = min((i for i in (tail.find('"'), tail.find("\u201c")) if i >= 0), default=len(tail))
    tail = tail[:cut]
    # '"...?" Ms Vance asked.': a question or exclamation is still attributed after its close.
    return "" if ended and (not tail.strip() or _post_speaker(tail) is None) else tail


def _post_ok(post: str) -> bool:
    """After a standalone quote comes the end of the sentence, an attribution or more quotation."""
    rest = post.strip()
    if not rest or _ONLY_PUNCTUATION.fullmatch(rest) or _DASH_SPEAKER.match(post):
        return True
    return _post_speaker(post) is not None


def _attribute(pre: str, post: str, *, interrupted: bool = False) -> tuple[str | None, bool]:
    """(speaker as written, True if the quote follows `X said:`-style attribution directly)."""
    speaker = _post_speaker(post)
    dash = _DASH_SPEAKER.match(post) if speaker is None else None
    if dash is not None:
        speaker = _clean_name(dash.group("speaker"))
    standalone = not pre or _DASH_SPEAKER.match(pre) is not None  # the signature of the quote before
    according = _ACCORDING_TO.match(pre)
    if according is not None:
        return speaker or _clean_name(according.group("speaker")), True
    participle = _PRE_PARTICIPLE.search(pre)
    if participle:
        that = _THAT.search(participle.group("adjunct"))
        standalone = bool(participle.group("punct")) and not that
        return speaker or _clause_subject(pre[: participle.start()]), standalone
    match = _PRE_VERB.search(pre)
    that_colon = _PRE_THAT_COLON.search(pre)
    if match:
        # `said that "..."` introduces a partial quote; `said: "..."` / `said, "..."` a whole one.
        # A colon ends any that-clause: `added that money was short: "..."` is whole too.
        that = _THAT.search(match.group("adjunct"))
        standalone = match.group("punct") == ":" or (bool(match.group("punct")) and not that)
        if speaker is None:
            # "X was joined on stage by Y and joked, ...": the subject of the coordinated clause.
            speaker = _subject(pre[: match.start()]) or _clause_subject(pre[: match.start()])
    elif that_colon:
        # `Dr Houck added that funding was short: "..."`: a whole quote after the colon.
        standalone = True
        if speaker is None:
            speaker = _subject(pre[: that_colon.start()])
    elif interrupted and speaker is None and _post_speaker(pre):
        # '"...," said Karen Thomson, chief executive, "with many..."': the same speaker goes on.
        speaker = _post_speaker(pre)
        standalone = speaker is not None
    elif pre.endswith(":") and speaker is None:
        # Match-report style "Manchester City boss Kevin Keegan: "...""
        speaker = _final_name(pre[:-1].split(",")[-1].strip())
        standalone = speaker is not None
    return speaker, standalone


def _clause_subject(clause: str) -> str | None:
    """Who a participle's clause is about: "Takai responded, expressing her hopes" -> "Takai".

    A speech verb in the clause gives its subject; otherwise the clause opens with it, after any
    leading adverbials ("On Tuesday, Lee's office issued a statement").
    """
    verb = _SPEECH.search(clause)
    if verb is not None and verb.group("who") is None:
        return _subject(clause[: verb.start()])
    for segment in clause.split(","):
        segment = _strip_connectives(segment.strip())
        if not segment or segment.split()[0].lower() in _ADVERBIAL_STARTS:
            continue
        found = _CLAUSE_SUBJECT.match(segment)
        if found is None:
            return None
        subject = found.group("subject")
        if _PRONOUN_RE.fullmatch(subject) or subject.split()[0].lower() in _DETERMINERS:
            return subject
        return _clean_name(subject) if _NAME_RE.fullmatch(subject) else None
    return None


def _post_speaker(post: str) -> str | None:
    """The speaker named in the attribution that follows a quote, if there is one."""
    match = _QUOTED_AS_SAYING.search(post)
    if match:
        return _clean_name(match.group("speaker"))
    match = _POST_VERB_FIRST.match(post)
    if match and len(match.group("speaker").split()) <= 8:
        speaker = match.group("speaker")
        if speaker[:1].isupper():  # "said Nadal afterwards" -> "Nadal"
            speaker = _TRAILING_LOWER_WORDS.sub("", speaker)
        # "said Pipa director Steven Kull" -> "Steven Kull"; "said the American" stays whole.
        return _final_name(speaker) or _clean_name(speaker)
    match = _POST_CLAUSE.match(post)
    if match:
        before = match.group("before").strip()
        if not before:
            return None
        first = before.split()[0].lower()
        if len(before.split()) <= 12 and first not in _NOT_POST_SUBJECT:
            return _subject(before)
    return None


def _subject(text: str) -> str | None:
    """The speaker at the end of the words before a speech verb, as written.

    Comma-separated appositives give way to the name they describe ("David Frost, director
    general of the BCC, warned"; "Michael Lamberty, a Lufthansa spokesman, told"); a leading
    adverbial ("On Monday,", "In a statement,") is never the subject; titles before a name
    ("state prosecutor Alexis Ortiz") are dropped.
    """
    text = _TRAILING_ADVERBS.sub("", text.strip(' ,;:\u2014\u2013-"')).strip()
    segments = [_strip_connectives(s) for s in text.split(",")]
    segments = [s for s in segments if s and not _DIGITS.fullmatch(s)]  # drop ages: "Mr Li, 45,"
    fallback: str | None = None
    for index in range(len(segments) - 1, -1, -1):
        segment = segments[index]
        words = segment.split()
        if _PRONOUN_RE.fullmatch(words[-1]):
            return fallback or words[-1]
        if words[0].lower() in _ADVERBIAL_STARTS:
            break
        name = _leading_person(segment) or _final_name(segment)
        previous = _final_name(segments[index - 1]) if index > 0 else None
        # A description after a name ("Roy Asher, chief investment officer of X,") is an appositive.
        appositive = previous is not None and (
            name is None or segment[0].islower() or _AFFILIATION.match(segment) is not None
        )
        if name and not appositive:
            return name
        described = _DESCRIPTION.match(segment) or (segment.islower() and len(words) <= 4)
        if fallback is None and described:
            fallback = segment
        tail = _DESCRIPTION_TAIL.search(segment)
        if fallback is None and tail and tail.group(2).lower() in _DESCRIPTION_HEADS:
            fallback = tail.group(1)  # "They have until Friday and an IAAF spokesman said"
        if not appositive:
            break
    return fallback


def _leading_person(segment: str) -> str | None:
    """The person a segment opens with when the rest names where they work: "Dr Mark Tuffy games
    director at digital firm THX", "Ann Lee of Acme" (not "Bank of England chief Mervyn King")."""
    match = _LEADING_PERSON.match(segment)
    if not match:
        return None
    words = [w for w in match.group(1).split() if _bare(w) not in _HONORIFICS]
    if len(words) < 2 or any(_is_title(w) or w.lower() in NOT_PERSON_WORDS for w in words):
        return None
    return _clean_name(match.group(1))


def _strip_connectives(segment: str) -> str:
    words = segment.split()
    while len(words) > 1 and words[0].lower() in _LEADING_CONNECTIVES:
        words = words[1:]  # "But a spokesman", "while the Liberal Democrats"
    return " ".join(words)


def _final_name(segment: str) -> str | None:
    """The capitalised name ending a segment, unless a determiner makes it a description ("the American")."""
    match = _FINAL_NAME.search(segment)
    if not match or match.group(1).split()[0].lower() == "the":
        return None
    before = segment[: match.start(1)].split()
    if before and before[-1].lower() in _DETERMINERS:
        return None
    if segment.split()[0].lower() in _ADVERBIAL_STARTS:
        return None
    return _clean_name(match.group(1))


def _clean_name(name: str) -> str | None:
    """A name as written, minus leading connectives and titles ("But David Frost", "Chancellor Gordon Brown").

    Returns None for function words that only look like names ("The", "It").
    """
    words = name.strip(" ,.;:").split()
    while len(words) > 1 and words[1][:1].isupper() and words[0].lower() in _CONNECTIVES:
        words = words[1:]
    # Drop a leading title only when a core title word ends it: "Home Office" stays whole.
    titled = [i for i, w in enumerate(words[:-1]) if _is_title(w)]
    if titled and words[titled[-1]].lower() not in _TITLE_MODIFIERS and titled == list(range(len(titled))):
        words = words[titled[-1] + 1 :]
    if not words or (len(words) == 1 and words[0].lower() in _NOT_NAME_WORDS):
        return None
    return " ".join(words)


def _narration(masked: list[str], entities: Entities | None) -> _Context:
    """Who is named outside quotation marks; subjects and speakers come in reading order (`_read_until`)."""
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
    return _Context(mentions, named, [], [], roles, orgs, masked, sentences, frozenset(m.name for m in mentions))


def _read_until(ctx: _Context, para: int, offset: int) -> None:
    """Take in the subjects and speakers of the narration's sentences that start before (para, offset)."""
    while ctx.sentences and ctx.sentences[-1][:2] <= (para, offset):
        at, start, end = ctx.sentences.pop()
        subject = _sentence_subject(ctx.masked[at], at, start, end, ctx)
        if subject is not None:
            bisect.insort(ctx.salient, subject, key=_position)
        event = _speech_event(ctx.masked[at][start:end], at, start, ctx)
        if event is not None:
            bisect.insort(ctx.events, event, key=_position)
            named = event.referent is not None or event.name in ctx.person_names
            if named and (subject is None or (event.person and not subject.person)):
                bisect.insort(ctx.salient, event, key=_position)


def _position(item: _Mention) -> tuple[int, int]:
    return (item.para, item.offset)


def _speech_event(sentence: str, para: int, start: int, ctx: _Context) -> _Mention | None:
    """The subject of the first speech verb of a sentence: "Ms Tymoshenko said prosecutors had..."."""
    match = _SPEECH.search(sentence)
    if not match:
        return None
    who = match.group("who") or _subject(sentence[: match.start()].rsplit("  ", 1)[-1])
    if not who:
        return None
    speaker, referent, person = _refer(who, para, start + match.start(), ctx)
    return _Mention(para, start + match.start(), speaker, referent, person) if speaker else None


def _sentence_subject(plain: str, para: int, start: int, end: int, ctx: _Context) -> _Mention | None:
    """The name, pronoun or description a sentence of narration opens with, resolved."""
    lead = _SUBJECT_LEAD.match(plain[start:end])
    pos = start + (lead.end() if lead else 0)
    while True:  # "But", "And", "Earlier,", "On Monday, ...,"
        word = _SUBJECT_WORD.match(plain[pos:end])
        if not word:
            return None
        lower = word.group(1).lower()
        if lower in _SENTENCE_CONNECTIVES:
            pos += word.end()
            continue
        if lower in _ADVERBIAL_STARTS and lower not in ("the", "a"):
            comma = plain.find(",", pos, min(end, pos + 60))
            if comma < 0:
                return None
            pos = comma + 1
            while pos < end and plain[pos].isspace():
                pos += 1
            continue
        break
    if lower in ("he", "she", "it"):
        item = _latest_item(ctx.salient, para, pos, reach=2 if lower != "it" else 1, person=lower != "it")
        return _Mention(para, pos, word.group(1), item.who, item.person) if item else None
    other: _Mention | None = None
    found: _Mention | None = None
    for item in ctx.named[bisect.bisect_left(ctx.named, (para, pos), key=_position) :]:
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
                return _Mention(para, pos, text, described[0], described[1])
    return None


def _role_like(word: str) -> bool:
    """A word that may come before a name in a sentence subject: "Republic of Ireland manager"."""
    lower = word.lower().rstrip(",")
    return word[:1].isupper() or lower in _PARTICLE_WORDS or lower in _PERSON_NOUNS or lower in TITLE_WORDS


def _names(masked: list[str]) -> tuple[list[_Mention], list[_Mention]]:
    """Likely people named outside quotation marks, and every name there, in reading order."""
    mentions: list[_Mention] = []
    named: list[_Mention] = []
    known_tokens: set[str] = set()
    for para, plain in enumerate(masked):
        for match in _NAME_RE.finditer(plain):
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
                name = _clean_name(match.group(0))
                if name:
                    named.append(_Mention(para, match.start(), name, person=False, role=role))
                continue
            name = _person_name(match.group(0), known_tokens)
            if name:
                known_tokens.update(name.split()[-2:] if len(name.split()) > 1 else ())
                mention = _Mention(para, match.start(), name, role=role)
                mentions.append(mention)
                named.append(mention)
            else:
                other = _LEADING_ARTICLE.sub("", match.group(0))
                if other.lower() not in _NOT_A_NAME:
                    named.append(_Mention(para, match.start(), other, person=False, role=role))
    return mentions, named


def _person_name(candidate: str, known_tokens: set[str]) -> str | None:
    """The person part of a capitalised run ("Japanese Prime Minister Sanae Takai" -> "Sanae Takai")."""
    words = _POSSESSIVE_AND_AFTER.sub("", candidate).split()
    if any(_bare(w) in _HONORIFICS for w in words[:-1]):
        start = max(i for i, w in enumerate(words[:-1]) if _bare(w) in _HONORIFICS)
        return " ".join(words[start:])
    titled = [i for i, w in enumerate(words) if _is_title(w)]
    if titled:
        words = words[titled[-1] + 1 :]
    while words and words[0].lower() in _NOT_NAME_START:
        words = words[1:]
    if not words or any(w.lower() in NOT_PERSON_WORDS or w.lower() in _PARTICLE_WORDS for w in words):
        return None
    if len(words) == 1:
        return words[0] if words[0] in known_tokens else None
    return " ".join(words) if len(words) <= 4 else None


def _latest(items: list[_Mention], para: int, offset: int, *, reach: int = 1) -> str | None:
    """The name of the last item before (para, offset), within `reach` previous paragraphs."""
    item = _latest_item(items, para, offset, reach=reach)
    return item.name if item else None


def _latest_item(
    items: list[_Mention], para: int, offset: int, *, reach: int = 1, person: bool | None = None
) -> _Mention | None:
    """The last item before (para, offset) within `reach` previous paragraphs (of the kind asked)."""
    best: _Mention | None = None
    for item in items:
        if (item.para, item.offset) >= (para, offset):
            break
        if item.para >= para - reach and (person is None or item.person == person):
            best = item
    return best
