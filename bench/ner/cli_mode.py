"""Scoring through the acceptance path: write plain-text documents from the gold sentences, run
``reportgen analyze <tmp>/corpus -o <tmp>/a.jsonl`` and map the mentions' character offsets back
to the gold tokens.

``ner_paths`` ({lang: model folder or ""}) runs the embedded pipeline with another statistical NER
(an earlier model, or "" for rules only) in the same process set-up, to compare before and after.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from score import LABELS, Scores
from sets import REPO, Documents

Offsets = list[tuple[int, int] | None]

# bench only: the embedded pipeline with the statistical NER models named in REPORTGEN_BENCH_NER
PATCHED_CLI = """
import json, os, sys
from pathlib import Path
import reportgen.analyze.pipeline as pipeline
for lang, path in json.loads(os.environ["REPORTGEN_BENCH_NER"]).items():
    pipeline.EMBEDDED_NER[lang] = Path(path) if path else Path("/nonexistent-ner-model")
from reportgen.cli import app
sys.argv[0] = "reportgen"
app()
"""


def _reportgen_cmd() -> list[str]:
    exe = Path(sys.executable).parent / "reportgen"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("reportgen")
    if found:
        return [found]
    return [
        sys.executable,
        "-c",
        "import sys; from reportgen.cli import app; sys.argv[0] = 'reportgen'; app()",
    ]


def write_corpus(docs: Documents, corpus: Path) -> list[Path]:
    folder = corpus / "ner"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k, d in enumerate(docs):
        p = folder / f"{k:03d}.txt"
        p.write_text(d["text"] + "\n", encoding="utf-8")
        paths.append(p)
    return paths


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _match_record(rec: dict, docs: Documents, by_text: dict, used: set) -> int | None:
    """Find which written document a JSONL record belongs to."""
    for v in rec.values():
        if isinstance(v, str):
            m = re.search(r"(?:^|[/\\])(\d{3})\.txt$", v)
            if m and int(m.group(1)) < len(docs):
                return int(m.group(1))
    text = _norm(rec.get("text", ""))
    k = by_text.get(text)
    if k is not None:
        return k
    for k, d in enumerate(docs):  # fall back: prefix match
        if k not in used and text[:200] and _norm(d["text"]).startswith(text[:200]):
            return k
    return None


def align_tokens(text: str, tokens: list[tuple[int, int, str]]) -> Offsets:
    """Locate each gold token in ``text`` in order; None when a token can't be found."""
    out = []
    cur = 0
    for _s, _e, w in tokens:
        j = text.find(w, cur)
        if j < 0:
            out.append(None)
            continue
        out.append((j, j + len(w)))
        cur = j + len(w)
    return out


def mention_to_tokens(start: int, end: int, offs: Offsets) -> tuple[int, int] | None:
    """Token range (first, last+1) covered exactly by [start, end), else None."""
    first = last = None
    for i, o in enumerate(offs):
        if o is None:
            continue
        if o[0] == start:
            first = i
        if o[1] == end:
            last = i
            break
        if o[0] >= end:
            break
    if first is None or last is None or last < first:
        return None
    return first, last + 1


def score_jsonl(
    jsonl: Path, docs: Documents, labels: tuple[str, ...] = LABELS
) -> tuple[Scores, dict]:
    scores = Scores(labels)
    by_text = {_norm(d["text"]): k for k, d in enumerate(docs)}
    used: set = set()
    info = {
        "records": 0,
        "unmatched_records": 0,
        "misaligned_mentions": 0,
        "unaligned_tokens": 0,
        "other_labels": 0,
    }
    with open(jsonl, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    for rec in records:
        info["records"] += 1
        k = _match_record(rec, docs, by_text, used)
        if k is None or k in used:
            info["unmatched_records"] += 1
            continue
        used.add(k)
        doc = docs[k]
        text = rec.get("text", "")
        offs = align_tokens(text, doc["tokens"])
        info["unaligned_tokens"] += sum(o is None for o in offs)
        pred = []
        for ent in rec.get("entities", []):
            lab = ent.get("label")
            if lab not in labels:
                info["other_labels"] += 1
                continue
            for m in ent.get("mentions", []):
                rng = mention_to_tokens(int(m["start"]), int(m["end"]), offs)
                if rng is None:
                    info["misaligned_mentions"] += 1
                    pred.append((k, "misaligned", m["start"], m["end"], lab))
                else:
                    pred.append((k, rng[0], rng[1], lab))
        scores.add([(k, s, e, lab) for s, e, lab in doc["gold"]], pred)
    # documents without a record: their gold entities are all misses
    for k, d in enumerate(docs):
        if k not in used:
            scores.add([(k, s, e, lab) for s, e, lab in d["gold"]], [])
    info["missing_documents"] = len(docs) - len(used)
    return scores, info


def _analyze(corpus: Path, out: Path, ner_paths: dict[str, str] | None) -> float:
    """Run ``reportgen analyze``; seconds taken."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    cmd = [*_reportgen_cmd(), "analyze", str(corpus), "-o", str(out), "--quiet"]
    if ner_paths is not None:
        env["REPORTGEN_BENCH_NER"] = json.dumps(ner_paths)
        cmd = [sys.executable, "-c", PATCHED_CLI, *cmd[-5:]]
    print("running:", " ".join(cmd[:2] + ["..."] if ner_paths is not None else cmd), flush=True)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0 or not out.exists():
        sys.stderr.write(proc.stdout[-3000:] + proc.stderr[-3000:])
        raise SystemExit(f"reportgen analyze failed (exit {proc.returncode}); corpus in {corpus}")
    return elapsed


def run_cli(
    docs: Documents,
    labels: tuple[str, ...] = LABELS,
    workdir: Path | None = None,
    jsonl: Path | None = None,
    keep: bool = False,
    ner_paths: dict[str, str] | None = None,
) -> dict:
    tmp = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="nerbench-"))
    corpus = tmp / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    write_corpus(docs, corpus)
    out = Path(jsonl) if jsonl else tmp / "a.jsonl"
    elapsed = None if jsonl else _analyze(corpus, out, ner_paths)
    scores, info = score_jsonl(out, docs, labels)
    n_words = sum(len(d["tokens"]) for d in docs)
    res = {"scores": scores, "name": f"via CLI ({out})", "cli_info": info}
    if elapsed:
        res["throughput"] = {
            "words": n_words,
            "cli_wps_end_to_end": n_words / elapsed,
            "cli_seconds": elapsed,
        }
    if not keep and not workdir and not jsonl:
        shutil.rmtree(tmp, ignore_errors=True)
    return res
