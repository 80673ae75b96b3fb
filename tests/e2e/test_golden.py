"""Fixture projects built from scratch and compared, byte for byte, with their golden output.

The fixtures (tests/fixtures/projects/) hold hand-written notes only, or a seed whose note a
person edited, so their output depends on the publishing half and never on the extractor.
When a change to the output is intended, regenerate the golden trees on purpose and review the
diff: `make golden` (which runs this file with BRIEFGEN_UPDATE_GOLDEN=1).
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


@pytest.mark.parametrize("name", ["tiny", "subpath", "edited"])
def test_fixture_project_matches_its_golden_output(tmp_path: Path, name: str) -> None:
    root = tmp_path / name
    shutil.copytree(FIXTURES / name, root)
    notes_before = snapshot(root / "content")
    assert run_cli(root, "build") == 0
    assert snapshot(root / "content") == notes_before  # hand-written and edited notes are never rewritten
    built = snapshot(root / "site")
    golden = GOLDEN / name
    if UPDATE:
        shutil.rmtree(golden, ignore_errors=True)
        shutil.copytree(root / "site", golden)
    expected = snapshot(golden)
    assert sorted(built) == sorted(expected), "files differ: run `make golden` if the change is intended"
    for relative, data in built.items():
        assert data == expected[relative], f"{relative} differs: run `make golden` if the change is intended"
