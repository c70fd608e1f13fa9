"""Dask benchmark: a LocalCluster against the local worker processes, on a real corpus.

    python bench/scale/cluster.py [--corpus news_de] [--limit 300] [--workers 2] [--pdf-limit 30]

Reads a sample of `--limit` files from ../shared/corpora (outlets kept, as bench/scale/run.py
samples), then analyses it three ways in this one process and minute: locally with one
process (the baseline), locally with `--workers` processes, and on a dask.distributed
LocalCluster of `--workers` worker processes. All three are timed warm (pipelines loaded);
the cluster's start and the loading of the pipelines on its workers are timed apart. Then the
PDFs of the first `--pdf-limit` articles, locally and on the cluster. Every way must give the same
analyses and the same PDF bytes; the script says so or exits 1. Without ../shared or without
dask the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import CORPORA, sample, timed  # noqa: E402

from reportgen.build import _analyze_one, analyze_documents  # noqa: E402
from reportgen.executors import DaskEngine, LocalEngine, check_worker_versions  # noqa: E402
from reportgen.ingest import read_corpus  # noqa: E402
from reportgen.render.families import SiteData  # noqa: E402
from reportgen.render.families.article import article_pages  # noqa: E402
from reportgen.render.site import SiteOptions, SiteWriter, _render_pdf_task  # noqa: E402
from reportgen.slugs import CorpusSlugs  # noqa: E402
from reportgen.workers import PDFS_PER_WORKER  # noqa: E402


def as_dicts(results: list) -> list:
    return [r.to_dict() if hasattr(r, "to_dict") else (r.source_path, r.reason) for r in results]


def pdf_tasks(analyses: list, folder: Path) -> list[tuple[str, list[str]]]:
    """The (HTML, stylesheets) a build queues for the article PDFs of `analyses`."""
    slugs = CorpusSlugs.of(analyses)
    writer = SiteWriter(folder, SiteOptions(pdf=True), slugs=slugs)
    article_pages(writer, SiteData(analyses, [], {}, slugs))
    return [(html, css) for _path, html, css in writer.pending_pdfs]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="news_de")
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pdf-limit", type=int, default=30)
    args = parser.parse_args()
    source = CORPORA / args.corpus
    if not source.is_dir():
        print(f"{source} is not available; nothing to measure.")
        return 0
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        print("dask.distributed is not installed (pip install 'reportgen[dask]'); nothing to do.")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        files = sample(source, args.limit, corpus)
        documents, _errors, _ = read_corpus(corpus)
        words = sum(len(d.text.split()) for d in documents)
        print(f"corpus {args.corpus}: {files} files, {len(documents)} articles, {words:,} words")
        # Warm: the pipelines are loaded here before the timings, so the forked local workers
        # start with them; the cluster's (spawned) workers load them in the warm-up below.
        warm = [(documents[0], "auto")]
        _analyze_one(warm[0])
        one, t_one = timed(lambda: list(analyze_documents(documents, jobs=1)))
        many, t_many = timed(lambda: list(analyze_documents(documents, jobs=args.workers)))
        cluster, t_start = timed(lambda: LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
        ))  # fmt: skip
        with cluster, Client(cluster) as client:
            check_worker_versions(client)
            engine = DaskEngine(client)
            _, t_warm = timed(lambda: client.run(_analyze_one, warm[0]))
            on_dask, t_dask = timed(lambda: list(analyze_documents(documents, engine=engine)))
            analyses = [r for r in one if hasattr(r, "to_dict")][: args.pdf_limit]
            tasks = pdf_tasks(analyses, Path(tmp) / "site")
            local_pdfs, t_pdf_local = timed(
                lambda: list(LocalEngine(args.workers).map(_render_pdf_task, tasks, 1))
            )
            dask_pdfs, t_pdf_dask = timed(
                lambda: list(engine.map(_render_pdf_task, tasks, PDFS_PER_WORKER))
            )
    same = as_dicts(one) == as_dicts(many) == as_dicts(on_dask) and local_pdfs == dask_pdfs
    n, w = len(documents), args.workers
    print(f"analyse, local -j1        {t_one:7.1f} s   {words / t_one / 1000:6.1f} k words/s")
    print(f"analyse, local -j{w}        {t_many:7.1f} s   speed-up {t_one / t_many:.2f}x")
    print(f"LocalCluster start        {t_start:7.1f} s   ({w} worker processes); "
          f"loading the pipelines on them {t_warm:.1f} s")  # fmt: skip
    print(f"analyse, LocalCluster {w}w  {t_dask:7.1f} s   speed-up {t_one / t_dask:.2f}x vs -j1, "
          f"{t_many / t_dask:.2f}x vs local -j{w}; with start and loading "
          f"{t_one / (t_dask + t_start + t_warm):.2f}x vs -j1")  # fmt: skip
    print(f"{len(tasks)} article PDFs, local -j{w}  {t_pdf_local:6.1f} s;  LocalCluster "
          f"{t_pdf_dask:6.1f} s   ratio {t_pdf_local / t_pdf_dask:.2f}x")  # fmt: skip
    print(f"same analyses and PDF bytes on every engine: {'yes' if same else 'NO'} ({n} articles)")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
