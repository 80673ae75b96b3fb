"""The one URL helper: every link, asset, feed and sitemap URL is built here, honouring base_url."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

_UNRESERVED = re.compile(r"[A-Za-z0-9/#._~-]*")
"""Characters `quote` leaves alone here (its always-safe set plus "/" and "#"): slugs are made of
them, so most paths skip `quote`, which a site calls a few hundred thousand times otherwise."""


KINDS = ("people", "places", "organizations", "topics")
"""The kinds of entity, each a section of the site with a page per entity ("people/<id>/")."""
KIND_TITLES = {"people": "People", "places": "Places", "organizations": "Organisations", "topics": "Topics"}


@dataclass(frozen=True)
class Urls:
    """Builds site URLs under `base_path` ("/" or "/repo/"); `origin` is "https://host" or ""."""

    base_path: str = "/"
    origin: str = ""

    def path(self, path: str = "") -> str:
        """A site-relative path ("people/x/") -> an absolute path under the base ("/repo/people/x/")."""
        path = path.lstrip("/")
        return self.base_path + (path if _UNRESERVED.fullmatch(path) else quote(path, safe="/#.-_~"))

    def page(self, kind: str, ident: str | None = None) -> str:
        """The pretty URL of a listing page (`ident` None) or of one item."""
        return self.path(f"{kind}/{ident}/" if ident else f"{kind}/")

    def briefing(self, slug: str, anchor: str = "") -> str:
        return self.page("briefings", slug) + (f"#{anchor}" if anchor else "")

    def asset(self, name: str) -> str:
        return self.path(f"static/{name}")

    def absolute(self, path: str) -> str:
        """Full URL for feeds, sitemaps, canonical links and JSON-LD (path-only without an origin)."""
        return self.origin + path if path.startswith("/") else path

    def feed_id(self, path: str) -> str:
        """A permanent IRI for an Atom id: the full URL, or a URN when the site has no host yet."""
        return self.origin + path if self.origin else "urn:briefgen:" + (path.strip("/") or "site")

    def rebase(self, href: str) -> str:
        """Root-relative links written in notes ("/people/x/") move under the base path."""
        # markdown-it has already percent-encoded the link, so it is joined, not quoted again
        return self.base_path + href[1:] if href.startswith("/") and not href.startswith("//") else href


def output_file(url_path: str, base_path: str) -> str:
    """The file (relative to site/) that serves `url_path`: pretty URLs end in index.html."""
    relative = url_path[len(base_path) :] if url_path.startswith(base_path) else url_path.lstrip("/")
    return relative + "index.html" if relative == "" or relative.endswith("/") else relative
