"""Date phrases in news text: find them, resolve them, and find the story's own date.

A `DateMention` is a phrase as parsed ("late January", "last year", "Tuesday, January 13th");
`resolve_mention` turns it into an ISO date at its precision, relative to the story date.
Month and weekday names match case-sensitively: news capitalises them, and lower-case
"may" or "march" are other words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from ...model import Article, StoryDate, TimelineEvent, WatchItem


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _numbered(words: str, first: int = 0) -> dict[str, int]:
    return {word: i for i, word in enumerate(words.split(), first)}


_MONTH_NAMES = "January February March April May June July August September October November December"
_MONTHS = _numbered(_MONTH_NAMES.lower(), 1) | _numbered("jan feb mar apr may jun jul aug sep oct nov dec", 1)
_MONTHS |= {"sept": 9}
_WEEKDAYS = (
    _numbered("monday tuesday wednesday thursday friday saturday sunday")
    | _numbered("mon tue wed thu fri sat sun")
    | {"tues": 1, "thur": 3, "thurs": 3}
)
_WORD_NUMBERS = _numbered("zero one two three four five six seven eight nine ten eleven twelve")

# --- the phrase grammar -------------------------------------------------------------------
_MONTH_FULL = rf"(?:{_MONTH_NAMES.replace(' ', '|')})(?![A-Za-z])"
_MONTH = rf"(?:{_MONTH_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?![A-Za-z]))"
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
_YEAR_PHRASE = re.compile(rf"(?<![\w$£€.,/])(?P<y>{_YEAR})(?:[-/](?P<y2>\d\d)(?!\d))?")
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
_BEFORE_YEAR_PART = re.compile(rf"(?:\b|^)(?P<part>{_PART}|{_SEASON})\s*(?:of\s+)?$")
# Words without which a pattern cannot match, tested on the lower-cased paragraph first: most
# paragraphs have no month or weekday, and a substring test is far cheaper than a regex scan.
_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

_HEDGE_PREFIX = re.compile(r"(?i:(?P<h>as\s+(?:early|soon|late)\s+as|no\s+later\s+than)\s+)$")
_PREVIOUS_WORD = re.compile(r"([A-Za-z'-]+)[\s,]*$")
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")

# Context rules (why): a bare year is often a quantity and a bare weekday or month is often part
# of a name ("Sheffield Wednesday", "June Sarpong"), so they need a cue word before them.
_YEAR_CUES = _wordset(
    "in since by until till to from of for during before after and or between through throughout the its his "
    "her their our this early late mid circa"
)
_MONTH_CUES = _wordset(
    "in since by until till to from of for during before after and or between through the last next early "
    "late mid end this"
)
_WEEKDAY_CUES = _wordset("on last next this since until till by from before after and or to of that")
_RISKY_MONTHS = frozenset({"May", "March", "August"})
_NOT_AFTER_YEAR = _wordset("gmt bst utc hours hrs")
_NOT_AFTER_WEEKDAY = _wordset(
    "Times Telegraph Mirror Express People Herald Post Mail Tribune Sport Star Business Observer Independent"
)
_GENERIC_AFTER_NEIGHBOUR = _wordset(
    "world generation technology technologies digital stars leaders heroes men women children people economy"
)
_OFFSETS = {"last": -1, "next": 1, "the following": 1, "the next": 1, "the coming": 1, "the previous": -1}
_DURATION_CUES = _wordset("over during for within in throughout")


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


@dataclass(frozen=True)
class ResolvedDate:
    """A mention as a calendar span: ISO text at its precision plus the first and last day."""

    iso: str
    precision: str
    first: date
    last: date
    inferred: bool = False


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
    if not _is_valid(year or 2000, month, day):  # 2000 is a leap year: 29 February stays possible
        return None
    start, weekday = match.start(), None
    prefix = _before(text, start, _BEFORE_WEEKDAY)
    names = [prefix["wd"]] if prefix else []
    names += [match[g] for g in ("wd2", "wd3") if g in match.re.groupindex and match[g]]
    if names:
        weekday = _WEEKDAYS[names[0].rstrip(".").lower()]
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
    return _mention(match, start, weekday=_WEEKDAYS[match["wd"].lower()], mode=mode)


_Parser = Callable[[re.Match[str], str], "DateMention | None"]
# Quick necessary conditions for the patterns that are slow to scan (they start with a lookbehind,
# a word boundary or a character class, which the regex engine tries at every position): a
# month abbreviation next to a day number, a unit word on its own. Most paragraphs fail them.
_ABBREVIATED_MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
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


# --- resolution ---------------------------------------------------------------------------
_MONTH_PARTS = {
    "early": (1, 10),
    "start": (1, 10),
    "mid": (11, 20),
    "late": (21, 31),
    "end": (21, 31),
    "first-half": (1, 15),
    "second-half": (16, 31),
}
_YEAR_PARTS = {
    "early": (1, 4),
    "start": (1, 3),
    "mid": (5, 8),
    "late": (9, 12),
    "end": (10, 12),
    "first-half": (1, 6),
    "second-half": (7, 12),
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "winter": (12, 14),
}


def resolve_mention(
    mention: DateMention,
    story: date | None,
    *,
    direction: int = 0,
    previous: ResolvedDate | None = None,
    story_inferred: bool = False,
) -> ResolvedDate | None:
    """Resolve a mention to a calendar span, or None when it needs a story date there is not.

    `direction` is the tense around the phrase (-1 past, +1 future, 0 unknown): it decides
    whether a bare "Friday" or "in June" is the last one before the story or the next one.
    """
    if mention.year is not None:
        if mention.day is not None and mention.month is not None:
            return _day(date(mention.year, mention.month, mention.day), False)
        if mention.month is not None:
            return _month(mention.year, mention.month, mention.part, False)
        return _year(mention.year, mention.part, False)
    base, inferred = story, story_inferred
    if mention.unit is not None and mention.anchor == "previous":
        if previous is not None:
            base, inferred = previous.first, previous.inferred
        elif mention.offset == 0:
            return None  # "the same week" with no date before it to be the same as
    if base is None:
        return None
    if mention.unit is not None:
        return _shift(mention, base, inferred)
    if mention.month is not None:
        return _yearless(mention, base, direction)
    if mention.weekday is not None:
        delta = (base.weekday() - mention.weekday) % 7
        ahead = (mention.weekday - base.weekday()) % 7
        if mention.mode == "last" or (mention.mode is None and direction <= 0):
            day = base - timedelta(days=delta or (7 if mention.mode == "last" else 0))
        else:
            day = base + timedelta(days=ahead or (7 if mention.mode == "next" else 0))
        return _day(day, inferred)
    if mention.part in _YEAR_PARTS:  # "last summer": the most recent one that has ended
        first_month, last_month = _YEAR_PARTS[mention.part]
        year = base.year
        if mention.mode == "last":
            year -= 1 if base.month <= min(last_month, 12) else 0
        elif mention.mode == "next":
            year += 1 if base.month >= first_month else 0
        return _year(year, mention.part, inferred)
    return None


def _shift(mention: DateMention, base: date, inferred: bool) -> ResolvedDate | None:
    """A unit-relative phrase ("last year", "next week", "two days ago") counted from `base`."""
    unit, offset = mention.unit, mention.offset
    if unit == "year":
        year = base.year + offset
        if mention.month is not None:
            return _month(year, mention.month, mention.part, inferred)
        return _trimmed(_year(year, mention.part, inferred), mention.part, base)
    if unit == "month":
        year, month = divmod(base.year * 12 + base.month - 1 + offset, 12)
        return _trimmed(_month(year, month + 1, mention.part, inferred), mention.part, base)
    if unit == "week":
        monday = base - timedelta(days=base.weekday()) + timedelta(weeks=offset)
        span = ResolvedDate(
            f"{monday.year:04d}-{monday.month:02d}", "month", monday, monday + timedelta(days=6), inferred
        )
        return _trimmed(span, mention.part, base)
    return _day(base + timedelta(days=offset), inferred)


def _trimmed(span: ResolvedDate, part: str | None, story: date) -> ResolvedDate:
    """Cut a span at the story date: "earlier this year" ends the day before it, "later" starts after it."""
    if part == "earlier":
        return replace(span, last=max(span.first, story - timedelta(days=1)))
    if part == "later":
        return replace(span, first=min(span.last, story + timedelta(days=1)))
    return span


def _yearless(mention: DateMention, story: date, direction: int) -> ResolvedDate | None:
    """A month (and maybe day) without a year: the occurrence the tense points at."""
    assert mention.month is not None
    options: list[ResolvedDate] = []
    for year in (story.year - 1, story.year, story.year + 1):
        if mention.day is None:
            options.append(_month(year, mention.month, mention.part, True))
        elif _is_valid(year, mention.month, mention.day):
            options.append(_day(date(year, mention.month, mention.day), True))
    if mention.weekday is not None:
        options = [o for o in options if o.first.weekday() == mention.weekday] or options
    if not options:
        return None
    if mention.mode == "this":
        return next((o for o in options if o.first.year == story.year), None)
    if mention.mode == "last" or (mention.mode is None and direction < 0 and mention.weekday is None):
        past = [o for o in options if (o.last < story if mention.mode else o.first <= story)]
        return past[-1] if past else options[0]
    if mention.mode == "next" or (mention.mode is None and direction > 0 and mention.weekday is None):
        future = [o for o in options if (o.first > story if mention.mode else o.last >= story)]
        return future[0] if future else options[-1]
    return min(options, key=lambda o: (_distance(o, story), o.first))


def _distance(span: ResolvedDate, day: date) -> int:
    return max((span.first - day).days, (day - span.last).days, 0)


def _day(day: date, inferred: bool) -> ResolvedDate:
    return ResolvedDate(day.isoformat(), "day", day, day, inferred)


def _month(year: int, month: int, part: str | None, inferred: bool) -> ResolvedDate:
    last_day = _days_in_month(year, month)
    lo, hi = _MONTH_PARTS.get(part or "", (1, 31))
    first, last = date(year, month, lo), date(year, month, min(hi, last_day))
    return ResolvedDate(f"{year:04d}-{month:02d}", "month", first, last, inferred)


def _year(year: int, part: str | None, inferred: bool) -> ResolvedDate:
    lo, hi = _YEAR_PARTS.get(part or "", (1, 12))
    hi_year, hi_month = year + (hi - 1) // 12, (hi - 1) % 12 + 1
    last = date(hi_year, hi_month, _days_in_month(hi_year, hi_month))
    return ResolvedDate(f"{year:04d}", "year", date(year, lo, 1), last, inferred)


def _days_in_month(year: int, month: int) -> int:
    return ((date(year + month // 12, month % 12 + 1, 1)) - date(year, month, 1)).days


def _is_valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _days_in_month(year, month)


# --- the story's own date -----------------------------------------------------------------
# A wire dateline: an upper-case place, maybe ", Country", maybe a date, maybe "(Agency)", a dash.
_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z'.\-]+(?:\s+[A-Z][A-Z'.\-]+)*)(?:,\s+(?!{_MONTH})[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)*)?"
    rf"(?:,?\s+(?P<date>(?:19|20)\d\d-\d\d-\d\d|{_MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?|"
    rf"\d{{1,2}}\s+{_MONTH}(?:\s+{_YEAR})?))?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&/-]{0,30})\))?\s*(?P<dash>-{1,2}|\u2013|\u2014|:)?\s*"
)
Years = tuple[int, ...]
_INFERENCE_SPAN = 60
"""Years either side of the reference searched for weekday agreement (the cycle is at most 28)."""
_CANDIDATE_SPAN = 30
"""Years either side of the reference reported as candidates."""


def find_dateline(paragraph: str) -> tuple[int, DateMention | None]:
    """Length of a wire dateline at the start of `paragraph` (0 if none) and its date, if any."""
    match = _DATELINE.match(paragraph)
    if not match or len(re.sub(r"[^A-Z]", "", match["place"])) < 2:
        return 0, None
    if not (match["date"] or match["agency"] or match["dash"]):
        return 0, None
    if not match["date"]:
        return match.end(), None
    mentions = find_date_mentions(match["date"])
    return match.end(), (mentions[0] if mentions and mentions[0].day is not None else None)


LATEST_MENTION_WINDOW = timedelta(days=366)
"""How far before the reference date a fully written date may be to be taken as the story's date."""


def resolve_story_date(article: Article, *, reference: date) -> StoryDate:
    """The story's own date, from the most trusted source available (see `StoryDate.basis`)."""
    meta = article.metadata.get("date")
    if isinstance(meta, date):
        return StoryDate(meta, "metadata")
    paragraphs = [(f"p{i}", text) for i, text in enumerate(article.paragraphs, 1)]
    _, dateline = find_dateline(article.paragraphs[0]) if article.paragraphs else (0, None)
    mentions = [(pid, m) for pid, text in paragraphs for m in find_date_mentions(text)]
    weekdayed = [(pid, m) for pid, m in mentions if m.year is None and None not in (m.weekday, m.day)]
    if dateline is not None and dateline.year is not None:
        return StoryDate(_as_date(dateline), "dateline", evidence=("p1",))
    if dateline is not None:
        chosen, years = _infer_year(dateline, [m for _, m in weekdayed], reference)
        return StoryDate(chosen, "dateline", True, ("p1",), years if weekdayed else ())
    if weekdayed:
        lead = next(((pid, m) for pid, m in weekdayed if pid == "p1"), None)
        pid, primary = lead or weekdayed[0]
        chosen, years = _infer_year(primary, [m for _, m in weekdayed], reference)
        if lead is None:  # no weekday date in the lead: the latest one is the news, unless still to come
            dated = [(_nearest(m, chosen), p) for p, m in weekdayed]
            chosen, pid = max([d for d in dated if d[0] <= reference] or dated, key=lambda item: item[0])
        return StoryDate(chosen, "weekday-inference", True, (pid,), years)
    full = [(_as_date(m), pid) for pid, m in mentions if m.year and m.month and m.day]
    # A full date only counts as the story's date when it is recent: a report on a 1985 record
    # re-released in 2004 must not be dated 1985. Outside the window the date stays unknown.
    full = [(d, pid) for d, pid in full if reference - LATEST_MENTION_WINDOW <= d <= reference]
    if full:
        latest, pid = max(full, key=lambda item: item[0])
        # A story cannot predate a past year it mentions: a birth date in an obituary that goes
        # on to "in 1970" is not the story's date.
        later_years = [m.year for _, m in mentions if m.year and latest.year < m.year <= reference.year]
        if not later_years:
            return StoryDate(latest, "latest-mention", evidence=(pid,))
    return StoryDate(None, "none")


def _as_date(mention: DateMention) -> date:
    assert mention.year is not None and mention.month is not None and mention.day is not None
    return date(mention.year, mention.month, mention.day)


def _infer_year(primary: DateMention, others: list[DateMention], reference: date) -> tuple[date, Years]:
    """The year, nearest the reference, in which `primary` and all `others` fall on their weekdays.

    Each other phrase is checked at its occurrence nearest the primary date, so a story that
    runs from "Wednesday, December 31" into "Thursday, January 1" still agrees.
    """
    assert primary.month is not None and primary.day is not None
    month, day = primary.month, primary.day
    span = range(reference.year - _INFERENCE_SPAN, reference.year + _INFERENCE_SPAN + 1)
    years = [y for y in span if _is_valid(y, month, day) and _weekday_fits(date(y, month, day), primary)]
    agreeing = [y for y in years if all(_weekday_fits(_nearest(o, date(y, month, day)), o) for o in others)]
    years = agreeing or years
    best = min(years, key=lambda y: (abs((date(y, month, day) - reference).days), y))
    return date(best, month, day), tuple(y for y in years if abs(y - reference.year) <= _CANDIDATE_SPAN)


def _weekday_fits(day: date, mention: DateMention) -> bool:
    return mention.weekday is None or day.weekday() == mention.weekday


def _nearest(mention: DateMention, around: date) -> date:
    """The occurrence of a yearless day-and-month nearest to `around`."""
    assert mention.month is not None and mention.day is not None
    options = [
        date(y, mention.month, mention.day)
        for y in (around.year - 1, around.year, around.year + 1)
        if _is_valid(y, mention.month, mention.day)
    ]
    return min(options, key=lambda d: abs((d - around).days)) if options else around


def extract_timeline(article: Article, story: StoryDate) -> tuple[TimelineEvent, ...]:
    """Every resolvable date phrase in the body as a dated event; see `timeline.extract_timeline`."""
    from .timeline import extract_timeline as extract  # late: the timeline module builds on this one

    return extract(article, story)


def extract_watch(article: Article, timeline: tuple[TimelineEvent, ...]) -> tuple[WatchItem, ...]:
    """Forward-looking items, hedges kept; see `timeline.extract_watch`."""
    from .timeline import extract_watch as extract  # late: the timeline module builds on this one

    return extract(article, timeline)
