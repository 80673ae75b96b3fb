"""`briefgen build`: the pipeline, read top to bottom.

seeds/ --(authoring)--> content/ --(load, gather)--> Site --(render, write)--> site/

A full build is the reference. Caching only skips work whose inputs are provably unchanged:
notes are parsed once per content hash, and a page is rendered only when its signature (its
template closure, the template globals and its own context; see `builder.deps`) differs from the
one recorded when site/ was last written.
"""

from __future__ import annotations

import contextlib
import enum
import hashlib
import os
import secrets
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .cache import read_state, state_file, write_state
from .config import Config, theme_dir
from .errors import ConfigError, Diagnostic, diagnostic_from
from .lock import project_lock

# The rest of the pipeline is imported where it runs, so that an up-to-date build (the no-op
# check) starts without loading Jinja, markdown-it, PyYAML or the extractor.
if TYPE_CHECKING:
    import multiprocessing.pool

    import jinja2

    from .authoring.sync import AuthoringReport
    from .cache import PickleCache
    from .publish.output import SiteWriter
    from .publish.render import Page, Renderer

Progress = Callable[[str, int], Callable[[], None]]
"""progress(label, total) -> tick(): called once per finished item."""

PARALLEL_MIN_PAGES = 300
"""Below this many pages to render, worker processes cost more than they save."""


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


@dataclass
class BuildReport:
    authoring: AuthoringReport | None
    publishing: PublishReport
    seconds: float = 0.0
    plan: str = ""
    """What this build decided to do, and why (shown with --verbose)."""
    up_to_date: bool = False
    """Nothing had changed since the last build: no extraction, no rendering, no writes."""
    quick: bool = False
    """Only note bodies had changed: their pages were rendered without gathering the site."""

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
    commit_guard: contextlib.AbstractContextManager[None] | None = None,
    edited_notes: Sequence[Path] | None = None,
) -> BuildReport:
    """Both halves: update notes from seeds, then publish every note to the site.

    `edited_notes`: the caller knows that these existing notes are all that changed since its
    own last build (`serve`, from the file watcher). Their body-only edits then skip the scan of
    every input; anything else falls through to the full check below.

    One build at a time per project: a second one waits briefly, then raises `LockedError`.
    """
    with project_lock(config.cache_dir):
        return _build(
            config,
            force=force,
            jobs=jobs,
            include_drafts=include_drafts,
            authoring=authoring,
            progress=progress,
            commit_guard=commit_guard,
            edited_notes=edited_notes,
        )


class Step(enum.Enum):
    """What a build can do, cheapest first."""

    NOTHING = "nothing to do"
    BODIES = "re-render the pages of edited note bodies"
    RESTORE = "put site/ back from the page cache"
    FULL = "full build"


@dataclass(frozen=True)
class InputState:
    """What the decision needs to know about the inputs and site/ against the last build."""

    first: bool
    """There is no record of a previous build (of this output folder)."""
    same_inputs: bool
    """Every input hashes as it did at the last successful build."""
    site_complete: bool
    """site/ holds every file the last build wrote."""
    site_present: bool
    """site/ is there (its files are not all checked)."""


@dataclass(frozen=True)
class BuildPlan:
    """The steps to try in order (each but the last may find it does not apply), and why."""

    steps: tuple[Step, ...]
    reason: str

    def describe(self) -> str:
        return f"{' or else '.join(step.value for step in self.steps)}: {self.reason}"


def plan_build(*, force: bool, told: bool, state: InputState | None) -> BuildPlan:
    """Pure: what this build has to do. `told`: the caller (serve) listed the notes it saw change,
    so no input needs hashing first; `state` is None in that case."""
    if force:
        return BuildPlan((Step.FULL,), "--force regenerates and renders everything")
    if told or state is None:
        return BuildPlan((Step.BODIES,), "the preview saw only existing notes change")
    if state.first:
        return BuildPlan((Step.FULL,), "no previous build of this output folder")
    if state.same_inputs and state.site_complete:
        return BuildPlan((Step.NOTHING,), "no input changed and site/ is complete")
    if state.same_inputs:
        return BuildPlan((Step.RESTORE, Step.FULL), "no input changed, but files of site/ were deleted")
    if state.site_present:
        return BuildPlan((Step.BODIES, Step.FULL), "inputs changed; if only note bodies did, their pages alone render")
    return BuildPlan((Step.FULL,), "inputs changed and site/ is missing")


def _build(
    config: Config,
    *,
    force: bool,
    jobs: int,
    include_drafts: bool,
    authoring: bool,
    progress: Progress | None,
    commit_guard: contextlib.AbstractContextManager[None] | None,
    edited_notes: Sequence[Path] | None,
) -> BuildReport:
    started = time.perf_counter()
    run = _Run(config, read_state(state_file(config, "build")), commit_guard)
    told = _restamp_notes(config, run.previous, edited_notes) if edited_notes and not force else None
    plans = []
    if told is not None:  # serve's own list of edited notes: try that before hashing every input
        plans.append((plan_build(force=force, told=True, state=None), told))
    stamped = (
        input_stamp(config, include_drafts=include_drafts, authoring=authoring, known=run.known) if not told else None
    )
    if stamped is not None:
        plans.append((plan_build(force=force, told=False, state=run.input_state(stamped[0])), stamped))
    for index, (plan, (stamp, stats)) in enumerate(plans):
        for step in plan.steps:
            match step:
                case Step.NOTHING:
                    return run.report(BuildReport(None, _previous_report(run.previous), up_to_date=True), plan, started)
                case Step.BODIES:
                    quick = _quick_publish(config, run.previous, stamp, commit_guard)
                    if quick is not None:
                        run.save(stamp=stamp, stats=stats, files=quick.files)
                        return run.report(BuildReport(None, quick, quick=True), plan, started)
                case Step.RESTORE:
                    restored = _restore_site(config, run.previous, commit_guard)
                    if restored is not None:
                        run.save(stats=stats)
                        return run.report(BuildReport(None, restored), plan, started)
                case Step.FULL:
                    report = _full_build(
                        config, run, (stamp, stats), force=force, jobs=jobs, include_drafts=include_drafts,
                        authoring=authoring, progress=progress,
                    )  # fmt: skip
                    return run.report(report, plan, started)
        if index == len(plans) - 1:  # serve's notes were not body-only edits: hash the inputs, decide again
            stamp, stats = input_stamp(config, include_drafts=include_drafts, authoring=authoring, known=run.known)
            plans.append((plan_build(force=force, told=False, state=run.input_state(stamp)), (stamp, stats)))
    raise AssertionError("every plan ends in a full build")  # pragma: no cover


@dataclass
class _Run:
    """One build's view of the last one: its record, and how to update it."""

    config: Config
    previous: dict[str, Any]
    commit_guard: contextlib.AbstractContextManager[None] | None

    @property
    def known(self) -> Stats:
        return self.previous.get("stats") or {}

    def input_state(self, stamp: dict[str, str]) -> InputState:
        files = self.previous.get("files")
        return InputState(
            first=not self.previous,
            same_inputs=self.previous.get("stamp") == stamp,
            site_complete=_site_complete(self.config.output_dir, files),
            site_present=_site_present(self.config.output_dir, files),
        )

    def save(self, **changes: Any) -> None:
        write_state(state_file(self.config, "build"), self.previous | changes)

    @staticmethod
    def report(report: BuildReport, plan: BuildPlan, started: float) -> BuildReport:
        report.plan = plan.describe()
        report.seconds = time.perf_counter() - started
        return report


def _full_build(
    config: Config,
    run: _Run,
    stamped: tuple[dict[str, str], Stats],
    *,
    force: bool,
    jobs: int,
    include_drafts: bool,
    authoring: bool,
    progress: Progress | None,
) -> BuildReport:
    """The reference path: notes from seeds, then every page gathered and rendered (or reused)."""
    from .authoring.sync import sync_notes
    from .cache import PickleCache

    notes_cache = PickleCache(config.cache_dir / "notes.pickle")
    notes_report = None
    stamp, stats = stamped
    if authoring:
        tick = (lambda n: progress("extracting", n)) if progress else None
        notes_report = sync_notes(config, force=force, jobs=jobs, progress=tick, cache=notes_cache)
        # Taken again between the halves: the stamp covers the notes just written, and an edit saved
        # while the site renders makes the next build differ from it (so it is never "up to date").
        stamp, stats = input_stamp(config, include_drafts=include_drafts, authoring=authoring, known=stats)
    site_report = publish(
        config,
        include_drafts=include_drafts,
        jobs=jobs,
        progress=progress,
        cache=notes_cache,
        commit_guard=run.commit_guard,
    )
    notes_cache.save()
    result = BuildReport(notes_report, site_report)
    # Only a build without errors may short-circuit the next one, so errors are reported every time.
    if site_report.site_updated and result.count("error") == 0:
        summary = {"briefings": site_report.briefings, "entity_pages": site_report.entity_pages}
        summary |= {"pages": site_report.pages, "feeds": site_report.feeds}
        files = site_report.files
        write_state(
            state_file(config, "build"),
            {"stamp": stamp, "stats": stats, "files": files, "summary": summary},
        )
    return result


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

    from .cache import PageCache, scan_notes
    from .publish.aliases import load_aliases
    from .publish.gather import collect_notes, make_site
    from .publish.links import check_body_links
    from .publish.output import SiteWriter
    from .publish.quick import BodyStore, body_pages
    from .publish.render import Renderer, make_extra_files, make_pages, moved_entity_links, static_files
    from .publish.search import is_indexed, make_search_bundle, site_file
    from .publish.urls import KINDS

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
        pool = _render_pool(config, writer.staging, jobs)  # its workers start up while the site gathers
    with pool or contextlib.nullcontext(), writer:
        aliases_file = config.root / config.extract.aliases_file
        try:
            aliases = load_aliases(aliases_file, display=config.extract.aliases_file)
        except ConfigError as exc:
            report.diagnostics.append(diagnostic_from(str(exc), config.extract.aliases_file))
            aliases = None
        site = make_site(notes, related_count=config.related_count, aliases=aliases)
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


def _url_path(relative: str) -> str:
    """The root-relative URL path a file of site/ is served at ("people/x/index.html" -> "/people/x/")."""
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def _previous_report(previous: dict[str, Any]) -> PublishReport:
    """The last build's site, as the report of a build that changed nothing yet."""
    report = PublishReport(**previous.get("summary", {}))
    report.files = previous["files"]
    report.unchanged = len(report.files)
    return report


def _restamp_notes(
    config: Config, previous: dict[str, Any], paths: Sequence[Path]
) -> tuple[dict[str, str], Stats] | None:
    """The last build's stamp with these existing notes hashed again (None: not only such notes)."""
    before, known = previous.get("stamp"), previous.get("stats")
    if not isinstance(before, dict) or not isinstance(known, dict) or "files" not in previous:
        return None
    stamp, stats = dict(before), dict(known)
    prefix = str(config.root) + os.sep
    for path in paths:
        name = str(path)[len(prefix) :] if str(path).startswith(prefix) else ""
        if path.parent != config.content_dir or path.suffix != ".md" or name not in before:
            return None
        try:
            info, data = path.stat(), path.read_bytes()
        except OSError:
            return None
        digest = hashlib.sha256(data).hexdigest()
        stamp[name], stats[name] = digest, [info.st_size, info.st_mtime_ns, digest]
    return stamp, stats


def _restore_site(
    config: Config, previous: dict[str, Any], commit_guard: contextlib.AbstractContextManager[None] | None
) -> PublishReport | None:
    """Inputs unchanged but site/ deleted or incomplete: put back every file of the last build from
    the page cache, without gathering or rendering anything (None when a file is not cached)."""
    from .cache import PageCache
    from .publish.output import SiteWriter

    manifest = read_state(state_file(config, "pages"))
    keys: dict[str, str] = (manifest.get("pages") or {}) | (manifest.get("other") or {})
    page_cache = PageCache(config.cache_dir / "pages")
    sources: list[tuple[str, Path]] = []
    for relative in previous["files"]:
        source = page_cache.verified(keys.get(relative, ""))
        if source is None:
            page_cache.save()  # forget a damaged entry; the full path renders its page again
            return None
        sources.append((relative, source))
    report = _previous_report(previous)
    with SiteWriter(config.output_dir) as writer:
        for relative, source in sources:
            writer.link(relative, source)
        with commit_guard or contextlib.nullcontext():
            writer.commit()
        report.written, report.unchanged, report.removed = writer.written, writer.unchanged, writer.removed
        report.changed = writer.changed
    report.site_updated = True
    return report


def _quick_publish(
    config: Config,
    previous: dict[str, Any],
    stamp: dict[str, str],
    commit_guard: contextlib.AbstractContextManager[None] | None,
) -> PublishReport | None:
    """When only existing notes changed since the last build, try `builder.quick` (None: it does not apply)."""
    before = previous.get("stamp") or {}
    changed = sorted(name for name in before.keys() | stamp.keys() if before.get(name) != stamp.get(name))
    paths = [config.root / name for name in changed]
    notes_only = all(
        name in before and name in stamp and path.suffix == ".md" and path.parent == config.content_dir
        for name, path in zip(changed, paths, strict=True)
    )
    if not changed or not notes_only:
        return None
    from .cache import PageCache
    from .publish.quick import quick_publish
    from .publish.search import is_indexed, refresh_search_bundle

    try:
        result = quick_publish(
            config,
            paths,
            manifest_file=state_file(config, "pages"),
            store_file=state_file(config, "bodies", ".sqlite"),
            commit_guard=commit_guard,
        )
    except sqlite3.Error:  # an unreadable store: the full path redoes whatever this wrote
        return None
    if result is None:
        return None
    report = _previous_report(previous)
    report.rendered, report.written, report.diagnostics = result.rendered, len(result.written), result.diagnostics
    report.changed = result.written
    report.unchanged -= report.written
    report.site_updated = True
    if any(is_indexed(relative) for relative in result.written):  # their text is in the search index
        with commit_guard or contextlib.nullcontext():
            refreshed = refresh_search_bundle(
                config.output_dir,
                report.files,
                work=state_file(config, "search", ""),
                manifest_file=state_file(config, "pages"),
                page_cache=PageCache(config.cache_dir / "pages"),
            )
        report.files, report.diagnostics = refreshed.files, report.diagnostics + refreshed.diagnostics
        report.changed = sorted({*report.changed, *refreshed.changed})
        report.written += len(refreshed.changed)
    return report


RenderResult = tuple[str, bool, Diagnostic | None, str]
"""(output file, whether it was staged, the template error if rendering failed, the page's signature)"""

Todo = Sequence[tuple[str, "Page", str | None]]
"""(output file, page, its signature or None to compute it while rendering)"""


def render_pages(
    renderer: Renderer,
    todo: Todo,
    writer: SiteWriter,
    *,
    jobs: int,
    tick: Callable[[], None] | None = None,
    pool: multiprocessing.pool.Pool | None = None,
) -> Iterator[RenderResult]:
    """Render and stage pages, in worker processes when there are enough of them.

    `jobs` processes render: this one and `jobs - 1` workers (`pool`, or a pool started here).
    Workers are fresh interpreters ("spawn"), sent only their chunks' pages: a forked worker would
    share the whole gathered site and, as reference counts change, copy it, so the build would
    hold it twice. Each process stages its pages' files itself and only names and flags travel
    back. The workers take chunks from the front; this process renders the listing pages, then
    takes chunks from the back whenever the next result is not ready, so every process stays
    busy to the end. Results come back in page order, so diagnostics and output are identical
    for any number of jobs.
    """
    if jobs <= 1 or len(todo) < PARALLEL_MIN_PAGES:
        for item in todo:
            yield _render_one(renderer, item, writer.staging)
            if tick:
                tick()
        renderer.forget_fingerprints()
        return
    size = max(8, min(100, len(todo) // (jobs * 8)))
    chunks = [todo[start : start + size] for start in range(0, len(todo), size)]
    # Listing pages (the archive, entity indexes, the timeline) hold thousands of items: shipping
    # their context would cost more than rendering them, so this process keeps their chunks.
    mine = deque(i for i, chunk in enumerate(chunks) if any(_is_listing(item[1]) for item in chunk))
    shared = deque(i for i in range(len(chunks)) if i not in mine)
    with contextlib.ExitStack() as stack:
        if pool is None:
            pool = stack.enter_context(_render_pool(renderer.config, writer.staging, jobs))
        running: dict[int, multiprocessing.pool.AsyncResult[list[RenderResult]]] = {}
        done: dict[int, list[RenderResult]] = {}
        for index in range(len(chunks)):
            while index not in done:
                while shared and len(running) < 2 * (jobs - 1):  # a chunk queued behind each busy worker
                    ahead = shared.popleft()
                    running[ahead] = pool.apply_async(_render_chunk, (chunks[ahead],))
                if index in running and (running[index].ready() or not (mine or shared)):
                    done[index] = running.pop(index).get()
                elif mine or shared:
                    own = mine.popleft() if mine else shared.pop()
                    done[own] = _render_chunk(chunks[own], (renderer, writer.staging))
            for result in done.pop(index):
                yield result
                if tick:
                    tick()


def _render_pool(config: Config, staging: Path, jobs: int) -> multiprocessing.pool.Pool:
    """`jobs - 1` render workers (this process is the last one)."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    return context.Pool(jobs - 1, initializer=_start_worker, initargs=(config, staging))


LISTING_SIZE = 256


def _is_listing(page: Page) -> bool:
    return any(isinstance(value, (list, tuple, dict)) and len(value) > LISTING_SIZE for value in page.context.values())


_WORKER: tuple[Renderer, Path] | None = None


def _start_worker(config: Config, staging: Path) -> None:
    from .publish.render import Renderer

    global _WORKER
    _WORKER = (Renderer(config), staging)


def _render_chunk(chunk: Todo, worker: tuple[Renderer, Path] | None = None) -> list[RenderResult]:
    """Render a chunk with `worker` (this process's renderer), or in a worker process with its own."""
    if worker is None:
        assert _WORKER is not None, "render worker used before _start_worker"
        worker = _WORKER
    renderer, staging = worker
    results = [_render_one(renderer, item, staging) for item in chunk]
    renderer.forget_fingerprints()  # shared values' reprs are worth keeping within a chunk only
    return results


def _render_one(renderer: Renderer, item: tuple[str, Page, str | None], staging: Path) -> RenderResult:
    import jinja2

    from .publish.output import stage_file

    relative, page, signature = item
    if signature is None:
        signature = renderer.signature(page)
    try:
        data = renderer.render(page)
    except jinja2.TemplateError as exc:
        return relative, False, template_diagnostic(exc, renderer.config, page), signature
    return relative, stage_file(staging, renderer.config.output_dir, relative, data), None, signature


def template_diagnostic(exc: jinja2.TemplateError, config: Config, page: Page) -> Diagnostic:
    """Name the template file and line (and the page being rendered) for a Jinja error."""
    import traceback

    filename: str | None = getattr(exc, "filename", None)
    line: int | None = getattr(exc, "lineno", None)
    if filename is None:  # runtime errors: Jinja rewrites frames to point at template lines
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename.endswith((".html", ".xml")):
                filename, line = frame.filename, frame.lineno
                break
    from .cache import display_path

    where = display_path(Path(filename), config.root) if filename else page.template
    message = getattr(exc, "message", None) or str(exc)
    return Diagnostic("error", where, f"template error while rendering {page.url}: {message}", line)


Stats = dict[str, list[Any]]
"""File name -> [size, mtime_ns, sha256] as of the last stamp."""


def input_stamp(
    config: Config, *, include_drafts: bool, authoring: bool, known: Stats | None = None
) -> tuple[dict[str, str], Stats]:
    """The content hash of everything a build reads (seeds, notes, templates, theme), plus settings.

    Like git's index, a file whose size and modification time match the last stamp is not read
    again, unless that time is too close to when the stamp was taken to rule out a same-tick edit.
    """
    settings = f"{__version__}\0{config!r}\0{include_drafts}\0{authoring}\0{_libraries()}"
    stamp = {"(settings)": hashlib.sha256(settings.encode()).hexdigest()}
    stats: Stats = {}
    known = known or {}
    racy_after = time.time_ns() - 2_000_000_000
    root_prefix_text = str(config.root) + os.sep
    root_prefix = len(root_prefix_text)
    folders = [config.content_dir, config.templates_dir, theme_dir()]
    aliases_file = config.root / config.extract.aliases_file
    if aliases_file.is_file():
        stamp[config.extract.aliases_file] = hashlib.sha256(aliases_file.read_bytes()).hexdigest()
    if authoring:
        folders.append(config.seeds_dir)
    for folder in folders:
        for path, info in _scan(folder):
            name = path[root_prefix:] if path.startswith(root_prefix_text) else path
            previous = known.get(name)
            if previous and previous[:2] == [info.st_size, info.st_mtime_ns] and info.st_mtime_ns < racy_after:
                digest = str(previous[2])
            else:
                try:
                    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
                except OSError:  # gone since the scan (an editor's probe file such as vim's "4913")
                    continue
            stamp[name] = digest
            stats[name] = [info.st_size, info.st_mtime_ns, digest]
    return stamp, stats


RENDERING_LIBRARIES = ("jinja2", "markupsafe", "markdown_it", "mdit_py_plugins", "yaml")


def _libraries() -> str:
    """Which installed copies of the libraries that shape the output this build runs with.

    Their files' sizes and times, found without importing them (importing would cost an up-to-date
    build more than its whole check): upgrading one makes every page out of date.
    """
    from importlib.util import find_spec

    parts = []
    for name in RENDERING_LIBRARIES:
        spec = find_spec(name)
        origin = spec.origin if spec else None
        try:
            info = os.stat(origin) if origin else None
        except OSError:
            info = None
        parts.append(f"{name}:{origin}:{info.st_size}:{info.st_mtime_ns}" if info else f"{name}:-")
    return ";".join(parts)


def stale_inputs(config: Config, *, include_drafts: bool = False) -> list[str]:
    """What changed since site/ was last built successfully (empty when the site is current).

    Names the seeds, notes or templates added, edited or deleted since; "(settings)" for
    briefgen.toml or the briefgen version; "(site)" when site/ itself is missing or was altered.
    """
    previous = read_state(state_file(config, "build"))
    before = previous.get("stamp") or {}
    now, _ = input_stamp(config, include_drafts=include_drafts, authoring=True, known=previous.get("stats"))
    changed = sorted(name for name in before.keys() | now.keys() if before.get(name) != now.get(name))
    if not _site_complete(config.output_dir, previous.get("files")):
        changed.append("(site)")
    return changed


def _scan(folder: Path) -> list[tuple[str, os.stat_result]]:
    """(path, stat) of every file under `folder`, in a stable order; plain strings, as this runs
    on every build over every file of the project and the site."""
    found: list[tuple[str, os.stat_result]] = []
    pending = [str(folder)]
    while pending:
        current = pending.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                pending.append(entry.path)
            elif entry.is_file():
                try:
                    found.append((entry.path, entry.stat()))
                except OSError:  # deleted between the listing and the stat
                    continue
    found.sort()
    return found


def _site_complete(output_dir: Path, files: object) -> bool:
    """site/ still holds every file the last build wrote (nothing was deleted by hand).

    One stat per file: a walk of site/ would open every page's folder, several times slower.
    """
    if not isinstance(files, list) or not output_dir.is_dir():
        return False
    base = str(output_dir) + os.sep
    try:
        for name in files:
            os.stat(base + name)
    except (OSError, TypeError):
        return False
    return True


def _site_present(output_dir: Path, files: object) -> bool:
    """site/ is there, with the home page the last build wrote (not deleted or emptied by hand)."""
    return isinstance(files, list) and "index.html" in files and (output_dir / "index.html").is_file()
