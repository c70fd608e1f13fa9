"""Train reportgen's embedded English NER (en_reportgen_ner) and install it into the package.

The recipe (which files train and which tune, and the label mapping) is below; the steps are
shared with the other languages (training/nerdata.py, training/nertrain.py). From the
repository root:

    python training/ner_en/train.py            # the shipped model (augment 2, 8000 steps max)
    python training/ner_en/train.py --help     # options; run it again to resume a cut-off run
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nerdata import SHARED_DATASETS, TRAINING, Recipe, Source  # noqa: E402
from nertrain import Model, main  # noqa: E402

UNER = "CC BY-SA 4.0"
RECIPE = Recipe(
    lang="en",
    data_dir=SHARED_DATASETS / "ner-en",
    train=[
        Source("uner-en-ewt/train.bio", "Universal NER English EWT", UNER, augment=True),
        # WNUT-17 products and creative works (mapped to MISC) are left unannotated: UNER, the
        # tuning and acceptance data, has no MISC, so they teach neither MISC nor O
        Source("wnut17/train.bio", "WNUT-17", "CC BY 4.0", missing_labels=("MISC",)),
    ],
    tune=[Source("uner-en-ewt/dev.bio", "Universal NER English EWT", UNER)],
    gazetteer_glob="en*.jsonl",
)

MODEL = Model(
    name="en_reportgen_ner",
    version="0.2.0",  # bump with every retrained model that is shipped
    description=(
        "reportgen's embedded English NER (PER, ORG, LOC): spaCy CNN tok2vec + transition-based "
        "NER, no vectors, tok2vec pretrained (characters objective) on the words of its training "
        "sentences, trained on Universal NER English EWT train and WNUT-17 train. See "
        "training/ner_en/."
    ),
    license=(
        "CC BY-SA 4.0 (trained on Universal NER English EWT, CC BY-SA 4.0, Mayhew et al., "
        "NAACL 2024, text from UD English EWT; and WNUT-17, CC BY 4.0, Derczynski et al., "
        "W-NUT 2017)"
    ),
    sources=[
        {
            "name": "Universal NER English EWT (UNER v1), train split",
            "url": "https://github.com/UniversalNER/UNER_English-EWT",
            "license": UNER,
            "author": "S. Mayhew et al. Universal NER: A Gold-Standard Multilingual Named Entity "
            "Recognition Benchmark. NAACL 2024 (text: UD English Web Treebank)",
        },
        {
            "name": "WNUT-17 Emerging and Rare Entities, train split",
            "url": "https://github.com/leondz/emerging_entities_17",
            "license": "CC BY 4.0",
            "author": "L. Derczynski, E. Nichols, M. van Erp, N. Limsopatham. Results of the "
            "WNUT2017 Shared Task on Novel and Emerging Entity Recognition. W-NUT 2017",
        },
    ],
    tuning_split="Universal NER English EWT dev",
)

# The settings of the shipped model (see README.md): the wide-row config and the tok2vec
# pretrained on the training sentences' own words (the only English text at hand whose licence
# allows it; no labels are read for it).
SHIPPED = {
    "augment": 2,
    "steps": 8000,
    "config": TRAINING / "ner_wide.cfg",
    "pretrain_on_training": True,
    "pretrain_epochs": 4,
}

if __name__ == "__main__":
    main(RECIPE, MODEL, SHIPPED)
