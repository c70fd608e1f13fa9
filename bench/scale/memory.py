"""Memory benchmark: peak memory of all processes of `reportgen build --no-pdf`, by phase.

    python bench/scale/memory.py [--corpus news_de] [--limit 0] [--copies 1 10] [--jobs 2]

Each configuration runs in a fresh Python process that builds the site through the library
(`reportgen.build.build`, as `reportgen build --no-pdf` does) while a thread samples, every
0.1 s, the resident memory (RSS) of the process and of all its worker processes, and every
second their proportional share (PSS, which counts pages that forked workers share once). The
phases are told apart by the build's own progress calls: before the first analysis (reading,
workers starting), the analysis, and after the last analysis (corpus passes, aggregates, pages,
data files).

`--limit N` samples N files (outlets kept, as bench/scale/run.py does; 0: every file);
`--copies K` puts the sample under K outlet names (`outlet`, `outlet~2`, ...): a K times
larger corpus of the same articles. Each value of `--copies` is one run, so the first is the
baseline of the others. Without ../shared the script says so and exits 0.

`--site-from SITE` measures the phase after the analysis alone, over the analyses a build left
in SITE/data/analysis.jsonl (`--limit N`: N of them, evenly spaced), first held in a list (the
baseline; `--baseline-code DIR` runs it with the reportgen of another checkout, such as main),
then in a spool for each `--copies`, so a 10 times corpus costs no new analysis. The corpus
passes run again over analyses that already went through them: the memory is the same, and
nothing is compared but memory and time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportgen.model import ArticleAnalysis

REPO = Path(__file__).resolve().parents[2]
CORPORA = REPO.parent / "shared" / "corpora"
# The reportgen measured: this checkout, or (--baseline-code) another one for the baseline run.
CODE = Path(os.environ.get("REPORTGEN_BENCH_CODE", REPO))
MB = 1024 * 1024


class Sampler(threading.Thread):
    """Peak RSS (and PSS) of this process and its children, per phase."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        import psutil

        self.me = psutil.Process()
        self.phase = "start"
        self.peaks: dict[str, dict[str, float]] = {}
        self.running = True

    def sample(self, with_pss: bool) -> None:
        import psutil

        main, workers, pss = self.me.memory_info().rss, 0, 0
        for child in self.me.children(recursive=True):
            try:
                workers += child.memory_info().rss
                pss += child.memory_full_info().pss if with_pss else 0
            except psutil.Error:  # a worker that just ended
                continue
        peak = self.peaks.setdefault(self.phase, {"total": 0, "main": 0, "workers": 0, "pss": 0})
        peak["total"] = max(peak["total"], (main + workers) / MB)
        peak["main"] = max(peak["main"], main / MB)
        peak["workers"] = max(peak["workers"], workers / MB)
        if with_pss:
            pss += self.me.memory_full_info().pss
            peak["pss"] = max(peak["pss"], pss / MB)

    def run(self) -> None:
        ticks = 0
        while self.running:
            self.sample(with_pss=ticks % 10 == 0)
            ticks += 1
            time.sleep(0.1)


def measure(corpus: Path, jobs: int, keep: Path | None = None) -> dict:
    """Build `corpus` without PDFs in this process; the peaks by phase. `keep`: build there
    (and leave the site) instead of in a temporary folder."""
    sys.path.insert(0, str(CODE))
    from reportgen.build import build

    sampler = Sampler()
    sampler.phase = "read, start"
    sampler.start()

    def on_article(done: int, total: int, _item: object) -> None:
        sampler.phase = "analysis" if done < total else "passes, site"

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        site = keep or Path(tmp) / "site"
        result = build(corpus, site, jobs=jobs, pdf=False, on_article=on_article, force=True)
        seconds = time.perf_counter() - started
    sampler.sample(with_pss=True)
    sampler.running = False
    return {"articles": len(result.analyses), "pages": len(result.site.pages),
            "seconds": round(seconds, 1), "peaks": sampler.peaks}  # fmt: skip


def copies_of(analyses_jsonl: Path, copies: int, limit: int = 0) -> Iterator[ArticleAnalysis]:
    """The analyses of a built site (`limit` of them, evenly spaced, so every outlet keeps its
    share; 0: all), then again under outlet names `outlet~2`, ... (ids and paths follow), read
    line by line."""
    from reportgen.model import ArticleAnalysis

    with analyses_jsonl.open(encoding="utf-8") as lines:
        total = sum(1 for _ in lines)
    step = max(1, total // limit) if limit else 1
    for k in range(1, copies + 1):
        with analyses_jsonl.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines):
                if number % step or (limit and number // step >= limit):
                    continue
                a = ArticleAnalysis.from_dict(json.loads(line))
                if k > 1:
                    slug, rest = a.id.split("/", 1)
                    a.outlet, a.id = f"{a.outlet}~{k}", f"{slug}~{k}/{rest}"
                    a.source_path = f"{slug}~{k}/{a.source_path}"
                yield a


def measure_site(site: Path, copies: int, spooled: bool, limit: int) -> dict:
    """The phase after the analysis alone (corpus passes, aggregates, pages, data files) over
    the analyses a build left in `site`, `copies` times, held in a list or in a spool."""
    sys.path.insert(0, str(CODE))
    from reportgen.build import apply_fingerprints, merge_corpus_entities, unique_entity_ids
    from reportgen.render.site import SiteOptions, write_site

    sampler = Sampler()
    sampler.phase = "load"
    sampler.start()
    source = site / "data" / "analysis.jsonl"
    if spooled:
        from reportgen.spool import AnalysisSpool

        analyses = AnalysisSpool(copies_of(source, copies, limit))
    else:
        analyses = list(copies_of(source, copies, limit))
    sampler.phase = "passes, site"
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        apply_fingerprints(analyses)
        merge_corpus_entities(analyses)
        unique_entity_ids(analyses)
        result = write_site(Path(tmp) / "site", analyses, [], len(analyses), SiteOptions(pdf=False))
        seconds = time.perf_counter() - started
    sampler.sample(with_pss=True)
    sampler.running = False
    return {"articles": len(analyses), "pages": len(result.pages), "seconds": round(seconds, 1),
            "peaks": sampler.peaks}  # fmt: skip


def make_corpus(source: Path, limit: int, copies: int, target: Path) -> None:
    """The sample of `limit` files (all when 0) under `copies` outlet names, hard-linked."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from run import sample

    base = target / "base"
    sample(source, limit or 10**9, base)
    for outlet in sorted(p for p in base.iterdir() if p.is_dir()):
        for k in range(1, copies + 1):
            name = outlet.name if k == 1 else f"{outlet.name}~{k}"
            shutil.copytree(outlet, target / "corpus" / name, copy_function=os.link)


def report(label: str, figures: dict) -> None:
    peaks = figures["peaks"]
    top = max(p["total"] for p in peaks.values())
    pss = max(p["pss"] for p in peaks.values())
    print(f"{label}: {figures['articles']} articles, {figures['pages']} pages, "
          f"{figures['seconds']} s; peak RSS of all processes {top:,.0f} MB (PSS {pss:,.0f} MB)")
    for phase, p in peaks.items():
        if phase != "start":
            print(f"    {phase:14s} all {p['total']:7,.0f} MB   main {p['main']:7,.0f} MB   "
                  f"workers {p['workers']:7,.0f} MB")  # fmt: skip


def site_phase(site: Path, copies_list: list[int], limit: int, baseline: Path | None) -> int:
    """List (copies 1 only: the baseline, with the code of `baseline` if given) against spool,
    each in a fresh process."""
    runs = [(1, True)] + [(c, False) for c in copies_list]
    for copies, in_list in runs:
        command = [sys.executable, __file__, "--measure", "-", "--site-from", str(site),
                   "--copies", str(copies), "--limit", str(limit)]  # fmt: skip
        command += ["--in-list"] if in_list else []
        env = dict(os.environ)
        if in_list and baseline:
            env["REPORTGEN_BENCH_CODE"] = str(baseline.resolve())
        out = subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout
        held = "in a list" if in_list else "in a spool"
        held += f" ({baseline})" if in_list and baseline else ""
        report(f"after the analysis, {limit or 'all'} analyses x {copies}, {held}",
               json.loads(out.strip().splitlines()[-1]))  # fmt: skip
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="news_de")
    parser.add_argument("--limit", type=int, default=0, help="files to sample; 0: all")
    parser.add_argument("--copies", type=int, nargs="+", default=[1])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="leave the (last) site in this folder")
    parser.add_argument("--site-from", type=Path,
                        help="measure the phase after the analysis alone, over the analyses of "
                        "this built site, in a list and in a spool")  # fmt: skip
    parser.add_argument("--baseline-code", type=Path,
                        help="run a baseline first with the reportgen of this checkout (e.g. "
                        "main's), to compare before and after a change")  # fmt: skip
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # one run, JSON out
    parser.add_argument("--in-list", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure and args.site_from:
        figures = measure_site(args.site_from, args.copies[0], not args.in_list, args.limit)
        print(json.dumps(figures))
        return 0
    if args.measure:
        print(json.dumps(measure(args.measure, args.jobs, args.keep)))
        return 0
    if args.site_from:
        return site_phase(args.site_from, args.copies, args.limit, args.baseline_code)
    source = CORPORA / args.corpus
    if not source.is_dir():
        print(f"{source} is not available; nothing to measure.")
        return 0
    runs = [(args.copies[0], args.baseline_code)] if args.baseline_code else []
    for copies, code in runs + [(c, None) for c in args.copies]:
        with tempfile.TemporaryDirectory() as tmp:
            make_corpus(source, args.limit, copies, Path(tmp))
            command = [sys.executable, __file__, "--measure", str(Path(tmp) / "corpus"),
                       "--jobs", str(args.jobs)]  # fmt: skip
            if args.keep:
                command += ["--keep", str(args.keep.resolve())]
            env = dict(os.environ)
            if code:
                env["REPORTGEN_BENCH_CODE"] = str(code.resolve())
            out = subprocess.run(command, check=True, capture_output=True, text=True, env=env)
        label = f"{args.corpus}, {args.limit or 'all'} files x {copies}, --jobs {args.jobs}"
        figures = json.loads(out.stdout.strip().splitlines()[-1])
        report(label + (f" ({code})" if code else ""), figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
