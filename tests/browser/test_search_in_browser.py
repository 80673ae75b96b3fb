"""Search in a real browser: a built site under a sub-path, served over HTTP, searched with Pagefind.

Debian's headless chromium driven by Playwright, as in test_live_reload.py; the site is served by
a plain `http.server` at the sub-path its base_url names, as GitHub Pages serves a project site.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.browser.test_live_reload import CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS
from tests.conftest import run_cli
from tests.e2e.test_base_url_crawl import pages_server

pytestmark = pytest.mark.browser

BASE_PATH = "/harbour/"

STRIKE = """---
title: Ferry crews strike over pay
date: 2025-03-04
summary: Ferry crews walked out after pay talks failed.
people:
  - name: Lena Holt
    id: lena-holt
    role: Union Leader
topics: [labour]
---
Ferry crews on the island routes began a strike on Tuesday after pay talks broke down.

"We did not want a strike," said union leader Lena Holt.
"""

MARKET = """---
title: Harbour market report {n}
date: 2024-0{month}-1{n_digit}
summary: Stallholders at the harbour market met for week {n}.
topics: [economy]
---
The harbour market opened for week {n}, with fish and bread on sale by the quay.
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: install it with 'apt-get install chromium'"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def origin(make_project: Callable[..., Path]) -> Iterator[str]:
    """The site of one strike note and fourteen market notes, served under /harbour/."""
    notes = {"ferry-strike.md": STRIKE}
    for n in range(14):
        notes[f"market-{n:02}.md"] = MARKET.format(n=n, month=1 + n % 9, n_digit=n % 10)
    root = make_project(sample=False, notes=notes, config='base_url = "https://example.github.io/harbour/"\n')
    assert run_cli(root, "build") == 0
    with pages_server(root / "site", BASE_PATH) as served:
        yield served + BASE_PATH


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    page = browser.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    page.close()
    assert errors == []


def test_the_header_box_finds_the_briefing_first_with_the_words_highlighted(page: Page, origin: str) -> None:
    page.goto(origin)
    box = page.locator("header form[role=search] input[name=q]")
    box.fill("ferry strike")
    box.press("Enter")  # a plain GET form: the search page reads ?q=
    expect(page).to_have_url(f"{origin}search/?q=ferry+strike")
    first = page.locator("#search-results li").first
    expect(first.locator("a")).to_have_text("Ferry crews strike over pay")
    expect(first.locator("a")).to_have_attribute("href", f"{BASE_PATH}briefings/ferry-strike/")
    expect(first.locator("mark")).to_contain_text(["Ferry", "strike"])
    first.locator("a").click()
    expect(page).to_have_url(f"{origin}briefings/ferry-strike/")  # the result link works under the sub-path


def test_typing_writes_the_query_into_the_url(page: Page, origin: str) -> None:
    page.goto(f"{origin}search/")
    page.locator("#q").fill("quay")
    expect(page.locator("#search-results li").first).to_be_visible()
    expect(page).to_have_url(f"{origin}search/?q=quay")


def test_the_kind_filter_narrows_the_results_to_people(page: Page, origin: str) -> None:
    page.goto(f"{origin}search/?q=holt")
    results = page.locator("#search-results li")
    expect(results.first).to_be_visible()
    assert results.count() >= 2  # the briefing that quotes her and her own page
    page.locator("#kind").select_option("person")
    expect(results).to_have_count(1)
    expect(results.first.locator("a")).to_have_text("Lena Holt")
    expect(results.first.locator(".meta")).to_contain_text("Person")
    expect(page).to_have_url(f"{origin}search/?q=holt&kind=person")


def test_more_results_loads_the_next_ones(page: Page, origin: str) -> None:
    page.goto(f"{origin}search/?q=market")
    results = page.locator("#search-results li")
    expect(results).to_have_count(10)
    expect(page.locator("#search-status")).to_have_text("14 results")
    page.locator("#search-more").click()
    expect(results).to_have_count(14)
    expect(page.locator("#search-more")).to_be_hidden()
