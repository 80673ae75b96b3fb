"""Who a quote's own sentence says spoke it, as written: attribution patterns around speech verbs.

Before the quote (`Lee said: "`, `According to X, "`, `…, saying, "`) or after it (`"…," Mr
Brown said.`, `"…," said Mr Brown, chief executive.`), with the subject of the speech verb picked
from its appositives, titles and leading adverbials. Attribution is read in text whose
abbreviations ("Mr.", "Sen.", "H.W.") no longer end sentences.
"""

from __future__ import annotations

import re

from .date_phrases import WEEKDAYS
from .lexicon import NOT_PERSON_WORDS
from .quote_abbreviations import bare, is_title
from .quote_spans import ONLY_PUNCTUATION, SENTENCE_END
from .quote_words import (
    ADVERBIAL_STARTS,
    BODY_PARTICLES,
    CONNECTIVES,
    DESCRIPTION_HEADS,
    DETERMINERS,
    HONORIFICS,
    LEADING_CONNECTIVES,
    NOT_BEFORE_SUBJECT,
    NOT_NAME_WORDS,
    NOT_POST_SUBJECT,
    NOT_ROLE_BODY,
    RELATIVES,
    ROLE_HEADS,
    TITLE_MODIFIERS,
    VERB,
)

# After a quote a verb may come first: '"...," agreed Mr Brown.' ("agreed to" is no attribution).
_VERB_FIRST = rf"(?:{VERB}|agreed)"
_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady|Rev|King|Queen|Prince|Princess|Pope)[.\u02d1]?"
# "Steve Cohen, Democrat of Tennessee," / "Ron Johnson, R-Wis.,": a party, not a speaker.
_AFFILIATION = re.compile(r"(?:Democrat|Republican|Independent)\s+of\s|[RDI]-[A-Z]")
# A capitalised token: "Jae-myeong", "O'Brien", "McDonald"; a possessive "'s" is not part of it.
CAP = r"(?:[A-Z](?:[\w\-]|['\u2019](?=[A-Z]))*)"
_PARTICLE = r"(?:de|van|von|der|den|al|bin|da|di|du|la|le|of|the|and|for)"
NAME = (
    rf"(?:{_HONORIFIC}\s+)?{CAP}(?:\s+(?:{_PARTICLE}\s+)*{CAP}){{0,5}}"
    r"(?:['\u2019]s\s+(?:[a-z]+\s+){0,2}(?:office|spokesman|spokeswoman|spokesperson|lawyers?|team|camp"
    r"|aides?|agent|representatives?|ministry|government|statement|website|club|manager))?"
)
# Every name starts with a capital: the lookahead spares the engine trying the rest elsewhere.
NAME_RE = re.compile(rf"(?=[A-Z]){NAME}")
_PRONOUN = r"(?i:he|she|they|we|it|i)"
DET_PHRASE = r"(?i:the|a|an|one|another|his|her|its|their|some|many|several)\s+(?:[\w'\u2019\-]+\s+){0,5}[\w\-]+"
_ADVERBS = r"(?:also|later|then|further|simply|again|previously|recently|earlier|once|has|had|have|meanwhile)"
_ADVERB = rf"(?:{_ADVERBS}\s+)*"
_TRAILING_ADVERBS = re.compile(rf"(?:\s+{_ADVERBS})+$")
# "Priebus later Thursday told", "in Hudson, New Hampshire Monday, the supporter said": a weekday
# ends a time phrase, never a speaker's name.
_TRAILING_DAY = re.compile(r"(?:\s+(?:later|earlier|on|last|this|next))*\s+(?P<day>[A-Z][a-z]+)\.?$")
# `"...," Mr Brown said.` / `"...," he added.` / `"...", Roy Asher, an economist, told Reuters.`:
# up to twelve words before the first speech verb after the quote; `subject_before_verb` picks the speaker.
_POST_CLAUSE = re.compile(rf"^[\s,\u2014\u2013-]*(?P<before>[^.!?;:\"\u201c\u201d]{{1,160}}?)\s+{_ADVERB}{VERB}\b")
# `"...," Ann Lee, a director of the A.F.L.-C.I.O. (a federation of unions), said`: a name, then a
# description of any length (up to a speech verb) between commas.
_POST_APPOSITIVE = re.compile(
    rf"^[\s,\u2014\u2013-]*(?P<name>{NAME}),(?P<apposition>[^;\"\u201c\u201d]{{1,300}}?),\s+{_ADVERB}{VERB}\b"
)
# `"...," said Mr Brown, chief executive.` / `"...", according to officials.`
_POST_VERB_FIRST = re.compile(
    rf"^[\s,\u2014\u2013-]*(?:{_VERB_FIRST}|according to)\s+"
    rf"(?P<speaker>(?:{_HONORIFIC}\s+)?[^,.;:!?\"\u201c\u201d]+?)"
    r"(?=\s*(?:[,.;:!?\"\u201c\u201d]|$|\s(?:who|which|that|in|on|at|when|after|before|as)\s))"
)
# `"...," Arab News quoted Prince Saud as saying.`
_QUOTED_AS_SAYING = re.compile(rf"\bquoted\s+(?P<speaker>{NAME}|{DET_PHRASE})\s+as\s+saying\b")
# `Lee said: "` / `Takai wrote on X, "` / `X's office said in a statement, "`: the LAST speech
# verb in the sentence before the quote, its adjunct (up to eight words) and the punctuation.
_PRE_VERB = re.compile(rf"\b{VERB}\b(?P<adjunct>(?:\s+[^\s,:\"\u201c\u201d]+){{0,8}}?)\s*(?P<punct>[:,]?)\s*$")
# `Lee responded, saying, "` / `The office issued a statement, adding: "`: a participle whose
# subject is the clause's own.
_PARTICIPLE = (
    r"(?:saying|adding|stating|writing|noting|declaring|explaining|insisting|warning|telling\s+\w+|tweeting"
    r"|posting|asking|arguing|asserting|claiming|joking|quipping|responding|replying|recalling|concluding)"
)
_PRE_PARTICIPLE = re.compile(
    rf"(?P<who>)(?:^|[,;\u2014\u2013-]|\band)\s*(?:{_ADVERBS}\s+)?{_PARTICIPLE}(?P<adjunct>(?:\s+[^\s,:\"\u201c\u201d]+){{0,4}}?)"
    r"\s*(?P<punct>[:,]?)\s*$"
)
# `footage of Tom Grant saying during the debate, "`: the name right before the participle is its
# subject, unless it is a place or medium ("on Facebook writing").
_NAMED_PARTICIPLE = re.compile(
    rf"(?:^|(?<!\bon)(?<!\bin)(?<!\bat)(?<!\bvia)(?<!\bto)\s)(?P<who>{NAME})\s+{_PARTICIPLE}(?P<adjunct>(?:\s+[^\s,:\"\u201c\u201d]+){{0,6}}?)"
    r"\s*(?P<punct>[:,]?)\s*$"
)
# `As Ms Lee put it, "`: the speaker of an as-clause is its subject, not an adverbial.
_AS_LEAD = re.compile(r"^\s*(?:[Bb]ut\s+|[Aa]nd\s+)?[Aa]s\s+(?=[A-Z]|the\s)")
# `…, with the minister telling MPs: "`: the participle has a subject of its own.
_WITH_PARTICIPLE = re.compile(
    rf"\bwith\s+(?P<who>[^,;:\"\u201c\u201d]{{1,80}}?)\s+{_PARTICIPLE}(?P<adjunct>(?:\s+[^\s,:\"\u201c\u201d]+){{0,4}}?)"
    r"\s*(?P<punct>[:,]?)\s*$"
)
# The subject of a clause: the words before its verb ("issued", "took to", "went on").
_CLAUSE_SUBJECT = re.compile(
    r"(?P<subject>(?:[\w.'\u2019\-]+\s+){0,5}?[\w.'\u2019\-]+)\s+"
    r"(?:[a-z]+ed|took|went|wrote|sent|put|gave|made|spoke|has|had|is|was|also|later|then)\b"
)
# `…" ― Krystal Correa`: a dash and the name under a quote.
_DASH_SPEAKER = re.compile(rf"^\s*[\u2015\u2014\u2013]\s*(?P<speaker>{NAME})\s*[,.]?\s*$")
_ACCORDING_TO = re.compile(rf"^(?:[Bb]ut\s+|[Aa]nd\s+)?[Aa]ccording\s+to\s+(?P<speaker>{NAME}|{DET_PHRASE})\s*[,:]?$")
# `X added that funding was short: "...`: a that-clause of any length ended by a colon.
_PRE_THAT_COLON = re.compile(rf"\b{VERB}\s+that\b[^\"\u201c\u201d]*:\s*$")
CAP_WORD = re.compile(rf"{CAP}")
_THAT = re.compile(r"\bthat\b")
_PARTICIPLE_WORD = re.compile(_PARTICIPLE)
_LEADING_PARTICIPLE = re.compile(r"\s*[a-z]+ing\s")
_HERE_IS = re.compile(rf"\s*Here(?:['\u2019]s|\s+is|\s+was|\s+are)\s+(?P<who>{NAME})")
_CLAUSE_BREAK = re.compile(r"[,;:\u2014\u2013]")
_TRAILING_LOWER_WORDS = re.compile(r"(?:\s+[a-z]+)+$")
_DIGITS = re.compile(r"[\d\s]+")
_PRONOUN_RE = re.compile(_PRONOUN)
_DESCRIPTION = re.compile(rf"(?:{DET_PHRASE})$")
_DESCRIPTION_TAIL = re.compile(r"(?:^|\s)((?:the|a|an)\s+(?:[\w'\u2019\-]+\s+){0,3}([\w\-]+))$")
_LEADING_PERSON = re.compile(
    rf"((?:{_HONORIFIC}\s+)?{CAP}(?:\s+{CAP})+)\s+(?:[a-z][\w\-]*\s+){{0,6}}(?:of|at|from)\s+\S"
)
_FINAL_NAME = re.compile(rf"(?:^|\s)({NAME})$")
SPEECH = re.compile(rf"\baccording to\s+(?P<who>{NAME}|{DET_PHRASE})|\b{VERB}\b")
# A closing mark that also ends the sentence: '...favourites." Meanwhile' or the paragraph's end.
_QUOTE_ENDS_SENTENCE = re.compile(r"[\s\"\u201d]*$|[.!?][\"\u201d\u2019]*\s+[\"\u201c(]?[A-Z0-9]")


def sentence_after(text: str, closing: int) -> str:
    """The rest of the sentence after a closing mark, up to any next quote; empty if the quote ended it."""
    tail = text[closing:]
    ended = _QUOTE_ENDS_SENTENCE.match(text, max(closing - 2, 0)) is not None
    end = SENTENCE_END.search(tail)
    tail = tail[: end.start() + 1] if end else tail
    cut = min((i for i in (tail.find('"'), tail.find("\u201c")) if i >= 0), default=len(tail))
    tail = tail[:cut]
    # '"...?" Ms Vance asked.': a question or exclamation is still attributed after its close.
    return "" if ended and (not tail.strip() or post_speaker(tail) is None) else tail


def post_ok(post: str) -> bool:
    """After a standalone quote comes the end of the sentence, an attribution or more quotation."""
    rest = post.strip()
    if not rest or ONLY_PUNCTUATION.fullmatch(rest) or _DASH_SPEAKER.match(post):
        return True
    return post_speaker(post) is not None


def attribute(pre: str, post: str, *, interrupted: bool = False) -> tuple[str | None, bool]:
    """(speaker as written, True if the quote follows `X said:`-style attribution directly)."""
    speaker = post_speaker(post)
    dash = _DASH_SPEAKER.match(post) if speaker is None else None
    if dash is not None:
        speaker = clean_name(dash.group("speaker"))
    standalone = not pre or _DASH_SPEAKER.match(pre) is not None  # the signature of the quote before
    according = _ACCORDING_TO.match(pre)
    if according is not None:
        return speaker or clean_name(according.group("speaker")), True
    participle = _WITH_PARTICIPLE.search(pre) or _PRE_PARTICIPLE.search(pre)
    if participle is None and _PARTICIPLE_WORD.search(pre):
        participle = _NAMED_PARTICIPLE.search(pre)
    if participle:
        that = _THAT.search(participle.group("adjunct"))
        standalone = bool(participle.group("punct")) and not that
        if participle.group("who"):  # the clause's own subject is not the speaker; "with many saying" names none
            who = subject_before_verb(participle.group("who"))
            named = who if who and (who[:1].isupper() or len(who.split()) > 1) else None
            return speaker or named, standalone
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
            head = _AS_LEAD.sub("", pre[: match.start()])  # "As Professor Foner put it:"
            speaker = subject_before_verb(head) or _clause_subject(head)
    elif that_colon:
        # `Dr Houck added that funding was short: "..."`: a whole quote after the colon.
        standalone = True
        if speaker is None:
            speaker = subject_before_verb(pre[: that_colon.start()])
    elif interrupted and speaker is None and post_speaker(pre):
        # '"...," said Karen Thomson, chief executive, "with many..."': the same speaker goes on.
        speaker = post_speaker(pre)
        standalone = speaker is not None
    elif pre.endswith(":") and speaker is None:
        # Match-report style "Manchester City boss Kevin Keegan: "...""
        # Or a sentence about its subject that introduces the quote: "Cruz called them on it:".
        speaker = _final_name(pre[:-1].split(",")[-1].strip()) or _colon_subject(pre[:-1])
        standalone = speaker is not None
    return speaker, standalone


def _clause_subject(clause: str) -> str | None:
    """Who a participle's clause is about: "Takai responded, expressing her hopes" -> "Takai".

    A speech verb in the clause gives its subject; otherwise the clause opens with it, after any
    leading adverbials ("On Tuesday, Lee's office issued a statement").
    """
    verb = SPEECH.search(clause)
    if verb is not None and verb.group("who") is None:
        return subject_before_verb(clause[: verb.start()])
    segments = [_strip_connectives(s.strip()) for s in clause.split(",")]
    for index, segment in enumerate(segments):
        if not segment or segment.split()[0].lower() in ADVERBIAL_STARTS:
            continue
        found = _CLAUSE_SUBJECT.match(segment)
        if found is None:
            # "Tom Grant, a former mayor, poked at the plan": a name, then its appositive.
            after = segments[index + 1] if index + 1 < len(segments) else ""
            appositive = after[:1].islower() and after.split()[0] in DETERMINERS
            return clean_name(segment) if appositive and NAME_RE.fullmatch(segment) else None
        subject = found.group("subject")
        if _PRONOUN_RE.fullmatch(subject) or subject.split()[0].lower() in DETERMINERS:
            return subject
        return clean_name(subject) if NAME_RE.fullmatch(subject) else None
    return None


def embedding_subject(clause: str) -> str | None:
    """Who the sentence holding a quoted phrase is about: 'Ms Vance called the plan "'.

    Without a speech verb only the quote's own clause counts: in "Dover was a port, with Ms Vance
    recalling the "old days"" the port said nothing.
    """
    if SPEECH.search(clause) is None:
        parts = _CLAUSE_BREAK.split(clause)
        # "Tom Grant defended the plan, calling it "...": a participle's subject is the clause's before it.
        participle = len(parts) > 1 and _LEADING_PARTICIPLE.match(parts[-1]) is not None
        clause = parts[-2] if participle else parts[-1]
    subject = _clause_subject(clause)
    if subject is None or subject.split()[0].lower() in DETERMINERS:
        return None
    return subject


def _colon_subject(clause: str) -> str | None:
    """The name or pronoun a clause ended by a colon is about: "Trump went even further:"."""
    here = _HERE_IS.match(clause)
    if here is not None:
        return clean_name(here.group("who"))  # "Here is Tom Grant in 1992:"
    subject = _clause_subject(_AS_LEAD.sub("", clause))
    if subject is None or subject.split()[0].lower() in DETERMINERS:
        return None
    return subject


def post_speaker(post: str) -> str | None:
    """The speaker named in the attribution that follows a quote, if there is one."""
    match = _QUOTED_AS_SAYING.search(post)
    if match:
        return clean_name(match.group("speaker"))
    match = _POST_VERB_FIRST.match(post)
    if match and len(match.group("speaker").split()) <= 8:
        speaker = match.group("speaker")
        if speaker[:1].isupper():  # "said Nadal afterwards" -> "Nadal"
            speaker = _TRAILING_LOWER_WORDS.sub("", speaker)
        # "said Pipa director Steven Kull" -> "Steven Kull"; "said the American" stays whole.
        return _final_name(speaker) or clean_name(speaker)
    match = _POST_CLAUSE.match(post)
    if match:
        before = match.group("before").strip()
        if not before:
            return None
        first = before.split()[0].lower()
        if len(before.split()) <= 12 and first not in NOT_POST_SUBJECT:
            return subject_before_verb(before)
    return _appositive_speaker(post)


def _appositive_speaker(post: str) -> str | None:
    """The name before a long description and the speech verb: '"...," Ann Lee, director of the
    A.B.C. fund and a professor at X, said.' (too long for the words-before-verb limit)."""
    match = _POST_APPOSITIVE.match(post)
    if match is None or SENTENCE_END.search(match.group("apposition")):
        return None
    name = match.group("name")
    if name.split()[0].lower() in NOT_POST_SUBJECT or _PRONOUN_RE.fullmatch(name):
        return None
    return clean_name(name)


def subject_before_verb(text: str) -> str | None:
    """The speaker at the end of the words before a speech verb, as written.

    Comma-separated appositives give way to the name they describe ("David Frost, director
    general of the BCC, warned"; "Michael Lamberty, a Lufthansa spokesman, told"); a leading
    adverbial ("On Monday,", "In a statement,") is never the subject; titles before a name
    ("state prosecutor Alexis Ortiz") are dropped.
    """
    text = _TRAILING_ADVERBS.sub("", text.strip(' ,;:\u2014\u2013-"')).strip()
    text = _without_day(text)
    segments = [_strip_connectives(s) for s in text.split(",")]
    segments = [s for s in segments if s and not _DIGITS.fullmatch(s)]  # drop ages: "Mr Li, 45,"
    fallback: str | None = None
    for index in range(len(segments) - 1, -1, -1):
        segment = segments[index]
        words = segment.split()
        if _PRONOUN_RE.fullmatch(words[-1]):
            return fallback or words[-1]
        if words[0].lower() in ADVERBIAL_STARTS:
            after = _after_adverbial(segment, aside=index > 0) if index == len(segments) - 1 else None
            if after is not None:
                return after  # "In an interview Tom Grant said", ", in which Tom Grant said"
            if index == len(segments) - 1 and index > 0:
                continue  # "Tom Grant, at a later briefing, said": an aside between subject and verb
            break
        name = _leading_person(segment) or _final_name(segment)
        previous = _final_name(segments[index - 1]) if index > 0 and not _ends_with_day(segments[index - 1]) else None
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
        if fallback is None and tail and tail.group(2).lower() in DESCRIPTION_HEADS:
            fallback = tail.group(1)  # "They have until Friday and an IAAF spokesman said"
        if not appositive:
            break
    return fallback


def _after_adverbial(segment: str, *, aside: bool) -> str | None:
    """The name after a leading adverbial with no comma: "In a radio interview Tom Grant"; after a
    comma only a relative clause's (", in which Tom Grant"), not a prepositional aside's
    (", asked about the ferry under Tom Grant")."""
    match = _FINAL_NAME.search(segment)
    before = segment[: match.start(1)].split() if match else []
    if match is None or len(before) < 2 or not before[-1].isalpha() or not before[-1].islower():
        return None
    lead = before[-1]
    if (aside and lead not in RELATIVES) or lead in NOT_BEFORE_SUBJECT:
        return None
    return clean_name(match.group(1))


def _ends_with_day(text: str) -> bool:
    day = _TRAILING_DAY.search(text)
    return day is not None and day.group("day").lower() in WEEKDAYS


def _without_day(text: str) -> str:
    """The words before a speech verb without a time phrase ending them: "Priebus later Thursday"."""
    day = _TRAILING_DAY.search(text)
    return text[: day.start()] if day is not None and day.start() > 0 and day.group("day").lower() in WEEKDAYS else text


def _leading_person(segment: str) -> str | None:
    """The person a segment opens with when the rest names where they work: "Dr Mark Tuffy games
    director at digital firm THX", "Ann Lee of Acme" (not "Bank of England chief Mervyn King")."""
    match = _LEADING_PERSON.match(segment)
    if not match:
        return None
    words = [w for w in match.group(1).split() if bare(w) not in HONORIFICS]
    if len(words) < 2 or any(is_title(w) or w.lower() in NOT_PERSON_WORDS for w in words):
        return None
    return clean_name(match.group(1))


def _strip_connectives(segment: str) -> str:
    words = segment.split()
    while len(words) > 1 and words[0].lower() in LEADING_CONNECTIVES:
        words = words[1:]  # "But a spokesman", "while the Liberal Democrats"
    return " ".join(words)


def _final_name(segment: str) -> str | None:
    """The capitalised name ending a segment, unless a determiner makes it a description ("the American").

    A body and a role written before the name stay with it, as written: "White House press
    secretary Josh Earnest".
    """
    match = _FINAL_NAME.search(segment)
    if not match or match.group(1).split()[0].lower() == "the":
        return None
    before = segment[: match.start(1)].split()
    if before and before[-1].lower() in DETERMINERS:
        return None
    if segment.split()[0].lower() in ADVERBIAL_STARTS:
        return None
    name = clean_name(match.group(1))
    prefix = _role_prefix(before)
    return f"{prefix} {name}" if prefix and name and " " in name else name


def _role_prefix(words: list[str]) -> str | None:
    """The capitalised body and lower-case role before a name: ["DoubleLine", "Capital", "portfolio",
    "manager"] -> "DoubleLine Capital portfolio manager"; None unless a role word ends them."""
    if not words or words[-1] not in ROLE_HEADS:
        return None
    start = len(words) - 1
    while start > max(len(words) - 3, 0) and words[start - 1].islower() and words[start - 1].isalpha():
        start -= 1  # "press secretary", "political scientist"
    lower = start
    while start > 0 and lower - start < 5:
        if CAP_WORD.fullmatch(words[start - 1]):
            start -= 1
        elif start > 1 and words[start - 1] in BODY_PARTICLES and CAP_WORD.fullmatch(words[start - 2]):
            start -= 2  # "Bank of England governor Mervyn King"
        else:
            break
    body = words[start:lower]
    if not body or body[0].lower() in NOT_ROLE_BODY or any(w.lower() in NOT_ROLE_BODY for w in words[lower:]):
        return None
    return " ".join(words[start:])


def clean_name(name: str) -> str | None:
    """A name as written, minus leading connectives and titles ("But David Frost", "Chancellor Gordon Brown").

    Returns None for function words that only look like names ("The", "It").
    """
    words = name.strip(" ,.;:").split()
    while len(words) > 1 and words[1][:1].isupper() and words[0].lower() in CONNECTIVES:
        words = words[1:]
    # Drop a leading title only when a core title word ends it: "Home Office" stays whole.
    titled = [i for i, w in enumerate(words[:-1]) if is_title(w)]
    if titled and words[titled[-1]].lower() not in TITLE_MODIFIERS and titled == list(range(len(titled))):
        words = words[titled[-1] + 1 :]
    if not words or (len(words) == 1 and words[0].lower() in NOT_NAME_WORDS):
        return None
    return " ".join(words)
