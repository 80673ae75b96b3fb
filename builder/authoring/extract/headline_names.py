"""Reading the headline: ordinary case for an ALL-CAPS one, and the names only it gives.

Title-Case capitalisation is no evidence of a name, so the headline only confirms the body's
entities; a word that looks like a person's name and that the body never uses is reported on
its own ("Koizumi").
"""

from __future__ import annotations

import re

from ...model import Article
from .gazetteer import Gazetteer


def headline_case(headline: str, gaz: Gazetteer) -> str:
    """An ALL-CAPS headline in ordinary case, keeping known acronyms ("NHK", "US")."""
    letters = [c for c in headline if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return headline

    def fix(match: re.Match[str]) -> str:
        word = match.group()
        known = word in gaz.organizations or word in gaz.country_codes
        return word if known else word.capitalize()

    return re.sub(r"[A-Z][A-Z'\u2019-]*", fix, headline)


def names_only_in_headline(text: str, article: Article, gaz: Gazetteer) -> list[str]:
    """Words of an unresolved headline name that look like a person's name and that the body never
    uses; consecutive ones stay together ("Junichiro Koizumi")."""
    body = " ".join(article.paragraphs).casefold()
    result: list[str] = []
    run: list[str] = []
    for word in [*text.split(), ""]:
        if word and _is_headline_name(word, body, gaz):
            run.append(word)
            continue
        if run:
            result.append(" ".join(run))
        run = []
    return result


def _is_headline_name(word: str, body: str, gaz: Gazetteer) -> bool:
    if len(word) < 3 or not word.isalpha() or not word[0].isupper() or not word[1:].islower():
        return False
    if _is_wordlike(word, gaz) or word in gaz.organizations or word in gaz.clubs:
        return False
    if word in gaz.country_codes or gaz.demonym_code(word):
        return False
    return re.search(rf"\b{re.escape(word.casefold())}\b", body) is None


# Endings of derived words ("Rapper", "Defection", "Beijingers") whose stem is a word or place.
_SUFFIXES = ("ers", "er", "ions", "ion", "ings", "ing", "ed", "es", "s", "ites", "ns", "ists", "ist")


def _is_wordlike(word: str, gaz: Gazetteer) -> bool:
    """An ordinary word, an inflected or compound one ("Slowdown", "Hotspot"), or a place's."""
    lower = word.lower()
    if gaz.is_word(lower) or word in gaz.places:
        return True
    for suffix in _SUFFIXES:
        stem = lower[: -len(suffix)]
        if not lower.endswith(suffix) or len(stem) < 3:
            continue
        if any(gaz.is_word(s) for s in (stem, stem + "e", stem[:-1])) or stem.title() in gaz.places:
            return True
    for prefix in ("re", "un", "pre", "non"):
        if lower.startswith(prefix) and gaz.is_word(lower[len(prefix) :]):
            return True
    return any(gaz.is_word(lower[:i]) and gaz.is_word(lower[i:]) for i in range(3, len(lower) - 2))
