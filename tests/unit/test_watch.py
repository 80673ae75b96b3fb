"""Classifying watcher events and debouncing them: the pure half of `briefgen serve`'s watcher."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from builder.config import parse_config
from builder.serve.watch import (
    Change,
    Debouncer,
    Layout,
    changes_from_event,
    classify,
    due_in,
    fingerprint,
    is_editor_temp,
    merge,
)

ROOT = Path("/p")
LAYOUT = Layout.from_config(parse_config({}, root=ROOT))


@pytest.mark.parametrize(
    "name",
    [
        ".note.md.swp",
        ".note.md.swo",
        ".note.md.swpx",
        "note.md~",
        "4913",
        ".#note.md",
        "#note.md#",
        "note.md.tmp",
        ".sublime123.tmp",
        ".subl3f2a.tmp",
        ".note.md.x8k2.tmp",  # briefgen's own atomic writes
        "note.md___jb_tmp___",
        ".goutputstream-ABC123",
        "note.md.bak",
    ],
)
def test_editor_temp_files_are_recognised(name: str) -> None:
    assert is_editor_temp(name)


@pytest.mark.parametrize("name", ["note.md", "style.css", "a.txt", "movie.swf", "tmp.md", "base.html", "4914"])
def test_real_files_are_not_temp_files(name: str) -> None:
    assert not is_editor_temp(name)


@pytest.mark.parametrize(
    ("relative", "kind"),
    [
        ("seeds/a.txt", "seed"),
        ("seeds/2026/a.txt", "seed"),
        ("seeds/a.md", None),
        ("seeds/.hidden/a.txt", None),
        ("content/n.md", "note"),
        ("content/sub/n.md", None),
        ("content/n.md.bak", None),
        ("content/.n.md.swp", None),
        ("templates/base.html", "template"),
        ("templates/feed.xml", "template"),
        ("templates/static/style.css", "static"),
        ("templates/static/img/logo.png", "static"),
        ("briefgen.toml", "config"),
        ("aliases.toml", "config"),
        ("other.toml", None),
        ("site/index.html", None),
        (".briefgen/serve/index.html", None),
        ("README.md", None),
    ],
)
def test_each_input_is_classified_by_where_it_lives(relative: str, kind: str | None) -> None:
    assert classify(ROOT / relative, LAYOUT) == kind


def test_output_inside_seeds_is_never_an_input() -> None:
    # seeds_dir = "." would otherwise make site/robots.txt a seed and every build trigger the next
    layout = Layout.from_config(parse_config({"seeds_dir": "."}, root=ROOT))
    assert classify(ROOT / "a.txt", layout) == "seed"
    assert classify(ROOT / "site" / "robots.txt", layout) is None
    assert classify(ROOT / ".briefgen" / "x.txt", layout) is None


def events(event_type: str, src: str, dest: str | None = None, *, directory: bool = False) -> list[Change]:
    return changes_from_event(
        event_type, ROOT / src, ROOT / dest if dest else None, is_directory=directory, layout=LAYOUT
    )


def test_atomic_save_counts_as_a_change_of_the_real_file() -> None:
    assert events("created", "content/.note.md.swp") == []
    assert events("modified", "content/.note.md.x1.tmp") == []
    assert events("moved", "content/.note.md.x1.tmp", "content/note.md") == [Change(ROOT / "content/note.md", "note")]


def test_vim_backup_rename_is_a_structural_change_of_the_real_file() -> None:
    # vim (backupcopy=no): note.md -> note.md~, then writes a new note.md
    assert events("moved", "content/note.md", "content/note.md~") == [
        Change(ROOT / "content/note.md", "note", structural=True)
    ]
    assert events("created", "content/note.md") == [Change(ROOT / "content/note.md", "note", structural=True)]


def test_creates_deletes_and_renames_are_structural() -> None:
    assert events("deleted", "seeds/a.txt") == [Change(ROOT / "seeds/a.txt", "seed", structural=True)]
    assert events("moved", "content/a.md", "content/b.md") == [
        Change(ROOT / "content/a.md", "note", structural=True),
        Change(ROOT / "content/b.md", "note", structural=True),
    ]
    assert events("modified", "content/a.md") == [Change(ROOT / "content/a.md", "note")]


def test_reads_and_folder_timestamps_are_not_changes() -> None:
    assert events("opened", "content/a.md") == []
    assert events("closed_no_write", "content/a.md") == []
    assert events("modified", "content", directory=True) == []


def test_folders_appearing_or_vanishing_are_structural() -> None:
    assert events("created", "templates", directory=True) == [Change(ROOT / "templates", "template", structural=True)]
    assert events("deleted", "seeds/2026", directory=True) == [Change(ROOT / "seeds/2026", "seed", structural=True)]
    assert events("moved", "templates/static/old", "templates/static/new", directory=True) == [
        Change(ROOT / "templates/static/old", "static", structural=True),
        Change(ROOT / "templates/static/new", "static", structural=True),
    ]
    assert events("created", "site/briefings", directory=True) == []


def test_last_event_per_path_is_kept_and_stays_structural() -> None:
    pending: dict[Path, Change] = {}
    path = ROOT / "content/a.md"
    merge(pending, Change(path, "note", structural=True))
    merge(pending, Change(path, "note"))
    merge(pending, Change(ROOT / "content/b.md", "note"))
    assert list(pending.values()) == [
        Change(path, "note", structural=True),
        Change(ROOT / "content/b.md", "note"),
    ]


def test_a_batch_is_due_after_a_quiet_period_or_a_maximum_wait() -> None:
    assert due_in(10.0, first=10.0, last=10.0, quiet=0.1, max_wait=1.0) == pytest.approx(0.1)
    assert due_in(10.1, first=10.0, last=10.0, quiet=0.1, max_wait=1.0) <= 0
    # events keep coming: each one pushes the quiet deadline, but not past max_wait
    assert due_in(10.95, first=10.0, last=10.95, quiet=0.1, max_wait=1.0) == pytest.approx(0.05)
    assert due_in(11.0, first=10.0, last=10.99, quiet=0.1, max_wait=1.0) <= 0


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_debouncer_coalesces_a_burst_into_one_batch() -> None:
    clock = FakeClock()
    debouncer = Debouncer(quiet=0.1, max_wait=1.0, clock=clock)
    path = ROOT / "content/a.md"
    for _ in range(200):
        debouncer.add([Change(path, "note")])
    clock.now += 0.2
    assert debouncer.take() == [Change(path, "note")]
    assert debouncer.events == 200


def test_debouncer_waits_for_the_quiet_period_in_real_time() -> None:
    debouncer = Debouncer(quiet=0.05, max_wait=5.0)
    path = ROOT / "content/a.md"
    taken: list[list[Change] | None] = []
    thread = threading.Thread(target=lambda: taken.append(debouncer.take()))
    thread.start()
    started = time.monotonic()
    for _ in range(5):
        debouncer.add([Change(path, "note")])
        time.sleep(0.02)
    thread.join(timeout=10)
    assert taken == [[Change(path, "note")]]
    assert time.monotonic() - started >= 0.05 + 4 * 0.02 * 0.9


def test_debouncer_keeps_changes_that_arrive_after_a_batch_was_taken() -> None:
    clock = FakeClock()
    debouncer = Debouncer(quiet=0.1, max_wait=1.0, clock=clock)
    debouncer.add([Change(ROOT / "content/a.md", "note")])
    clock.now += 0.2
    assert debouncer.take() == [Change(ROOT / "content/a.md", "note")]
    debouncer.add([Change(ROOT / "content/b.md", "note")])  # e.g. during the build of the first batch
    clock.now += 0.2
    assert debouncer.take() == [Change(ROOT / "content/b.md", "note")]


def test_closing_the_debouncer_releases_a_waiting_taker() -> None:
    debouncer = Debouncer()
    result: list[object] = []
    thread = threading.Thread(target=lambda: result.append(debouncer.take()))
    thread.start()
    debouncer.close()
    thread.join(timeout=10)
    assert result == [None]


def test_fingerprint_follows_content_not_timestamps(tmp_path: Path) -> None:
    path = tmp_path / "n.md"
    assert fingerprint(path) is None
    path.write_text("one")
    first = fingerprint(path)
    path.write_text("one")  # a save without edits
    assert fingerprint(path) == first
    path.write_text("two")
    assert fingerprint(path) != first
    assert fingerprint(tmp_path) == "dir"


def test_watch_roots_cover_every_input_folder_once() -> None:
    roots = dict(LAYOUT.watch_roots())
    assert roots == {ROOT: False, ROOT / "seeds": True, ROOT / "content": False, ROOT / "templates": True}
