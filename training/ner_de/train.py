"""Retrain reportgen's embedded German NER and install it into the package.

Steps: prepare.py (BIO -> DocBins in work/), ``python -m spacy train config.cfg`` with the
GermEval-test tuning split as the dev corpus (early stopping), then copy model-best (tokenizer,
tok2vec, ner) to reportgen/resources/pipelines/de_ner with reportgen's meta.

Usage (from the repository root):
    python training/ner_de/train.py [--data PATH] [--variant names-only|full|split-deriv]
        [--europeana all|train|none] [--europeana-caps O|missing] [--augment N]
        [--work DIR] [--no-install] [-- extra spacy train overrides]
e.g. (the shipped model):
    python training/ner_de/train.py --augment 3 -- \
        --training.max_steps 8000 --training.eval_frequency 500
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
TARGET = REPO / "reportgen" / "resources" / "pipelines" / "de_ner"
MODEL_VERSION = "0.2.0"  # bump with every retrained model that is shipped

SOURCES = [
    {
        "name": "GermEval 2014 NER Shared Task data (NoSta-D), test split",
        "url": "https://sites.google.com/site/germeval2014ner/",
        "license": "CC BY 4.0",
        "author": "D. Benikova, C. Biemann, M. Reznicek. NoSta-D Named Entity Annotation for "
        "German: Guidelines and Dataset. LREC 2014",
    },
    {
        "name": "Europeana Newspapers NER corpora (German: LFT, ONB, SBB)",
        "url": "https://github.com/EuropeanaNewspapers/ner-corpora/",
        "license": "CC0 1.0",
        "author": "Europeana Newspapers Project, 2012-2015 (C. Neudecker, LREC 2016)",
    },
]


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def install(model: Path, target: Path, extra_meta: dict) -> None:
    import shutil

    import spacy

    nlp = spacy.load(model)
    for name in list(nlp.pipe_names):
        if name not in ("tok2vec", "ner"):
            nlp.remove_pipe(name)
    nlp.meta["name"] = "de_reportgen_ner"
    nlp.meta["version"] = MODEL_VERSION
    nlp.meta["description"] = (
        "reportgen's embedded German NER (PER, ORG, LOC, MISC): spaCy CNN tok2vec + "
        "transition-based NER, no vectors, trained on GermEval 2014 test (90%) and the "
        "Europeana Newspapers German NER corpus (CC0). See training/ner_de/README.md."
    )
    nlp.meta["license"] = (
        "CC BY 4.0 (trained on GermEval 2014, CC BY 4.0, Benikova, Biemann, Reznicek, "
        "NoSta-D, LREC 2014; and Europeana Newspapers NER corpora, CC0)"
    )
    nlp.meta["sources"] = SOURCES
    nlp.meta["author"] = "reportgen"
    nlp.meta["url"] = ""
    nlp.meta["email"] = ""
    nlp.meta["spacy_version"] = ">=3.8.0,<3.9.0"
    nlp.meta.setdefault("reportgen", {}).update(extra_meta)
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    print(f"installed {target} ({du(target) / 1e6:.1f} MB), components: {nlp.pipe_names}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path)
    variants = ["names-only", "full", "split-deriv"]
    ap.add_argument("--variant", default="names-only", choices=variants)
    ap.add_argument("--europeana", default="all", choices=["all", "train", "none"])
    ap.add_argument("--europeana-caps", default="O", choices=["O", "missing"])
    ap.add_argument("--augment", type=int, default=0, help="mention-replaced copies (prepare.py)")
    ap.add_argument("--work", type=Path, default=HERE / "work")
    ap.add_argument("--config", type=Path, default=HERE / "config.cfg")
    ap.add_argument("--no-install", action="store_true")
    ap.add_argument("overrides", nargs="*", help="extra `spacy train` overrides after --")
    args = ap.parse_args()

    py = sys.executable
    prep = [
        py,
        str(HERE / "prepare.py"),
        "--out",
        str(args.work),
        "--variant",
        args.variant,
        "--europeana",
        args.europeana,
        "--europeana-caps",
        args.europeana_caps,
        "--augment",
        str(args.augment),
    ]
    if args.data:
        prep += ["--data", str(args.data)]
    subprocess.run(prep, check=True)

    out = args.work / "output"
    cmd = [
        py,
        "-m",
        "spacy",
        "train",
        str(args.config),
        "--output",
        str(out),
        "--paths.train",
        str(args.work / "train.spacy"),
        "--paths.dev",
        str(args.work / "tune.spacy"),
        *args.overrides,
    ]
    print("running:", " ".join(cmd), flush=True)
    env = dict(os.environ, PYTHONHASHSEED="0")
    t0 = time.time()
    subprocess.run(cmd, check=True, env=env)
    minutes = (time.time() - t0) / 60
    print(f"training took {minutes:.1f} min")

    best = out / "model-best"
    perf = json.loads((best / "meta.json").read_text())["performance"]
    print(
        "tuning split (GermEval test, every 10th sentence, names-only):",
        {k: round(v, 4) for k, v in perf.items() if k.startswith("ents_") and isinstance(v, float)},
    )
    if not args.no_install:
        install(
            best,
            TARGET,
            {
                "training": {
                    "variant": args.variant,
                    "europeana": args.europeana,
                    "europeana_caps": args.europeana_caps,
                    "augment": args.augment,
                    "overrides": args.overrides,
                    "minutes": round(minutes, 1),
                },
                "tuning_split": "GermEval 2014 test, sentences with index % 10 == 9, names-only",
            },
        )


if __name__ == "__main__":
    main()
