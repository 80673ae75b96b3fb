"""The search bundle: Pagefind's index of the built site, made with the site and swapped in with it."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from builder.build import build
from builder.config import load_config
from tests.conftest import FIXTURES, run_cli, snapshot

TINY = FIXTURES / "projects" / "tiny"


def records(site: Path) -> dict[str, dict[str, object]]:
    """Every page Pagefind indexed: its URL -> the record (content, filters, meta)."""
    found = {}
    for fragment in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        record = json.loads(data[data.index(b"{") :])
        found[record["url"]] = record
    return found


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    root = tmp_path / "tiny"
    shutil.copytree(TINY, root)
    return root


def test_a_built_site_has_a_search_index_of_briefings_and_entity_pages(tiny: Path) -> None:
    assert run_cli(tiny, "build") == 0
    site = tiny / "site"
    assert (site / "pagefind" / "pagefind.js").is_file() and (site / "pagefind" / "pagefind-entry.json").is_file()
    assert not (site / "search-index.json").exists() and not list(site.glob("pagefind/pagefind-ui.*"))
    pages = records(site)
    assert set(pages) == {
        "/briefings/council-budget/",
        "/briefings/harbour-reopens/",
        "/people/ida-brann/",
        "/people/mara-quist/",
        "/places/port-ellen/",
        "/organizations/island-ferries/",
        "/topics/economy/",
        "/topics/politics/",
        "/topics/transport/",
    }  # listings, the timeline, the home and search pages are not results
    briefing = pages["/briefings/council-budget/"]
    assert briefing["meta"] == {"title": "Council sets aside money for the harbour wall", "date": "2026-01-10"}
    assert briefing["filters"] == {"kind": ["briefing"], "topic": ["economy", "politics"], "year": ["2026"]}
    assert "rebuild the harbour's north wall" in str(briefing["content"])
    assert "Related briefings" not in str(briefing["content"])  # navigation is not indexed
    person = pages["/people/ida-brann/"]
    assert person["filters"] == {"kind": ["person"]} and person["meta"] == {"title": "Ida Brann"}
    assert "Council Leader" in str(person["content"])


def test_the_search_index_is_the_same_bytes_every_build(tiny: Path, tmp_path: Path) -> None:
    other = tmp_path / "again"
    shutil.copytree(tiny, other)
    assert run_cli(tiny, "build") == 0 and run_cli(other, "build") == 0
    first, second = snapshot(tiny / "site" / "pagefind"), snapshot(other / "site" / "pagefind")
    assert first == second and any(name.startswith("filter/") for name in first)


def test_a_body_edit_is_searchable_after_the_next_build(tiny: Path) -> None:
    assert run_cli(tiny, "build") == 0
    note = tiny / "content" / "harbour-reopens.md"
    note.write_text(note.read_text(encoding="utf-8") + "\nThe lighthouse keeper waved.\n", encoding="utf-8")
    report = build(load_config(tiny))
    assert report.quick and report.count("warning") == 0
    assert "lighthouse keeper" in str(records(tiny / "site")["/briefings/harbour-reopens/"]["content"])
    assert build(load_config(tiny)).up_to_date  # the quick build recorded the new index


@pytest.mark.parametrize("binary", ["missing", "not-a-program"])
def test_without_a_usable_pagefind_the_site_is_built_with_one_warning(
    tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], binary: str
) -> None:
    path = tmp_path / "pagefind"
    if binary == "not-a-program":  # as a binary for another platform fails: it cannot be executed here
        path.write_bytes(b"\x7fELF not really")
        path.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(path))
    assert run_cli(tiny, "build") == 0
    out = capsys.readouterr()
    text = out.out + out.err
    assert text.count("search index not built") == 1 and "1 warnings" in text
    assert (tiny / "site" / "briefings" / "council-budget" / "index.html").is_file()
    assert (tiny / "site" / "search" / "index.html").is_file() and not (tiny / "site" / "pagefind").exists()
