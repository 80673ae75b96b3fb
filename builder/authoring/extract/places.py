"""The article's places and countries, as records.

A place with several candidates in the gazetteer is the one in a country the article names
(unless far smaller); a site lies in the story's setting; countries of the headline or lead are
the story's own.
"""

from __future__ import annotations

import dataclasses

from ...model import CountryMention, Place
from ...notes.slugs import slugify
from .clusters import Cluster, as_written
from .gazetteer import Gazetteer, PlaceEntry
from .mentions import COUNTRY


def make_places(
    places: dict[str, Cluster], countries: dict[str, Cluster], gaz: Gazetteer, article_countries: set[str], body: str
) -> tuple[Place, ...]:
    clusters = sorted(places.values(), key=lambda c: c.first)
    made: list[Place] = []
    setting: str | None = None
    for cluster in clusters:
        mention = cluster.mentions[0]
        country: str | None
        if mention.kind == COUNTRY:
            name, kind, country = gaz.country_names.get(cluster.name, cluster.name), "country", cluster.name
        elif mention.detail in ("site", "region", "city") and cluster.name not in gaz.places:
            name, kind, country = cluster.name, mention.detail or "region", mention.country
        else:
            candidates = gaz.places.get(cluster.name, ())
            chosen = _choose_place(candidates, article_countries)
            name = cluster.name
            kind, country = (chosen.kind, chosen.country) if chosen else ("region", None)
        if kind == "city" and setting is None:
            setting = country
        ident = slugify(name)
        name = as_written(name, cluster, body)
        surfaces = dict.fromkeys(m.form for m in cluster.mentions if m.form and m.form != name)
        place = Place(name, ident, kind, country, tuple(surfaces), cluster.evidence())
        made.append(place)
    # A site named in the text ("Horyu Temple") lies in the story's setting: its first city's country.
    return tuple(dataclasses.replace(p, country=setting) if p.kind == "site" and p.country is None else p for p in made)


def _choose_place(candidates: tuple[PlaceEntry, ...], article_countries: set[str]) -> PlaceEntry | None:
    """The most likely candidate; one in a country the article names wins unless it is far smaller
    (an Olympic story naming the US still means Athens, Greece)."""
    if not candidates:
        return None
    top = candidates[0]
    for candidate in candidates:
        if candidate.country in article_countries and candidate.population * 4 >= top.population:
            return candidate
    return top


def make_countries(countries: dict[str, Cluster], gaz: Gazetteer) -> tuple[CountryMention, ...]:
    """Countries named in the headline or lead are the story's own ("main"); others are mentioned."""
    clusters = sorted(countries.values(), key=lambda c: c.first)
    lead = {c.name for c in clusters if any(m.pid <= 1 for m in c.mentions)}
    if not lead and clusters:
        top = max(len(c.mentions) for c in clusters)
        lead = {c.name for c in clusters if len(c.mentions) == top and top >= 3}
    return tuple(
        CountryMention(
            code=c.name,
            name=gaz.country_names.get(c.name, c.name),
            role="main" if c.name in lead else "mentioned",
            evidence=c.evidence(),
        )
        for c in clusters
    )
