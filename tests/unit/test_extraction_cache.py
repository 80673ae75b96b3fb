"""The extraction cache: entries survive between builds, and a bad or busy file never stops one."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from builder import cache as cache_module
from builder.cache import ExtractionCache

ENTRY = ("2026-01-13-port-talks", {"title": "Port talks", "people": [{"name": "Sanae Takai"}]}, "## BLUF\n\nText.\n")
KEY = ExtractionCache.key("ab" * 32, "seeds/a.txt", date(2026, 11, 27))


def test_entries_are_kept_between_opens_and_pruned_to_the_seeds_given(tmp_path: Path) -> None:
    path = tmp_path / ".briefgen" / "extracted.sqlite"
    other = ExtractionCache.key("cd" * 32, "seeds/b.txt", date(2026, 11, 27))
    with ExtractionCache.open(path) as cache:
        cache.put(KEY, ExtractionCache.pack(ENTRY))
        cache.put(other, ExtractionCache.pack(ENTRY))
    with ExtractionCache.open(path) as cache:
        assert cache.keys() == {KEY, other}
        assert cache.get(KEY) == ENTRY
        assert cache.keep_only({KEY, "a seed never extracted"}) == {KEY}
    with ExtractionCache.open(path) as cache:
        assert cache.keys() == {KEY} and cache.get(other) is None


def test_another_versions_entries_are_never_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "extracted.sqlite"
    monkeypatch.setattr(cache_module, "CACHE_FORMAT", "briefgen 0.0.1 cache 1")
    with ExtractionCache.open(path) as cache:
        cache.put(KEY, ExtractionCache.pack(ENTRY))
    monkeypatch.undo()
    with ExtractionCache.open(path) as cache:
        assert cache.get(KEY) is None and cache.keys() == set()
        cache.put(KEY, ExtractionCache.pack(ENTRY))
        assert cache.get(KEY) == ENTRY


def test_a_file_that_is_not_a_database_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "extracted.sqlite"
    path.write_bytes(b"\x00garbage" * 100)
    with ExtractionCache.open(path) as cache:
        assert cache.get(KEY) is None
        cache.put(KEY, ExtractionCache.pack(ENTRY))
    with ExtractionCache.open(path) as cache:
        assert cache.get(KEY) == ENTRY


def test_a_file_another_process_is_writing_is_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "extracted.sqlite"
    with ExtractionCache.open(path) as cache:
        cache.put(KEY, ExtractionCache.pack(ENTRY))
    monkeypatch.setattr(ExtractionCache, "TIMEOUT", 0.1)
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as writer:
        writer.execute("BEGIN EXCLUSIVE")  # as another build holding its write transaction
        with ExtractionCache.open(path) as cache:
            assert cache.get(KEY) is None  # not readable now: the build extracts instead
            cache.put(KEY, ExtractionCache.pack(("other", {}, "")))
        writer.execute("COMMIT")
    with ExtractionCache.open(path) as cache:
        assert cache.get(KEY) == ENTRY
