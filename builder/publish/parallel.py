"""Rendering pages in parallel: a pool of worker processes, each with its own Jinja renderer,
writing straight into the staging folder; long listing pages go first so no worker idles at the end."""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Config
from ..errors import Diagnostic

if TYPE_CHECKING:
    import multiprocessing.pool

    import jinja2

    from .output import SiteWriter
    from .render import Page, Renderer

PARALLEL_MIN_PAGES = 300
"""Below this many pages to render, worker processes cost more than they save."""


Todo = Sequence[tuple[str, "Page", str | None]]
"""(output file, page, its signature or None to compute it while rendering)"""


RenderResult = tuple[str, bool, Diagnostic | None, str]
"""(output file, whether it was staged, the template error if rendering failed, the page's signature)"""


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
            pool = stack.enter_context(render_pool(renderer.config, writer.staging, jobs))
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


def render_pool(config: Config, staging: Path, jobs: int) -> multiprocessing.pool.Pool:
    """`jobs - 1` render workers (this process is the last one)."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    return context.Pool(jobs - 1, initializer=_start_worker, initargs=(config, staging))


LISTING_SIZE = 256


def _is_listing(page: Page) -> bool:
    return any(isinstance(value, (list, tuple, dict)) and len(value) > LISTING_SIZE for value in page.context.values())


_WORKER: tuple[Renderer, Path] | None = None


def _start_worker(config: Config, staging: Path) -> None:
    from .render import Renderer

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

    from .output import stage_file

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
    from ..cache import display_path

    where = display_path(Path(filename), config.root) if filename else page.template
    message = getattr(exc, "message", None) or str(exc)
    return Diagnostic("error", where, f"template error while rendering {page.url}: {message}", line)
