"""Front-matter YAML written directly, byte for byte as the YAML library writes it.

`notes.dump_frontmatter` calls `yaml.dump(..., Dumper=CSafeDumper, sort_keys=False,
allow_unicode=True, width=100, default_flow_style=False)`. Even with the C emitter, PyYAML builds
and resolves every node in Python, which made that call a tenth of a cold build. No maintained
library writes YAML fast with exactly these settings, so this module writes the shapes notes use
(str-keyed mappings, lists, strings, ints, booleans, None) itself, following libyaml's emitter
(`emitter.c`: `yaml_emitter_analyze_scalar`, `select_scalar_style`, `write_plain_scalar`,
`write_single_quoted_scalar`). Any top-level entry holding something else - a string that needs
double quotes, a float, a date, a list in a list, an unusual key - is written by the library
instead, so the output stays the library's in every case; the unit tests hold the two equal.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from yaml.resolver import Resolver

WIDTH = 100
"""The `width` given to the library: a scalar folds at the first single space past this column."""
_STEP = 2
"""libyaml's default indentation step."""
_MAX_INDENT = 40
"""Deeper than this the writer hands over to the library: notes nest three levels at most, and
a structure that contains itself is left to the library (which writes it with an alias)."""

# Characters libyaml writes as they are in plain and single-quoted scalars with allow_unicode
# (its IS_PRINTABLE), less the line breaks \x85, \u2028 and \u2029: a string with anything else
# (tab, newline, control characters, U+FEFF, characters beyond U+FFFF) is left to the library.
_PRINTABLE = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]+")
_LEADING_INDICATORS = frozenset("#,[]{}&*!|>'\"%@` ")
"""First characters that make libyaml quote a string (a leading space included)."""
_BREAKABLE_SPACE = re.compile("(?<=[^ ]) (?=[^ ])")
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
"""Keys written here; others (which may need quotes or the long-key form) go to the library."""

# The library writes a string plain only if it would read back as a string: it quotes those that
# YAML 1.1's implicit resolvers take for null, bool, int, float, timestamp and so on. These are
# the library's own resolvers, looked up by first character as `Resolver.resolve` does.
_ANY_START = tuple(regexp for _tag, regexp in Resolver.yaml_implicit_resolvers.get(None, []))
_RESOLVERS: dict[str, tuple[re.Pattern[str], ...]] = {
    start: tuple(regexp for _tag, regexp in resolvers) + _ANY_START
    for start, resolvers in Resolver.yaml_implicit_resolvers.items()
    if start is not None
}


class _Unsupported(Exception):
    """A value outside what this writer handles: the library writes its entry."""


class _Shared(Exception):
    """One list or mapping appears twice: the library writes it once with an anchor (&id001)
    and then as an alias, so the whole document goes to the library."""


def render_frontmatter_yaml(data: dict[Any, Any], *, fallback: Callable[[dict[Any, Any]], str]) -> str:
    """`data` as block YAML, identical to `fallback(data)` (the library call described above).

    `fallback({key: value})` is exactly the text of that entry inside the full document, so an
    entry this writer cannot handle costs only its own library call.
    """
    if not data:
        return fallback(data)
    out: list[str] = []
    ids: list[int] = []  # of every list and mapping written, to find one written twice
    try:
        for key, value in data.items():
            out_mark, ids_mark = len(out), len(ids)
            try:
                _write_mapping(out, {key: value}, 0, "", ids)
            except _Unsupported:
                del out[out_mark:], ids[ids_mark:]
                found: set[int] = set()
                _collect_ids(value, found)
                ids.extend(found)
                out.append(fallback({key: value}))
    except _Shared:
        return fallback(data)
    if len(set(ids)) < len(ids):
        return fallback(data)
    return "".join(out)


def _write_mapping(out: list[str], mapping: dict[Any, Any], indent: int, first_prefix: str, ids: list[int]) -> None:
    """A block mapping with its keys at column `indent`; the first key follows `first_prefix`
    (the "- " of a sequence item, or the indentation)."""
    if indent > _MAX_INDENT:
        raise _Unsupported
    prefix, others, inner = first_prefix, " " * indent, indent + _STEP
    for key, value in mapping.items():
        if type(key) is not str or (key_head := _key_head(key)) is None:
            raise _Unsupported
        head = prefix + key_head
        prefix = others
        kind = type(value)
        if kind is str:
            out.append(f"{head} {_string(value, len(head) + 1, inner)}\n")
        elif kind is dict:
            ids.append(id(value))
            if value:
                out.append(head + "\n")
                _write_mapping(out, value, inner, " " * inner, ids)
            else:
                out.append(head + " {}\n")
        elif kind is list:
            ids.append(id(value))
            if value:
                out.append(head + "\n")
                _write_sequence(out, value, indent, ids)  # libyaml does not indent a list under its key
            else:
                out.append(head + " []\n")
        else:
            out.append(f"{head} {_other_scalar(value)}\n")


def _write_sequence(out: list[str], items: list[Any], indent: int, ids: list[int]) -> None:
    """A block sequence with its dashes at column `indent`."""
    dash = " " * indent + "- "
    column, inner = len(dash), indent + _STEP
    for item in items:
        kind = type(item)
        if kind is str:
            out.append(f"{dash}{_string(item, column, inner)}\n")
        elif kind is dict:
            ids.append(id(item))
            if item:
                _write_mapping(out, item, inner, dash, ids)
            else:
                out.append(dash + "{}\n")
        elif kind is list:
            if item:  # notes never hold a list in a list
                raise _Unsupported
            ids.append(id(item))
            out.append(dash + "[]\n")
        else:
            out.append(f"{dash}{_other_scalar(item)}\n")


@functools.lru_cache(maxsize=256)
def _key_head(key: str) -> str | None:
    """`key:` for a key written plain, None for one left to the library."""
    return key + ":" if _KEY.fullmatch(key) and _reads_as_string(key) else None


def _other_scalar(value: Any) -> str:
    kind = type(value)
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    if value is None:
        return "null"
    raise _Unsupported


def _string(value: str, column: int, indent: int) -> str:
    """A string starting at `column`; when it folds, it continues on lines indented by `indent`."""
    text = _one_line(value) if len(value) <= _CACHED_LENGTH else _render_one_line(value)
    if text is None:
        raise _Unsupported
    if column + len(text) <= WIDTH + 2:  # no space lies past the width: nothing to fold
        return text
    if text[0] == "'":
        return "'" + _fold(text[1:-1], column + 1, indent) + "'"
    return _fold(text, column, indent)


def _render_one_line(value: str) -> str | None:
    """The string as a plain or single-quoted scalar before folding, or None if libyaml would
    use double quotes (or this writer is not sure it would not)."""
    if not value:
        return "''"
    # str.isprintable() on ASCII text is exactly libyaml's printable ASCII (0x20-0x7e)
    if not (value.isprintable() if value.isascii() else _PRINTABLE.fullmatch(value)):
        return None
    if _is_plain(value):
        return value
    return "'" + value.replace("'", "''") + "'"  # a quote is written twice


_CACHED_LENGTH = 40
"""Strings up to this long (names, ids, evidence, roles) recur across notes: their scalar is
remembered rather than worked out again."""
_one_line = functools.lru_cache(maxsize=8192)(_render_one_line)


def _is_plain(value: str) -> bool:
    """Whether libyaml writes a non-empty printable string plain in block context: not with a
    leading indicator or space, a leading "-", "?" or ":" followed by a space or the end, a
    document marker, ": ", " #", a final ":" or space, nor text that reads as another type."""
    first = value[0]
    return (
        first not in _LEADING_INDICATORS
        and not (first in "-?:" and value[1:2] in ("", " "))
        and not value.startswith(("---", "..."))
        and ": " not in value
        and " #" not in value
        and not value.endswith((":", " "))
        and _reads_as_string(value)
    )


def _fold(text: str, column: int, indent: int) -> str:
    """`text` as libyaml writes it from `column`: a space breaks the line when the column before
    it is past WIDTH and neither of its neighbours is a space (so a first or last space, which
    only a quoted scalar may have, never breaks); the next line starts at `indent`."""
    lines = []
    start = 0  # where the current line starts in `text`; it starts at `column`
    while (space := _BREAKABLE_SPACE.search(text, max(start, start + WIDTH + 1 - column))) is not None:
        lines.append(text[start : space.start()])
        start, column = space.end(), indent
    lines.append(text[start:])
    return ("\n" + " " * indent).join(lines)


def _reads_as_string(value: str) -> bool:
    """True unless one of the library's implicit resolvers claims `value` (e.g. "yes", "12")."""
    resolvers = _RESOLVERS.get(value[0], _ANY_START)
    return not resolvers or not any(regexp.match(value) for regexp in resolvers)


def _track(value: object, ids: set[int]) -> None:
    if id(value) in ids:
        raise _Shared
    ids.add(id(value))


def _collect_ids(value: Any, ids: set[int]) -> None:
    """Record every object in `value` that the library could anchor (all but None, (), str, bytes,
    bool, int and float), so that one shared with another entry is caught."""
    if value is None or isinstance(value, str | bytes | bool | int | float):
        return
    if isinstance(value, tuple) and not value:
        return
    _track(value, ids)
    if isinstance(value, dict):
        for key, item in value.items():
            _collect_ids(key, ids)
            _collect_ids(item, ids)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            _collect_ids(item, ids)
