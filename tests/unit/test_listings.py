"""Pagination, headings, date wording and evidence links of the listing pages."""

from __future__ import annotations

from datetime import date

import pytest

from builder.publish.evidence import link_summary_evidence
from builder.publish.listings import initial, is_machine_date, long_date, page_url, paginate, week_label


def test_page_one_is_the_listing_itself_and_later_pages_sit_under_page() -> None:
    assert page_url("/people/x/", 1) == "/people/x/"
    assert page_url("/people/x/", 2) == "/people/x/page/2/"


def test_pagination_links_neighbours_and_elides_distant_page_numbers() -> None:
    pages = paginate(list(range(95)), 10, "/t/")
    assert len(pages) == 10 and [len(items) for _, items, _ in pages][-1] == 5
    url, _, pager = pages[4]
    assert url == "/t/page/5/" and (pager.prev, pager.next) == ("/t/page/4/", "/t/page/6/")
    assert [link.number for link in pager.links] == [1, 0, 3, 4, 5, 6, 7, 0, 10]
    assert pages[0][2].prev == "" and pages[-1][2].next == ""


def test_an_empty_or_unpaginated_listing_is_one_page() -> None:
    assert [(url, len(items)) for url, items, _ in paginate([], 10, "/t/")] == [("/t/", 0)]
    assert len(paginate(list(range(500)), 0, "/t/")) == 1


@pytest.mark.parametrize(("name", "letter"), [("Ada", "A"), ("élan", "E"), ("Øre", "#"), ("3M", "#"), ("'Mo", "M")])
def test_names_fall_under_their_first_letter_without_accents(name: str, letter: str) -> None:
    assert initial(name) == letter


@pytest.mark.parametrize(
    ("value", "words", "machine"),
    [
        ("2026-01-13", "13 January 2026", True),
        ("2026-01", "January 2026", True),
        ("2026", "2026", True),
        ("--07-04", "4 July, year unknown", True),
        ("--07", "July, year unknown", False),
    ],
)
def test_dates_read_as_words_and_only_valid_ones_are_machine_dates(value: str, words: str, machine: bool) -> None:
    assert long_date(value) == words
    assert is_machine_date(value) is machine


def test_a_week_reads_as_its_monday_to_sunday() -> None:
    assert week_label("2026-W03") == "Week 3 of 2026, 12–18 January 2026"
    assert week_label("2026-W01") == "Week 1 of 2026, 29 December 2025–4 January 2026"
    assert date.fromisocalendar(2026, 3, 1) == date(2026, 1, 12)


BODY = """## BLUF

The mayor opened the bridge on Monday.

## Key points

- Traffic will cross from March.
- A sentence nobody wrote in the source.

## Source

{#p0}
**Bridge opens**

{#p1}
In a short ceremony the mayor opened the bridge on Monday. [¶1](#p1)

{#p2}
Officials said traffic will cross from March, \\*weather permitting\\*. [¶2](#p2)
"""


def test_bottom_line_and_key_points_link_to_the_paragraph_holding_their_words() -> None:
    linked = link_summary_evidence(BODY)
    assert "The mayor opened the bridge on Monday. [¶1](#p1)" in linked
    assert "- Traffic will cross from March. [¶2](#p2)" in linked
    assert "- A sentence nobody wrote in the source.\n" in linked  # not found: no link


def test_a_body_without_source_text_is_left_alone() -> None:
    body = "## BLUF\n\nWritten by hand.\n"
    assert link_summary_evidence(body) == body
