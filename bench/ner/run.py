"""NER benchmark for reportgen (German and English).

Scores exact span + label matches (micro and per label) against BIO files from
``../shared/datasets/ner-<lang>/``; the sets, their languages, labels and roles are in sets.py.

Single set (default: GermEval 2014 dev, names-only, embedded German pipeline):
  --set KEY | --bio PATH --lang L   what to score
  --pipeline VARIANT  ``embedded`` (as ``reportgen analyze`` builds it), ``no-rules`` (the
                      statistical NER without the EntityRuler), ``model`` (the NER alone) or a
                      path to a saved spaCy pipeline; ``--ner PATH`` swaps the statistical NER
  --via-cli           the acceptance path: ``reportgen analyze`` on plain-text documents
  --jsonl FILE        with --via-cli: score an existing analyze JSONL instead of running the CLI

Before/after (``--suite tuning|acceptance``): every set of that role with the earlier models of
``--before-rev`` and the shipped ones, load time and words/s in the same run; ``--markdown``
writes the tables. Acceptance sets are run once, after tuning.

Throughput (pipeline mode): words per second on the documents' text, and of the blank tokenizer
alone on the same text, in the same run.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cli_mode import run_cli  # noqa: E402
from pipeline_mode import _rel, run_pipeline  # noqa: E402
from score import LABELS, Scores  # noqa: E402
from sets import SETS, SHARED, make_documents, read_set  # noqa: E402


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description="reportgen NER benchmark")
    ap.add_argument("--set", choices=sorted(SETS), default="de-germeval-dev")
    ap.add_argument("--bio", type=Path, help="a BIO file instead of --set")
    ap.add_argument("--lang", help="with --bio: its language; with --suite: only this one")
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    ap.add_argument("--pipeline", default="embedded")
    ap.add_argument("--ner", help="another statistical NER for the embedded pipeline")
    ap.add_argument("--via-cli", action="store_true", help="score through `reportgen analyze`")
    ap.add_argument("--jsonl", type=Path, help="with --via-cli: score this analyze output")
    ap.add_argument("--workdir", type=Path, help="with --via-cli: write corpus/output here")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument("--sents-per-file", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=3, help="timing repetitions (best of)")
    ap.add_argument("--json", type=Path, help="also write the results as JSON here")
    ap.add_argument("--suite", choices=["tuning", "acceptance"], help="before/after over sets")
    ap.add_argument("--before-rev", default="HEAD", help="git revision of the earlier models")
    ap.add_argument("--no-cli", action="store_true", help="with --suite: pipeline mode only")
    ap.add_argument("--no-rules", action="store_true", help="with --suite: also without rules")
    ap.add_argument("--markdown", type=Path, help="with --suite: write the tables here")
    return ap.parse_args(argv)


def print_result(res: dict, scores: Scores) -> None:
    print()
    print(f"== NER exact span+label, {res['name']}")
    if "components" in res:
        m = res["meta"]
        print(
            f"   model {m.get('name')} {m.get('version')} (lang {m.get('lang')}), "
            f"components: {', '.join(res['components'])}; loaded in {res['load_seconds']:.2f} s"
        )
    print(scores.table())
    if "cli_info" in res:
        print("   alignment:", ", ".join(f"{k}={v}" for k, v in res["cli_info"].items()))
    tp = res.get("throughput")
    if tp and "pipeline_wps" in tp:
        print(
            f"\nthroughput on {tp['words']} words: pipeline {tp['pipeline_wps']:,.0f} w/s, "
            f"blank tokenizer {tp['tokenizer_wps']:,.0f} w/s, "
            f"ratio pipeline time / tokenizer time = {tp['tokenizer_to_pipeline']:.1f}x"
        )
    elif tp:
        print(
            f"\nthroughput: reportgen analyze end to end {tp['cli_wps_end_to_end']:,.0f} w/s "
            f"({tp['cli_seconds']:.1f} s for {tp['words']} words, incl. start-up)"
        )


def run_single(args: argparse.Namespace) -> int:
    nset = SETS[args.set]
    path, lang, labels = nset.file, nset.lang, nset.labels
    take = nset.take
    if args.bio:
        path, lang, labels, take = args.bio, args.lang or "de", LABELS, "all"
    if not path.exists():
        where = SHARED if not SHARED.exists() else path
        print(f"SKIP: {where} is absent; the NER benchmark needs the ner-<lang> datasets.")
        return 0
    sents = read_set(path, take)[: args.limit or None]
    docs = make_documents(sents, args.sents_per_file)
    print(
        f"data: {_rel(path)}: {len(sents)} sentences, {sum(len(w) for w, _ in sents)} tokens, "
        f"{len(docs)} documents of <= {args.sents_per_file} sentences"
    )
    if args.via_cli:
        ner = None if args.ner is None else {lang: args.ner}
        res = run_cli(docs, labels, args.workdir, args.jsonl, args.keep, ner)
    else:
        res = run_pipeline(args.pipeline, lang, sents, docs, labels, args.repeat, args.ner)
    scores: Scores = res["scores"]
    print_result(res, scores)
    p, r, f = scores.micro()
    tp = res.get("throughput") or {}
    summary = (
        f"SUMMARY ner-{lang} {path.name} [{'cli' if args.via_cli else args.pipeline}]: "
        f"micro F1 {f:.3f} (P {p:.3f}, R {r:.3f}); "
        + ", ".join(f"{lab} {scores.label(lab)[2]:.3f}" for lab in labels)
    )
    if "pipeline_wps" in tp:
        summary += f"; {tp['pipeline_wps']:,.0f} w/s"
    print("\n" + summary)
    if args.json:
        out = {"bio": str(path), "mode": "cli" if args.via_cli else args.pipeline}
        out.update(scores=scores.as_dict(), throughput=tp, cli_info=res.get("cli_info"))
        args.json.write_text(json.dumps(out, indent=2), encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.suite:
        return run_single(args)
    from suite import markdown, per_label_markdown, run_suite

    if not SHARED.exists():
        print(f"SKIP: {SHARED} is absent; the NER benchmark needs the ner-<lang> datasets.")
        return 0
    results = run_suite(args)
    text = markdown(results) + "\n" + per_label_markdown(results)
    print("\n" + text)
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
