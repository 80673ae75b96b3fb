"""What the first pass of entity extraction says a span names, and the article facts it reads with.

`Mention` is the currency between the modules that read names (`names` and the readers it calls)
and the module that merges them into entities (`entities`); `Context` carries what the whole
article changes about reading a span (a sport story, the headline).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from .gazetteer import Gazetteer

PERSON, PLACE, ORG, COUNTRY, NAME = "person", "place", "org", "country", "name"


class Mention(NamedTuple):
    """One thing a span names. Offsets order mentions; the second pass merges them.

    A named tuple, like `Token`: an article makes dozens of mentions, and a frozen dataclass with
    this many fields takes four times as long to make.
    """

    kind: str
    text: str
    """Person: the name without honorific; place/org: the name; country: the ISO code."""
    pid: int
    pos: int
    role: str | None = None
    country: str | None = None
    former: bool = False
    form: str | None = None
    """The surface as an alias ("Mr Brown", "Lee"), for people and bare names."""
    detail: str | None = None
    """Place kind or organisation kind."""
    abbreviation: str | None = None
    strong: bool = False
    """For people: a title, honorific or role supports the mention (it may create a person)."""
    fallback: Mention | None = None
    """For bare names: what the name is when it is not one of the article's people."""


@dataclass(frozen=True)
class Context:
    """Facts about the whole article that change how a span reads."""

    gazetteer: Gazetteer
    sport: bool
    """The article is about sport: "Liverpool beat Everton" names clubs, not cities."""
    headline: bool = False
