"""Sentence splitting: news abbreviations and initials never cut a sentence in two."""

from __future__ import annotations

import pytest

from builder.authoring.extract.sentences import split_sentences


def texts(paragraph: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(paragraph)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr. Hale and Mrs. Ortiz met Dr. Reyes at the clinic on Monday.",
        "Gov. Ana Ruiz and Sen. Tom Park spoke after Rep. Kim Lee.",
        "Sens. Joan Bird and Carl Moss backed the bill.",
        "President George W. Bush flew to Texas.",
        "The U.S. Senate voted on Jan. 12 to extend the program.",
        "The plant in St. Louis closes at 5 p.m. on Friday.",
    ],
)
def test_abbreviations_and_initials_do_not_end_a_sentence(sentence: str) -> None:
    assert texts(sentence) == [sentence]


def test_abbreviation_at_the_end_of_a_sentence_still_ends_it() -> None:
    assert texts("The firm moved its factory to the U.S. The move cost 300 jobs.") == [
        "The firm moved its factory to the U.S.",
        "The move cost 300 jobs.",
    ]
    assert texts("Shares rose at Ferro Corp. It said sales grew.") == [
        "Shares rose at Ferro Corp.",
        "It said sales grew.",
    ]


def test_title_before_a_name_never_ends_a_sentence() -> None:
    assert texts("He thanked Gov. The Reverend Amos Hill.") == ["He thanked Gov. The Reverend Amos Hill."]


def test_offsets_point_into_the_paragraph() -> None:
    paragraph = "Talks ended in the U.S. The delegates left."
    for sentence in split_sentences(paragraph):
        assert paragraph[sentence.start : sentence.start + len(sentence.text)] == sentence.text
