"""The front-matter writer against its oracle, the YAML library call it replaces, byte for byte."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

import pytest
import yaml

from builder.notes.frontmatter import render_frontmatter_yaml
from builder.notes.note import dump_frontmatter


def library(data: dict[Any, Any]) -> str:
    """The call `dump_frontmatter` made before it had its own writer."""
    return yaml.dump(
        data, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )


def without_library(data: dict[Any, Any]) -> str:
    raise AssertionError(f"the library was asked to write {data!r}")


class RecordingLibrary:
    """A fallback that writes with the library and records what it was asked to write."""

    def __init__(self) -> None:
        self.asked: list[dict[Any, Any]] = []

    def __call__(self, data: dict[Any, Any]) -> str:
        self.asked.append(data)
        return library(data)


def written_directly(data: dict[Any, Any]) -> str:
    """The writer's own output; fails if any entry needs the library."""
    return render_frontmatter_yaml(data, fallback=without_library)


TRICKY_STRINGS = [
    *("yes", "no", "on", "off", "y", "n", "Y", "N", "Yes", "NO", "On", "OFF", "true", "True", "TRUE", "false"),
    *("null", "Null", "NULL", "~", "", " ", "  ", " x", "x ", " x ", "x  y", "=", "<<", "!", "&", "*"),
    *("12", "-12", "+12", "012", "0o17", "0x1F", "0b101", "1_000", "1:30", "190:20:30", "1e3", "1.5e3", "1.0e+3"),
    *(".5", "5.", "-.5", ".inf", "-.Inf", ".nan", ".NaN", "1.2.3", "12abc", "3 apples", "٣"),
    *("2004-11-20", "2004-11-20 10:00", "2004-11-20 10:00:00", "2004-11-20T10:00:00Z", "2004-11-20t10:00:00.5+01:00"),
    *("2004-1-2 3:04:05 -5", "2004-11-20x", "12:30", "12:30:45", "1999"),
    *("-", "- x", "-x", "--", "---", "--- x", "---x", "...", "...x", "..", "?", "? x", "?x", ":", ": x", ":x"),
    *(",x", "[x", "]x", "{x", "}x", "#x", "&x", "*x", "!x", "|x", ">x", "'x", '"x', "%x", "@x", "`x"),
    *("a,b", "a[b]", "a{b}", "a&b", "a*b", "a!b", "a|b", "a>b", "a'b", 'a"b', "a%b", "a@b", "a`b", "a?b", "x-"),
    *("a: b", "a:b", "a:", "a::", "a :b", "a #b", "a#b", "a# b", "#", "a #", "http://example.com/a#b"),
    *("a\tb", "\tx", "a\nb", "a\n", "\n", "a\r\nb", "a\x00b", "a\x07b", "a\x7fb", "a\x1bb"),
    *("café", "“quoted”", "it’s", "a — b", "naïve résumé", "日本語のテキスト", "Ελληνικά", "emoji 😀", "😀"),
    *("a\u2028b", "a\u2029b", "a\x85b", "\ufeffx", "a\ufeff", "a\xa0b", "\xa0", "a\u200bb", "a\ue000b", "a\ufffdb"),
    *("\uffff", "a'b'c", "''", "'", "it's a 'test'", "x'" * 60),
    *("word " * 30, "w" * 150, "w" * 99, "w" * 100, "w" * 101, "a" * 60 + " " + "b" * 60, "a  " * 50),
]


def places(value: Any) -> list[dict[str, Any]]:
    """Documents holding `value` at the depths and columns front-matter uses."""
    return [
        {"title": value},
        {"a_much_longer_key_name": value},
        {"key_points": [value]},
        {"source": {"headline": value}},
        {"people": [{"name": value, "aliases": [value]}]},
        {"people": [{"id": "x", "role": value}]},
        {"deep": {"er": {"still": [{"most": value}]}}},
        {"one": [{"two": {"three": [value]}}]},
    ]


@pytest.mark.parametrize("value", TRICKY_STRINGS)
def test_tricky_strings_are_written_as_the_library_writes_them(value: str) -> None:
    for document in places(value):
        assert dump_frontmatter(document) == library(document)


@pytest.mark.parametrize("value", TRICKY_STRINGS)
def test_only_strings_the_library_double_quotes_or_breaks_are_left_to_it(value: str) -> None:
    document = {"title": value}
    expected = library(document)
    needs_library = expected.startswith('title: "') or any(c in value for c in "\n\r\x85\u2028\u2029")
    if needs_library:
        with pytest.raises(AssertionError, match="the library was asked"):
            written_directly(document)
    else:
        assert written_directly(document) == expected


def words(lengths: list[int]) -> str:
    return " ".join("x" * n for n in lengths)


@pytest.mark.parametrize("key_length", [1, 5, 9, 20])
@pytest.mark.parametrize("total", range(90, 112))
def test_strings_around_the_width_fold_as_the_library_folds_them(key_length: int, total: int) -> None:
    key = "k" * key_length
    for first in (total - 2, total - 5, total // 2):
        value = words([first, 1]) if first > 0 else "x" * total
        for long_tail in (value, value + " " + words([3, 7, 1, 12]) * 4, value + "  x  y"):
            for document in ({key: long_tail}, {key: [long_tail]}, {"p": [{key: long_tail}]}, {"s": {key: long_tail}}):
                assert written_directly(document) == library(document)


@pytest.mark.parametrize("key_length", range(50, 65))
def test_short_strings_after_long_keys_fold_as_the_library_folds_them(key_length: int) -> None:
    key = "k" * key_length
    for value in ["ab cd", "a b c d e f g h i j k l m n o p q r s", "x" * 30 + " y z", "it's a b c d e f g h"]:
        for document in ({key: value}, {"s": {key: value}}, {"p": [{key: value}]}, {"p": [{"a": 1, key: value}]}):
            for _ in range(2):  # the second time from the cache of short strings
                assert written_directly(document) == library(document)


def test_long_texts_fold_like_the_library_at_every_depth() -> None:
    text = (
        "Quarterly profits at a large media company jumped 76% to $1.13bn (£600m) for the three months to December, "
        "from $639m a year earlier; sales rose 2% to $11.1bn while  two  spaces and a final word"
    )
    document = {
        "summary": text,
        "key_points": [text, text[:99], text[:100], text[:101]],
        "quotes": [{"speaker": None, "text": text, "fragment": False, "evidence": ["p4"]}],
        "source": {"headline": text},
        "deep": [{"er": {"and": {"deeper": text}}}],
        "quoted": "it's " + text,
        "quoted_items": ["'" + text, "- " + text, text + " #1", "yes " * 40],
    }
    assert written_directly(document) == library(document)


NOTE_SHAPES: dict[str, Any] = {
    "title": "Ad sales boost profit",
    "slug": "ad-sales-boost-profit",
    "date": None,
    "date_basis": "none",
    "summary": "Profits jumped 76% to $1.13bn (£600m) for the three months to December, from $639m a year earlier.",
    "key_points": ["Sales rose 2% to $11.1bn.", "It posted a profit of $3.36bn, up 27% from 2003."],
    "people": [
        {"name": "Richard Parsons", "id": "richard-parsons", "role": "chief executive", "former": False},
        {"name": "A N Other", "id": "a-n-other", "aliases": [], "mentions": 12, "evidence": ["p4", "p5"]},
    ],
    "places": [],
    "countries": [{"code": "US", "name": "United States", "role": "main", "evidence": ["p1"]}],
    "topics": ["economy, business and finance", "media"],
    "timeline": [{"date": "2003", "precision": "year", "text": "2003", "inferred": True, "evidence": ["p3"]}],
    "watch": [{"date": None, "modality": "planned", "item": "It will book the sale as a loss"}],
    "flags": [{"code": "date_unknown", "severity": "warning", "message": "No date.", "evidence": []}],
    "empty": {},
    "source": {"file": "articles/business/001.txt", "sha256": "b1" * 32, "words": 415, "paragraphs": -5},
}


def test_note_shaped_front_matter_needs_no_library() -> None:
    assert written_directly(NOTE_SHAPES) == library(NOTE_SHAPES)
    assert dump_frontmatter(NOTE_SHAPES) == library(NOTE_SHAPES)


@pytest.mark.parametrize("digest", ["0" * 64, "1" * 64, "0123456789" * 6 + "1234", "e3b0c442" * 8, "1e3" + "0" * 61])
def test_generation_stamps_match_the_library(digest: str) -> None:
    stamp = {"generated": {"by": "briefgen 0.1.0", "sha256": digest}}
    assert written_directly(stamp) == library(stamp)


def test_nested_values_match_the_library() -> None:
    document: dict[str, Any] = {
        "empty_list": [],
        "empty_map": {},
        "items": [{}, [], None, True, False, 0, -1, 10**30, "", "x", {"a": []}, {"a": {}}],
        "nested": {"a": {"b": {"c": [{"d": [1, 2], "e": {"f": None}}, {"g": []}]}}},
        "list_of_maps": [{"name": "X", "id": "y", "evidence": ["p1", "p2"], "aliases": []}, {"only": "one"}],
    }
    assert written_directly(document) == library(document)


def test_an_entry_dumped_alone_is_exactly_its_text_in_the_document() -> None:
    document = {**NOTE_SHAPES, "floaty": 1.5, "odd": {1: "a", None: "b"}, "text": "tab\there", "n": None}
    assert "".join(library({key: value}) for key, value in document.items()) == library(document)


def test_only_the_entry_the_writer_cannot_write_goes_to_the_library() -> None:
    document = {"title": "T", "ratio": 0.5, "tabbed": ["a\tb"], "when": date(2005, 1, 2)}
    fallback = RecordingLibrary()
    assert render_frontmatter_yaml(document, fallback=fallback) == library(document)
    assert fallback.asked == [{"ratio": 0.5}, {"tabbed": ["a\tb"]}, {"when": document["when"]}]


@pytest.mark.parametrize(
    "key", [1, True, None, 1.5, "yes", "null", "1", "with space", "a: b", "-x", "é", "k" * 129, "", "_ok"]
)
def test_keys_match_the_library(key: Any) -> None:
    document = {key: "v", "nested": {key: ["v"]}, "items": [{key: 1}]}
    assert dump_frontmatter(document) == library(document)


def test_a_list_or_mapping_written_twice_gets_the_library_anchors() -> None:
    shared: list[str] = ["p1"]
    mapping: dict[str, Any] = {"a": 1}
    cases: list[dict[str, Any]] = [
        {"a": shared, "b": shared},
        {"a": {"x": shared, "y": shared}},
        {"a": [mapping, mapping]},
        {"a": [{"e": shared}], "b": {"f": 0.5, "g": shared}},  # shared with an entry the library writes
        {"a": [], "b": {"c": mapping}, "d": [mapping]},
    ]
    for document in cases:
        assert "&id001" in library(document)
        assert dump_frontmatter(document) == library(document)


def test_a_structure_that_contains_itself_matches_the_library() -> None:
    loop: dict[str, Any] = {"name": "x"}
    loop["self"] = [loop]
    document = {"title": "t", "loop": loop}
    assert dump_frontmatter(document) == library(document)


def test_empty_front_matter_matches_the_library() -> None:
    assert dump_frontmatter({}) == library({}) == "{}\n"


@pytest.mark.parametrize("value", [(1, 2), object(), {1, 2}, b"bytes", "a\ud800b", 1.5, date(2005, 1, 2)])
def test_values_outside_notes_are_written_or_refused_as_the_library_does(value: Any) -> None:
    document = {"title": "t", "odd": value, "list": [value]}
    try:
        expected = library(document)
    except Exception as exc:  # e.g. RepresenterError, UnicodeEncodeError
        with pytest.raises(type(exc)):
            dump_frontmatter(document)
    else:
        assert dump_frontmatter(document) == expected


ALPHABET = "abcdefghij  ABCXYZ  0123456789  :#-?,[]{}&*!|>'\"%@`~.=<_/  \t\néü“”—…\xa0\u2028\x85\ufeff😀"


def random_string(rng: random.Random) -> str:
    shape = rng.random()
    if shape < 0.3:  # short, dense with indicators
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 8)))
    if shape < 0.5:  # words of letters and digits, sometimes with double spaces, about the width
        pieces = [rng.choice(["x" * rng.randint(1, 12), "12", "yes", "a:b", "x#", " "]) for _ in range(60)]
        return " ".join(pieces)[: rng.randint(80, 260)]
    text = "".join(rng.choice(ALPHABET) if rng.random() < 0.15 else rng.choice("abc  de") for _ in range(300))
    return text[: rng.randint(0, 300)]


def test_random_strings_match_the_library() -> None:
    rng = random.Random(20050601)
    written_by_the_writer = 0
    for _ in range(3000):
        value = random_string(rng)
        document = rng.choice(places(value))
        expected = library(document)
        fallback = RecordingLibrary()
        assert render_frontmatter_yaml(document, fallback=fallback) == expected
        assert dump_frontmatter(document) == expected
        written_by_the_writer += not fallback.asked
    assert written_by_the_writer > 1000  # the writer, not only the library, was tested
