"""Train reportgen's embedded German NER (de_reportgen_ner) and install it into the package.

The recipe (which files train and which tune, and the label mapping) is below; the steps are
shared with the other languages (training/nerdata.py, training/nertrain.py). From the
repository root:

    python training/ner_de/train.py            # the shipped model (settings in SHIPPED)
    python training/ner_de/train.py --help     # options; run it again to resume a cut-off run
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nerdata import SHARED_DATASETS, Recipe, Source  # noqa: E402
from nertrain import Model, main  # noqa: E402

CC_BY = "CC BY 4.0"
RECIPE = Recipe(
    lang="de",
    data_dir=SHARED_DATASETS / "ner-de",
    train=[
        Source("germeval2014/test.names-only.bio", "GermEval 2014", CC_BY, "not-every-10th", True),
        Source("smartdata/train.bio", "SmartData", CC_BY, names_only=("LOC",)),
        Source("mobie/train.bio", "MobIE", CC_BY, names_only=("LOC",)),
        *(
            Source(f"europeana-newspapers-de/{split}.bio", "Europeana Newspapers", "CC0 1.0")
            for split in ("train", "dev", "test")
        ),
    ],
    tune=[Source("germeval2014/test.names-only.bio", "GermEval 2014", CC_BY, "every-10th")],
    gazetteer_glob="de*.jsonl",
)

MODEL = Model(
    name="de_reportgen_ner",
    version="0.3.0",  # bump with every retrained model that is shipped
    description=(
        "reportgen's embedded German NER (PER, ORG, LOC, MISC): spaCy CNN tok2vec + "
        "transition-based NER, no vectors, trained on GermEval 2014 test (90%), SmartData train, "
        "MobIE train and the Europeana Newspapers German NER corpus. See training/ner_de/."
    ),
    license=(
        "CC BY 4.0 (trained on GermEval 2014, CC BY 4.0, Benikova, Biemann, Reznicek, NoSta-D, "
        "LREC 2014; DFKI SmartData, CC BY 4.0, Schiersch et al., LREC 2018; DFKI MobIE, "
        "CC BY 4.0, Hennig, Truong, Gabryszak, KONVENS 2021; Europeana Newspapers NER, CC0)"
    ),
    sources=[
        {
            "name": "GermEval 2014 NER Shared Task data (NoSta-D), test split",
            "url": "https://sites.google.com/site/germeval2014ner/",
            "license": CC_BY,
            "author": "D. Benikova, C. Biemann, M. Reznicek. NoSta-D Named Entity Annotation "
            "for German: Guidelines and Dataset. LREC 2014",
        },
        {
            "name": "DFKI SmartData corpus, v1 documents outside the v3 dev/test split",
            "url": "https://github.com/DFKI-NLP/smartdata-corpus",
            "license": CC_BY,
            "author": "M. Schiersch et al. A German Corpus for Fine-Grained Named Entity "
            "Recognition and Relation Extraction of Traffic and Industry Events. LREC 2018",
        },
        {
            "name": "DFKI MobIE corpus, train split",
            "url": "https://github.com/DFKI-NLP/MobIE",
            "license": CC_BY,
            "author": "L. Hennig, P. T. Truong, A. Gabryszak. MobIE: A German Dataset for Named "
            "Entity Recognition, Entity Linking and Relation Extraction in the Mobility Domain. "
            "KONVENS 2021",
        },
        {
            "name": "Europeana Newspapers NER corpora (German: LFT, ONB, SBB)",
            "url": "https://github.com/EuropeanaNewspapers/ner-corpora/",
            "license": "CC0 1.0",
            "author": "Europeana Newspapers Project, 2012-2015 (C. Neudecker, LREC 2016)",
        },
    ],
    tuning_split="GermEval 2014 test, sentences with index % 10 == 9, names-only labels",
    pretrain_sources=[
        {
            "name": "German Wikinews articles 2004-2022 (raw text only, tok2vec pretraining)",
            "url": "https://de.wikinews.org/",
            "license": "CC BY 2.5",
            "author": "Wikinews contributors; the 998 articles as collected by Petersen-Frey "
            "and Biemann (2024), uhh-lt/german-news-quotation-attribution-2024",
        }
    ],
    pretrain_license="; tok2vec pretrained on German Wikinews article text, CC BY 2.5",
)
# the settings of the shipped model (see README.md). With --pretrain-text
# ../shared/corpora/news_de/de.wikinews.org --pretrain-epochs 4 the tok2vec is pretrained first
# (measured, not shipped: see README.md); that text is the only part of news_de whose own
# licence (CC BY 2.5) would allow it in a shipped model.
SHIPPED = {"augment": 3, "steps": 8000}

if __name__ == "__main__":
    main(RECIPE, MODEL, SHIPPED)
