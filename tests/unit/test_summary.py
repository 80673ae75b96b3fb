"""Summary: the BLUF is the lede (at most 40 words) and key points are whole, distinct sentences."""

from __future__ import annotations

from pathlib import Path

from builder.authoring.extract.summary import MAX_BLUF_WORDS, extract_summary, is_complete_sentence
from builder.authoring.ingest import parse_article, read_article
from builder.model import Article

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "000_0ffeab4008b67dd0.txt"

STORY = [
    "The city council approved a £40m plan to replace the Riverside bridge on Monday, ending a "
    "three-year dispute over the crossing.",
    "Council leader Dana Okafor said the vote was a turning point for the town. The bridge, built in "
    "1931, carries 22,000 vehicles a day and was closed twice last winter after cracks appeared.",
    "Work is due to start in June 2027 and finish by the end of 2028. A temporary footbridge will "
    "open in May so that pedestrians can still cross the river.",
    "But opponents say the cost is too high. They want the old bridge repaired instead.",
    '"We will keep fighting this," said Tom Reyes of the Save Our Bridge group.',
    "Residents can comment on the design at the town hall until 30 April.",
]


def article(*paragraphs: str, headline: str = "Council approves Riverside bridge replacement") -> Article:
    return parse_article("\n\n".join((headline, *paragraphs)).encode(), file="seeds/test.txt")


def test_sample_bluf_is_the_lede() -> None:
    bluf, _ = extract_summary(read_article(SAMPLE))
    assert bluf == (
        "South Korean President Lee Jae-myeong held talks with Japanese Prime Minister "
        "Sanae Takai in Nara on Tuesday, January 13th."
    )


def test_sample_key_points_are_distinct_complete_sentences_from_the_article() -> None:
    sample = read_article(SAMPLE)
    bluf, points = extract_summary(sample)
    assert 3 <= len(points) <= 5
    assert len(set(points)) == len(points) and bluf not in points
    body = "\n".join(sample.paragraphs)
    for point in points:
        assert point in body and is_complete_sentence(point)
    assert any("North Korea" in p for p in points)


def test_key_points_skip_sentences_that_need_the_previous_one() -> None:
    _, points = extract_summary(article(*STORY))
    assert not any(p.split()[0] in ("But", "They", "He", "It", "This") for p in points)


def test_key_points_skip_bare_quotes() -> None:
    _, points = extract_summary(article(*STORY))
    assert not any(p.startswith('"') for p in points)


def test_key_points_prefer_facts_with_numbers_and_dates() -> None:
    _, points = extract_summary(article(*STORY))
    assert 3 <= len(points) <= 5
    assert any("June 2027" in p for p in points)


def test_summary_is_deterministic() -> None:
    assert extract_summary(article(*STORY)) == extract_summary(article(*STORY))


def test_overlong_lede_is_cut_at_a_clause_boundary_into_a_sentence() -> None:
    lede = (
        "The city council approved a £40m plan to replace the ageing Riverside bridge after a long and "
        "bitter public consultation on Monday night, and residents who had campaigned against the scheme "
        "for three years said they would now seek a judicial review of the decision in the High Court."
    )
    bluf, _ = extract_summary(article(lede, *STORY[1:]))
    assert len(bluf.split()) <= MAX_BLUF_WORDS
    assert bluf.endswith("Monday night.")
    assert lede.startswith(bluf[:-1])


def test_lede_that_leans_on_context_gives_way_to_a_standalone_sentence() -> None:
    bluf, _ = extract_summary(article("He said no.", *STORY))
    assert bluf != "He said no."
    assert len(bluf.split()) <= MAX_BLUF_WORDS and is_complete_sentence(bluf)


def test_short_article_gives_fewer_points() -> None:
    bluf, points = extract_summary(
        article("The council approved the bridge plan on Monday.", "Work will start in June 2027.")
    )
    assert bluf == "The council approved the bridge plan on Monday."
    assert points == ("Work will start in June 2027.",)


def test_complete_sentence_check() -> None:
    assert is_complete_sentence("The council approved the plan on Monday.")
    assert not is_complete_sentence("approved the plan on Monday.")
    assert not is_complete_sentence("The council approved the plan")
    assert not is_complete_sentence('"The bridge is safe. We checked it.')
