"""The full publish, notes -> site/: gather every note into one `Site`, render the pages whose
signature changed (reusing the rest from site/ or the page cache), check the links notes write,
and commit the new site in one swap. The reference path that every quicker one must match."""

from __future__ import annotations

import contextlib
import hashlib
import secrets
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..cache import read_state, state_file, write_state
from ..config import Config
from ..errors import ConfigError, Diagnostic, diagnostic_from

if TYPE_CHECKING:
    from ..cache import PickleCache
    from .aliases import Aliases
    from .render import Page

Progress = Callable[[str, int], Callable[[], None]]
"""progress(label, total) -> tick(): called once per finished item."""


@dataclass
class PublishReport:
    briefings: int = 0
    entity_pages: dict[str, int] = field(default_factory=dict)
    pages: int = 0
    rendered: int = 0
    """Pages actually rendered (the rest were unchanged since the last build)."""
    feeds: int = 0
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    site_updated: bool = False
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    """Every file of the site as written (relative paths)."""
    changed: list[str] = field(default_factory=list)
    """The files this build wrote or removed (what a live preview reloads)."""


def publish(
    config: Config,
    *,
    include_drafts: bool = False,
    jobs: int = 1,
    progress: Progress | None = None,
    cache: PickleCache | None = None,
    commit_guard: contextlib.AbstractContextManager[None] | None = None,
) -> PublishReport:
    """Notes -> site/: gather everything into a Site, render what changed, then apply it to site/."""
    import jinja2

    from ..cache import PageCache, scan_notes
    from .gather import collect_notes, make_site
    from .links import check_body_links
    from .output import SiteWriter
    from .parallel import PARALLEL_MIN_PAGES, render_pages, render_pool, template_diagnostic
    from .quick import BodyStore, body_pages
    from .render import Renderer, make_extra_files, make_pages, moved_entity_links, static_files
    from .search import is_indexed, make_search_bundle, site_file
    from .urls import KINDS

    report = PublishReport()
    scanned = scan_notes(config.content_dir, config.root, cache, jobs=jobs)
    notes, report.diagnostics = collect_notes(scanned, include_drafts=include_drafts)
    manifest_file = state_file(config, "pages")
    page_cache = PageCache(config.cache_dir / "pages")
    old_signatures: dict[str, str] = read_state(manifest_file).get("pages", {})
    # Nothing to keep or link (no last build, no cache): every page renders, so each page's
    # signature is computed where it renders, in parallel, instead of all of them here first.
    render_all = not old_signatures and page_cache.is_empty()
    writer = SiteWriter(config.output_dir)
    pool = None
    if render_all and jobs > 1 and len(notes) >= PARALLEL_MIN_PAGES:  # pages outnumber notes
        pool = render_pool(config, writer.staging, jobs)  # its workers start up while the site gathers
    with pool or contextlib.nullcontext(), writer:
        site = make_site(notes, related_count=config.related_count, aliases=_aliases(config, report))
        report.briefings = len(site.briefings)
        report.entity_pages = {kind: len(site.entities[kind]) for kind in KINDS}
        renderer = Renderer(config)
        pages = list(make_pages(site, config, renderer.urls))
        report.pages = len(pages)
        report.feeds = sum(1 for p in pages if p.template == "feed.xml")

        signatures: dict[str, str] = {}
        todo: list[tuple[str, Page, str | None]] = []
        page_list: list[tuple[str, Page]] = []
        failed = 0
        for page in pages:
            relative = renderer.output_file(page)
            try:
                renderer.templates.signature(page.template)  # a template that does not parse fails here
                signature = None if render_all else renderer.signature(page)
            except jinja2.TemplateError as exc:
                report.diagnostics.append(template_diagnostic(exc, config, page))
                failed += 1
                continue
            page_list.append((relative, page))
            if signature is None:
                todo.append((relative, page, None))
                continue
            signatures[relative] = signature
            if old_signatures.get(relative) == signature and (config.output_dir / relative).is_file():
                writer.keep(relative)
            elif cached := page_cache.verified(signature):
                writer.link(relative, cached)
            else:
                todo.append((relative, page, signature))
        report.rendered = len(todo)
        del old_signatures
        renderer.forget_fingerprints()  # their memory is reused by the rendering that follows
        tick = progress("rendering", len(todo)) if progress and todo else None
        rendering = render_pages(renderer, todo, writer, jobs=jobs, tick=tick, pool=pool)
        for relative, staged, failure, signature in rendering:
            if failure is None:
                signatures[relative] = signature
                writer.record(relative, staged=staged)
                page_cache.add(signature, writer.final_path(relative, staged=staged))
            else:
                failed += 1
                signatures.pop(relative, None)
                report.diagnostics.append(failure)
        other: dict[str, str] = {}  # files that are not pages -> content hash (cached like pages)
        extra = [*make_extra_files(site, config, renderer.urls, pages)]
        extra += [(relative, path.read_bytes()) for relative, path in static_files(config)]
        if not failed:  # the new site's pages, indexed before the site is swapped in (see builder.publish.search)
            where = site_file(writer.staging, config.output_dir)
            pages_to_index = ((r, where(r)) for r in writer.files if is_indexed(r))
            bundle = make_search_bundle(pages_to_index, state_file(config, "search", ""))
            report.diagnostics += bundle.diagnostics
            extra += bundle.files.items()
        for relative, data in extra:
            if not writer.has(relative):
                writer.write(relative, data)
                other[relative] = hashlib.sha256(data).hexdigest()
        report.diagnostics += check_body_links(
            notes,
            [_url_path(relative) for relative in writer.files],
            {note.slug: moved_entity_links(note, site.refs[note.slug]) for note in site.briefings},
            severity=config.broken_links,
        )
        if failed:
            report.diagnostics.append(
                Diagnostic("error", config.output_dir.name, "site not updated: the previous site is kept")
            )
        else:
            with commit_guard or contextlib.nullcontext():
                writer.commit()
            report.site_updated = True
            token = secrets.token_hex(8)
            with (
                BodyStore.open(state_file(config, "bodies", ".sqlite"), create=True) as store,
                contextlib.suppress(sqlite3.Error),  # no store (a full cache disk): no quick path, same site
            ):
                if store is not None:
                    parsed = [found.note for found in scanned if found.note is not None]
                    shown = ((relative, signatures[relative], page) for relative, page in page_list)
                    store.record(token, parsed, body_pages(shown))
            templates = renderer.templates.signatures
            for relative, digest in other.items():
                page_cache.add(digest, config.output_dir / relative)
            manifest = {"pages": signatures, "other": other, "token": token, "templates": templates}
            write_state(manifest_file, manifest)
            page_cache.save(keep=set(signatures.values()) | set(other.values()))
        report.files = writer.files
        report.changed = writer.changed if report.site_updated else []
        report.written, report.unchanged, report.removed = writer.written, writer.unchanged, writer.removed
    return report


def _aliases(config: Config, report: PublishReport) -> Aliases | None:
    """The user's aliases file, or None (with an error naming it) when it does not parse."""
    from .aliases import load_aliases

    try:
        return load_aliases(config.root / config.extract.aliases_file, display=config.extract.aliases_file)
    except ConfigError as exc:
        report.diagnostics.append(diagnostic_from(str(exc), config.extract.aliases_file))
        return None


def _url_path(relative: str) -> str:
    """The root-relative URL path a file of site/ is served at ("people/x/index.html" -> "/people/x/")."""
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)
