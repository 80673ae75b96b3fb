"""Hostile seeds: every refused file is named, nothing hangs, the rest of the site is built."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run_cli

MakeProject = Callable[..., Path]

GOOD = "Council Approves Budget\n\nThe city council approved the budget on Monday, officials said.\n"


def test_hostile_seeds_are_refused_by_name_and_the_rest_is_built(
    make_project: MakeProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("Private Headline\n\nPrivate text that must never be published.\n")
    root = make_project(
        sample=False,
        seeds={
            "good.txt": GOOD,
            "report.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
            "photo.txt": b"\x89PNG\r\n\x1a\n" + bytes(64),
            "nul.txt": b"Headline\n\nSome text\x00\x01\x02 and binary after it.\n",
            "utf16-nobom.txt": "Headline\n\nBody text here.\n".encode("utf-16-le"),
            "utf16.txt": "\ufeffMinisters Agree Deal\n\nThe ministers agreed a deal on Friday.\n".encode("utf-16-le"),
            "control.txt": "Talks \x0bResume\n\nThe talks\x1b resumed on Friday \x07after a pause.\n",
            "latin1.txt": "Caf\xe9 Owners Protest\n\nOwners of the caf\xe9 protested on Monday.\n".encode("latin-1"),
        },
    )
    seeds = root / "seeds"
    with open(seeds / "huge.txt", "wb") as handle:  # 60 MB, sparse: its size alone refuses it
        handle.truncate(60_000_000)
    os.mkfifo(seeds / "pipe.txt")
    (seeds / "leak.txt").symlink_to(outside)
    (seeds / "zero.txt").symlink_to("/dev/zero")
    started = time.perf_counter()
    assert run_cli(root, "build") == 1
    assert time.perf_counter() - started < 60
    out, err = capsys.readouterr()
    for name, why in [
        ("huge.txt", "60.0 MB, over the 5 MB limit"),
        ("report.txt", "looks like a PDF document"),
        ("photo.txt", "looks like a PNG image"),
        ("nul.txt", "binary data (a NUL byte at offset"),
        ("utf16-nobom.txt", "UTF-16 text without a byte-order mark"),
        ("pipe.txt", "named pipe (FIFO)"),
        ("leak.txt", "outside the project"),
        ("zero.txt", "outside the project"),  # /dev/zero
    ]:
        assert any(f"seeds/{name}" in line and why in line for line in err.splitlines()), (name, err)
    assert "8 refused" in out
    assert "seeds/latin1.txt:1: not valid UTF-8; read as Latin-1" in err
    notes = {p.name for p in (root / "content").glob("*.md")}
    assert len(notes) == 4, notes  # good, utf16, control, latin1
    site = root / "site"
    assert "Ministers Agree Deal" in "".join(p.read_text() for p in (site / "briefings").rglob("index.html"))
    published = "".join(
        p.read_text(errors="replace") for p in site.rglob("*") if p.is_file() and p.suffix in {".html", ".xml", ".json"}
    )
    assert "Private text" not in published
    ET.parse(site / "feed.xml")  # control characters never reach the feed
    ET.parse(site / "sitemap.xml")


def test_max_seed_size_is_configurable(make_project: MakeProject, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(
        sample=False, seeds={"good.txt": GOOD, "long.txt": GOOD + "More text. " * 200}, config="max_seed_size = 1000\n"
    )
    assert run_cli(root, "build") == 1
    err = capsys.readouterr().err
    assert "seeds/long.txt" in err and "over the 0.001 MB limit" in err
    assert len(list((root / "content").glob("*.md"))) == 1
    # `briefgen extract` reads with the project's limit too.
    assert run_cli(root, "extract", str(root / "seeds" / "long.txt")) == 1
    assert "over the 0.001 MB limit" in capsys.readouterr().err


BOMB = (
    "---\ntitle: Bomb\n"
    + "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9) if i else 'x'}]\n" for i in range(9))
    + "---\nBody.\n"
)
CONTROL_NOTE = (
    '---\ntitle: "Bell\\x07 and escape\\x1b in a title"\nsummary: "Tab\\x0b here"\n---\nBody with a \x0c form feed.\n'
)


def test_hostile_notes_are_reported_and_never_break_the_feed(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(notes={"bomb.md": BOMB, "control.md": CONTROL_NOTE})
    started = time.perf_counter()
    assert run_cli(root, "build") == 1
    assert time.perf_counter() - started < 30
    err = capsys.readouterr().err
    assert "content/bomb.md: front-matter expands to more than 100,000 values" in err
    assert (root / "content" / "bomb.md").read_text() == BOMB  # kept as the person wrote it
    ET.parse(root / "site" / "feed.xml")
    assert "Bell and escape in a title" in (root / "site" / "feed.xml").read_text()
    page = (root / "site" / "briefings" / "control" / "index.html").read_text()
    assert "Bell and escape in a title" in page


def test_a_note_caught_half_saved_is_never_duplicated(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(sample=False, seeds={"good.txt": GOOD})
    assert run_cli(root, "build") == 0
    [note] = (root / "content").glob("*.md")
    saved = note.read_text(encoding="utf-8")
    note.write_text("", encoding="utf-8")  # the editor has truncated it and not yet written it
    (root / ".briefgen" / "extracted.sqlite").unlink()
    assert run_cli(root, "build") == 1
    assert (
        f"content/{note.name}: cannot be read, so no new note was written for seeds/good.txt" in capsys.readouterr().err
    )
    assert [p.name for p in (root / "content").glob("*.md")] == [note.name]
    note.write_text(saved, encoding="utf-8")  # the save completes
    assert run_cli(root, "build") == 0
    assert [p.name for p in (root / "content").glob("*.md")] == [note.name]


HOSTILE = Path(__file__).resolve().parent.parent / "fixtures" / "hostile"


def test_the_hostile_fixture_project_builds_safely(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "hostile"
    shutil.copytree(HOSTILE, root)
    notes_before = {p.name: p.read_bytes() for p in (root / "content").glob("*.md")}
    assert run_cli(root, "build") == 1
    err = capsys.readouterr().err
    for where, why in [
        ("seeds/empty.txt", "seed is empty"),
        ("seeds/blank.txt", "seed is empty"),
        ("seeds/yaml-tags.txt:2", "could not determine a constructor"),
        ("content/broken.md:2", "invalid YAML front-matter"),
        ("content/wrong-types.md", "field 'title'"),
        ("content/yaml-tag-note.md:2", "could not determine a constructor"),
    ]:
        assert any(where in line and why in line for line in err.splitlines()), (where, err)
    for name in ("broken.md", "wrong-types.md", "yaml-tag-note.md"):  # bad notes are reported, never rewritten
        assert (root / "content" / name).read_bytes() == notes_before[name]
    site = root / "site"
    outputs = {p: p.read_text(encoding="utf-8") for p in site.rglob("*") if p.suffix in {".html", ".xml", ".json"}}
    assert len([p for p in outputs if p.name == "index.html" and p.parent.parent.name == "briefings"]) == 4
    for path, text in outputs.items():
        lowered = text.lower()
        for injected in ("<script>alert", "<img src=x", "<svg onload", 'href="javascript:', "<b>bold</b>"):
            assert injected not in lowered, (path, injected)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S):
            json.loads(block)  # the JSON-LD never breaks out of its script element
        if path.suffix == ".xml":
            ET.fromstring(text)
