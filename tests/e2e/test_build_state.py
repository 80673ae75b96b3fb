"""Build state is never trusted blindly: damage any file under .briefgen/ and the next build still
succeeds and publishes exactly the site a clean build would."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run_cli, snapshot

MakeProject = Callable[..., Path]

GARBAGE = b"not state"


def _overwrite_all(pattern: str) -> Callable[[Path], None]:
    def damage(cache: Path) -> None:
        files = [p for p in cache.glob(pattern) if p.is_file()]
        assert files, pattern
        for path in files:
            path.unlink()  # never write through a hard link into site/
            path.write_bytes(GARBAGE)

    return damage


def _damage_rows(pattern: str, table: str, column: str) -> Callable[[Path], None]:
    def damage(cache: Path) -> None:
        [path] = cache.glob(pattern)
        with sqlite3.connect(path) as db:
            assert db.execute(f"UPDATE {table} SET {column} = ?", (GARBAGE,)).rowcount > 0

    return damage


DAMAGE = {
    "build stamp": _overwrite_all("build-*.pickle"),
    "page manifest": _overwrite_all("pages-*.pickle"),
    "notes cache": _overwrite_all("notes.pickle"),
    "cached pages": _overwrite_all("pages/*/*"),
    "page hashes": _overwrite_all("pages/index"),
    "template bytecode": _overwrite_all("templates-*/*"),
    "extraction cache file": _overwrite_all("extracted.sqlite"),
    "extraction cache rows": _damage_rows("extracted.sqlite", "extracted", "value"),
    "body store file": _overwrite_all("bodies-*.sqlite"),
    "body store notes": _damage_rows("bodies-*.sqlite", "notes", "note"),
    "body store pages": _damage_rows("bodies-*.sqlite", "pages", "page"),
}


@pytest.mark.parametrize("follow_up", ["site deleted", "note body edited", "content cleared"])
@pytest.mark.parametrize("kind", DAMAGE)
def test_damaged_state_is_recomputed_never_published(
    make_project: MakeProject, tmp_path: Path, kind: str, follow_up: str
) -> None:
    root = make_project()
    assert run_cli(root, "build") == 0
    DAMAGE[kind](root / ".briefgen")
    if follow_up == "site deleted":
        shutil.rmtree(root / "site")
    elif follow_up == "note body edited":
        [note] = (root / "content").glob("*.md")
        note.write_text(note.read_text(encoding="utf-8") + "\nA line added by hand.\n", encoding="utf-8")
    else:
        for note in (root / "content").glob("*.md"):
            note.unlink()
    assert run_cli(root, "build") == 0
    # The reference: the same project built from scratch, with no state at all.
    clean = tmp_path / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns(".briefgen", "site"))
    assert run_cli(clean, "build") == 0
    assert snapshot(root / "site") == snapshot(clean / "site")
    assert GARBAGE not in b"".join(snapshot(root / "site").values())
