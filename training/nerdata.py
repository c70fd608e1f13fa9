"""Shared data preparation for reportgen's NER training (``training/ner_<lang>/``).

A language's recipe (``training/ner_<lang>/recipe.py``) lists BIO files (``token<TAB>tag``,
blank line between sentences) under ``../shared/datasets/ner-<lang>/`` with what each is used
for (training or tuning), and how its labels map onto reportgen's set (PER, ORG, LOC, MISC).
This module reads them, applies the mapping, optionally adds mention-replaced copies
(``augment``), and writes ``train.spacy`` / ``tune.spacy`` DocBins plus ``data.json`` (which
files, how many sentences and entities) into the work folder.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

TRAINING = Path(__file__).resolve().parent
REPO = TRAINING.parent
SHARED_DATASETS = REPO.parent / "shared" / "datasets"
# the benchmark's BIO reader reads the training files too: one reading of the format
sys.path.insert(0, str(REPO / "bench" / "ner"))
from score import read_bio  # noqa: E402

LABELS = ("PER", "ORG", "LOC", "MISC")
Sentence = tuple[list[str], list[str | None]]  # words, IOB2 tags (None: annotation missing)


@dataclass(frozen=True)
class Source:
    """One BIO file of a recipe.

    ``take``: ``all``, ``not-every-10th`` or ``every-10th`` (index % 10 == 9) of the sentences.
    ``missing_labels``: labels whose spans become *missing* annotation (neither entity nor O),
    for labels a set has but reportgen's target data does not (WNUT-17 products for UNER).
    ``names_only``: spans of ``names_only`` labels that start with a lower-case letter become O
    (derived adjectives such as "deutschen", which the names-only GermEval labels treat as O).
    ``caps_missing``: O tokens starting upper-case become missing (a set without MISC).
    """

    path: str
    name: str
    license: str
    take: str = "all"
    augment: bool = False
    missing_labels: tuple[str, ...] = ()
    names_only: tuple[str, ...] = ()
    caps_missing: bool = False


@dataclass
class Recipe:
    lang: str
    data_dir: Path
    train: list[Source]
    tune: list[Source]
    gazetteer_glob: str = ""  # names for augmentation, e.g. "de*.jsonl"
    options: dict = field(default_factory=dict)


def fix_tags(tags: Iterable[str]) -> list[str]:
    """Tags mapped to IOB2 over LABELS: unknown labels become O, stray I- become B-."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        prefix, _, label = tag.partition("-")
        if tag == "O" or label not in LABELS or prefix not in ("B", "I"):
            out.append("O")
            prev = "O"
            continue
        if prefix == "I" and prev[2:] != label:
            prefix = "B"
        prev = f"{prefix}-{label}"
        out.append(prev)
    return out


def spans_of(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) of the entities in repaired IOB2 tags."""
    spans: list[tuple[int, int, str]] = []
    for i, tag in enumerate(tags):
        if tag.startswith("B-"):
            spans.append((i, i + 1, tag[2:]))
        elif tag.startswith("I-") and spans and spans[-1][1] == i:
            spans[-1] = (spans[-1][0], i + 1, spans[-1][2])
    return spans


def map_sentence(words: list[str], raw: list[str], src: Source) -> Sentence:
    """One sentence's tags under the source's mapping (see Source)."""
    tags = fix_tags(raw)
    out: list[str | None] = list(tags)
    for start, end, label in spans_of(tags):
        if label in src.missing_labels:
            out[start:end] = [None] * (end - start)
        elif label in src.names_only and words[start][:1].islower():
            out[start:end] = ["O"] * (end - start)
    if src.caps_missing:
        out = [None if t == "O" and w[:1].isupper() else t for w, t in zip(words, out, strict=True)]
    return words, out


def read_source(data_dir: Path, src: Source) -> list[Sentence]:
    sents = read_bio(data_dir / src.path)
    if src.take == "not-every-10th":
        sents = [s for i, s in enumerate(sents) if i % 10 != 9]
    elif src.take == "every-10th":
        sents = [s for i, s in enumerate(sents) if i % 10 == 9]
    elif src.take != "all":
        raise ValueError(f"unknown take: {src.take}")
    return [map_sentence(words, tags, src) for words, tags in sents]


def gazetteer_names(pattern: str) -> dict[str, list[list[str]]]:
    """Names (as token lists) by label from reportgen's gazetteers matching ``pattern``."""
    names: dict[str, list[list[str]]] = {label: [] for label in LABELS}
    if not pattern:
        return names
    for path in sorted((REPO / "reportgen" / "resources" / "gazetteers").glob(pattern)):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            row = json.loads(line)
            if isinstance(row["pattern"], str) and row["label"] in names:
                names[row["label"]].append(row["pattern"].split())
    return names


def _complete(tags: list[str | None]) -> list[str]:
    return ["O" if t is None else t for t in tags]


def augment(
    sents: list[Sentence], copies: int, seed: int, extra: dict[str, list[list[str]]]
) -> list[Sentence]:
    """Mention replacement: ``copies`` variants of every fully annotated sentence with entities,
    each entity replaced by another name of its label (from ``sents`` and ``extra``), so that the
    model learns contexts rather than a fixed list of names."""
    rng = random.Random(seed)
    pool: dict[str, list[list[str]]] = {label: list(extra.get(label, [])) for label in LABELS}
    usable = [(w, _complete(t)) for w, t in sents if None not in t]
    for words, tags in usable:
        for start, end, label in spans_of(tags):
            pool[label].append(words[start:end])
    out: list[Sentence] = []
    for words, tags in usable:
        spans = spans_of(tags)
        for _ in range(copies if spans else 0):
            new_words: list[str] = []
            new_tags: list[str | None] = []
            cur = 0
            for start, end, label in spans:
                new_words += words[cur:start]
                new_tags += ["O"] * (start - cur)
                name = rng.choice(pool[label])
                new_words += name
                new_tags += [f"B-{label}"] + [f"I-{label}"] * (len(name) - 1)
                cur = end
            new_words += words[cur:]
            new_tags += ["O"] * (len(words) - cur)
            out.append((new_words, new_tags))
    return out


def count(sents: list[Sentence]) -> dict[str, int]:
    ents = sum(len(spans_of([t or "O" for t in tags])) for _, tags in sents)
    return {"sentences": len(sents), "tokens": sum(len(w) for w, _ in sents), "entities": ents}


def write_docbin(lang: str, sents: list[Sentence], path: Path) -> None:
    import spacy
    from spacy.tokens import Doc, DocBin

    vocab = spacy.blank(lang).vocab
    db = DocBin(store_user_data=False)
    for words, tags in sents:
        db.add(Doc(vocab, words=words, ents=tags))
    db.to_disk(path)


def write_bio(sents: list[Sentence], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for words, tags in sents:
            fh.writelines(f"{w}\t{t or 'O'}\n" for w, t in zip(words, tags, strict=True))
            fh.write("\n")


def prepare(
    recipe: Recipe, out: Path, augment_copies: int, seed: int = 0, log: Callable = print
) -> dict:
    """Write train.spacy, tune.spacy, tune.bio and data.json into ``out``; return data.json."""
    if not recipe.data_dir.is_dir():
        raise SystemExit(f"dataset folder not found: {recipe.data_dir}")
    out.mkdir(parents=True, exist_ok=True)
    extra = gazetteer_names(recipe.gazetteer_glob)
    info: dict = {"data_dir": _shown(recipe.data_dir), "train": [], "tune": []}
    train: list[Sentence] = []
    for src in recipe.train:
        sents = read_source(recipe.data_dir, src)
        train += sents
        row = {"file": src.path, "name": src.name, "license": src.license, "take": src.take}
        info["train"].append({**row, **count(sents)})
        if src.augment and augment_copies:
            extra_sents = augment(sents, augment_copies, seed, extra)
            train += extra_sents
            info["train"].append({**row, "augmented_copies": augment_copies, **count(extra_sents)})
    random.Random(seed).shuffle(train)
    tune: list[Sentence] = []
    for src in recipe.tune:
        sents = read_source(recipe.data_dir, src)
        tune += sents
        info["tune"].append({"file": src.path, "take": src.take, **count(sents)})
    write_docbin(recipe.lang, train, out / "train.spacy")
    write_docbin(recipe.lang, tune, out / "tune.spacy")
    write_bio(tune, out / "tune.bio")
    info["totals"] = {"train": count(train), "tune": count(tune)}
    (out / "data.json").write_text(json.dumps(info, indent=2), encoding="utf-8")
    log(f"train {info['totals']['train']}, tune {info['totals']['tune']} -> {out}")
    return info


def _shown(path: Path) -> str:
    """``path`` relative to the folder that holds the repository and ``shared/``, if inside."""
    try:
        return str(Path("..") / path.resolve().relative_to(REPO.parent))
    except ValueError:
        return str(path)
