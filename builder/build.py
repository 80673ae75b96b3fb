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
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cache import read_state, state_file, write_state
from .config import Config
from .errors import Diagnostic
from .lock import project_lock
from .publish.full import Progress, PublishReport, publish
from .stamp import Stats, input_stamp, site_complete, site_present

# The rest of the pipeline is imported where it runs, so that an up-to-date build (the no-op
# check) starts without loading Jinja, markdown-it, PyYAML or the extractor.
if TYPE_CHECKING:
    from .authoring.sync import AuthoringReport


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
    reindex_body_edits: bool = True,
) -> BuildReport:
    """Both halves: update notes from seeds, then publish every note to the site.

    `edited_notes`: the caller knows that these existing notes are all that changed since its
    own last build (`serve`, from the file watcher). Their body-only edits then skip the scan of
    every input; anything else falls through to the full check below.

    `reindex_body_edits=False` (serve): a body edit re-renders its pages but leaves the search
    index as it is until the next full build (indexing a large site takes seconds, a reload should not).

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
            reindex_body_edits=reindex_body_edits,
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
    reindex_body_edits: bool,
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
                    quick = _quick_publish(config, run.previous, stamp, commit_guard, reindex=reindex_body_edits)
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
            site_complete=site_complete(self.config.output_dir, files),
            site_present=site_present(self.config.output_dir, files),
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
    *,
    reindex: bool,
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
    if reindex and any(is_indexed(relative) for relative in result.written):  # their text is in the index
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
