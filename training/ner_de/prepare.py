"""Convert the German NER BIO files into spaCy DocBins for training.

Reads CoNLL-style BIO files (``token<TAB>tag``, blank line between sentences) from
``../shared/datasets/ner-de`` relative to the repository root (or ``--data``) and writes
``train.spacy`` and ``tune.spacy`` into ``training/ner_de/work/`` (git-ignored).

Data use (see README.md in this folder):

* GermEval 2014 ``test`` (CC BY 4.0): a deterministic 10% (every 10th sentence, index % 10 == 9)
  is held out as the tuning split (always scored with the ``names-only`` labels); the other
  90% is training data, in the ``names-only`` or the ``full`` label variant.
* Europeana Newspapers German (CC0): ``train``/``dev``/``test`` all used for training
  (``--europeana all``), only ``train`` (``--europeana train``) or not at all (``none``).
* GermEval 2014 ``dev`` is **never** read here: it is held out for acceptance.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
# The benchmark's BIO reader reads the training files too: one reading of the format.
sys.path.insert(0, str(REPO / "bench" / "ner"))
from score import read_bio  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "datasets" / "ner-de"
LABELS = ("PER", "ORG", "LOC", "MISC")
# with --variant split-deriv: names derived from or part of a name ("deutsche", "EU-Gipfel") get
# labels of their own instead of O, which reportgen ignores at analysis time
AUX_LABELS = ("DERIV", "PART")


def split_deriv_tag(tag: str) -> str:
    """An original GermEval outer tag ("B-LOCderiv", "I-ORGpart", "B-OTH") in the split-deriv
    scheme ("B-DERIV", "I-PART", "B-MISC")."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    if label.endswith("deriv"):
        return f"{prefix}-DERIV"
    if label.endswith("part"):
        return f"{prefix}-PART"
    return f"{prefix}-{'MISC' if label == 'OTH' else label}"


def fix_tags(tags: list[str]) -> list[str]:
    """Map to PER/ORG/LOC/MISC IOB2 and repair stray I- tags."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag == "O" or "-" not in tag:
            out.append("O")
            prev = "O"
            continue
        prefix, label = tag.split("-", 1)
        if label not in LABELS + AUX_LABELS:
            out.append("O")
            prev = "O"
            continue
        if prefix == "I" and prev not in (f"B-{label}", f"I-{label}"):
            prefix = "B"
        new = f"{prefix}-{label}"
        out.append(new)
        prev = new
    return out


def to_doc(vocab, words: list[str], tags: list[str], caps_missing: bool = False) -> Doc:
    """Build a Doc with gold entities.

    ``caps_missing``: tokens tagged O that start with an upper-case letter get a *missing*
    annotation instead of O (used for Europeana, which has no MISC class: its capitalised O
    tokens may be unannotated MISC names, so they should not teach the model "not an entity").
    """
    ents: list[str | None] = list(fix_tags(tags))
    if caps_missing:
        ents = [
            None if e == "O" and w[:1].isupper() else e for w, e in zip(words, ents, strict=True)
        ]
    return Doc(vocab, words=words, ents=ents)


def spans_of(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) of the entities in repaired IOB2 tags."""
    spans: list[tuple[int, int, str]] = []
    for i, tag in enumerate(tags):
        if tag.startswith("B-"):
            spans.append((i, i + 1, tag[2:]))
        elif tag.startswith("I-") and spans and spans[-1][1] == i:
            spans[-1] = (spans[-1][0], i + 1, spans[-1][2])
    return spans


def load_gazetteer_names(repo: Path = REPO) -> dict[str, list[list[str]]]:
    """PER/ORG/LOC names (as token lists) from reportgen's German gazetteers, for augmentation."""
    import json

    names: dict[str, list[list[str]]] = {label: [] for label in LABELS}
    folder = repo / "reportgen" / "resources" / "gazetteers"
    for path in sorted(folder.glob("de*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if isinstance(row["pattern"], str) and row["label"] in names:
                names[row["label"]].append(row["pattern"].split())
    return names


def augment(
    sents: list[tuple[list[str], list[str]]],
    copies: int,
    seed: int,
    extra_names: dict[str, list[list[str]]] | None = None,
) -> list[tuple[list[str], list[str]]]:
    """Mention replacement: ``copies`` variants of every sentence that has entities, with each
    entity replaced by another name of the same label, drawn from the entities of ``sents`` and
    ``extra_names`` (gazetteers). Teaches the model contexts rather than a fixed list of names."""
    rng = random.Random(seed)
    pool: dict[str, list[list[str]]] = {label: [] for label in LABELS + AUX_LABELS}
    for words, tags in sents:
        for start, end, label in spans_of(fix_tags(tags)):
            pool[label].append(words[start:end])
    for label, names in (extra_names or {}).items():
        pool[label].extend(names)
    out: list[tuple[list[str], list[str]]] = []
    for words, tags in sents:
        spans = spans_of(fix_tags(tags))
        if not spans:
            continue
        for _ in range(copies):
            new_words: list[str] = []
            new_tags: list[str] = []
            cur = 0
            for start, end, label in spans:
                new_words += words[cur:start]
                new_tags += ["O"] * (start - cur)
                name = rng.choice(pool[label]) if pool[label] else words[start:end]
                new_words += name
                new_tags += [f"B-{label}"] + [f"I-{label}"] * (len(name) - 1)
                cur = end
            new_words += words[cur:]
            new_tags += ["O"] * (len(words) - cur)
            out.append((new_words, new_tags))
    return out


def germeval_split(sents: list, tune_mod: int = 10) -> tuple[list, list]:
    train = [s for i, s in enumerate(sents) if i % tune_mod != tune_mod - 1]
    tune = [s for i, s in enumerate(sents) if i % tune_mod == tune_mod - 1]
    return train, tune


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=HERE / "work")
    ap.add_argument(
        "--variant",
        choices=["names-only", "full", "split-deriv"],
        default="names-only",
        help="GermEval label variant used for training (tuning is always names-only)",
    )
    ap.add_argument("--europeana", choices=["all", "train", "none"], default="all")
    ap.add_argument(
        "--europeana-caps",
        choices=["O", "missing"],
        default="O",
        help="Europeana O tokens starting upper-case: keep O, or mark missing",
    )
    ap.add_argument(
        "--augment",
        type=int,
        default=0,
        help="add N mention-replaced copies of every GermEval training sentence with entities",
    )
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    ge = args.data / "germeval2014"
    eu = args.data / "europeana-newspapers-de"
    if not ge.is_dir():
        raise SystemExit(f"dataset folder not found: {ge}")

    nlp = spacy.blank("de")
    train_file = {
        "names-only": "test.names-only.bio",
        "full": "test.bio",
        "split-deriv": "test.orig-labels.bio",
    }[args.variant]
    ge_train, _ = germeval_split(read_bio(ge / train_file))
    if args.variant == "split-deriv":
        ge_train = [(w, [split_deriv_tag(t) for t in tags]) for w, tags in ge_train]
    _, ge_tune = germeval_split(read_bio(ge / "test.names-only.bio"))

    eu_sents: list = []
    if args.europeana != "none":
        splits = ["train"] if args.europeana == "train" else ["train", "dev", "test"]
        for split in splits:
            eu_sents += read_bio(eu / f"{split}.bio")

    caps = args.europeana_caps == "missing"
    ge_aug = []
    if args.augment:
        ge_aug = augment(ge_train, args.augment, args.seed, load_gazetteer_names())
    train = (
        [(w, t, False) for w, t in ge_train]
        + [(w, t, False) for w, t in ge_aug]
        + [(w, t, caps) for w, t in eu_sents]
    )
    random.Random(args.seed).shuffle(train)

    args.out.mkdir(parents=True, exist_ok=True)
    tune = [(w, t, False) for w, t in ge_tune]
    for name, sents in (("train", train), ("tune", tune)):
        db = DocBin(store_user_data=False)
        n_tok = n_ent = 0
        for words, tags, caps_missing in sents:
            doc = to_doc(nlp.vocab, words, tags, caps_missing)
            n_tok += len(doc)
            n_ent += len(doc.ents)
            db.add(doc)
        path = args.out / f"{name}.spacy"
        db.to_disk(path)
        print(f"{path}: {len(sents)} sentences, {n_tok} tokens, {n_ent} entities")
    # the tuning split also as BIO, for bench/ner/run.py --bio work/tune.names-only.bio
    with (args.out / "tune.names-only.bio").open("w", encoding="utf-8") as fh:
        for words, tags in ge_tune:
            fh.writelines(f"{w}\t{t}\n" for w, t in zip(words, fix_tags(tags), strict=True))
            fh.write("\n")
    print(
        f"variant={args.variant} europeana={args.europeana} caps={args.europeana_caps} "
        f"augment={args.augment} (GermEval train {len(ge_train)}, augmented {len(ge_aug)}, "
        f"Europeana {len(eu_sents)}, tune {len(ge_tune)})"
    )


if __name__ == "__main__":
    main()
