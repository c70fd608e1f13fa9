"""The phase of a build after the analysis, timed on its own: the corpus passes, the site's
pages and data, and the Pagefind index, over analyses kept from one earlier run.

    python bench/site/phase.py --analysis FILE [--corpus news_de] [--jobs 2] [--keep DIR]
                               [--rounds 1] [--profile OUT]

The first run analyses the corpus (from ../shared/corpora, `--jobs` workers) and keeps the
analyses in FILE as they are before the corpus passes (a pickle made by this script); every
run then does what `reportgen build --no-pdf` does with them, default flags: the analyses go
into a spool in the output folder, the corpus passes run over it, and the site is written
(search on, a build cache in a temporary folder). It prints each step's time, the wall clock
of the whole phase, and the CPU time of this process and of Pagefind's runs. `--keep DIR`
writes the site to DIR (to compare trees between two versions of the code), `--rounds N`
repeats the phase N times, `--search-after` has Pagefind index the pages only once they are
all written (as before session 9), not beside the writer. Without ../shared the script says so
and exits 0.
"""

from __future__ import annotations

import argparse
import pickle
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPORA = REPO.parent / "shared" / "corpora"
sys.path.insert(0, str(REPO))

from reportgen.build import analyze_documents, corpus_passes  # noqa: E402
from reportgen.ingest import read_corpus  # noqa: E402
from reportgen.model import ArticleAnalysis, ReadError  # noqa: E402
from reportgen.render.site import SiteOptions, SiteWriter, write_site  # noqa: E402
from reportgen.spool import AnalysisSpool  # noqa: E402

Kept = tuple[list[ArticleAnalysis], list[ReadError], int]


def analysis(corpus: Path, jobs: int, keep: Path) -> Kept:
    if keep.is_file():
        with keep.open("rb") as handle:  # a file this script wrote, never input from elsewhere
            return pickle.load(handle)
    started = time.perf_counter()
    documents, errors, files = read_corpus(corpus)
    analyses: list[ArticleAnalysis] = []
    for item in analyze_documents(documents, jobs=jobs):
        (errors if isinstance(item, ReadError) else analyses).append(item)  # type: ignore[arg-type]
    errors = sorted((e for e in errors if not e.skipped), key=lambda e: e.source_path)
    print(f"analysis {time.perf_counter() - started:7.1f} s  {len(analyses)} articles")
    with keep.open("wb") as handle:
        pickle.dump((analyses, errors, files), handle)
    return analyses, errors, files


def phase(kept: Kept, output: Path, cache: Path, name: str) -> dict[str, float]:
    analyses, errors, files = kept
    output.mkdir(parents=True, exist_ok=True)
    spool = AnalysisSpool(analyses, folder=output)
    seconds: dict[str, float] = {}
    index_step = SiteWriter.search_index

    def timed_index(writer: SiteWriter, lang: str) -> None:
        started = time.perf_counter()
        index_step(writer, lang)
        seconds["search"] = time.perf_counter() - started

    SiteWriter.search_index = timed_index  # type: ignore[method-assign]
    cpu = _cpu()
    try:
        started = time.perf_counter()
        corpus_passes(spool)
        seconds["passes"] = time.perf_counter() - started
        started = time.perf_counter()
        options = SiteOptions(corpus_name=name, pdf=False, cache=cache)
        write_site(output, spool, errors, files, options)
        seconds["site"] = time.perf_counter() - started
    finally:
        SiteWriter.search_index = index_step  # type: ignore[method-assign]
        spool.close()
    seconds["pages"] = seconds["site"] - seconds.get("search", 0.0)
    seconds["total"] = seconds["passes"] + seconds["site"]
    own, children = (now - before for now, before in zip(_cpu(), cpu, strict=True))
    seconds["cpu"], seconds["cpu pagefind"] = own, children
    return seconds


def _cpu() -> tuple[float, float]:
    """CPU seconds (user and system) of this process and of its children that ended."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="news_de")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--analysis", type=Path, required=True)
    parser.add_argument("--keep", type=Path, help="write the site here (replaced)")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--search-after", action="store_true",
                        help="index the pages after they are all written, not beside the writer")
    args = parser.parse_args()
    corpus = CORPORA / args.corpus
    if not corpus.is_dir() and not args.analysis.is_file():
        print(f"{corpus} is not available; nothing to measure")
        return 0
    kept = analysis(corpus, args.jobs, args.analysis)
    if args.search_after:  # the pages are indexed when search_index is called, at the end
        SiteWriter.start_search = lambda self, language: None  # type: ignore[method-assign]
    for _ in range(args.rounds):
        with tempfile.TemporaryDirectory(prefix="rg-phase-") as tmp:
            output = args.keep or Path(tmp) / "site"
            if args.keep:
                shutil.rmtree(args.keep, ignore_errors=True)
            seconds = phase(kept, output, Path(tmp) / "cache", corpus.name)
        print("  ".join(f"{step} {value:6.1f} s" for step, value in seconds.items()), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
