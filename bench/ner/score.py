"""Small BIO reader and exact-match span scorer for the NER benchmark."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

LABELS = ("PER", "ORG", "LOC", "MISC")

Span = tuple  # (doc_or_sentence_id, start_token, end_token_exclusive, label)


def read_bio(path: Path | str) -> list[tuple[list[str], list[str]]]:
    """Read ``token<TAB>tag`` lines, blank line between sentences."""
    sents: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if words:
                    sents.append((words, tags))
                words, tags = [], []
                continue
            parts = line.split("\t") if "\t" in line else line.split()
            if not parts[0]:
                continue
            words.append(parts[0])
            tags.append(parts[-1] if len(parts) > 1 else "O")
    if words:
        sents.append((words, tags))
    return sents


def bio_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """IOB2 tags -> (start, end_exclusive, label). A stray I- starts a new span."""
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        if tag == "O" or "-" not in tag:
            prefix, lab = "O", None
        else:
            prefix, lab = tag.split("-", 1)
        if prefix == "I" and lab == label and start is not None:
            continue
        if start is not None:
            spans.append((start, i, label))
            start, label = None, None
        if prefix in ("B", "I"):
            start, label = i, lab
    return spans


class Scores:
    """Micro and per-label precision/recall/F1 over exact (span, label) matches."""

    def __init__(self, labels: Iterable[str] = LABELS):
        self.labels = tuple(labels)
        self.tp: Counter = Counter()
        self.n_pred: Counter = Counter()
        self.n_gold: Counter = Counter()

    def add(self, gold: Iterable[Span], pred: Iterable[Span]) -> None:
        gold_set = {s for s in gold if s[-1] in self.labels}
        pred_set = {s for s in pred if s[-1] in self.labels}
        for s in gold_set:
            self.n_gold[s[-1]] += 1
        for s in pred_set:
            self.n_pred[s[-1]] += 1
            if s in gold_set:
                self.tp[s[-1]] += 1

    @staticmethod
    def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def label(self, lab: str) -> tuple[float, float, float]:
        return self.prf(self.tp[lab], self.n_pred[lab], self.n_gold[lab])

    def micro(self) -> tuple[float, float, float]:
        return self.prf(sum(self.tp.values()), sum(self.n_pred.values()), sum(self.n_gold.values()))

    def as_dict(self) -> dict:
        out = {}
        for lab in self.labels:
            p, r, f = self.label(lab)
            out[lab] = {
                "p": p,
                "r": r,
                "f": f,
                "gold": self.n_gold[lab],
                "pred": self.n_pred[lab],
                "tp": self.tp[lab],
            }
        p, r, f = self.micro()
        out["micro"] = {
            "p": p,
            "r": r,
            "f": f,
            "gold": sum(self.n_gold.values()),
            "pred": sum(self.n_pred.values()),
            "tp": sum(self.tp.values()),
        }
        return out

    def table(self) -> str:
        rows = [f"{'label':<6} {'gold':>6} {'pred':>6} {'tp':>6} {'P':>7} {'R':>7} {'F1':>7}"]
        d = self.as_dict()
        for lab in (*self.labels, "micro"):
            x = d[lab]
            rows.append(
                f"{lab:<6} {x['gold']:>6} {x['pred']:>6} {x['tp']:>6} "
                f"{x['p']:>7.3f} {x['r']:>7.3f} {x['f']:>7.3f}"
            )
        return "\n".join(rows)
