"""How many worker processes a step uses: what --jobs says, or, when it says nothing, the
cores this process may use, fewer when there is too little work to pay for starting them."""

from __future__ import annotations

import os

AUTO = 0  # --jobs not given
# A worker loads the NLP pipelines or WeasyPrint before its first item: on the bundled corpus
# (10 articles, 14 PDFs) two workers took 22.8 s against 17.5 s for one process, so below these
# counts per worker the work stays in this process.
ARTICLES_PER_WORKER = 16
PDFS_PER_WORKER = 8


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, where the platform tells)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS and Windows have no sched_getaffinity
        return max(1, os.cpu_count() or 1)


def worker_count(jobs: int, items: int, per_worker: int) -> int:
    if jobs != AUTO:
        return max(1, jobs)
    return max(1, min(usable_cores(), items // per_worker))
