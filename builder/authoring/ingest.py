"""Seed files -> `Article`: decoding, line endings, optional YAML front-matter, paragraphs."""

from __future__ import annotations

import hashlib
import html
import re
import stat
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ..errors import SeedError, describe_yaml_error
from ..isodate import parse_iso_date
from ..model import Article
from ..notes.note import NOT_XML, is_small_yaml_value

METADATA_KEYS = ("date", "url", "publisher", "byline")
_FRONTMATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)
_CHAR_REFERENCE = re.compile(r"&(?:#[0-9]{2,7}|#x[0-9a-fA-F]{2,6}|[a-zA-Z]{2,8});")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")


DEFAULT_MAX_SEED_BYTES = 5_000_000
"""A news article is tens of kilobytes; anything past a few megabytes is not one."""

# What a file that is not plain text usually is, by its first bytes.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx, .xlsx or .epub file)"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"\xd0\xcf\x11\xe0", "a Microsoft Office document (.doc, .xls)"),
    (b"{\\rtf", "an RTF document"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def read_article(path: Path, *, display: str | None = None, max_bytes: int = DEFAULT_MAX_SEED_BYTES) -> Article:
    """Read and parse one seed; `display` is the name used in messages and provenance."""
    name = display or str(path)
    return parse_article(read_seed_bytes(path, name=name, max_bytes=max_bytes), file=name)


def read_seed_bytes(
    path: Path, *, name: str, max_bytes: int = DEFAULT_MAX_SEED_BYTES, root: Path | None = None
) -> bytes:
    """The bytes of a seed, refused (SeedError naming the file) unless it is a regular file of at
    most `max_bytes`, inside `root` when given. Checked before reading: a FIFO would block, a
    device or a huge file would never end."""
    try:
        info = path.stat()
        if root is not None and path.is_symlink() and not _is_inside(path.resolve(), root):
            raise SeedError(
                f"{name}: a symbolic link to {path.resolve()}, outside the project; only files inside it are read"
            )
        if not stat.S_ISREG(info.st_mode):
            raise SeedError(f"{name}: {_file_kind(info.st_mode)}, not a regular file; seeds must be plain-text files")
        if info.st_size > max_bytes:
            raise SeedError(
                f"{name}: {info.st_size / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit for a seed "
                "(max_seed_size in briefgen.toml); not read"
            )
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise SeedError(f"{name}: cannot read seed: {exc.strerror}") from exc
    if len(raw) > max_bytes:  # grew since it was measured
        raise SeedError(f"{name}: over the {max_bytes / 1e6:g} MB limit for a seed (max_seed_size); not read")
    return raw


def _is_inside(path: Path, root: Path) -> bool:
    return path == root.resolve() or root.resolve() in path.parents


def _file_kind(mode: int) -> str:
    kinds = {stat.S_ISDIR: "a folder", stat.S_ISFIFO: "a named pipe (FIFO)", stat.S_ISSOCK: "a socket"}
    for test, kind in kinds.items():
        if test(mode):
            return kind
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file"


def describe_binary(raw: bytes) -> str | None:
    """What a seed that is not text looks like ("a PDF document"), or None when it may be text."""
    if any(raw.startswith(bom) for bom, _ in _BOMS):
        return None
    for magic, what in _MAGIC:
        if raw.startswith(magic):
            return what
    nul = raw.find(b"\x00", 0, 65536)
    if nul < 0:
        return None
    head = raw[:4096]
    if head.count(b"\x00") * 3 > len(head):  # every other byte NUL: UTF-16 text that lost its BOM
        return "UTF-16 text without a byte-order mark (save it as UTF-8)"
    return f"binary data (a NUL byte at offset {nul})"


def parse_article(raw: bytes, *, file: str) -> Article:
    """Pure: bytes of a seed -> Article. Raises SeedError naming the file (and line)."""
    warnings: list[str] = []
    binary = describe_binary(raw)
    if binary is not None:
        raise SeedError(f"{file}: looks like {binary}, not a plain-text article; not read")
    text = _decode(raw, file, warnings)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, removed = NOT_XML.subn("", text)
    if removed:
        warnings.append(f"{file}: {removed} control character(s) removed (they cannot appear in a feed or a page)")
    if _CHAR_REFERENCE.search(text):
        # Scraped copy often keeps HTML character references ("&#163;1.8m"); the reader means "£".
        text = html.unescape(text)
        warnings.append(f"{file}: HTML character references (such as &#163;) were decoded")
    metadata: dict[str, Any] = {}
    body_start_line = 1
    match = _FRONTMATTER.match(text)
    if match:
        metadata = _parse_metadata(match.group(1), file, warnings)
        body_start_line += match.group(0).count("\n")
        text = text[match.end() :]
    blocks = [_clean(block) for block in _BLANK_LINES.split(text)]
    blocks = [b for b in blocks if b]
    if not blocks:
        raise SeedError(f"{file}: seed is empty: expected a headline on the first non-empty line")
    first = blocks[0].split("\n", 1)
    headline = first[0].strip()
    paragraphs = ([_join_lines(first[1])] if len(first) > 1 else []) + [_join_lines(b) for b in blocks[1:]]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise SeedError(f"{file}:{body_start_line}: seed has a headline but no body paragraphs")
    return Article(
        file=file,
        headline=headline,
        paragraphs=tuple(paragraphs),
        sha256=hashlib.sha256(raw).hexdigest(),
        metadata=metadata,
        warnings=tuple(warnings),
    )


def _decode(raw: bytes, file: str, warnings: list[str]) -> str:
    """UTF-8 (with or without BOM); UTF-16/32 by their BOM; else Windows-1252 or Latin-1, with a
    warning naming the first line that is not UTF-8."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise SeedError(
                    f"{file}: starts with a {encoding.upper()} byte-order mark but is not {encoding.upper()}: {exc.reason}"
                ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        # Bytes 0x80-0x9F are control codes in Latin-1 but curly quotes and dashes in Windows-1252,
        # which is what such files nearly always are.
        encoding = "windows-1252" if re.search(rb"[\x80-\x9f]", raw) else "latin-1"
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            encoding, text = "latin-1", raw.decode("latin-1")
        warnings.append(
            f"{file}:{line}: not valid UTF-8; read as {'Windows-1252' if encoding != 'latin-1' else 'Latin-1'}"
        )
        return text


def _parse_metadata(block: str, file: str, warnings: list[str]) -> dict[str, Any]:
    try:
        data = yaml.safe_load(block)
    except ValueError as exc:  # e.g. an impossible date such as 2026-02-30
        raise SeedError(f"{file}: invalid value in front-matter: {exc}") from None
    except yaml.YAMLError as exc:
        raise SeedError(describe_yaml_error(exc, file)) from None
    if data is None:
        return {}
    if "*" in block and not is_small_yaml_value(data):
        raise SeedError(f"{file}: front-matter expands to too many values through YAML aliases (*name)")
    if not isinstance(data, dict):
        raise SeedError(f"{file}:2: front-matter must be a mapping of {', '.join(METADATA_KEYS)}")
    metadata: dict[str, Any] = {}
    for key, value in data.items():
        if key not in METADATA_KEYS:
            warnings.append(f"{file}: unknown front-matter key {key!r} ignored (known: {', '.join(METADATA_KEYS)})")
            continue
        if key == "date":
            value = _parse_date(value, file)
        elif value is not None:
            value = str(value)
        metadata[key] = value
    return metadata


def _parse_date(value: Any, file: str) -> date:
    try:
        return parse_iso_date(value)
    except ValueError as exc:
        raise SeedError(f"{file}: front-matter field 'date': expected an ISO date (YYYY-MM-DD), got {value!r}") from exc


def _clean(block: str) -> str:
    return "\n".join(line.rstrip() for line in block.strip("\n").split("\n")).strip()


def _join_lines(block: str) -> str:
    """Paragraph lines joined with spaces, except bullet lists which keep their line breaks."""
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    if len(lines) > 1 and all(re.match(r"[-*\u2022]\s", line) for line in lines[1:]):
        return "\n".join(lines)
    return " ".join(lines)
