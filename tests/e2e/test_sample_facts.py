"""Every fact BRIEFING.md says a correct note states, checked on real builds of the sample seed and, where it is
available, the original article it stands in for."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from builder.notes.note import split_note
from tests.conftest import REPO, SAMPLE_SEED, run_cli

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


# ---------------------------------------------------------------------------------------------------------------
# The original article the sample stands in for (outside the repository: research use only, never copied).
# Its facts are BRIEFING.md's; quotes are found by paragraph and compared with the quotation read from the seed
# at run time. Facts the extractor does not state yet are strict xfails: they fail the moment they hold.

SHARED = Path(os.environ.get("BRIEFGEN_SHARED", REPO.parent / "shared"))
ORIGINAL_SEED = SHARED / "seeds" / "000_0ffeab4008b67dd0.txt"
NOT_YET = "the extractor does not state this fact yet"


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], str]:
    """The original article's note, built like the sample's, and the article's text."""
    if not ORIGINAL_SEED.is_file():
        pytest.skip(f"the original article is not at {ORIGINAL_SEED} (set BRIEFGEN_SHARED)")
    root = tmp_path_factory.mktemp("original")
    (root / "seeds").mkdir()
    (root / "seeds" / ORIGINAL_SEED.name).write_bytes(ORIGINAL_SEED.read_bytes())
    (root / "briefgen.toml").write_text('title = "Original"\nreference_date = 2026-11-27\n')
    assert run_cli(root, "build") == 0
    (path,) = (root / "content").glob("*.md")
    data, _, _ = split_note(path.read_text(encoding="utf-8"), file=path.name)
    return data, ORIGINAL_SEED.read_text(encoding="utf-8")


def paragraph_quotation(text: str, index: int) -> str:
    """The longest quotation in paragraph `index` (p0 = the headline), trimmed of closing punctuation."""
    paragraphs = [" ".join(block.split()) for block in re.split(r"\n\s*\n", text.strip()) if block.strip()]
    spans = re.findall(r"“([^”]+)”", paragraphs[index])
    return max(spans, key=len).rstrip(".,;:!?")


def quotes_in(note: dict[str, Any], index: int) -> list[dict[str, Any]]:
    return [q for q in note["quotes"] if f"p{index}" in q["evidence"]]


def whole_quote(note: dict[str, Any], text: str, index: int) -> dict[str, Any]:
    quotation = paragraph_quotation(text, index)
    matches = [q for q in quotes_in(note, index) if q["text"].rstrip(".,;:!?") == quotation]
    assert matches, f"the quotation in p{index} is not extracted whole"
    return matches[0]


def test_original_story_date_is_inferred_from_the_weekday(original: tuple[dict[str, Any], str]) -> None:
    note, _ = original
    assert (note["date"], note["date_basis"]) == ("2026-01-13", "weekday-inference")
    assert "year_inferred" in {f["code"] for f in note["flags"]}


def test_original_people_are_three_and_their_surnames_resolve_to_them(original: tuple[dict[str, Any], str]) -> None:
    note, _ = original
    assert {p["name"] for p in note["people"]} == {"Sanae Takai", "Lee Jae-myeong", "Shigeru Ishiba"}
    assert "Takai" in person(note, "Sanae Takai")["aliases"]
    assert "Lee" in person(note, "Lee Jae-myeong")["aliases"]
    ishiba = person(note, "Shigeru Ishiba")
    assert "Prime Minister" in ishiba["role"] and ishiba["former"] is True


def test_original_people_have_their_own_roles_and_countries(original: tuple[dict[str, Any], str]) -> None:
    note, _ = original
    takai, lee = person(note, "Sanae Takai"), person(note, "Lee Jae-myeong")
    assert (takai.get("role"), takai.get("country")) == ("Prime Minister", "JP")
    assert (lee.get("role"), lee.get("country")) == ("President", "KR")
    assert person(note, "Shigeru Ishiba").get("country") == "JP"
    for p in note["people"]:
        others = {word for o in note["people"] if o is not p for word in o["name"].split()}
        assert not others & set(str(p.get("role") or "").split()), f"{p['name']}'s role names someone else"


def test_original_headline_person_missing_from_body_is_an_error_flag(original: tuple[dict[str, Any], str]) -> None:
    note, _ = original
    flags = [f for f in note["flags"] if f["code"] == "headline_entity_not_in_body"]
    assert len(flags) == 1 and flags[0]["severity"] == "error" and "Koizumi" in flags[0]["message"]


def test_original_places_and_countries_mentioned(original: tuple[dict[str, Any], str]) -> None:
    note, _ = original
    names = {p["name"] for p in note["places"]}
    assert {"Nara", "Tokyo", "Busan", "Fukushima", "Taiwan", "Korean Peninsula", "Horyu Temple"} <= names
    assert {"CN", "KP", "US", "TW"} <= {c["code"] for c in note["countries"] if c["role"] == "mentioned"}


def test_original_main_countries_are_japan_and_south_korea(original: tuple[dict[str, Any], str]) -> None:
    note, _ = original
    assert {c["code"] for c in note["countries"] if c["role"] == "main"} == {"JP", "KR"}


def test_original_cptpp_is_one_organisation_under_its_long_name(original: tuple[dict[str, Any], str]) -> None:
    note, _ = original
    cptpp = [o for o in note["organizations"] if "CPTPP" in (o.get("abbreviation"), o["name"])]
    assert [o["name"] for o in cptpp] == ["Comprehensive and Progressive Agreement for Trans-Pacific Partnership"]


def test_original_nhk_is_an_organisation(original: tuple[dict[str, Any], str]) -> None:
    note, _ = original
    assert any("NHK" in (o["name"], o.get("abbreviation"), *o.get("aliases", [])) for o in note["organizations"])


def test_original_timeline_resolves_relative_dates(original: tuple[dict[str, Any], str]) -> None:
    note, _ = original
    statuses = {(e["date"], e["status"]) for e in note["timeline"]}
    expected = {
        ("2025-06", "occurred"),
        ("2025-08", "occurred"),
        ("2026-01-12", "occurred"),
        ("2026-01-13", "occurred"),
        ("2026-01-14", "expected"),
        ("2026-01", "planned"),
        ("2026-02-08", "possible"),
    }
    assert expected <= statuses


def test_original_quotes_are_verbatim_and_short_phrases_are_fragments(original: tuple[dict[str, Any], str]) -> None:
    note, text = original
    for quote in note["quotes"]:
        assert quote["text"] in text
    lee = whole_quote(note, text, 3)
    assert not lee["fragment"] and lee["speaker"] == "lee-jae-myeong"
    for index in (9, 10):
        assert any(q["fragment"] and q["text"] == paragraph_quotation(text, index) for q in quotes_in(note, index))


def test_original_full_quotes_keep_their_speakers(original: tuple[dict[str, Any], str]) -> None:
    note, text = original
    for index in (4, 18):
        quote = whole_quote(note, text, index)
        assert not quote["fragment"] and quote["speaker"] == "sanae-takai"
    office = whole_quote(note, text, 17)
    assert not office["fragment"] and "office" in str(office.get("speaker_name") or office["speaker"]).casefold()


def test_original_what_to_watch_keeps_the_articles_hedges(original: tuple[dict[str, Any], str]) -> None:
    note, _ = original
    watch = note["watch"]
    assert [(w["date"], w["modality"]) for w in watch if "Horyu" in w["item"]] == [("2026-01-14", "expected")]
    assert any("Lower House" in w["item"] and "dissolve" in w["item"] and w["modality"] == "planned" for w in watch)
    assert any(w["date"] == "2026-02-08" and w["modality"] == "possible" and "election" in w["item"] for w in watch)


def test_original_watch_items_do_not_open_with_a_relative_pronoun(original: tuple[dict[str, Any], str]) -> None:
    note, _ = original
    for item in note["watch"]:
        assert item["item"].split()[0].casefold() not in {"who", "whom", "whose", "which"}


LEANING_OPENINGS = re.compile(
    r"^(?:(?:he|she|it|they|this|that|these|those|however|but|and|also|furthermore|moreover|meanwhile|in response"
    r"|in addition|as a result)\b"
    r"|\S+(?: \S+){0,3} (?:said|mentioned|added|noted|stated) (?:that )?(?:this|that|it|they)\b)",
    re.IGNORECASE,
)


def test_original_key_points_read_on_their_own(original: tuple[dict[str, Any], str]) -> None:
    note, _ = original
    assert 3 <= len(note["key_points"]) <= 5
    leaning = [i for i, point in enumerate(note["key_points"], 1) if LEANING_OPENINGS.match(point)]
    assert not leaning, f"key points {leaning} need the sentence before them"
