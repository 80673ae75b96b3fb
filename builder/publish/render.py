"""The publishing half's write step: `Site` -> pages (Jinja2 templates, markdown-it-py Markdown).

Templates come from the project's `templates/` first and the default theme second, so a
project overrides any single file of the theme. Autoescape is on; raw HTML in Markdown is off.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.attrs import attrs_block_plugin

from .. import __version__
from ..cache import template_cache_dir
from ..config import Config, theme_dir
from ..notes.note import NOT_XML, Note
from ..notes.slugs import slugify
from .deps import TemplateSignatures, fingerprint
from .evidence import link_summary_evidence
from .listings import DATE_BASIS_WORDS, FLAG_LABEL, long_date
from .sections import archive_pages, digest_pages, entity_pages, feed_context, listing_pages, make_items, timeline_pages
from .urls import KIND_TITLES, KINDS, Urls, output_file

if TYPE_CHECKING:  # the site module is needed to gather, not to render one page
    from .gather import Ref, Site

HOME_SIZE = 20
MARKDOWN_FEATURES = "commonmark+table+attrs_block+anchors(2,3); html off; links rebased; summary evidence"
"""Part of every page signature: change it when the Markdown set-up changes."""


@dataclass(frozen=True)
class Page:
    """One output file: where it goes, which template renders it, and what the template sees."""

    url: str
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)


def moved_entity_links(note: Note, refs: Sequence[Ref]) -> dict[str, str]:
    """Entity links a note's body writes ("/people/<the id it declares>/") whose entity has another
    page on the site (merged across briefings, or renamed by aliases.toml) -> that page."""
    pages = {(ref.kind, name.casefold()): ref.id for ref in refs for name in (ref.name, *ref.aliases)}
    moved: dict[str, str] = {}
    for kind in ("people", "organizations", "places"):
        for item in note.meta.get(kind) or ():
            if not isinstance(item, Mapping):
                continue
            name = str(item.get("name") or "").strip()
            declared = slugify(str(item.get("id") or name))
            target = pages.get((kind, name.casefold()))
            if target and target != declared:
                moved[f"/{kind}/{declared}/"] = f"/{kind}/{target}/"
    return moved


def make_markdown(urls: Urls) -> MarkdownIt:
    """CommonMark + tables, paragraph anchors ({#p3}) and heading ids; raw HTML disabled."""
    md = MarkdownIt("commonmark", {"html": False, "typographer": False})
    md.enable("table").use(attrs_block_plugin).use(anchors_plugin, min_level=2, max_level=3)

    def link_open(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        href = tokens[idx].attrGet("href")
        if isinstance(href, str):
            moved = env.get("moved_links") if env else None
            tokens[idx].attrSet("href", urls.rebase(moved.get(href, href) if moved else href))
        return self.renderToken(tokens, idx, options, env)

    def image(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        src = tokens[idx].attrGet("src")
        if isinstance(src, str):
            tokens[idx].attrSet("src", urls.rebase(src))
        return self.image(tokens, idx, options, env)

    md.add_render_rule("link_open", link_open)
    md.add_render_rule("image", image)
    return md


def make_environment(config: Config, loader: jinja2.BaseLoader | None = None) -> jinja2.Environment:
    """Jinja environment: project templates override the theme; autoescape for HTML and XML."""
    loader = loader or jinja2.ChoiceLoader(
        [jinja2.FileSystemLoader(config.templates_dir), jinja2.FileSystemLoader(theme_dir())]
    )
    env = jinja2.Environment(
        loader=loader,
        autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_bytecode_cache(config),
    )
    env.filters["longdate"] = _longdate
    return env


def _bytecode_cache(config: Config) -> jinja2.BytecodeCache | None:
    """Compiled templates under .briefgen/ (Jinja checks each against its template's source), so a
    build that renders a few pages does not spend most of its time compiling templates."""
    folder = template_cache_dir(config.cache_dir, jinja2.__version__)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


def _longdate(value: date | str | None) -> str:
    """A date in words ("13 January 2026"); "date unknown" for none."""
    if value is None:
        return "date unknown"
    return long_date(value.isoformat() if isinstance(value, date) else value)


def make_pages(site: Site, config: Config, urls: Urls) -> Iterator[Page]:
    """Every page of the site with its precomputed context (no template loops over all pages).

    Listings get `Item`s, never whole notes, so a page's context is exactly what it shows.
    """
    items = make_items(site)
    listed = list(items.values())
    counts = {kind: len(site.entities[kind]) for kind in KINDS}
    newest_day = next((item.date for item in listed if item.date), None)
    latest_digest = (
        (long_date(newest_day.isoformat()), urls.path(f"digest/{newest_day.isoformat()}/")) if newest_day else None
    )
    home = {"briefings": listed[:HOME_SIZE], "total": len(listed), "counts": counts, "latest_digest": latest_digest}
    yield Page(urls.path(), "index.html", home)
    for url, template, context in listing_pages(listed, config.paginate, urls.page("briefings"), "archive.html", {}):
        yield Page(url, template, context)
    for note in site.briefings:
        yield Page(
            urls.briefing(note.slug),
            "briefing.html",
            {
                "note": note,
                "refs": site.refs[note.slug],
                "moved_links": moved_entity_links(note, site.refs[note.slug]),
                "related": [items[s] for s in site.related.get(note.slug, ())],
                "backlinks": [items[s] for s in site.backlinks.get(note.slug, ())],
                "jsonld": make_jsonld(note, site, urls, config),
                "item": items[note.slug],
                "date_note": date_note(note),
            },
        )
    sections = (
        entity_pages(site, items, urls, config.paginate),
        timeline_pages(site, items, urls),
        archive_pages(listed, urls, config.paginate),
        digest_pages(listed, urls),
    )
    for section in sections:
        for url, template, context in section:
            yield Page(url, template, context)
    yield Page(urls.page("dates"), "dates.html", {})
    yield Page(urls.page("search"), "search.html", {})
    yield Page(urls.path("feed.xml"), "feed.xml", feed_context(listed[: config.feed_size], config.title, urls.path()))
    yield Page(urls.path("404.html"), "404.html", {})


def date_note(note: Note) -> str:
    """What the note's own flags say about its date (the years that also fit an inferred one)."""
    for flag in note.meta.get("flags") or ():
        if isinstance(flag, Mapping) and flag.get("code") in ("year_inferred", "date_unknown"):
            return str(flag.get("message") or "")
    return ""


def make_jsonld(note: Note, site: Site, urls: Urls, config: Config) -> dict[str, Any]:
    """schema.org NewsArticle for one briefing (emitted as JSON-LD in the page head)."""
    types = {"people": "Person", "places": "Place", "organizations": "Organization"}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": note.title[:110],
        "url": urls.absolute(urls.briefing(note.slug)),
        "inLanguage": config.language,
        "description": note.summary,
    }
    if note.date:
        data["datePublished"] = note.date.isoformat()
    mentions = [
        {"@type": types[r.kind], "name": r.name, "url": urls.absolute(urls.page(r.kind, r.id))}
        for r in site.refs[note.slug]
        if r.kind in types
    ]
    if mentions:
        data["mentions"] = mentions
    keywords = [r.name for r in site.refs[note.slug] if r.kind == "topics"]
    if keywords:
        data["keywords"] = keywords
    source = note.meta.get("source")
    if isinstance(source, dict) and source.get("url"):
        data["isBasedOn"] = str(source["url"])
    data["publisher"] = {"@type": "Organization", "name": config.title}
    return data


class Renderer:
    """Renders pages to bytes with one Jinja environment and one Markdown parser."""

    def __init__(
        self,
        config: Config,
        *,
        loader: jinja2.BaseLoader | None = None,
        template_signatures: Mapping[str, str] | None = None,
    ) -> None:
        self.config = config
        self.urls = Urls(config.base_path, config.site_origin)
        self.env = make_environment(config, loader)
        self.markdown = make_markdown(self.urls)
        self.globals: dict[str, Any] = {
            "config": config,
            "urls": self.urls,
            "kinds": KINDS,
            "kind_titles": KIND_TITLES,
            "markdown": self.render_markdown,
            "generator": f"briefgen {__version__}",
            "basis_words": DATE_BASIS_WORDS,
            "flag_label": FLAG_LABEL,
        }
        self.env.globals.update(self.globals)
        self.templates = TemplateSignatures(self.env, template_signatures)
        self._memo: dict[int, bytes] = {}
        # Everything a page sees besides its own context: the settings, the version and the theme.
        self.globals_signature = fingerprint(
            {k: v for k, v in self.globals.items() if k != "markdown"} | {"markdown": MARKDOWN_FEATURES}
        )

    def render_markdown(self, text: str, moved_links: Mapping[str, str] | None = None) -> str:
        """A note body as HTML; `moved_links` maps entity links the note wrote to the pages their
        entities were merged into across briefings ("/people/brown/" -> "/people/gordon-brown/").
        The BLUF and key points get a ¶ link to the source paragraph they were taken from."""
        text = link_summary_evidence(text)
        return str(self.markdown.render(text, {"moved_links": moved_links} if moved_links else None))

    def render(self, page: Page) -> bytes:
        template = self.env.get_template(page.template)
        html = template.render({**page.context, "page_url": page.url})
        if NOT_XML.search(html):  # from a hand-edited note (a YAML "\x01" escape, a pasted control code)
            html = NOT_XML.sub("", html)
        return html.encode("utf-8")

    def forget_fingerprints(self) -> None:
        """Drop the memo of shared values' fingerprints (`signature` stays correct, only slower)."""
        self._memo.clear()

    def output_file(self, page: Page) -> str:
        return output_file(page.url, self.urls.base_path)

    def signature(self, page: Page) -> str:
        """Changes exactly when the page's rendered bytes can change (see `builder.deps`)."""
        context = fingerprint(page.context, self._memo)
        parts = (page.url, self.templates.signature(page.template), self.globals_signature, context)
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def make_extra_files(site: Site, config: Config, urls: Urls, pages: Sequence[Page]) -> Iterator[tuple[str, bytes]]:
    """Files that are not templates: sitemap, robots.txt, .nojekyll (the search index is made from
    the rendered pages, by `builder.publish.search`)."""
    lastmod: dict[str, str] = {urls.briefing(n.slug): n.date.isoformat() for n in site.briefings if n.date}
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for page in pages:
        if page.template in ("404.html", "feed.xml"):
            continue
        loc = _xml_escape(urls.absolute(page.url))
        mod = f"<lastmod>{lastmod[page.url]}</lastmod>" if page.url in lastmod else ""
        lines.append(f"<url><loc>{loc}</loc>{mod}</url>")
    lines.append("</urlset>")
    yield "sitemap.xml", ("\n".join(lines) + "\n").encode("utf-8")
    robots = "User-agent: *\nAllow: /\n"
    if urls.origin:
        robots += f"Sitemap: {urls.absolute(urls.path('sitemap.xml'))}\n"
    yield "robots.txt", robots.encode("utf-8")
    yield ".nojekyll", b""


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def static_files(config: Config) -> Iterator[tuple[str, Path]]:
    """Static assets: the theme's static/ overlaid by the project's templates/static/."""
    chosen: dict[str, Path] = {}
    for base in (theme_dir() / "static", config.templates_dir / "static"):
        if base.is_dir():
            for path in sorted(base.rglob("*")):
                if path.is_file() and not path.name.startswith("."):
                    chosen[path.relative_to(base).as_posix()] = path
    for name in sorted(chosen):
        yield f"static/{name}", chosen[name]
