"""The extractor: one `Article` in, one `Briefing` out. Pure Python, no model downloads.

Each kind of fact has its own module (entities, dates, quotes, summary, topics); this module
only joins them, resolves quote speakers to entities and raises the quality flags that need
more than one kind of fact.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from ...model import Article, Briefing, Flag, StoryDate
from ...notes.slugs import slugify
from .dates import extract_timeline, extract_watch, resolve_story_date
from .entities import Entities, extract_entities, resolve_name
from .quotes import extract_quotes
from .summary import extract_summary
from .topics import classify_topics

__all__ = ["clean_title", "extract_briefing", "make_slug"]


def extract_briefing(article: Article, *, reference: date, engine: str = "rules") -> Briefing:
    """Every fact of the note format, each with its evidence paragraph(s). The "spacy" engine
    runs the rules, then corrects their entities and quote speakers with spaCy (`nlp.py`)."""
    briefing = _extract_with_rules(article, reference=reference)
    if engine == "spacy":
        from .nlp import refine_briefing

        return refine_briefing(article, briefing)
    return briefing


def _extract_with_rules(article: Article, *, reference: date) -> Briefing:
    entities = extract_entities(article)
    story = resolve_story_date(article, reference=reference)
    timeline = extract_timeline(article, story)
    # `extract_quotes` resolves speakers itself (descriptions, pronouns, "Mr Blair" of two Blairs).
    quotes = tuple(
        dataclasses.replace(q, speaker=resolve_name(entities, q.speaker_name) or q.speaker_name)
        if q.speaker_name and q.speaker is None
        else q
        for q in extract_quotes(article, entities)
    )
    summary, key_points = extract_summary(article)
    title = clean_title(article.headline)
    return Briefing(
        title=title,
        slug=make_slug(title, story.date),
        date=story.date,
        date_basis=story.basis,
        summary=summary,
        key_points=key_points,
        people=entities.people,
        places=entities.places,
        organizations=entities.organizations,
        countries=entities.countries,
        topics=classify_topics(article),
        quotes=quotes,
        timeline=timeline,
        watch=extract_watch(article, timeline),
        flags=make_flags(article, entities, story),
        source=make_source(article),
    )


def clean_title(headline: str) -> str:
    """The headline with whitespace collapsed and wrapping quotes or a trailing full stop removed."""
    title = re.sub(r"\s+", " ", headline).strip()
    if len(title) > 2 and title[0] in "\"'“" and title[-1] in "\"'”":
        title = title[1:-1].strip()
    return title[:-1] if title.endswith(".") and not title.endswith("..") else title


def make_slug(title: str, story_date: date | None) -> str:
    """URL-safe and stable: the story date (when known) then the first words of the title."""
    words = slugify(title, max_length=60)
    return f"{story_date.isoformat()}-{words}" if story_date else words


def make_flags(article: Article, entities: Entities, story: StoryDate) -> tuple[Flag, ...]:
    """Quality flags: problems in the source shown to the reader, never silently fixed."""
    flags: list[Flag] = []
    for name in entities.headline_only:
        flags.append(
            Flag(
                "headline_entity_not_in_body",
                "error",
                f"The headline names {name!r}, who is never mentioned in the article body.",
                ("p0",),
            )
        )
    if story.year_inferred and story.date:
        others = ", ".join(str(y) for y in story.candidates if y != story.date.year)
        also = f" (the weekday also fits {others})" if others else ""
        flags.append(
            Flag(
                "year_inferred",
                "warning",
                f"The article gives no year; {story.date.year} was inferred from the weekday{also}.",
                story.evidence,
            )
        )
    if story.date is None:
        flags.append(Flag("date_unknown", "warning", "No date for the story could be found or inferred.", ()))
    missing = [key for key in ("date", "url", "publisher") if key not in article.metadata]
    if missing:
        flags.append(
            Flag(
                "source_metadata_missing",
                "info",
                f"The seed gives no {', '.join(missing)}; provenance rests on the file alone.",
                (),
            )
        )
    for warning in article.warnings:
        flags.append(Flag("source_encoding", "warning", warning, ()))
    return tuple(flags)


def make_source(article: Article) -> dict[str, object]:
    """Provenance: the seed file, its hash, the verbatim headline, sizes and any seed metadata."""
    source: dict[str, object] = {
        "file": article.file,
        "sha256": article.sha256,
        "headline": article.headline,
        "words": article.words,
        "paragraphs": len(article.paragraphs),
    }
    for key in ("url", "publisher", "byline"):
        if article.metadata.get(key):
            source[key] = article.metadata[key]
    if article.metadata.get("date"):
        source["published"] = article.metadata["date"].isoformat()
    return source
