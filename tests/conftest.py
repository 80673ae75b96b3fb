"""Shared fixtures: real project folders in tmp_path, built with the real CLI entry point."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from builder.cli import main

REPO = Path(__file__).resolve().parent.parent
SAMPLE_SEED = REPO / "seeds" / "000_0ffeab4008b67dd0.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def run_cli(project: Path, *args: str) -> int:
    """Run `briefgen -C project ARGS...` in-process and return its exit code."""
    return main(["-C", str(project), *args])


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[..., Path]:
    """A fresh project: briefgen.toml (pinned reference date), the given seeds and notes."""

    def make(
        name: str = "project",
        *,
        seeds: dict[str, str | bytes] | None = None,
        notes: dict[str, str] | None = None,
        config: str = "",
        sample: bool = True,
    ) -> Path:
        root = tmp_path / name
        (root / "seeds").mkdir(parents=True)
        (root / "content").mkdir()
        (root / "briefgen.toml").write_text(f'title = "Test briefings"\nreference_date = 2026-11-27\n{config}')
        if sample:
            shutil.copy(SAMPLE_SEED, root / "seeds" / SAMPLE_SEED.name)
        for file, text in (seeds or {}).items():
            path = root / "seeds" / file
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        for file, text in (notes or {}).items():
            (root / "content" / file).write_text(text, encoding="utf-8")
        return root

    return make


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file under `directory` (relative POSIX path -> bytes)."""
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}
