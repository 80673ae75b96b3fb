"""Date phrases in news text: find them, resolve them, and find the story's own date.

A `DateMention` is a phrase as parsed ("late January", "last year", "Tuesday, January 13th");
`resolve_mention` turns it into an ISO date at its precision, relative to the story date.
Month and weekday names match case-sensitively: news capitalises them, and lower-case
"may" or "march" are other words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, Callable

from ..model import Article, StoryDate, TimelineEvent, WatchItem

_MONTH_NAMES = "January February March April May June July August September October November December"
_MONTHS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(_MONTH_NAMES.split(), 1)},
    **{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9},
    **{"oct": 10, "nov": 11, "dec": 12},
}
_WEEKDAYS: dict[str, int] = {
    **{name: i for i, name in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())},
    **{"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6},
}
_WORD_NUMBERS = {w: i for i, w in enumerate("a one two three four five six seven eight nine ten eleven twelve".split())}

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
    r"(?P<rel>(?i:last|next|this|the\s+(?:following|previous|next|coming|same)|earlier\s+this|later\s+this|the))"
    r"\s+(?P<unit>(?i:year|month|week|day))(?![\w-])"
)
_AGO = re.compile(
    r"(?i:\b(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
    r"(?P<unit>year|month|week|day)s?\s+(?P<dir>ago|earlier|later)\b)"
)
_IN_TIME = re.compile(
    r"(?i:\bin\s+(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"(?P<unit>year|month|week)s?'?\s+time\b)"
)
_SEASON_REL = re.compile(rf"(?P<mode>(?i:last|next|this))\s+(?P<season>{_SEASON})(?![\w-])")
_NEIGHBOUR_DAY = re.compile(r"\b(?P<w>[Yy]esterday|[Tt]omorrow)\b")
_WEEKDAY_PHRASE = re.compile(rf"(?P<wd>{_WEEKDAY})(?!-)(?:\s+(?:morning|afternoon|evening|night))?")

_BEFORE_WEEKDAY = re.compile(rf"(?P<wd>{_WEEKDAY_ANY}),?\s+(?:the\s+)?$")
_BEFORE_MODE = re.compile(r"\b(?P<mode>(?i:last|next|this|coming))\s+$")
_BEFORE_PART = re.compile(rf"(?:\b|^)(?P<part>{_PART})\s*$")
_BEFORE_YEAR_PART = re.compile(rf"(?:\b|^)(?P<part>{_PART}|{_SEASON})\s*(?:of\s+)?$")
# Cheap tests for whether a pattern can match at all in a paragraph (most paragraphs have no month).
_HAS_MONTH = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_HAS_WEEKDAY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
_HAS_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_HAS_UNIT = re.compile(r"(?i)year|month|week|day")
_HAS_SEASON = re.compile(r"(?i)spring|summer|autumn|winter|fall")
_HAS_COUNT = re.compile(r"(?i)\bago\b|earlier|later|time\b")
_HAS_NEIGHBOUR = re.compile(r"(?i)yesterday|tomorrow")

_HEDGE_PREFIX = re.compile(r"(?i:(?P<h>as\s+(?:early|soon|late)\s+as|no\s+later\s+than)\s+)$")
_PREVIOUS_WORD = re.compile(r"([A-Za-z'-]+)[\s,]*$")
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")

# Context rules (why): a bare year is often a quantity and a bare weekday or month is often part
# of a name ("Sheffield Wednesday", "June Sarpong"), so they need a cue word before them.
_YEAR_CUES = frozenset(
    "in since by until till to from of for during before after and or between through throughout the its his "
    "her their our this early late mid circa".split()
)
_MONTH_CUES = frozenset(
    "in since by until till to from of for during before after and or between through the last next early "
    "late mid end this".split()
)
_WEEKDAY_CUES = frozenset("on last next this since until till by from before after and or to of that".split())
_RISKY_MONTHS = frozenset({"May", "March", "August"})
_NOT_AFTER_YEAR = frozenset("gmt bst utc hours hrs".split())
_NOT_AFTER_WEEKDAY = frozenset(
    "Times Telegraph Mirror Express People Herald Post Mail Tribune Sport Star Business Observer Independent".split()
)
_DURATION_CUES = frozenset("over during for within in throughout".split())


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


def find_date_mentions(text: str) -> tuple[DateMention, ...]:
    """All date phrases in `text`, left to right, longest match winning where they overlap."""
    found: list[DateMention] = []
    for pattern, parse in _PARSERS:
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
    prefix = _HEDGE_PREFIX.search(text, max(0, mention.start - 24), mention.start)
    if prefix is None:
        return mention
    hedge = "possible" if re.match(r"(?i)as\s+(?:early|soon)", prefix.group("h")) else mention.hedge
    return replace(mention, start=prefix.start(), text=text[prefix.start() : mention.end], hedge=hedge)


def _mention(match: re.Match[str], **fields: Any) -> DateMention:
    return DateMention(match.start(), match.end(), match.group(0), **fields)


def _previous_word(text: str, start: int) -> tuple[str, bool]:
    """The word before `start` and whether a sentence starts right before the phrase."""
    before = text[max(0, start - 40) : start]
    stripped = before.rstrip(" \t,")
    if not stripped or stripped[-1] in ".!?\"\u201c\u201d:;(":
        return "", True
    match = _PREVIOUS_WORD.search(before)
    return (match.group(1) if match else ""), False


def _next_word(text: str, end: int) -> str:
    match = _NEXT_WORD.match(text, end)
    return match.group(1) if match else ""


def _weekday_of(match: re.Match[str], *groups: str) -> int | None:
    for group in groups:
        if match.group(group):
            return _WEEKDAYS[match.group(group).rstrip(".").lower()]
    return None


def _parse_iso(match: re.Match[str], text: str) -> DateMention | None:
    return _mention(match, year=int(match["y"]), month=int(match["m"]), day=int(match["d"]))


def _parse_day_month(match: re.Match[str], text: str) -> DateMention | None:
    year = int(match["y"]) if match["y"] else None
    month = _MONTHS[match["m"].rstrip(".").lower()]
    day = int(re.sub(r"\D", "", match["d"]))
    if not _is_valid(year or 2000, month, day):  # 2000 is a leap year: 29 February stays possible
        return None
    weekday = _weekday_of(match, *(g for g in ("wd", "wd2", "wd3") if g in match.re.groupindex))
    return _mention(match, year=year, month=month, day=day, weekday=weekday)


def _parse_month_phrase(match: re.Match[str], text: str) -> DateMention | None:
    month = _MONTHS[match["m"].lower()]
    part, mode = _normal_part(match["part"]), (match["mode"] or "").lower() or None
    if match["y"]:
        return _mention(match, year=int(match["y"]), month=month, part=part)
    if match["yrel"]:
        offset = {"last": -1, "this": 0, "next": 1}[match["yrel"].lower()]
        return _mention(match, month=month, unit="year", offset=offset, part=part)
    if part is None and mode is None:
        previous, sentence_start = _previous_word(text, match.start())
        cue = previous.lower() in _MONTH_CUES
        if previous.lower() in {"and", "or", "to"} and not re.search(_MONTH_FULL, text[max(0, match.start() - 30) : match.start()]):
            cue = False
        if match["m"] in _RISKY_MONTHS and not cue:
            return None
        if not cue and (previous[:1].isupper() and not sentence_start or _next_word(text, match.end())[:1].isupper()):
            return None  # a name: "June Sarpong", "Lady April"
    return _mention(match, month=month, mode=mode, part=part)


def _parse_year_phrase(match: re.Match[str], text: str) -> DateMention | None:
    year, part = int(match["y"]), _normal_part(match["part"])
    following = _next_word(text, match.end())
    if following.lower() in _NOT_AFTER_YEAR:
        return None  # "1900 GMT" is a time
    if part is None:
        previous, _ = _previous_word(text, match.start())
        if previous.lower() == "the" and text.startswith("'s", match.end()) and year % 10 == 0:
            return None  # "the 1990's": a decade
        paired = re.match(rf"\s*(?:and|or|to)\s+{_YEAR}", text[match.end() :]) is not None
        if not (previous.lower() in _YEAR_CUES or paired or text.startswith("'s", match.end()) or match["y2"]):
            return None
        if previous.lower() == "of" and re.fullmatch(r"[a-z]+s", following):
            return None  # "a total of 2000 people"
    return _mention(match, year=year, part=part)


def _parse_relative(match: re.Match[str], text: str) -> DateMention | None:
    rel, unit = " ".join(match["rel"].lower().split()), match["unit"].lower()
    part = _normal_part(match["part"])
    previous, _ = _previous_word(text, match.start())
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
    offset = {"last": -1, "next": 1, "the following": 1, "the next": 1, "the coming": 1, "the previous": -1}.get(rel, 0)
    anchor = "previous" if rel in {"the following", "the previous", "the next", "the same"} else "story"
    return _mention(match, unit=unit, offset=offset, anchor=anchor, part=part)


def _parse_count(match: re.Match[str], text: str) -> DateMention | None:
    n = match["n"].lower()
    count = _WORD_NUMBERS.get(n, 1 if n == "an" else None)
    count = int(n) if count is None else count
    direction = match.groupdict().get("dir")
    sign = 1 if direction in (None, "later") else -1
    anchor = "previous" if direction in {"earlier", "later"} else "story"
    return _mention(match, unit=match["unit"].lower(), offset=sign * count, anchor=anchor)


def _parse_season(match: re.Match[str], text: str) -> DateMention | None:
    return _mention(match, mode=match["mode"].lower(), part=_normal_part(match["season"]))


def _parse_neighbour_day(match: re.Match[str], text: str) -> DateMention | None:
    return _mention(match, unit="day", offset=-1 if match["w"].lower() == "yesterday" else 1)


def _parse_weekday(match: re.Match[str], text: str) -> DateMention | None:
    mode = (match["mode"] or "").lower() or None
    if mode is None:
        previous, sentence_start = _previous_word(text, match.start())
        if previous[:1].isupper() and not sentence_start and previous.lower() not in _WEEKDAY_CUES:
            return None  # "Sheffield Wednesday", "Good Friday"
        if previous.lower() == "on" and re.search(r"(?:Mail|Independent|Observer)\s+on\s*$", text[: match.start()]):
            return None
        if previous.lower() == "every":
            return None
    if _next_word(text, match.end()) in _NOT_AFTER_WEEKDAY:
        return None  # "Sunday Times"
    return _mention(match, weekday=_WEEKDAYS[match["wd"].lower()], mode=mode)


_PARSERS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], str], DateMention | None]], ...] = (
    (_ISO, _parse_iso),
    (_MDY, _parse_day_month),
    (_DMY, _parse_day_month),
    (_MONTH_PHRASE, _parse_month_phrase),
    (_YEAR_PHRASE, _parse_year_phrase),
    (_RELATIVE, _parse_relative),
    (_AGO, _parse_count),
    (_IN_TIME, _parse_count),
    (_SEASON_REL, _parse_season),
    (_NEIGHBOUR_DAY, _parse_neighbour_day),
    (_WEEKDAY_PHRASE, _parse_weekday),
)


def _normal_part(raw: str | None) -> str | None:
    if not raw:
        return None
    words = raw.lower().replace("-", " ").split()
    words = [w for w in words if w not in {"the", "of"}]
    key = " ".join(words)
    return {
        "beginning": "start", "middle": "mid", "close": "end", "first half": "first-half",
        "second half": "second-half", "fall": "autumn",
    }.get(key, key)


# --- resolution ---------------------------------------------------------------------------
_MONTH_PARTS = {"early": (1, 10), "start": (1, 10), "mid": (11, 20), "late": (21, 31), "end": (21, 31),
                "first-half": (1, 15), "second-half": (16, 31)}
_YEAR_PARTS = {"early": (1, 4), "start": (1, 3), "mid": (5, 8), "late": (9, 12), "end": (10, 12),
               "first-half": (1, 6), "second-half": (7, 12), "spring": (3, 5), "summer": (6, 8),
               "autumn": (9, 11), "winter": (12, 14)}


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
    if mention.unit is not None and mention.anchor == "previous" and previous is not None:
        base, inferred = previous.first, previous.inferred
    else:
        base, inferred = story, story_inferred
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
        span = ResolvedDate(f"{monday.year:04d}-{monday.month:02d}", "month", monday, monday + timedelta(days=6), inferred)
        return _trimmed(span, mention.part, base)
    return _day(base + timedelta(days=offset), inferred)


def _trimmed(span: ResolvedDate, part: str | None, story: date) -> ResolvedDate:
    """"earlier this year" ends the day before the story; "later this year" starts the day after."""
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


def resolve_story_date(article: Article, *, reference: date) -> StoryDate:
    """The story's own date, from the most trusted source available (see `StoryDate.basis`)."""
    meta = article.metadata.get("date")
    if isinstance(meta, date):
        return StoryDate(meta, "metadata")
    paragraphs = [(f"p{i}", text) for i, text in enumerate(article.paragraphs, 1)]
    _, dateline = find_dateline(article.paragraphs[0]) if article.paragraphs else (0, None)
    mentions = [(pid, m) for pid, text in paragraphs for m in find_date_mentions(text)]
    weekdayed = [(pid, m) for pid, m in mentions if m.year is None and m.weekday is not None and m.day is not None]
    if dateline is not None and dateline.year is not None:
        return StoryDate(_as_date(dateline), "dateline", evidence=("p1",))
    if dateline is not None:
        chosen, years = _infer_year(dateline, [m for _, m in weekdayed], reference)
        return StoryDate(chosen, "dateline", True, ("p1",), years if weekdayed else ())
    if weekdayed:
        lead = next(((pid, m) for pid, m in weekdayed if pid == "p1"), None)
        pid, primary = lead or weekdayed[0]
        chosen, years = _infer_year(primary, [m for _, m in weekdayed], reference)
        if lead is None:  # no weekday date in the lead: the latest one is the news
            dated = [(_nearest(m, chosen), p) for p, m in weekdayed]
            chosen, pid = max(dated, key=lambda item: item[0])
        return StoryDate(chosen, "weekday-inference", True, (pid,), years)
    full = [(_as_date(m), pid) for pid, m in mentions if m.year and m.month and m.day]
    full = [(d, pid) for d, pid in full if d <= reference]
    if full:
        latest, pid = max(full, key=lambda item: item[0])
        return StoryDate(latest, "latest-mention", evidence=(pid,))
    return StoryDate(None, "none")


def _as_date(mention: DateMention) -> date:
    assert mention.year is not None and mention.month is not None and mention.day is not None
    return date(mention.year, mention.month, mention.day)


def _infer_year(primary: DateMention, others: list[DateMention], reference: date) -> tuple[date, tuple[int, ...]]:
    """The year, nearest the reference, in which `primary` and all `others` fall on their weekdays.

    Each other phrase is checked at its occurrence nearest the primary date, so a story that
    runs from "Wednesday, December 31" into "Thursday, January 1" still agrees.
    """
    assert primary.month is not None and primary.day is not None
    month, day = primary.month, primary.day
    years = [
        y
        for y in range(reference.year - _INFERENCE_SPAN, reference.year + _INFERENCE_SPAN + 1)
        if _is_valid(y, month, day) and (primary.weekday is None or date(y, month, day).weekday() == primary.weekday)
    ]
    agreeing = [y for y in years if all(_nearest(o, date(y, month, day)).weekday() == o.weekday for o in others)]
    years = agreeing or years
    best = min(years, key=lambda y: (abs((date(y, month, day) - reference).days), y))
    return date(best, month, day), tuple(y for y in years if abs(y - reference.year) <= _CANDIDATE_SPAN)


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
