"""Choosing and loading NLP pipelines, including a real trained one loaded by path."""

from __future__ import annotations

import random
from pathlib import Path

import spacy
from spacy.training import Example
from typer.testing import CliRunner

from reportgen.analyze import analyze
from reportgen.analyze.pipeline import choose_pipeline, installed_official, load_pipeline
from reportgen.cli import app
from reportgen.model import Document


def test_auto_falls_back_to_embedded_without_official_models() -> None:
    for lang in ("de", "en"):
        choice = choose_pipeline(lang, "auto")
        if installed_official(lang):
            assert choice.kind == "official"
        else:
            assert (choice.kind, choice.target) == ("embedded", f"reportgen-{lang}")
    assert choose_pipeline("de", "rules").kind == "embedded"


def test_embedded_pipelines_find_gazetteer_entities() -> None:
    for lang, text, expected in (
        ("de", "Der Gipfel fand in Minsk statt, nicht in Moskau.", {"Minsk", "Moskau"}),
        ("en", "The summit was held in Minsk, not in Moscow.", {"Minsk", "Moscow"}),
    ):
        nlp = load_pipeline(choose_pipeline(lang, "rules"))
        assert {e.text for e in nlp(text).ents} >= expected


def train_tiny_ner(path: Path) -> None:
    """A real spaCy NER trained in the test on a made-up pattern and saved to `path`."""
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    ner.add_label("ORG")
    sentences = [
        ("Zorblax Industries opened a plant.", (0, 18)),
        ("Workers at Zorblax Industries went on strike.", (11, 29)),
        ("Zorblax Industries denied the report.", (0, 18)),
        ("Analysts expect Zorblax Industries to grow.", (16, 34)),
    ]
    examples = [
        Example.from_dict(nlp.make_doc(text), {"entities": [(start, end, "ORG")]})
        for text, (start, end) in sentences
    ]
    random.seed(0)
    spacy.util.fix_random_seed(0)
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(30):
        random.shuffle(examples)
        nlp.update(examples, sgd=optimizer, drop=0.0)
    nlp.meta["name"] = "tiny_test_ner"
    nlp.meta["version"] = "9.9.9"
    nlp.to_disk(path)


def test_a_saved_pipeline_is_loaded_by_path_and_recorded(tmp_path: Path) -> None:
    model_dir = tmp_path / "tiny_model"
    train_tiny_ner(model_dir)
    choice = choose_pipeline("en", str(model_dir))
    assert choice.kind == "custom"
    nlp = load_pipeline(choice)
    assert "ner" in nlp.pipe_names and "sentencizer" in nlp.pipe_names
    document = Document(
        id="t/a",
        source_path="a.txt",
        outlet="t",
        text="Staff at Zorblax Industries said nothing. Zorblax Industries later apologised.",
        format="txt",
        lang="en",
    )
    analysis = analyze(document, model=str(model_dir))
    assert analysis.pipeline["name"] == "en_tiny_test_ner"
    assert analysis.pipeline["version"] == "9.9.9"
    assert [(e.name, e.label, e.count) for e in analysis.entities] == [
        ("Zorblax Industries", "ORG", 2)
    ]


def test_models_command_lists_languages() -> None:
    result = CliRunner().invoke(app, ["models"])
    assert result.exit_code == 0
    assert "de: uses" in result.stdout and "en: uses" in result.stdout
    if not installed_official("de"):
        assert "python -m spacy download de_core_news_lg" in result.stdout
        assert "embedded: " in result.stdout
    assert "en: uses" in result.stdout.split("embedded: rules and gazetteers only")[0]
