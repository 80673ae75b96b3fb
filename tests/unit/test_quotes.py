"""Quotes: verbatim text, who said it (as written), fragments and multi-paragraph quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.authoring.extract.quotes import extract_quotes
from builder.authoring.ingest import parse_article, read_article
from builder.model import Article, Quote

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "000_0ffeab4008b67dd0.txt"


def article(*paragraphs: str, headline: str = "Council votes on new bridge") -> Article:
    return parse_article("\n\n".join((headline, *paragraphs)).encode(), file="seeds/test.txt")


def full(quotes: tuple[Quote, ...]) -> list[Quote]:
    return [q for q in quotes if not q.fragment]


def only(quotes: tuple[Quote, ...]) -> Quote:
    assert len(quotes) == 1, quotes
    return quotes[0]


def test_sample_has_four_full_quotes_with_their_speakers_as_written() -> None:
    quotes = extract_quotes(read_article(SAMPLE))
    speakers = [(q.speaker_name, q.text[:30]) for q in full(quotes)]
    assert speakers == [
        ("Lee", "In the current complex and diz"),
        ("Takai", "This year, we hope to take Jap"),
        ("Lee Jae-myeong's office", "Amid rapidly changing internat"),
        ("Takai", "I hope to further advance Japa"),
    ]
    assert all(q.speaker is None for q in quotes)  # entity ids are resolved later, by the caller


def test_sample_quoted_phrases_are_fragments() -> None:
    fragments = {q.text for q in extract_quotes(read_article(SAMPLE)) if q.fragment}
    assert fragments == {"shuttle diplomacy", "special significance", "trouble in Taiwan"}


def test_every_sample_quote_is_verbatim_in_its_evidence_paragraph() -> None:
    sample = read_article(SAMPLE)
    for quote in extract_quotes(sample):
        assert len(quote.evidence) == 1
        assert quote.text in sample.paragraph(quote.evidence[0])


def test_sample_quote_keeps_its_own_full_stop_and_evidence() -> None:
    lee = full(extract_quotes(read_article(SAMPLE)))[0]
    assert lee.text.endswith("more important than ever before.")
    assert lee.evidence == ("p4",)


@pytest.mark.parametrize(
    "paragraph",
    [
        '"We will build the bridge by spring," Mr Okafor said.',
        '"We will build the bridge by spring," said Mr Okafor.',
        'Mr Okafor said: "We will build the bridge by spring."',
        'Mr Okafor said, "We will build the bridge by spring."',
        'On Friday, Mr Okafor told reporters: "We will build the bridge by spring."',
        '"We will build the bridge by spring," said Mr Okafor afterwards.',
    ],
)
def test_attribution_before_or_after_the_quote(paragraph: str) -> None:
    quote = only(extract_quotes(article(paragraph)))
    assert quote.speaker_name == "Mr Okafor"
    assert quote.text.startswith("We will build the bridge by spring")
    assert not quote.fragment


def test_trailing_comma_belongs_to_the_attribution_not_the_quote() -> None:
    quote = only(extract_quotes(article('"The vote was close," Ms Vance said.')))
    assert quote.text == "The vote was close"


def test_curly_quotes_are_recognised() -> None:
    quote = only(extract_quotes(article("\u201cThe vote was close,\u201d Ms Vance said.")))
    assert (quote.speaker_name, quote.text) == ("Ms Vance", "The vote was close")


def test_appositive_gives_way_to_the_name_it_describes() -> None:
    text = 'Dana Okafor, chair of the Riverside Residents Association, said: "Nobody asked us first."'
    assert only(extract_quotes(article(text))).speaker_name == "Dana Okafor"


def test_title_before_a_name_is_dropped_from_the_speaker() -> None:
    text = '"Traffic will double," council engineer Priya Nair told the meeting.'
    assert only(extract_quotes(article(text))).speaker_name == "Priya Nair"


def test_statement_from_an_office_keeps_the_possessive() -> None:
    text = 'The mayor\'s office said in a statement, "Work will start in June as planned."'
    assert only(extract_quotes(article(text))).speaker_name == "The mayor's office"


def test_pronoun_speaker_resolves_to_the_person_last_named() -> None:
    quotes = extract_quotes(
        article(
            "Council leader Dana Okafor defended the plan at a packed meeting.",
            '"We have listened to every objection," she said.',
        )
    )
    assert only(quotes).speaker_name == "Dana Okafor"


def test_pronoun_without_a_named_person_stays_unknown() -> None:
    quotes = extract_quotes(article('"It will be finished on time," he said.'))
    assert only(quotes).speaker_name is None


def test_quote_resumed_after_its_attribution_is_one_quote() -> None:
    quote = only(
        extract_quotes(article('"The bridge is safe," said Mr Okafor. "Engineers checked every bolt last week."'))
    )
    assert quote.speaker_name == "Mr Okafor" and not quote.fragment
    assert quote.text == "The bridge is safe Engineers checked every bolt last week."


def test_unattributed_quote_after_narration_continues_the_previous_speaker() -> None:
    quotes = extract_quotes(
        article(
            '"The bridge is safe," said Mr Okafor. The council will vote on the repairs in May. '
            '"Engineers checked every bolt last week."',
        )
    )
    assert [q.speaker_name for q in quotes] == ["Mr Okafor", "Mr Okafor"]


def test_whole_paragraph_quote_after_an_attributed_one_goes_on_with_it() -> None:
    quote = only(
        extract_quotes(article('"The bridge is safe," Mr Okafor said.', '"Engineers checked every bolt last week."'))
    )
    assert quote.evidence == ("p1", "p2") and quote.speaker_name == "Mr Okafor"


def test_quote_after_a_new_attribution_stays_apart() -> None:
    quotes = extract_quotes(
        article('"The bridge is safe," Mr Okafor said.', '"Nobody has checked the bolts," Ms Vance replied.')
    )
    assert [q.speaker_name for q in quotes] == ["Mr Okafor", "Ms Vance"]


def test_short_embedded_phrases_are_fragments() -> None:
    quotes = extract_quotes(article('Critics called the design "ugly" and "a waste of money" on Tuesday.'))
    assert [(q.text, q.fragment) for q in quotes] == [("ugly", True), ("a waste of money", True)]


def test_partial_quote_after_said_that_is_a_fragment_with_its_speaker() -> None:
    quote = only(extract_quotes(article('Mr Okafor said that the design was "sound in every respect".')))
    assert quote.fragment and quote.speaker_name == "Mr Okafor"
    assert quote.text == "sound in every respect"


def test_quote_continued_in_the_next_paragraph_is_joined_with_both_paragraphs_as_evidence() -> None:
    quotes = extract_quotes(
        article(
            'Mr Okafor said: "The old bridge has carried traffic for ninety years.',
            '"It is time to give the river crossing the care it deserves."',
        )
    )
    quote = only(quotes)
    assert quote.evidence == ("p1", "p2")
    assert quote.text == (
        "The old bridge has carried traffic for ninety years. "
        "It is time to give the river crossing the care it deserves."
    )
    assert quote.speaker_name == "Mr Okafor"


def test_quote_reopened_in_its_own_paragraph_gives_verbatim_parts() -> None:
    paragraph = 'Mr Okafor said: "The bridge is ninety years old. "We will replace it by 2028."'
    quotes = extract_quotes(article(paragraph))
    assert [q.text for q in quotes] == ["The bridge is ninety years old.", "We will replace it by 2028."]
    assert all(q.text in paragraph and q.speaker_name == "Mr Okafor" for q in quotes)


def test_headline_quotes_are_not_extracted() -> None:
    quotes = extract_quotes(article("The council met on Monday.", headline="Bridge plan 'a disgrace'"))
    assert quotes == ()


def test_paragraph_without_quotes_gives_nothing() -> None:
    assert extract_quotes(article("The council met on Monday and approved the budget.")) == ()


def speakers(*paragraphs: str) -> list[str | None]:
    """Entity ids (or names as written) of the full quotes, resolved with the entity extractor."""
    from builder.authoring.extract.entities import extract_entities

    source = article(*paragraphs)
    return [q.speaker for q in full(extract_quotes(source, extract_entities(source)))]


def test_agreed_attributes_in_both_orders() -> None:
    assert only(extract_quotes(article('"The plan is sound," agreed Mr Okafor.'))).speaker_name == "Mr Okafor"
    assert only(extract_quotes(article('Mr Okafor agreed: "The plan is sound."'))).speaker_name == "Mr Okafor"


def test_added_that_with_a_colon_introduces_a_whole_quote() -> None:
    quote = only(extract_quotes(article('Ms Vance added that money was short: "We need more funds for roads."')))
    assert quote.speaker_name == "Ms Vance" and not quote.fragment


def test_person_before_their_employer_is_the_speaker() -> None:
    quote = only(extract_quotes(article('"Roads come first," Dr Ann Okafor planning director at builder Grimco said.')))
    assert quote.speaker_name == "Dr Ann Okafor"


def test_quote_interrupted_by_its_attribution_keeps_the_speaker() -> None:
    quote = only(extract_quotes(article('"The bridge is late," said Ann Okafor, head of Grimco, "but it will open."')))
    assert (quote.speaker_name, quote.text) == ("Ann Okafor", "The bridge is late but it will open.")


@pytest.mark.parametrize(
    "paragraph",
    [
        'Ms Vance answered the critics, saying, "The ferry will run all winter."',
        'On Monday, Ms Vance issued a statement, saying: "The ferry will run all winter."',
        'Ms Vance wrote on her blog, adding, "The ferry will run all winter."',
    ],
)
def test_participle_introduces_a_quote_of_the_clause_subject(paragraph: str) -> None:
    quote = only(extract_quotes(article(paragraph)))
    assert (quote.speaker_name, quote.fragment) == ("Ms Vance", False)


def test_office_statement_introduced_by_a_participle() -> None:
    text = 'The mayor\'s office issued a statement, saying, "Work will start in June as planned."'
    quote = only(extract_quotes(article(text)))
    assert quote.speaker_name == "The mayor's office" and not quote.fragment


def test_description_refers_to_the_person_named_before() -> None:
    ids = speakers(
        "Striker Tom Pask scored twice as Rovers beat United on Saturday.",
        'Pask was happy with the result. "We played well," said the Rovers striker.',
    )
    assert ids == ["tom-pask"]


def test_organisation_description_refers_to_the_organisation() -> None:
    ids = speakers(
        "Builder Grimco Holdings won the contract for the bridge, its third this year.",
        'Grimco Holdings said costs would rise. "Steel is dearer," the company said.',
    )
    assert ids == ["grimco-holdings"]


def test_pronoun_skips_names_inside_quotes() -> None:
    quotes = extract_quotes(article('Mayor Ann Okafor spoke on Monday. "I thank Bob Grant for his help," she said.'))
    assert only(quotes).speaker_name == "Ann Okafor"


def test_short_name_follows_the_nearest_full_mention() -> None:
    ids = speakers(
        "Sir Ian Blair, the police chief, warned of risks on Monday.",
        "Later Tony Blair defended the plans in the Commons.",
        'Mr Blair said: "Safety comes first."',
    )
    assert ids == ["tony-blair"]


def test_doubled_apostrophes_delimit_a_quote() -> None:
    quote = only(extract_quotes(article("''The ferry will run all winter,'' said Mr Okafor.")))
    assert (quote.speaker_name, quote.text, quote.fragment) == ("Mr Okafor", "The ferry will run all winter", False)


def test_single_quote_nested_in_doubled_apostrophes_stays_in_the_text() -> None:
    quote = only(extract_quotes(article("Ms Vance said: ''They told me, 'Wait until spring.'''")))
    assert quote.text == "They told me, 'Wait until spring.'"
    assert quote.speaker_name == "Ms Vance"


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ('"The ferry will run all winter," Mr. Okafor said.', "Mr. Okafor"),
        ('"The ferry will run all winter," said Sen. Dana Okafor, a Democrat.', "Dana Okafor"),
        ('Gov. Dana Okafor told reporters: "The ferry will run all winter."', "Dana Okafor"),
        ('"The ferry will run all winter," said George T.R. Okafor.', "George T.R. Okafor"),
        ('"The ferry will run all winter," says J.J. Okafor, a pilot.', "J.J. Okafor"),
        ('"The ferry will run all winter," said J. T. Okafor.', "J. T. Okafor"),
    ],
)
def test_abbreviation_stops_do_not_end_the_attribution(paragraph: str, speaker: str) -> None:
    quote = only(extract_quotes(article(paragraph)))
    assert (quote.speaker_name, quote.fragment) == (speaker, False)


def test_sentence_ending_in_an_acronym_still_ends() -> None:
    quotes = extract_quotes(
        article('Ms Vance flew home from the U.S. "The talks went well," said Tom Grant, her aide.')
    )
    assert only(quotes).speaker_name == "Tom Grant"


def test_quote_ended_by_a_question_mark_keeps_the_attribution_after_it() -> None:
    quote = only(extract_quotes(article('"Who will pay for the ferry?" Ms Vance asked.')))
    assert quote.speaker_name == "Ms Vance"


def test_party_tag_in_brackets_does_not_hide_the_speaker() -> None:
    quote = only(extract_quotes(article('"The ferry will run all winter," Rep. Dana Okafor (D-Ohio) said.')))
    assert quote.speaker_name == "Dana Okafor"


def test_according_to_introduces_a_quote() -> None:
    quote = only(extract_quotes(article('According to Ms Vance, "the ferry will run all winter."')))
    assert (quote.speaker_name, quote.fragment) == ("Ms Vance", False)


def test_dash_and_name_under_a_quote_name_its_speaker() -> None:
    paragraph = "\u201cThe ferry must run.\u201d \u2015 Dana Okafor \u201cIt never runs on time.\u201d \u2015 Tom Grant"
    quotes = extract_quotes(article(paragraph))
    assert [(q.text, q.speaker_name) for q in quotes] == [
        ("The ferry must run.", "Dana Okafor"),
        ("It never runs on time.", "Tom Grant"),
    ]


def test_right_mark_opening_a_paragraph_opens_the_quote() -> None:
    quote = only(extract_quotes(article("\u201dThe ferry must run all winter,\u201d said Tom Grant.")))
    assert (quote.text, quote.speaker_name) == ("The ferry must run all winter", "Tom Grant")


def test_coordinated_clause_gives_the_speaker() -> None:
    text = 'Ms Vance was joined on stage by the mayor and joked, "The ferry is never late."'
    assert only(extract_quotes(article(text))).speaker_name == "Ms Vance"


def test_an_office_keeps_its_own_name_and_does_not_become_its_owner() -> None:
    from builder.authoring.extract.entities import extract_entities

    source = article(
        "Mayor Dana Okafor opened the ferry terminal on Monday.",
        'Dana Okafor\'s office said in a statement: "The ferry will run all winter."',
    )
    quote = only(full(extract_quotes(source, extract_entities(source))))
    assert (quote.speaker_name, quote.speaker) == ("Dana Okafor's office", "Dana Okafor's office")


def test_a_weekday_after_the_speaker_is_not_the_speaker() -> None:
    text = 'Tom Grant later Thursday told the council: "The ferry will run all winter."'
    assert only(extract_quotes(article(text))).speaker_name == "Tom Grant"


def test_a_place_and_weekday_before_a_description_are_not_its_name() -> None:
    text = 'At a meeting in Dover, Kent Monday, the ferry captain replied: "We sail at dawn."'
    assert only(extract_quotes(article(text))).speaker_name == "the ferry captain"


def test_as_clause_names_the_speaker() -> None:
    for text in ('As Professor Dana Okafor put it: "The ferry is the town."', 'As Tom Grant said, "We sail at dawn."'):
        assert only(extract_quotes(article(text))).speaker_name in ("Professor Dana Okafor", "Dana Okafor", "Tom Grant")


def test_sentence_ended_by_a_colon_introduces_the_quote_after_it() -> None:
    same = only(extract_quotes(article('Tom Grant went even further: "The ferry is finished."')))
    assert same.speaker_name == "Tom Grant"
    quotes = full(extract_quotes(article("Ms Vance continued:", '"We will sail at dawn, whatever the weather."')))
    assert [q.speaker_name for q in quotes] == ["Ms Vance"]


def test_the_subject_of_a_with_participle_is_the_speaker() -> None:
    text = 'The town was calmer, with harbour master Tom Grant telling the council: "We sail at dawn."'
    assert only(extract_quotes(article(text))).speaker_name == "Tom Grant"
    text = 'The plan was unpopular, with many saying it was "a waste of money".'
    assert only(extract_quotes(article(text))).speaker_name is None


def test_quote_resumed_after_a_bracketed_party_tag_keeps_the_speaker() -> None:
    text = '"The ferry will run," Rep. Dana Okafor (D-Ohio), a harbour board member, said. "It never stops."'
    quotes = extract_quotes(article(text))
    assert [q.speaker_name for q in quotes] == ["Dana Okafor"]
    assert quotes[0].text == "The ferry will run It never stops."


@pytest.mark.parametrize(
    "paragraph",
    [
        '"The ferry will run," Dana Okafor, a former director of the harbour board and a professor of shipping'
        ' at the maritime college in the old port town, said on Monday. "It never stops."',
        '"The ferry will run," Dana Okafor, 61, a retired pilot from Dover, Del., who sailed it for years, said.',
        '"The ferry will run," Dana Okafor, an adviser to the A.F.L.-C.I.O. on transport, told reporters.',
    ],
)
def test_a_long_description_between_name_and_verb_keeps_the_name(paragraph: str) -> None:
    assert {q.speaker_name for q in extract_quotes(article(paragraph))} == {"Dana Okafor"}


def test_curly_marks_inside_a_straight_quote_stay_in_it() -> None:
    text = 'Ms Vance said: "The \u201cnew\u201d ferry is the old one. It is \u201cfaster\u201d on paper only."'
    quote = only(extract_quotes(article(text)))
    assert quote.text == "The \u201cnew\u201d ferry is the old one. It is \u201cfaster\u201d on paper only."
    assert quote.speaker_name == "Ms Vance"


def test_a_quoted_phrase_belongs_to_the_subject_of_its_clause() -> None:
    quote = only(extract_quotes(article('Ms Vance thanked the crew for "a winter of hard work".')))
    assert (quote.speaker_name, quote.fragment) == ("Ms Vance", True)
    text = 'Tom Grant posted on his blog on Monday, in a reply to critics, "The ferry will run all winter."'
    assert only(extract_quotes(article(text))).speaker_name == "Tom Grant"


def test_a_quoted_phrase_in_a_later_clause_is_not_the_first_subjects() -> None:
    text = 'Dover was a busy port, with Ms Vance pointing out the "old days" of the ferry.'
    assert only(extract_quotes(article(text))).speaker_name is None


def test_a_body_and_role_before_the_name_stay_in_the_attribution_as_written() -> None:
    from builder.authoring.extract.entities import extract_entities

    source = article(
        'Harbour Board press secretary Dana Okafor said: "The ferry will run all winter."',
        '"We sail at dawn," she added.',
    )
    quotes = extract_quotes(source, extract_entities(source))
    assert [q.speaker_name for q in quotes] == ["Harbour Board press secretary Dana Okafor", "Dana Okafor"]
    assert {q.speaker for q in quotes} == {"dana-okafor"}
    text = '"The ferry will run," Bank of England governor Tom Grant said.'
    assert only(extract_quotes(article(text))).speaker_name == "Bank of England governor Tom Grant"


def test_a_demanding_question_and_a_delegate_are_attributed() -> None:
    assert (
        only(extract_quotes(article('"Why is the ferry late again?" Tom Grant demanded.'))).speaker_name == "Tom Grant"
    )
    text = '"The ferry is late," said Del. Dana Okafor of the islands.'
    assert only(extract_quotes(article(text))).speaker_name == "Dana Okafor"


def test_an_aside_between_the_speaker_and_the_verb_is_not_the_speaker() -> None:
    text = 'Tom Grant, at a later briefing, said, "The ferry will sail at dawn. We are ready."'
    assert only(extract_quotes(article(text))).speaker_name == "Tom Grant"


def test_a_name_right_before_a_participle_is_its_speaker() -> None:
    text = 'The new advert shows footage of Tom Grant saying at the launch last week, "The ferry is ready."'
    assert only(extract_quotes(article(text))).speaker_name == "Tom Grant"
    text = 'Ms Vance answered the question on Facebook writing, "Yes, I will. It was wrong."'
    assert only(extract_quotes(article(text))).speaker_name == "Ms Vance"


def test_a_quote_after_an_intro_with_no_speaker_continues_the_last_speaker() -> None:
    source = article(
        'Tom Grant said, "We won tonight. Thank you."',
        "The speech in full:",
        '"We reached the harbour at dawn. The crew was ready."',
    )
    assert [q.speaker_name for q in extract_quotes(source)] == ["Tom Grant", "Tom Grant"]


def test_a_name_and_its_appositive_are_the_subject_of_a_later_participle() -> None:
    text = 'Tom Grant, a former mayor, mocked the plan, tweeting, "Notice the ferry. Late again?"'
    assert only(extract_quotes(article(text))).speaker_name == "Tom Grant"
    text = 'Wait, it gets worse, with the board adding, "The ferry is sold."'
    assert only(extract_quotes(article(text))).speaker_name != "Wait"


def test_a_phrase_quoted_after_a_participle_belongs_to_the_clause_before() -> None:
    quote = only(extract_quotes(article('Tom Grant later defended the plan, calling the ferry "a floating wreck".')))
    assert (quote.speaker_name, quote.fragment) == ("Tom Grant", True)


def test_here_is_someone_introduces_their_words() -> None:
    text = 'Here is Tom Grant in 1992: "We will build the bridge. It will be fine."'
    assert only(extract_quotes(article(text))).speaker_name == "Tom Grant"


def test_a_name_after_a_leading_adverbial_without_a_comma_is_the_speaker() -> None:
    text = 'In a radio interview Tom Grant declared "The ferry is old. It still runs."'
    assert only(extract_quotes(article(text))).speaker_name == "Tom Grant"
    text = 'Ms Vance showed a video of the dinner, in which Tom Grant said: "We sail at dawn."'
    assert only(extract_quotes(article(text))).speaker_name == "Tom Grant"
    text = 'Tom Grant, asked about the storm under Ms Vance, had said, "The ferry will sail."'
    assert only(extract_quotes(article(text))).speaker_name == "Tom Grant"
