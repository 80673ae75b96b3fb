"""Note bodies: text shown literally, sections only when they have content, links and anchors."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from html.parser import HTMLParser

import pytest

from builder.model import Article, Briefing, Flag, Person, Quote, TimelineEvent, WatchItem
from builder.notes.body import escape_md, render_body
from builder.publish.render import make_markdown
from builder.publish.urls import Urls

BLOCK_TAGS = {"p", "br"}


class _Html(HTMLParser):
    """Visible text, tags used, and the text inside each element carrying an id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: set[str] = set()
        self.hrefs: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        values = dict(attrs)
        if values.get("href"):
            self.hrefs.append(str(values["href"]))
        if values.get("id"):
            self.ids.append(str(values["id"]))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def render(markdown: str) -> _Html:
    parser = _Html()
    parser.feed(make_markdown(Urls()).render(markdown))
    return parser


def visible(markdown: str) -> str:
    return "".join(render(markdown).text).strip()


# --- escape_md -------------------------------------------------------------------------------

LITERALS = [
    "*not italic*",
    "_not italic_",
    "**not bold**",
    "1. not a list",
    "2) not a list",
    "10. Downing Street",
    "# not a heading",
    "### not a heading",
    "[x](y)",
    "![alt](img.png)",
    "<b>tag</b>",
    "<https://example.com>",
    "a | b",
    "{#p1}",
    "- dash",
    "+ plus",
    "* star",
    "> not a quote",
    "`not code`",
    "back\\slash",
    "~~not struck~~",
    "trailing backslash\\",
    "[^1] footnote",
    "   - indented dash",
]


@pytest.mark.parametrize("text", LITERALS)
def test_escaped_text_renders_literally(text: str) -> None:
    html = render(escape_md(text))
    assert "".join(html.text).strip() == text.strip()
    assert html.tags <= BLOCK_TAGS, f"{text!r} produced markup {html.tags - BLOCK_TAGS}"


def test_escaped_text_at_the_start_of_every_line_renders_literally() -> None:
    text = "intro\n1. one\n- two\n# three\n> four\n+ five"
    html = render(escape_md(text))
    assert html.tags <= BLOCK_TAGS
    assert "".join(html.text).strip() == text


def test_escaped_pipe_stays_inside_one_table_cell() -> None:
    table = f"| A | B |\n|---|---|\n| {escape_md('x | y')} | {escape_md('*z*')} |\n"
    html = make_markdown(Urls()).render(table)
    assert html.count("<td>") == 2
    assert "<td>x | y</td>" in html
    assert "<td>*z*</td>" in html


def test_plain_text_is_unchanged_by_escaping() -> None:
    text = "Prime Minister Takai met President Lee in Nara on Tuesday (13 January), 2026."
    assert escape_md(text) == text


@pytest.mark.parametrize("text", ["&copy; 2026", "AT&amp;T", "&lt;b&gt;"])
def test_entity_references_render_literally(text: str) -> None:
    assert visible(escape_md(text)) == text


@pytest.mark.parametrize("text", ["---", "Results\n===", "Results\n---"])
def test_rules_and_setext_underlines_render_literally(text: str) -> None:
    html = render(escape_md(text))
    assert html.tags <= BLOCK_TAGS
    assert "".join(html.text).strip() == text


# --- render_body -----------------------------------------------------------------------------

ARTICLE = Article(
    file="seeds/nara.txt",
    headline="Lee, *Takai* meet in Nara",
    paragraphs=(
        "President Lee Jae-myeong met Prime Minister Sanae Takai on Tuesday.",
        '"We will deepen ties," Lee said.',
        "Topics:\n- trade\n- security",
    ),
    sha256="0" * 64,
)
LEE = Person(name="Lee Jae-myeong", id="lee-jae-myeong", role="President", country="KR", evidence=("p1",))
TAKAI = Person(name="Sanae Takai", id="sanae-takai", role="Prime Minister", country="JP", evidence=("p1",))


def briefing(**changes: object) -> Briefing:
    empty = Briefing(
        title="Lee and Takai meet in Nara",
        slug="2026-01-13-nara",
        date=date(2026, 1, 13),
        date_basis="weekday-inference",
        summary="",
        key_points=(),
        people=(),
        places=(),
        organizations=(),
        countries=(),
        topics=(),
        quotes=(),
        timeline=(),
        watch=(),
        flags=(),
        source={"file": "seeds/nara.txt"},
    )
    return dataclasses.replace(empty, **changes)  # type: ignore[arg-type]


FULL = briefing(
    summary="The leaders agreed to deepen ties.",
    key_points=("Ties deepen.", "Trade talks resume."),
    people=(LEE, TAKAI),
    quotes=(
        Quote(speaker="lee-jae-myeong", text="We will deepen ties,", speaker_name="Lee", evidence=("p2",)),
        Quote(speaker=None, text="special significance", fragment=True, evidence=("p1",)),
    ),
    timeline=(
        TimelineEvent(
            date="2026-01-13",
            precision="day",
            text="on Tuesday",
            event="Summit in Nara",
            status="occurred",
            inferred=True,
            evidence=("p1",),
        ),
    ),
    watch=(WatchItem(date="2026-01-14", modality="expected", item="Visit to Horyu Temple", evidence=("p2",)),),
    flags=(
        Flag(
            code="headline_entity_not_in_body", severity="error", message="Koizumi is not in the body", evidence=("p0",)
        ),
        Flag(code="year_inferred", severity="warning", message="year inferred"),
    ),
)
COUNTRIES = {"KR": "South Korea", "JP": "Japan"}


def headings(body: str) -> list[str]:
    return re.findall(r"^## (.+)$", body, re.MULTILINE)


def test_empty_briefing_has_only_the_source_section() -> None:
    body = render_body(briefing(), ARTICLE, country_names=COUNTRIES)
    assert headings(body) == ["Source"]
    assert "Check the source" not in body


def test_full_briefing_has_every_section_in_order() -> None:
    body = render_body(FULL, ARTICLE, country_names=COUNTRIES)
    assert headings(body) == ["BLUF", "Key points", "What to watch", "Who's who", "Quotes", "Timeline", "Source"]


@pytest.mark.parametrize(
    ("changes", "section"),
    [
        ({"summary": "One sentence."}, "BLUF"),
        ({"key_points": ("A point.",)}, "Key points"),
        ({"watch": (WatchItem(date=None, modality="possible", item="Election"),)}, "What to watch"),
        ({"people": (LEE,)}, "Who's who"),
        ({"quotes": (Quote(speaker=None, text="We will", speaker_name="Lee"),)}, "Quotes"),
        (
            {
                "timeline": (
                    TimelineEvent(date="2026-01", precision="month", text="in January", event="X", status="planned"),
                )
            },
            "Timeline",
        ),
    ],
)
def test_each_section_appears_only_when_it_has_content(changes: dict[str, object], section: str) -> None:
    body = render_body(briefing(**changes), ARTICLE, country_names=COUNTRIES)
    assert headings(body) == [section, "Source"]


def test_who_is_who_links_people_to_entity_pages_with_country_names() -> None:
    html = render(render_body(FULL, ARTICLE, country_names=COUNTRIES))
    assert "/people/lee-jae-myeong/" in html.hrefs
    assert "/people/sanae-takai/" in html.hrefs
    text = "".join(html.text)
    assert "South Korea" in text
    assert "Japan" in text


def test_quote_speaker_links_to_the_person_and_the_paragraph() -> None:
    body = render_body(FULL, ARTICLE, country_names=COUNTRIES)
    assert "> — [Lee](/people/lee-jae-myeong/), [¶2](#p2)" in body


def test_fragment_quotes_are_listed_as_phrases_not_blockquotes() -> None:
    fragments_only = briefing(
        quotes=(Quote(speaker=None, text="special significance", fragment=True, evidence=("p1",)),)
    )
    body = render_body(fragments_only, ARTICLE, country_names=COUNTRIES)
    assert headings(body) == ["Quotes", "Source"]
    assert "Quoted phrases: “special significance” ([¶1](#p1))" in body
    assert "\n> " not in body


def test_paragraph_anchors_cover_headline_and_every_paragraph() -> None:
    md = make_markdown(Urls())
    html = md.render(render_body(briefing(), ARTICLE, country_names=COUNTRIES))
    for index, text in enumerate(ARTICLE.paragraphs[:2], start=1):
        match = re.search(rf'<p id="p{index}">(.*?)</p>', html, re.DOTALL)
        assert match, f"no anchor p{index}"
        assert text.replace('"', "&quot;") in match.group(1)
    assert re.search(r'<p id="p0"><strong>Lee, \*Takai\* meet in Nara</strong></p>', html)
    assert 'id="p3"' in html
    assert 'href="#p3"' in html


def test_source_text_is_shown_literally_and_bullets_keep_their_lines() -> None:
    html = make_markdown(Urls()).render(render_body(briefing(), ARTICLE, country_names=COUNTRIES))
    assert "<em>" not in html
    assert "<ul>" not in html
    assert "Topics:<br />\n- trade<br />\n- security" in html


def test_error_flags_open_the_body_with_a_banner() -> None:
    body = render_body(FULL, ARTICLE, country_names=COUNTRIES)
    assert body.startswith("> **Check the source:** Koizumi is not in the body ([headline](#p0))\n\n")
    assert "year inferred" not in body


def test_every_error_flag_gets_a_line_in_one_banner() -> None:
    flags = (Flag("a", "error", "First problem"), Flag("b", "error", "Second problem"), Flag("c", "info", "note"))
    html = make_markdown(Urls()).render(render_body(briefing(flags=flags), ARTICLE, country_names=COUNTRIES))
    assert html.count("<blockquote>") == 1
    assert "First problem" in html
    assert "Second problem" in html
    assert "note" not in html.split("</blockquote>")[0]


def test_tables_show_inferred_dates_open_dates_and_modality() -> None:
    body = render_body(
        dataclasses.replace(FULL, watch=(WatchItem(date=None, modality="possible", item="Snap | election"),)),
        ARTICLE,
        country_names=COUNTRIES,
    )
    assert "| 2026-01-13 (inferred) | Summit in Nara | occurred — “on Tuesday” ([¶1](#p1)) |" in body
    assert "| open | Snap \\| election | possible () |" in body


def test_body_ends_with_exactly_one_newline() -> None:
    body = render_body(FULL, ARTICLE, country_names=COUNTRIES)
    assert body.endswith("\n")
    assert not body.endswith("\n\n")
