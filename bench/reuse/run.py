"""Text-reuse benchmark: pairs found on a real corpus, the time the pass adds, a sample to check.

    python bench/reuse/run.py [--corpus news_de] [--jobs 2] [--sample 20] [--threshold 0.5]
                              [--analyses /tmp/news_de.jsonl] [--out bench/reuse/sample.md]

Analyses the corpus in ../shared/corpora (corpus passes included, reuse off) and times it, then
times the reuse pass over the same analyses in the same run: the ratio is what reuse adds to a
build's analysis. `--analyses FILE` keeps the analyses as JSON Lines and reads them back on the
next run (then the analysis time printed is the one stored with them). Prints the article pairs
and passages found, by outlet pair, and writes `--sample` random pairs (fixed seed) with both
passages side by side for checking by hand, and as many of the pairs between two outlets.
Without ../shared the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPORA = REPO.parent / "shared" / "corpora"
sys.path.insert(0, str(REPO))

from reportgen.analyze.reuse import find_reuse  # noqa: E402
from reportgen.build import analyze_corpus  # noqa: E402
from reportgen.model import ArticleAnalysis  # noqa: E402
from reportgen.render.exports import analyses_jsonl  # noqa: E402
from reportgen.reuse_options import ReuseOptions  # noqa: E402


def load_or_analyse(corpus: Path, jobs: int, store: Path | None) -> tuple[list, float]:
    if store and store.is_file():
        lines = store.read_text(encoding="utf-8").rstrip("\n").split("\n")
        seconds = json.loads(lines[0])["analysis_seconds"]
        return [ArticleAnalysis.from_dict(json.loads(line)) for line in lines[1:]], seconds
    started = time.perf_counter()
    result = analyze_corpus(corpus, jobs=jobs, reuse=ReuseOptions(reuse=False))
    seconds = time.perf_counter() - started
    if store:
        header = json.dumps({"analysis_seconds": seconds}) + "\n"
        store.write_text(header + analyses_jsonl(result.analyses), encoding="utf-8")
    return result.analyses, seconds


def pair_rows(analyses: list[ArticleAnalysis]) -> dict[tuple[str, str], list]:
    """(article id, other id) with id < other id -> the passages, each pair once."""
    pairs: dict[tuple[str, str], list] = {}
    for a in analyses:
        for r in a.reuse:
            if a.id < r.other_id:
                pairs.setdefault((a.id, r.other_id), []).append(r)
    return pairs


def write_sample(analyses: list, pairs: dict, size: int, out: Path) -> None:
    by_id = {a.id: a for a in analyses}
    chosen = random.Random(20240601).sample(sorted(pairs), min(size, len(pairs)))
    lines = ["# Reuse sample: pairs to check by hand", ""]
    for number, (left, right) in enumerate(chosen, start=1):
        a, b = by_id[left], by_id[right]
        dates = (a.date or "undated", b.date or "undated")
        lines.append(f"## {number}. {left} ({dates[0]}) / {right} ({dates[1]})")
        for r in pairs[(left, right)][:3]:
            lines += [
                "",
                f"{r.words} words, similarity {r.similarity}, {left} is {r.order}",
                "",
                f"> A: {r.text[:600]}",
                "",
                f"> B: {b.text[r.other_start : r.other_end][:600]}",
            ]
        lines += ["", "verdict: ", ""]
    out.write_text("\n".join(lines), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="news_de")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--threshold", type=float, default=ReuseOptions().reuse_threshold)
    parser.add_argument("--analyses", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=Path("reuse-sample.md"))
    args = parser.parse_args()
    corpus = CORPORA / args.corpus
    if not corpus.is_dir():
        print(f"{corpus} is absent: nothing to measure")
        return 0
    analyses, analysis_seconds = load_or_analyse(corpus, args.jobs, args.analyses)
    started = time.perf_counter()
    counts = find_reuse(analyses, ReuseOptions(reuse_threshold=args.threshold))
    reuse_seconds = time.perf_counter() - started
    pairs = pair_rows(analyses)
    ids = {a.id: a.outlet for a in analyses}
    passages = sum(len(v) for v in pairs.values())
    print(f"corpus {args.corpus}: {len(analyses)} articles, threshold {args.threshold}")
    print(f"analysis (reuse off, -j{args.jobs}): {analysis_seconds:8.1f} s")
    print(f"reuse pass (one process):  {reuse_seconds:8.1f} s"
          f"  = {reuse_seconds / analysis_seconds:.1%} of the analysis")  # fmt: skip
    print(f"windows indexed: {counts.windows}; candidate pairs kept: {counts.candidates}; "
          f"set aside as outlet furniture: {counts.furniture} windows")  # fmt: skip
    print(f"article pairs sharing text: {counts.article_pairs}; passages: {passages}")
    cross = sum(1 for left, right in pairs if ids[left] != ids[right])
    print(f"  of them between two outlets: {cross}")
    by_outlets: Counter[tuple[str, str]] = Counter()
    for left, right in pairs:
        by_outlets[tuple(sorted((ids[left], ids[right])))] += 1
    for (left, right), n in by_outlets.most_common(25):
        print(f"  {n:5d}  {left} / {right}")
    write_sample(analyses, pairs, args.sample, args.out)
    print(f"sample of {min(args.sample, len(pairs))} pairs -> {args.out}")
    between = {key: value for key, value in pairs.items() if ids[key[0]] != ids[key[1]]}
    other = args.out.with_name(args.out.stem + "-between-outlets" + args.out.suffix)
    write_sample(analyses, between, args.sample, other)
    print(f"sample of {min(args.sample, len(between))} pairs between two outlets -> {other}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
