"""The optional spaCy engine: the rules' briefing, corrected and completed by a statistical model.

`[extract] engine = "spacy"` runs the rules first, then reads the article once with spaCy's small
English pipeline and
- adds the people, places and organisations the rules missed, and moves an entity the rules
  filed under a weak guess (a capitalised word they could only call an "organization") to the
  kind spaCy gives it; a person the rules recognised stays a person whatever spaCy says (it
  tags many unfamiliar surnames as organisations);
- gives a role to a person the rules left without one, from a title written before the name
  ("coach Glenn Hoddle") or in apposition ("Roy Asher, an economist");
- names the speaker of each quote from the dependency parse: the subject of the speech verb
  that governs the quote or stands next to it, a pronoun standing for the nearest person before it.

Everything the rules found and spaCy says nothing about is kept, so improvements to the rules
carry over. The model is loaded once per process (`load_pipeline`). spaCy is imported lazily:
without it installed, nothing here is imported.
"""

from __future__ import annotations

import dataclasses
import importlib
from functools import lru_cache
from typing import Any

from ...config import SPACY_MODELS
from ...errors import BriefgenError
from ...model import Article, Briefing
from .nlp_entities import entity_mentions, merge_entities, with_roles
from .nlp_speakers import reattribute

__all__ = ["load_pipeline", "refine_briefing"]


@lru_cache(maxsize=1)
def load_pipeline() -> Any:
    """spaCy's small English pipeline, loaded once per process (each worker loads its own)."""
    try:
        spacy = importlib.import_module("spacy")
    except ImportError as exc:
        raise BriefgenError("the spaCy engine needs spaCy: pip install 'briefgen[nlp]'") from exc
    for name in SPACY_MODELS:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise BriefgenError(f"the spaCy engine needs the English model {SPACY_MODELS[0]}: pip install 'briefgen[nlp]'")


def refine_briefing(article: Article, briefing: Briefing) -> Briefing:
    """The rules' `briefing`, with spaCy's entities merged in and quote speakers re-read."""
    texts = [article.headline, *article.paragraphs]
    docs = list(load_pipeline().pipe(texts))
    ents = [ent for pid, doc in enumerate(docs) for ent in entity_mentions(doc, pid)]
    people, places, orgs = merge_entities(briefing.people, briefing.places, briefing.organizations, ents)
    people = tuple(with_roles(people, docs))
    quotes = tuple(reattribute(briefing.quotes, docs, people, orgs))
    return dataclasses.replace(briefing, people=people, places=places, organizations=orgs, quotes=quotes)
