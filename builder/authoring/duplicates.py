"""Duplicate seeds: the same article filed twice, byte for byte or nearly.

News feeds repeat themselves: the same story under two file names, or re-sent with a changed
word. Seeds are grouped by content hash (exact duplicates) and, among seeds sharing a normalised
headline, by the Jaccard similarity of their word 5-shingles (near duplicates). The first seed of
a group, in path order, is the original; the others are briefed as duplicates of it.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

NEAR_DUPLICATE = 0.5
"""Shingle overlap above which two same-headline seeds are one story (re-sends score ~0.9, follow-ups ~0.1)."""
_WORD = re.compile(r"[a-z0-9£$€%]+")


@dataclass(frozen=True)
class Duplicate:
    original: str
    """The seed (display name) this one repeats."""
    kind: str
    """exact / near"""
    similarity: float


def find_duplicates(seeds: Iterable[tuple[str, bytes]]) -> dict[str, Duplicate]:
    """Pure: (name, raw bytes) in path order -> {duplicate name: Duplicate}."""
    found: dict[str, Duplicate] = {}
    by_hash: dict[str, str] = {}
    # shingles are computed only for seeds whose headline another seed shares
    by_headline: dict[str, list[tuple[str, str]]] = defaultdict(list)
    shingles: dict[str, frozenset[str]] = {}
    for name, raw in seeds:
        digest = hashlib.sha256(raw).hexdigest()
        if digest in by_hash:
            found[name] = Duplicate(by_hash[digest], "exact", 1.0)
            continue
        by_hash[digest] = name
        text = raw.decode("utf-8", "replace").lower()
        headline = next((line for line in text.splitlines() if line.strip() and line.strip() != "---"), "")
        key = " ".join(_WORD.findall(headline))
        for other, other_text in by_headline[key]:
            mine = shingles.setdefault(name, _shingles(_WORD.findall(text)))
            similarity = _jaccard(mine, shingles.setdefault(other, _shingles(_WORD.findall(other_text))))
            if similarity >= NEAR_DUPLICATE:
                found[name] = Duplicate(other, "near", round(similarity, 2))
                break
        else:
            by_headline[key].append((name, text))
    return found


def _shingles(words: list[str], size: int = 5) -> frozenset[str]:
    return frozenset(" ".join(words[i : i + size]) for i in range(max(1, len(words) - size + 1)))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0
