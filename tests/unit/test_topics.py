"""Topics: one IPTC top-level category first, then a few sensible lower-case free tags."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.authoring.extract.topics import (
    FALLBACK_CATEGORY,
    IPTC_QCODES,
    IPTC_TOP_LEVEL,
    MAX_FREE_TAGS,
    classify_topics,
)
from builder.authoring.ingest import parse_article, read_article
from builder.model import Article

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "000_0ffeab4008b67dd0.txt"


def article(headline: str, *paragraphs: str) -> Article:
    return parse_article("\n\n".join((headline, *paragraphs)).encode(), file="seeds/test.txt")


STORIES = {
    "sport": article(
        "Late goal sends Rovers top of the league",
        "A stoppage-time goal from striker Sam Hale gave Rovers a 2-1 win over City on Saturday.",
        "The manager praised his squad after the match, saying the title race was far from over. "
        "The midfielder limped off with a hamstring injury in the second half.",
    ),
    "science and technology": article(
        "New handset promises week-long battery",
        "A phone maker has unveiled a mobile phone whose battery lasts a week, using a low-power chip.",
        "The handset runs its own software and connects to 3G networks. Analysts said users would "
        "welcome the device, though the screen is small.",
    ),
    "economy, business and finance": article(
        "Retailer profits jump as sales rise",
        "Shares in the retailer rose 6% after it reported a pre-tax profit of £210m for the year.",
        "Sales rose 4% and the chief executive said the company would pay a higher dividend. "
        "Investors had feared that weak consumer spending would hit the high street.",
    ),
    "arts, culture, entertainment and media": article(
        "Debut film wins festival prize",
        "A first-time director's film about a fishing village has won the top award at the film festival.",
        "The actress who plays the lead was nominated for best actress, and the film will open in "
        "cinemas next month. Critics praised the screenplay.",
    ),
    "politics": article(
        "Minister faces vote on housing bill",
        "The housing minister will face a vote in parliament on Tuesday as MPs debate the bill.",
        "Opposition parties say the legislation does not go far enough, and several backbench MPs "
        "have threatened to rebel before the election.",
    ),
}


def test_top_level_list_is_the_seventeen_official_iptc_labels() -> None:
    assert len(IPTC_TOP_LEVEL) == len(set(IPTC_TOP_LEVEL)) == 17
    official = {"politics", "sport", "economy, business and finance", "religion"}
    assert official <= set(IPTC_TOP_LEVEL)
    assert set(IPTC_QCODES) == set(IPTC_TOP_LEVEL)
    assert IPTC_QCODES["politics"] == "medtop:11000000"


def test_sample_is_politics_with_a_diplomacy_tag() -> None:
    topics = classify_topics(read_article(SAMPLE))
    assert topics[0] == "politics"
    assert "diplomacy" in topics[1:]


@pytest.mark.parametrize("category", sorted(STORIES))
def test_story_is_classified_by_its_vocabulary(category: str) -> None:
    assert classify_topics(STORIES[category])[0] == category


@pytest.mark.parametrize(
    ("category", "tag"),
    [
        ("sport", "football"),
        ("science and technology", "mobile phones"),
        ("economy, business and finance", "corporate results"),
        ("arts, culture, entertainment and media", "film"),
        ("politics", "parliament"),
    ],
)
def test_free_tags_name_the_subject(category: str, tag: str) -> None:
    assert tag in classify_topics(STORIES[category])[1:]


def test_free_tags_are_few_lower_case_distinct_and_never_a_category() -> None:
    for story in (*STORIES.values(), read_article(SAMPLE)):
        tags = classify_topics(story)[1:]
        assert len(tags) <= MAX_FREE_TAGS
        assert len(set(tags)) == len(tags)
        assert all(tag == tag.lower() and tag not in IPTC_TOP_LEVEL for tag in tags)


def test_headline_outweighs_a_passing_mention() -> None:
    story = article(
        "Striker scores twice as United win the cup final",
        "United won the cup final 2-0 in front of 80,000 fans, with the striker scoring both goals.",
        "The club's shares rose on the stock market the next morning.",
    )
    assert classify_topics(story)[0] == "sport"


def test_repeated_noun_phrase_becomes_a_tag() -> None:
    story = article(
        "Drivers angry at parking fees",
        "Drivers have protested against new parking fees in the city centre.",
        "The council says parking fees will fund bus services, but shop owners say parking fees drive customers away.",
    )
    assert "parking fees" in classify_topics(story)


def test_story_without_any_known_vocabulary_gets_the_fallback_category() -> None:
    assert classify_topics(article("Zzz", "Qwerty asdf zxcv uiop.")) == (FALLBACK_CATEGORY,)


def test_classification_is_deterministic() -> None:
    story = STORIES["sport"]
    assert classify_topics(story) == classify_topics(story)
