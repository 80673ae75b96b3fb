"""SiteWriter: site/ is replaced as a whole or not at all; unchanged files are kept as they were."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.publish.output import SiteWriter


def snapshot(directory: Path) -> dict[str, bytes]:
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def build(output: Path, files: dict[str, bytes]) -> SiteWriter:
    with SiteWriter(output) as writer:
        for relative, data in files.items():
            writer.write(relative, data)
        writer.commit()
    return writer


def leftovers(output: Path) -> list[str]:
    return sorted(p.name for p in output.parent.iterdir() if p.name != output.name)


FIRST = {"index.html": b"<h1>home</h1>", "people/lee/index.html": b"Lee", "static/style.css": b"body{}"}


def test_first_build_writes_every_file(tmp_path: Path) -> None:
    output = tmp_path / "site"
    writer = build(output, FIRST)
    assert snapshot(output) == FIRST
    assert (writer.written, writer.unchanged, writer.removed) == (3, 0, 0)
    assert leftovers(output) == []


def test_rebuild_counts_unchanged_written_and_removed_files(tmp_path: Path) -> None:
    output = tmp_path / "site"
    build(output, FIRST)
    second = {"index.html": b"<h1>home</h1>", "static/style.css": b"body{color:red}", "new.html": b"new"}
    writer = build(output, second)
    assert snapshot(output) == second
    assert (writer.written, writer.unchanged, writer.removed) == (2, 1, 1)
    assert leftovers(output) == []


def test_unchanged_file_keeps_its_inode_and_mtime(tmp_path: Path) -> None:
    output = tmp_path / "site"
    build(output, FIRST)
    before = (output / "people/lee/index.html").stat()
    build(output, FIRST)
    after = (output / "people/lee/index.html").stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_same_size_but_different_bytes_is_rewritten(tmp_path: Path) -> None:
    output = tmp_path / "site"
    build(output, {"a.html": b"aaaa"})
    writer = build(output, {"a.html": b"bbbb"})
    assert (output / "a.html").read_bytes() == b"bbbb"
    assert (writer.written, writer.unchanged) == (1, 0)


def test_error_inside_the_block_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    output = tmp_path / "site"
    build(output, FIRST)
    before = snapshot(output)
    with pytest.raises(RuntimeError, match="template exploded"), SiteWriter(output) as writer:
        writer.write("index.html", b"half a new site")
        writer.write("extra.html", b"more")
        raise RuntimeError("template exploded")
    assert snapshot(output) == before
    assert leftovers(output) == []


def test_site_is_not_replaced_until_commit(tmp_path: Path) -> None:
    output = tmp_path / "site"
    build(output, FIRST)
    with SiteWriter(output) as writer:
        writer.write("index.html", b"new")
        assert (output / "index.html").read_bytes() == b"<h1>home</h1>"
    assert snapshot(output) == FIRST
    assert leftovers(output) == []


def test_writing_the_same_file_twice_is_an_error(tmp_path: Path) -> None:
    with SiteWriter(tmp_path / "site") as writer:
        writer.write("people/index.html", b"a")
        assert writer.has("people/index.html")
        with pytest.raises(ValueError, match=r"people/index\.html"):
            writer.write("people/index.html", b"b")


def test_leftovers_of_a_crashed_build_are_cleared(tmp_path: Path) -> None:
    output = tmp_path / "site"
    build(output, FIRST)
    stale = tmp_path / ".site.staging"
    stale.mkdir()
    (stale / "junk.html").write_bytes(b"junk")
    writer = build(output, {"index.html": b"<h1>home</h1>"})
    assert snapshot(output) == {"index.html": b"<h1>home</h1>"}
    assert writer.removed == 2
    assert leftovers(output) == []


def test_a_swap_interrupted_half_way_is_recovered(tmp_path: Path) -> None:
    output = tmp_path / "site"
    build(output, FIRST)
    output.rename(tmp_path / ".site.previous")  # crashed between the two renames of commit()
    writer = build(output, FIRST)
    assert snapshot(output) == FIRST
    assert writer.unchanged == 3
    assert leftovers(output) == []


def test_output_directory_and_parents_are_created(tmp_path: Path) -> None:
    output = tmp_path / "deep" / "er" / "site"
    build(output, {"index.html": b"x"})
    assert snapshot(output) == {"index.html": b"x"}
