"""Topic tags: one IPTC Media Topics top-level category, then a few lower-case free tags.

The category comes from a hand-written weighted keyword lexicon (`lexicon.py`) scored over the
headline (counted three times), the first paragraph (twice) and the rest of the body. Term
counts are square-rooted so one repeated word cannot carry a story. Free tags come from the
tag lexicon and from noun pairs the article keeps repeating ("maternity pay").
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Mapping
from types import MappingProxyType

from ...model import Article
from .lexicon import CATEGORY_TERMS, STOPWORDS, TAG_TRIGGERS, TITLE_WORDS, fold, word_set

IPTC_TOP_LEVEL: tuple[str, ...] = (
    "arts, culture, entertainment and media",
    "conflict, war and peace",
    "crime, law and justice",
    "disaster, accident and emergency incident",
    "economy, business and finance",
    "education",
    "environment",
    "health",
    "human interest",
    "labour",
    "lifestyle and leisure",
    "politics",
    "religion",
    "science and technology",
    "society",
    "sport",
    "weather",
)
"""The 17 top-level IPTC Media Topics, with their current English labels (the 2023 revision
renamed "politics" to "politics" and "religion and belief" to "religion")."""

IPTC_QCODES: Mapping[str, str] = MappingProxyType(
    {
        "arts, culture, entertainment and media": "medtop:01000000",
        "crime, law and justice": "medtop:02000000",
        "disaster, accident and emergency incident": "medtop:03000000",
        "economy, business and finance": "medtop:04000000",
        "education": "medtop:05000000",
        "environment": "medtop:06000000",
        "health": "medtop:07000000",
        "human interest": "medtop:08000000",
        "labour": "medtop:09000000",
        "lifestyle and leisure": "medtop:10000000",
        "politics": "medtop:11000000",
        "religion": "medtop:12000000",
        "science and technology": "medtop:13000000",
        "society": "medtop:14000000",
        "sport": "medtop:15000000",
        "conflict, war and peace": "medtop:16000000",
        "weather": "medtop:17000000",
    }
)
"""IPTC QCode of each top-level label, for machine-readable output (JSON-LD `about`)."""

MAX_FREE_TAGS = 5
FALLBACK_CATEGORY = "human interest"
"""Given when no lexicon term occurs at all: IPTC's catch-all for stories about people and events."""
# The twelve narrower categories are real but rarer news desks; their evidence is discounted so
# a business story about a strike stays business unless labour vocabulary dominates.
_PRIOR = MappingProxyType(
    {
        "arts, culture, entertainment and media": 1.0,
        "economy, business and finance": 1.0,
        "politics": 1.0,
        "science and technology": 1.0,
        "sport": 1.0,
    }
)
_MINOR_PRIOR = 0.6
_HEADLINE_WEIGHT, _LEDE_WEIGHT = 3.0, 2.0
_TOKEN = re.compile(r"[a-z0-9][a-z0-9'\u2019\-]*")
# Words that make poor tags inside a pair: numbers, units of time, vague quantities.
_PAIR_NOISE = word_set(
    """four five six seven eight nine ten eleven twelve hundred thousand million billion months weeks
    days hours minutes month week day hour minute years year per cent percent half few several many
    other such same another every each second third fourth fifth best take taking get getting make
    making named set full good great big"""
)


def _tokens(text: str) -> list[str]:
    return list(map(fold, _TOKEN.findall(text.lower())))


def _parse_terms(spec: str) -> tuple[tuple[str, ...], ...]:
    """Comma-separated lexicon entries -> stemmed token tuples (phrases have several tokens)."""
    return tuple(tuple(_tokens(entry)) for entry in spec.split(",") if entry.strip())


def _build_category_index() -> Mapping[tuple[str, ...], tuple[tuple[str, float], ...]]:
    """term -> ((category, weight), ...), the strongest listing of a term per category winning."""
    index: dict[tuple[str, ...], dict[str, float]] = {}
    for category, tiers in CATEGORY_TERMS.items():
        for weight, spec in zip((3.0, 2.0, 1.0), tiers, strict=True):
            for term in _parse_terms(spec):
                slot = index.setdefault(term, {})
                slot[category] = max(slot.get(category, 0.0), weight)
    return MappingProxyType({term: tuple(sorted(w.items())) for term, w in index.items()})


def _build_tag_index() -> Mapping[tuple[str, ...], tuple[str, ...]]:
    index: dict[tuple[str, ...], list[str]] = {}
    for tag, spec in TAG_TRIGGERS.items():
        for term in _parse_terms(spec):
            index.setdefault(term, []).append(tag)
    return MappingProxyType({term: tuple(tags) for term, tags in index.items()})


_CATEGORY_INDEX = _build_category_index()
_TAG_INDEX = _build_tag_index()
# Every proper prefix of a multi-word term: phrase matching extends a window only while it is one.
_PREFIXES = frozenset(term[:n] for term in (*_CATEGORY_INDEX, *_TAG_INDEX) for n in range(1, len(term)))
# The first word of every term: a window starting on any other word is no term and no prefix.
_FIRST_WORDS = frozenset(term[0] for term in (*_CATEGORY_INDEX, *_TAG_INDEX))


def classify_topics(article: Article) -> tuple[str, ...]:
    """The best IPTC top-level category first, then up to five free tags (lower-case phrases)."""
    fields = _weighted_fields(article)
    counts = _term_counts(fields)
    category = _best_category(counts)
    tags = [t for t in _lexicon_tags(counts, fields) if t != category]
    for phrase in _salient_pairs(article):
        if len(tags) >= MAX_FREE_TAGS:
            break
        if phrase not in tags and not any(phrase in t or t in phrase for t in tags):
            tags.append(phrase)
    return (category, *tags[:MAX_FREE_TAGS])


def _weighted_fields(article: Article) -> list[tuple[list[str], float]]:
    paragraphs = article.paragraphs
    return [
        (_tokens(article.headline), _HEADLINE_WEIGHT),
        (_tokens(paragraphs[0]) if paragraphs else [], _LEDE_WEIGHT),
        (_tokens(" ".join(paragraphs[1:])), 1.0),
    ]


def _term_counts(fields: list[tuple[list[str], float]]) -> dict[tuple[str, ...], float]:
    """Weighted occurrences of every lexicon term (single words and phrases up to the longest)."""
    counts: dict[tuple[str, ...], float] = {}
    for tokens, weight in fields:
        for start, first in enumerate(tokens):
            if first not in _FIRST_WORDS:
                continue
            end = start + 1
            while end <= len(tokens):
                term = tuple(tokens[start:end])
                if term in _CATEGORY_INDEX or term in _TAG_INDEX:
                    counts[term] = counts.get(term, 0.0) + weight
                if term not in _PREFIXES:
                    break
                end += 1
    return counts


def _best_category(counts: dict[tuple[str, ...], float]) -> str:
    """Highest weighted score; ties go to the earlier label so the result is deterministic."""
    scores = dict.fromkeys(IPTC_TOP_LEVEL, 0.0)
    for term, count in counts.items():
        for category, weight in _CATEGORY_INDEX.get(term, ()):
            scores[category] += weight * math.sqrt(count)
    for category in scores:
        scores[category] *= _PRIOR.get(category, _MINOR_PRIOR)
    if not any(scores.values()):
        return FALLBACK_CATEGORY
    return max(IPTC_TOP_LEVEL, key=lambda c: (scores[c], -IPTC_TOP_LEVEL.index(c)))


def _lexicon_tags(counts: dict[tuple[str, ...], float], fields: list[tuple[list[str], float]]) -> list[str]:
    """Tags whose triggers occur at least twice, or once in the headline, strongest first."""
    scores: dict[str, float] = {}
    for term, count in counts.items():
        for tag in _TAG_INDEX.get(term, ()):
            scores[tag] = scores.get(tag, 0.0) + count
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return [tag for tag, score in ranked if score >= 2.0][:MAX_FREE_TAGS]


# Job titles ("prime minister") say who is involved, not what the story is about.
_NOT_TAG_WORDS = STOPWORDS | _PAIR_NOISE | TITLE_WORDS


_PAIR_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*|[^\sA-Za-z]+")


def _salient_pairs(article: Article) -> list[str]:
    """Lower-case word pairs the body repeats at least three times ("maternity pay"), most
    frequent first. Capitalised words are skipped (names belong to the entity lists), and so
    are numbers, units of time and titles ("six months", "prime minister")."""
    counts: dict[tuple[str, str], int] = {}
    for paragraph in article.paragraphs:
        # Each word is judged once, not once per pair it is in.
        usable = [
            w if len(w) > 2 and w.islower() and w not in _NOT_TAG_WORDS else None for w in _PAIR_WORD.findall(paragraph)
        ]
        for first, second in itertools.pairwise(usable):
            if first is not None and second is not None:
                pair = (first, second)
                counts[pair] = counts.get(pair, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [" ".join(pair) for pair, count in ranked if count >= 3][:2]
