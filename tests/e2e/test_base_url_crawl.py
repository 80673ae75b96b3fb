"""The built site works where GitHub Pages serves it: crawled over real HTTP under its base path."""

from __future__ import annotations

import functools
import http.server
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from tests.conftest import run_cli

MakeProject = Callable[..., Path]

CROSS_LINKED = """---
title: Follow-up on the summit
date: 2026-01-20
summary: A hand-written follow-up that links back to the summit briefing.
people:
  - name: Lee Jae-myeong
    id: lee-jae-myeong
topics: [politics]
---
See [the summit](/briefings/{slug}/#p4) and [Lee](/people/lee-jae-myeong/).
"""


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        for name in ("href", "src"):
            if values.get(name) and tag in ("a", "link", "script", "img"):
                self.links.append(str(values[name]))


@contextmanager
def pages_server(site: Path, base_path: str) -> Iterator[str]:
    """Serve `site` at `base_path` like GitHub Pages: 404.html (status 404) for anything missing."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path: str) -> str:
            path = urlsplit(path).path
            if not path.startswith(base_path):
                return str(site / "__outside_the_base_path__")
            return super().translate_path("/" + path[len(base_path) :])

        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            if code != 404:
                super().send_error(code, message, explain)
                return
            body = (site / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def fetch(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read(), response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        return error.code, error.read(), ""


def crawl(origin: str, base_path: str, public_origin: str) -> tuple[int, list[str]]:
    """Visit every page reachable from the home page; return (pages, problems)."""
    start = origin + base_path
    pending, seen, problems = [start], {start}, []
    pages: dict[str, set[str]] = {}
    anchors: list[tuple[str, str, str]] = []
    while pending:
        url = pending.pop()
        status, body, kind = fetch(url)
        if status != 200:
            problems.append(f"{url}: HTTP {status}")
            continue
        if kind != "text/html":
            continue
        parser = _Links()
        parser.feed(body.decode("utf-8"))
        pages[url] = parser.ids
        for link in parser.links:
            if public_origin and link.startswith(public_origin):
                link = link[len(public_origin) :]  # canonical URLs name the public host
            target = urljoin(url, link)
            if urlsplit(target).netloc != urlsplit(origin).netloc:
                continue
            if not urlsplit(target).path.startswith(base_path):
                problems.append(f"{url}: link {link!r} leaves {base_path}")
                continue
            page, fragment = urldefrag(target)
            if fragment:
                anchors.append((url, page, fragment))
            if page not in seen:
                seen.add(page)
                pending.append(page)
    for source, page, fragment in anchors:
        if page in pages and fragment not in pages[page]:
            problems.append(f"{source}: anchor #{fragment} missing on {page}")
    return len(pages), problems


@pytest.mark.parametrize(
    ("base_url", "base_path"),
    [
        ("https://example.github.io/demo/", "/demo/"),
        ("/", "/"),
        ("https://news.example.org/", "/"),
    ],
    ids=["project-site", "root-site", "custom-domain"],
)
def test_every_link_asset_and_anchor_resolves_over_http(
    make_project: MakeProject, base_url: str, base_path: str
) -> None:
    root = make_project(config=f'base_url = "{base_url}"\n')
    assert run_cli(root, "build") == 0
    slug = next((root / "content").glob("2026-01-13-*.md")).stem
    (root / "content" / "follow-up.md").write_text(CROSS_LINKED.format(slug=slug), encoding="utf-8")
    assert run_cli(root, "build") == 0
    public_origin = base_url.rstrip("/").removesuffix(base_path.rstrip("/")) if "://" in base_url else ""
    with pages_server(root / "site", base_path) as origin:
        count, problems = crawl(origin, base_path, public_origin)
        assert problems == []
        assert count >= 30  # home, briefings, entity pages and indexes, timeline, search
        status, body, _ = fetch(origin + base_path + "no/such/page/")
        assert status == 404 and f'href="{base_path}static/style.css"'.encode() in body
        not_found = _Links()
        not_found.feed(body.decode("utf-8"))
        # GitHub serves 404.html at the missing URL itself, so its links must be absolute paths
        local = [link for link in not_found.links if not link.startswith(("http", "#"))]
        assert local and all(link.startswith(base_path) for link in local), local
        status, _, _ = fetch(origin + base_path + "pagefind/pagefind.js")  # the search bundle, under the sub-path
        _, search, _ = fetch(origin + base_path + "search/")
        assert status == 200 and f'data-bundle="{base_path}pagefind/" data-base="{base_path}"'.encode() in search
    feed = (root / "site" / "feed.xml").read_text(encoding="utf-8")
    sitemap = (root / "site" / "sitemap.xml").read_text(encoding="utf-8")
    if public_origin:
        assert f"<id>{public_origin}{base_path}briefings/{slug}/</id>" in feed
        assert f"<loc>{public_origin}{base_path}briefings/{slug}/</loc>" in sitemap
