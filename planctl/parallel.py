"""Work spread over the machine's cores in worker processes, or done in this one when there is little of it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from .errors import PlanctlError

A = TypeVar("A")
R = TypeVar("R")

PARALLEL_FROM = 8  # items from which starting worker processes pays for itself


def spread(fn: Callable[[A], R], items: Sequence[A], workers: int | None = None, chunksize: int = 4) -> Iterator[R]:
    """fn of each item, in order: in up to `workers` processes (the machine's cores by default) when there are
    PARALLEL_FROM items or more, else here. fn and the items must pickle (a module's function, or a partial of
    one); what fn returns is sent back pickled."""
    workers = workers or os.cpu_count() or 1
    if workers <= 1 or len(items) < PARALLEL_FROM:
        yield from map(fn, items)
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        pool = ProcessPoolExecutor(max_workers=min(workers, len(items)))
    except (OSError, NotImplementedError, ImportError):  # no worker processes here (no working semaphores)
        yield from map(fn, items)
        return
    with pool:
        try:
            yield from pool.map(fn, items, chunksize=chunksize)
        except BrokenProcessPool:
            raise PlanctlError("a worker process stopped unexpectedly (killed, or out of memory?); "
                               "run the command again") from None
