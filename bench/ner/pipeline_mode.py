"""Scoring a pipeline directly on the gold tokens, with its load time and words per second.

Variants: ``embedded`` is reportgen's embedded pipeline for the language as ``reportgen analyze``
builds it (statistical NER + EntityRuler with gazetteers and given-name patterns); ``no-rules``
the same statistical NER with the sentencizer but without the EntityRuler; ``model`` the
statistical NER alone; anything else is a path to a saved spaCy pipeline. ``ner_path`` swaps
the embedded statistical NER for another one (an earlier model; "" for none, rules only).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from score import LABELS, Scores, bio_to_spans
from sets import REPO, Documents, Sentences
from spacy.language import Language

sys.path.insert(0, str(REPO))


def load_bench_pipeline(
    variant: str, lang: str, ner_path: str | None = None
) -> tuple[Language, str, float]:
    """(nlp, description, seconds to load)."""
    import spacy

    from reportgen.analyze import pipeline

    shipped = pipeline.EMBEDDED_NER.get(lang)
    model = Path(ner_path) if ner_path else shipped
    t0 = time.perf_counter()
    if variant == "embedded":
        saved = dict(pipeline.EMBEDDED_NER)
        if ner_path is not None:
            pipeline.EMBEDDED_NER[lang] = Path(ner_path or "/nonexistent-ner-model")
        try:
            nlp = pipeline.build_embedded(lang)
        finally:
            pipeline.EMBEDDED_NER.clear()
            pipeline.EMBEDDED_NER.update(saved)
        name = f"embedded {lang} (reportgen analyze, no official model)"
    elif variant in ("no-rules", "model"):
        if model is None or not (model / "meta.json").is_file():
            raise SystemExit(f"no statistical NER for {lang}: {model}")
        nlp = spacy.load(model)
        if variant == "no-rules":
            nlp = pipeline._add_shared_components(nlp, lang, with_gazetteers=False)
        name = f"{variant} {_rel(model)}"
    else:
        nlp = spacy.load(variant)
        name = f"pipeline {_rel(Path(variant))}"
    return nlp, name, time.perf_counter() - t0


def _timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return max(time.perf_counter() - t0, 1e-9)


def score_on_gold_tokens(
    nlp: Language, sents: Sentences, labels: tuple[str, ...] = LABELS
) -> Scores:
    from spacy.tokens import Doc

    scores = Scores(labels)
    stream = iter([Doc(nlp.vocab, words=words) for words, _ in sents])
    for _name, proc in nlp.pipeline:
        stream = proc.pipe(stream, batch_size=256) if hasattr(proc, "pipe") else map(proc, stream)
    for i, (doc, (_words, tags)) in enumerate(zip(stream, sents, strict=True)):
        gold = [(i, s, e, lab) for s, e, lab in bio_to_spans(tags)]
        pred = [(i, ent.start, ent.end, ent.label_) for ent in doc.ents]
        scores.add(gold, pred)
    return scores


def throughput(nlp: Language, docs: Documents, lang: str, repeat: int) -> dict:
    """Words per second of ``nlp`` on the documents' text, and of the blank tokenizer alone."""
    import spacy

    texts = [d["text"] for d in docs]
    n_words = sum(len(d["tokens"]) for d in docs)
    blank = spacy.blank(lang)
    list(nlp.pipe(texts[:2]))  # warm-up; then best of ``repeat`` (shared machines are noisy)
    t_pipe = min(_timed(lambda: list(nlp.pipe(texts, batch_size=64))) for _ in range(repeat))
    t_tok = min(_timed(lambda: [blank.tokenizer(t) for t in texts]) for _ in range(repeat))
    return {
        "words": n_words,
        "pipeline_wps": n_words / t_pipe,
        "tokenizer_wps": n_words / t_tok,
        "tokenizer_to_pipeline": t_pipe / t_tok,
    }


def run_pipeline(
    variant: str,
    lang: str,
    sents: Sentences,
    docs: Documents,
    labels: tuple[str, ...] = LABELS,
    repeat: int = 3,
    ner_path: str | None = None,
) -> dict:
    nlp, name, load_s = load_bench_pipeline(variant, lang, ner_path)
    res = {
        "scores": score_on_gold_tokens(nlp, sents, labels),
        "name": name,
        "meta": nlp.meta,
        "components": nlp.pipe_names,
        "load_seconds": load_s,
    }
    if repeat:
        res["throughput"] = throughput(nlp, docs, lang, repeat)
    return res


def _rel(p: Path) -> str:
    try:
        return str(Path(p).resolve().relative_to(REPO))
    except ValueError:
        return str(p)
