"""What each output page depends on, as hashes: the basis of incremental and cached builds.

A page is a pure function of its template (and the templates it extends, imports or includes),
the site-wide template globals, and its own context. Its signature hashes exactly those, so a
page whose signature is unchanged since the last build need not be rendered again. Contexts hold
precomputed values (cards, entities, rows) rather than whole notes wherever a page only lists
briefings, so editing a note's body changes the signature of its own page only, while editing its
title, date, summary or entities also changes every page that shows them.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping
from datetime import date
from typing import Any

import jinja2
from jinja2 import meta

from ..notes.note import Note


def fingerprint(value: Any, memo: dict[int, bytes] | None = None) -> str:
    """A stable hash of a page context: notes by content hash, everything else by its repr.

    `memo` caches the repr of the frozen dataclasses (cards, entities, rows) that many pages
    share; it must only live as long as those objects (one build).
    """
    digest = hashlib.sha256()
    _feed(digest, value, {} if memo is None else memo)
    return digest.hexdigest()


_PLAIN = frozenset({str, int, float, bool, type(None), date})
"""Types fed by their repr, tested first by exact type: most values are these, and the ABC
checks that follow are several times slower."""


def _feed(digest: Any, value: Any, memo: dict[int, bytes]) -> None:
    kind = type(value)
    if kind in _PLAIN:
        digest.update(repr(value).encode())
    elif kind is dict or isinstance(value, Mapping):
        digest.update(b"{")
        for key, item in value.items():
            digest.update(repr(key).encode())
            _feed(digest, item, memo)
        digest.update(b"}")
    elif kind is list or kind is tuple or isinstance(value, (list, tuple)):
        digest.update(b"[")
        for item in value:
            _feed(digest, item, memo)
        digest.update(b"]")
    elif isinstance(value, Note):  # (never a mapping or a sequence)
        digest.update(f"Note({value.file},{value.digest})".encode())
    elif dataclasses.is_dataclass(value):
        # frozen dataclasses: their repr is deterministic and complete
        cached = memo.get(id(value))
        if cached is None:
            cached = memo[id(value)] = repr(value).encode()
        digest.update(cached)
    else:
        digest.update(repr(value).encode())
    digest.update(b";")


class TemplateSignatures:
    """Hash of a template's source together with every template it references, memoised per build.

    The references come from Jinja's own parser (`jinja2.meta`); a reference that is not a
    literal name (computed at render time) makes the signature cover every template, so a
    dynamic include can never leave a stale page behind.
    """

    def __init__(self, env: jinja2.Environment, known: Mapping[str, str] | None = None) -> None:
        """`known`: signatures recorded by an earlier build whose templates are provably unchanged
        (the build stamp covers every template file), which spares parsing them again."""
        self.env = env
        self._closure: dict[str, frozenset[str]] = {}
        self._sources: dict[str, str] = {}
        self.signatures: dict[str, str] = dict(known or {})

    def source(self, name: str) -> str:
        if name not in self._sources:
            assert self.env.loader is not None
            self._sources[name] = self.env.loader.get_source(self.env, name)[0]
        return self._sources[name]

    def closure(self, name: str) -> frozenset[str]:
        if name in self._closure:
            return self._closure[name]
        seen: set[str] = set()
        pending = [name]
        while pending:
            current = pending.pop()
            if current in seen:
                continue
            seen.add(current)
            for ref in meta.find_referenced_templates(self.env.parse(self.source(current))):
                if ref is None:
                    assert self.env.loader is not None
                    pending.extend(self.env.loader.list_templates())
                else:
                    pending.append(ref)
        self._closure[name] = frozenset(seen)
        return self._closure[name]

    def signature(self, name: str) -> str:
        if name not in self.signatures:
            digest = hashlib.sha256()
            for ref in sorted(self.closure(name)):
                digest.update(ref.encode() + b"\0" + self.source(ref).encode() + b"\0")
            self.signatures[name] = digest.hexdigest()
        return self.signatures[name]
