"""Quotations and who said them: the `extract_quotes` entry point and speaker entity ids.

The headline (``p0``) is skipped because headline quotes repeat body quotes without attribution.
A quote that runs on over paragraphs is one `Quote`: its ``text`` is the verbatim parts joined by
a single space and its ``evidence`` lists every paragraph. A quote reopened inside its own
paragraph before it closed gives one `Quote` per part, all with the same speaker, so every
single-paragraph text is verbatim. A quote resumed right after its own attribution ('"...," she
said. "..."', or a whole-paragraph quote after an attributed one) is one `Quote` too, its parts
joined by a single space.

Spans come from `quote_spans`, the attribution as written from `attribution`, and who it stands
for from `quote_speakers`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ...model import Article, Quote
from .attribution import (
    CAP,
    attribute,
    embedding_subject,
    post_ok,
    post_speaker,
    sentence_after,
)
from .entities import Entities, resolve_name
from .quote_abbreviations import ABBREVIATION_DOT, is_title, protect_abbreviations
from .quote_spans import (
    ONLY_PUNCTUATION,
    SENTENCE_END,
    Span,
    find_spans,
    group_spans,
    has_words,
    mask_quotes,
    normalise_marks,
    sentence_before,
    split_runs,
    trim_quote,
)
from .quote_speakers import Mention, latest_item, position, read_narration, read_until, resolve_speaker

_OWNER = re.compile(rf"({CAP}(?:\s+{CAP})+)\s+(?:of|at|from)\s")


def extract_quotes(article: Article, entities: Entities | None = None) -> tuple[Quote, ...]:
    """Every double-quoted passage of the body, with its attribution as written and evidence.

    With `entities` (the entity extractor's output for the same article) each attributed quote's
    `speaker` is the entity id of the person or organisation meant, else the name as written;
    without it `speaker` stays None for the caller to resolve.
    """
    paragraphs = tuple(normalise_marks(text) for text in article.paragraphs)
    spans = [find_spans(i, text) for i, text in enumerate(paragraphs)]
    # Attribution is read where abbreviations ("Mr.", "Sen.", "H.W.") no longer end sentences.
    plain = tuple(protect_abbreviations(text) for text in paragraphs)
    masked = [mask_quotes(text, spans[i]) for i, text in enumerate(plain)]
    ctx = read_narration(masked, entities)
    quotes: list[Quote] = []
    previous: Span | None = None
    for group in group_spans(spans, paragraphs):
        first, last = group[0], group[-1]
        if not has_words(" ".join(paragraphs[s.para][s.start : s.end] for s in group)):
            continue
        pre, interrupted = sentence_before(plain[first.para], first.start - 1)
        post = sentence_after(plain[last.para], last.closing)
        speaker, pre_standalone = attribute(pre, post, interrupted=interrupted)
        if speaker is None and not pre and first.para > 0:
            speaker = _introduced_by(plain[first.para - 1], post)
        standalone = (pre_standalone or not pre) and post_ok(post)
        where = (first.para, first.start)
        read_until(ctx, *where)
        referent: str | None = None
        person = True
        # '"...," she said. "..."': one quote, interrupted by its attribution, goes on.
        goes_on = previous is not None and _goes_on(plain, previous, first)
        goes_on = goes_on and (speaker is None or (interrupted and speaker == post_speaker(pre)))
        if speaker is None and pre and not standalone:
            speaker = embedding_subject(pre)  # 'Ms Vance called the plan "a waste of money".'
        if speaker is None:
            # News convention: a quote with no attribution of its own continues the last speaker.
            event = latest_item(ctx.events, *where, reach=_reach(plain, first.para, pre)) if standalone else None
            if event is not None:
                speaker, referent, person = event.name, event.referent, event.person
        else:
            speaker, referent, person = resolve_speaker(speaker, *where, ctx)
        if speaker is not None:
            bisect.insort(ctx.events, Mention(*where, speaker, referent, person), key=position)
            bisect.insort(ctx.salient, Mention(*where, speaker, referent, person), key=position)
        speaker_id = _speaker_id(entities, speaker, referent) if entities is not None and speaker else None
        previous = last
        for index, pieces in enumerate(split_runs(group)):
            text = " ".join(t for t in (trim_quote(paragraphs[s.para][s.start : s.end]) for s in pieces) if t)
            if not has_words(text):
                continue
            # Later runs of a run-on quote start a sentence of their own, so only the first can be embedded.
            fragment = not (standalone or index > 0) or len(text.split()) < 3
            if fragment:
                text = text.rstrip(",;:") if text.endswith("..") else text.rstrip(",;:.")
            evidence = tuple(dict.fromkeys(f"p{s.para + 1}" for s in pieces))
            shown = speaker.replace(ABBREVIATION_DOT, ".") if speaker else None
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


# "Lee Jae-myeong's office", "the prime minister's official spokesman": an office, not its owner.
_OWNED_SPEAKER = re.compile(r"['\u2019]s\s+(?:[a-z]+\s+){0,2}[a-z]+$")


def _introduced_by(paragraph: str, post: str) -> str | None:
    """The speaker a paragraph ended by a colon introduces, for a quote opening the next one.

    "Cruz continued:" / "Trump went even further:" then a paragraph of quotation.
    """
    intro, _ = sentence_before(paragraph, len(paragraph))
    return attribute(intro, post)[0] if intro.endswith(":") else None


def _reach(paragraphs: tuple[str, ...], para: int, pre: str) -> int:
    """How many paragraphs back a quote with no attribution looks for the last speaker: two when an
    intro with no speaker of its own ("Transcript as follows:") stands between them."""
    return 2 if not pre and para > 0 and paragraphs[para - 1].rstrip().endswith(":") else 1


def _goes_on(paragraphs: tuple[str, ...], previous: Span, first: Span) -> bool:
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
    if not gap or ONLY_PUNCTUATION.fullmatch(gap):
        return True
    return len(gap) < 200 and SENTENCE_END.search(gap) is None and post_speaker(gap) is not None


def _speaker_id(entities: Entities, speaker: str, referent: str | None) -> str:
    """The entity id for a speaker (its referent first), else the name as written."""
    speaker = speaker.replace(ABBREVIATION_DOT, ".")
    if referent is None and _OWNED_SPEAKER.search(speaker):
        return speaker  # "Lee's office" speaks for Lee but is not Lee: it keeps its own name
    referent = referent.replace(ABBREVIATION_DOT, ".") if referent else None
    surfaces = [referent, speaker]
    for name in (referent, speaker):
        words = name.split() if name else []
        titled = [i for i, w in enumerate(words[:-1]) if is_title(w)]
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
