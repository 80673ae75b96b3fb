"""Property tests: any text or bytes through ingest -> extract -> note -> page never crashes
(every failure is a `BriefgenError` naming the file), notes round-trip through YAML, and nothing
from the input reaches a page as markup."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.authoring.extract import extract_briefing
from builder.authoring.ingest import parse_article
from builder.config import parse_config
from builder.errors import BriefgenError
from builder.notes.body import render_body
from builder.notes.note import make_generated_note, parse_note
from builder.publish.gather import make_site
from builder.publish.render import Renderer, make_pages

REFERENCE = date(2026, 11, 27)
MARKER = "<zq"  # no template writes this: any occurrence in a page came from the input unescaped

words = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=40)
news_words = st.sampled_from(
    ["Minister", "said", "on", "Tuesday", '"We', 'agree,"', "Paris", "Lee", "Jae-myeong", "Inc.", "2026",
     "January", "13th", "the", "of", MARKER + "x>", "&amp;", "**bold**", "[link](/x/)", "—", "'", "\u2028", "\x0b"]
)  # fmt: skip
sentence = st.lists(st.one_of(news_words, words), min_size=1, max_size=25).map(" ".join)
seed_text = st.builds(
    lambda headline, paragraphs: headline + "\n\n" + "\n\n".join(paragraphs),
    sentence,
    st.lists(sentence, min_size=0, max_size=6),
)


def briefing_page(text: str, tmp: Path) -> str | None:
    """The briefing page built from `text` as a seed, or None when the seed is refused."""
    try:
        article = parse_article(text.encode("utf-8"), file="seeds/a.txt")
    except BriefgenError as exc:
        assert str(exc).startswith("seeds/a.txt"), exc
        return None
    briefing = extract_briefing(article, reference=REFERENCE)
    body = render_body(briefing, article, country_names={})
    frontmatter = briefing.to_frontmatter()
    note_text, note = make_generated_note(
        dict(frontmatter, slug="a"), body, generator="test", file="content/a.md", default_slug="a"
    )
    assert parse_note(note_text, file="content/a.md", default_slug="a") == note  # YAML round-trip
    config = parse_config({}, root=tmp)
    renderer = Renderer(config)
    site = make_site([note])
    [page] = [p for p in make_pages(site, config, renderer.urls) if p.template == "briefing.html"]
    return renderer.render(page).decode("utf-8")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed_text)
def test_any_text_becomes_a_safe_page_or_a_named_error(tmp_path: Path, text: str) -> None:
    html = briefing_page(text, tmp_path)
    if html is not None:
        assert MARKER not in html


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_are_an_article_or_a_named_error(raw: bytes) -> None:
    try:
        article = parse_article(raw, file="seeds/b.txt")
    except BriefgenError as exc:
        assert str(exc).startswith("seeds/b.txt")
        return
    extract_briefing(article, reference=REFERENCE)
