"""A rebuild's few changed articles are analysed in a worker process beside the kept ones."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import CORPUS
from sitecheck import site_bytes

from reportgen.build import build
from reportgen.executors import LocalEngine
from reportgen.workers import AUTO, usable_cores

two_cores = pytest.mark.skipif(usable_cores() < 2, reason="needs two usable cores")


def _pid_of(_item: int) -> int:
    return os.getpid()


@two_cores
def test_a_few_items_run_in_one_other_process_in_order() -> None:
    results = LocalEngine(AUTO).beside(_pid_of, [1, 2, 3], per_worker=16)
    assert results is not None
    pids = list(results)
    assert len(pids) == 3 and len(set(pids)) == 1 and pids[0] != os.getpid()


def test_one_process_asked_for_or_many_items_stay_on_the_usual_path() -> None:
    assert LocalEngine(1).beside(_pid_of, [1], per_worker=16) is None
    assert LocalEngine(AUTO).beside(_pid_of, list(range(16)), per_worker=16) is None
    assert LocalEngine(AUTO).beside(_pid_of, [], per_worker=16) is None


@two_cores
def test_a_rebuild_with_a_changed_article_analysed_beside_matches_a_cold_build(
    tmp_path: Path,
) -> None:
    corpus, cache, site = tmp_path / "corpus", tmp_path / "cache", tmp_path / "site"
    shutil.copytree(CORPUS, corpus)
    build(corpus, site, pdf=False, cache_dir=cache, jobs=AUTO)
    article = corpus / "rheinblick" / "impfzentren.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nEin neuer Absatz.\n", "utf-8")
    warm = build(corpus, site, pdf=False, cache_dir=cache, jobs=AUTO)
    assert warm.cache.misses == [("rheinblick/impfzentren", "input changed")]
    build(corpus, tmp_path / "cold", pdf=False, jobs=1)
    rebuilt = site_bytes(site)
    assert rebuilt, "the rebuild wrote no site"
    assert rebuilt == site_bytes(tmp_path / "cold")
