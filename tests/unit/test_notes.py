"""Notes on disk: generation stamp, edit detection, YAML round-trips, parse errors, atomic writes."""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import stat
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from builder.atomic import write_text_atomic
from builder.cache import scan_notes
from builder.errors import NoteError
from builder.notes.note import (
    dump_frontmatter,
    generated_hash,
    is_unedited,
    make_note_text,
    parse_note,
    split_note,
    with_body,
)

FILE = "content/summit.md"
ZEROS = "0" * 64
FRONTMATTER: dict[str, Any] = {
    "title": "Japan and South Korea meet in Nara",
    "slug": "2026-01-13-nara-summit",
    "date": "2026-01-13",
    "summary": "The leaders agreed to deepen ties.",
    "people": [{"name": "Lee Jae-myeong", "id": "lee-jae-myeong", "role": "President"}],
}
BODY = "## BLUF\n\nThe leaders agreed to deepen ties.\n\n## Source\n\n{#p1}\nText [¶1](#p1)"


def stamped_note(frontmatter: dict[str, Any] = FRONTMATTER, body: str = BODY, generator: str = "briefgen 9") -> str:
    """A note exactly as the authoring half writes it."""
    return make_note_text(frontmatter, body, generator=generator)


def note_text(fields: str, body: str = "Body.\n") -> str:
    return f"---\n{fields}---\n{body}"


# --- generation stamp and edit detection ---------------------------------------------------


def test_generated_note_verifies_as_unedited() -> None:
    text = make_note_text(FRONTMATTER, BODY, generator="briefgen 9")
    recorded = generated_hash(text)
    assert recorded is not None
    assert recorded != ZEROS
    assert is_unedited(text)


def test_generated_note_is_deterministic_and_keeps_its_content() -> None:
    first = make_note_text(FRONTMATTER, BODY + "\n\n\n", generator="briefgen 9")
    assert first == make_note_text(FRONTMATTER, BODY, generator="briefgen 9")
    data, body, _ = split_note(first, file=FILE)
    assert {k: data[k] for k in FRONTMATTER} == FRONTMATTER
    assert data["generated"]["by"] == "briefgen 9"
    assert list(data)[-1] == "generated"
    assert body == "\n" + BODY + "\n"


def test_stamped_note_verifies_as_unedited_and_reports_its_hash() -> None:
    text = stamped_note()
    assert is_unedited(text)
    recorded = generated_hash(text)
    assert recorded is not None and len(recorded) == 64 and recorded != ZEROS


def test_a_stamp_counts_only_as_briefgen_writes_it() -> None:
    quoted = make_note_text(FRONTMATTER, BODY, generator="briefgen #2: test")  # a generator YAML must quote
    assert "  by: 'briefgen #2: test'\n" in quoted and is_unedited(quoted)
    # The same stamp value written another way, hashed correctly for that way: not briefgen's output.
    plain = make_note_text(FRONTMATTER, BODY, generator="briefgen 0.1.0")
    other = plain.replace("  by: briefgen 0.1.0\n", '  by: "briefgen 0.1.0"\n')
    sha256_line = re.compile(r"^  sha256: .*$", re.MULTILINE)
    digest = hashlib.sha256(sha256_line.sub(f"  sha256: '{ZEROS}'", other).encode()).hexdigest()
    rehashed = sha256_line.sub("  " + dump_frontmatter({"sha256": digest}).rstrip("\n"), other)
    assert rehashed != plain and generated_hash(rehashed) == digest
    assert not is_unedited(rehashed)


def test_changing_any_single_character_marks_the_note_edited() -> None:
    text = stamped_note()
    assert is_unedited(text)
    for index, char in enumerate(text):
        replacement = "x" if char != "x" else "y"
        changed = text[:index] + replacement + text[index + 1 :]
        assert not is_unedited(changed), f"substituting character {index} ({char!r}) went unnoticed"
        deleted = text[:index] + text[index + 1 :]
        assert not is_unedited(deleted), f"deleting character {index} ({char!r}) went unnoticed"


@pytest.mark.parametrize(
    "edit",
    [
        lambda t: t.replace("Nara\n", "Nara \n", 1),
        lambda t: t.replace("\n\n## Source", "\n\n\n## Source", 1),
        lambda t: t + "\n",
        lambda t: t.rstrip("\n"),
        lambda t: t.replace("\n", "\r\n"),
        lambda t: t.replace("President", "Président", 1),
    ],
    ids=[
        "trailing-space-in-front-matter",
        "extra-blank-line",
        "extra-final-newline",
        "no-final-newline",
        "crlf",
        "accent",
    ],
)
def test_whitespace_and_encoding_edits_mark_the_note_edited(edit: Any) -> None:
    text = stamped_note()
    changed = edit(text)
    assert changed != text
    assert not is_unedited(changed)


def test_field_added_after_the_stamp_marks_the_note_edited() -> None:
    text = stamped_note().replace("\n---\n\n## BLUF", "\nmood: hopeful\n---\n\n## BLUF", 1)
    assert not is_unedited(text)


def test_hand_written_note_without_stamp_counts_as_edited() -> None:
    text = note_text("title: Written by hand\n")
    assert generated_hash(text) is None
    assert not is_unedited(text)


# --- front-matter YAML ---------------------------------------------------------------------

TRICKY_STRINGS = [
    "Café — naïve 日本語 한국어",
    "key: value",
    "'single quotes'",
    '"double quotes"',
    "- leading dash",
    "---",
    "...",
    "# not a comment",
    "yes",
    "null",
    "2026-01-13",
    "0o17",
    "1e3",
    "[1, 2]",
    "{a: b}",
    "*alias",
    "&anchor",
    "!tag",
    "%directive",
    "@at",
    "`backtick",
    " leading and trailing ",
    "line one\nline two",
    "x\n---\ny",
    "tab\there",
    "a\r\nb",
    "x\u2028y",
    "\ufeffbom",
    "word " * 40,
]


@pytest.mark.parametrize("value", TRICKY_STRINGS)
def test_front_matter_strings_round_trip_through_yaml(value: str) -> None:
    frontmatter = {"title": value, "key_points": [value], "source": {"headline": value}}
    text = make_note_text(frontmatter, "Body", generator="briefgen 9")
    data, body, _ = split_note(text, file=FILE)
    assert data["title"] == value
    assert data["key_points"] == [value]
    assert data["source"] == {"headline": value}
    assert body.strip() == "Body"


def test_front_matter_keeps_field_order_and_unicode_unescaped() -> None:
    dumped = dump_frontmatter({"title": "Café", "slug": "cafe", "date": "2026-01-13"})
    assert dumped.splitlines()[0] == "title: Café"
    assert [line.split(":")[0] for line in dumped.splitlines()] == ["title", "slug", "date"]


# --- split_note and parse_note -------------------------------------------------------------


def test_split_note_returns_front_matter_body_and_body_line() -> None:
    data, body, line = split_note("---\ntitle: T\nslug: s\n---\n\nFirst body line\n", file=FILE)
    assert data == {"title": "T", "slug": "s"}
    assert body == "\nFirst body line\n"
    assert line == 5


def test_split_note_tolerates_bom_and_crlf() -> None:
    data, body, _ = split_note("\ufeff---\r\ntitle: T\r\n---\r\nBody\r\n", file=FILE)
    assert data == {"title": "T"}
    assert body == "Body\n"


def test_empty_front_matter_is_an_empty_mapping() -> None:
    data, body, line = split_note("---\n---\nBody", file=FILE)
    assert data == {}
    assert body == "Body"
    assert line == 3


def test_note_without_front_matter_is_an_error_at_line_1() -> None:
    with pytest.raises(NoteError, match=rf"^{FILE}:1: missing YAML front-matter"):
        split_note("# Just Markdown\n", file=FILE)


@pytest.mark.parametrize(
    ("fields", "line"),
    [("title: T\nslug: s\nsummary: a: b\nmood: x\n", 4), ("title: T\nslug: s\npeople: [a\n", 4)],
    ids=["mapping-in-scalar", "unclosed-list-names-the-line-that-opens-it"],
)
def test_invalid_yaml_names_the_file_and_line(fields: str, line: int) -> None:
    with pytest.raises(NoteError, match=rf"^{FILE}:{line}: invalid YAML front-matter"):
        parse_note(note_text(fields), file=FILE, default_slug="s")


def test_front_matter_that_is_not_a_mapping_is_an_error() -> None:
    with pytest.raises(NoteError, match=rf"^{FILE}:2: front-matter must be a mapping"):
        split_note("---\n- a\n- b\n---\n", file=FILE)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ("slug: s\n", "title"),
        ("title: '   '\n", "title"),
        ("title: 42\n", "title"),
        ("title: T\nslug: ../x\n", "slug"),
        ("title: T\nslug: a/b\n", "slug"),
        ("title: T\nslug: Upper\n", "slug"),
        ("title: T\nslug: a..b\n", "slug"),
        ("title: T\nslug: 7\n", "slug"),
        ("title: T\npeople: Lee Jae-myeong\n", "people"),
        ("title: T\nplaces: {name: Nara}\n", "places"),
        ("title: T\npeople:\n- Lee\n", r"people\[0\]"),
        ("title: T\norganizations:\n- {id: nhk}\n", r"organizations\[0\]"),
        ("title: T\ndate: 13/01/2026\n", "date"),
        ("title: T\ndate: January 13\n", "date"),
        ("title: T\ndraft: 'yes'\n", "draft"),
        ("title: T\ndraft: 1\n", "draft"),
        ("title: T\nsummary: [a, b]\n", "summary"),
        ("title: T\ntopics: politics\n", "topics"),
        ("title: T\ntopics: [1, 2]\n", "topics"),
    ],
)
def test_invalid_field_is_an_error_naming_file_and_field(fields: str, field: str) -> None:
    with pytest.raises(NoteError, match=rf"^{FILE}: field '{field}'"):
        parse_note(note_text(fields), file=FILE, default_slug="summit")


def test_impossible_calendar_date_is_a_note_error() -> None:
    with pytest.raises(NoteError, match=FILE):
        parse_note(note_text("title: T\ndate: 2026-02-30\n"), file=FILE, default_slug="s")


def test_valid_note_parses_fields_and_keeps_unknown_keys() -> None:
    text = note_text(
        "title: '  Summit in Nara  '\n"
        "date: 2026-01-13\n"
        "summary: ' Leaders met. '\n"
        "draft: true\n"
        "mood: hopeful\n"
        "reviewer: {name: Kim, checked: 2026-01-14}\n",
        body="Body text.\n",
    )
    note = parse_note(text, file=FILE, default_slug="summit")
    assert note.title == "Summit in Nara"
    assert note.slug == "summit"
    assert note.date == date(2026, 1, 13)
    assert note.summary == "Leaders met."
    assert note.draft is True
    assert note.body == "Body text.\n"
    assert note.body_line == 9
    assert note.file == FILE
    assert note.meta["mood"] == "hopeful"
    assert note.meta["reviewer"] == {"name": "Kim", "checked": date(2026, 1, 14)}


def test_explicit_slug_wins_over_the_file_name() -> None:
    note = parse_note(note_text("title: T\nslug: 2026-01-13-nara.v2\n"), file=FILE, default_slug="summit")
    assert note.slug == "2026-01-13-nara.v2"


@pytest.mark.parametrize(("value", "expected"), [("", None), ("'2026-01-13'", date(2026, 1, 13)), ("null", None)])
def test_date_may_be_absent_or_a_string(value: str, expected: date | None) -> None:
    note = parse_note(note_text(f"title: T\ndate: {value}\n"), file=FILE, default_slug="s")
    assert note.date == expected


def test_reading_notes_names_the_file_for_non_utf8(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "bad.md").write_bytes(b"---\ntitle: Caf\xe9\n---\n")
    (found,) = scan_notes(tmp_path / "content", tmp_path, None)
    assert found.note is None and str(found.error).startswith("content/bad.md: not UTF-8")


def test_reading_notes_takes_the_default_slug_from_the_file_name(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "2026-01-13-nara.md").write_text(note_text("title: T\n"), encoding="utf-8")
    (found,) = scan_notes(tmp_path / "content", tmp_path, None)
    assert found.note is not None and found.note.slug == "2026-01-13-nara"


# --- write_text_atomic ---------------------------------------------------------------------


def test_atomic_write_replaces_content_and_leaves_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "content" / "note.md"
    write_text_atomic(path, "first ünïcode\n")
    assert path.read_text(encoding="utf-8") == "first ünïcode\n"
    write_text_atomic(path, b"second\n")
    assert path.read_bytes() == b"second\n"
    assert sorted(p.name for p in path.parent.iterdir()) == ["note.md"]


def test_failed_atomic_write_keeps_old_content_and_no_temp_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "note.md"
    path.write_text("old\n", encoding="utf-8")

    def refuse(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        write_text_atomic(path, "new\n")
    assert path.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["note.md"]


def test_atomic_write_replaces_a_temp_file_left_by_a_dead_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "note.md"
    monkeypatch.setattr("builder.atomic._TEMPORARY", itertools.count(7))
    (tmp_path / f".note.md.{os.getpid()}-7.tmp").write_text("half a note from a crash")
    write_text_atomic(path, "new\n")
    assert path.read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["note.md"]


def test_atomic_write_keeps_normal_file_permissions(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o644)
    previous = os.umask(0o022)
    try:
        write_text_atomic(path, "new\n")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_body_edit_is_the_last_note_with_the_new_body() -> None:
    before = "---\ntitle: Budget agreed\ndate: 2026-02-01\npeople:\n- name: Joan Carter\n---\nOld text.\n"
    last = parse_note(before, file="content/budget.md", default_slug="budget")
    for after in (
        before + "\nA new paragraph linking [the vote](/briefings/vote/).\n",
        "\ufeff" + before.replace("\n", "\r\n") + "More.\r\n",  # a BOM and Windows line ends
    ):
        assert with_body(last, after) == parse_note(after, file="content/budget.md", default_slug="budget")
    assert with_body(last, before.replace("Budget agreed", "Budget passed")) is None  # front-matter changed
    assert with_body(last, "no front-matter\n") is None


def test_generated_note_is_what_parsing_its_text_gives() -> None:
    from datetime import date

    from builder.authoring.extract import extract_briefing
    from builder.authoring.ingest import read_article
    from builder.notes.body import render_body
    from builder.notes.note import make_generated_note
    from tests.conftest import SAMPLE_SEED

    article = read_article(SAMPLE_SEED, display="seeds/sample.txt")
    briefing = extract_briefing(article, reference=date(2026, 11, 27))
    body = render_body(briefing, article, country_names={})
    text, note = make_generated_note(
        briefing.to_frontmatter(), body, generator="briefgen 9", file=FILE, default_slug="x"
    )
    assert note == parse_note(text, file=FILE, default_slug="x")
    assert is_unedited(text)


BOMB = (
    "---\ntitle: Bomb\n"
    + "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9) if i else 'x'}]\n" for i in range(9))
    + "---\nBody.\n"
)


def test_a_yaml_alias_bomb_is_refused_in_bounded_time() -> None:
    import time

    started = time.perf_counter()
    with pytest.raises(NoteError, match=r"^b\.md: front-matter expands to more than 100,000 values"):
        parse_note(BOMB, file="b.md", default_slug="b")
    assert time.perf_counter() - started < 5


def test_ordinary_aliases_are_still_allowed() -> None:
    note = parse_note("---\ntitle: T\nx: &a [1, 2]\ny: *a\n---\nBody.\n", file="a.md", default_slug="a")
    assert note.meta["y"] == [1, 2]
