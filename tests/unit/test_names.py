"""What the capitalised spans of one paragraph name: people behind titles, bodies, places, countries."""

from __future__ import annotations

from datetime import date

import pytest

from builder.authoring.extract import extract_briefing
from builder.authoring.extract.gazetteer import load_gazetteer
from builder.authoring.extract.mentions import Context, Mention
from builder.authoring.extract.names import read_paragraph
from builder.authoring.ingest import parse_article


def mentions(text: str) -> list[Mention]:
    return read_paragraph(text, 0, Context(load_gazetteer(), sport=False))


def named(text: str, kind: str) -> dict[str, Mention]:
    return {m.text: m for m in mentions(text) if m.kind == kind}


def test_titled_person_keeps_role_and_country_of_the_demonym_before_the_title() -> None:
    found = mentions("Officials said French Foreign Minister Jean Dupont would travel.")
    person = next(m for m in found if m.kind == "person")
    assert (person.text, person.role, person.country) == ("Jean Dupont", "Foreign Minister", "FR")
    assert any(m.kind == "country" and m.text == "FR" for m in found)


def test_place_before_a_title_is_a_mention_of_its_own() -> None:
    assert "New York" in named("The firm hired New York Attorney General Eliot Spitzer.", "place")
    person = named("The firm hired New York Attorney General Eliot Spitzer.", "person")["Eliot Spitzer"]
    assert person.role == "New York Attorney General"


@pytest.mark.parametrize(
    "text",
    [
        "The speech by former Prime Minister John Major was short.",
        "The speech by then-Prime Minister John Major was short.",
    ],
)
def test_former_office_holders_are_marked_former(text: str) -> None:
    person = named(text, "person")["John Major"]
    assert person.former
    assert person.role is not None and person.role.endswith("Prime Minister")


def test_honorific_and_style_are_aliases_not_roles() -> None:
    people = named("Mr Blair met Lord Smith.", "person")
    assert (people["Blair"].form, people["Blair"].role) == ("Mr Blair", None)
    assert people["Lord Smith"].role is None  # a style alone with a surname stays in the name
    elton = named("It was, said Sir Elton John, a fine night.", "person")["Elton John"]
    assert (elton.form, elton.role) == ("Sir Elton John", None)


def test_role_with_a_connector_keeps_the_name_after_it() -> None:
    person = named("Minister for Health John Reid said the plan was ready.", "person")["John Reid"]
    assert person.role == "Minister for Health"


def test_title_with_no_name_after_it_names_no_one() -> None:
    assert not named("The Mayor of London spoke after the vote.", "person")


def test_name_then_affiliation_gives_the_person_and_the_body() -> None:
    found = mentions("The fund was run by Lt Col Eric Smith of the Royal Navy.")
    assert [(m.kind, m.text) for m in found] == [("org", "Royal Navy"), ("person", "Eric Smith")]
    found = mentions("Economist Mary Jones of First Union said prices rose.")
    assert [(m.kind, m.text) for m in found] == [("person", "Mary Jones"), ("org", "First Union")]


def test_title_that_names_no_one_leaves_the_body_after_it() -> None:
    assert [m.text for m in mentions("He said that Chief Executive of Acme Holdings quit.")] == ["Acme Holdings"]


def test_dotted_acronym_is_the_known_organisation() -> None:
    org = named("The meeting with the U.N. envoy was delayed.", "org")["United Nations"]
    assert org.form == "U.N."


def test_day_names_split_a_span_but_stay_inside_known_names() -> None:
    assert [m.text for m in mentions("On Monday Tony Blair spoke.")] == ["Tony Blair"]
    assert [m.text for m in mentions("He spoke to Scottish Parliament on Wednesday about it.")] == [
        "Scottish Parliament"
    ]
    assert set(named("He read The Sunday Times before the Good Friday Agreement talks.", "org")) == {
        "Sunday Times",
        "Good Friday Agreement",
    }


def test_and_joins_two_bodies_unless_a_head_word_owns_it() -> None:
    orgs = named("The Department for Education and Skills and the Home Office agreed.", "org")
    assert set(orgs) == {"Department for Education and Skills", "Home Office"}


def test_long_name_defined_by_its_initials_is_an_organisation() -> None:
    org = named("The deal was announced by the Comprehensive Energy Research Institute (CERI) later.", "org")
    assert org["Comprehensive Energy Research Institute"].abbreviation == "CERI"


def test_sites_regions_and_airlines_are_known_by_their_head_word() -> None:
    places = named("Visitors toured Horyu Temple and the Gulf of Mexico.", "place")
    assert (places["Horyu Temple"].detail, places["Gulf of Mexico"].detail) == ("site", "region")
    assert named("He flew with Air Malta to the game.", "org")["Air Malta"].detail == "company"


def test_company_of_a_country_is_the_company_and_the_country() -> None:
    found = mentions("Officials at General Motors of Canada said costs rose.")
    assert ("org", "General Motors") in [(m.kind, m.text) for m in found]
    assert any(m.kind == "country" and m.text == "CA" for m in found)


def test_nationality_and_common_noun_is_no_organisation() -> None:
    assert "American TV" not in named("A report by American TV said so.", "org")


def test_nationality_before_a_broadcaster_is_its_country() -> None:
    found = mentions("She thanked Japanese NHK TV for the report.")
    assert [(m.kind, m.text) for m in found] == [("country", "JP"), ("org", "NHK")]


@pytest.mark.parametrize("text", ["Campaign\n\nThe campaign began.\n", "Minister\n\nOrganization\n"])
def test_a_one_word_organisation_head_at_the_end_of_a_paragraph_is_no_crash(text: str) -> None:
    # Found by the property tests: the word after an organisation head ("Campaign of ...") was
    # looked up past the end of the paragraph.
    article = parse_article(text.encode(), file="a.txt")
    extract_briefing(article, reference=date(2026, 1, 1))
