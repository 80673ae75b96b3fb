"""Whole projects built in tmp_path with the real CLI: the behaviour a user relies on."""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from builder.deploy.check import check_site
from builder.notes.note import split_note
from tests.conftest import REPO, run_cli, snapshot

MakeProject = Callable[..., Path]

HAND_NOTE = """---
title: Minister visits the port
date: 2026-02-01
summary: A hand-written note, with no seed behind it.
people:
  - name: Sanae Takai
    id: sanae-takai
    role: Prime Minister
topics: [politics]
reviewed_by: desk editor
---
The minister toured the port. See the [summit briefing](/briefings/{slug}/#p1).
"""


def only_note(root: Path) -> Path:
    notes = [p for p in (root / "content").glob("*.md")]
    assert len(notes) == 1, notes
    return notes[0]


def synthetic_seed(index: int) -> str:
    return (
        f"Council Approves Budget Number {index}\n\n"
        f"The city council of Springfield approved budget number {index} on Monday, officials said.\n\n"
        f'"This is a good day for the city," said Mayor Joan Carter, who backed plan {index}.\n\n'
        "The vote follows months of debate over spending on schools and roads.\n"
    )


def test_second_build_is_byte_identical(make_project: MakeProject) -> None:
    root = make_project()
    assert run_cli(root, "build") == 0
    notes, site = snapshot(root / "content"), snapshot(root / "site")
    assert run_cli(root, "build") == 0
    assert snapshot(root / "content") == notes
    assert snapshot(root / "site") == site


def test_every_internal_link_and_anchor_resolves(make_project: MakeProject) -> None:
    root = make_project()
    assert run_cli(root, "build") == 0
    diagnostics, checked = check_site(root / "site", base_path="/")
    assert diagnostics == []
    assert checked.pages >= 15 and checked.links > 200
    assert run_cli(root, "check") == 0


def test_site_works_under_a_repo_base_path(make_project: MakeProject) -> None:
    root = make_project(config='base_url = "https://example.github.io/repo/"\n')
    assert run_cli(root, "build") == 0
    diagnostics, _ = check_site(root / "site", base_path="/repo/", origin="https://example.github.io")
    assert diagnostics == []
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="/repo/static/style.css"' in home and 'href="/briefings/' not in home
    not_found = (root / "site" / "404.html").read_text(encoding="utf-8")
    assert 'href="/repo/"' in not_found
    feed = (root / "site" / "feed.xml").read_text(encoding="utf-8")
    assert "https://example.github.io/repo/briefings/" in feed
    assert "<loc>https://example.github.io/repo/</loc>" in (root / "site" / "sitemap.xml").read_text()


def test_base_url_flag_overrides_config(make_project: MakeProject) -> None:
    root = make_project()
    assert run_cli(root, "build", "--base-url", "/demo/") == 0
    assert check_site(root / "site", base_path="/demo/")[0] == []


def test_edited_note_survives_rebuild(make_project: MakeProject, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project()
    assert run_cli(root, "build") == 0
    path = only_note(root)
    edited = path.read_text(encoding="utf-8").replace("## BLUF\n\n", "## BLUF\n\nEDITED BY A PERSON. ")
    path.write_text(edited, encoding="utf-8")
    capsys.readouterr()
    assert run_cli(root, "build", "-v") == 0
    assert "kept edited note" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == edited
    slug = path.stem
    assert "EDITED BY A PERSON." in (root / "site" / "briefings" / slug / "index.html").read_text()


def test_kept_edited_note_says_when_its_seed_changed(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(sample=False, seeds={"a.txt": synthetic_seed(1)})
    assert run_cli(root, "build") == 0
    path = only_note(root)
    path.write_text(path.read_text(encoding="utf-8").replace("## BLUF", "## Summary"), encoding="utf-8")
    capsys.readouterr()
    assert run_cli(root, "build", "-v") == 0
    assert "kept edited note\n" in capsys.readouterr().err  # seed unchanged: nothing more to say
    (root / "seeds" / "a.txt").write_text(synthetic_seed(1).replace("months of debate", "a year of debate"))
    assert run_cli(root, "build", "-v") == 0
    assert "kept edited note (its seed has changed since;" in capsys.readouterr().err
    # A body-only edit takes the quick path, which says the same thing.
    path.write_text(path.read_text(encoding="utf-8") + "\nAn editor's line.\n", encoding="utf-8")
    assert run_cli(root, "build", "-v") == 0
    out, err = capsys.readouterr()
    assert "only note bodies changed" in out and "kept edited note (its seed has changed since;" in err
    path.write_text("---\ntitle: [unclosed\n" + path.read_text(encoding="utf-8").split("\n", 2)[2], encoding="utf-8")
    assert run_cli(root, "build", "-v") == 1
    err = capsys.readouterr().err
    # A note that no longer parses cannot tell which version of its seed it came from.
    assert "kept edited note\n" in err and "invalid YAML" in err


def test_force_regenerates_and_keeps_the_edit_as_bak(make_project: MakeProject) -> None:
    root = make_project()
    assert run_cli(root, "build") == 0
    path = only_note(root)
    generated = path.read_text(encoding="utf-8")
    path.write_text(generated + "\nA person's addition.\n", encoding="utf-8")
    assert run_cli(root, "build", "--force") == 0
    assert path.read_text(encoding="utf-8") == generated
    assert path.with_name(path.name + ".bak").read_text(encoding="utf-8").endswith("A person's addition.\n")


def test_a_second_force_never_overwrites_an_earlier_backup(make_project: MakeProject) -> None:
    root = make_project()
    assert run_cli(root, "build") == 0
    path = only_note(root)
    generated = path.read_text(encoding="utf-8")
    path.write_text(generated + "\nFirst edit.\n", encoding="utf-8")
    assert run_cli(root, "build", "--force") == 0
    path.write_text(generated + "\nSecond edit.\n", encoding="utf-8")
    assert run_cli(root, "build", "--force") == 0
    first = path.with_name(path.stem + ".md.bak").read_text(encoding="utf-8")
    second = path.with_name(path.stem + ".2.md.bak").read_text(encoding="utf-8")
    assert first.endswith("First edit.\n") and second.endswith("Second edit.\n")
    # The same edit forced again is already backed up: no third copy.
    path.write_text(generated + "\nSecond edit.\n", encoding="utf-8")
    assert run_cli(root, "build", "--force") == 0
    assert sorted(p.name for p in path.parent.glob("*.bak")) == [path.stem + ".2.md.bak", path.stem + ".md.bak"]
    assert [p.name for p in path.parent.glob("*.md")] == [path.name]


@pytest.mark.parametrize("setting", ['output_dir = "../victim"', 'cache_dir = "../victim"', "output_dir = '{abs}'"])
def test_output_outside_the_project_is_refused_before_anything_is_touched(
    make_project: MakeProject, tmp_path: Path, capsys: pytest.CaptureFixture[str], setting: str
) -> None:
    victim = tmp_path / "victim"
    victim.mkdir()
    subprocess.run(["git", "init", "-q", str(victim)], check=True)
    (victim / "notes.txt").write_text("someone's work\n")
    before = snapshot(victim)
    root = make_project(config=setting.format(abs=victim.as_posix()) + "\n")
    assert run_cli(root, "build") == 2
    assert "inside the project" in capsys.readouterr().err
    assert snapshot(victim) == before
    assert not list((root / "content").glob("*.md"))  # nothing was built either


def test_deleted_note_is_regenerated_and_orphan_is_kept(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(seeds={"extra.txt": synthetic_seed(1)})
    assert run_cli(root, "build") == 0
    notes = sorted((root / "content").glob("*.md"))
    assert len(notes) == 2
    sample_note = next(p for p in notes if p.name.startswith("2026-01-13"))
    original = sample_note.read_bytes()
    sample_note.unlink()
    extra_note = next(p for p in notes if p != sample_note)
    (root / "seeds" / "extra.txt").unlink()
    capsys.readouterr()
    assert run_cli(root, "build", "-v") == 0
    assert sample_note.read_bytes() == original
    assert extra_note.exists()
    assert "orphan note" in capsys.readouterr().err


def test_changed_seed_regenerates_its_unedited_note(make_project: MakeProject) -> None:
    root = make_project(sample=False, seeds={"a.txt": synthetic_seed(1)})
    assert run_cli(root, "build") == 0
    path = only_note(root)
    (root / "seeds" / "a.txt").write_text(synthetic_seed(1).replace("months of debate", "a year of debate"))
    assert run_cli(root, "build") == 0
    assert only_note(root) == path  # same file, same URL
    assert "a year of debate" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_deleted_notes_are_written_again_from_the_extraction_cache(
    make_project: MakeProject, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    monkeypatch.setattr("builder.authoring.sync.PARALLEL_MIN_SEEDS", 1)
    root = make_project(seeds={f"s{i}.txt": synthetic_seed(i) for i in range(4)})
    assert run_cli(root, "build", "--jobs", jobs) == 0
    first = snapshot(root / "content")
    changed = root / "seeds" / "s2.txt"
    changed.write_text(synthetic_seed(2).replace("months of debate", "a year of debate"))
    for note in (root / "content").glob("*.md"):
        note.unlink()
    capsys.readouterr()
    assert run_cli(root, "build", "--jobs", jobs) == 0
    # The four unchanged seeds came from the cache; the changed one was extracted again.
    assert "5 created, 0 regenerated, 0 unchanged, 0 kept edited, 0 orphaned (4 written from the extraction cache)" in (
        capsys.readouterr().out
    )
    again = snapshot(root / "content")
    assert sorted(again) == sorted(first)
    (differs,) = [name for name in again if again[name] != first[name]]
    assert "a year of debate" in again[differs].decode() and "a year of debate" not in first[differs].decode()
    with contextlib.closing(sqlite3.connect(root / ".briefgen" / "extracted.sqlite")) as db:
        assert db.execute("SELECT count(*) FROM extracted").fetchone() == (5,)  # the changed seed's old entry is gone


def test_hand_written_note_is_first_class(make_project: MakeProject) -> None:
    root = make_project()
    assert run_cli(root, "build") == 0
    slug = only_note(root).stem
    (root / "content" / "minister-visits-port.md").write_text(HAND_NOTE.format(slug=slug), encoding="utf-8")
    assert run_cli(root, "build") == 0
    page = (root / "site" / "briefings" / "minister-visits-port" / "index.html").read_text(encoding="utf-8")
    assert "Minister visits the port" in page and f'href="/briefings/{slug}/#p1"' in page
    person = (root / "site" / "people" / "sanae-takai" / "index.html").read_text(encoding="utf-8")
    assert "Minister visits the port" in person and "Japan-South Korea Summit" in person
    target = (root / "site" / "briefings" / slug / "index.html").read_text(encoding="utf-8")
    assert "Briefings that link here" in target and "Minister visits the port" in target
    assert check_site(root / "site", base_path="/")[0] == []


def test_broken_seed_and_broken_note_do_not_stop_the_rest(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    bad_note = "---\ntitle: Broken\npeople: [unclosed\n---\nBody\n"
    root = make_project(
        seeds={"empty.txt": "\n\n   \n", "bad-meta.txt": "---\ndate: [x\n---\nHeadline\n\nBody.\n"},
        notes={"broken.md": bad_note},
    )
    assert run_cli(root, "build") == 1
    err = capsys.readouterr().err
    assert "seeds/empty.txt" in err and "seeds/bad-meta.txt" in err
    assert "content/broken.md:3" in err
    assert (root / "content" / "broken.md").read_text() == bad_note
    assert len(list((root / "site" / "briefings").glob("2026-01-13-*/index.html"))) == 1


def test_failed_render_keeps_the_previous_site(make_project: MakeProject, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project()
    assert run_cli(root, "build") == 0
    before = snapshot(root / "site")
    (root / "templates").mkdir()
    (root / "templates" / "entity.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n{{ entity.nope() }}\n{% endblock %}\n'
    )
    capsys.readouterr()
    assert run_cli(root, "build") == 1
    err = capsys.readouterr().err
    assert "templates/entity.html:3" in err
    assert snapshot(root / "site") == before
    assert not list(root.glob(".site.*"))


def test_project_template_overrides_one_theme_file(make_project: MakeProject) -> None:
    root = make_project()
    (root / "templates" / "static").mkdir(parents=True)
    (root / "templates" / "static" / "style.css").write_text("body { color: rebeccapurple; }\n")
    assert run_cli(root, "build") == 0
    assert (root / "site" / "static" / "style.css").read_text() == "body { color: rebeccapurple; }\n"
    assert (root / "site" / "static" / "search.js").is_file()


def test_drafts_are_left_out_of_the_build(make_project: MakeProject) -> None:
    draft = "---\ntitle: Not yet\ndraft: true\n---\nWork in progress.\n"
    root = make_project(sample=False, notes={"not-yet.md": draft})
    assert run_cli(root, "build") == 0
    assert not (root / "site" / "briefings" / "not-yet").exists()
    assert run_cli(root, "build", "--drafts") == 0
    assert (root / "site" / "briefings" / "not-yet" / "index.html").is_file()


def test_output_is_the_same_for_one_and_several_jobs(
    make_project: MakeProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("builder.authoring.sync.PARALLEL_MIN_SEEDS", 1)  # worker processes even for 12 seeds
    monkeypatch.setattr("builder.publish.parallel.PARALLEL_MIN_PAGES", 1)
    seeds = {f"s{i:02}.txt": synthetic_seed(i) for i in range(12)}
    one = make_project("one", seeds=seeds)
    many = make_project("many", seeds=seeds)
    assert run_cli(one, "build", "--jobs", "1") == 0
    assert run_cli(many, "build", "--jobs", "2") == 0
    assert snapshot(one / "content") == snapshot(many / "content")
    assert snapshot(one / "site") == snapshot(many / "site")


def test_notes_parsed_by_workers_give_the_same_site_and_errors(
    make_project: MakeProject, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A fresh clone (notes, no cache): notes are parsed in worker processes, broken ones included."""
    monkeypatch.setattr("builder.authoring.sync.PARALLEL_MIN_SEEDS", 1)
    monkeypatch.setattr("builder.cache.PARALLEL_MIN_NOTES", 1)
    notes = {
        "broken.md": "---\ntitle: Broken\npeople: [unclosed\n---\nBody\n",
        "hand-written.md": "---\ntitle: Written by hand\npeople:\n- name: Ada Lovelace\n---\nA note.\n",
    }
    seeds = {f"s{i:02}.txt": synthetic_seed(i) for i in range(6)}
    built: dict[str, tuple[dict[str, bytes], str]] = {}
    for jobs in ("1", "2"):
        root = make_project(f"jobs{jobs}", seeds=seeds, notes=notes)
        (root / "content" / "latin1.md").write_bytes("---\ntitle: Caf\u00e9\n---\n".encode("latin-1"))
        assert run_cli(root, "build", "--jobs", jobs) == 1
        shutil.rmtree(root / ".briefgen")
        shutil.rmtree(root / "site")
        capsys.readouterr()
        assert run_cli(root, "build", "--jobs", jobs) == 1
        err = capsys.readouterr().err
        assert "content/broken.md:3" in err and "content/latin1.md: not UTF-8 text" in err
        built[jobs] = snapshot(root / "site"), err.replace(str(root), "ROOT").rsplit(" in ", 1)[0]
    assert built["1"] == built["2"]
    assert b"Written by hand" in built["2"][0]["briefings/index.html"]


def test_check_fails_on_a_broken_link(make_project: MakeProject, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project()
    assert run_cli(root, "build") == 0
    page = root / "site" / "timeline" / "index.html"
    page.write_text(page.read_text().replace("</main>", '<a href="/people/nobody/">x</a></main>'))
    capsys.readouterr()
    assert run_cli(root, "check") == 1
    assert "site/timeline/index.html" in capsys.readouterr().err


def test_extract_prints_json_lines_and_writes_nothing(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(seeds={"b.txt": synthetic_seed(2)})
    capsys.readouterr()
    assert (
        run_cli(root, "extract", str(root / "seeds" / "000_0ffeab4008b67dd0.txt"), str(root / "seeds" / "b.txt")) == 0
    )
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["file"] for r in records] == [
        str(root / "seeds" / "000_0ffeab4008b67dd0.txt"),
        str(root / "seeds" / "b.txt"),
    ]
    assert records[0]["date"] == "2026-01-13" and records[0]["people"]
    assert not list((root / "content").iterdir()) and not (root / "site").exists()


def test_extract_reports_unreadable_files_and_goes_on(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(seeds={"b.txt": synthetic_seed(2)})
    capsys.readouterr()
    assert run_cli(root, "extract", str(root / "missing.txt"), str(root / "seeds" / "b.txt")) == 1
    out, err = capsys.readouterr()
    assert "missing.txt" in err and len(out.splitlines()) == 1


def test_unknown_config_key_is_a_usage_error(make_project: MakeProject, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(config='titel = "typo"\n')
    assert run_cli(root, "build") == 2
    assert "did you mean 'title'" in capsys.readouterr().err


def test_init_sets_up_a_project_without_overwriting(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("node_modules/\n")
    assert run_cli(tmp_path, "init", str(tmp_path)) == 0
    assert (tmp_path / "briefgen.toml").is_file() and (tmp_path / "seeds").is_dir()
    assert (tmp_path / ".gitignore").read_text().splitlines()[:2] == ["node_modules/", "site/"]
    (tmp_path / "briefgen.toml").write_text('title = "Mine"\n')
    assert run_cli(tmp_path, "init", str(tmp_path)) == 0
    assert (tmp_path / "briefgen.toml").read_text() == 'title = "Mine"\n'
    (tmp_path / "seeds" / "a.txt").write_text(synthetic_seed(3))
    assert run_cli(tmp_path, "build") == 0
    assert (tmp_path / "site" / "index.html").is_file()


def test_python_m_builder_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "builder", "build", "--help"], capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode == 0 and "--base-url" in result.stdout


def test_committed_sample_note_matches_a_fresh_build(make_project: MakeProject) -> None:
    root = make_project()
    assert run_cli(root, "build") == 0
    committed = sorted((REPO / "content").glob("*.md"))
    assert [p.name for p in committed] == [only_note(root).name]
    fresh, _, _ = split_note(only_note(root).read_text(encoding="utf-8"), file="fresh")
    ours, _, _ = split_note(committed[0].read_text(encoding="utf-8"), file="committed")
    assert ours == fresh


def test_duplicate_seed_is_briefed_once_and_flagged(make_project: MakeProject) -> None:
    story = synthetic_seed(7)
    root = make_project(sample=False, seeds={"a.txt": story, "b.txt": story})
    assert run_cli(root, "build") == 0
    notes = {p.name: split_note(p.read_text(encoding="utf-8"), file=p.name)[0] for p in (root / "content").glob("*.md")}
    assert len(notes) == 2
    duplicate = next(data for data in notes.values() if data["source"]["file"] == "seeds/b.txt")
    original = next(data for data in notes.values() if data["source"]["file"] == "seeds/a.txt")
    assert duplicate["duplicate_of"] == original["slug"]
    assert "duplicate_of" in {f["code"] for f in duplicate["flags"]}
    assert sorted(p.parent.name for p in (root / "site" / "briefings").glob("*/index.html")) == [original["slug"]]


def test_build_reports_a_broken_link_in_a_note_body(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    note = HAND_NOTE.replace("/briefings/{slug}/#p1", "/briefings/no-such-briefing/").replace(
        "The minister toured the port.", "The minister toured the port. See [the summit](/briefings/{slug}/#p99)."
    )
    root = make_project()
    assert run_cli(root, "build") == 0
    slug = only_note(root).stem
    (root / "content" / "hand.md").write_text(note.replace("{slug}", slug), encoding="utf-8")
    capsys.readouterr()
    assert run_cli(root, "build") == 1
    err = capsys.readouterr().err
    assert "content/hand.md:12: broken link '/briefings/no-such-briefing/': no such page on the site" in err
    assert f"broken link '/briefings/{slug}/#p99': the briefing has no paragraph p99" in err
    assert (root / "site" / "briefings" / "hand" / "index.html").is_file()  # the rest of the site is published
    (root / "briefgen.toml").write_text((root / "briefgen.toml").read_text() + 'broken_links = "warning"\n')
    assert run_cli(root, "build") == 0
    assert "warning: content/hand.md:12: broken link" in capsys.readouterr().err


def test_one_warning_when_most_seeds_give_no_year_and_no_reference_date_is_set(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = {
        f"s{i}.txt": f"Harbour Works Resume {i}\n\nWork on the harbour resumed on Monday, the port said.\n"
        for i in range(4)
    }
    root = make_project(sample=False, seeds=seeds)
    (root / "briefgen.toml").write_text('title = "No reference date"\n')
    assert run_cli(root, "build") == 0
    err = capsys.readouterr().err
    assert err.count("seeds give no date with a year") == 1 and "set reference_date" in err
    pinned = make_project("pinned", sample=False, seeds=seeds)  # reference_date is set: nothing to say
    assert run_cli(pinned, "build") == 0
    assert "seeds give no date with a year" not in capsys.readouterr().err
