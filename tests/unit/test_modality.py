"""The tense or hedge that governs a date phrase: what a reader takes as past, planned, expected or possible."""

from __future__ import annotations

import pytest

from builder.authoring.extract.modality import governing_tense


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        ("He may have left on Friday.", "possible-past"),
        ("He said the firm would close on Friday.", "planned"),
        ("The firm would close on Friday.", "possible"),
        ("They had expected a deal on Friday.", "past"),
        ("She hopes to sign on Friday.", "possible"),
        ("He plans to sign on Friday.", "planned"),
        ("The plans for Friday were dropped.", "past"),
        ("The vote will be held on Friday.", "planned"),
        ("The vote will probably be held on Friday.", "expected"),
        ("They'll probably meet on Friday.", "expected"),
        ("The vote went ahead as planned on Friday.", "past"),
        ("The vote is expected on Friday.", "expected"),
        ("Prices rose faster than expected on Friday.", "past"),
        ("The report is due to be published on Friday.", "expected"),
        ("The minister is to visit on Friday.", "planned"),
        ("The board is considering a vote on Friday.", "possible"),
        ("Voters will need to have registered by Friday.", "planned"),
        ("The game is to be played on Friday.", "expected"),
        ("The film is being shown on Friday.", "planned"),
        ("The comet can be seen on Friday.", "possible"),
        ("The firm closed its plant on Friday.", "past"),
        ("The ceremony, hosted by the mayor on Friday, was brief.", "past"),
    ],
)
def test_date_phrase_takes_the_tense_of_its_verb(sentence: str, tense: str) -> None:
    start = sentence.index("Friday")
    assert governing_tense(sentence, start, start + len("Friday")) == tense
