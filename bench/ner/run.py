"""German NER benchmark for reportgen.

Scores exact span + label matches (micro and per label, PER/ORG/LOC/MISC) against a BIO file,
by default GermEval 2014 dev (names-only), which is held out from training.

Modes:
  --pipeline PATH   run a spaCy pipeline directly on the gold tokens; ``embedded`` (the
                    default) is reportgen's embedded German pipeline as ``reportgen analyze``
                    builds it (shipped NER + EntityRuler with gazetteers), ``model`` the shipped
                    statistical NER alone (reportgen/resources/pipelines/de_ner)
  --via-cli         the acceptance path: write plain-text documents from the sentences, run
                    ``reportgen analyze <tmp>/corpus -o <tmp>/a.jsonl`` and map the mentions'
                    character offsets back to the gold tokens
  --jsonl FILE      with --via-cli: score an existing analyze JSONL instead of running the CLI
                    (the corpus is still written, to ``--workdir``)

Throughput (pipeline mode): words per second of the pipeline on the documents' text, and of the
``spacy.blank("de")`` tokenizer alone on the same text, measured in the same run.

Usage: python bench/ner/run.py [--bio PATH] [--limit N] [--pipeline PATH | --via-cli]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))

from score import LABELS, Scores, bio_to_spans, read_bio  # noqa: E402

SHARED = REPO.parent / "shared"
DEFAULT_BIO = SHARED / "datasets" / "ner-de" / "germeval2014" / "dev.names-only.bio"
DEFAULT_PIPELINE = REPO / "reportgen" / "resources" / "pipelines" / "de_ner"


# --------------------------------------------------------------------------- documents


def make_documents(sents, per_file: int) -> list[dict]:
    """Group sentences into documents: tokens joined by spaces, sentences by blank lines.

    Each document keeps its gold tokens with character offsets and gold spans in document-wide
    token indices.
    """
    docs = []
    for d0 in range(0, len(sents), per_file):
        chunk = sents[d0 : d0 + per_file]
        parts, tokens, gold = [], [], []
        pos = 0
        for words, tags in chunk:
            if parts:
                parts.append("\n\n")
                pos += 2
            base = len(tokens)
            for j, w in enumerate(words):
                if j:
                    parts.append(" ")
                    pos += 1
                tokens.append((pos, pos + len(w), w))
                parts.append(w)
                pos += len(w)
            gold += [(base + s, base + e, lab) for s, e, lab in bio_to_spans(tags)]
        docs.append({"text": "".join(parts), "tokens": tokens, "gold": gold, "n_sents": len(chunk)})
    return docs


# --------------------------------------------------------------------------- pipeline mode


def load_bench_pipeline(path: Path):
    import spacy

    if str(path) == "embedded":
        sys.path.insert(0, str(REPO))
        from reportgen.analyze.pipeline import build_embedded

        return build_embedded("de"), "embedded (reportgen analyze --model auto, no official model)"
    if str(path) == "model":
        path = DEFAULT_PIPELINE
    return spacy.load(path), f"pipeline {_rel(path)}"


def run_pipeline(path: Path, sents, docs, args) -> dict:
    import spacy
    from spacy.tokens import Doc

    nlp, name = load_bench_pipeline(path)
    scores = Scores()
    gdocs = [Doc(nlp.vocab, words=words) for words, _ in sents]
    stream = iter(gdocs)
    for _name, proc in nlp.pipeline:
        stream = proc.pipe(stream, batch_size=256) if hasattr(proc, "pipe") else map(proc, stream)
    for i, (doc, (_words, tags)) in enumerate(zip(stream, sents, strict=True)):
        gold = [(i, s, e, lab) for s, e, lab in bio_to_spans(tags)]
        pred = [(i, ent.start, ent.end, ent.label_) for ent in doc.ents]
        scores.add(gold, pred)

    texts = [d["text"] for d in docs]
    n_words = sum(len(d["tokens"]) for d in docs)
    blank = spacy.blank("de")
    # warm-up, then timed runs (best of N to reduce noise on shared machines)
    list(nlp.pipe(texts[:2]))
    t_pipe = min(_timed(lambda: list(nlp.pipe(texts, batch_size=64))) for _ in range(args.repeat))
    t_tok = min(_timed(lambda: [blank.tokenizer(t) for t in texts]) for _ in range(args.repeat))
    return {
        "scores": scores,
        "name": name,
        "meta": nlp.meta,
        "components": nlp.pipe_names,
        "throughput": {
            "words": n_words,
            "pipeline_wps": n_words / t_pipe,
            "tokenizer_wps": n_words / t_tok,
            "tokenizer_to_pipeline": t_pipe / t_tok,
        },
    }


def _timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return max(time.perf_counter() - t0, 1e-9)


# --------------------------------------------------------------------------- CLI mode


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


def write_corpus(docs, corpus: Path) -> list[Path]:
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


def _match_record(rec: dict, docs, by_text: dict, used: set) -> int | None:
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


def align_tokens(text: str, tokens) -> list[tuple[int, int] | None]:
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


def mention_to_tokens(start: int, end: int, offs) -> tuple[int, int] | None:
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


def score_jsonl(jsonl: Path, docs) -> tuple[Scores, dict]:
    scores = Scores()
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
            if lab not in LABELS:
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


def run_cli(docs, args) -> dict:
    tmp = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="nerbench-"))
    corpus = tmp / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    write_corpus(docs, corpus)
    out = Path(args.jsonl) if args.jsonl else tmp / "a.jsonl"
    elapsed = None
    if not args.jsonl:
        cmd = [*_reportgen_cmd(), "analyze", str(corpus), "-o", str(out)]
        print("running:", " ".join(cmd), flush=True)
        env = dict(os.environ)
        env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - t0
        if proc.returncode != 0 or not out.exists():
            sys.stderr.write(proc.stdout[-3000:] + proc.stderr[-3000:])
            raise SystemExit(
                f"reportgen analyze failed (exit {proc.returncode}); corpus left in {corpus}"
            )
    scores, info = score_jsonl(out, docs)
    n_words = sum(len(d["tokens"]) for d in docs)
    res = {"scores": scores, "name": f"via CLI ({out})", "cli_info": info}
    if elapsed:
        res["throughput"] = {
            "words": n_words,
            "cli_wps_end_to_end": n_words / elapsed,
            "cli_seconds": elapsed,
        }
    if not args.keep and not args.workdir and not args.jsonl:
        shutil.rmtree(tmp, ignore_errors=True)
    return res


# --------------------------------------------------------------------------- main


def _rel(p: Path) -> str:
    try:
        return str(Path(p).resolve().relative_to(REPO))
    except ValueError:
        return str(p)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="reportgen German NER benchmark")
    ap.add_argument("--bio", type=Path, default=DEFAULT_BIO)
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    ap.add_argument("--pipeline", type=Path, default=Path("embedded"))
    ap.add_argument("--via-cli", action="store_true", help="score through `reportgen analyze`")
    ap.add_argument("--jsonl", type=Path, help="with --via-cli: score this analyze output")
    ap.add_argument("--workdir", type=Path, help="with --via-cli: write corpus/output here")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument("--sents-per-file", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=3, help="timing repetitions (best of)")
    ap.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = ap.parse_args(argv)

    if not args.bio.exists():
        if not SHARED.exists():
            print(f"SKIP: {SHARED} is absent; the NER benchmark needs the ner-de datasets.")
        else:
            print(f"SKIP: BIO file not found: {args.bio}")
        return 0

    sents = read_bio(args.bio)
    if args.limit:
        sents = sents[: args.limit]
    docs = make_documents(sents, args.sents_per_file)
    n_words = sum(len(w) for w, _ in sents)
    print(
        f"data: {_rel(args.bio)}: {len(sents)} sentences, {n_words} tokens, "
        f"{len(docs)} documents of <= {args.sents_per_file} sentences"
    )

    if args.via_cli:
        res = run_cli(docs, args)
    else:
        if str(args.pipeline) not in ("embedded", "model") and not args.pipeline.exists():
            print(f"SKIP: pipeline not found: {args.pipeline}")
            return 0
        res = run_pipeline(args.pipeline, sents, docs, args)

    scores: Scores = res["scores"]
    print()
    print(f"== NER exact span+label, {res['name']}")
    if "components" in res:
        m = res["meta"]
        print(
            f"   model {m.get('name')} {m.get('version')} (lang {m.get('lang')}), "
            f"components: {', '.join(res['components'])}"
        )
    print(scores.table())
    if "cli_info" in res:
        print("   alignment:", ", ".join(f"{k}={v}" for k, v in res["cli_info"].items()))
    tp = res.get("throughput")
    if tp:
        print()
        if "pipeline_wps" in tp:
            print(
                f"throughput on {tp['words']} words: pipeline {tp['pipeline_wps']:,.0f} w/s, "
                f"blank('de') tokenizer {tp['tokenizer_wps']:,.0f} w/s, "
                f"ratio pipeline time / tokenizer time = {tp['tokenizer_to_pipeline']:.1f}x"
            )
        else:
            print(
                f"throughput: reportgen analyze end to end {tp['cli_wps_end_to_end']:,.0f} w/s "
                f"({tp['cli_seconds']:.1f} s for {tp['words']} words, incl. start-up)"
            )
    p, r, f = scores.micro()
    summary = (
        f"SUMMARY ner-de {args.bio.name} [{('cli' if args.via_cli else 'pipeline')}]: "
        f"micro F1 {f:.3f} (P {p:.3f}, R {r:.3f}); "
        + ", ".join(f"{lab} {scores.label(lab)[2]:.3f}" for lab in LABELS)
    )
    if tp and "pipeline_wps" in tp:
        summary += (
            f"; {tp['pipeline_wps']:,.0f} w/s "
            f"({tp['tokenizer_to_pipeline']:.1f}x tokenizer-only time)"
        )
    print()
    print(summary)
    if args.json:
        out = {
            "bio": str(args.bio),
            "mode": "cli" if args.via_cli else "pipeline",
            "scores": scores.as_dict(),
            "throughput": tp,
            "cli_info": res.get("cli_info"),
        }
        args.json.write_text(json.dumps(out, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
