"""Real-articles benchmark: `reportgen analyze` on the 40 annotated real articles, scored.

    python bench/real/run.py [--save] [--compare FILE] [-v] [--keep FILE] [--jobs N]

The articles of `../shared/benchmarks/real/gold/` are laid out as `<outlet>/<file>` in a
temporary corpus (copied from `../shared/corpora`, never into the repository), analysed with
`reportgen analyze`, and scored with the benchmark's `score.py`. The summary figures are printed
beside those of a previous run (`bench/real/last.json` unless `--compare` names another file);
`--save` writes this run's figures there. The authors of the news_html pages against trafilatura
alone (`authors.py` beside this file) are measured too, unless `--no-authors`. Without the shared
data the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
DEFAULT_BENCH = SHARED / "benchmarks" / "real"
DEFAULT_CORPORA = SHARED / "corpora"
LAST = Path(__file__).resolve().parent / "last.json"
METRIC_LINE = re.compile(
    r"^(?P<name>[A-Za-z_ ]+): (?P<value>\d\.\d\d) \((?P<num>\d+)/(?P<den>\d+)\)$"
)


def gold_paths(bench: Path) -> list[str]:
    """The corpus-relative input path of every gold article."""
    paths = []
    for gold in sorted((bench / "gold").glob("*.json")):
        paths.append(json.loads(gold.read_text(encoding="utf-8"))["path"])
    return paths


def lay_out(paths: list[str], corpora: Path, target: Path) -> int:
    """Copy each input to `target/<outlet>/<file>`; the number of inputs copied."""
    copied = 0
    for rel in paths:
        source = corpora / rel
        if not source.is_file():
            print(f"missing input: {rel}")
            continue
        outlet, name = Path(rel).parts[-2], Path(rel).name
        (target / outlet).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target / outlet / name)
        copied += 1
    return copied


def analyze(corpus: Path, output: Path, jobs: int) -> None:
    command = [sys.executable, "-m", "reportgen", "analyze", str(corpus), "-o", str(output),
               "--jobs", str(jobs), "--quiet"]  # fmt: skip
    subprocess.run(command, check=False, cwd=REPO)


def score(bench: Path, analysis: Path, corpora: Path, verbose: bool) -> str:
    command = [sys.executable, str(bench / "score.py"), str(analysis), str(bench / "gold"),
               str(corpora)] + (["-v"] if verbose else [])  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return done.stdout + done.stderr


def figures(report: str) -> dict[str, list[int | float]]:
    """Metric name -> [value, numerator, denominator] from the scorer's metric lines."""
    found: dict[str, list[int | float]] = {}
    for line in report.splitlines():
        match = METRIC_LINE.match(line.strip())
        if match:
            found[match["name"]] = [float(match["value"]), int(match["num"]), int(match["den"])]
    return found


def comparison(now: dict, before: dict | None) -> str:
    """A table of this run's figures beside a previous run's."""
    rows = [f"{'metric':<24} {'now':>6} {'counts':>9} {'before':>7} {'change':>7}"]
    for name, (value, num, den) in now.items():
        old = (before or {}).get(name)
        old_text = f"{old[0]:.2f}" if old else "-"
        change = f"{value - old[0]:+.2f}" if old else ""
        rows.append(f"{name:<24} {value:>6.2f} {f'{num}/{den}':>9} {old_text:>7} {change:>7}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="benchmark folder")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="corpora root")
    parser.add_argument("--compare", type=Path, default=LAST, help="figures of a previous run")
    parser.add_argument("--save", action="store_true", help="write this run's figures to --compare")
    parser.add_argument("--keep", type=Path, help="keep the analysis JSON Lines here")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-authors", action="store_true", help="skip the news_html authors")
    parser.add_argument("-v", "--verbose", action="store_true", help="the scorer's list of misses")
    args = parser.parse_args(argv)
    if not (args.bench / "score.py").is_file() or not args.corpora.is_dir():
        print(f"skipped: no benchmark at {args.bench} or no corpora at {args.corpora}")
        return 0
    with tempfile.TemporaryDirectory(prefix="rg-real-") as tmp:
        corpus = Path(tmp) / "corpus"
        if not lay_out(gold_paths(args.bench), args.corpora, corpus):
            print("skipped: none of the gold inputs is present")
            return 0
        analysis = args.keep or Path(tmp) / "analysis.jsonl"
        analyze(corpus, analysis, args.jobs)
        report = score(args.bench, analysis, args.corpora, args.verbose)
    print(report.rstrip())
    now = figures(report)
    pages = args.corpora / "news_html"
    if not args.no_authors and (pages / "expectations.jsonl").is_file():
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from authors import measure

        for group, (ours, theirs, total) in measure(pages).items():
            now[f"news_html {group} rg"] = [round(ours / total, 2), ours, total]
            now[f"news_html {group} traf"] = [round(theirs / total, 2), theirs, total]
    before = (
        json.loads(args.compare.read_text(encoding="utf-8")) if args.compare.is_file() else None
    )
    print()
    print(comparison(now, before))
    if args.save:
        args.compare.write_text(json.dumps(now, indent=1) + "\n", encoding="utf-8")
        print(f"saved to {args.compare}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
