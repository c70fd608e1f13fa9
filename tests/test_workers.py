"""Local worker processes (reportgen/executors.py): results in order, and workers replaced
after `recycle_after` items when each has more than that to do."""

from __future__ import annotations

import os

from reportgen.executors import LocalEngine


def pid_and_square(n: int) -> tuple[int, int]:
    return os.getpid(), n * n


def test_workers_are_replaced_after_their_share_and_results_keep_their_order() -> None:
    items = list(range(60))
    results = list(LocalEngine(2).map(pid_and_square, items, 1, chunksize=2, recycle_after=10))
    assert [square for _pid, square in results] == [n * n for n in items]
    pids = {pid for pid, _square in results}
    assert os.getpid() not in pids
    assert len(pids) >= 6  # 60 items, at most 10 per worker process


def test_workers_with_little_to_do_are_forked_and_kept() -> None:
    items = list(range(12))
    results = list(LocalEngine(2).map(pid_and_square, items, 1, chunksize=2, recycle_after=10))
    assert [square for _pid, square in results] == [n * n for n in items]
    assert len({pid for pid, _square in results}) <= 2


def test_recycled_workers_analyse_as_one_process_does(monkeypatch) -> None:  # noqa: ANN001
    from conftest import CORPUS

    from reportgen import build
    from reportgen.render.exports import analysis_line

    alone = build.analyze_corpus(CORPUS, jobs=1)
    monkeypatch.setattr(build, "ARTICLES_PER_PROCESS", 1)  # a fresh worker for every chunk
    monkeypatch.setattr(build, "ARTICLES_PER_WORKER", 1)
    recycled = build.analyze_corpus(CORPUS, jobs=2)
    assert len(alone.analyses) == 10
    lines = [analysis_line(a) for a in recycled.analyses]
    assert lines == [analysis_line(a) for a in alone.analyses]
