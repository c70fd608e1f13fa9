"""Site benchmark: size and page count of the site of a large corpus before and after
`--min-mentions` and paged listings, and what the search index costs.

    python bench/site/run.py [--corpus news_de] [--jobs 2] [--analysis FILE]

Analyses the whole corpus from ../shared/corpora once, then writes its site (no PDFs) twice in
this same run: as reportgen wrote it before (a page for every entity, listings unpaged, no
search; that is `--min-mentions 1` with unlimited listings) and as it does now (the defaults,
search on). It prints pages, HTML size, the largest pages and those over 1 MB, the time of each
site and of Pagefind's step, the index's size; then runs Pagefind twice more over the same site
to show whether its raw output is stable, and whether it is after reportgen puts the filter
index in order. `--analysis FILE` keeps the analyses in FILE (a pickle made by this script) and
reuses them on the next run: the analysis of news_de takes half an hour on two busy cores.
Without ../shared the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import asyncio
import filecmp
import pickle
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPORA = REPO.parent / "shared" / "corpora"
sys.path.insert(0, str(REPO))

from reportgen.build import BuildResult, analyze_corpus  # noqa: E402
from reportgen.render import search  # noqa: E402
from reportgen.render.site import SiteOptions, SiteWriter, write_site  # noqa: E402
from reportgen.render.stable_filters import stabilise_filters  # noqa: E402

MB = 1_000_000


def analysis(corpus: Path, jobs: int, keep: Path | None) -> BuildResult:
    if keep and keep.is_file():
        with keep.open("rb") as handle:  # a file this script wrote, never input from elsewhere
            return pickle.load(handle)
    started = time.perf_counter()
    result = analyze_corpus(corpus, jobs=jobs)
    print(f"analysis        {time.perf_counter() - started:7.1f} s  "
          f"{len(result.analyses)} articles, --jobs {jobs}")  # fmt: skip
    if keep:
        with keep.open("wb") as handle:
            pickle.dump(result, handle)
    return result


def describe(label: str, site: Path, seconds: float) -> None:
    pages = sorted(((p.stat().st_size, p.relative_to(site).as_posix())
                    for p in site.rglob("*.html") if not p.is_relative_to(site / "pagefind")),
                   reverse=True)  # fmt: skip
    entity_pages = sum(1 for _, name in pages if name.startswith("entities/"))
    files = [p for p in site.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    over = [name for size, name in pages if size > MB]
    print(f"{label:<7} site {seconds:7.1f} s  {len(pages):6} pages ({entity_pages} under "
          f"entities/), HTML {sum(s for s, _ in pages) / MB:6.1f} MB, largest "
          f"{pages[0][0] / MB:.2f} MB ({pages[0][1]}), {len(over)} over 1 MB")  # fmt: skip
    print(f"{'':16}site: {len(files)} files, {total / MB:.1f} MB")
    for size, name in pages[:4]:
        print(f"{'':16}{size / MB:6.2f} MB  {name}")


def bundle_files(folder: Path) -> list[Path]:
    return sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())


def differing(one: Path, two: Path) -> str:
    a, b = bundle_files(one), bundle_files(two)
    if a != b:
        return f"{len(set(a) ^ set(b))} of {len(set(a) | set(b))} file names differ"
    _, mismatch, errors = filecmp.cmpfiles(one, two, a, shallow=False)
    return f"{len(mismatch) + len(errors)} of {len(a)} files differ"


def stability(site: Path, language: str) -> None:
    with tempfile.TemporaryDirectory(prefix="rg-pagefind-") as tmp:
        raw = [Path(tmp) / "one", Path(tmp) / "two"]
        seconds = []
        for folder in raw:
            started = time.perf_counter()
            asyncio.run(search._pagefind(site, folder, language))
            seconds.append(time.perf_counter() - started)
        print(f"Pagefind alone  {min(seconds):7.1f} s  (the faster of two runs over the same site)")
        print(f"Pagefind twice, raw:            {differing(*raw)}")
        for folder in raw:
            stabilise_filters(folder)
        print(f"Pagefind twice, filters sorted: {differing(*raw)}; "
              f"vs the site's index: {differing(raw[0], site / search.BUNDLE)}")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="news_de", help="news_de, news_en or news_html")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--analysis", type=Path, help="keep (and reuse) the analyses here")
    args = parser.parse_args()
    corpus = CORPORA / args.corpus
    if not corpus.is_dir():
        print(f"{corpus} is not available; nothing to measure")
        return 0
    result = analysis(corpus, args.jobs, args.analysis)
    language = search.index_language(result.analyses)
    search_seconds: list[float] = []
    index_step = SiteWriter.search_index

    def timed_index(writer: SiteWriter, lang: str) -> None:
        started = time.perf_counter()
        index_step(writer, lang)
        search_seconds.append(time.perf_counter() - started)

    SiteWriter.search_index = timed_index  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory(prefix="rg-site-") as tmp:
        runs = {
            "before": SiteOptions(pdf=False, search=False, min_mentions=1, listing_rows=10**9),
            "after": SiteOptions(pdf=False),
        }
        for label, options in runs.items():
            site = Path(tmp) / label
            started = time.perf_counter()
            written = write_site(site, result.analyses, result.errors, result.files, options)
            describe(label, site, time.perf_counter() - started)
            for warning in written.warnings:
                print(f"warning: {warning}")
        after = Path(tmp) / "after"
        index = bundle_files(after / search.BUNDLE)
        size = sum((after / search.BUNDLE / name).stat().st_size for name in index)
        print(f"search index    {search_seconds[0]:7.1f} s  (of the 'after' site's time), "
              f"{len(index)} files, {size / MB:.1f} MB, language {language}")  # fmt: skip
        stability(after, language)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
