"""Every fact BRIEFING.md says a correct note for the sample seed states, checked on a real build."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from builder.notes.note import split_note
from tests.conftest import SAMPLE_SEED, run_cli

SEED_TEXT = SAMPLE_SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sample")
    (root / "seeds").mkdir()
    (root / "seeds" / SAMPLE_SEED.name).write_bytes(SAMPLE_SEED.read_bytes())
    (root / "briefgen.toml").write_text('title = "Sample"\nreference_date = 2026-11-27\n')
    assert run_cli(root, "build") == 0
    return root


@pytest.fixture(scope="module")
def note(built: Path) -> dict[str, Any]:
    (path,) = (built / "content").glob("*.md")
    data, _, _ = split_note(path.read_text(encoding="utf-8"), file=path.name)
    return data


def person(note: dict[str, Any], name: str) -> dict[str, Any]:
    matches = [p for p in note["people"] if p["name"] == name]
    assert matches, f"{name} missing from {[p['name'] for p in note['people']]}"
    return matches[0]


def test_story_date_is_inferred_from_the_weekday(note: dict[str, Any]) -> None:
    assert note["date"] == "2026-01-13"
    assert note["date_basis"] == "weekday-inference"
    assert "year_inferred" in {f["code"] for f in note["flags"]}


def test_slug_is_url_safe_and_date_prefixed(note: dict[str, Any], built: Path) -> None:
    assert re.fullmatch(r"2026-01-13-[a-z0-9-]+", note["slug"])
    assert (built / "content" / f"{note['slug']}.md").is_file()


def test_people_have_roles_and_countries(note: dict[str, Any]) -> None:
    takai = person(note, "Sanae Takai")
    assert takai["role"] == "Prime Minister" and takai["country"] == "JP"
    assert "Takai" in takai["aliases"]
    lee = person(note, "Lee Jae-myeong")
    assert lee["role"] == "President" and lee["country"] == "KR"
    assert "Lee" in lee["aliases"]
    ishiba = person(note, "Shigeru Ishiba")
    assert "Prime Minister" in ishiba["role"] and ishiba["former"] is True and ishiba["country"] == "JP"


def test_title_case_headline_words_are_not_people(note: dict[str, Any]) -> None:
    names = {p["name"] for p in note["people"]}
    assert not any("Emphasize" in name for name in names)
    assert names == {"Sanae Takai", "Lee Jae-myeong", "Shigeru Ishiba"}


def test_headline_person_missing_from_body_is_an_error_flag(note: dict[str, Any]) -> None:
    flags = [f for f in note["flags"] if f["code"] == "headline_entity_not_in_body"]
    assert len(flags) == 1 and flags[0]["severity"] == "error" and "Koizumi" in flags[0]["message"]


def test_places_and_countries(note: dict[str, Any]) -> None:
    places = {p["name"]: p for p in note["places"]}
    for name in ("Nara", "Tokyo", "Busan", "Fukushima", "Taiwan", "Korean Peninsula", "Horyu Temple"):
        assert name in places, f"{name} missing from {sorted(places)}"
    assert places["Horyu Temple"]["kind"] == "site"
    assert places["Busan"]["country"] == "KR"
    main = {c["code"] for c in note["countries"] if c["role"] == "main"}
    mentioned = {c["code"] for c in note["countries"] if c["role"] == "mentioned"}
    assert main == {"JP", "KR"}
    assert {"CN", "KP", "US", "TW"} <= mentioned


def test_organisations_include_nhk_and_the_cptpp_as_one(note: dict[str, Any]) -> None:
    orgs = note["organizations"]
    names = [o["name"] for o in orgs]
    assert "NHK" in names
    cptpp = [o for o in orgs if "CPTPP" in (o.get("abbreviation"), o["name"])]
    assert len(cptpp) == 1
    assert cptpp[0]["name"] == "Comprehensive and Progressive Agreement for Trans-Pacific Partnership"


def timeline_entry(note: dict[str, Any], date: str) -> dict[str, Any]:
    matches = [e for e in note["timeline"] if e["date"] == date]
    assert matches, f"no timeline entry for {date}: {[e['date'] for e in note['timeline']]}"
    return matches[0]


def test_timeline_resolves_relative_dates(note: dict[str, Any]) -> None:
    assert timeline_entry(note, "2025-06")["precision"] == "month"
    assert "last year" in timeline_entry(note, "2025-06")["text"]
    assert timeline_entry(note, "2025-08")["status"] == "occurred"
    assert timeline_entry(note, "2026-01-12")["status"] == "occurred"
    assert timeline_entry(note, "2026-01-13")["status"] == "occurred"
    horyu = timeline_entry(note, "2026-01-14")
    assert horyu["status"] == "expected" and "Wednesday" in horyu["text"]
    dissolution = timeline_entry(note, "2026-01")
    assert dissolution["status"] == "planned" and "late January" in dissolution["text"]
    election = timeline_entry(note, "2026-02-08")
    assert election["status"] == "possible" and "as early as" in election["text"]


def test_quotes_are_verbatim_with_speakers(note: dict[str, Any]) -> None:
    full = [q for q in note["quotes"] if not q["fragment"]]
    assert len(full) == 4
    by_start = {q["text"][:30]: q for q in full}
    expected = {
        "In the current complex and diz": "lee-jae-myeong",
        "This year, we hope to take Jap": "sanae-takai",
        "I hope to further advance Japa": "sanae-takai",
    }
    for start, speaker in expected.items():
        assert by_start[start]["speaker"] == speaker
    office = by_start["Amid rapidly changing internat"]
    assert "office" in office["speaker_name"]
    for quote in note["quotes"]:
        assert quote["text"] in SEED_TEXT
    fragments = {q["text"] for q in note["quotes"] if q["fragment"]}
    assert {"special significance", "trouble in Taiwan"} <= fragments


def test_what_to_watch_keeps_the_articles_hedges(note: dict[str, Any]) -> None:
    watch = note["watch"]
    modalities = {w["modality"] for w in watch}
    assert {"expected", "planned", "possible"} <= modalities
    horyu = [w for w in watch if "Horyu" in w["item"]]
    assert [(w["date"], w["modality"]) for w in horyu] == [("2026-01-14", "expected")]
    dissolution = [w for w in watch if "Lower House" in w["item"] and "dissolve" in w["item"]]
    assert dissolution and dissolution[0]["modality"] == "planned"
    election = [w for w in watch if w["date"] == "2026-02-08"]
    assert election and election[0]["modality"] == "possible" and "election" in election[0]["item"]


def test_summary_and_key_points(note: dict[str, Any]) -> None:
    assert 0 < len(note["summary"].split()) <= 40
    assert 3 <= len(note["key_points"]) <= 5
    assert len(set(note["key_points"])) == len(note["key_points"])
    assert note["topics"][0] == "politics"


def test_every_item_carries_valid_evidence(note: dict[str, Any]) -> None:
    paragraphs = note["source"]["paragraphs"]
    valid = {f"p{i}" for i in range(paragraphs + 1)}
    for field in ("people", "places", "organizations", "quotes", "timeline", "watch"):
        for item in note[field]:
            assert item["evidence"], f"{field} item without evidence: {item}"
            assert set(item["evidence"]) <= valid


def test_provenance_records_the_seed(note: dict[str, Any]) -> None:
    assert note["source"]["file"] == f"seeds/{SAMPLE_SEED.name}"
    assert note["source"]["headline"] == SEED_TEXT.splitlines()[0]
    assert note["generated"]["by"].startswith("briefgen ")


def test_briefing_page_shows_flags_anchors_and_json_ld(built: Path, note: dict[str, Any]) -> None:
    html = (built / "site" / "briefings" / note["slug"] / "index.html").read_text(encoding="utf-8")
    assert "Koizumi" in html and "Check the source" in html
    for index in range(note["source"]["paragraphs"] + 1):
        assert f'id="p{index}"' in html
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert match
    data = json.loads(match.group(1))
    assert data["@type"] == "NewsArticle" and data["datePublished"] == "2026-01-13"
    assert {"Sanae Takai", "Lee Jae-myeong"} <= {m["name"] for m in data["mentions"]}
    assert (built / "site" / "people" / "sanae-takai" / "index.html").is_file()
    assert (built / "site" / "places" / "korean-peninsula" / "index.html").is_file()
