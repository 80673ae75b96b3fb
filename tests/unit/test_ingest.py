"""Seeds -> Article: decoding, line endings, front-matter, headline and paragraphs."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

import pytest

from builder.authoring.ingest import parse_article, read_article
from builder.authoring.sync import find_seeds
from builder.errors import SeedError
from builder.model import Article

SEED = "seeds/story.txt"


def parse(text: str | bytes) -> Article:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return parse_article(raw, file=SEED)


def test_utf8_bom_is_not_part_of_the_headline() -> None:
    article = parse("\ufeffSummit in Nara\n\nThe leaders met.\n".encode())
    assert article.headline == "Summit in Nara"
    assert article.paragraphs == ("The leaders met.",)
    assert article.warnings == ()


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "lone-cr"])
def test_windows_and_old_mac_line_endings_are_normalised(newline: str) -> None:
    text = newline.join(["Headline", "", "First line", "continues.", "", "Second paragraph.", ""])
    article = parse(text)
    assert article.headline == "Headline"
    assert article.paragraphs == ("First line continues.", "Second paragraph.")
    assert not any("\r" in p for p in article.paragraphs)


def test_invalid_utf8_falls_back_to_latin1_with_a_warning_naming_file_and_line() -> None:
    raw = b"Headline\n\nFirst paragraph.\n\nCaf\xe9 culture returns.\n"
    article = parse(raw)
    assert article.paragraphs[-1] == "Café culture returns."
    assert len(article.warnings) == 1
    warning = article.warnings[0]
    assert warning.startswith(f"{SEED}:5:")
    assert "Latin-1" in warning


def test_first_non_empty_line_after_leading_blank_lines_is_the_headline() -> None:
    article = parse("\n\n   \n\t\n  Storm hits coast  \n\nWinds rose overnight.\n")
    assert article.headline == "Storm hits coast"
    assert article.paragraphs == ("Winds rose overnight.",)


def test_body_line_directly_under_the_headline_is_the_first_paragraph() -> None:
    article = parse("Headline\nNo blank line here.\n\nSecond.\n")
    assert article.headline == "Headline"
    assert article.paragraphs == ("No blank line here.", "Second.")


def test_paragraphs_split_on_blank_and_whitespace_only_lines() -> None:
    article = parse("Headline\n\nOne.\n   \nTwo.\n\t\nThree.\n\n\n\nFour.\n")
    assert article.paragraphs == ("One.", "Two.", "Three.", "Four.")


def test_lines_inside_a_paragraph_are_joined_with_single_spaces() -> None:
    article = parse("Headline\n\nThe prime minister said\n  the talks were   \nproductive.\n")
    assert article.paragraphs == ("The prime minister said the talks were productive.",)


def test_bullet_lines_keep_their_line_breaks() -> None:
    article = parse("Headline\n\nThe agenda:\n- trade\n* security\n\u2022 culture\n\nAfter.\n")
    assert article.paragraphs[0] == "The agenda:\n- trade\n* security\n\u2022 culture"
    assert article.paragraphs[1] == "After."


def test_paragraph_ids_map_to_headline_and_body() -> None:
    article = parse("Headline\n\nOne two.\n\nThree four five.\n")
    assert article.paragraph("p0") == "Headline"
    assert article.paragraph("p2") == "Three four five."
    assert article.words == 5


def test_front_matter_gives_date_url_publisher_and_byline() -> None:
    article = parse(
        "---\n"
        "date: 2026-01-13\n"
        "url: https://example.com/news/1\n"
        "publisher: Example News\n"
        "byline: A. Reporter\n"
        "---\n"
        "Headline\n\nBody.\n"
    )
    assert article.metadata == {
        "date": date(2026, 1, 13),
        "url": "https://example.com/news/1",
        "publisher": "Example News",
        "byline": "A. Reporter",
    }
    assert type(article.metadata["date"]) is date
    assert article.headline == "Headline"
    assert article.warnings == ()


def test_front_matter_timestamp_and_quoted_date_become_plain_dates() -> None:
    stamped = parse("---\ndate: 2026-01-13 09:30:00\n---\nH\n\nB.\n")
    quoted = parse("---\ndate: '2026-01-13T09:30:00Z'\n---\nH\n\nB.\n")
    assert type(stamped.metadata["date"]) is date
    assert stamped.metadata["date"] == quoted.metadata["date"] == date(2026, 1, 13)


def test_front_matter_with_crlf_line_endings_is_read() -> None:
    article = parse("---\r\npublisher: Example\r\n---\r\nHeadline\r\n\r\nBody.\r\n")
    assert article.metadata == {"publisher": "Example"}
    assert article.headline == "Headline"


def test_unknown_front_matter_key_is_dropped_with_a_warning() -> None:
    article = parse("---\npublisher: Example\nauthor: Someone\n---\nHeadline\n\nBody.\n")
    assert article.metadata == {"publisher": "Example"}
    assert len(article.warnings) == 1
    assert SEED in article.warnings[0]
    assert "'author'" in article.warnings[0]


def test_invalid_yaml_front_matter_names_the_file_and_line() -> None:
    with pytest.raises(SeedError, match=rf"^{SEED}:3: invalid YAML front-matter"):
        parse("---\ndate: 2026-01-13\nbyline: a: b\n---\nHeadline\n\nBody.\n")


def test_front_matter_that_is_not_a_mapping_is_an_error() -> None:
    with pytest.raises(SeedError, match=rf"^{SEED}:2: front-matter must be a mapping"):
        parse("---\n- a list\n---\nHeadline\n\nBody.\n")


def test_unparseable_front_matter_date_is_an_error_naming_the_field() -> None:
    with pytest.raises(SeedError, match=rf"^{SEED}: front-matter field 'date'"):
        parse("---\ndate: 13 January 2026\n---\nHeadline\n\nBody.\n")


def test_impossible_calendar_date_in_front_matter_is_a_seed_error() -> None:
    with pytest.raises(SeedError, match=SEED):
        parse("---\ndate: 2026-02-30\n---\nHeadline\n\nBody.\n")


@pytest.mark.parametrize("raw", [b"", b"\n\n  \n\t\n", b"\xef\xbb\xbf", b"---\nurl: x\n---\n"])
def test_empty_seed_is_an_error_naming_the_file(raw: bytes) -> None:
    with pytest.raises(SeedError, match=rf"^{SEED}: seed is empty"):
        parse(raw)


def test_headline_only_seed_is_an_error_naming_the_file() -> None:
    with pytest.raises(SeedError, match=rf"^{SEED}:1: seed has a headline but no body"):
        parse("Just a headline\n\n\n")


def test_headline_only_error_points_past_the_front_matter() -> None:
    with pytest.raises(SeedError, match=rf"^{SEED}:4: "):
        parse("---\nurl: https://example.com\n---\nJust a headline\n")


def test_sha256_is_of_the_raw_bytes_before_any_normalisation() -> None:
    raw = b"\xef\xbb\xbfHeadline\r\n\r\nBody.\r\n"
    article = parse(raw)
    assert article.sha256 == hashlib.sha256(raw).hexdigest()
    assert article.sha256 != hashlib.sha256(b"Headline\n\nBody.\n").hexdigest()


def test_read_article_uses_the_display_name_in_provenance(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"Headline\n\nBody.\n")
    article = read_article(path, display="seeds/a.txt")
    assert article.file == "seeds/a.txt"
    assert article.sha256 == hashlib.sha256(b"Headline\n\nBody.\n").hexdigest()


def test_unreadable_seed_is_an_error_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(SeedError, match=r"^seeds/gone\.txt: cannot read seed"):
        read_article(tmp_path / "gone.txt", display="seeds/gone.txt")


def test_html_character_references_are_decoded_with_a_warning() -> None:
    article = parse_article(b"&#163;1.8m fine for broadcaster\n\nThe fine of &#163;1.8m &amp; costs.\n", file="s.txt")
    assert article.headline == "£1.8m fine for broadcaster"
    assert article.paragraphs == ("The fine of £1.8m & costs.",)
    assert any("character references" in w for w in article.warnings)


def test_seeds_are_found_recursively_in_path_order_without_hidden_ones(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    for name in ("b.txt", "a/z.txt", "a/b/c.txt", "a.txt", ".hidden.txt", ".drafts/x.txt", "a/.git/y.txt", "notes.md"):
        (seeds / name).parent.mkdir(parents=True, exist_ok=True)
        (seeds / name).write_text("Headline\n\nBody.\n")
    found = [p.relative_to(seeds).as_posix() for p in find_seeds(seeds)]
    assert found == ["a.txt", "a/b/c.txt", "a/z.txt", "b.txt"]
    assert find_seeds(tmp_path / "missing") == []


@pytest.mark.parametrize(
    ("raw", "looks_like"),
    [
        (b"%PDF-1.4\n", "a PDF document"),
        (b"PK\x03\x04rest", "a ZIP archive"),
        (b"\x1f\x8b\x08\x00", "a gzip archive"),
        (b"Title\n\nText\x00more", "binary data (a NUL byte at offset 11)"),
        ("Title\n\nText".encode("utf-16-le"), "UTF-16 text without a byte-order mark"),
    ],
)
def test_files_that_are_not_text_are_refused_saying_what_they_look_like(raw: bytes, looks_like: str) -> None:
    with pytest.raises(SeedError, match=rf"^a\.txt: looks like {re.escape(looks_like)}"):
        parse_article(raw, file="a.txt")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_are_read_by_their_byte_order_mark(encoding: str) -> None:
    article = parse_article("\ufeffCafé Talks Resume\n\nThe talks resumed.\n".encode(encoding), file="a.txt")
    assert article.headline == "Café Talks Resume"
    assert article.warnings == ()


def test_windows_1252_quotes_are_read_as_quotes_with_a_warning() -> None:
    article = parse_article(b"Title\n\n\x93Yes,\x94 she said \x96 twice.\n", file="a.txt")
    assert article.paragraphs == ("\u201cYes,\u201d she said \u2013 twice.",)
    assert article.warnings == ("a.txt:3: not valid UTF-8; read as Windows-1252",)


def test_control_characters_never_get_past_ingest() -> None:
    article = parse_article(b"Ti\x0btle\n\nText\x1b with\x07 bells.\n", file="a.txt")
    assert (article.headline, article.paragraphs) == ("Title", ("Text with bells.",))
    assert "3 control character(s) removed" in article.warnings[0]
