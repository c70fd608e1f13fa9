"""CPython's cycle collector during a build.

A build keeps millions of objects alive for its whole run (the analyses a spool keeps once
read, the page and search records), and they contain no garbage cycles worth finding. A full
collection walks every one of them, and by default one may run after every ten collections
of the middle generation: on a rebuild of news_de after one change, 14 full collections took
3 s of 21 s and freed almost nothing (docs/benchmarks.md). During a build the two younger
generations are collected as usual, so short-lived cycles are still freed soon, and a full
collection is considered only after `FULL_AFTER_MIDDLE` collections of the middle one.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Collections of the middle generation between two full ones (CPython's default is 10); a
# full one still also waits until a quarter as many objects as it holds are new.
FULL_AFTER_MIDDLE = 1000


@contextmanager
def rare_full_collections() -> Iterator[None]:
    """Full collections made rare while the block runs, the thresholds restored after it (a
    notebook's session keeps its own)."""
    young, middle, full = gc.get_threshold()
    gc.set_threshold(young, middle, max(full, FULL_AFTER_MIDDLE))
    try:
        yield
    finally:
        gc.set_threshold(young, middle, full)
