"""Duplicate seeds are recognised, exact and near, and nothing else is."""

from __future__ import annotations

from builder.authoring.duplicates import find_duplicates

STORY = (
    "Harbour Plan Approved\n\nThe port authority approved the harbour expansion plan on Tuesday after a long "
    "public consultation, officials said. Work will start next spring and cost about 40 million pounds.\n\n"
    "Local fishermen welcomed the decision but asked for guarantees on access to the inner quay during the works."
)


def test_exact_copy_is_a_duplicate_of_the_first_in_order() -> None:
    found = find_duplicates([("a.txt", STORY.encode()), ("b.txt", STORY.encode())])
    assert set(found) == {"b.txt"}
    assert found["b.txt"].original == "a.txt" and found["b.txt"].kind == "exact"


def test_resent_story_with_a_changed_word_is_a_near_duplicate() -> None:
    resent = STORY.replace("40 million", "45 million")
    found = find_duplicates([("a.txt", STORY.encode()), ("b.txt", resent.encode())])
    assert found["b.txt"].kind == "near" and found["b.txt"].similarity >= 0.75


def test_same_headline_different_story_is_not_a_duplicate() -> None:
    other = "Harbour Plan Approved\n\nA different council approved a different harbour plan for yachts, " * 3
    assert find_duplicates([("a.txt", STORY.encode()), ("b.txt", other.encode())]) == {}
