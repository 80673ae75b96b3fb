"""Incremental and cached builds give exactly the bytes of a clean full build, doing less work."""

from __future__ import annotations

import contextlib
import random
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from builder.build import BuildReport, build
from builder.cache import read_state
from builder.config import load_config
from builder.publish import parallel as parallel_module
from tests.conftest import run_cli, snapshot

MakeProject = Callable[..., Path]


def seed(index: int) -> str:
    person = ["Joan Carter", "Ravi Patel", "Maria Lopez"][index % 3]
    return (
        f"Council Approves Budget Number {index}\n\n"
        f"The city council of Springfield approved budget number {index} on Monday, officials said.\n\n"
        f'"This is a good day for the city," said Mayor {person}, who backed plan {index}.\n\n'
        "The vote follows months of debate over spending on schools and roads.\n"
    )


def run_build(root: Path, **options: object) -> BuildReport:
    return build(load_config(root), **options)  # type: ignore[arg-type]


def clean_build(root: Path, tmp_path: Path) -> dict[str, bytes]:
    """The reference: the same notes and templates copied elsewhere and built from nothing."""
    copy = tmp_path / f"clean-{random.getrandbits(32):08x}"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("site", "seeds", ".briefgen", ".site.*"))
    assert run_cli(copy, "build") == 0
    return snapshot(copy / "site")


@pytest.fixture
def project(make_project: MakeProject) -> Path:
    root = make_project(seeds={f"s{i:02}.txt": seed(i) for i in range(8)})
    assert run_build(root).count("error") == 0
    return root


def note_for(root: Path, words: str) -> Path:
    return next(p for p in sorted((root / "content").glob("*.md")) if words in p.read_text(encoding="utf-8"))


def test_no_op_build_extracts_and_renders_nothing(project: Path) -> None:
    before = snapshot(project / "site")
    report = run_build(project)
    assert report.up_to_date and report.authoring is None and report.publishing.rendered == 0
    assert snapshot(project / "site") == before


def test_body_edit_renders_only_its_own_page(project: Path, tmp_path: Path) -> None:
    path = note_for(project, "budget number 3 ")
    path.write_text(path.read_text(encoding="utf-8") + "\nA late correction from the desk.\n", encoding="utf-8")
    report = run_build(project)
    assert report.publishing.rendered == 1
    assert report.publishing.written >= 1
    assert snapshot(project / "site") == clean_build(project, tmp_path)


def forbid_gathering(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the full publishing path fail loudly, to prove a build did not take it."""

    def gather(*args: object, **kwargs: object) -> None:
        raise AssertionError("the site was gathered again")

    monkeypatch.setattr("builder.publish.gather.make_site", gather)


def append_to(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_body_edit_renders_its_page_without_reading_the_other_notes(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = note_for(project, "budget number 3 ")
    append_to(path, "\nA late correction from the desk.\n")
    with monkeypatch.context() as patch:
        forbid_gathering(patch)
        report = run_build(project)
    assert report.quick and report.count("error") == 0
    assert report.publishing.rendered == 1
    # the page, and the search index that holds its text
    assert [f for f in report.publishing.changed if not f.startswith("pagefind/")] == [
        f"briefings/{path.stem}/index.html"
    ]
    page = (project / "site" / "briefings" / path.stem / "index.html").read_text(encoding="utf-8")
    assert "A late correction from the desk." in page
    assert snapshot(project / "site") == clean_build(project, tmp_path)
    assert run_build(project).up_to_date  # and the quick build left a consistent state behind


def test_quick_builds_in_a_row_match_a_clean_build(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = note_for(project, "budget number 1 "), note_for(project, "budget number 2 ")
    with monkeypatch.context() as patch:
        forbid_gathering(patch)
        for step in range(3):
            append_to(first, f"\nFirst note, edit {step}.\n")
            append_to(second, f"\nSecond note, edit {step}.\n")
            assert run_build(project).quick
    assert snapshot(project / "site") == clean_build(project, tmp_path)
    # a full build afterwards renders nothing: the quick builds recorded what they rendered
    (project / "aliases.toml").write_text("", encoding="utf-8")
    assert run_build(project).publishing.rendered == 0


def test_a_body_edit_that_adds_a_briefing_link_updates_the_backlinks(project: Path, tmp_path: Path) -> None:
    source, target = note_for(project, "budget number 4 "), note_for(project, "budget number 6 ")
    append_to(source, f"\nSee also [the other budget](/briefings/{target.stem}/).\n")
    report = run_build(project)
    assert not report.quick and report.count("error") == 0
    target_page = (project / "site" / "briefings" / target.stem / "index.html").read_text(encoding="utf-8")
    assert f"/briefings/{source.stem}/" in target_page
    assert snapshot(project / "site") == clean_build(project, tmp_path)


def test_front_matter_edits_and_broken_notes_take_the_full_path(project: Path) -> None:
    path = note_for(project, "budget number 2 ")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\ntitle:", "\ntitle: [unclosed", 1), encoding="utf-8")
    report = run_build(project)
    assert not report.quick and report.count("error") == 1
    assert path.name in str(report.diagnostics)
    path.write_text(text.replace("\ntopics:", "\ndraft: false\ntopics:", 1), encoding="utf-8")
    report = run_build(project)
    assert not report.quick and report.count("error") == 0


def test_a_page_deleted_from_the_site_is_restored_by_the_next_build(project: Path, tmp_path: Path) -> None:
    (project / "site" / "timeline" / "index.html").unlink()
    append_to(note_for(project, "budget number 3 "), "\nOne more line.\n")
    assert run_build(project).quick  # a body edit renders its page and checks no other
    assert not (project / "site" / "timeline" / "index.html").exists()
    report = run_build(project)
    assert not report.up_to_date and report.publishing.rendered == 0  # put back from the cache
    assert snapshot(project / "site") == clean_build(project, tmp_path)
    assert run_build(project).up_to_date


def test_a_body_edit_after_the_site_was_deleted_builds_it_all(project: Path, tmp_path: Path) -> None:
    shutil.rmtree(project / "site")
    append_to(note_for(project, "budget number 3 "), "\nOne more line.\n")
    report = run_build(project)
    assert not report.quick and report.publishing.rendered == 1  # the edited page; the rest from the cache
    assert snapshot(project / "site") == clean_build(project, tmp_path)


def test_title_edit_also_renders_the_pages_that_list_it(project: Path, tmp_path: Path) -> None:
    path = note_for(project, "budget number 5 ")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: Council Approves Budget Number 5", "title: Council Backs Budget Five"))
    report = run_build(project)
    total = report.publishing.pages
    assert 3 < report.publishing.rendered < total
    site = snapshot(project / "site")
    assert b"Council Backs Budget Five" in site["index.html"] and b"Council Backs Budget Five" in site["feed.xml"]
    assert site == clean_build(project, tmp_path)


def test_warm_build_from_the_cache_matches_a_clean_build(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.rmtree(project / "site")
    with monkeypatch.context() as patch:
        forbid_gathering(patch)  # nothing changed but site/: it is put back from the cache alone
        report = run_build(project)
    assert report.publishing.rendered == 0 and report.publishing.written == len(report.publishing.files)
    assert snapshot(project / "site") == clean_build(project, tmp_path)
    assert run_build(project).up_to_date


def test_a_site_without_its_cached_pages_is_rebuilt_in_full(project: Path, tmp_path: Path) -> None:
    shutil.rmtree(project / "site")
    shutil.rmtree(project / ".briefgen" / "pages")
    report = run_build(project)
    assert report.publishing.rendered == report.publishing.pages
    assert snapshot(project / "site") == clean_build(project, tmp_path)


def test_corrupt_cache_is_ignored(project: Path, tmp_path: Path) -> None:
    cache = project / ".briefgen"
    state = [*cache.glob("*.*"), *cache.glob("templates-*/*")]  # not pages/: hard links to site files
    for path in state:
        if path.is_file():
            path.write_bytes(b"\x00garbage")
    assert len(state) >= 6
    shutil.rmtree(project / "site")
    assert run_build(project).count("error") == 0
    assert snapshot(project / "site") == clean_build(project, tmp_path)
    append_to(note_for(project, "budget number 3 "), "\nAfter the repair.\n")
    assert run_build(project).quick  # the full build replaced the unreadable state
    assert snapshot(project / "site") == clean_build(project, tmp_path)


def test_a_damaged_extraction_cache_means_extracting_again(project: Path) -> None:
    notes = snapshot(project / "content")
    extracted = project / ".briefgen" / "extracted.sqlite"
    with contextlib.closing(sqlite3.connect(extracted)) as db, db:  # one damaged entry in a readable file
        db.execute("UPDATE extracted SET value = ? WHERE rowid = (SELECT min(rowid) FROM extracted)", (b"\x00",))
    shutil.rmtree(project / "content")
    report = run_build(project)
    assert report.count("error") == 0 and report.authoring is not None
    assert (report.authoring.created, report.authoring.reused) == (9, 8)  # 8 seeds and the sample
    assert snapshot(project / "content") == notes
    extracted.write_bytes(b"\x00garbage")  # an unreadable file
    shutil.rmtree(project / "content")
    report = run_build(project)
    assert report.count("error") == 0 and report.authoring is not None
    assert (report.authoring.created, report.authoring.reused) == (9, 0)
    assert snapshot(project / "content") == notes
    shutil.rmtree(project / "content")  # ... which the last build replaced with a good one
    report = run_build(project)
    assert report.authoring is not None and report.authoring.reused == 9


def test_parallel_rendering_gives_the_same_bytes(make_project: MakeProject, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel_module, "PARALLEL_MIN_PAGES", 1)
    seeds = {f"s{i:02}.txt": seed(i) for i in range(10)}
    one, many = make_project("one", seeds=seeds), make_project("many", seeds=seeds)
    assert run_build(one, jobs=1).count("error") == 0
    assert run_build(many, jobs=2).count("error") == 0
    assert snapshot(one / "site") == snapshot(many / "site")


def page_signatures(root: Path) -> dict[str, str]:
    (manifest,) = (root / ".briefgen").glob("pages-*.pickle")
    signatures: dict[str, str] = read_state(manifest)["pages"]
    assert signatures
    return signatures


def test_signatures_taken_while_rendering_match_the_page_cache(
    make_project: MakeProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel_module, "PARALLEL_MIN_PAGES", 1)
    project = make_project(seeds={f"s{i:02}.txt": seed(i) for i in range(6)})
    first = run_build(project, jobs=2)  # signs each page where it renders it, in the workers too
    assert first.publishing.rendered == first.publishing.pages
    signatures = page_signatures(project)
    # Without the record of the last build, every signature is taken again before rendering:
    # each one finds its page in the cache, so nothing renders.
    next(iter((project / ".briefgen").glob("pages-*.pickle"))).unlink()
    shutil.rmtree(project / "site")
    again = run_build(project, jobs=2)
    assert again.publishing.rendered == 0 and again.count("error") == 0
    assert page_signatures(project) == signatures


HAND_NOTE = (
    "---\ntitle: Desk note {n}\ndate: 2026-02-0{d}\npeople:\n  - name: Joan Carter\ntopics: [local]\n---\nText {n}.\n"
)


def test_random_edits_through_the_incremental_path_match_full_builds(project: Path, tmp_path: Path) -> None:
    rng = random.Random(20261127)
    for step in range(12):
        notes = sorted((project / "content").glob("*.md"))
        action = rng.choice(["body", "title", "people", "create", "delete", "template", "noop"])
        target = rng.choice(notes)
        text = target.read_text(encoding="utf-8")
        if action == "body":
            target.write_text(text + f"\nEdit {step}.\n", encoding="utf-8")
        elif action == "title" and "\ntitle: " in text:
            start = text.index("\ntitle: ") + 8
            start += text[start] in "'\""  # inside a quoted title
            target.write_text(text[:start] + f"Retitled {step} " + text[start:], encoding="utf-8")
        elif action == "people":
            target.write_text(text.replace("Mayor", "Deputy Mayor", 1).replace("name: ", f"name: X{step} ", 1))
        elif action == "create":
            (project / "content" / f"desk-{step}.md").write_text(HAND_NOTE.format(n=step, d=step % 9 + 1))
        elif action == "delete" and len(notes) > 3:
            target.unlink()
        elif action == "template":
            (project / "templates").mkdir(exist_ok=True)
            (project / "templates" / "archive.html").write_text(
                '{% extends "base.html" %}{% block main %}<h1>Archive ' + str(step) + "</h1>{% endblock %}\n"
            )
        report = run_build(project, authoring=False)
        assert report.count("error") == 0, (step, action, report.diagnostics)
        assert snapshot(project / "site") == clean_build(project, tmp_path), (step, action)


def test_editing_the_aliases_file_rebuilds_the_entity_pages(project: Path, tmp_path: Path) -> None:
    (project / "aliases.toml").write_text('[people]\n"Joan Carter" = "Joan M. Carter"\n', encoding="utf-8")
    report = run_build(project)
    assert not report.up_to_date and report.publishing.rendered > 0
    assert (project / "site" / "people" / "joan-m-carter" / "index.html").is_file()
    assert not (project / "site" / "people" / "joan-carter").exists()
    assert snapshot(project / "site") == clean_build(project, tmp_path)
