"""Live reload in a real browser: Debian's headless chromium, driven by Playwright, against `briefgen serve`.

Nothing here touches the browser after the page is open: every change is a file written on disk,
and the test only watches what the page shows. Never skipped: without /usr/bin/chromium these fail
(`make test` installs it).
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from builder.config import load_config
from builder.serve.livereload import OVERLAY_ID
from builder.serve.server import Preview
from tests.conftest import REPO

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TIMEOUT_MS = 20_000

NOTE = """---
title: Harbour reopens
date: 2026-02-01
summary: The harbour reopened.
topics: [transport]
---
{body}
"""


def save_atomically(path: Path, text: str) -> None:
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def wait_for(condition: Callable[[], object], what: str, timeout: float = TIMEOUT_MS / 1000) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), (
        f"{CHROMIUM} is missing: install it with 'apt-get install chromium' (make test does)"
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def project(make_project: Callable[..., Path]) -> Path:
    root = make_project(sample=False, notes={"harbour.md": NOTE.format(body="The first version of the note.")})
    (root / "templates" / "static").mkdir(parents=True)
    (root / "templates" / "briefing.html").write_text((REPO / "templates" / "briefing.html").read_text())
    (root / "templates" / "static" / "style.css").write_text((REPO / "templates" / "static" / "style.css").read_text())
    return root


@pytest.fixture
def opened(project: Path, browser: Browser) -> Iterator[tuple[Preview, Page]]:
    """The briefing page open in chromium, connected to the LiveReload socket."""
    with Preview(lambda: load_config(project), port=0) as preview:
        page = browser.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(preview.url + "briefings/harbour/")
        expect(page.locator("h1")).to_have_text("Harbour reopens")
        wait_for(lambda: preview.hub.clients == 1, "livereload.js to connect")
        yield preview, page
        page.close()
        assert errors == []


def test_an_edited_note_appears_without_touching_the_browser(project: Path, opened: tuple[Preview, Page]) -> None:
    preview, page = opened
    save_atomically(project / "content" / "harbour.md", NOTE.format(body="The second version, saved on disk."))
    expect(page.locator(".note-body")).to_contain_text("The second version, saved on disk.")
    wait_for(lambda: preview.hub.clients == 1, "livereload.js to reconnect after the reload")
    # a second edit straight after the first reload is not throttled away
    save_atomically(project / "content" / "harbour.md", NOTE.format(body="A third version, right after."))
    expect(page.locator(".note-body")).to_contain_text("A third version, right after.")


def test_an_edited_stylesheet_is_swapped_in_without_a_reload(project: Path, opened: tuple[Preview, Page]) -> None:
    _, page = opened
    page.evaluate("window.__notReloaded = true")
    heading = page.locator("h1")
    assert heading.evaluate("h => getComputedStyle(h).color") != "rgb(200, 0, 0)"
    css = project / "templates" / "static" / "style.css"
    save_atomically(css, css.read_text() + "\nh1 { color: rgb(200, 0, 0); }\n")
    expect(heading).to_have_css("color", "rgb(200, 0, 0)")
    assert page.evaluate("window.__notReloaded") is True
    assert re.search(
        r"style\.css\?livereload=\d+", page.evaluate("document.querySelector('link[rel=stylesheet]').href")
    )


def test_a_broken_template_shows_an_overlay_until_it_is_fixed(project: Path, opened: tuple[Preview, Page]) -> None:
    _, page = opened
    template = project / "templates" / "briefing.html"
    good = template.read_text()
    save_atomically(template, good.replace("{% endblock %}", "{% endblok %}", 1))
    overlay = page.locator(f"#{OVERLAY_ID}")
    expect(overlay).to_be_visible()
    expect(overlay).to_contain_text("briefing.html")
    expect(overlay).to_contain_text("endblok")
    expect(page.locator(".note-body")).to_contain_text("The first version of the note.")  # the last good site
    save_atomically(template, good)
    expect(overlay).to_have_count(0)
    expect(page.locator("h1")).to_have_text("Harbour reopens")
