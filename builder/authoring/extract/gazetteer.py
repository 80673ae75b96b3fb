"""Reference data for entity extraction: countries, demonyms, places, organisations, names, words.

The data are built at development time by ``scripts/build_gazetteer.py`` and shipped as package
data (``data/gazetteer.json``); run time only reads them, once per process.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class PlaceEntry:
    kind: str
    """country / city / region / site"""
    country: str | None
    population: int = 0
    """Thousands; 0 when unknown (regions, curated places)."""


@dataclass(frozen=True)
class OrgEntry:
    name: str
    kind: str
    abbreviation: str | None


@dataclass(frozen=True)
class ClubEntry:
    name: str
    needs_sport_context: bool
    """True when the bare name is also a place or an ordinary word ("Liverpool", "Celtic")."""


@dataclass(frozen=True)
class Gazetteer:
    country_codes: Mapping[str, str]
    """Surface form ("South Korea", "UK", "Britain") -> ISO 3166 alpha-2 code."""
    country_names: Mapping[str, str]
    """ISO code -> display name ("KR" -> "South Korea")."""
    demonyms: Mapping[str, str]
    """"Japanese" -> "JP"; plural nouns ("Israelis") are derived by `demonym_code`."""
    places: Mapping[str, tuple[PlaceEntry, ...]]
    """Surface -> candidates, most likely first."""
    organizations: Mapping[str, OrgEntry]
    clubs: Mapping[str, ClubEntry]
    given_names: frozenset[str]
    not_people: frozenset[str]
    """Fictional characters and works named like people ("Harry Potter", "James Bond")."""
    surname_words: frozenset[str]
    """Surnames that are also English words ("Brown", "Straw"): allowed in names."""
    words: frozenset[str]
    """Ordinary lower-case English words (plural -s forms folded onto their stems)."""

    def is_word(self, token: str) -> bool:
        """True when `token`, lower-cased, is an ordinary English word (or its -s form)."""
        lower = token.lower()
        return lower in self.words or (lower.endswith("s") and lower[:-1] in self.words)

    @cached_property
    def longest_names(self) -> Mapping[str, int]:
        """First word -> the most words of any country, demonym, place, organisation or club name
        that starts with it: no longer run of words from there can be one of them."""
        longest: dict[str, int] = {}
        for table in self._name_tables():
            for name in table:
                words = name.split(" ")
                longest[words[0]] = max(longest.get(words[0], 0), len(words))
        return longest

    @cached_property
    def one_word_names(self) -> frozenset[str]:
        """Every name in the country, demonym, place, organisation and club tables, and every
        demonym with an -s (see `demonym_code`): a single word outside it is none of them."""
        names = {name for table in self._name_tables() for name in table}
        names.update(f"{demonym}s" for demonym in self.demonyms)
        return frozenset(names)

    def _name_tables(self) -> tuple[Mapping[str, object], ...]:
        return (self.country_codes, self.demonyms, self.places, self.organizations, self.clubs)

    def demonym_code(self, token: str) -> str | None:
        """Country code for a demonym or its plural ("Britons", "Israelis"), else None."""
        code = self.demonyms.get(token)
        if code is None and token.endswith("s") and token[-2:-1] in ("n", "i", "e", "t", "k"):
            code = self.demonyms.get(token[:-1])
        return code


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Read the packaged JSON once per process."""
    package = resources.files(__name__.rpartition(".")[0])
    data = package.joinpath("data")
    generated = json.loads(data.joinpath("gazetteer.json").read_text(encoding="utf-8"))
    supplement = json.loads(data.joinpath("supplement.json").read_text(encoding="utf-8"))
    return parse_gazetteer(merge_supplement(generated, supplement))


def merge_supplement(generated: Mapping[str, Any], supplement: Mapping[str, Any]) -> dict[str, Any]:
    """Pure: the generated tables with the hand-maintained ones added (a generated entry wins),
    and each place called "St. X" also known as "St X" and the other way round."""
    merged = dict(generated)
    for table in ("organizations", "places"):
        merged[table] = {**supplement.get(table, {}), **generated[table]}
    places = merged["places"]
    for surface, entries in list(places.items()):
        if surface.startswith("St. "):
            places.setdefault("St " + surface[4:], entries)
        elif surface.startswith("St "):
            places.setdefault("St. " + surface[3:], entries)
    return merged


def parse_gazetteer(data: Mapping[str, Any]) -> Gazetteer:
    """Pure: the JSON document -> `Gazetteer`."""
    country_codes: dict[str, str] = {}
    country_names: dict[str, str] = {}
    for code, (name, surfaces) in data["countries"].items():
        country_names[code] = name
        for surface in surfaces:
            country_codes.setdefault(surface, code)
    places = {surface: tuple(_place(entry) for entry in entries) for surface, entries in data["places"].items()}
    organizations = {
        surface: OrgEntry(name, kind, abbreviation or None)
        for surface, (name, kind, abbreviation) in data["organizations"].items()
    }
    clubs = {surface: ClubEntry(name, bool(flag)) for surface, (name, flag) in data["clubs"].items()}
    return Gazetteer(
        country_codes=country_codes,
        country_names=country_names,
        demonyms=dict(data["demonyms"]),
        places=places,
        organizations=organizations,
        clubs=clubs,
        given_names=frozenset(data["given_names"]),
        not_people=frozenset(data["not_people"]),
        surname_words=frozenset(data["surname_words"]),
        words=frozenset(data["words"]),
    )


def _place(entry: str) -> PlaceEntry:
    kind, country, population = entry.split(" ")
    return PlaceEntry(kind, None if country == "-" else country, int(population))
