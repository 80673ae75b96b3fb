"""Wire datelines: `LONDON 1996-08-30`, `WASHINGTON (Reuters) -`, `DURBAN, South Africa 1996-12-06`.

A dateline opens the story (after the headline, maybe after a byline line) and gives where and
when it was filed. It dates the story; it is not an event of the story.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .date_phrases import MONTH_PATTERN, YEAR_PATTERN, DateMention, find_date_mentions

# An upper-case place, maybe ", Country", maybe a date, maybe "(Agency)", maybe a dash.
_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z'.\-]+(?:\s+[A-Z][A-Z'.\-]+)*)"
    rf"(?:,\s+(?!{MONTH_PATTERN})(?P<country>[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)*))?"
    rf"(?:,?\s+(?P<date>(?:19|20)\d\d-\d\d-\d\d|{MONTH_PATTERN}\s*\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{YEAR_PATTERN})?|"
    rf"\d{{1,2}}\s+{MONTH_PATTERN}(?:\s+{YEAR_PATTERN})?))?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&/-]{0,30})\))?\s*(?P<dash>-{1,2}|\u2013|\u2014|:)?\s*"
)
# A byline line before the dateline: "By A. Reporter", or a bare name of two to four words.
_BYLINE = re.compile(
    r"^(?:[Bb]y\s+)?[A-Z][\w'.\-]*(?:\s+(?:[A-Z][\w'.\-]*|de|van|von|al|bin|and|&)){0,5}"
    r"(?:,\s+[A-Z][\w .'-]{0,40})?$"
)
LEAD_PARAGRAPHS = 3
"""How many paragraphs from the top a dateline may sit in (behind byline lines)."""


@dataclass(frozen=True)
class Dateline:
    """A dateline found in the story's first paragraphs."""

    paragraph: int
    """Index into `Article.paragraphs` (0 is the first body paragraph)."""
    length: int
    """Characters of the paragraph the dateline takes up."""
    place: str
    mention: DateMention | None


def find_dateline(paragraph: str) -> tuple[int, DateMention | None]:
    """Length of a wire dateline at the start of `paragraph` (0 if none) and its date, if any."""
    match = _match(paragraph)
    if match is None:
        return 0, None
    return match.end(), _date_of(match)


def find_story_dateline(paragraphs: Sequence[str]) -> Dateline | None:
    """The dateline in the first paragraphs, behind nothing but byline lines, or None."""
    for index, paragraph in enumerate(paragraphs[:LEAD_PARAGRAPHS]):
        match = _match(paragraph)
        if match is not None:
            return Dateline(index, match.end(), match["place"], _date_of(match))
        if not _BYLINE.match(paragraph.strip()):
            return None
    return None


def _match(paragraph: str) -> re.Match[str] | None:
    match = _DATELINE.match(paragraph)
    if not match or len(re.sub(r"[^A-Z]", "", match["place"])) < 2:
        return None
    if not (match["date"] or match["agency"] or match["dash"]):
        return None
    return match


def _date_of(match: re.Match[str]) -> DateMention | None:
    if not match["date"]:
        return None
    mentions = find_date_mentions(match["date"])
    return mentions[0] if mentions and mentions[0].day is not None else None
