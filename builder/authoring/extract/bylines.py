"""Every body paragraph read for mentions, with the wire lines that open a story.

A dateline ("LONDON 1996-08-30", "DURBAN, South Africa -") names the place the story was filed
from and is read as such, not as a span of words; a short line of names before it is the
byline, the writer.
"""

from __future__ import annotations

import re

from .dates import find_dateline
from .gazetteer import Gazetteer
from .mentions import COUNTRY, PERSON, PLACE, Context, Mention
from .name_lexicon import CALENDAR, wordlist
from .names import read_paragraph


def read_body(paragraphs: tuple[str, ...], ctx: Context) -> list[Mention]:
    """Mentions of every body paragraph. A wire dateline ("LONDON 1996-08-30", "DURBAN, South
    Africa -") names the place the story was filed from, and a short line of names before it is
    the byline: the writer."""
    lead, length = _find_lead_dateline(paragraphs)
    mentions: list[Mention] = []
    for pid, text in enumerate(paragraphs, start=1):
        if pid - 1 == lead:
            mentions.extend(_dateline_places(text[:length], pid, ctx.gazetteer))
            text = " " * length + text[length:]  # offsets stay those of the paragraph
        elif pid - 1 < lead and _BYLINE.fullmatch(text):
            mentions.append(Mention(PERSON, text.strip(), pid, 0, form=text.strip(), strong=True))
            continue
        mentions.extend(read_paragraph(text, pid, ctx))
    return mentions


# A byline: two to four capitalised words alone on a line ("Richard Finn", "Mary-Ann de Vries").
_BYLINE = re.compile(r"\s*(?:By\s+)?[A-Z][\w'.-]+(?:\s+(?:[a-z]{2,3}\s+)?[A-Z][\w'.-]+){1,3}\s*")


_DATELINE_PLACE = re.compile(
    r"(?P<city>[A-Z][A-Z'.\-]+(?:\s+[A-Z][A-Z'.\-]+)*)(?:,\s+(?P<region>[A-Z][A-Za-z.'\-]*(?:\s+[A-Z][A-Za-z.'\-]*)*))?"
)


def _find_lead_dateline(paragraphs: tuple[str, ...]) -> tuple[int, int]:
    """Index and length of the dateline that opens the story (in its first paragraph, or after a
    byline and a headline-like line), or (-1, 0)."""
    for index, text in enumerate(paragraphs[:3]):
        length, _ = find_dateline(text)
        if length:
            return index, length
        if not _BYLINE.fullmatch(text):
            break
    return -1, 0


def _dateline_places(prefix: str, pid: int, gaz: Gazetteer) -> list[Mention]:
    """The city of a dateline and the country or state after it ("KHASAVYURT, Russia")."""
    match = _DATELINE_PLACE.match(prefix)
    if match is None:
        return []
    mentions: list[Mention] = []
    region = match["region"] or ""
    words = region.split()
    for i, word in enumerate(words):
        if word.rstrip(".") in CALENDAR or word[:3] in _MONTH_ABBREVIATIONS:
            words = words[:i]
            break
    region = " ".join(words)
    region_code = gaz.country_codes.get(region)
    city = _place_case(match["city"], gaz)
    code = gaz.country_codes.get(city)
    if code:
        mentions.append(Mention(COUNTRY, code, pid, 0, form=city))
    else:
        mentions.append(Mention(PLACE, city, pid, 0, country=region_code, form=city, detail="city"))
    if region_code:
        mentions.append(Mention(COUNTRY, region_code, pid, match.start("region"), form=region))
    elif region:
        mentions.append(Mention(PLACE, region, pid, match.start("region"), form=region))
    return mentions


_MONTH_ABBREVIATIONS = frozenset(wordlist("Jan Feb Mar Apr May Jun Jul Aug Sep Sept Oct Nov Dec"))


def _place_case(caps: str, gaz: Gazetteer) -> str:
    """'N'DJAMENA' -> "N'Djamena", 'THE HAGUE' -> 'The Hague': the form the gazetteer knows, else
    each word capitalised."""
    titled = caps.title()
    for form in (titled, titled.removeprefix("The "), caps):
        if form in gaz.places or form in gaz.country_codes:
            return form
    return titled
