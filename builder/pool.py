"""Worker processes for the per-file stages (extracting seeds, parsing notes): fresh interpreters,
results in input order, and none at all where starting them would cost more than it saves.

Workers are "spawn"ed, not forked: the calling process may already hold thousands of notes and
every seed's text, and a fork would give each worker a copy of those pages.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")


def ordered_map(
    function: Callable[[Job], Result],
    jobs: Sequence[Job],
    *,
    workers: int,
    min_jobs: int,
    on_done: Callable[[], None] | None = None,
) -> Iterator[Result]:
    """`function` over `jobs` in `workers` processes (here, when `workers` is 1 or there are
    fewer than `min_jobs` jobs); `function` must be a module-level function, so workers can
    import it. `on_done` is called after each result."""
    if workers <= 1 or len(jobs) < min_jobs:
        for job in jobs:
            yield function(job)
            if on_done:
                on_done()
        return
    chunk = max(1, min(16, len(jobs) // (workers * 4)))  # small: the last chunks finish close together
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        for result in pool.map(function, jobs, chunksize=chunk):
            yield result
            if on_done:
                on_done()
