"""Where the per-item work of a build runs (the analysis of each article, each PDF): in this
machine's processes (``local``, the default) or on a Dask cluster (``dask``).

An :class:`Engine` maps a picklable function over a list and yields the results in input
order, whatever order the workers finish in, so the output is the same bytes either way. The
inputs travel to the workers with the tasks (the corpus is read where the client runs); a
cluster's workers need reportgen of the same version installed, which is checked when the
engine starts and again by every task.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol, TypeVar

from . import __version__
from .workers import AUTO, usable_cores, worker_count

WORKER_WAIT = 60  # seconds a scheduler may take to have its first worker
T = TypeVar("T")
R = TypeVar("R")


class ExecutorKind(StrEnum):
    LOCAL = "local"  # worker processes of this machine (concurrent.futures)
    DASK = "dask"  # a dask.distributed cluster: --scheduler, else a LocalCluster of --jobs


class ExecutorError(RuntimeError):
    """The engine cannot run: dask missing, scheduler unreachable, a worker's reportgen
    differs. One line for the user, raised before any work is lost."""


def executor_kind(name: str) -> ExecutorKind:
    """``--executor``'s value; anything but a known name is an error, never a silent default."""
    try:
        return ExecutorKind(name)
    except ValueError:
        known = ", ".join(k.value for k in ExecutorKind)
        raise ValueError(f"unknown executor {name!r} (known: {known})") from None


@dataclass(frozen=True)
class ExecutorOptions:
    kind: ExecutorKind = ExecutorKind.LOCAL
    scheduler: str | None = None  # tcp://HOST:8786; only with kind dask

    def __post_init__(self) -> None:
        if self.scheduler and self.kind is not ExecutorKind.DASK:
            raise ValueError("--scheduler needs --executor dask")


LOCAL = ExecutorOptions()


def executor_options(settings: dict[str, Any]) -> ExecutorOptions:
    """From settings (flags, reportgen.toml): ``executor`` and ``scheduler``, None as unset;
    an unknown executor or a scheduler without dask is a ValueError."""
    kind = executor_kind(settings.get("executor") or ExecutorKind.LOCAL.value)
    return ExecutorOptions(kind, settings.get("scheduler") or None)


class Engine(Protocol):
    def map(
        self, fn: Callable[[T], R], items: Sequence[T], per_worker: int, chunksize: int = 1
    ) -> Iterator[R]:
        """``fn`` over ``items``, results in input order. ``per_worker``: the fewest items
        that pay for starting a local worker process (see workers.py); ``chunksize``: items
        sent to a local worker at once."""
        ...


class LocalEngine:
    """Today's path: this process alone, or a ProcessPoolExecutor per call."""

    CHUNKS_PER_WORKER = 4

    def __init__(self, jobs: int = AUTO) -> None:
        self.jobs = jobs

    def map(
        self, fn: Callable[[T], R], items: Sequence[T], per_worker: int, chunksize: int = 1
    ) -> Iterator[R]:
        workers = worker_count(self.jobs, len(items), per_worker)
        if workers <= 1 or len(items) < 2:
            yield from map(fn, items)
            return
        # Executor.map would take every item at once; a window of chunks in flight keeps the
        # items (documents read from a spool) out of memory until a worker is near them.
        window = workers * self.CHUNKS_PER_WORKER
        with ProcessPoolExecutor(max_workers=workers) as pool:
            pending: deque[Any] = deque()
            for start in range(0, len(items), chunksize):
                chunk = [items[i] for i in range(start, min(start + chunksize, len(items)))]
                pending.append(pool.submit(_run_chunk, fn, chunk))
                if len(pending) >= window:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()

    def beside(
        self, fn: Callable[[T], R], items: Sequence[T], per_worker: int
    ) -> Iterator[R] | None:
        """``fn`` over a few ``items`` (fewer than ``per_worker``, which alone would stay in
        this process) in one worker process started now, while this process goes on with other
        work: a rebuild analyses its changed articles there while it reads the kept analyses
        (the pipeline's load, 1.5 s, overlaps). None when one process is asked for (``--jobs
        1``), when this process may use one core only, or when the items are not few."""
        if self.jobs == 1 or usable_cores() < 2 or not 0 < len(items) < per_worker:
            return None
        pool = ProcessPoolExecutor(max_workers=1)
        future = pool.submit(_run_chunk, fn, list(items))
        pool.shutdown(wait=False)  # the worker ends once its one task is done
        return _results_of(future)


def _results_of(future: Future[list[R]]) -> Iterator[R]:
    yield from future.result()


# A Dask worker may run several threads; the NLP pipelines and WeasyPrint are loaded once per
# process and are not made for concurrent use, so one task at a time runs in a worker process
# (use `dask worker --nworkers N --nthreads 1` for N cores).
_ONE_TASK_AT_A_TIME = threading.Lock()


def _run_chunk(fn: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [fn(item) for item in chunk]


def _checked_call(task: tuple[str, Callable[[Any], Any], Any]) -> Any:
    """Runs on a Dask worker: refuse to compute with another reportgen than the client's (a
    worker may join the cluster after the check at start)."""
    version, fn, item = task
    if version != installed_version():
        raise ExecutorError(_mismatch("this worker", installed_version(), version))
    with _ONE_TASK_AT_A_TIME:
        return fn(item)


def installed_version() -> str:
    """The version of the reportgen this process imported (read when called)."""
    import reportgen

    return reportgen.__version__


def _mismatch(where: str, found: str, wanted: str) -> str:
    return (
        f"reportgen {found} on {where}, but the client runs reportgen {wanted}: install the "
        f"same version on every worker"
    )


class DaskEngine:
    """Tasks go to a dask.distributed cluster; at most ``window`` items per worker are in
    flight, so neither the client nor the scheduler holds the whole corpus at once."""

    WINDOW_PER_WORKER = 8

    def __init__(self, client: Any) -> None:
        self.client = client

    def map(
        self, fn: Callable[[T], R], items: Sequence[T], per_worker: int, chunksize: int = 1
    ) -> Iterator[R]:
        workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        window = self.WINDOW_PER_WORKER * workers
        pending: deque[Any] = deque()
        for item in items:
            # pure=False: two equal inputs (the same PDF twice) are still two tasks, and
            # nothing is cached on the cluster between builds
            pending.append(self.client.submit(_checked_call, (__version__, fn, item), pure=False))
            if len(pending) >= window:
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())


def _result(future: Any) -> Any:
    from distributed import KilledWorker

    try:
        result = future.result()
    except KilledWorker as exc:  # a worker died on this task (out of memory, a crash)
        raise ExecutorError(f"a Dask worker died running a task: {exc}") from exc
    future.release()  # the cluster forgets it: memory stays bounded by the window
    return result


def check_worker_versions(client: Any) -> None:
    """Every worker must import the client's reportgen (same version): say which does not."""
    # A worker without reportgen cannot unpickle installed_version: that comes back as its
    # error.
    found = client.run(installed_version, on_error="return")
    for worker, version in sorted(found.items()):
        if isinstance(version, BaseException):
            raise ExecutorError(f"reportgen cannot be imported on Dask worker {worker}: {version}")
        if version != __version__:
            raise ExecutorError(_mismatch(f"Dask worker {worker}", version, __version__))


@contextmanager
def _dask_engine(options: ExecutorOptions, jobs: int) -> Iterator[DaskEngine]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ExecutorError(
            "--executor dask needs dask.distributed: pip install 'reportgen[dask]'"
        ) from exc
    cluster = None
    try:
        if options.scheduler:
            client = Client(options.scheduler, timeout="10s")
        else:
            jobs = jobs if jobs != AUTO else usable_cores()
            # one thread per worker: the spaCy pipelines and WeasyPrint are not shared
            # across threads, and processes sidestep the GIL
            cluster = LocalCluster(
                n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None
            )
            client = Client(cluster)
    except OSError as exc:  # unreachable scheduler: distributed raises OSError (TimeoutError)
        raise ExecutorError(f"cannot reach the Dask scheduler {options.scheduler}: {exc}") from exc
    try:
        try:
            client.wait_for_workers(1, timeout=WORKER_WAIT)
        except TimeoutError as exc:
            raise ExecutorError(
                f"the Dask scheduler {options.scheduler} has no worker after {WORKER_WAIT} s"
            ) from exc
        check_worker_versions(client)
        yield DaskEngine(client)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@contextmanager
def _local_engine(jobs: int) -> Iterator[LocalEngine]:
    yield LocalEngine(jobs)


def open_engine(
    options: ExecutorOptions = LOCAL, jobs: int = AUTO
) -> AbstractContextManager[Engine]:
    """The engine for a whole build: a Dask cluster is started (or joined) once, and used for
    the analysis and then the PDFs. ``jobs``: local worker processes (workers.AUTO: by the
    work), or the workers of the LocalCluster started when no scheduler is given."""
    if options.kind is ExecutorKind.DASK:
        return _dask_engine(options, jobs)
    return _local_engine(jobs)
