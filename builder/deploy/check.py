"""`briefgen check`: notes parse, and every internal link and anchor in site/ resolves."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..config import Config
from ..errors import Diagnostic
from ..publish.gather import load_notes
from .preflight import preflight_site

_LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}


@dataclass
class Checked:
    notes: int = 0
    pages: int = 0
    links: int = 0


class _PageParser(HTMLParser):
    """Collects element ids and outgoing link targets of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.add(str(values[key]))
        attr = _LINK_ATTRS.get(tag)
        target = values.get(attr) if attr else None
        if target and not (tag == "link" and values.get("rel") in ("preconnect", "dns-prefetch")):
            self.links.append((target, self.getpos()[0]))


def parse_page(html: str) -> tuple[set[str], list[tuple[str, int]]]:
    """Pure: HTML -> (ids, [(link, line)])."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return parser.ids, parser.links


def check_site(site_dir: Path, *, base_path: str, origin: str = "") -> tuple[list[Diagnostic], Checked]:
    """Every internal link and asset resolves to a file in site/, every #anchor to an id."""
    diagnostics: list[Diagnostic] = []
    checked = Checked()
    pages: dict[str, tuple[set[str], list[tuple[str, int]]]] = {}
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        pages[relative] = parse_page(path.read_text(encoding="utf-8"))
    checked.pages = len(pages)
    for relative, (ids, links) in pages.items():
        page_url = base_path + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)
        for link, line in links:
            checked.links += 1
            problem = _check_link(link, page_url, ids, pages, site_dir, base_path, origin)
            if problem:
                diagnostics.append(Diagnostic("error", f"{site_dir.name}/{relative}", problem, line))
    return diagnostics, checked


def _check_link(
    link: str,
    page_url: str,
    own_ids: set[str],
    pages: dict[str, tuple[set[str], list[tuple[str, int]]]],
    site_dir: Path,
    base_path: str,
    origin: str,
) -> str | None:
    if origin and link.startswith(origin + "/"):
        link = link[len(origin) :]
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("mailto:", "data:", "javascript:")):
        return None  # external
    fragment = unquote(parts.fragment)
    if not parts.path:
        return None if not fragment or fragment in own_ids else f"broken anchor {link!r}"
    path = parts.path if parts.path.startswith("/") else _join(page_url, parts.path)
    if not path.startswith(base_path):
        return f"link {link!r} leaves the site's base path {base_path!r}"
    relative = unquote(path[len(base_path) :])
    if relative == "" or relative.endswith("/"):
        relative += "index.html"
    if ".." in relative.split("/") or not (site_dir / relative).is_file():
        return f"broken link {link!r}: no file {relative!r} in the site"
    if fragment:
        target = pages.get(relative)
        if target is not None and fragment not in target[0]:
            return f"broken anchor {link!r}: no id {fragment!r} in {relative}"
    return None


def _join(page_url: str, relative: str) -> str:
    base = page_url if page_url.endswith("/") else page_url.rsplit("/", 1)[0] + "/"
    segments: list[str] = []
    for segment in (base + relative).split("/"):
        if segment == "..":
            if segments:
                segments.pop()
        elif segment != ".":
            segments.append(segment)
    return "/".join(segments)


def check_project(config: Config) -> tuple[list[Diagnostic], Checked]:
    """Validate notes, then the built site (if there is one), including GitHub Pages' pre-flight checks."""
    notes, diagnostics = load_notes(config.content_dir, config.root, include_drafts=True)
    checked = Checked(notes=len(notes))
    if not config.output_dir.is_dir():
        diagnostics.append(Diagnostic("error", config.output_dir.name, "no built site: run 'briefgen build' first"))
        return diagnostics, checked
    site_diagnostics, site_checked = check_site(
        config.output_dir, base_path=config.base_path, origin=config.site_origin
    )
    checked.pages, checked.links = site_checked.pages, site_checked.links
    return diagnostics + site_diagnostics + preflight_site(config.output_dir), checked
