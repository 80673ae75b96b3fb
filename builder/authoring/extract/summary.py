"""Extractive summary: a one-sentence BLUF and three to five key points.

News puts the most important fact first (the inverted pyramid), so the lede is the BLUF and
sentence scores weight position most; on top of that come centrality (words the article keeps
using, with the headline as the query) and information density (names, numbers, dates). Only
complete, self-contained sentences qualify: no bare quotes, questions or sentences that open
with a pronoun or connective needing the previous sentence ("But", "He", "This").
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ...model import Article
from .dates import find_dateline
from .lexicon import STOPWORDS, fold, word_set
from .sentences import split_sentences
from .standalone import drop_connective, is_headline_case, leans_on_context, quoted_share, quoted_spans

MAX_BLUF_WORDS = 40
_MAX_POINT_WORDS = 55

_AUXILIARIES = word_set(
    """is are was were be been being has have had will would can could may might shall should must do
    does did said says told made took won lost got went came gave held left met paid put ran saw set sold
    wrote became began brought bought built chose fell found grew hit kept knew led let meant rose sent
    spent stood struck thought threw agreed expects plans wants beat drew meet face need want say make
    take see get expect hope call remain look become come go seem show give keep"""
)
_MONTHS = word_set(
    """january february march april may june july august september october november december monday
    tuesday wednesday thursday friday saturday sunday"""
)
_BYLINE = re.compile(r"^(?:By|BY)\s+[A-Z][\w.'\u2019-]*(?:\s+(?:[A-Z][\w.'\u2019-]*|and|de|van|von))*\s*(?:,.{0,40})?$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019\-]*|\d[\d,.]*%?")
_END = re.compile(r"[.!][\"'\u201d\u2019)\]]*$")
_QUOTE_MARKS = '"\u201c\u201d'
_QUOTED = re.compile(r"[\"\u201c]([^\"\u201c\u201d]*)[\"\u201d]")
# Clause boundaries at which an over-long lede may be cut and closed with a full stop.
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?=(?:and|but|while|which|as|after|although|with|amid|despite|because)\b)")


@dataclass(frozen=True)
class _Sentence:
    text: str
    para: int
    """0-based body paragraph."""
    index: int
    """Position of the sentence within its paragraph."""
    order: int
    """Position in the whole article, for stable tie-breaks."""
    words: tuple[str, ...]
    terms: frozenset[str]
    quoted: float
    """Share of the sentence inside quotation marks, counting a quotation its paragraph leaves open."""


def extract_summary(article: Article) -> tuple[str, tuple[str, ...]]:
    """(BLUF, key points): both verbatim sentences of the article, except a lede cut at a clause."""
    sentences = _sentences(article)
    if not sentences:
        return "", ()
    scores = _scores(article, sentences)
    bluf, bluf_sentence = _pick_bluf(sentences, scores)
    return bluf, _pick_points(sentences, scores, bluf, bluf_sentence, _target_points(article))


def _sentences(article: Article) -> list[_Sentence]:
    result: list[_Sentence] = []
    for para, paragraph in _body(article.paragraphs):
        spans = quoted_spans(paragraph)
        for index, sentence in enumerate(split_sentences(paragraph)):
            text = sentence.text
            words = tuple(_WORD.findall(text))
            quoted = quoted_share(spans, sentence.start, sentence.start + len(text))
            result.append(_Sentence(text, para, index, len(result), words, _terms(words), quoted))
    return result


def _body(paragraphs: Sequence[str]) -> list[tuple[int, str]]:
    """Body paragraphs with their index, without the wire furniture that opens some copy: a
    byline ("By Jane Smith") and a dateline, alone ("LONDON 1996-08-30") or before the lede
    ("WASHINGTON (Reuters) - ..."). Neither is news, so neither may become the BLUF."""
    body = list(enumerate(paragraphs))
    while body and _BYLINE.match(body[0][1]):
        body.pop(0)
    if body:
        para, first = body[0]
        length, _ = find_dateline(first)
        rest = first[length:].lstrip(" -\u2013\u2014:")
        if length and not _WORD.search(rest):
            body.pop(0)
        elif length and (rest[:1].isupper() or rest[:1] in _QUOTE_MARKS) and not first[:length].rstrip().endswith(":"):
            body[0] = (para, rest)
    return body


def _terms(words: tuple[str, ...]) -> frozenset[str]:
    """Content-word stems: lower case, stopwords dropped, plurals and possessives folded,
    hyphenated compounds split ("Japan-South" counts as "japan" and "south")."""
    return frozenset(itertools.chain.from_iterable(map(_word_terms, words)))


@lru_cache(maxsize=1 << 16)
def _word_terms(word: str) -> tuple[str, ...]:
    """The content-word stems of one word (cached: an article repeats its words)."""
    return tuple(fold(p) for p in word.lower().split("-") if p not in STOPWORDS and len(p) > 2)


def _target_points(article: Article) -> int:
    """Longer stories earn more points: 3 under 250 words, 4 under 500, else 5."""
    return 3 if article.words < 250 else 4 if article.words < 500 else 5


def _scores(article: Article, sentences: list[_Sentence]) -> list[float]:
    """Position (lede first), centrality, headline overlap and information density, mixed 35/30/15/20."""
    frequency: dict[str, int] = {}
    for sentence in sentences:
        for term in sentence.terms:
            frequency[term] = frequency.get(term, 0) + 1
    headline = _terms(tuple(_WORD.findall(article.headline)))
    centrality = [
        sum(min(frequency[t], 5) for t in s.terms if frequency[t] > 1) / math.sqrt(len(s.terms) + 1) for s in sentences
    ]
    density = [_density(s) for s in sentences]
    top_centrality = max(centrality) or 1.0
    top_density = max(density) or 1.0
    scores = []
    for s, cen, den in zip(sentences, centrality, density, strict=True):
        # Sentence order, not paragraph number: seeds have one-sentence paragraphs, BBC-style
        # copy packs many sentences into one.
        position = 1.0 / (1.0 + 0.15 * s.order)
        overlap = len(s.terms & headline) / len(headline) if headline else 0.0
        score = 0.35 * position + 0.3 * cen / top_centrality + 0.15 * overlap + 0.2 * den / top_density
        score *= _quote_factor(s)
        if any(w.lower() in ("he", "she", "they", "it") for w in s.words[1:6]):
            score *= 0.5  # "In August he visited...": who "he" is lives in another sentence
        if len(s.words) < 8:
            score *= 0.6
        scores.append(score)
    return scores


def _quote_factor(sentence: _Sentence) -> float:
    """Quotes have their own section, so key points prefer reported facts: a sentence that is
    mostly quotation is heavily discounted, a quoted phrase hardly at all."""
    if sentence.quoted > 0.5:
        return 1.0 - 0.6 * sentence.quoted
    return 0.95 if sentence.quoted else 1.0


def _density(sentence: _Sentence) -> float:
    """Names (capitalised words after the first), numbers and dates per sentence, saturating at 6."""
    count = 0
    for position, word in enumerate(sentence.words):
        if word[0].isdigit() or word.lower() in _MONTHS or (position and word[0].isupper()):
            count += 1
            if count == 6:
                break
    return count / 6


def is_complete_sentence(text: str) -> bool:
    """A sentence a reader can take alone: capitalised, ends in . or !, has a verb, quotes balanced."""
    return _is_complete(text, _WORD.findall(text))


def _is_complete(text: str, words: Sequence[str]) -> bool:
    """`is_complete_sentence` for a sentence already split into words."""
    if len(words) < 5 or not _END.search(text) or "\n" in text:  # list items are not prose
        return False
    first = text.lstrip(_QUOTE_MARKS + "'(\u2018")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    if text.count('"') % 2 or text.count("\u201c") != text.count("\u201d"):
        return False  # a piece of a longer quotation
    if is_headline_case(words):
        return False  # "Clinton Put On The Defensive Over Policy." is a heading
    return any(_is_verbish(w, words[i - 1] if i else "") for i, w in enumerate(words))


def _is_verbish(word: str, previous: str) -> bool:
    lower = word.lower()
    if lower in _AUXILIARIES or (len(lower) > 4 and lower.endswith("ed")):
        return True
    # A present-tense verb after a name or a noun: "Labour plans", "The firm expects".
    return lower == word and lower.endswith("s") and not lower.endswith("ss") and previous[:1].isupper()


def _is_self_contained(sentence: _Sentence) -> bool:
    """Not a quotation, question or sentence leaning on the previous one ("But he said...")."""
    text = sentence.text
    if text[:1] in _QUOTE_MARKS or sentence.quoted > 0.5 or _is_question(text):
        return False
    return not leans_on_context(text)


def _is_question(text: str) -> bool:
    return text.rstrip(_QUOTE_MARKS + "')").endswith("?")


def _point_text(sentence: _Sentence) -> tuple[str, int] | None:
    """The sentence as a key point and its tier (0: a reported fact; 1: an attributed quotation,
    '"We won," she said.'), or None when it cannot stand alone. A leading connective is dropped
    ("However, the vote..." -> "The vote...") when the rest then stands alone."""
    text = drop_connective(sentence.text)
    if _is_question(text) or leans_on_context(text.lstrip(_QUOTE_MARKS)):
        return None
    if text[:1] not in _QUOTE_MARKS and sentence.quoted <= 0.5:
        return text, 0
    # A quotation needs its speaker in the same sentence: a few words outside the marks.
    attributed = sentence.quoted < 0.85 and sentence.quoted < 1.0 - 12.0 / max(len(text), 1)
    return (text, 1) if attributed else None


def _pick_bluf(sentences: list[_Sentence], scores: list[float]) -> tuple[str, _Sentence | None]:
    """The lede when it can stand alone in at most 40 words; else the lede cut at a clause
    boundary; else the best-scoring complete sentence that fits."""
    lede = sentences[0]
    if _is_lede_usable(lede):
        if len(lede.text.split()) <= MAX_BLUF_WORDS:
            return lede.text, lede
        cut = _cut_at_clause(lede.text)
        if cut:
            return cut, lede
    ranked = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))
    for i in ranked:
        s = sentences[i]
        if len(s.text.split()) <= MAX_BLUF_WORDS and is_complete_sentence(s.text) and _is_self_contained(s):
            return s.text, s
    for i in ranked:  # nothing qualifies: the best sentence that fits, even if it leans on context
        if len(sentences[i].text.split()) <= MAX_BLUF_WORDS and is_complete_sentence(sentences[i].text):
            return sentences[i].text, sentences[i]
    return _cut_at_clause(lede.text) or " ".join(lede.text.split()[:MAX_BLUF_WORDS]), lede


def _is_lede_usable(lede: _Sentence) -> bool:
    """A news lede is written to stand alone, so it only has to look like a sentence: some
    copy drops its final full stop, and its verb may be any verb ("ministers meet")."""
    text, words = lede.text, lede.words
    if len(words) < 5 or text.rstrip(_QUOTE_MARKS + "')").endswith("?"):
        return False
    if text[:1] in _QUOTE_MARKS:  # a quote lede needs its attribution: '"...", MPs have warned.'
        tail = re.split(r"[\"\u201d]", text[1:])[-1]
        return text.count('"') % 2 == 0 and len(_WORD.findall(tail)) >= 2
    if not (text[:1].isupper() or text[:1].isdigit()) or text.count('"') % 2:
        return False
    # "He said..." leans on context; "We Are The World, the charity anthem, ..." is a title.
    # "It" opens ledes as a dummy subject ("It could cost £80m to..."), so it is allowed.
    leaning = words[0].lower() in ("he", "she", "they", "we", "but", "and", "or", "so")
    return not leaning or words[1][:1].isupper()


def _cut_at_clause(text: str) -> str | None:
    """The longest head of `text` ending at a clause boundary within 40 words, closed with a full stop."""
    best: str | None = None
    for match in _CLAUSE_BREAK.finditer(text):
        head = text[: match.start()].rstrip(" ,;")
        if len(head.split()) > MAX_BLUF_WORDS:
            break
        last = head.split()[-1].lower() if head.split() else ""
        if last in STOPWORDS:
            continue  # "...may elude him but, as he..." would leave a dangling "but."
        if len(head.split()) >= 8 and is_complete_sentence(head + "."):
            best = head + "."
    return best


def _pick_points(
    sentences: list[_Sentence],
    scores: list[float],
    bluf: str,
    bluf_sentence: _Sentence | None,
    target: int,
) -> tuple[str, ...]:
    """Greedy maximal-marginal-relevance choice: high score, unlike what is already chosen,
    spread over paragraphs. Reported facts come first; an attributed quotation only when they
    run out; a sentence that leans on the one before it never (fewer points beat a dangling one)."""
    bluf_terms = _terms(tuple(_WORD.findall(bluf)))
    texts: dict[int, str] = {}
    tiers: tuple[list[int], list[int]] = ([], [])
    for i, s in enumerate(sentences):
        if (
            s is bluf_sentence
            or s.text == bluf
            or len(s.words) > _MAX_POINT_WORDS
            or _similarity(s.terms, bluf_terms) >= 0.6
            or not _is_complete(s.text, s.words)
        ):
            continue
        point = _point_text(s)
        if point is not None:
            texts[i] = point[0]
            tiers[point[1]].append(i)
    chosen: list[int] = []
    # What each round needs to know about the sentences chosen so far, kept up to date as they
    # are chosen rather than recomputed for every candidate in every round: each candidate's
    # highest similarity to one of them, their texts, how many come from each paragraph.
    overlap = dict.fromkeys(texts, 0.0)
    chosen_texts: set[str] = set()
    per_paragraph: dict[int, int] = {}
    for candidates in tiers:
        while len(chosen) < target:
            best, best_value = -1, 0.0
            for i in candidates:
                if overlap[i] >= 0.5 or texts[i] in chosen_texts or i in chosen:
                    continue
                value = scores[i] * (1.0 - 0.5 * overlap[i]) * 0.75 ** per_paragraph.get(sentences[i].para, 0)
                if value > best_value:
                    best, best_value = i, value
            if best < 0:
                break
            chosen.append(best)
            picked = sentences[best]
            chosen_texts.add(texts[best])
            per_paragraph[picked.para] = per_paragraph.get(picked.para, 0) + 1
            for i in texts:
                overlap[i] = max(overlap[i], _similarity(sentences[i].terms, picked.terms))
    return tuple(texts[i] for i in chosen)


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap of content-word sets."""
    if not (a and b):
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)
