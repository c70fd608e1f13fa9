"""Before/after over the benchmark sets in one run: every set of a role (tuning or acceptance)
scored with the earlier models (``before``) and the shipped ones (``after``), per label, plus
load time and words per second of each embedded pipeline on the same text.

``before`` models come from a git revision (``--before-rev``): its
``reportgen/resources/pipelines/<lang>_ner`` is extracted into a temporary folder; a language
without one there was rules only then.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from cli_mode import run_cli
from pipeline_mode import run_pipeline
from sets import REPO, SETS, NerSet, make_documents, read_set


def models_at(rev: str, langs: set[str], into: Path) -> dict[str, str]:
    """{lang: folder of that revision's shipped NER, or "" (none then: rules only)}."""
    found: dict[str, str] = {}
    for lang in sorted(langs):
        rel = f"reportgen/resources/pipelines/{lang}_ner"
        proc = subprocess.run(
            ["git", "-C", str(REPO), "archive", rev, rel], capture_output=True, check=False
        )
        if proc.returncode != 0:
            found[lang] = ""
            continue
        with tarfile.open(fileobj=io.BytesIO(proc.stdout)) as tar:
            tar.extractall(into, filter="data")
        found[lang] = str(into / rel)
    return found


def _row(res: dict) -> dict:
    out = {"scores": res["scores"].as_dict()}
    for key in ("load_seconds", "throughput", "cli_info"):
        if key in res:
            out[key] = res[key]
    return out


def run_set(nset: NerSet, before: dict[str, str], args: argparse.Namespace) -> dict:
    sents = read_set(nset.file, nset.take)
    if args.limit:
        sents = sents[: args.limit]
    docs = make_documents(sents, args.sents_per_file)
    lab = nset.labels
    result: dict = {"set": nset.key, "title": nset.title, "role": nset.role, "rows": {}}
    runs = [("after", "embedded", None), ("before", "embedded", before.get(nset.lang, ""))]
    if nset.lang == "en" or args.no_rules:
        runs.append(("after, no rules", "no-rules", None))
    for label, variant, ner in runs:
        print(f"-- {nset.key}: {label} ({variant})", flush=True)
        res = run_pipeline(variant, nset.lang, sents, docs, lab, args.repeat, ner)
        result["rows"][f"{label} pipeline"] = _row(res)
    if nset.via_cli and not args.no_cli:
        for label, ner in (("after", None), ("before", before.get(nset.lang, ""))):
            print(f"-- {nset.key}: {label} via reportgen analyze", flush=True)
            overrides = None if ner is None else {nset.lang: ner}
            res = run_cli(docs, lab, ner_paths=overrides)
            result["rows"][f"{label} cli"] = _row(res)
    return result


def run_suite(args: argparse.Namespace) -> list[dict]:
    chosen = [s for s in SETS.values() if s.role == args.suite and s.file.is_file()]
    if args.lang:
        chosen = [s for s in chosen if s.lang == args.lang]
    with tempfile.TemporaryDirectory(prefix="nerbench-before-") as tmp:
        before = models_at(args.before_rev, {s.lang for s in chosen}, Path(tmp))
        print("before:", before or "none", flush=True)
        return [run_set(s, before, args) for s in chosen]


def _prf(x: dict) -> str:
    return f"{x['p']:.3f} / {x['r']:.3f} / {x['f']:.3f}"


def markdown(results: list[dict], labels: tuple[str, ...] = ("PER", "ORG", "LOC", "MISC")) -> str:
    """One table of micro and per-label P / R / F1 per set and run, and one of speed."""
    lines = ["| set | run | micro P / R / F1 | " + " | ".join(f"{x} F1" for x in labels) + " |"]
    lines.append("|---|---|---|" + "---:|" * len(labels))
    speed = ["| set | run | load s | words/s |", "|---|---|---:|---:|"]
    for res in results:
        for run, row in res["rows"].items():
            sc = row["scores"]
            per = [f"{sc[x]['f']:.3f}" if sc.get(x, {}).get("gold") else "-" for x in labels]
            cells = " | ".join([_prf(sc["micro"]), *per])
            lines.append(f"| {res['set']} | {run} | {cells} |")
            tp = row.get("throughput") or {}
            wps = tp.get("pipeline_wps") or tp.get("cli_wps_end_to_end")
            if wps:
                load = f"{row['load_seconds']:.2f}" if "load_seconds" in row else "(in total)"
                speed.append(f"| {res['set']} | {run} | {load} | {wps:,.0f} |")
    return "\n".join(lines) + "\n\n" + "\n".join(speed) + "\n"


def per_label_markdown(results: list[dict]) -> str:
    """Per label P / R / F1 of every run, one table per set."""
    out = []
    for res in results:
        runs = list(res["rows"])
        out.append(f"**{res['set']}** ({res['title']})\n")
        out.append("| label | " + " | ".join(runs) + " |")
        out.append("|---|" + "---|" * len(runs))
        labels = [k for k in res["rows"][runs[0]]["scores"] if k != "micro"] + ["micro"]
        for lab in labels:
            cells = [_prf(res["rows"][r]["scores"][lab]) for r in runs]
            out.append(f"| {lab} | " + " | ".join(cells) + " |")
        out.append("")
    return "\n".join(out)
