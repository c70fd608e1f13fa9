"""The Dask executor: a real LocalCluster of two worker processes builds the bundled corpus,
analysis and PDFs on the workers, and the site is the same bytes as the local build's."""

from __future__ import annotations

import filecmp
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CORPUS

from reportgen.build import BuildResult, build
from reportgen.executors import ExecutorError, ExecutorKind, ExecutorOptions

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.LocalCluster]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local_cluster:
        yield local_cluster


def test_a_dask_cluster_builds_the_same_bytes_as_a_local_build(
    cluster: distributed.LocalCluster, built_site: tuple[Path, BuildResult], tmp_path: Path
) -> None:
    local, _ = built_site
    out = tmp_path / "dask"
    options = ExecutorOptions(ExecutorKind.DASK, cluster.scheduler_address)
    with distributed.Client(cluster) as client, distributed.get_task_stream(client) as stream:
        result = build(CORPUS, out, executor=options)
    # every article and every PDF was a task on the cluster, not a silent local fallback
    assert len(stream.data) == len(result.analyses) + len(result.site.pdfs) == 10 + 14
    assert {task["worker"] for task in stream.data} <= set(cluster.scheduler_info["workers"])
    files_local = sorted(p.relative_to(local) for p in local.rglob("*") if p.is_file())
    files_dask = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    assert files_local == files_dask
    _, mismatch, errors = filecmp.cmpfiles(local, out, files_local, shallow=False)
    assert mismatch == [] and errors == []


def _set_version(version: str) -> str:
    import reportgen

    old, reportgen.__version__ = reportgen.__version__, version
    return old


def test_a_worker_with_another_reportgen_version_is_refused(
    cluster: distributed.LocalCluster, tmp_path: Path
) -> None:
    options = ExecutorOptions(ExecutorKind.DASK, cluster.scheduler_address)
    with distributed.Client(cluster) as client:
        old = next(iter(client.run(_set_version, "0.0.0-other").values()))
        try:
            with pytest.raises(ExecutorError, match=r"reportgen 0\.0\.0-other on Dask worker"):
                build(CORPUS, tmp_path / "refused", pdf=False, executor=options)
        finally:
            client.run(_set_version, old)
    assert not (tmp_path / "refused" / "index.html").exists()


def test_an_unknown_executor_or_a_scheduler_without_dask_is_an_error() -> None:
    from typer.testing import CliRunner

    from reportgen.cli import app

    runner = CliRunner()
    typo = runner.invoke(app, ["analyze", str(CORPUS), "--executor", "dusk"])
    assert typo.exit_code == 2 and "dusk" in typo.stderr
    alone = runner.invoke(app, ["analyze", str(CORPUS), "--scheduler", "tcp://127.0.0.1:8786"])
    assert alone.exit_code == 2 and "error: --scheduler needs --executor dask" in alone.stderr
