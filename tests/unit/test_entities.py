"""People, places, organisations and countries: what a reader of the note would notice."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from builder.authoring.extract.entities import Entities, extract_entities, resolve_name
from builder.authoring.extract.roles import tokenize
from builder.authoring.ingest import read_article
from builder.model import Article, Person

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "000_0ffeab4008b67dd0.txt"


def article(*paragraphs: str, headline: str = "A story") -> Article:
    return Article(file="test.txt", headline=headline, paragraphs=paragraphs, sha256="0" * 64)


def entities(*paragraphs: str, headline: str = "A story") -> Entities:
    return extract_entities(article(*paragraphs, headline=headline))


def person(found: Entities, name: str) -> Person:
    matches = [p for p in found.people if p.name == name]
    assert matches, f"{name!r} not among {[p.name for p in found.people]}"
    return matches[0]


@pytest.fixture(scope="module")
def sample() -> Entities:
    return extract_entities(read_article(SAMPLE))


# --- the sample seed -----------------------------------------------------------------------------


def test_sample_people_have_roles_countries_and_ids(sample: Entities) -> None:
    takai = person(sample, "Sanae Takai")
    lee = person(sample, "Lee Jae-myeong")
    ishiba = person(sample, "Shigeru Ishiba")
    assert (takai.id, takai.role, takai.country, takai.former) == (
        "sanae-takai",
        "Prime Minister",
        "JP",
        False,
    )
    assert (lee.id, lee.role, lee.country, lee.former) == ("lee-jae-myeong", "President", "KR", False)
    assert (ishiba.role, ishiba.country, ishiba.former) == ("then-Prime Minister", "JP", True)


def test_sample_has_exactly_the_three_people_in_order_of_first_mention(sample: Entities) -> None:
    assert [p.name for p in sample.people] == ["Lee Jae-myeong", "Sanae Takai", "Shigeru Ishiba"]


def test_sample_surnames_and_possessives_resolve_to_the_full_name(sample: Entities) -> None:
    lee = person(sample, "Lee Jae-myeong")
    takai = person(sample, "Sanae Takai")
    assert "Lee" in lee.aliases and "Takai" in takai.aliases
    # "Takai's hometown" (p2) and "Lee Jae-myeong's office" (p8) count as mentions
    assert "p2" in takai.evidence and "p8" in lee.evidence
    assert lee.evidence == tuple(sorted(set(lee.evidence), key=lambda pid: int(pid[1:])))
    assert lee.mentions >= len(lee.evidence)


def test_title_case_headline_words_are_not_people(sample: Entities) -> None:
    names = {p.name for p in sample.people} | {a for p in sample.people for a in p.aliases}
    assert not any("Emphasize" in n or "Cooperation" in n or "Summit" in n for n in names)
    assert "p0" in person(sample, "Lee Jae-myeong").evidence  # "President Lee" in the headline


def test_headline_name_missing_from_body_is_reported(sample: Entities) -> None:
    assert sample.headline_only == ("Koizumi",)


def test_sample_places_with_kinds_and_countries(sample: Entities) -> None:
    places = {p.name: (p.kind, p.country) for p in sample.places}
    assert places["Nara"] == ("city", "JP")
    assert places["Tokyo"] == ("city", "JP")
    assert places["Busan"] == ("city", "KR")
    assert places["Fukushima"][0] in ("city", "region") and places["Fukushima"][1] == "JP"
    assert places["Taiwan"] == ("country", "TW")
    assert places["Korean Peninsula"][0] == "region"
    assert places["Horyu Temple"] == ("site", "JP")
    assert {p.id for p in sample.places} >= {"nara", "korean-peninsula", "horyu-temple"}


def test_sample_countries_main_and_mentioned(sample: Entities) -> None:
    roles = {c.code: c.role for c in sample.countries}
    assert {code for code, role in roles.items() if role == "main"} == {"JP", "KR"}
    assert {code for code, role in roles.items() if role == "mentioned"} == {"CN", "KP", "US", "TW"}


def test_sample_organisations(sample: Entities) -> None:
    orgs = {o.name: o for o in sample.organizations}
    assert orgs["NHK"].kind == "broadcaster"
    cptpp = orgs["Comprehensive and Progressive Agreement for Trans-Pacific Partnership"]
    assert cptpp.abbreviation == "CPTPP"
    assert not any(name.startswith(("Progressive", "Trans-Pacific")) for name in orgs)


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Lee", "lee-jae-myeong"),
        ("Takai", "sanae-takai"),
        ("Lee Jae-myeong", "lee-jae-myeong"),
        ("President Lee", "lee-jae-myeong"),
        ("Lee Jae-myeong's office", "lee-jae-myeong"),
        ("Takai's", "sanae-takai"),
        ("NHK", "nhk"),
        ("CPTPP", "comprehensive-and-progressive-agreement-for-trans-pacific-partnership"),
        ("Koizumi", None),
    ],
)
def test_resolve_name_on_the_sample(sample: Entities, surface: str, expected: str | None) -> None:
    assert resolve_name(sample, surface) == expected


# --- small snippets --------------------------------------------------------------------------------


def test_honorific_and_title_forms_join_the_full_name() -> None:
    found = entities(
        "Chancellor Gordon Brown unveiled the budget on Wednesday.",
        "Mr Brown said the economy was strong. Brown added that taxes would not rise.",
    )
    brown = person(found, "Gordon Brown")
    assert brown.role == "Chancellor"
    assert {"Mr Brown", "Brown"} <= set(brown.aliases)
    assert brown.mentions == 3 and brown.evidence == ("p1", "p2")
    assert resolve_name(found, "Mr Brown") == "gordon-brown"


def test_lone_honorific_form_is_a_person_named_without_the_honorific() -> None:
    found = entities("The plan was backed by ministers, Mr Blair told reporters in London.")
    blair = person(found, "Blair")
    assert blair.aliases == ("Mr Blair",)
    assert resolve_name(found, "Mr Blair") == "blair"


def test_full_form_elsewhere_names_the_honorific_form() -> None:
    found = entities("Mr Blair spoke first.", "Later Tony Blair met union leaders.")
    assert [p.name for p in found.people] == ["Tony Blair"]
    assert person(found, "Tony Blair").aliases == ("Mr Blair",)


def test_two_people_sharing_a_surname_stay_apart() -> None:
    found = entities(
        "Chancellor Gordon Brown met farm minister Nick Brown on Monday.",
        "Mr Brown, the farm minister, said talks had gone well.",
    )
    assert {p.name for p in found.people} == {"Gordon Brown", "Nick Brown"}
    # the nearest full mention before "Mr Brown" is Nick Brown
    assert "p2" in person(found, "Nick Brown").evidence
    assert "p2" not in person(found, "Gordon Brown").evidence
    assert resolve_name(found, "Brown") is None  # ambiguous on its own


def test_hyphenated_korean_given_name_is_one_name() -> None:
    found = entities("President Moon Jae-in met Kim Jong-un at the border.", "Moon said the talks were useful.")
    assert {p.name for p in found.people} == {"Moon Jae-in", "Kim Jong-un"}
    assert "Moon" in person(found, "Moon Jae-in").aliases


def test_former_roles_take_the_country_of_an_earlier_holder_of_the_title() -> None:
    found = entities(
        "French President Marie Dupont visited the plant.",
        "Her predecessor, former President Jean Martin, had opposed it.",
    )
    martin = person(found, "Jean Martin")
    assert (martin.role, martin.former, martin.country) == ("former President", True, "FR")


def test_lower_case_role_nouns_and_appositions_give_roles() -> None:
    found = entities(
        'US playwright Eve Ensler defended the show. "It is art," said Ensler.',
        "David Frost, director general of the chamber, disagreed.",
    )
    ensler = person(found, "Eve Ensler")
    assert (ensler.role, ensler.country) == ("playwright", "US")
    assert person(found, "David Frost").role == "director general"


def test_clubs_named_after_cities_are_organisations_in_sport_stories() -> None:
    found = entities(
        "Chelsea beat Arsenal 2-1 in the league on Saturday, while Leeds United drew at home.",
        "The Chelsea manager praised his striker after the match.",
    )
    clubs = {o.name for o in found.organizations if o.kind == "club"}
    assert {"Chelsea", "Arsenal", "Leeds United"} <= clubs
    assert not {p.name for p in found.places} & {"Chelsea", "Leeds"}


def test_the_same_name_is_a_place_outside_sport() -> None:
    found = entities("The artist grew up in Chelsea and later moved to Liverpool to open a gallery.")
    places = {p.name: p.kind for p in found.places}
    assert places.get("Chelsea") == "city" and places.get("Liverpool") == "city"
    assert not found.organizations


def test_long_name_with_abbreviation_is_one_organisation() -> None:
    found = entities(
        "Canada wants to join the Comprehensive and Progressive Agreement for Trans-Pacific Partnership "
        "(CPTPP) next year.",
        "Officials said the CPTPP would benefit farmers.",
    )
    (cptpp,) = found.organizations
    assert cptpp.abbreviation == "CPTPP" and cptpp.kind == "agreement"
    assert cptpp.evidence == ("p1", "p2")
    assert resolve_name(found, "CPTPP") == cptpp.id


def test_demonyms_count_as_countries_but_are_not_places() -> None:
    found = entities("Japanese officials met South Korean diplomats to discuss trade.")
    assert {c.code for c in found.countries} == {"JP", "KR"}
    assert found.places == ()


def test_headline_only_names_and_ordinary_title_case_words() -> None:
    found = entities(
        "The two leaders met in Seoul on Tuesday to discuss trade.",
        headline="Trade Summit: Leaders Emphasize Cooperation In Talks With Koizumi",
    )
    assert found.headline_only == ("Koizumi",)
    assert found.people == ()


def test_headline_names_found_in_the_body_are_confirmed_not_reported() -> None:
    found = entities("Sprinter Kim Collins will race in Birmingham.", headline="Collins to compete in Birmingham")
    assert found.headline_only == ()
    assert person(found, "Kim Collins").evidence == ("p0", "p1")


def test_all_caps_headline_is_read_like_any_other() -> None:
    found = entities("Prime Minister Sanae Takai met reporters in Tokyo.", headline="TAKAI VISITS TOKYO")
    assert person(found, "Sanae Takai").evidence == ("p0", "p1")
    assert found.headline_only == ()


def test_sentence_initial_words_days_and_months_are_not_entities() -> None:
    found = entities(
        "Shares fell on Monday. Analysts said January sales were weak. Meanwhile, The company said "
        "Prosecutors would appeal in March."
    )
    assert found.people == () and found.places == () and found.organizations == ()


def test_fictional_characters_are_not_people() -> None:
    found = entities("Harry Potter topped the chart again, the publisher said on Friday.")
    assert found.people == ()


def test_ids_are_slugs_and_order_is_first_mention() -> None:
    found = entities("Ms Ruth Kelly met Dr Alan Smith.", "Alan Smith later met Ruth Kelly.")
    assert [(p.name, p.id) for p in found.people] == [
        ("Ruth Kelly", "ruth-kelly"),
        ("Alan Smith", "alan-smith"),
    ]


def test_gazetteer_is_small_package_data() -> None:
    data = resources.files("builder.authoring.extract").joinpath("data").joinpath("gazetteer.json")
    assert data.is_file()
    assert len(data.read_bytes()) < 1_500_000


def test_knighted_first_name_joins_the_full_name() -> None:
    found = entities("Manchester United manager Sir Alex Ferguson praised his players.", "Sir Alex said so.")
    ferguson = person(found, "Alex Ferguson")
    assert ferguson.role == "Manchester United manager"
    assert "Sir Alex" in ferguson.aliases and ferguson.evidence == ("p1", "p2")


def test_companies_from_context_and_acronyms_from_initials() -> None:
    found = entities(
        "Phone companies such as Nokia, Alcatel and Telefonica backed the plan, as did car firm Carfax.",
        "The Child Support Agency disagreed. A CSA spokesman said so.",
    )
    orgs = {o.name: o for o in found.organizations}
    assert {"Nokia", "Alcatel", "Telefonica", "Carfax"} <= set(orgs)
    assert orgs["Child Support Agency"].abbreviation == "CSA"
    assert "CSA" not in orgs


# --- organisation spans and contexts --------------------------------------------------------------


def org_names(found: Entities) -> set[str]:
    return {o.name for o in found.organizations}


def test_a_date_or_a_country_after_an_organisation_is_not_part_of_its_name() -> None:
    found = entities(
        "The minister made a statement to the Welsh Assembly on Thursday.",
        "Later, Northwind Motors of the US said it would build a plant.",
    )
    assert {"Welsh Assembly", "Northwind Motors"} <= org_names(found)
    assert not any("Thursday" in n or " of the US" in n for n in org_names(found))
    assert "US" in {c.code for c in found.countries}


def test_a_title_before_of_leaves_only_the_organisation() -> None:
    found = entities('"It works," said Jane Porter, Chief Executive of Microsoft UK, on the launch.')
    assert "Microsoft UK" in org_names(found)
    assert not any(n.startswith("Chief") for n in org_names(found))
    assert person(found, "Jane Porter")


def test_ampersand_joins_one_company_name() -> None:
    found = entities("Rivals include Harbour Press & General Trust, analysts believe.")
    assert "Harbour Press & General Trust" in org_names(found)
    assert "General Trust" not in org_names(found)


def test_organisation_tails_and_nationality_with_a_proper_tail() -> None:
    found = entities(
        "The plan was criticised by Tenancy Watch and the Open Data Initiative.",
        "The Scottish Executive and the Maltese Federation welcomed it, unlike American TV.",
    )
    names = org_names(found)
    assert {"Tenancy Watch", "Open Data Initiative", "Scottish Executive", "Maltese Federation"} <= names
    assert "American TV" not in names


def test_air_before_a_name_is_an_airline_but_air_force_is_not() -> None:
    found = entities("Air Malta ordered jets, while the Royal Air Force Chief spoke.", "Staff at Air Zamunda agreed.")
    orgs = {o.name: o.kind for o in found.organizations}
    assert orgs.get("Air Malta") == "company" and orgs.get("Air Zamunda") == "company"


def test_broadcaster_services_keep_the_broadcaster_name() -> None:
    found = entities(
        "He told BBC Radio 4's Today programme the deal was done.",
        'Speaking to BBC Sport, she said: "We are happy."',
    )
    assert {"BBC Radio 4", "BBC Sport"} <= org_names(found)
    assert "BBC Radio" not in org_names(found)
    assert "Channel 4" in org_names(entities("The film was shown on Channel 4 last night."))


def test_a_national_arm_stays_apart_from_its_parent() -> None:
    found = entities("Sony said profits rose.", "Analysts at Sony Europe were less sure.")
    assert {"Sony", "Sony Europe"} <= org_names(found)


def test_a_noun_before_or_after_a_name_makes_it_an_organisation() -> None:
    found = entities(
        "The rock band Blue Harbour played, and think-tank Civitas published a report.",
        "The airline, Jetwing, will add routes, according to analysts Gartner.",
        "One of the largest game makers, Pixel Forge Games, has closed.",
        "Biometra, the US technology consultancy, has tested the system.",
    )
    orgs = {o.name: o.kind for o in found.organizations}
    assert orgs.get("Blue Harbour") == "band"
    assert orgs.get("Civitas") == "think tank"
    assert {"Jetwing", "Gartner", "Pixel Forge Games", "Biometra"} <= set(orgs)


def test_a_noun_and_comma_before_a_speaker_is_no_apposition() -> None:
    found = entities('Talking to the Herald newspaper, Goldberg added: "We are ready."')
    assert "Goldberg" not in org_names(found)


def test_listed_names_after_a_country_possessive_or_a_dash_are_companies() -> None:
    found = entities(
        "Bidders include firms such as Germany's Krauss and Italy's Fincantieri.",
        "It also signed deals with two Indian airlines - Jetlink and Falcon.",
    )
    assert {"Krauss", "Fincantieri", "Jetlink", "Falcon"} <= org_names(found)


def test_awards_are_not_organisations() -> None:
    found = entities("The film won two Oscars and a Bafta, and was up for the Golden Globes.")
    assert org_names(found) == set()


def test_known_party_before_a_title_and_surface_forms_as_aliases() -> None:
    found = entities(
        "Tory Shadow Home Secretary David Davis attacked the plan.",
        "Satellite broadcaster BSkyB said it would launch the service.",
    )
    orgs = {o.name: o for o in found.organizations}
    assert "Tory" in orgs["Conservative Party"].aliases
    assert "BSkyB" in orgs["Sky"].aliases
    assert resolve_name(found, "BSkyB") == orgs["Sky"].id


def test_acronyms_of_formats_and_lower_case_terms_are_not_organisations() -> None:
    found = entities(
        "Songs in the FLAC format play on it, as do those in OGGX.",
        "Firms use customer relationship management (CRM) tools. The CRM market grew.",
    )
    assert not {"FLAC", "CRM"} & org_names(found)


def test_titles_of_works_name_nothing() -> None:
    found = entities(
        "Her album You Are The Ocean sold well, and Madonna's Like A Prayer Wheel did too.",
        "The Campaign Against Arms Trade and the RSPCA objected.",
    )
    names = org_names(found) | {p.name for p in found.places} | {p.name for p in found.people}
    assert not any(w in n for n in names for w in ("Ocean", "Prayer", "Wheel"))
    assert "RSPCA" in org_names(found)


def test_seas_need_a_name_and_gulfs_come_first() -> None:
    found = entities("She sang Beyond the Sea on a cruise across the Bay of Biscay.")
    places = {p.name: p.kind for p in found.places}
    assert places.get("Bay of Biscay") == "region"
    assert not any("Sea" in n for n in places)


def test_a_club_named_after_its_town_is_the_town_after_in() -> None:
    found = entities(
        "The match in Lyon was the club's best of the season, the coach said after the goals and the penalty.",
        "Lyon beat their rivals to stay top of the league.",
    )
    assert "Lyon" in {p.name for p in found.places}


def test_a_name_before_station_is_a_place() -> None:
    found = entities("We met at Waverley station before the talks.")
    assert {p.name: p.kind for p in found.places}.get("Waverley") == "site"


def test_seed_is_a_role_noun() -> None:
    found = entities("Fourth seed Tomas Berdych beat him in straight sets.")
    assert person(found, "Tomas Berdych").role is not None


def test_token_offsets_hold_across_any_whitespace() -> None:
    text = 'The\u00a0U.S. firm\tAcme\'s  chief,\n\u2003Ann Lee-Smith, said:\u2026 "US-led" 4-1.'
    tokens = tokenize(text, lambda head: head == "US")
    assert [t.text for t in tokens] == [
        "The", "U.S.", "firm", "Acme", "chief", ",", "Ann", "Lee-Smith", ",", "said", ":", "\u2026",
        '"', "US", "led", '"', "4", "-", "1.",
    ]  # fmt: skip
    for token in tokens:
        assert text[token.start : token.end].startswith(token.text)
    assert [t.text for t in tokens if t.initial] == ["The", "\u2026", '"', "US", "4"]


def test_plural_demonyms_and_possessive_names_are_still_looked_up() -> None:
    found = entities("Most Israelis backed the deal, said a spokesman for Sainsbury's on Monday.")
    assert "IL" in [c.code for c in found.countries]
    assert "Sainsbury's" in [o.name for o in found.organizations]


# --- datelines, bylines, surface forms of places, titled pairs ------------------------------------


def test_a_wire_dateline_names_a_place_never_an_organisation() -> None:
    found = entities("OSLO 2001-03-04", "The ferry sailed late on Sunday after a storm.")
    assert [p.name for p in found.places] == ["Oslo"]
    assert found.organizations == ()
    found = entities("PERTH, Australia (Wire) - The council met on Monday.")
    assert [p.name for p in found.places] == ["Perth", "Australia"]
    assert found.places[0].country == "AU"
    assert "PERTH" not in [o.name for o in found.organizations]


def test_a_dateline_after_a_byline_and_the_byline_writer() -> None:
    found = entities("Martha Quill", "CAIRO 2001-03-04", "Ticket prices rose again, traders said.")
    assert [p.name for p in found.people] == ["Martha Quill"]
    assert [p.name for p in found.places] == ["Cairo"]
    assert found.organizations == ()


def test_a_place_keeps_the_forms_the_text_gives_it() -> None:
    found = entities("Britain and the UK are one country to the map-makers.")
    (uk,) = found.places
    # named as the text first names it; the id is the reference name's, shared with other notes
    assert (uk.name, uk.id, uk.country, set(uk.aliases)) == ("Britain", "united-kingdom", "GB", {"UK"})
    (spelled,) = entities("The United Kingdom and Britain are one country.").places
    assert (spelled.name, spelled.id) == ("United Kingdom", "united-kingdom")


def test_two_titled_people_joined_by_and_keep_their_own_roles() -> None:
    found = entities("On Friday, French President Anne Morel and Italian Prime Minister Luca Bianchi met in Rome.")
    morel, bianchi = person(found, "Anne Morel"), person(found, "Luca Bianchi")
    assert (morel.role, morel.country) == ("President", "FR")
    assert (bianchi.role, bianchi.country) == ("Prime Minister", "IT")


def test_dotted_acronyms_and_abbreviated_company_suffixes_keep_their_form() -> None:
    found = entities("The U.N. team met staff of Zentrix Corp. and Halvard Inc. on Monday.")
    names = {o.name: o for o in found.organizations}
    # the text never spells the name out: the note names it as written, under the full name's id
    assert names["U.N."].id == "united-nations"
    assert {"Zentrix Corp.", "Halvard Inc."} <= set(names)
    spelled = {o.name: o for o in entities("The United Nations and the U.N. staff met.").organizations}
    assert "U.N." in spelled["United Nations"].aliases


def test_teams_of_a_place_and_a_plural_nickname_in_sport_copy() -> None:
    found = entities(
        "The Tulsa Comets beat the Omaha Red Sox 4-2 in the league on Friday, their coach said.",
        "The Comets scored twice in the first innings of the match.",
    )
    names = {o.name: o for o in found.organizations}
    assert {"Tulsa Comets", "Omaha Red Sox"} <= set(names)
    assert "Comets" in names["Tulsa Comets"].aliases
    assert "Tulsa" not in [p.name for p in found.places]


def test_a_place_and_an_event_is_no_team() -> None:
    found = entities("She won gold at the Athens Olympics after a season of matches and a league title.")
    assert "Athens Olympics" not in [o.name for o in found.organizations]


def test_a_player_named_like_a_city_is_no_team_nor_is_a_tournament() -> None:
    found = entities(
        "Milan Kovas scored twice as the league leaders won the match.",
        "They head to the Dubai Sevens next season, the coach said.",
    )
    orgs = [o.name for o in found.organizations]
    assert "Milan Kovas" not in orgs and "Dubai Sevens" not in orgs


# --- places and nicknames as teams in sport copy ---------------------------------------------------


def _names(found: Entities, kind: str) -> set[str]:
    items = {"org": found.organizations, "place": found.places}[kind]
    return {item.name for item in items} | {alias for item in items for alias in item.aliases}


def test_a_city_or_county_playing_a_match_is_the_team_and_stays_a_place_as_a_venue() -> None:
    found = entities(
        "In Denver, Fresno defeated Omaha 4-2 in the league on Friday to extend their winning streak.",
        "Omaha captain Bob Hale said the side had played poorly in the second half of the match.",
        "The teams meet again in Fresno next week, the coach added.",
    )
    orgs, places = _names(found, "org"), _names(found, "place")
    assert {"Fresno", "Omaha"} <= orgs
    assert "Denver" in places and "Denver" not in orgs
    assert "Omaha" not in places


def test_a_county_side_after_a_result_word_is_a_team_throughout_the_story() -> None:
    found = entities(
        "Durham need 120 runs to beat Lancashire on the last day of the championship match.",
        "Lancashire have not won a title since the season began, and their captain was out for a duck.",
    )
    assert {"Durham", "Lancashire"} <= _names(found, "org")
    assert "Lancashire" not in _names(found, "place")


def test_a_capitalised_plural_after_the_is_a_nickname_in_sport_copy() -> None:
    found = entities(
        "The Hornets beat the Falcons in the cup final, their third victory of the season.",
        "The Olympics and the Championships were not mentioned by the coach after the match.",
    )
    orgs = _names(found, "org")
    assert {"Hornets", "Falcons"} <= orgs
    assert not {"Olympics", "Championships"} & orgs


def test_a_national_side_keeps_its_country_name() -> None:
    found = entities("England beat Wales 3-1 in the league match, and the coach praised the squad.")
    assert not {"England", "Wales"} & _names(found, "org")


def test_places_outside_sport_copy_are_never_teams() -> None:
    found = entities("Fresno defeated a proposal from Omaha to share the water, officials said.")
    assert {"Fresno", "Omaha"} <= _names(found, "place")


# --- reference data beyond the generated gazetteer ------------------------------------------------


def test_a_long_international_body_name_running_past_in_is_one_organisation_with_its_abbreviation() -> None:
    found = entities(
        "Monitors from the Organisation for Security and Cooperation in Europe (OSCE) arrived on Monday.",
        "The OSCE said the vote would go ahead.",
    )
    [org] = [o for o in found.organizations if o.abbreviation == "OSCE"]
    assert org.name == "Organisation for Security and Cooperation in Europe"
    assert "OSCE" in org.aliases
    assert "Europe" not in {p.name for p in found.places}


def test_news_agencies_and_former_states_are_known() -> None:
    found = entities(
        "The veteran told the Interfax news agency that he had served in the Soviet Union and Yugoslavia.",
        "The report was also carried by Itar-Tass on Tuesday.",
    )
    assert {"Interfax", "Itar-Tass"} <= {o.name for o in found.organizations}
    assert {"Soviet Union", "Yugoslavia"} <= {p.name for p in found.places}


def test_a_saint_s_town_is_known_with_or_without_the_full_stop() -> None:
    found = entities("The company moved its offices from St Louis to Chicago last year.")
    assert {"St Louis", "Chicago"} <= {p.name for p in found.places}


# --- organisations inside longer spans --------------------------------------------------------------


def test_a_nationality_before_a_known_broadcaster_describes_it() -> None:
    found = entities("The minister told Japanese NHK TV on Monday that talks would resume.")
    assert [o.name for o in found.organizations] == ["NHK"]
    assert "JP" in {c.code for c in found.countries}


def test_a_person_of_a_company_is_a_person_and_the_company() -> None:
    found = entities(
        '"Sales were weak," said economist Mary Ellison of Kestrel Partners in Boston.',
        "Analyst David Moore of Fenwick Holdings Inc. disagreed with that view.",
    )
    assert {"Mary Ellison", "David Moore"} <= {p.name for p in found.people}
    orgs = {o.name for o in found.organizations}
    assert {"Kestrel Partners", "Fenwick Holdings Inc."} <= orgs
    assert not any(" of " in name for name in orgs)


def test_a_possessive_opening_a_registered_company_name_belongs_to_it() -> None:
    found = entities(
        "The bid for Hallam's Bancorp Inc. was raised on Friday.",
        "Shareholders of Hallam's were told to wait, while Britain's Acme Corp. stayed out.",
    )
    orgs = {o.name: o for o in found.organizations}
    assert "Hallam's Bancorp Inc." in orgs and "Hallam" in orgs["Hallam's Bancorp Inc."].aliases
    assert "Acme Corp." in orgs and "Britain's Acme Corp." not in orgs
