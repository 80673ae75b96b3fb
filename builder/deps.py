"""What each output page depends on, as hashes: the basis of incremental and cached builds.

A page is a pure function of its template (and the templates it extends, imports or includes),
the site-wide template globals, and its own context. Its signature hashes exactly those, so a
page whose signature is unchanged since the last build need not be rendered again. Contexts hold
precomputed values (cards, entities, rows) rather than whole notes wherever a page only lists
briefings, so editing a note's body changes the signature of its own page only, while editing its
title, date, summary or entities also changes every page that shows them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

import jinja2
from jinja2 import meta

from .notes import Note


def fingerprint(value: Any) -> str:
    """A stable hash of a page context: notes by content hash, everything else by its repr."""
    digest = hashlib.sha256()
    _feed(digest, value)
    return digest.hexdigest()


def _feed(digest: Any, value: Any) -> None:
    if isinstance(value, Note):
        digest.update(f"Note({value.file},{value.digest})".encode())
    elif isinstance(value, Mapping):
        digest.update(b"{")
        for key, item in value.items():
            digest.update(repr(key).encode())
            _feed(digest, item)
        digest.update(b"}")
    elif isinstance(value, (list, tuple)) and value and isinstance(value[0], Note):
        for item in value:
            _feed(digest, item)
    else:
        # frozen dataclasses, tuples, strings, dates: their repr is deterministic and complete
        digest.update(repr(value).encode())
    digest.update(b";")


class TemplateSignatures:
    """Hash of a template's source together with every template it references, memoised per build.

    The references come from Jinja's own parser (`jinja2.meta`); a reference that is not a
    literal name (computed at render time) makes the signature cover every template, so a
    dynamic include can never leave a stale page behind.
    """

    def __init__(self, env: jinja2.Environment) -> None:
        self.env = env
        self._closure: dict[str, frozenset[str]] = {}
        self._sources: dict[str, str] = {}

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
        digest = hashlib.sha256()
        for ref in sorted(self.closure(name)):
            digest.update(ref.encode() + b"\0" + self.source(ref).encode() + b"\0")
        return digest.hexdigest()
