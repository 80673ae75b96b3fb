"""Story dates, date phrases, the timeline and "what to watch" (builder.authoring.extract.dates / .timeline)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from builder.authoring.extract.dates import (
    extract_timeline,
    extract_watch,
    find_date_mentions,
    find_dateline,
    resolve_story_date,
)
from builder.authoring.ingest import parse_article, read_article
from builder.model import Article, StoryDate, TimelineEvent

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "seeds" / "000_0ffeab4008b67dd0.txt"
SAMPLE_REFERENCE = date(2026, 11, 27)
# A Tuesday, as a story date given by the seed's metadata.
TUESDAY = StoryDate(date(2005, 3, 15), "metadata")


def article(*paragraphs: str, front_matter: str = "") -> Article:
    text = front_matter + "Headline\n\n" + "\n\n".join(paragraphs) + "\n"
    return parse_article(text.encode(), file="seeds/test.txt")


def timeline_of(text: str, story: StoryDate = TUESDAY) -> tuple[TimelineEvent, ...]:
    return extract_timeline(article(text), story)


def only_event(text: str, story: StoryDate = TUESDAY) -> TimelineEvent:
    events = timeline_of(text, story)
    assert len(events) == 1, events
    return events[0]


@pytest.fixture(scope="module")
def sample() -> Article:
    return read_article(SAMPLE)


@pytest.fixture(scope="module")
def sample_story(sample: Article) -> StoryDate:
    return resolve_story_date(sample, reference=SAMPLE_REFERENCE)


@pytest.fixture(scope="module")
def sample_timeline(sample: Article, sample_story: StoryDate) -> tuple[TimelineEvent, ...]:
    return extract_timeline(sample, sample_story)


# --- the sample seed ----------------------------------------------------------------------
def test_sample_story_date_is_inferred_from_the_weekday(sample_story: StoryDate) -> None:
    assert sample_story.date == date(2026, 1, 13)
    assert sample_story.basis == "weekday-inference"
    assert sample_story.year_inferred
    assert sample_story.evidence == ("p1",)
    assert {2009, 2015, 2026, 2032, 2037} <= set(sample_story.candidates)
    assert all(date(year, 1, 13).weekday() == 1 for year in sample_story.candidates)
    assert all(abs(year - SAMPLE_REFERENCE.year) <= 30 for year in sample_story.candidates)


@pytest.mark.parametrize(
    ("iso", "precision", "status", "phrase", "words", "pid"),
    [
        ("2025-06", "month", "occurred", "June of last year", "took office", "p3"),
        ("2025-08", "month", "occurred", "August last year", "Tokyo", "p3"),
        ("2026-01-12", "day", "occurred", "Monday, January 12th", "NHK", "p4"),
        ("2026-01-13", "day", "occurred", "Tuesday, January 13th", "held talks", "p1"),
        ("2026-01-14", "day", "expected", "Wednesday", "Horyu Temple", "p10"),
        ("2026-01", "month", "planned", "late January", "dissolve the Lower House", "p11"),
        ("2026-02-08", "day", "possible", "as early as February 8th", "snap general election", "p11"),
    ],
)
def test_sample_timeline_states_each_briefing_fact(
    sample_timeline: tuple[TimelineEvent, ...],
    iso: str,
    precision: str,
    status: str,
    phrase: str,
    words: str,
    pid: str,
) -> None:
    [event] = [e for e in sample_timeline if e.text == phrase]
    assert (event.date, event.precision, event.status, event.evidence) == (iso, precision, status, (pid,))
    assert words in event.event
    assert event.inferred  # every date hangs on the inferred year


Timeline = tuple[TimelineEvent, ...]


def test_sample_timeline_is_sorted_by_date_without_duplicates(sample_timeline: Timeline) -> None:
    keys = [(e.date, int(e.evidence[0][1:])) for e in sample_timeline]
    assert keys == sorted(keys)
    assert len({(e.date, e.evidence, e.text) for e in sample_timeline}) == len(sample_timeline)


def test_sample_events_are_short_cleaned_clauses(sample_timeline: tuple[TimelineEvent, ...]) -> None:
    for event in sample_timeline:
        assert len(event.event.split()) <= 27, event.event
        assert event.event[0].isupper() or event.event[0] in '"\u201c\u2026'
        assert not event.event.endswith((" said", " to", " the", ","))
    [nhk] = [e for e in sample_timeline if e.text == "Monday, January 12th"]
    assert nhk.event.startswith("In an interview with NHK on Monday, January 12th, Lee said")


def test_sample_watch_keeps_each_hedge(sample: Article, sample_timeline: tuple[TimelineEvent, ...]) -> None:
    watch = extract_watch(sample, sample_timeline)
    dated = {(w.date, w.modality, w.evidence) for w in watch if w.date}
    assert ("2026-01-14", "expected", ("p10",)) in dated
    assert ("2026-01", "planned", ("p11",)) in dated
    assert ("2026-02-08", "possible", ("p11",)) in dated
    items = {w.modality: w.item for w in watch if w.date}
    assert "Horyu Temple" in items["expected"] and "expected to" in items["expected"]
    assert "Lower House" in items["planned"]
    assert "could be held as early as February 8th" in items["possible"]
    assert all(w.modality in {"expected", "planned", "possible"} for w in watch)
    assert not any("This year" in w.item for w in watch)  # the current year is not ahead


# --- the story date -----------------------------------------------------------------------
def test_nearest_candidate_year_to_the_reference_wins() -> None:
    story = resolve_story_date(article("Leaders met on Tuesday, January 13th."), reference=date(2032, 6, 1))
    assert story.date == date(2032, 1, 13)
    assert {2026, 2032, 2037} <= set(story.candidates)


def test_every_weekday_phrase_must_agree_with_the_year() -> None:
    # In a leap year 13 January and 6 March are a day further apart, so leap years drop out.
    text = article("Leaders met on Tuesday, January 13th.", "A second round followed on Friday, March 6th.")
    story = resolve_story_date(text, reference=date(2032, 6, 1))
    assert story.date == date(2026, 1, 13)  # 2037 also agrees, but is after the reference
    assert 2032 not in story.candidates and 2004 not in story.candidates
    assert {2026, 2037} <= set(story.candidates)


def test_equally_near_candidate_years_pick_the_earlier() -> None:
    midway = date(2015, 1, 13) + (date(2026, 1, 13) - date(2015, 1, 13)) / 2
    story = resolve_story_date(article("Leaders met on Tuesday, January 13th."), reference=midway)
    assert story.date == date(2015, 1, 13)


def test_weekday_date_in_the_lead_beats_later_ones() -> None:
    text = article("Talks opened on Monday, 12 January.", "They are due to close on Friday, 16 January.")
    story = resolve_story_date(text, reference=date(2026, 6, 1))
    assert story.date == date(2026, 1, 12)


def test_dateline_with_a_full_date_is_trusted() -> None:
    story = resolve_story_date(
        article("BRUSSELS 1996-08-22 The Commission said it would act."), reference=date(2026, 1, 1)
    )
    assert (story.date, story.basis, story.year_inferred) == (date(1996, 8, 22), "dateline", False)


def test_dateline_without_a_year_takes_the_nearest_one() -> None:
    text = article("LONDON, March 3 (Reuters) - Shares fell sharply in early trade.")
    story = resolve_story_date(text, reference=date(2005, 6, 1))
    assert (story.date, story.basis, story.year_inferred) == (date(2005, 3, 3), "dateline", True)


def test_dateline_without_a_date_leaves_the_weekday_to_decide() -> None:
    text = article("TOKYO (AP) \u2014 The two leaders met on Tuesday, January 13th.")
    story = resolve_story_date(text, reference=date(2026, 6, 1))
    assert (story.date, story.basis) == (date(2026, 1, 13), "weekday-inference")
    assert [e.text for e in extract_timeline(text, story)] == ["Tuesday, January 13th"]


def test_seed_metadata_beats_everything_in_the_text() -> None:
    text = article(
        "BRUSSELS 1996-08-22 Leaders met on Tuesday, January 13th. Sales fell last year.",
        front_matter="---\ndate: 2024-05-01\n---\n",
    )
    story = resolve_story_date(text, reference=date(2026, 1, 1))
    assert (story.date, story.basis, story.year_inferred) == (date(2024, 5, 1), "metadata", False)
    last_year = next(e for e in extract_timeline(text, story) if e.text == "last year")
    assert (last_year.date, last_year.inferred) == ("2023", False)


def test_latest_full_date_not_after_the_reference_is_the_fallback() -> None:
    passed = "The law was passed on 3 May 2001 and amended on 9 June 2004."
    text = article(passed, "A review is due on 1 July 2030.")
    story = resolve_story_date(text, reference=date(2005, 6, 1))
    assert (story.date, story.basis, story.evidence) == (date(2004, 6, 9), "latest-mention", ("p1",))


def test_a_birth_date_followed_by_later_years_is_not_the_story_date() -> None:
    text = article("He was born on 27 October 1920.", "He entered parliament in 1964 and left in 1970.")
    assert resolve_story_date(text, reference=date(2005, 6, 1)).basis == "none"


def test_no_date_at_all_gives_basis_none_and_only_explicit_years() -> None:
    text = article("The plant opened in 2003 and was sold last year.")
    story = resolve_story_date(text, reference=date(2005, 6, 1))
    assert story == StoryDate(None, "none")
    assert [(e.date, e.text) for e in extract_timeline(text, story)] == [("2003", "2003")]


# --- date phrases -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "iso", "precision", "phrase"),
    [
        ("Sales fell last year.", "2004", "year", "last year"),
        ("The firm was bought in June of last year.", "2004-06", "month", "June of last year"),
        ("It was sold in August last year.", "2004-08", "month", "August last year"),
        ("Prices rose last month.", "2005-02", "month", "last month"),
        ("The vote will be held next week.", "2005-03", "month", "next week"),
        ("He resigned yesterday.", "2005-03-14", "day", "yesterday"),
        ("The minister said on Friday that the plan had failed.", "2005-03-11", "day", "Friday"),
        ("The leaders will meet on Friday.", "2005-03-18", "day", "Friday"),
        ("The team was named for Saturday's match.", "2005-03-19", "day", "Saturday"),
        ("Talks are due to end in late January.", "2006-01", "month", "late January"),
        ("The deal closed at the end of January.", "2005-01", "month", "the end of January"),
        ("A budget is expected early next year.", "2006", "year", "early next year"),
        ("Profits rose this year.", "2005", "year", "this year"),
        ("The plant opened in 2003.", "2003", "year", "2003"),
        ("Two years ago the plant closed.", "2003", "year", "Two years ago"),
        ("Output will double by 2008.", "2008", "year", "2008"),
        ("The shares were floated on 9 June 2004.", "2004-06-09", "day", "9 June 2004"),
    ],
)
def test_relative_and_partial_phrases_resolve_against_the_story_date(
    text: str, iso: str, precision: str, phrase: str
) -> None:
    event = only_event(text)
    assert (event.date, event.precision, event.text) == (iso, precision, phrase)


def test_the_following_year_counts_from_the_date_before_it() -> None:
    events = timeline_of("He joined the club in 2001. The following year he was made captain.")
    assert [(e.date, e.text) for e in events] == [("2001", "2001"), ("2002", "The following year")]


def test_relative_dates_inherit_an_inferred_year() -> None:
    story = StoryDate(date(2026, 1, 13), "weekday-inference", year_inferred=True)
    assert only_event("Sales fell last year.", story).inferred
    assert not only_event("Sales fell last year.").inferred


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The two leaders are expected to visit the temple on Wednesday.", "expected"),
        ("The minister is planning to resign next month.", "planned"),
        ("The board will meet next month.", "planned"),
        ("The museum is scheduled to open next month.", "planned"),
        ("An election could be held as early as 8 February.", "possible"),
        ("Prices may rise next month.", "possible"),
        ("Rates might fall next month.", "possible"),
        ("The firm may have lost money in 2004.", "possible"),
        ("Profits rose 5% in 2004.", "occurred"),
        ("The talks were expected to end last week.", "occurred"),
        ("The fund is to cut its forecast for this year.", "planned"),
        ("Voters will need to have registered by Friday.", "planned"),
    ],
)
def test_status_comes_from_the_sentence_modality(text: str, status: str) -> None:
    assert only_event(text).status == status


def test_each_clause_keeps_its_own_hedge() -> None:
    text = "The company said on Friday that it would cut 500 jobs next year."
    statuses = [(e.text, e.status) for e in timeline_of(text)]
    assert statuses == [("Friday", "occurred"), ("next year", "planned")]
    coordinated = "The party plans a vote in late January, and a poll could follow as early as 8 February."
    assert [(e.text, e.status) for e in timeline_of(coordinated)] == [
        ("late January", "planned"),
        ("as early as 8 February", "possible"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "She may leave the club soon.",
        "Brian May played guitar.",
        "May I ask a question?",
        "Some 5 million people voted.",
        "They won 2-1 at home.",
        "He was aged 25 when he joined.",
        "More than 2000 people came.",
        "Kick-off is at 1900 GMT.",
        "The PC runs Windows 2000.",
        "The screen shows films at resolutions of 2048 x 1080 pixels.",
        "Cinemas project at 2048 * 1080.",
        "Black Friday sales were strong.",
        "Fans of Sheffield Wednesday sang.",
        "The inquiry into Bloody Sunday reported.",
        "Lent begins with Ash Wednesday.",
        "The bid was worth £2005m.",
        "Sheffield Wednesday lost again.",
        "The Sunday Times ran the story.",
        "June Sarpong presented the show.",
        "Over the next year the firm will grow.",
    ],
)
def test_numbers_names_and_the_modal_may_are_not_dates(text: str) -> None:
    assert find_date_mentions(text) == ()


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Prices may rise in May.", "May"),
        ("The poll is on May 5.", "May 5"),
        ("The law took effect on 1 May 2004.", "1 May 2004"),
        ("Sales have risen since May.", "May"),
        ("The talks ended in mid-May.", "mid-May"),
    ],
)
def test_may_is_a_month_beside_a_day_a_year_or_a_preposition(text: str, phrase: str) -> None:
    assert [m.text for m in find_date_mentions(text)] == [phrase]


# --- what to watch ------------------------------------------------------------------------
def watch_of(text: str) -> list[tuple[str | None, str]]:
    body = article(text)
    return [(w.date, w.modality) for w in extract_watch(body, extract_timeline(body, TUESDAY))]


def test_undated_plans_and_expectations_are_watched() -> None:
    assert watch_of("The company plans to open 50 new stores.") == [(None, "planned")]
    assert watch_of("The bank is expected to raise rates.") == [(None, "expected")]


def test_quotes_conditions_and_past_events_are_not_watched() -> None:
    assert watch_of('"We will win the league," he said.') == []
    assert watch_of("If the deal fails, the firm will close.") == []
    assert watch_of("The firm cut 500 jobs last year.") == []


def test_a_hedge_is_never_upgraded_in_the_watch_list() -> None:
    assert watch_of("An election could be held as early as 8 February.") == [("2006-02-08", "possible")]
    assert watch_of("The leaders are expected to meet on Friday.") == [("2005-03-18", "expected")]


# --- the story date on text with no date of its own ---------------------------------------
def test_the_story_date_is_never_after_the_reference_date() -> None:
    text = article("The mayor opened the bridge on Sunday 27 February.")
    story = resolve_story_date(text, reference=date(2026, 12, 4))
    assert story.date is not None and story.date <= date(2026, 12, 4)
    assert story.date.weekday() == 6


def test_a_previewed_event_does_not_date_the_story() -> None:
    text = article("This year's awards ceremony will be held on Sunday 27 February.")
    assert resolve_story_date(text, reference=date(2026, 12, 4)) == StoryDate(None, "none")


def test_a_fixture_heading_does_not_date_the_story() -> None:
    text = article("Saturday, 26 February", "The coach has named an unchanged side.")
    assert resolve_story_date(text, reference=date(2026, 12, 4)).basis == "none"


def test_an_undated_story_keeps_its_month_and_day_mentions_without_a_year() -> None:
    text = article("The ceremony will be held on Sunday 27 February.", "The film opened in June.")
    story = resolve_story_date(text, reference=date(2026, 12, 4))
    events = [(e.date, e.precision, e.status, e.inferred) for e in extract_timeline(text, story)]
    assert events == [("--02-27", "day", "planned", False), ("--06", "month", "occurred", False)]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The two semi-finals are to be played on Sunday.", "expected"),
        ("The final is being shown on television on Saturday.", "planned"),
        ("Highlights can be seen on Friday.", "possible"),
    ],
)
def test_scheduled_passives_are_ahead_of_the_story(text: str, status: str) -> None:
    assert only_event(text).status == status


def test_a_plan_that_was_in_the_past_stays_past() -> None:
    assert only_event("The match was to be played on Saturday but was called off.").status == "occurred"


# --- datelines ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "paragraphs",
    [
        ("PERTH 1996-08-30", "Share prices closed higher on Friday."),
        ("A. N. Writer", "PERTH 1996-08-30", "Share prices closed higher on Friday."),
        ("By A. N. Writer", "PERTH, Western Australia 1996-08-30", "Share prices closed higher on Friday."),
    ],
)
def test_a_dateline_behind_a_byline_dates_the_story_and_is_no_event(paragraphs: tuple[str, ...]) -> None:
    text = article(*paragraphs)
    story = resolve_story_date(text, reference=date(2026, 1, 1))
    assert (story.date, story.basis) == (date(1996, 8, 30), "dateline")
    assert [e.text for e in extract_timeline(text, story)] == ["Friday"]


def test_a_dateline_after_the_reference_date_is_not_the_story_date() -> None:
    text = article("PERTH 1996-08-30", "Share prices closed higher.")
    assert resolve_story_date(text, reference=date(1990, 1, 1)).basis == "none"


def test_find_dateline_reads_the_place_and_agency_form() -> None:
    length, mention = find_dateline("HOBART (Wire) - The council met.")
    assert length == len("HOBART (Wire) - ") and mention is None
    length, mention = find_dateline("HOBART, Tasmania 2001-03-04 The council met.")
    assert mention is not None and (mention.year, mention.month, mention.day) == (2001, 3, 4)


# --- watch items stand on their own -------------------------------------------------------
def watch_items(text: str) -> list[str]:
    body = article(text)
    return [w.item for w in extract_watch(body, extract_timeline(body, TUESDAY))]


def test_a_watch_item_cut_at_a_relative_clause_gets_its_subject_back() -> None:
    text = (
        "The vote could be a boost for Jane Doe, who has announced plans to dissolve the council "
        "at the end of March, with a possible snap vote as early as 8 May."
    )
    items = watch_items(text)
    assert (
        "Jane Doe has announced plans to dissolve the council at the end of March, with a possible snap vote as early as 8 May"
        in items
    )
    assert not any(item.lower().startswith(("who", "which")) for item in items)


def test_a_watch_item_cut_before_its_verb_keeps_the_subject() -> None:
    text = (
        "The new rules, which were agreed by ministers from all of the member states after a long dispute, "
        "will cover many of the biggest deals from next month."
    )
    [item] = watch_items(text)
    assert item.startswith("The new rules \u2026 will cover many of the biggest deals")


def test_a_coordinated_verb_phrase_shares_its_subject() -> None:
    items = watch_items("The bank has raised rates twice, and is expected to raise them again.")
    assert not any(item.lower().startswith(("is ", "will ")) for item in items)


@pytest.mark.parametrize(
    "text",
    [
        "The ceremony takes place on 27 February 2026.",
        "The ceremony, hosted by a comedian, takes place on 27 February 2026.",
        "The hosts play their neighbours on Saturday 12 December.",
        "Supporters can watch the team train on Friday, 4 December.",
        "Voters will need to have registered by Friday 11 December.",
    ],
)
def test_a_schedule_in_the_present_tense_does_not_date_the_story(text: str) -> None:
    assert resolve_story_date(article(text), reference=date(2026, 12, 31)).basis == "none"


def test_a_day_reported_in_the_past_tense_dates_the_story() -> None:
    story = resolve_story_date(
        article("The hosts beat their neighbours on Saturday 12 December."), reference=date(2026, 12, 31)
    )
    assert (story.date, story.basis) == (date(2026, 12, 12), "weekday-inference")
