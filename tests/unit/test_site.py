"""The gather step: entities merged by id, related briefings, backlinks, drafts, diagnostics, timeline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from builder.notes.note import Note, parse_note
from builder.publish.gather import Ref, load_notes, make_refs, make_site


def note_text(slug: str, *, body: str = "Body.\n", **fields: Any) -> str:
    data = {"title": fields.pop("title", slug.replace("-", " ").title()), "slug": slug, **fields}
    return f"---\n{yaml.safe_dump(data, sort_keys=False, allow_unicode=True)}---\n{body}"


def make_note(slug: str, when: str | None = "2026-01-10", **fields: Any) -> Note:
    if when is not None:
        fields["date"] = when
    return parse_note(note_text(slug, **fields), file=f"content/{slug}.md", default_slug=slug)


def person(name: str, ident: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"name": name, **({"id": ident} if ident else {}), **extra}


# --- entities --------------------------------------------------------------------------------


def test_same_person_id_in_two_notes_is_one_entity_listing_both_newest_first() -> None:
    older = make_note("older", "2026-01-01", people=[person("Lee Jae-myeong", "lee-jae-myeong", role="President")])
    newer = make_note("newer", "2026-02-01", people=[person("Lee Jae-myung", "lee-jae-myeong", role="President")])
    site = make_site([older, newer])
    assert list(site.entities["people"]) == ["lee-jae-myeong"]
    entity = site.entities["people"]["lee-jae-myeong"]
    assert entity.briefings == ("newer", "older")
    assert entity.roles == {"older": "President", "newer": "President"}


def test_different_ids_stay_separate_entities_even_with_the_same_name() -> None:
    a = make_note("a", people=[person("Lee", "lee-jae-myeong")])
    b = make_note("b", people=[person("Lee", "lee-hsien-loong")])
    site = make_site([a, b])
    assert set(site.entities["people"]) == {"lee-jae-myeong", "lee-hsien-loong"}
    assert site.entities["people"]["lee-jae-myeong"].briefings == ("a",)
    assert site.entities["people"]["lee-hsien-loong"].briefings == ("b",)


def test_same_id_in_different_kinds_stays_separate() -> None:
    site = make_site([make_note("a", places=[person("Georgia", "georgia")], people=[person("Georgia", "georgia")])])
    assert "georgia" in site.entities["people"]
    assert "georgia" in site.entities["places"]


def test_entity_id_defaults_to_the_slugified_name() -> None:
    a = make_note("a", "2026-01-01", people=[person("Lee Jae-myeong")])
    b = make_note("b", "2026-01-02", people=[person("Lee Jae-myeong", "lee-jae-myeong")])
    site = make_site([a, b])
    assert site.entities["people"]["lee-jae-myeong"].briefings == ("b", "a")


def test_entity_name_is_the_most_frequent_spelling_and_others_become_aliases() -> None:
    notes = [
        make_note("a", "2026-01-03", people=[person("Lee Jae-myung", "lee")]),
        make_note("b", "2026-01-02", people=[person("Lee Jae-myeong", "lee", aliases=["President Lee"])]),
        make_note("c", "2026-01-01", people=[person("Lee Jae-myeong", "lee")]),
    ]
    entity = make_site(notes).entities["people"]["lee"]
    assert entity.name == "Lee Jae-myeong"
    assert entity.aliases == ("Lee Jae-myung", "President Lee")


def test_a_page_is_named_by_the_name_its_id_was_made_from_when_a_note_uses_it() -> None:
    notes = [
        make_note("a", "2026-01-03", places=[{"name": "U.S.", "id": "united-states", "kind": "country"}]),
        make_note("b", "2026-01-02", places=[{"name": "U.S.", "id": "united-states", "kind": "country"}]),
        make_note("c", "2026-01-01", places=[{"name": "United States", "id": "united-states", "kind": "country"}]),
    ]
    entity = make_site(notes).entities["places"]["united-states"]
    assert (entity.name, entity.aliases) == ("United States", ("U.S.",))
    assert len(entity.briefings) == 3


def test_entity_details_are_counted_most_frequent_first() -> None:
    notes = [
        make_note("a", people=[person("Ishiba", "ishiba", role="then-Prime Minister", country="JP")]),
        make_note("b", people=[person("Ishiba", "ishiba", role="Prime Minister", country="JP")]),
        make_note("c", people=[person("Ishiba", "ishiba", role="Prime Minister", country="JP")]),
    ]
    entity = make_site(notes).entities["people"]["ishiba"]
    assert entity.details == ("Prime Minister, JP", "then-Prime Minister, JP")


def test_co_mentions_count_entities_named_alongside() -> None:
    notes = [
        make_note("a", people=[person("Lee"), person("Takai")], organizations=[{"name": "NHK"}]),
        make_note("b", people=[person("Lee"), person("Takai")]),
    ]
    entity = make_site(notes).entities["people"]["lee"]
    assert [(r.kind, r.id) for r in entity.co_mentions] == [("people", "takai"), ("organizations", "nhk")]


def test_refs_list_people_organisations_places_then_topics_without_duplicates() -> None:
    note = make_note(
        "a",
        people=[person("Lee", role="President", country="KR"), person("Lee", "lee")],
        places=[{"name": "Nara", "kind": "city", "country": "JP"}],
        organizations=[{"name": "NHK", "kind": "broadcaster"}],
        topics=["Diplomacy", " diplomacy "],
    )
    assert make_refs(note) == (
        Ref("people", "lee", "Lee", "President, KR"),
        Ref("organizations", "nhk", "NHK", "broadcaster"),
        Ref("places", "nara", "Nara", "city, JP"),
        Ref("topics", "diplomacy", "Diplomacy"),
    )


# --- ordering, related, backlinks ------------------------------------------------------------


def test_briefings_are_newest_first_with_undated_last() -> None:
    notes = [make_note("undated", None), make_note("old", "2025-12-31"), make_note("new", "2026-01-13")]
    assert [n.slug for n in make_site(notes).briefings] == ["new", "old", "undated"]


def test_related_briefings_rank_people_over_organisations_over_places_over_topics() -> None:
    shared = {
        "people": [person("Lee")],
        "organizations": [{"name": "NHK"}],
        "places": [{"name": "Nara"}],
        "topics": ["Diplomacy"],
    }
    base = make_note("base", "2026-01-01", **shared)
    # newest shares the least, so recency alone would give the opposite order
    notes = [
        base,
        make_note("by-topic", "2026-01-05", topics=shared["topics"]),
        make_note("by-place", "2026-01-04", places=shared["places"]),
        make_note("by-org", "2026-01-03", organizations=shared["organizations"]),
        make_note("by-person", "2026-01-02", people=shared["people"]),
        make_note("unrelated", "2026-01-06", topics=["Sport"]),
    ]
    site = make_site(notes)
    assert site.related["base"] == ("by-person", "by-org", "by-place", "by-topic")
    assert site.related["unrelated"] == ()


def test_more_shared_entities_outrank_one_stronger_one() -> None:
    places = [{"name": "Nara"}, {"name": "Tokyo"}]
    topics = ["A", "B", "C", "D", "E"]
    base = make_note("base", people=[person("Lee")], places=places, topics=topics)
    one_person = make_note("one-person", "2026-02-01", people=[person("Lee")])
    many_small = make_note("many-small", places=places, topics=topics)  # 2*2 + 5*1 = 9 > 8
    assert make_site([base, one_person, many_small]).related["base"] == ("many-small", "one-person")


def test_recency_breaks_ties_between_equally_related_briefings() -> None:
    notes = [
        make_note("base", "2026-01-01", people=[person("Lee")]),
        make_note("middle", "2026-01-05", people=[person("Lee")]),
        make_note("newest", "2026-01-09", people=[person("Lee")]),
        make_note("oldest", "2025-06-01", people=[person("Lee")]),
    ]
    assert make_site(notes).related["base"] == ("newest", "middle", "oldest")


def test_a_briefing_is_never_related_to_itself_and_the_list_is_capped() -> None:
    notes = [make_note(f"n{i}", f"2026-01-{i + 1:02d}", people=[person("Lee")]) for i in range(8)]
    site = make_site(notes, related_count=3)
    for note in notes:
        assert note.slug not in site.related[note.slug]
        assert len(site.related[note.slug]) == 3
    assert site.related["n7"] == ("n6", "n5", "n4")


def test_backlinks_come_from_notes_whose_body_links_the_briefing() -> None:
    notes = [
        make_note("target", "2026-01-01"),
        make_note("plain", "2026-01-02", body="See [the summit](/briefings/target/).\n"),
        make_note("anchored", "2026-01-03", body="As [¶2](/briefings/target/#p2) says.\n"),
        make_note("no-slash", "2026-01-04", body="[x](/briefings/target)\n"),
        make_note("unlinked", "2026-01-05", body="Mentions target but links nothing.\n"),
        make_note("elsewhere", "2026-01-06", body="[gone](/briefings/missing/) and [person](/people/target/)\n"),
    ]
    site = make_site(notes)
    assert site.backlinks["target"] == ("no-slash", "anchored", "plain")
    assert "missing" not in site.backlinks
    assert set(site.backlinks) == {"target"}


def test_a_note_linking_itself_is_not_its_own_backlink() -> None:
    site = make_site([make_note("self", body="[top](/briefings/self/#p0)\n")])
    assert site.backlinks == {}


# --- timeline --------------------------------------------------------------------------------


def test_timeline_rows_from_all_briefings_newest_first() -> None:
    a = make_note(
        "a",
        timeline=[
            {
                "date": "2025-06",
                "precision": "month",
                "text": "June of last year",
                "event": "Lee took office",
                "status": "occurred",
                "evidence": ["p2"],
            },
            {"date": "2026-02-08", "text": "as early as February 8th", "event": "Snap election", "status": "possible"},
        ],
    )
    b = make_note(
        "b",
        timeline=[
            {"date": "2026-01-13", "text": "Tuesday", "event": "Summit", "inferred": True},
            {"date": None, "event": "Undated"},
            "not a mapping",
        ],
    )
    rows = make_site([a, b]).timeline
    assert [(r.date, r.event, r.slug) for r in rows] == [
        ("2026-02-08", "Snap election", "a"),
        ("2026-01-13", "Summit", "b"),
        ("2025-06", "Lee took office", "a"),
    ]
    assert rows[1].inferred is True
    assert rows[1].status == "occurred"
    assert rows[1].precision == "day"
    assert rows[2].evidence == "p2"
    assert rows[2].precision == "month"


def test_timeline_dates_read_by_yaml_become_iso_strings() -> None:
    text = "---\ntitle: T\ntimeline:\n- {date: 2026-01-13, event: Summit}\n---\n"
    note = parse_note(text, file="content/t.md", default_slug="t")
    assert make_site([note]).timeline[0].date == "2026-01-13"


# --- load_notes ------------------------------------------------------------------------------


def write_notes(root: Path, notes: dict[str, str]) -> Path:
    content = root / "content"
    content.mkdir(parents=True, exist_ok=True)
    for name, text in notes.items():
        (content / name).write_text(text, encoding="utf-8")
    return content


def test_drafts_are_left_out_unless_asked_for(tmp_path: Path) -> None:
    content = write_notes(tmp_path, {"a.md": note_text("a"), "b.md": note_text("b", draft=True)})
    published, diagnostics = load_notes(content, tmp_path, include_drafts=False)
    assert [n.slug for n in published] == ["a"]
    assert diagnostics == []
    everything, _ = load_notes(content, tmp_path, include_drafts=True)
    assert sorted(n.slug for n in everything) == ["a", "b"]


def test_duplicate_slug_is_a_diagnostic_naming_both_files(tmp_path: Path) -> None:
    content = write_notes(tmp_path, {"a.md": note_text("same"), "b.md": note_text("same", title="Other")})
    notes, diagnostics = load_notes(content, tmp_path, include_drafts=False)
    assert [n.file for n in notes] == ["content/a.md"]
    assert len(diagnostics) == 1
    diagnostic = diagnostics[0]
    assert diagnostic.severity == "error"
    assert diagnostic.file == "content/b.md"
    assert "content/a.md" in diagnostic.message
    assert "'same'" in diagnostic.message


def test_malformed_note_is_a_diagnostic_with_file_and_line_and_others_still_load(tmp_path: Path) -> None:
    bad = "---\ntitle: Broken\npeople: [unclosed\nslug: x\n---\nBody\n"
    content = write_notes(
        tmp_path,
        {"a.md": note_text("a"), "broken.md": bad, "c.md": note_text("c"), "no-title.md": "---\nslug: z\n---\n"},
    )
    notes, diagnostics = load_notes(content, tmp_path, include_drafts=False)
    assert sorted(n.slug for n in notes) == ["a", "c"]
    assert (content / "broken.md").read_text(encoding="utf-8") == bad
    by_file = {d.file: d for d in diagnostics}
    assert set(by_file) == {"content/broken.md", "content/no-title.md"}
    assert by_file["content/broken.md"].line == 3  # the line that opens the unclosed list
    assert by_file["content/broken.md"].message.startswith("invalid YAML front-matter")
    assert str(by_file["content/broken.md"]).startswith("error: content/broken.md:3: invalid YAML")
    assert by_file["content/no-title.md"].line is None
    assert "field 'title'" in by_file["content/no-title.md"].message


def test_note_with_impossible_date_becomes_a_diagnostic(tmp_path: Path) -> None:
    content = write_notes(tmp_path, {"a.md": note_text("a"), "b.md": "---\ntitle: B\ndate: 2026-02-30\n---\n"})
    notes, diagnostics = load_notes(content, tmp_path, include_drafts=False)
    assert [n.slug for n in notes] == ["a"]
    assert [d.file for d in diagnostics] == ["content/b.md"]


def test_only_markdown_files_are_notes_and_a_missing_folder_is_empty(tmp_path: Path) -> None:
    content = write_notes(tmp_path, {"a.md": note_text("a"), "a.md.bak": note_text("a"), "readme.txt": "hi"})
    notes, diagnostics = load_notes(content, tmp_path, include_drafts=False)
    assert [n.slug for n in notes] == ["a"]
    assert diagnostics == []
    assert load_notes(tmp_path / "nowhere", tmp_path, include_drafts=True) == ([], [])
