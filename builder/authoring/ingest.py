"""Seed files -> `Article`: decoding, line endings, optional YAML front-matter, paragraphs."""

from __future__ import annotations

import hashlib
import html
import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ..errors import SeedError, describe_yaml_error
from ..isodate import parse_iso_date
from ..model import Article

METADATA_KEYS = ("date", "url", "publisher", "byline")
_FRONTMATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)
_CHAR_REFERENCE = re.compile(r"&(?:#[0-9]{2,7}|#x[0-9a-fA-F]{2,6}|[a-zA-Z]{2,8});")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")


def read_article(path: Path, *, display: str | None = None) -> Article:
    """Read and parse one seed; `display` is the name used in messages and provenance."""
    name = display or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SeedError(f"{name}: cannot read seed: {exc.strerror}") from exc
    return parse_article(raw, file=name)


def parse_article(raw: bytes, *, file: str) -> Article:
    """Pure: bytes of a seed -> Article. Raises SeedError naming the file (and line)."""
    warnings: list[str] = []
    text = _decode(raw, file, warnings)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
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
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        warnings.append(f"{file}:{line}: not valid UTF-8; read as Latin-1")
        return raw.decode("latin-1")


def _parse_metadata(block: str, file: str, warnings: list[str]) -> dict[str, Any]:
    try:
        data = yaml.safe_load(block)
    except ValueError as exc:  # e.g. an impossible date such as 2026-02-30
        raise SeedError(f"{file}: invalid value in front-matter: {exc}") from None
    except yaml.YAMLError as exc:
        raise SeedError(describe_yaml_error(exc, file)) from None
    if data is None:
        return {}
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
