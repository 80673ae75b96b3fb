"""What a reader of a large site sees: paginated listings, date archives, digests and honest dates.

One project of 64 hand-written notes shares one person, spans two years, and holds an undated
note, a note whose year was inferred from the weekday and a note flagged for checking.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import run_cli

ATOM = "{http://www.w3.org/2005/Atom}"
DATED = 60
START = date(2025, 11, 3)  # a Monday; the notes run every third day into 2026


def dated_note(n: int) -> str:
    day = START + timedelta(days=3 * n)
    topic = "transport" if n % 2 else "health"
    return (
        f"---\ntitle: Ferry report number {n}\nslug: ferry-{n:02d}\ndate: {day.isoformat()}\n"
        f"summary: The ferry desk filed report {n}.\ntopics: [{topic}]\n"
        "people:\n  - name: Ada Lindqvist\n    role: Harbour master\n---\n"
        f"## BLUF\n\nThe ferry desk filed report {n}.\n\n## Source\n\n{{#p1}}\n"
        f"Before noon the ferry desk filed report {n}. [¶1](#p1)\n"
    )


NOTES = {
    **{f"ferry-{n:02d}.md": dated_note(n) for n in range(DATED)},
    "undated.md": (
        "---\ntitle: Lighthouse keeper retires\nslug: lighthouse\ndate: null\ndate_basis: none\n"
        "summary: The last lighthouse keeper retired.\npeople:\n  - name: Ada Lindqvist\n"
        "flags:\n  - code: date_unknown\n    severity: warning\n"
        "    message: No date for the story could be found or inferred.\n---\nBody.\n"
    ),
    "inferred.md": (
        "---\ntitle: Bridge opens on a Tuesday\nslug: bridge\ndate: 2026-01-13\ndate_basis: weekday-inference\n"
        "summary: The bridge opened.\nflags:\n  - code: year_inferred\n    severity: warning\n"
        "    message: The article gives no year; 2026 was inferred from the weekday (the weekday also fits 2015).\n"
        "timeline:\n  - date: 2026-01-13\n    precision: day\n    text: Tuesday\n    event: The bridge opened\n"
        "    status: occurred\n    inferred: true\n    evidence: [p1]\n---\nBody.\n"
    ),
    "flagged.md": (
        "---\ntitle: Pier story names a stranger\nslug: pier\ndate: 2026-01-13\nsummary: A pier was repaired.\n"
        "topics: [transport]\nflags:\n  - code: headline_entity_not_in_body\n    severity: error\n"
        "    message: The headline names someone the body never mentions.\n---\nBody.\n"
    ),
    "older.md": (
        "---\ntitle: Harbour dredged\nslug: dredged\ndate: 2024-06-01\nsummary: The harbour was dredged.\n"
        "timeline:\n  - date: '--07-04'\n    precision: day\n    text: 4 July\n    event: Dredging ends\n"
        "    status: expected\n    evidence: [p1]\n---\nBody.\n"
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("reader")
    (root / "content").mkdir()
    (root / "briefgen.toml").write_text('title = "Harbour desk"\nreference_date = 2026-11-27\npaginate = 25\n')
    for name, text in NOTES.items():
        (root / "content" / name).write_text(text, encoding="utf-8")
    assert run_cli(root, "build") == 0
    return root / "site"


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def titles(html: str) -> list[str]:
    return re.findall(r'class="briefing-title" href="[^"]*">([^<]*)<', html)


def test_an_entity_page_is_paginated_newest_first_under_year_headings(site: Path) -> None:
    first, second, third = (
        page(site, p) for p in ("people/ada-lindqvist", "people/ada-lindqvist/page/2", "people/ada-lindqvist/page/3")
    )
    assert not (site / "people/ada-lindqvist/page/1").exists()  # page 1 is the entity's own URL
    assert not (site / "people/ada-lindqvist/page/4").exists()  # 61 briefings in pages of 25
    listed = titles(first) + titles(second) + titles(third)
    assert listed[:2] == ["Ferry report number 59", "Ferry report number 58"]
    assert len(listed) == DATED + 1 and listed[-1] == "Lighthouse keeper retires"  # undated last
    assert '<h2 id="y2026">2026</h2>' in first and '<h2 id="y2025">2025</h2>' in second
    assert '<h2 id="date-unknown">Date unknown</h2>' in third
    assert '<link rel="next" href="/people/ada-lindqvist/page/2/">' in first
    assert '<link rel="prev" href="/people/ada-lindqvist/">' in second
    assert 'aria-current="page" href="/people/ada-lindqvist/page/2/"' in second
    assert "61 briefings" in first and "page 1 of 3" in first


def test_the_all_briefings_list_is_paginated_too(site: Path) -> None:
    assert (site / "briefings/page/3/index.html").is_file()
    assert titles(page(site, "briefings"))[0] in (
        "Bridge opens on a Tuesday",
        "Pier story names a stranger",
        "Ferry report number 59",
    )


def test_entity_index_has_letters_and_a_listing_by_count(site: Path) -> None:
    index = page(site, "people")
    assert '<a href="#letter-a">A</a>' in index and '<h2 id="letter-a">A</h2>' in index
    assert 'href="/people/by-count/"' in index
    topics = page(site, "topics/by-count")
    assert topics.index(">transport<") < topics.index(">health<")  # 31 briefings before 30


def test_archives_list_periods_with_counts_and_undated_apart(site: Path) -> None:
    archive = page(site, "archive")
    assert '<a class="period-year" href="/archive/2026/">2026</a>' in archive
    assert '<a href="/archive/2025/12/">December 2025</a> <span class="count">10</span>' in archive
    december = page(site, "archive/2025/12")
    assert (
        "10 briefings" in december
        and 'href="/archive/2025/11/">' in december
        and 'href="/archive/2026/01/">' in december
    )
    assert titles(december)[0] == "Ferry report number 19"  # 31 December, newest first
    undated = page(site, "archive/undated")
    assert titles(undated) == ["Lighthouse keeper retires"] and "<h1>Date unknown</h1>" in undated
    assert "Lighthouse" not in page(site, "archive/2026") + page(site, "archive/2025")


def test_daily_and_weekly_digests_group_bottom_lines_by_topic_with_feeds(site: Path) -> None:
    day = page(site, "digest/2026-01-13")
    assert "The world in brief, 13 January 2026" in day
    assert re.search(r'<strong class="flag-label">Check the source</strong> <a href="/briefings/pier/">', day)
    assert '<h2 id="topic-transport">Transport</h2>' in day and "A pier was repaired." in day
    assert 'href="/digest/2026-W03/"' in day  # its week
    week = page(site, "digest/2026-W03")
    assert "Week 3 of 2026, 12–18 January 2026" in week
    feed = ET.parse(site / "digest/2026-01-13/feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert {e.findtext(f"{ATOM}title") for e in entries} >= {
        "Bridge opens on a Tuesday",
        "[Check the source] Pier story names a stranger",
    }
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "/digest/2026-01-13/feed.xml"  # type: ignore[union-attr]
    assert ET.parse(site / "digest/2026-W03/feed.xml").getroot().findall(f"{ATOM}entry")
    home = page(site, "")
    assert 'href="/digest/2026-04-29/">The world in brief, 29 April 2026</a>' in home and 'href="/digest/"' in home


def test_undated_briefings_say_so_without_a_time_element(site: Path) -> None:
    html = page(site, "briefings/lighthouse")
    header = html[html.index("<article") : html.index("<h1>")]
    assert "Date unknown" in header and "<time" not in header
    assert "<time" not in page(site, "archive/undated")


def test_an_inferred_year_is_said_in_words_with_the_reason_a_click_away(site: Path) -> None:
    html = page(site, "briefings/bridge")
    assert re.search(r'<time datetime="2026-01-13"[^>]*>13 January 2026</time> — year inferred from the weekday', html)
    details = html[html.index("<details") : html.index("</details>")]
    assert "also fits 2015" in details and 'href="/dates/#weekday-inference"' in details
    assert 'id="weekday-inference"' in page(site, "dates")
    listing = page(site, "people/ada-lindqvist") + page(site, "digest/2026-W03") + page(site, "archive/2026/01")
    assert "year inferred from the weekday</a>" in page(site, "archive/2026/01")
    assert "<time>" not in listing and ">undated<" not in listing


def test_timeline_is_split_by_year_and_each_row_names_its_briefing(site: Path) -> None:
    front = page(site, "timeline")
    assert 'href="/timeline/2026/"' in front and 'href="/timeline/year-unknown/"' in front
    year = page(site, "timeline/2026")
    assert '<h2 id="january-2026">January 2026</h2>' in year
    assert '<a href="/briefings/bridge/#p1">Bridge opens on a Tuesday</a>' in year and ">source<" not in year
    assert "(year inferred)" in year
    unknown = page(site, "timeline/year-unknown")
    assert '<time datetime="--07-04">4 July, year unknown</time>' in unknown


def test_the_bottom_line_links_to_its_evidence_paragraph(site: Path) -> None:
    html = page(site, "briefings/ferry-07")
    bluf = html[html.index('id="bluf"') : html.index('id="source"')]
    assert 'href="#p1">¶1</a>' in bluf


def test_every_page_names_a_favicon_that_exists(site: Path) -> None:
    assert '<link rel="icon" href="/static/favicon.svg"' in page(site, "")
    assert (site / "static/favicon.svg").read_text().startswith("<svg")


def test_every_page_has_unique_ids_and_only_machine_readable_times(site: Path) -> None:
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        ids = re.findall(r'\sid="([^"]+)"', html)
        assert len(ids) == len(set(ids)), path
        assert not re.search(r"<time(?![^>]*datetime=)", html), path


def test_an_entity_named_like_a_listing_page_gets_a_page_of_its_own(tmp_path: Path) -> None:
    # A topic "by count" would otherwise be /topics/by-count/, the listing of topics by count.
    root = tmp_path / "clash"
    (root / "content").mkdir(parents=True)
    (root / "briefgen.toml").write_text('title = "Clash"\nreference_date = 2026-03-01\n')
    (root / "content" / "a.md").write_text(
        "---\ntitle: A note\ndate: 2026-02-01\ntopics: [by count, page]\npeople:\n  - name: By Count\n  - name: Page\n"
        "---\nSee [By Count](/people/by-count/) and [Page](/people/page/).\n"
    )
    assert run_cli(root, "build") == 0
    site = root / "site"
    assert "A note" in (site / "people" / "by-count-1" / "index.html").read_text()
    assert "A note" in (site / "topics" / "page-1" / "index.html").read_text()
    assert 'href="/people/by-count-1/"' in (site / "briefings" / "a" / "index.html").read_text()
    assert run_cli(root, "check") == 0
