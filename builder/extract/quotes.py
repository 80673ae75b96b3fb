"""Quotations and who said them, found with hand-written attribution patterns.

Only double quotation marks (straight and curly) delimit quotes: single marks are too often
apostrophes. The headline (``p0``) is skipped because headline quotes repeat body quotes
without attribution.

A quote left open at the end of a paragraph and continued by a next paragraph that opens with
a quote mark (the news convention for multi-paragraph quotes) is one `Quote`: its ``text`` is
the verbatim parts joined by a single space and its ``evidence`` lists every paragraph. A quote
reopened inside its own paragraph before it closed ('...26 weeks. "We are...') gives one
`Quote` per part, all with the same speaker, so every single-paragraph text is verbatim.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..model import Article, Quote
from .lexicon import NOT_PERSON_WORDS, TITLE_WORDS, word_set

_OPENING_CONTEXT = " \t\n([{\u2014\u2013-/"
_CLOSING_CONTEXT = " \t\n.,;:!?)]}\u2014\u2013-/'\u2019"

# Speech verbs: only these make a quote attributed. "agreed to continue" or "spoke about" are
# not speech attributions, so phrases quoted next to them stay unattributed fragments.
_VERB = (
    r"(?:says|said|say|tells|told|adds|added|writes|wrote|explains|explained|states|stated|notes|noted"
    r"|insists|insisted|warns|warned|argues|argued|claims|claimed|asks|asked|replies|replied|continues"
    r"|continued|declared|announced|admits|admitted|commented|remarked|suggests|suggested|urges|urged"
    r"|stresses|stressed|conceded|acknowledged|confirmed|tweeted|posted|recalls|recalled|predicted"
    r"|joked|quipped|responded|countered|concluded|promised|vowed|revealed|maintains|maintained"
    r"|complained|described|insist|told reporters|went on|pointed out)"
)
_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady|Rev|King|Queen|Prince|Princess|Pope)\.?"
# A capitalised token: "Jae-myeong", "O'Brien", "McDonald"; a possessive "'s" is not part of it.
_CAP = r"(?:[A-Z](?:[\w\-]|['\u2019](?=[A-Z]))*)"
_PARTICLE = r"(?:de|van|von|der|den|al|bin|da|di|du|la|le|of|the|and|for)"
_NAME = (
    rf"(?:{_HONORIFIC}\s+)?{_CAP}(?:\s+(?:{_PARTICLE}\s+)*{_CAP}){{0,5}}"
    r"(?:['\u2019]s\s+(?:[a-z]+\s+){0,2}(?:office|spokesman|spokeswoman|spokesperson|lawyers?|team|camp"
    r"|aides?|agent|representatives?|ministry|government|statement|website|club|manager))?"
)
_PRONOUN = r"(?i:he|she|they|we|it|i)"
_DET_PHRASE = r"(?i:the|a|an|one|another|his|her|its|their|some|many|several)\s+(?:[\w'\u2019\-]+\s+){0,5}[\w\-]+"
_ADVERBS = r"(?:also|later|then|further|simply|again|previously|recently|earlier|once|has|had|have)"
_ADVERB = rf"(?:{_ADVERBS}\s+)*"
_TRAILING_ADVERBS = re.compile(rf"(?:\s+{_ADVERBS})+$")

# `"...," Mr Brown said.` / `"...," he added.` / `"...", Roy Asher, an economist, told Reuters.`:
# up to twelve words before the first speech verb after the quote; `_subject` picks the speaker.
_POST_CLAUSE = re.compile(rf"^[\s,\u2014\u2013-]*(?P<before>[^.!?;:\"\u201c\u201d]{{1,160}}?)\s+{_ADVERB}{_VERB}\b")
# `"...," said Mr Brown, chief executive.` / `"...", according to officials.`
_POST_VERB_FIRST = re.compile(
    rf"^[\s,\u2014\u2013-]*(?:{_VERB}|according to)\s+"
    rf"(?P<speaker>(?:{_HONORIFIC}\s+)?[^,.;:!?\"\u201c\u201d]+?)"
    r"(?=\s*(?:[,.;:!?\"\u201c\u201d]|$|\s(?:who|which|that|in|on|at|when|after|before|as)\s))"
)
# `"...," Arab News quoted Prince Saud as saying.`
_QUOTED_AS_SAYING = re.compile(rf"\bquoted\s+(?P<speaker>{_NAME}|{_DET_PHRASE})\s+as\s+saying\b")
# `Lee said: "` / `Takai wrote on X, "` / `X's office said in a statement, "`: the LAST speech
# verb in the sentence before the quote, its adjunct (up to eight words) and the punctuation.
_PRE_VERB = re.compile(rf"\b{_VERB}\b(?P<adjunct>(?:\s+[^\s,:\"\u201c\u201d]+){{0,8}}?)\s*(?P<punct>[:,]?)\s*$")
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
    para: int
    offset: int
    name: str


def extract_quotes(article: Article) -> tuple[Quote, ...]:
    """Every double-quoted passage of the body, with its attribution as written and evidence."""
    paragraphs = article.paragraphs
    spans = [_find_spans(i, text) for i, text in enumerate(paragraphs)]
    masked = [_mask(text, spans[i]) for i, text in enumerate(paragraphs)]
    mentions = _person_mentions(masked)
    events = _speech_events(masked, mentions)
    quotes: list[Quote] = []
    for group in _group_spans(spans, paragraphs):
        first, last = group[0], group[-1]
        if not _has_words(" ".join(paragraphs[s.para][s.start : s.end] for s in group)):
            continue
        pre = _sentence_before(paragraphs[first.para], first.start - 1)
        post = _sentence_after(paragraphs[last.para], last.closing)
        speaker, pre_standalone = _attribute(pre, post)
        standalone = (pre_standalone or not pre) and _post_ok(post)
        where = (first.para, first.start)
        if speaker is None:
            # News convention: a quote with no attribution of its own continues the last speaker.
            speaker = _latest(events, *where) if standalone else None
        elif speaker.lower() in ("he", "she"):
            speaker = _latest(mentions, *where, reach=2) or _latest(events, *where)
        elif speaker.lower() == "it":
            # "it said": the organisation last reported as speaking, if that was not a person.
            latest = _latest(events, *where)
            speaker = latest if latest and latest not in {m.name for m in mentions} else None
        elif speaker.lower() in ("they", "we", "i"):
            speaker = None  # groups and first persons: too often wrong to guess
        if speaker is not None:
            bisect.insort(events, _Mention(first.para, first.start, speaker), key=lambda e: (e.para, e.offset))
        for index, pieces in enumerate(_split_runs(group)):
            text = " ".join(t for t in (_trim(paragraphs[s.para][s.start : s.end]) for s in pieces) if t)
            if not _has_words(text):
                continue
            # Later runs of a run-on quote start a sentence of their own, so only the first can be embedded.
            fragment = not (standalone or index > 0) or len(text.split()) < 3
            if fragment:
                text = text.rstrip(",;:") if text.endswith("..") else text.rstrip(",;:.")
            evidence = tuple(dict.fromkeys(f"p{s.para + 1}" for s in pieces))
            quote = Quote(speaker=None, speaker_name=speaker, text=text, fragment=fragment, evidence=evidence)
            quotes.append(quote)
    return tuple(quotes)


def _mask(text: str, spans: list[_Span]) -> str:
    """The paragraph with quoted words blanked out (same offsets), leaving the narration."""
    chars = list(text)
    for span in spans:
        chars[span.start : span.end] = " " * (span.end - span.start)
    return "".join(chars)


def _has_words(text: str) -> bool:
    return re.search(r"\w", text) is not None


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
    for i, ch in enumerate(text):
        if ch not in '"\u201c\u201d':
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch == "\u201c":
            is_open = True
        elif ch == "\u201d":
            is_open = False
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


def _sentence_before(text: str, mark: int) -> str:
    """The part of the sentence before a quote mark, without any earlier quoted text."""
    head = text[:mark]
    ends = list(_SENTENCE_END.finditer(head + " A"))
    if ends:
        head = head[ends[-1].end() :] if ends[-1].end() <= len(head) else ""
    cut = max(head.rfind('"'), head.rfind("\u201d"), head.rfind("\u201c"))
    return head[cut + 1 :].strip() if cut >= 0 else head.strip()


def _sentence_after(text: str, closing: int) -> str:
    """The rest of the sentence after a closing mark, up to any next quote; empty if the quote ended it."""
    tail = text[closing:]
    if _QUOTE_ENDS_SENTENCE.match(text, max(closing - 2, 0)):
        return ""
    end = _SENTENCE_END.search(tail)
    tail = tail[: end.start() + 1] if end else tail
    cut = min((i for i in (tail.find('"'), tail.find("\u201c")) if i >= 0), default=len(tail))
    return tail[:cut]


def _post_ok(post: str) -> bool:
    """After a standalone quote comes the end of the sentence, an attribution or more quotation."""
    rest = post.strip()
    return not rest or bool(re.fullmatch(r"[.!?,;:\u2014\u2013-]*", rest)) or _post_speaker(post) is not None


def _attribute(pre: str, post: str) -> tuple[str | None, bool]:
    """(speaker as written, True if the quote follows `X said:`-style attribution directly)."""
    speaker = _post_speaker(post)
    standalone = not pre
    match = _PRE_VERB.search(pre)
    if match:
        # `said that "..."` introduces a partial quote; `said: "..."` / `said, "..."` a whole one.
        standalone = bool(match.group("punct")) and not re.search(r"\bthat\b", match.group("adjunct"))
        if speaker is None:
            speaker = _subject(pre[: match.start()])
    elif pre.endswith(":") and speaker is None:
        # Match-report style "Manchester City boss Kevin Keegan: "...""
        speaker = _final_name(pre[:-1].split(",")[-1].strip())
        standalone = speaker is not None
    return speaker, standalone


def _post_speaker(post: str) -> str | None:
    """The speaker named in the attribution that follows a quote, if there is one."""
    match = _QUOTED_AS_SAYING.search(post)
    if match:
        return _clean_name(match.group("speaker"))
    match = _POST_VERB_FIRST.match(post)
    if match and len(match.group("speaker").split()) <= 8:
        speaker = match.group("speaker")
        if speaker[:1].isupper():  # "said Nadal afterwards" -> "Nadal"
            speaker = re.sub(r"(?:\s+[a-z]+)+$", "", speaker)
        # "said Pipa director Steven Kull" -> "Steven Kull"; "said the American" stays whole.
        return _final_name(speaker) or _clean_name(speaker)
    match = _POST_CLAUSE.match(post)
    if match:
        before = match.group("before").strip()
        if not before:
            return None
        first = before.split()[0].lower()
        if len(before.split()) <= 12 and first not in _NOT_SUBJECT_START | _ADVERBIAL_STARTS | _CONNECTIVES:
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
    segments = [s for s in segments if s and not re.fullmatch(r"[\d\s]+", s)]  # drop ages: "Mr Li, 45,"
    fallback: str | None = None
    for index in range(len(segments) - 1, -1, -1):
        segment = segments[index]
        words = segment.split()
        if re.fullmatch(_PRONOUN, words[-1]):
            return fallback or words[-1]
        if words[0].lower() in _ADVERBIAL_STARTS:
            break
        name = _final_name(segment)
        previous = _final_name(segments[index - 1]) if index > 0 else None
        # A description after a name ("Roy Asher, chief investment officer of X,") is an appositive.
        appositive = previous is not None and (name is None or segment[0].islower())
        if name and not appositive:
            return name
        described = re.match(rf"(?:{_DET_PHRASE})$", segment) or (segment.islower() and len(words) <= 4)
        if fallback is None and described:
            fallback = segment
        if not appositive:
            break
    return fallback


def _strip_connectives(segment: str) -> str:
    words = segment.split()
    while len(words) > 1 and words[0].lower() in _CONNECTIVES | {"while", "whereas"}:
        words = words[1:]  # "But a spokesman", "while the Liberal Democrats"
    return " ".join(words)


def _final_name(segment: str) -> str | None:
    """The capitalised name ending a segment, unless a determiner makes it a description ("the American")."""
    match = re.search(rf"(?:^|\s)({_NAME})$", segment)
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
    titled = [i for i, w in enumerate(words[:-1]) if w.lower() in TITLE_WORDS]
    if titled and words[titled[-1]].lower() not in _TITLE_MODIFIERS and titled == list(range(len(titled))):
        words = words[titled[-1] + 1 :]
    function_words = _NOT_SUBJECT_START | _DETERMINERS | _CONNECTIVES
    if not words or (len(words) == 1 and words[0].lower() in function_words):
        return None
    return " ".join(words)


def _person_mentions(masked: list[str]) -> list[_Mention]:
    """Likely people named outside quotation marks, in reading order, for resolving "he"/"she"."""
    mentions: list[_Mention] = []
    known_tokens: set[str] = set()
    for para, plain in enumerate(masked):
        for match in re.finditer(_NAME, plain):
            if plain[max(0, match.start() - 4) : match.start()].lower() == "the ":
                continue  # "the Six Nations", "the American": events, groups, descriptions
            name = _person_name(match.group(0), known_tokens)
            if name:
                known_tokens.update(name.split()[-2:] if len(name.split()) > 1 else ())
                mentions.append(_Mention(para, match.start(), name))
    return mentions


def _speech_events(masked: list[str], mentions: list[_Mention]) -> list[_Mention]:
    """Who speaks where in the narration: the subject of the first speech verb of each sentence.

    "Ms Tymoshenko said prosecutors had..." makes her the speaker of an unattributed quote that
    follows; "he said" is resolved to the person last named.
    """
    events: list[_Mention] = []
    for para, plain in enumerate(masked):
        start = 0
        for end in [m.end() for m in _SENTENCE_END.finditer(plain)] + [len(plain)]:
            sentence = plain[start:end]
            match = _SPEECH.search(sentence)
            if match:
                who = match.group("who") or _subject(sentence[: match.start()].rsplit("  ", 1)[-1])
                if who and who.lower() in ("he", "she"):
                    who = _latest(mentions, para, start + match.start(), reach=2)
                if who and who.lower() not in ("it", "they", "we", "i"):
                    events.append(_Mention(para, start + match.start(), who))
            start = end
    return events


def _person_name(candidate: str, known_tokens: set[str]) -> str | None:
    """The person part of a capitalised run ("Japanese Prime Minister Sanae Takai" -> "Sanae Takai")."""
    words = re.sub(r"['\u2019]s\b.*$", "", candidate).split()
    if any(w.lower().rstrip(".") in _HONORIFICS for w in words[:-1]):
        start = max(i for i, w in enumerate(words[:-1]) if w.lower().rstrip(".") in _HONORIFICS)
        return " ".join(words[start:])
    titled = [i for i, w in enumerate(words) if w.lower() in TITLE_WORDS]
    if titled:
        words = words[titled[-1] + 1 :]
    while words and words[0].lower() in _CONNECTIVES | _ADVERBIAL_STARTS | {"the"}:
        words = words[1:]
    if not words or any(w.lower() in NOT_PERSON_WORDS or w.lower() in _PARTICLE_WORDS for w in words):
        return None
    if len(words) == 1:
        return words[0] if words[0] in known_tokens else None
    return " ".join(words) if len(words) <= 4 else None


def _latest(items: list[_Mention], para: int, offset: int, *, reach: int = 1) -> str | None:
    """The name of the last item before (para, offset), within `reach` previous paragraphs."""
    best: _Mention | None = None
    for item in items:
        if (item.para, item.offset) >= (para, offset):
            break
        if item.para >= para - reach:
            best = item
    return best.name if best else None
