"""Scale benchmark: where a build's time goes on a real corpus, and what --jobs buys.

    python bench/scale/run.py [--corpus news_en] [--limit 200] [--jobs 2] [--pdf-limit 30]
    python bench/scale/run.py --done-when [--corpus news_de] [--limit N] [--sample 500] [--verify]

Reads a corpus from ../shared/corpora (a sample of `--limit` files, outlets kept), then times
each stage of `reportgen build` as the library runs it: reading, analysis with one process and
with `--jobs` processes, the HTML site without PDFs, and PDFs for the first `--pdf-limit`
articles with one process and with `--jobs`. The ratios compare runs made in this same process
and minute, so a busy machine slows both sides alike. Without ../shared the script says so and
exits 0.

`--done-when` prints instead the rows of issue 12's "Done when" table that `done_when.py`
measures: throughput against spaCy's small pipeline, the whole corpus built cold, rebuilt
unchanged and rebuilt with one article changed, and peak memory (see that module).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPORA = REPO.parent / "shared" / "corpora"
sys.path.insert(0, str(REPO))

from reportgen.build import analyze_documents  # noqa: E402
from reportgen.ingest import read_corpus  # noqa: E402
from reportgen.model import ArticleAnalysis  # noqa: E402
from reportgen.render.site import SiteOptions, write_site  # noqa: E402


def sample(source: Path, limit: int, target: Path) -> int:
    """Copy up to `limit` article files, round-robin over the outlet folders, into `target`."""
    outlets = sorted(p for p in source.iterdir() if p.is_dir() and p.name != "annotations")
    queues = [sorted(f for f in o.rglob("*") if f.suffix in (".txt", ".html")) for o in outlets]
    copied = 0
    while copied < limit and any(queues):
        for outlet, queue in zip(outlets, queues, strict=True):
            if queue and copied < limit:
                file = queue.pop(0)
                (target / outlet.name).mkdir(parents=True, exist_ok=True)
                shutil.copyfile(file, target / outlet.name / file.name)
                copied += 1
    return copied


def timed(action):  # noqa: ANN001, ANN201 - any callable, its result
    started = time.perf_counter()
    result = action()
    return result, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="news_en", help="news_de, news_en or news_html")
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--pdf-limit", type=int, default=30)
    parser.add_argument("--done-when", action="store_true", help="issue 12's table rows")
    parser.add_argument("--sample", type=int, default=500, help="--done-when: throughput sample")
    parser.add_argument("--verify", action="store_true", help="--done-when: compare with cold")
    args = parser.parse_args()
    source = CORPORA / args.corpus
    if not source.is_dir():
        print(f"{source} is not available; nothing to measure.")
        return 0
    if args.done_when:
        return done_when(source, args)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        files = sample(source, args.limit, corpus)
        (documents, errors, _), t_read = timed(lambda: read_corpus(corpus))
        chars = sum(len(d.text) for d in documents)
        print(f"corpus {args.corpus}: {files} files, {len(documents)} articles, "
              f"{len(errors)} not read, {chars / 1e6:.2f} M characters")  # fmt: skip
        print(f"read        {t_read:7.1f} s   {len(documents) / t_read:6.1f} articles/s")

        results, t_one = timed(lambda: list(analyze_documents(documents, jobs=1)))
        analyses = [r for r in results if isinstance(r, ArticleAnalysis)]
        _, t_many = timed(lambda: list(analyze_documents(documents, jobs=args.jobs)))
        print(f"analyse -j1 {t_one:7.1f} s   {len(documents) / t_one:6.1f} articles/s   "
              f"{chars / t_one / 1000:6.1f} k chars/s")  # fmt: skip
        print(f"analyse -j{args.jobs} {t_many:7.1f} s   speed-up {t_one / t_many:.2f}x")

        site = Path(tmp) / "site"
        _, t_html = timed(lambda: write_site(site, analyses, [], files, SiteOptions(pdf=False)))
        print(f"site, HTML  {t_html:7.1f} s   (every page, no PDFs)")

        subset = analyses[: args.pdf_limit]
        pdf_one = SiteOptions(pdf=True, jobs=1)
        pdf_many = SiteOptions(pdf=True, jobs=args.jobs)
        result, t_pdf_one = timed(lambda: write_site(Path(tmp) / "p1", subset, [], 0, pdf_one))
        _, t_pdf_many = timed(lambda: write_site(Path(tmp) / "p2", subset, [], 0, pdf_many))
        count = len(result.pdfs)
        print(f"PDFs -j1    {t_pdf_one:7.1f} s   {t_pdf_one / count:6.2f} s per PDF "
              f"({count} PDFs incl. outlets and corpus; HTML pages included)")  # fmt: skip
        print(f"PDFs -j{args.jobs}    {t_pdf_many:7.1f} s   speed-up {t_pdf_one / t_pdf_many:.2f}x")
    return 0


def done_when(source: Path, args: argparse.Namespace) -> int:
    sys.path.insert(0, str(Path(__file__).parent))
    import done_when as table

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        limit = args.limit if "--limit" in sys.argv else 10**9
        files = sample(source, limit, corpus)
        documents, _errors, _files = read_corpus(corpus)
        print(f"corpus {args.corpus}: {files} files, {len(documents)} articles; "
              f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")  # fmt: skip
        print("| figure | measured |\n|---|---|")
        table.throughput(documents, args.sample)
        del documents
        table.rebuilds(corpus, Path(tmp), args.verify)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
