"""Quotation / speaker / cited-source benchmark for reportgen.

Writes each benchmark document of a JSONL set (../shared/benchmarks/quotes, see its README) as a
plain-text file with front matter (``lang: de``) into a temporary corpus folder, runs the real
``reportgen analyze <corpus> -o <tmp>/a.jsonl`` (the acceptance path), converts the analyses to
the scorer's prediction format and runs the benchmark's own ``score.py``, printing its figures.

Offsets: the analysis ``text`` is the file content after the front matter, so quote offsets
index the benchmark text directly; this is checked per document (a document whose text does not
come back unchanged is aligned by searching for the quote text and reported).

Spans: the benchmark's quotation spans include their quote marks, reportgen's hold the words
inside them; a predicted span is widened over marks that touch both its ends (``with_marks``).

Prediction format: every quote of kind direct/indirect (``term`` is not a quotation) with its
start/end and the speaker *mention* (offsets and text); ``sources`` are the mentions of cited
sources that carry a cue, plus the speaker mentions of quotes attributed with a source cue
("laut", "zufolge", "according to", ...), because the benchmark's derived source annotation is
exactly that (it includes persons).

Usage:
  python bench/quotes/run.py [SET ...] [--limit N] [--jobs N] [--keep DIR] [--jsonl FILE]
SET is a file name in the benchmark folder, default: the two tuning sets
(de_wikinews_spkatt_train.jsonl en_polnear_dev.jsonl). ``--accept`` runs the acceptance sets.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
BENCH = REPO.parent / "shared" / "benchmarks" / "quotes"
TUNING = ["de_wikinews_spkatt_train.jsonl", "en_polnear_dev.jsonl"]
ACCEPTANCE = ["de_wikinews_spkatt_dev.jsonl", "en_polnear_test.jsonl"]
REPORTGEN = Path(sys.executable).parent / "reportgen"
# Cues after which the speaker counts as a cited source (the benchmark's derivation rule).
SOURCE_CUE = re.compile(
    r"^(laut|zufolge|nach|so|berichte\w*|meld\w*|schr(ei|ie)b\w*|zitier\w*|according to|"
    r"report\w*|wrote|writes|told|citing)$",
    re.IGNORECASE,
)


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_corpus(docs: list[dict[str, Any]], folder: Path) -> dict[str, str]:
    """One .txt per document; returns file stem -> benchmark id."""
    folder.mkdir(parents=True, exist_ok=True)
    names: dict[str, str] = {}
    for index, doc in enumerate(docs):
        stem = f"doc{index:05d}"
        names[stem] = str(doc["id"])
        front = f"---\nlang: {doc.get('lang', 'en')}\n---\n"
        (folder / f"{stem}.txt").write_text(front + doc["text"], encoding="utf-8")
    return names


def run_cli(corpus: Path, output: Path, jobs: int) -> float:
    started = time.perf_counter()
    command = [str(REPORTGEN), "analyze", str(corpus), "-o", str(output),
               "--jobs", str(jobs), "--quiet"]  # fmt: skip
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def _shift(analysis_text: str, gold_text: str) -> int | None:
    if analysis_text == gold_text:
        return 0
    index = gold_text.find(analysis_text[:200])
    return index if index >= 0 else None


MARKS = "„‚»«“”‘’\"'"


def with_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """The benchmark annotations include a quotation's own marks (reportgen's spans hold the
    words inside them): widen a span whose both ends touch quote marks."""
    while start > 0 and end < len(text) and text[start - 1] in MARKS and text[end] in MARKS:
        start, end = start - 1, end + 1
    return start, end


def to_prediction(analysis: dict[str, Any], gold: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    shift = _shift(analysis["text"], gold["text"])
    aligned = shift == 0
    delta = shift or 0
    quotes = []
    sources = []
    for quote in analysis["quotes"]:
        if quote["kind"] not in ("direct", "indirect"):
            continue
        start, end = with_marks(analysis["text"], quote["start"], quote["end"])
        item: dict[str, Any] = {
            "start": start + delta,
            "end": end + delta,
            "quote_text": quote["text"],
            "kind": quote["kind"],
        }
        mention = quote.get("speaker_mention")
        if mention:
            item["speaker_text"] = mention["text"]
            item["speaker_start"] = mention["start"] + delta
            item["speaker_end"] = mention["end"] + delta
        elif quote.get("speaker"):
            item["speaker_text"] = quote["speaker"]
        if shift is None:
            item.pop("start")
            item.pop("end")
        quotes.append(item)
        cue = (quote.get("cue") or "").strip()
        if mention and cue and SOURCE_CUE.match(cue):
            sources.append(
                {
                    "source_text": mention["text"],
                    "start": mention["start"] + delta,
                    "end": mention["end"] + delta,
                }
            )
    for source in analysis["sources"]:
        for mention in source["mentions"]:
            if not mention.get("cue"):
                continue
            start, end = mention["start"] + delta, mention["end"] + delta
            if any(s["start"] < end and start < s["end"] for s in sources):
                continue
            sources.append({"source_text": mention["text"], "start": start, "end": end})
    return {"id": gold["id"], "quotes": quotes, "sources": sources}, aligned


def score(gold: Path, pred: Path, extra: list[str]) -> str:
    command = [sys.executable, str(BENCH / "score.py"), str(gold), str(pred), *extra]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def run_set(name: str, args: argparse.Namespace, workdir: Path) -> None:
    gold_path = BENCH / name
    docs = load_jsonl(gold_path)
    if args.limit:
        docs = docs[: args.limit]
    folder = workdir / name.removesuffix(".jsonl")
    gold_file = folder / "gold.jsonl"
    folder.mkdir(parents=True, exist_ok=True)
    gold_file.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), "utf-8")
    names = write_corpus(docs, folder / "corpus")
    analyses_file = Path(args.jsonl) if args.jsonl else folder / "a.jsonl"
    seconds = 0.0
    if not args.jsonl:
        seconds = run_cli(folder / "corpus", analyses_file, args.jobs)
    by_id = {str(d["id"]): d for d in docs}
    predictions = []
    misaligned = 0
    for analysis in load_jsonl(analyses_file):
        stem = Path(analysis["source_path"]).stem
        gold = by_id.get(names.get(stem, ""))
        if gold is None:
            continue
        prediction, aligned = to_prediction(analysis, gold)
        misaligned += not aligned
        predictions.append(prediction)
    pred_file = folder / "pred.jsonl"
    pred_file.write_text(
        "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in predictions), "utf-8"
    )
    print(f"== {name}: {len(docs)} documents, {len(predictions)} analysed, "
          f"{misaligned} with shifted text, analyze took {seconds:.1f}s")  # fmt: skip
    print(score(gold_file, pred_file, []), end="")
    kinds = "direct" if name.startswith("de_") else "direct,mixed"
    last = score(gold_file, pred_file, ["--kinds", kinds, "--quiet"]).strip()
    print(f"[kinds={kinds}] {last}")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*")
    parser.add_argument("--accept", action="store_true", help="score the acceptance sets")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--keep", help="work folder to keep (default: a temporary one)")
    parser.add_argument("--jsonl", help="score this existing analyze output instead of running")
    args = parser.parse_args()
    sets = args.sets or (ACCEPTANCE if args.accept else TUNING)
    if not BENCH.is_dir():
        sys.exit(f"benchmark folder not found: {BENCH}")
    if args.keep:
        workdir = Path(args.keep)
        workdir.mkdir(parents=True, exist_ok=True)
        for name in sets:
            run_set(name, args, workdir)
        return
    with tempfile.TemporaryDirectory(prefix="bench-quotes-") as tmp:
        for name in sets:
            run_set(name, args, Path(tmp))


if __name__ == "__main__":
    main()
