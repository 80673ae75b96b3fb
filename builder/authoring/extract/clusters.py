"""An entity's mentions gathered while the article is read, and the name it is shown under.

The second pass files each resolved mention into a `Cluster` (people, organisations, places,
countries); the record made from a cluster takes the article's own form of a reference name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .mentions import Mention


@dataclass
class Cluster:
    """Mentions of one entity while the article is read (mutable only while the entities are being gathered)."""

    name: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def first(self) -> tuple[int, int]:
        return min((m.pid, m.pos) for m in self.mentions)

    def evidence(self) -> tuple[str, ...]:
        return tuple(f"p{pid}" for pid in sorted({m.pid for m in self.mentions}))


def as_written(name: str, cluster: Cluster, body: str, *, acronyms_only: bool = False) -> str:
    """A reference name the article never writes ("United States" for "U.S.", "United Nations" for
    "UN") gives way to the article's own first form of it; the id stays the reference name's, so
    every note's "U.S." and "United States" share one page. For organisations other than teams only
    an acronym stands in ("Tory" does not name the Conservative Party)."""
    if name in body:
        return name
    forms = [m.form for m in sorted(cluster.mentions, key=lambda m: (m.pid, m.pos)) if m.form]
    if acronyms_only:
        forms = [f for f in forms if f.replace(".", "").isupper()]
    return forms[0] if forms else name
