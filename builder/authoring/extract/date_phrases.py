"""Date phrases in news text: find them and parse them ("late January", "last year", "Tuesday, January 13th").

A `DateMention` is a phrase as written and parsed, not yet placed on the calendar (that is
`date_spans.resolve_mention`). Month and weekday names match case-sensitively: news
capitalises them, and lower-case "may" or "march" are other words.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from ...isodate import MONTH_NAMES
from .lexicon import word_set


def _numbered(words: str, first: int = 0) -> dict[str, int]:
    return {word: i for i, word in enumerate(words.split(), first)}


_MONTH_ABBREVIATIONS = tuple(name[:3] for name in MONTH_NAMES)
_MONTHS = {name.lower(): i for i, name in enumerate(MONTH_NAMES, 1)}
_MONTHS |= {short.lower(): i for i, short in enumerate(_MONTH_ABBREVIATIONS, 1)} | {"sept": 9}
WEEKDAYS = (
    _numbered("monday tuesday wednesday thursday friday saturday sunday")
    | _numbered("mon tue wed thu fri sat sun")
    | {"tues": 1, "thur": 3, "thurs": 3}
)
"""Weekday names and abbreviations, lower-case, to their number (Monday = 0)."""
_WORD_NUMBERS = _numbered("zero one two three four five six seven eight nine ten eleven twelve")

# --- the phrase grammar -------------------------------------------------------------------
_MONTH_FULL = rf"(?:{'|'.join(MONTH_NAMES)})(?![A-Za-z])"
_MONTH = rf"(?:{_MONTH_FULL}|(?:Sept|{'|'.join(_MONTH_ABBREVIATIONS)})\.?(?![A-Za-z]))"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![A-Za-z])"
_WEEKDAY_ANY = rf"(?:{_WEEKDAY}|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?(?![A-Za-z]))"
# A day number must not be part of a larger number, score, time or percentage ("3-1", "12.5").
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w%]|[.:,/-]\d)"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?![\w%]|[.,]\d)"
_PART = (
    r"(?i:(?:the\s+)?(?:end|start|beginning|middle|close)\s+of|early|late|mid-?|"
    r"(?:the\s+)?(?:first|second)\s+half\s+of)"
)
_SEASON = r"(?i:spring|summer|autumn|winter|fall)"

_ISO = re.compile(r"(?<![\w-])(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\w-])")
# Every pattern starts on a required word (a month, a number, "last"...): an optional prefix
# at the front makes the regex engine try each character, three times slower over the corpus.
# Prefixes ("Tuesday,", "late", "last") are looked for behind a match instead (`_BEFORE_*`).
_MDY = re.compile(
    rf"(?P<m>{_MONTH})\s*(?P<d>{_DAY})(?:\s*\((?P<wd2>{_WEEKDAY_ANY})\))?(?:,?\s+(?P<y>{_YEAR}))?"
    rf"(?:\s*\((?P<wd3>{_WEEKDAY_ANY})\))?"
)
_DMY = re.compile(rf"(?<![\w$£€.,])(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?")
_MONTH_PHRASE = re.compile(
    rf"(?P<m>{_MONTH_FULL})(?:(?:\s+of)?,?\s+(?P<y>{_YEAR})|(?:\s+of)?\s+(?P<yrel>(?i:last|this|next))\s+year(?![\w-]))?"
)
# Not a dimension: "2048 x 1080 pixels".
_YEAR_PHRASE = re.compile(rf"(?<![\w$£€.,/])(?P<y>{_YEAR})(?:[-/](?P<y2>\d\d)(?!\d))?(?!\s*[x\u00d7*]\s*\d)")
_RELATIVE = re.compile(
    r"(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Tt]he\s+(?:following|previous|next|coming|same)|[Ee]arlier\s+this|"
    r"[Ll]ater\s+this|[Tt]he)\s+(?P<unit>year|month|week|day)(?![\w-])"
)
_NUMBER = (
    r"[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|"
    r"\d{1,2}"
)
_AGO = re.compile(rf"\b(?P<n>{_NUMBER})\s+(?P<unit>year|month|week|day)s?\s+(?P<dir>ago|earlier|later)\b")
_IN_TIME = re.compile(rf"\b[Ii]n\s+(?P<n>{_NUMBER})\s+(?P<unit>year|month|week)s?'?\s+time\b")
_SEASON_REL = re.compile(r"(?P<mode>[Ll]ast|[Nn]ext|[Tt]his)\s+(?P<season>spring|summer|autumn|winter)\b")
_NEIGHBOUR_DAY = re.compile(r"\b(?P<w>[Yy]esterday|[Tt]omorrow)\b")
_WEEKDAY_PHRASE = re.compile(rf"(?P<wd>{_WEEKDAY})(?!-)(?:\s+(?:morning|afternoon|evening|night))?")

_AFTER_A_DAY = re.compile(rf"(?:{_WEEKDAY}|\d\s+{_MONTH}|{_MONTH}\s+\d+)[^.;\d]{{0,14}}$")
_BEFORE_WEEKDAY = re.compile(rf"(?P<wd>{_WEEKDAY_ANY}),?\s+(?:the\s+)?$")
_BEFORE_MODE = re.compile(r"\b(?P<mode>(?i:last|next|this|coming))\s+$")
_BEFORE_PART = re.compile(rf"(?:\b|^)(?P<part>{_PART})\s*$")
MONTH_PATTERN = _MONTH
"""A month name or abbreviation, as a regular expression (no groups)."""
YEAR_PATTERN = _YEAR
"""A four-digit year from 1800 to 2099 not inside a larger number, as a regular expression (no groups)."""
_BEFORE_YEAR_PART = re.compile(rf"(?:\b|^)(?P<part>{_PART}|{_SEASON})\s*(?:of\s+)?$")
# Words without which a pattern cannot match, tested on the lower-cased paragraph first: most
# paragraphs have no month or weekday, and a substring test is far cheaper than a regex scan.
_MONTH_KEYS = tuple(short.lower() for short in _MONTH_ABBREVIATIONS)

_HEDGE_PREFIX = re.compile(r"(?i:(?P<h>as\s+(?:early|soon|late)\s+as|no\s+later\s+than)\s+)$")
_PREVIOUS_WORD = re.compile(r"([A-Za-z'-]+)[\s,]*$")
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")

# Context rules (why): a bare year is often a quantity and a bare weekday or month is often part
# of a name ("Sheffield Wednesday", "June Sarpong"), so they need a cue word before them.
_YEAR_CUES = word_set(
    "in since by until till to from of for during before after and or between through throughout the its his "
    "her their our this early late mid circa"
)
_MONTH_CUES = word_set(
    "in since by until till to from of for during before after and or between through the last next early "
    "late mid end this"
)
_WEEKDAY_CUES = word_set("on last next this since until till by from before after and or to of that")
_RISKY_MONTHS = frozenset({"May", "March", "August"})
_NOT_AFTER_YEAR = word_set("gmt bst utc hours hrs")
_NOT_AFTER_WEEKDAY = word_set(
    "Times Telegraph Mirror Express People Herald Post Mail Tribune Sport Star Business Observer Independent"
)
_GENERIC_AFTER_NEIGHBOUR = word_set(
    "world generation technology technologies digital stars leaders heroes men women children people economy"
)
_OFFSETS = {"last": -1, "next": 1, "the following": 1, "the next": 1, "the coming": 1, "the previous": -1}
_DURATION_CUES = word_set("over during for within in throughout")


@dataclass(frozen=True)
class DateMention:
    """A date phrase as written and parsed, not yet resolved against a story date."""

    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    unit: str | None = None
    """For relative phrases: year / month / week / day, counted `offset` from the anchor."""
    offset: int = 0
    anchor: str = "story"
    """story: relative to the story date; previous: to the last date mentioned before it."""
    mode: str | None = None
    """last / next / this for "last June", "next Friday", "this summer"."""
    part: str | None = None
    """early / mid / late / end / start / first-half / second-half / earlier / later / a season."""
    hedge: str | None = None
    """possible for "as early as"; the hedge belongs to the date phrase itself."""


@lru_cache(maxsize=256)
def find_date_mentions(text: str) -> tuple[DateMention, ...]:
    """All date phrases in `text`, left to right, longest match winning where they overlap.

    Cached: the story date and the timeline both read every paragraph of an article.
    """
    found: list[DateMention] = []
    lower = text.lower()
    for keys, gate, pattern, parse in _PARSERS:
        if not any(key in lower for key in keys) or (gate is not None and gate.search(text) is None):
            continue
        for match in pattern.finditer(text):
            mention = parse(match, text)
            if mention is not None:
                found.append(mention)
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    chosen: list[DateMention] = []
    for mention in found:
        if chosen and mention.start < chosen[-1].end:
            continue
        chosen.append(_with_hedge_prefix(mention, text))
    return tuple(chosen)


def _with_hedge_prefix(mention: DateMention, text: str) -> DateMention:
    prefix = _before(text, mention.start, _HEDGE_PREFIX)
    if prefix is None:
        return mention
    hedge = "possible" if re.match(r"(?i)as\s+(?:early|soon)", prefix.group("h")) else mention.hedge
    return replace(mention, start=prefix.start(), text=text[prefix.start() : mention.end], hedge=hedge)


def _before(text: str, start: int, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """A prefix (a weekday, "late", "last") that ends right where a phrase starts."""
    return pattern.search(text, max(0, start - 32), start)


def _mention(match: re.Match[str], start: int | None = None, **fields: Any) -> DateMention:
    """The mention `match` makes, starting earlier at `start` when a prefix was found behind it."""
    begin = match.start() if start is None else start
    return DateMention(begin, match.end(), match.string[begin : match.end()], **fields)


def _previous_word(text: str, start: int) -> tuple[str, bool]:
    """The word before `start` and whether a sentence starts right before the phrase."""
    before = text[max(0, start - 40) : start]
    stripped = before.rstrip(" \t,")
    if not stripped or stripped[-1] in '.!?"\u201c\u201d:;(':
        return "", True
    match = _PREVIOUS_WORD.search(before)
    return (match.group(1) if match else ""), False


def _next_word(text: str, end: int) -> str:
    match = _NEXT_WORD.match(text, end)
    return match.group(1) if match else ""


def _parse_iso(match: re.Match[str], text: str) -> DateMention | None:
    return _mention(match, year=int(match["y"]), month=int(match["m"]), day=int(match["d"]))


def _parse_day_month(match: re.Match[str], text: str) -> DateMention | None:
    year = int(match["y"]) if match["y"] else None
    month = _MONTHS[match["m"].rstrip(".").lower()]
    day = int(re.sub(r"\D", "", match["d"]))
    if not is_valid_day(year or 2000, month, day):  # 2000 is a leap year: 29 February stays possible
        return None
    start, weekday = match.start(), None
    prefix = _before(text, start, _BEFORE_WEEKDAY)
    names = [prefix["wd"]] if prefix else []
    names += [match[g] for g in ("wd2", "wd3") if g in match.re.groupindex and match[g]]
    if names:
        weekday = WEEKDAYS[names[0].rstrip(".").lower()]
    start = prefix.start() if prefix else start
    return _mention(match, start, year=year, month=month, day=day, weekday=weekday)


def _parse_month_phrase(match: re.Match[str], text: str) -> DateMention | None:
    month, start = _MONTHS[match["m"].lower()], match.start()
    mode_match = _before(text, start, _BEFORE_MODE)
    mode = mode_match["mode"].lower() if mode_match else None
    start = mode_match.start() if mode_match else start
    part_match = _before(text, start, _BEFORE_PART)
    part = _normal_part(part_match["part"]) if part_match else None
    start = part_match.start() if part_match else start
    if match["y"]:
        return _mention(match, start, year=int(match["y"]), month=month, part=part)
    if match["yrel"]:
        offset = {"last": -1, "this": 0, "next": 1}[match["yrel"].lower()]
        return _mention(match, start, month=month, unit="year", offset=offset, part=part)
    if part is None and mode is None:
        previous, sentence_start = _previous_word(text, start)
        cue = previous.lower() in _MONTH_CUES
        in_range = re.search(_MONTH_FULL, text[max(0, start - 30) : start]) is not None
        if previous.lower() in {"and", "or", "to"} and not in_range:
            cue = False  # "and" counts only in a range of months: "between March and June"
        if match["m"] in _RISKY_MONTHS and not cue:
            return None
        after_capital = _next_word(text, match.end())[:1].isupper()
        if not cue and ((previous[:1].isupper() and not sentence_start) or after_capital):
            return None  # a name: "June Sarpong", "Lady April"
    return _mention(match, start, month=month, mode=mode, part=part)


def _parse_year_phrase(match: re.Match[str], text: str) -> DateMention | None:
    year, start = int(match["y"]), match.start()
    if _next_word(text, match.end()).lower() in _NOT_AFTER_YEAR:
        return None  # "1900 GMT" is a time
    part_match = _before(text, start, _BEFORE_YEAR_PART)
    if part_match is not None:
        return _mention(match, part_match.start(), year=year, part=_normal_part(part_match["part"]))
    if text[start - 1 : start] == "-":
        return None
    previous, _ = _previous_word(text, start)
    if previous.lower() in {"from", "at", "until"} and _AFTER_A_DAY.search(text, max(0, start - 40), start):
        return None  # "on Wednesday 19 January, from 1930": a clock time
    if previous.lower() == "the" and text.startswith("'s", match.end()) and year % 10 == 0:
        return None  # "the 1990's": a decade
    paired = re.match(rf"\s*(?:and|or|to)\s+{_YEAR}", text[match.end() : match.end() + 12]) is not None
    if not (previous.lower() in _YEAR_CUES or paired or text.startswith("'s", match.end()) or match["y2"]):
        return None
    if previous.lower() == "of" and re.fullmatch(r"[a-z]+s", _next_word(text, match.end())):
        return None  # "a total of 2000 people"
    return _mention(match, start, year=year)


def _parse_relative(match: re.Match[str], text: str) -> DateMention | None:
    rel, unit, start = " ".join(match["rel"].lower().split()), match["unit"].lower(), match.start()
    part_match = _before(text, start, _BEFORE_PART)
    part = _normal_part(part_match["part"]) if part_match else None
    start = part_match.start() if part_match else start
    previous, _ = _previous_word(text, start)
    if rel == "the" and part is None:
        return None
    if rel in {"last", "next"} and previous.lower() == "the":
        return None  # "the last year": a span, not a date
    if rel in {"the next", "the coming"} and previous.lower() in _DURATION_CUES and part is None:
        return None  # "over the next year": a span
    if unit == "day" and not rel.startswith("the "):
        return None  # "this day", "next day delivery"
    if rel in {"earlier this", "later this"}:
        part = rel.split()[0]
    offset = _OFFSETS.get(rel, 0)
    anchor = "previous" if rel in {"the following", "the previous", "the next", "the same"} else "story"
    return _mention(match, start, unit=unit, offset=offset, anchor=anchor, part=part)


def _parse_count(match: re.Match[str], text: str) -> DateMention | None:
    n = match["n"].lower()
    count = int(n) if n.isdigit() else _WORD_NUMBERS.get(n, 1)  # "a year ago", "an hour"
    direction = match.groupdict().get("dir")
    sign = 1 if direction in (None, "later") else -1
    anchor = "previous" if direction in {"earlier", "later"} else "story"
    return _mention(match, unit=match["unit"].lower(), offset=sign * count, anchor=anchor)


def _parse_season(match: re.Match[str], text: str) -> DateMention | None:
    return _mention(match, mode=match["mode"].lower(), part=_normal_part(match["season"]))


def _parse_neighbour_day(match: re.Match[str], text: str) -> DateMention | None:
    possessive = text.startswith("'s", match.end())
    if possessive and _next_word(text, match.end() + 2).lower() in _GENERIC_AFTER_NEIGHBOUR:
        return None  # "tomorrow's world", "yesterday's men": not a day
    return _mention(match, unit="day", offset=-1 if match["w"] in {"yesterday", "Yesterday"} else 1)


def _parse_weekday(match: re.Match[str], text: str) -> DateMention | None:
    start = match.start()
    mode_match = _before(text, start, _BEFORE_MODE)
    mode = mode_match["mode"].lower() if mode_match else None
    if mode_match is not None:
        start = mode_match.start()
    else:
        previous, sentence_start = _previous_word(text, start)
        if previous[:1].isupper() and not sentence_start and previous.lower() not in _WEEKDAY_CUES:
            return None  # "Sheffield Wednesday", "Good Friday"
        if previous.lower() == "on" and re.search(
            r"(?:Mail|Independent|Observer)\s+on\s*$", text[max(0, start - 16) : start]
        ):
            return None
        if previous.lower() in {"a", "every", "each", "any"}:
            return None  # "on a Sunday": any Sunday
    if _next_word(text, match.end()) in _NOT_AFTER_WEEKDAY:
        return None  # "Sunday Times"
    return _mention(match, start, weekday=WEEKDAYS[match["wd"].lower()], mode=mode)


_Parser = Callable[[re.Match[str], str], "DateMention | None"]
# Quick necessary conditions for the patterns that are slow to scan (they start with a lookbehind,
# a word boundary or a character class, which the regex engine tries at every position): a
# month abbreviation next to a day number, a unit word on its own. Most paragraphs fail them.
_ABBREVIATED_MONTH = f"(?:{'|'.join(_MONTH_ABBREVIATIONS)})"
_MDY_GATE = re.compile(rf"{_ABBREVIATED_MONTH}[a-z]*\.?\s*\d")
_DMY_GATE = re.compile(rf"\d(?:st|nd|rd|th)?\s+(?:of\s+)?{_ABBREVIATED_MONTH}")
_RELATIVE_GATE = re.compile(r"\s(?:year|month|week|day)(?![\w-])")
_AGO_GATE = re.compile(r"(?:year|month|week|day)s?\s+(?:ago|earlier|later)\b")
_IN_TIME_GATE = re.compile(r"(?:year|month|week)s?'?\s+time\b")
# (words one of which the lower-cased text must hold, a pattern the text must match or None,
# the phrase pattern, its parser)
_PARSERS: tuple[tuple[tuple[str, ...], re.Pattern[str] | None, re.Pattern[str], _Parser], ...] = (
    (("19", "20"), None, _ISO, _parse_iso),
    (_MONTH_KEYS, _MDY_GATE, _MDY, _parse_day_month),
    (_MONTH_KEYS, _DMY_GATE, _DMY, _parse_day_month),
    (_MONTH_KEYS, None, _MONTH_PHRASE, _parse_month_phrase),
    (("18", "19", "20"), None, _YEAR_PHRASE, _parse_year_phrase),
    (("year", "month", "week", "day"), _RELATIVE_GATE, _RELATIVE, _parse_relative),
    ((" ago", "earlier", "later"), _AGO_GATE, _AGO, _parse_count),
    ((" time",), _IN_TIME_GATE, _IN_TIME, _parse_count),
    (("spring", "summer", "autumn", "winter"), None, _SEASON_REL, _parse_season),
    (("yesterday", "tomorrow"), None, _NEIGHBOUR_DAY, _parse_neighbour_day),
    (("day",), None, _WEEKDAY_PHRASE, _parse_weekday),
)


def _normal_part(raw: str | None) -> str | None:
    if not raw:
        return None
    words = raw.lower().replace("-", " ").split()
    words = [w for w in words if w not in {"the", "of"}]
    key = " ".join(words)
    return {
        "beginning": "start",
        "middle": "mid",
        "close": "end",
        "first half": "first-half",
        "second half": "second-half",
        "fall": "autumn",
    }.get(key, key)


def days_in_month(year: int, month: int) -> int:
    return monthrange(year, month)[1]


def is_valid_day(year: int, month: int, day: int) -> bool:
    """True when `day` exists in that month of that year (29 February only in leap years)."""
    return 1 <= month <= 12 and 1 <= day <= days_in_month(year, month)
