"""Abbreviations read as one word while attributions are read: "Mr. Allen", "Sen. Lee", "George
H.W. Bush" keep their full stops from ending a sentence, offsets kept."""

from __future__ import annotations

import re

from .lexicon import TITLE_WORDS
from .quote_words import TITLE_ABBREVIATIONS, VERB

_PARENTHETICAL = re.compile(r"\((?:[RDI]|[RDI]-[\w. ]{1,16}|pictured|left|right|above|below)\)")
# Stands in for the full stop of an abbreviation while attributions are read (a letter, so the
# abbreviation stays one word: "Mr\u02d1 Allen", "H\u02d1W\u02d1").
ABBREVIATION_DOT = "\u02d1"
_ABBREVIATION = re.compile(
    r"(?<![\w.'\u2019])(?:(?P<word>(?i:mr|mrs|ms|dr|prof|sr|jr|st|mt|gen|col|lt|sgt|capt|cmdr|adm|gov|govs|sen|sens"
    r"|rep|reps|del|rev|hon|atty|maj|pres|sec|supt|det|ft|no|vs))\.(?=\s)|[A-Z](?:\.[A-Z])*\.(?=\s+(?:[A-Z][a-z]|[A-Z]\.\s)))"
)


def protect_abbreviations(text: str) -> str:
    """The text with the full stops of abbreviations replaced by `ABBREVIATION_DOT` and short
    asides in brackets ("Jason Chaffetz (R-Utah) said") blanked, offsets kept."""
    text = _PARENTHETICAL.sub(lambda m: " " * len(m.group()), text)
    if "." not in text:
        return text
    return _ABBREVIATION.sub(_abbreviation, text)


# Initials after a speech verb or "by" start a name ("says J.J. Lee", "by A.B. Cole"), not a sentence.
_INITIALS_LEAD = re.compile(rf"{VERB}|by")


def _abbreviation(match: re.Match[str]) -> str:
    """An initial stays in a name ("said R. Gil Kerlikowske", "George H.W. Bush"); a dotted acronym
    after a lower-case word ends a sentence ("in the U.S. The")."""
    if match.group("word") is None and len(match.group()) > 2:
        words = match.string[: match.start()].split()
        lead = words[-1] if words else ""
        if lead and not lead[:1].isupper() and lead[-1:] not in '"\u201c(' and not _INITIALS_LEAD.fullmatch(lead):
            return match.group()
    return match.group().replace(".", ABBREVIATION_DOT)


def bare(word: str) -> str:
    """A word lower-cased without its abbreviation stop: "Mr." and "Mr\u02d1" are "mr"."""
    return word.lower().rstrip("." + ABBREVIATION_DOT)


def is_title(word: str) -> bool:
    """A title word written out or abbreviated: "Senator", "Sen.", "Gov."."""
    return word.lower() in TITLE_WORDS or (word[-1:] in "." + ABBREVIATION_DOT and bare(word) in TITLE_ABBREVIATIONS)
