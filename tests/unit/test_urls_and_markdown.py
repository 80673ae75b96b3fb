"""Site URLs under a base path, their output files, and Markdown rendering of note bodies."""

from __future__ import annotations

import pytest

from builder.publish.render import make_markdown
from builder.publish.urls import Urls, output_file

DEMO = Urls("/demo/", "https://u.github.io")


def test_pages_live_under_the_base_path() -> None:
    assert DEMO.page("people", "x") == "/demo/people/x/"
    assert DEMO.page("people") == "/demo/people/"
    assert DEMO.path() == "/demo/"
    assert DEMO.path("/feed.xml") == "/demo/feed.xml"
    assert DEMO.briefing("2026-01-13-nara") == "/demo/briefings/2026-01-13-nara/"
    assert DEMO.briefing("2026-01-13-nara", "p3") == "/demo/briefings/2026-01-13-nara/#p3"
    assert DEMO.asset("style.css") == "/demo/static/style.css"
    assert Urls().page("places", "nara") == "/places/nara/"


def test_absolute_urls_use_the_origin_when_there_is_one() -> None:
    assert DEMO.absolute("/demo/people/x/") == "https://u.github.io/demo/people/x/"
    assert Urls("/demo/").absolute("/demo/people/x/") == "/demo/people/x/"
    assert DEMO.absolute("https://elsewhere.org/") == "https://elsewhere.org/"


def test_unsafe_characters_in_ids_are_percent_encoded() -> None:
    assert Urls().page("topics", "a b") == "/topics/a%20b/"


@pytest.mark.parametrize(
    ("url", "base", "file"),
    [
        ("/demo/", "/demo/", "index.html"),
        ("/demo/people/x/", "/demo/", "people/x/index.html"),
        ("/demo/feed.xml", "/demo/", "feed.xml"),
        ("/demo/404.html", "/demo/", "404.html"),
        ("/", "/", "index.html"),
        ("/briefings/", "/", "briefings/index.html"),
        ("/static/style.css", "/", "static/style.css"),
    ],
)
def test_pretty_urls_map_to_index_files(url: str, base: str, file: str) -> None:
    assert output_file(url, base) == file


def test_every_page_url_maps_back_to_a_file_under_the_base() -> None:
    urls = Urls("/repo/")
    for url in (urls.path(), urls.page("people"), urls.page("people", "lee"), urls.path("sitemap.xml")):
        file = output_file(url, urls.base_path)
        assert not file.startswith("/")
        assert urls.base_path + file.removesuffix("index.html") == url


# --- Markdown --------------------------------------------------------------------------------


def md(text: str, base: str = "/demo/") -> str:
    return make_markdown(Urls(base)).render(text)


def test_raw_html_in_a_note_is_shown_as_text_not_run() -> None:
    html = md("<script>alert(1)</script>\n\nInline <b>bold</b> and <img src=x onerror=alert(1)>.\n")
    assert "<script" not in html
    assert "<b>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_root_relative_links_move_under_the_base_path() -> None:
    assert '<a href="/demo/people/x/">Lee</a>' in md("[Lee](/people/x/)")
    assert '<a href="/demo/briefings/s/#p2">¶2</a>' in md("[¶2](/briefings/s/#p2)")
    assert '<a href="/people/x/">Lee</a>' in md("[Lee](/people/x/)", base="/")


@pytest.mark.parametrize(
    "href", ["https://example.com/a?b=c", "//cdn.example.com/x.js", "#p1", "mailto:desk@example.com", "notes/x/"]
)
def test_external_anchor_and_relative_links_are_left_alone(href: str) -> None:
    assert f'href="{href}"' in md(f"[x]({href})")


def test_rebased_link_keeps_its_query_string() -> None:
    assert 'href="/demo/search/?q=lee&amp;k=people"' in md("[search](/search/?q=lee&k=people)")


def test_rebased_link_with_non_ascii_path_is_not_double_encoded() -> None:
    assert 'href="/demo/people/caf%C3%A9/"' in md("[x](/people/café/)")


def test_root_relative_image_is_rebased_under_the_base_path() -> None:
    assert 'src="/demo/static/map.png"' in md("![map](/static/map.png)")


def test_paragraph_attribute_gives_an_anchor_id() -> None:
    html = md("{#p3}\nThe third paragraph. [¶3](#p3)\n")
    assert '<p id="p3">The third paragraph. <a href="#p3">¶3</a></p>' in html
    assert "{#p3}" not in html


def test_section_headings_get_ids_and_tables_render() -> None:
    html = md("## Who's who\n\n| Person | Role |\n|---|---|\n| [Lee](/people/lee/) | President |\n")
    assert '<h2 id="whos-who">' in html
    assert "<table>" in html
    assert '<td><a href="/demo/people/lee/">Lee</a></td>' in html
