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


def test_wire_dateline_paragraph_is_never_the_bluf() -> None:
    bluf, points = extract_summary(article("SAN JOSE 2001-03-04", *STORY))
    assert bluf == STORY[0]
    assert not any("SAN JOSE" in p for p in points)


def test_dateline_before_the_lede_is_left_out_of_the_bluf() -> None:
    bluf, _ = extract_summary(article("RIVERTON, Wales (Reuters) - " + STORY[0], *STORY[1:]))
    assert bluf == STORY[0]


def test_byline_is_never_the_bluf() -> None:
    bluf, _ = extract_summary(article("By Maria Lopez and Sam Hughes", *STORY))
    assert bluf == STORY[0]


def test_leading_connective_is_dropped_from_a_key_point() -> None:
    story = [
        STORY[0],
        "The bridge, built in 1931, carries 22,000 vehicles a day and was closed twice last winter.",
        "In response, the regional transport board approved £12m towards the new bridge in March.",
        "However, the county treasurer warned that road tax would rise by 4% next April.",
        "A temporary footbridge will open in May so that pedestrians can still cross the river.",
    ]
    _, points = extract_summary(article(*story))
    assert "The regional transport board approved £12m towards the new bridge in March." in points
    assert "The county treasurer warned that road tax would rise by 4% next April." in points


def test_key_points_skip_a_reported_demonstrative_and_a_pronoun_after_an_opening_phrase() -> None:
    story = [
        STORY[0],
        "Council leader Dana Okafor visited the site with engineers from Leeds on Friday.",
        "Okafor said this would mean closing the old crossing for at least nine months.",
        "After touring the damaged piers, she called the 1931 structure unsafe for lorries.",
        "The bridge carries 22,000 vehicles a day and was closed twice last winter.",
        "Work is due to start in June 2027 and finish by the end of 2028.",
    ]
    _, points = extract_summary(article(*story))
    assert points and not any(p.startswith(("Okafor said this", "After touring")) for p in points)


def test_sentence_inside_a_longer_quotation_is_not_a_key_point() -> None:
    story = [
        STORY[0],
        '"We have waited three years for this decision. The old bridge carried our parents to work '
        'and it failed our children last winter. We will not let that happen again," said Dana Okafor.',
        *STORY[1:3],
    ]
    _, points = extract_summary(article(*story))
    assert not any("old bridge carried our parents" in p for p in points)


def test_quotation_left_open_across_paragraphs_is_not_a_key_point() -> None:
    story = [
        STORY[0],
        '"The council has listened to residents at every stage. The new crossing will carry 22,000 vehicles '
        "a day from June 2027 and cut journey times across the town by a quarter.",
        '"The new crossing will carry buses, cyclists and walkers from the first day it opens," Okafor told reporters.',
        *STORY[1:3],
    ]
    _, points = extract_summary(article(*story))
    assert not any("cut journey times" in p for p in points)


def test_title_case_heading_is_not_a_sentence() -> None:
    assert not is_complete_sentence("Council Leader Says The Vote On The Bridge Was Fair.")
    assert is_complete_sentence("Council leader Dana Okafor won the vote on the Riverside bridge.")
