#!/usr/bin/env python3
"""Facts a correct note states about the original article (`../shared/seeds/000_0ffeab4008b67dd0.txt`).

The fact list is the one in the shared `BRIEFING.md` ("The original seed: facts a correct note states"), one
check per fact, on the JSON `briefgen extract --format json --reference-date 2026-11-27` prints for that seed.
Nothing of the article's text is copied here, and the details of a failed fact name no more of it than a short
role or an opening word: quotes are found by their paragraph and compared with the quotation read from the seed.

    python bench/seed_facts.py NOTE.jsonl   # prints every fact with ok / FAIL
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SEED_NAME = "000_0ffeab4008b67dd0.txt"
REFERENCE_DATE = "2026-11-27"

Record = dict[str, Any]


@dataclass(frozen=True)
class Fact:
    """One checked fact: its group (as in BRIEFING.md), what a correct note states, and whether this one does."""

    group: str
    fact: str
    ok: bool
    detail: str = ""


# Words that make a key point lean on the sentence before it when they open it (or open its main clause after
# a leading adverbial such as "In August," or "Since then,").
PRONOUNS = frozenset(
    {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "his", "its", "their"}
    | {"this", "that", "these", "those", "such", "both"}
)
CONNECTIVES = (
    "in response",
    "in addition",
    "as a result",
    "at the same time",
    "on the other hand",
    "for example",
    "for instance",
    "however",
    "but",
    "and",
    "also",
    "furthermore",
    "moreover",
    "meanwhile",
    "still",
    "yet",
    "so",
    "thus",
    "therefore",
    "instead",
    "nevertheless",
    "besides",
    "then",
    "otherwise",
    "likewise",
    "similarly",
    "additionally",
    "consequently",
)
# "X said that this would ...": a reported clause whose subject points back
REPORTED_ANAPHOR = re.compile(
    r"^\W*(?:\w+[\s-]){1,4}?(?:said|says|mentioned|added|noted|stated|explained|argued|warned)\s+(?:that\s+)?"
    r"(?:this|that|these|those|it|they)\b",
    re.IGNORECASE,
)
# "This year, ..." names its own time; "This meeting ..." points back
TIME_NOUNS = frozenset(
    {"year", "year's", "week", "week's", "month", "month's", "day", "morning", "afternoon", "evening", "time"}
    | {"weekend", "season", "spring", "summer", "autumn", "winter", "century", "decade", "quarter"}
)
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which"})


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+(?:['’][a-z]+)?", text.casefold())


def _first_word(text: str) -> str:
    words = _words(text)
    return words[0] if words else ""


def needs_previous_sentence(text: str) -> str | None:
    """Why a key point cannot be read on its own (None when it can)."""
    words = _words(text)
    if not words:
        return None
    opening = " ".join(words[:5])
    for connective in CONNECTIVES:
        if opening == connective or opening.startswith(connective + " "):
            return f"opens with the connective {connective!r}"
    if words[0] in PRONOUNS and not (len(words) > 1 and words[1] in TIME_NOUNS):
        return f"opens with the pronoun {words[0]!r}"
    head, comma, rest = text.partition(",")
    if comma and len(_words(head)) <= 6:
        after = _words(rest)
        if after and after[0] in PRONOUNS:
            return f"its main clause opens with the pronoun {after[0]!r}"
    if REPORTED_ANAPHOR.search(text):
        return "its reported clause opens with a pronoun pointing back"
    return None


# ---------------------------------------------------------------------------------------------------------------
# Lookups


def _people(note: Record) -> dict[str, Record]:
    return {str(p.get("name")): p for p in note.get("people") or []}


def _timeline(note: Record, date: str) -> list[Record]:
    return [t for t in note.get("timeline") or [] if str(t.get("date")) == date]


def _describe_role(role: object) -> str:
    words = str(role).split()
    return repr(role) if role is None or len(words) <= 3 else f"a span of {len(words)} words"


def _describe_person(person: Record | None) -> str:
    if person is None:
        return "missing"
    role = _describe_role(person.get("role"))
    return f"role {role}, country {person.get('country')!r}, former {person.get('former')!r}"


def paragraphs(seed_text: str) -> list[str]:
    """The seed's paragraphs as the note numbers them: p0 the headline, then p1..pN."""
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", seed_text.strip()) if block.strip()]


def quoted_span(paragraph: str) -> str:
    """The longest span between curly or straight double quotes in a paragraph ("" when none)."""
    spans = re.findall(r"[“\"]([^”\"]+)[”\"]", paragraph)
    return max(spans, key=len, default="")


def _same_quote(a: str, b: str) -> bool:
    def trim(text: str) -> str:
        return " ".join(text.split()).strip(" .,;:!?")

    return bool(trim(a)) and trim(a) == trim(b)


def _quotes_in(note: Record, paragraph: int) -> list[Record]:
    quotes: list[Record] = note.get("quotes") or []
    return [q for q in quotes if f"p{paragraph}" in (q.get("evidence") or [])]


def _speaker(quote: Record) -> str:
    return f"{quote.get('speaker_name') or ''} {quote.get('speaker') or ''}".strip()


# ---------------------------------------------------------------------------------------------------------------
# Fact groups


def date_facts(note: Record) -> list[Fact]:
    codes = {f.get("code") for f in note.get("flags") or []}
    date, basis = note.get("date"), note.get("date_basis")
    return [
        Fact(
            "date",
            "story date 2026-01-13, inferred from the weekday",
            date == "2026-01-13" and basis == "weekday-inference",
            f"date {date!r}, basis {basis!r}",
        ),
        Fact("date", "flag year_inferred", "year_inferred" in codes, f"flags {sorted(map(str, codes))}"),
    ]


def people_facts(note: Record) -> list[Fact]:
    people = _people(note)
    takai, lee, ishiba = people.get("Sanae Takai"), people.get("Lee Jae-myeong"), people.get("Shigeru Ishiba")
    facts = [
        Fact(
            "people",
            "Sanae Takai: Prime Minister, JP",
            takai is not None and takai.get("role") == "Prime Minister" and takai.get("country") == "JP",
            _describe_person(takai),
        ),
        Fact(
            "people",
            "Lee Jae-myeong: President, KR",
            lee is not None and lee.get("role") == "President" and lee.get("country") == "KR",
            _describe_person(lee),
        ),
        Fact(
            "people",
            "Shigeru Ishiba: then-/former Prime Minister, JP",
            ishiba is not None
            and "Prime Minister" in str(ishiba.get("role") or "")
            and ishiba.get("former") is True
            and ishiba.get("country") == "JP",
            _describe_person(ishiba),
        ),
        Fact(
            "people",
            '"Lee" and "Takai" alone resolve to them',
            lee is not None
            and takai is not None
            and "Lee" in (lee.get("aliases") or [])
            and "Takai" in (takai.get("aliases") or [])
            and not {"Lee", "Takai"} & set(people),
            f"people {sorted(people)}",
        ),
        Fact(
            "people",
            "no person made of headline words (Lee Emphasize)",
            not any("Emphasize" in name for name in people),
            f"people {sorted(people)}",
        ),
    ]
    borrowed = [
        f"{name}'s role holds {other}'s name"
        for name, person in people.items()
        for other in people
        if other != name and _names_overlap(str(person.get("role") or ""), other)
    ]
    facts.append(Fact("people", "no role contains another person's name", not borrowed, "; ".join(borrowed)))
    return facts


def _names_overlap(role: str, name: str) -> bool:
    """Whether `role` holds `name` or its surname-like last part ("Prime Minister Sanae Takai and ...")."""
    role_words = set(_words(role))
    return bool(role_words) and any(part in role_words for part in _words(name) if len(part) > 2)


def flag_facts(note: Record) -> list[Fact]:
    flags = [f for f in note.get("flags") or [] if f.get("code") == "headline_entity_not_in_body"]
    ok = len(flags) == 1 and flags[0].get("severity") == "error" and "Koizumi" in str(flags[0].get("message"))
    return [Fact("flags", "error flag: the headline's Koizumi is not in the body", ok, f"{len(flags)} such flags")]


PLACES = ("Nara", "Tokyo", "Busan", "Fukushima", "Taiwan", "Korean Peninsula", "Horyu Temple")


def place_facts(note: Record) -> list[Fact]:
    names = {str(p.get("name")) for p in note.get("places") or []}
    missing = [p for p in PLACES if p not in names]
    countries = note.get("countries") or []
    main = {c.get("code") for c in countries if c.get("role") == "main"}
    mentioned = {c.get("code") for c in countries if c.get("role") == "mentioned"}
    return [
        Fact("places", "places: " + ", ".join(PLACES), not missing, f"missing {missing}"),
        Fact("places", "main countries JP and KR", main == {"JP", "KR"}, f"main {sorted(map(str, main))}"),
        Fact(
            "places",
            "countries mentioned include CN, KP, US, TW",
            {"CN", "KP", "US", "TW"} <= mentioned,
            f"mentioned {sorted(map(str, mentioned))}",
        ),
    ]


def organisation_facts(note: Record) -> list[Fact]:
    orgs = note.get("organizations") or []
    nhk = [o for o in orgs if "NHK" in {o.get("name"), o.get("abbreviation"), *(o.get("aliases") or [])}]
    cptpp = [o for o in orgs if "CPTPP" in {o.get("name"), o.get("abbreviation"), *(o.get("aliases") or [])}]
    long_name = "Comprehensive and Progressive Agreement for Trans-Pacific Partnership"
    return [
        Fact("organisations", "NHK is an organisation", bool(nhk), f"organisations {[o.get('name') for o in orgs]}"),
        Fact(
            "organisations",
            "the CPTPP is one organisation under its long name",
            len(cptpp) == 1 and cptpp[0].get("name") == long_name,
            f"{len(cptpp)} entries",
        ),
    ]


# date, status, what happened
TIMELINE = (
    ("2025-06", "occurred", "Lee took office"),
    ("2025-08", "occurred", "Lee's Tokyo summit with Ishiba"),
    ("2026-01-12", "occurred", "Lee's NHK interview"),
    ("2026-01-13", "occurred", "the summit"),
    ("2026-01-14", "expected", "the Horyu Temple visit"),
    ("2026-01", "planned", "the Lower House dissolution, late January"),
    ("2026-02-08", "possible", "the possible snap election"),
)


def timeline_facts(note: Record) -> list[Fact]:
    facts = []
    for date, status, what in TIMELINE:
        entries = _timeline(note, date)
        ok = any(e.get("status") == status for e in entries)
        seen = [f"{e.get('status')} (p{','.join(str(x)[1:] for x in e.get('evidence') or [])})" for e in entries]
        facts.append(Fact("timeline", f"{date} {status}: {what}", ok, f"entries {seen}"))
    return facts


def _is_lee(quote: Record) -> bool:
    return "lee" in _speaker(quote).casefold() and "office" not in _speaker(quote).casefold()


def _is_takai(quote: Record) -> bool:
    return "takai" in _speaker(quote).casefold()


def _is_lees_office(note: Record) -> Callable[[Record], bool]:
    office_ids = {
        o.get("id") for o in note.get("organizations") or [] if re.search(r"office|lee", str(o.get("name")), re.I)
    }

    def check(quote: Record) -> bool:
        return "office" in _speaker(quote).casefold() or quote.get("speaker") in office_ids

    return check


# paragraph of a full quotation, and who said it
QUOTES: tuple[tuple[int, str], ...] = ((3, "Lee"), (4, "Takai"), (17, "Lee's office"), (18, "Takai (on X)"))
FRAGMENT_PARAGRAPHS = (9, 10)


def quote_facts(note: Record, seed_text: str) -> list[Fact]:
    """Quotes are found by paragraph, and their expected text read from the seed (nothing of it is copied here)."""
    paras = paragraphs(seed_text)
    speakers: dict[str, Callable[[Record], bool]] = {
        "Lee": _is_lee,
        "Takai": _is_takai,
        "Lee's office": _is_lees_office(note),
        "Takai (on X)": _is_takai,
    }
    facts = []
    for index, who in QUOTES:
        span = quoted_span(paras[index]) if index < len(paras) else ""
        full = [q for q in _quotes_in(note, index) if _same_quote(str(q.get("text")), span)]
        whole = [q for q in full if not q.get("fragment") and str(q.get("text")) in seed_text]
        ok = any(speakers[who](q) for q in whole)
        if not full:
            detail = "the quotation is not extracted whole"
        elif not whole:
            detail = "extracted whole but marked a fragment"
        else:
            detail = f"speaker {_speaker(whole[0]) or None!r}"
        facts.append(Fact("quotes", f"full quote in p{index} by {who}", ok, detail))
    fragments = [
        any(q.get("fragment") and _same_quote(str(q.get("text")), quoted_span(paras[i])) for q in _quotes_in(note, i))
        for i in FRAGMENT_PARAGRAPHS
        if i < len(paras)
    ]
    facts.append(
        Fact(
            "quotes",
            "the quoted phrases in p9 and p10 are fragments",
            len(fragments) == len(FRAGMENT_PARAGRAPHS) and all(fragments),
            "",
        )
    )
    return facts


def watch_facts(note: Record) -> list[Fact]:
    watch = note.get("watch") or []

    def has(test: Callable[[Record], bool]) -> bool:
        return any(test(w) for w in watch)

    opening_relative = [
        f"item {i} opens with {_first_word(str(w.get('item')))!r}"
        for i, w in enumerate(watch, 1)
        if _first_word(str(w.get("item"))) in RELATIVE_PRONOUNS
    ]
    seen = [f"{w.get('date')} {w.get('modality')}" for w in watch]
    return [
        Fact(
            "watch",
            "Horyu Temple visit, 2026-01-14, expected",
            has(
                lambda w: (
                    "Horyu" in str(w.get("item")) and w.get("date") == "2026-01-14" and w.get("modality") == "expected"
                )
            ),
            f"items {seen}",
        ),
        Fact(
            "watch",
            "Lower House dissolution, planned",
            has(
                lambda w: (
                    "Lower House" in str(w.get("item"))
                    and "dissol" in str(w.get("item"))
                    and w.get("modality") == "planned"
                )
            ),
            f"items {seen}",
        ),
        Fact(
            "watch",
            "election as early as 2026-02-08, possible",
            has(
                lambda w: (
                    "election" in str(w.get("item"))
                    and w.get("date") == "2026-02-08"
                    and w.get("modality") == "possible"
                )
            ),
            f"items {seen}",
        ),
        Fact("watch", "no item opens with a relative pronoun", not opening_relative, "; ".join(opening_relative)),
    ]


def key_point_facts(note: Record) -> list[Fact]:
    reasons = [
        f"key point {i} {why}"
        for i, point in enumerate(note.get("key_points") or [], 1)
        if (why := needs_previous_sentence(str(point)))
    ]
    return [Fact("key points", "every key point reads on its own", not reasons, "; ".join(reasons))]


def check_seed_facts(note: Record, seed_text: str) -> list[Fact]:
    """Every checked fact about the original article's note, in BRIEFING.md's order."""
    return [
        *date_facts(note),
        *people_facts(note),
        *flag_facts(note),
        *place_facts(note),
        *organisation_facts(note),
        *timeline_facts(note),
        *quote_facts(note, seed_text),
        *watch_facts(note),
        *key_point_facts(note),
    ]


def render_facts(facts: Iterable[Fact]) -> str:
    return "\n".join(
        f"  {'ok  ' if f.ok else 'FAIL'} [{f.group}] {f.fact}" + ("" if f.ok else f"  ({f.detail})") for f in facts
    )


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    lines = [line for line in Path(argv[0]).read_text(encoding="utf-8").splitlines() if line.strip()]
    note = json.loads(lines[0])
    seed = Path(str(note.get("file") or ""))
    facts = check_seed_facts(note, seed.read_text(encoding="utf-8"))
    print(render_facts(facts))
    print(f"{sum(f.ok for f in facts)}/{len(facts)} facts stated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
