"""`briefgen check` on a built site: links, anchors, base path, relative links."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.deploy.check import check_site, parse_page


def write_site(root: Path, files: dict[str, str]) -> Path:
    site = root / "site"
    for name, text in files.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return site


def page(body: str, *, css: str = "/static/style.css") -> str:
    return f'<!doctype html>\n<html><head><link rel="stylesheet" href="{css}"></head>\n<body>\n{body}\n</body></html>\n'


def test_parse_page_collects_ids_named_anchors_and_links_with_lines() -> None:
    html = (
        '<html><head>\n<link rel="preconnect" href="https://fonts.example">\n'
        '<script src="/static/app.js"></script></head>\n'
        '<body id="top">\n<p id="p1">x <a href="#p1" name="here">¶</a></p>\n<img src="a.png">\n</body></html>'
    )
    ids, links = parse_page(html)
    assert ids == {"top", "p1", "here"}
    assert links == [("/static/app.js", 3), ("#p1", 5), ("a.png", 6)]


def test_a_clean_site_has_no_problems(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "index.html": page(
                '<a href="/people/lee/">Lee</a> <a href="people/lee/#p1">¶</a> <a href="#top" id="top">top</a>\n'
                '<a href="https://example.com/">ext</a> <a href="mailto:a@example.com">mail</a>'
                ' <a href="//cdn.example.com/x">cdn</a> <a href="?page=2">next</a>'
            ),
            "people/lee/index.html": page('<p id="p1">Lee</p> <a href="../../">home</a> <a href="./">self</a>'),
            "404.html": page('<a href="people/lee/">Lee</a>'),
            "static/style.css": "body {}",
        },
    )
    diagnostics, checked = check_site(site, base_path="/")
    assert diagnostics == []
    assert checked.pages == 3
    assert checked.links == 13  # 8 on the home page, 3 on Lee's, 2 on the 404


def test_broken_link_is_reported_with_page_and_line(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"index.html": page('<a href="/people/nobody/">x</a>'), "static/style.css": ""})
    diagnostics, _ = check_site(site, base_path="/")
    assert len(diagnostics) == 1
    problem = diagnostics[0]
    assert problem.file == "site/index.html"
    assert problem.line == 4
    assert "broken link '/people/nobody/'" in problem.message
    assert "people/nobody/index.html" in problem.message


def test_missing_asset_is_a_broken_link(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"index.html": page("<p>hi</p>")})
    diagnostics, _ = check_site(site, base_path="/")
    assert [d.message for d in diagnostics] == [
        "broken link '/static/style.css': no file 'static/style.css' in the site"
    ]


@pytest.mark.parametrize(
    ("link", "expected"),
    [("#nowhere", "broken anchor '#nowhere'"), ("/people/lee/#p9", "no id 'p9' in people/lee/index.html")],
)
def test_broken_anchor_on_this_or_another_page_is_reported(tmp_path: Path, link: str, expected: str) -> None:
    site = write_site(
        tmp_path,
        {
            "index.html": page(f'<a href="{link}">x</a>'),
            "people/lee/index.html": page('<p id="p1">Lee</p>'),
            "static/style.css": "",
        },
    )
    diagnostics, _ = check_site(site, base_path="/")
    assert [d.file for d in diagnostics] == ["site/index.html"]
    assert expected in diagnostics[0].message


def test_link_leaving_the_base_path_is_reported(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "index.html": page(
                '<a href="/people/lee/">forgot the base</a> <a href="../elsewhere/">up</a>', css="/demo/s.css"
            ),
            "s.css": "",
            "people/lee/index.html": page("", css="../../s.css"),
        },
    )
    diagnostics, _ = check_site(site, base_path="/demo/")
    messages = [d.message for d in diagnostics]
    assert messages == [
        "link '/people/lee/' leaves the site's base path '/demo/'",
        "link '../elsewhere/' leaves the site's base path '/demo/'",
    ]


def test_relative_links_are_resolved_against_the_page(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "index.html": page("", css="static/style.css"),
            "static/style.css": "",
            "people/a/index.html": page(
                '<a href="../b/">b</a> <a href="../missing/">m</a>', css="../../static/style.css"
            ),
            "people/b/index.html": page('<a href="../a/#p1">a</a>', css="../../static/style.css"),
        },
    )
    diagnostics, _ = check_site(site, base_path="/demo/")
    assert len(diagnostics) == 2
    by_message = sorted(d.message for d in diagnostics)
    assert "broken link '../missing/': no file 'people/missing/index.html' in the site" in by_message
    assert "broken anchor '../a/#p1': no id 'p1' in people/a/index.html" in by_message


def test_absolute_links_to_the_own_origin_are_checked(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "index.html": page(
                '<a href="https://u.github.io/demo/">home</a> <a href="https://u.github.io/demo/gone/">gone</a>',
                css="/demo/s.css",
            ),
            "s.css": "",
        },
    )
    diagnostics, _ = check_site(site, base_path="/demo/", origin="https://u.github.io")
    assert len(diagnostics) == 1
    assert "no file 'gone/index.html' in the site" in diagnostics[0].message


def test_percent_encoded_file_names_resolve(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {"index.html": page('<a href="/files/a%20b.pdf">pdf</a>'), "files/a b.pdf": "", "static/style.css": ""},
    )
    assert check_site(site, base_path="/")[0] == []


def test_percent_encoded_anchor_matches_a_unicode_id(tmp_path: Path) -> None:
    site = write_site(
        tmp_path, {"index.html": page('<h2 id="café">Café</h2> <a href="#caf%C3%A9">x</a>'), "static/style.css": ""}
    )
    assert check_site(site, base_path="/")[0] == []
