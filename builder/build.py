"""`briefgen build`: the pipeline, read top to bottom.

seeds/ --(authoring)--> content/ --(load, gather)--> Site --(render, write)--> site/
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from .authoring import AuthoringReport, sync_notes
from .config import Config
from .errors import Diagnostic
from .output import SiteWriter
from .render import Page, Renderer, make_extra_files, make_pages, static_files
from .site import KINDS, load_notes, make_site

Progress = Callable[[str, int], Callable[[], None]]
"""progress(label, total) -> tick(): called once per finished item."""


@dataclass
class PublishReport:
    briefings: int = 0
    entity_pages: dict[str, int] = field(default_factory=dict)
    pages: int = 0
    feeds: int = 0
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    site_updated: bool = False
    diagnostics: list[Diagnostic] = field(default_factory=list)


@dataclass
class BuildReport:
    authoring: AuthoringReport | None
    publishing: PublishReport
    seconds: float = 0.0

    @property
    def diagnostics(self) -> list[Diagnostic]:
        first = self.authoring.diagnostics if self.authoring else []
        return first + self.publishing.diagnostics

    def count(self, severity: str) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity)


def build(
    config: Config,
    *,
    force: bool = False,
    jobs: int = 1,
    include_drafts: bool = False,
    authoring: bool = True,
    progress: Progress | None = None,
) -> BuildReport:
    """Both halves: update notes from seeds, then publish every note to the site."""
    started = time.perf_counter()
    notes_report = None
    if authoring:
        notes_report = sync_notes(
            config, force=force, jobs=jobs, progress=(lambda n: progress("extracting", n)) if progress else None
        )
    site_report = publish(config, include_drafts=include_drafts, progress=progress)
    return BuildReport(notes_report, site_report, time.perf_counter() - started)


def publish(config: Config, *, include_drafts: bool = False, progress: Progress | None = None) -> PublishReport:
    """Notes -> site/: gather everything into a Site, render every page, then swap site/ in."""
    report = PublishReport()
    notes, report.diagnostics = load_notes(config.content_dir, config.root, include_drafts=include_drafts)
    site = make_site(notes, related_count=config.related_count)
    report.briefings = len(site.briefings)
    report.entity_pages = {kind: len(site.entities[kind]) for kind in KINDS}
    renderer = Renderer(site, config)
    pages = list(make_pages(site, config, renderer.urls))
    tick = progress("rendering", len(pages)) if progress else None
    with SiteWriter(config.output_dir) as writer:
        for page in pages:
            try:
                writer.write(renderer.output_file(page), renderer.render(page))
            except jinja2.TemplateError as exc:
                report.diagnostics.append(template_diagnostic(exc, config, page))
            if tick:
                tick()
        for relative, data in make_extra_files(site, config, renderer.urls, pages):
            writer.write(relative, data)
        for relative, path in static_files(config):
            if not writer.has(relative):
                writer.write(relative, path.read_bytes())
        report.pages = len(pages)
        report.feeds = sum(1 for p in pages if p.template == "feed.xml")
        if any(d.severity == "error" and d.message.startswith("template") for d in report.diagnostics):
            report.diagnostics.append(
                Diagnostic("error", str(config.output_dir.name), "site not updated: the previous site is kept")
            )
        else:
            writer.commit()
            report.site_updated = True
        report.written, report.unchanged, report.removed = writer.written, writer.unchanged, writer.removed
    return report


def template_diagnostic(exc: jinja2.TemplateError, config: Config, page: Page) -> Diagnostic:
    """Name the template file and line (and the page being rendered) for a Jinja error."""
    filename: str | None = getattr(exc, "filename", None)
    line: int | None = getattr(exc, "lineno", None)
    if filename is None:  # runtime errors: Jinja rewrites frames to point at template lines
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename.endswith((".html", ".xml")):
                filename, line = frame.filename, frame.lineno
                break
    where = _display(filename, config.root) if filename else page.template
    message = getattr(exc, "message", None) or str(exc)
    return Diagnostic("error", where, f"template error while rendering {page.url}: {message}", line)


def _display(filename: str, root: Path) -> str:
    path = Path(filename)
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return filename
