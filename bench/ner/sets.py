"""The NER benchmark's data sets: which BIO file, which language, which labels it annotates,
and whether it is for tuning or for acceptance (run once, after tuning)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from score import bio_to_spans, read_bio

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SHARED = REPO.parent / "shared"
DATASETS = SHARED / "datasets"
ALL_LABELS = ("PER", "ORG", "LOC", "MISC")
NO_MISC = ("PER", "ORG", "LOC")
Sentences = list[tuple[list[str], list[str]]]  # words, IOB2 tags
Documents = list[dict]  # text, gold tokens with offsets, gold spans (make_documents)


@dataclass(frozen=True)
class NerSet:
    key: str
    lang: str
    path: str  # under ../shared/datasets/
    labels: tuple[str, ...]
    role: str  # tuning | acceptance
    title: str
    take: str = "all"  # all | every-10th (index % 10 == 9, the training recipes' tuning split)
    via_cli: bool = False  # also scored through `reportgen analyze`

    @property
    def file(self) -> Path:
        return DATASETS / self.path


SETS = {
    s.key: s
    for s in (
        NerSet(
            "de-tune",
            "de",
            "ner-de/germeval2014/test.names-only.bio",
            ALL_LABELS,
            "tuning",
            "GermEval 2014 test, every 10th sentence (tuning split), names-only",
            take="every-10th",
        ),
        NerSet(
            "de-germeval-dev",
            "de",
            "ner-de/germeval2014/dev.names-only.bio",
            ALL_LABELS,
            "acceptance",
            "GermEval 2014 dev, names-only",
            via_cli=True,
        ),
        NerSet(
            "de-uner-pud",
            "de",
            "ner-de/uner-de-pud/test.bio",
            NO_MISC,
            "acceptance",
            "UNER German PUD test",
        ),
        NerSet(
            "de-smartdata-test",
            "de",
            "ner-de/smartdata/test.bio",
            NO_MISC,
            "acceptance",
            "SmartData test (v3)",
        ),
        NerSet(
            "de-mobie-test",
            "de",
            "ner-de/mobie/test.bio",
            NO_MISC,
            "acceptance",
            "MobIE test",
        ),
        NerSet(
            "en-ewt-dev",
            "en",
            "ner-en/uner-en-ewt/dev.bio",
            NO_MISC,
            "tuning",
            "UNER English EWT dev (tuning split)",
        ),
        NerSet(
            "en-ewt-test",
            "en",
            "ner-en/uner-en-ewt/test.bio",
            NO_MISC,
            "acceptance",
            "UNER English EWT test",
            via_cli=True,
        ),
        NerSet(
            "en-uner-pud",
            "en",
            "ner-en/uner-en-pud/test.bio",
            NO_MISC,
            "acceptance",
            "UNER English PUD test",
        ),
    )
}


def read_set(path: Path, take: str = "all") -> Sentences:
    sents = read_bio(path)
    if take == "every-10th":
        return [s for i, s in enumerate(sents) if i % 10 == 9]
    return sents


def make_documents(sents: Sentences, per_file: int) -> Documents:
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
