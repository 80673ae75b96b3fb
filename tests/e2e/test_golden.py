"""Fixture projects built from scratch and compared, byte for byte, with their golden output.

The fixtures (tests/fixtures/projects/) hold hand-written notes only, or a seed whose note a
person edited, so their output depends on the publishing half and never on the extractor.
When a change to the output is intended, regenerate the golden trees on purpose and review the
diff: `make golden` (which runs this file with BRIEFGEN_UPDATE_GOLDEN=1).

Two folders are not kept in the golden trees: `static/` is the theme's files copied as they are
(compared here with templates/static instead of a fourth copy), and `pagefind/` is Pagefind's
binary index (its determinism is tested in test_search.py; here it only has to be there).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import run_cli, snapshot

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "projects"
GOLDEN = Path(__file__).resolve().parent.parent / "golden"
UPDATE = os.environ.get("BRIEFGEN_UPDATE_GOLDEN") == "1"
THEME_STATIC = Path(__file__).resolve().parent.parent.parent / "templates" / "static"
NOT_GOLDEN = ("static/", "pagefind/")


@pytest.mark.parametrize("name", ["tiny", "subpath", "edited"])
def test_fixture_project_matches_its_golden_output(tmp_path: Path, name: str) -> None:
    root = tmp_path / name
    shutil.copytree(FIXTURES / name, root)
    notes_before = snapshot(root / "content")
    assert run_cli(root, "build") == 0
    assert snapshot(root / "content") == notes_before  # hand-written and edited notes are never rewritten
    site = snapshot(root / "site")
    for relative, data in site.items():
        if relative.startswith("static/"):
            assert data == (THEME_STATIC / relative.removeprefix("static/")).read_bytes(), relative
    assert "pagefind/pagefind-entry.json" in site
    built = {relative: data for relative, data in site.items() if not relative.startswith(NOT_GOLDEN)}
    golden = GOLDEN / name
    if UPDATE:
        shutil.rmtree(golden, ignore_errors=True)
        for relative, data in built.items():
            (golden / relative).parent.mkdir(parents=True, exist_ok=True)
            (golden / relative).write_bytes(data)
    expected = snapshot(golden)
    assert sorted(built) == sorted(expected), "files differ: run `make golden` if the change is intended"
    for relative, data in built.items():
        assert data == expected[relative], f"{relative} differs: run `make golden` if the change is intended"
