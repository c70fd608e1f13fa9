"""Entities: the seed article's people, places and organisations, merging and normalisation rules,
and which pipeline analyses an article (embedded, embedded without the shipped NER, an installed
official package). Real spaCy throughout."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import pytest
import spacy
from conftest import BUNDLED_SEED, CORPUS
from test_pipeline import train_tiny_ner

from reportgen.analyze import analyze
from reportgen.analyze import pipeline as pipeline_module
from reportgen.analyze.entities import RawMention, entity_id, merge_across_articles, merge_mentions
from reportgen.analyze.pipeline import (
    EMBEDDED_NER,
    build_embedded,
    choose_pipeline,
    describe_embedded,
    embedded_ner_meta,
    installed_official,
    load_pipeline,
    pipeline_info,
)
from reportgen.ingest import read_file
from reportgen.model import Block, Document, Entity, Mention

SHIPPED_NER = EMBEDDED_NER["de"]


@pytest.fixture(scope="module")
def seed_analysis():
    (document,) = read_file(BUNDLED_SEED, CORPUS)
    assert isinstance(document, Document) and document.lang == "de"
    return analyze(document, model="rules")


def _by_name(analysis) -> dict[str, Entity]:
    return {e.name: e for e in analysis.entities}


def test_seed_entities(seed_analysis) -> None:
    entities = _by_name(seed_analysis)
    expected = {
        "Wladimir Putin": "PER",
        "Alexander Lukaschenko": "PER",
        "Moskau": "LOC",
        "Minsk": "LOC",
        "Podolsk": "LOC",
        "Syrien": "LOC",
        "Ukraine": "LOC",
        "Belarus": "LOC",
        "OSZE": "ORG",
        "TASS": "ORG",
        "Belta": "ORG",
    }
    for name, label in expected.items():
        assert name in entities, f"{name} missing from {sorted(entities)}"
        assert entities[name].label == label, name


def test_seed_lukaschenko_is_one_person(seed_analysis) -> None:
    luka = [e for e in seed_analysis.entities if "Lukaschenko" in e.name]
    assert [e.name for e in luka] == ["Alexander Lukaschenko"]
    entity = luka[0]
    forms = {m.text for m in entity.mentions}
    # full name, bare surname (also after "Präsident"), genitive in the comments
    assert forms >= {"Alexander Lukaschenko", "Lukaschenko", "Lukaschenkos"}
    assert entity.count == len(entity.mentions) >= 7
    assert entity.id == "per-alexander-lukaschenko"
    text = seed_analysis.text
    assert any(text[max(0, m.start - 10) : m.start] == "Präsident " for m in entity.mentions)
    for m in entity.mentions:  # offsets index the text, titles are not part of the mention
        assert text[m.start : m.end] == m.text and not m.text.startswith("Präsident")
    assert "comments" in {m.block for m in entity.mentions}


def test_seed_genitive_place_and_stable_ids(seed_analysis) -> None:
    moskau = _by_name(seed_analysis)["Moskau"]
    assert {m.text for m in moskau.mentions} == {"Moskau", "Moskaus"}
    assert moskau.id == "loc-moskau"
    assert not any(e.name == "Moskaus" for e in seed_analysis.entities)
    ids = [e.id for e in seed_analysis.entities]
    assert len(ids) == len(set(ids))
    (again,) = read_file(BUNDLED_SEED, CORPUS)
    assert [e.id for e in analyze(again, model="rules").entities] == ids


def _merge(mentions: list[tuple[str, str, str | None]], lang: str = "de") -> list[Entity]:
    """Lay the mention texts out in one text and merge them."""
    text, raw = "", []
    for form, label, canonical in mentions:
        start = len(text)
        text += form + ". "
        raw.append(RawMention(start, start + len(form), form, label, canonical))
    return merge_mentions(raw, text, [Block("body", 0, len(text))], lang)


def test_merging_rules() -> None:
    entities = _merge(
        [
            ("Alexander Lukaschenko", "PER", None),
            ("Lukaschenko", "PER", None),
            ("Präsident Lukaschenko", "PER", None),
            ("Lukaschenkos", "PER", None),
            ("Moskau", "LOC", None),
            ("Moskaus", "LOC", None),
            ("Putin", "PER", "Wladimir Putin"),  # gazetteer id
            ("Putins", "PER", "Wladimir Putin"),
        ]
    )
    assert [(e.name, e.label, e.count, e.id) for e in entities] == [
        ("Alexander Lukaschenko", "PER", 4, "per-alexander-lukaschenko"),
        ("Moskau", "LOC", 2, "loc-moskau"),
        ("Wladimir Putin", "PER", 2, "per-wladimir-putin"),
    ]


def test_a_shared_surname_is_not_merged_and_labels_vote() -> None:
    entities = _merge(
        [
            ("George W. Bush", "PER", None),
            ("Jeb Bush", "PER", None),
            ("Bush", "PER", None),
            ("Greenpeace", "ORG", None),
            ("Greenpeace", "ORG", None),
            ("Greenpeace", "MISC", None),
        ],
        lang="en",
    )
    names = {e.name: e for e in entities}
    assert set(names) == {"George W. Bush", "Jeb Bush", "Bush", "Greenpeace"}
    assert names["Greenpeace"].label == "ORG" and names["Greenpeace"].count == 3


def test_merging_across_articles() -> None:
    def entity(name: str, label: str, start: int) -> Entity:
        mention = Mention(start, start + len(name.split()[-1]), name.split()[-1], "body")
        return Entity(name, label, 1, [mention], entity_id(name, label))

    first = [entity("Alexander Lukaschenko", "PER", 0), entity("Moskau", "LOC", 30)]
    second = [entity("Lukaschenko", "PER", 0), entity("Alexander Lukaschenko", "PER", 50)]
    third = [entity("Bush", "PER", 0), entity("Minsk", "LOC", 10)]
    merged = merge_across_articles([first, second, third])
    assert [e.id for e in merged[0]] == ["loc-moskau", "per-alexander-lukaschenko"]
    assert [(e.id, e.count) for e in merged[1]] == [("per-alexander-lukaschenko", 2)]
    assert [e.id for e in merged[2]] == ["loc-minsk", "per-bush"]


def test_embedded_pipeline_uses_the_shipped_ner() -> None:
    if not (SHIPPED_NER / "meta.json").is_file():
        pytest.skip("no shipped German NER in this checkout")
    meta = json.loads((SHIPPED_NER / "meta.json").read_text(encoding="utf-8"))
    assert meta["lang"] == "de" and meta["vectors"]["width"] == 0
    assert "CC BY 4.0" in meta["license"] and "Europeana" in json.dumps(meta["sources"])
    size = sum(p.stat().st_size for p in SHIPPED_NER.rglob("*") if p.is_file())
    assert size < 15_000_000
    choice = choose_pipeline("de", "rules")
    nlp = load_pipeline(choice)
    names = nlp.pipe_names
    assert {"sentencizer", "reportgen_gazetteers", "tok2vec", "ner"} == set(names)
    assert names.index("reportgen_gazetteers") < names.index("ner")  # gazetteers win
    info = pipeline_info(choice, nlp)
    assert info["name"] == "reportgen-embedded-de" and info["components"] == "+".join(names)
    assert info["ner"] == f"de_reportgen_ner {meta['version']}"
    assert "GermEval 2014" in describe_embedded("de") and "CC0" in describe_embedded("de")
    # a name in no gazetteer comes from the statistical model
    doc = nlp("Der Bürgermeister Hubert Waldschmidt eröffnete am Montag das neue Rathaus.")
    assert ("Hubert Waldschmidt", "PER") in {(e.text, e.label_) for e in doc.ents}


def test_embedded_pipeline_without_the_shipped_ner(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setitem(EMBEDDED_NER, "de", tmp_path / "absent")
    nlp = build_embedded("de")
    assert nlp.pipe_names == ["sentencizer", "reportgen_gazetteers"]
    info = pipeline_info(choose_pipeline("de", "rules"), nlp)
    assert info["components"] == "sentencizer+reportgen_gazetteers" and "ner" not in info
    assert describe_embedded("de").startswith("rules and gazetteers only")
    doc = nlp("Präsident Lukaschenko reiste nach Moskau, sagte die OSZE.")
    assert {(e.text, e.label_) for e in doc.ents} >= {
        ("Lukaschenko", "PER"),
        ("Moskau", "LOC"),
        ("OSZE", "ORG"),
    }


def test_english_embedded_pipeline_loads_the_shipped_english_ner() -> None:
    meta = embedded_ner_meta("en")
    assert meta is not None and meta["name"] == "en_reportgen_ner" and meta["lang"] == "en"
    assert "CC BY-SA 4.0" in meta["license"] and "reportgen" in meta  # settings and data recorded
    choice = choose_pipeline("en", "rules")
    nlp = load_pipeline(choice)
    assert nlp.pipe_names == ["sentencizer", "tok2vec", "reportgen_gazetteers", "ner"]
    assert pipeline_info(choice, nlp)["ner"] == f"en_reportgen_ner {meta['version']}"
    assert "Universal NER English EWT" in describe_embedded("en")
    # names in no gazetteer, found by the statistical model (also without the EntityRuler)
    text = "Yesterday, Jennifer Walsh joined Verizon as chief financial officer."
    expected = {("Jennifer Walsh", "PER"), ("Verizon", "ORG")}
    assert expected <= {(e.text, e.label_) for e in nlp(text).ents}
    with nlp.select_pipes(disable=["reportgen_gazetteers"]):
        assert expected <= {(e.text, e.label_) for e in nlp(text).ents}
    # the gazetteers still come first
    doc = nlp("President Putin met his counterpart in Minsk, the OSCE and Reuters said.")
    assert {(e.text, e.label_) for e in doc.ents} >= {
        ("Putin", "PER"),
        ("Minsk", "LOC"),
        ("OSCE", "ORG"),
        ("Reuters", "ORG"),
    }


def test_organisation_suffix_patterns() -> None:
    nlp = build_embedded("de")
    doc = nlp(
        "Die Zorblax Maschinenbau GmbH und die Kommunistische Partei stritten mit dem "
        "Bundesministerium für Bildung und Forschung."
    )
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Zorblax Maschinenbau GmbH", "ORG") in ents
    assert ("Kommunistische Partei", "ORG") in ents
    assert ("Bundesministerium für Bildung und Forschung", "ORG") in ents


def _install_fake_official(tmp_path: Path, name: str) -> Path:
    """Install a real pipeline as the package `name`, the way `spacy package` + pip lay it out
    (package folder with meta.json and the data folder, plus a dist-info), on a temporary path."""
    site = tmp_path / "site"
    package = site / name
    model = tmp_path / "model"
    train_tiny_ner(model)
    nlp = spacy.load(model)
    nlp.meta["name"] = name.split("_", 1)[1]
    nlp.meta["lang"] = name.split("_", 1)[0]
    nlp.meta["version"] = "3.8.0"
    data = package / f"{name}-3.8.0"
    data.mkdir(parents=True)
    nlp.to_disk(data)
    (package / "meta.json").write_text(json.dumps(nlp.meta), encoding="utf-8")
    (package / "__init__.py").write_text(
        "from spacy.util import load_model_from_init_py\n\n\n"
        "def load(**overrides):\n"
        "    return load_model_from_init_py(__file__, **overrides)\n",
        encoding="utf-8",
    )
    info = site / f"{name}-3.8.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: 3.8.0\n", encoding="utf-8"
    )
    return site


def test_auto_prefers_an_installed_official_pipeline(monkeypatch, tmp_path: Path) -> None:
    # "en": the tiny pipeline is English; en_core_web_md ranks above sm, below lg
    name = "en_core_web_md"
    if spacy.util.is_package(name):
        pytest.skip(f"{name} is really installed")
    monkeypatch.syspath_prepend(str(_install_fake_official(tmp_path, name)))
    importlib.invalidate_caches()
    try:
        assert name in installed_official("en")
        choice = choose_pipeline("en", "auto")
        assert (choice.kind, choice.target) == ("official", name)
        assert choose_pipeline("en", "rules").kind == "embedded"
        document = Document(
            id="t/a",
            source_path="a.txt",
            outlet="t",
            text="Staff at Zorblax Industries said nothing. Zorblax Industries apologised.",
            format="txt",
            lang="en",
        )
        analysis = analyze(document, model="auto")
        assert analysis.pipeline["name"] == "en_core_web_md"
        assert analysis.pipeline["version"] == "3.8.0"
        assert [(e.name, e.count) for e in analysis.entities] == [("Zorblax Industries", 2)]
    finally:
        load_pipeline.cache_clear()
        sys.modules.pop(name, None)


def test_gazetteer_files_and_ambiguous_words() -> None:
    names = [p.name for p in pipeline_module.gazetteer_files("de")]
    assert "de.jsonl" in names and "de_places.jsonl" in names
    assert not any(n.startswith("en") for n in names)
    patterns = pipeline_module._gazetteer_patterns("de")
    phrases = {p["pattern"] for p in patterns if isinstance(p["pattern"], str)}
    assert "Bild" not in phrases and "Bild-Zeitung" in phrases  # common noun, outlet name
    assert {"Moskau", "Moskaus", "Putins"} <= phrases
    nlp = build_embedded("de")
    statistical = [name for name in ("tok2vec", "ner") if name in nlp.pipe_names]
    with nlp.select_pipes(disable=statistical):  # the rules alone
        assert not nlp("Das Bild zeigt die Welt.").ents
        assert [e.text for e in nlp("Das stand in der Bild-Zeitung.").ents] == ["Bild-Zeitung"]


@pytest.mark.parametrize(
    ("lang", "text", "person"),
    [
        ("de", "Im Sommer kämpfte sich Oliver Herber wieder ins Team zurück.", "Oliver Herber"),
        ("de", "Es freut sich der Verlagschef Hans Werner Aufrecht über den Preis.",
         "Hans Werner Aufrecht"),
        ("en", "Transport minister Mark Harbers said the ferries would run.", "Mark Harbers"),
        ("en", "The general John F. Kelly resigned on Friday.", "John F. Kelly"),
    ],
)  # fmt: skip
def test_a_given_name_and_a_surname_are_one_person(lang: str, text: str, person: str) -> None:
    nlp = build_embedded(lang)
    assert (person, "PER") in [(e.text, e.label_) for e in nlp(text).ents]


def test_an_organisation_in_the_genitive_es_is_the_organisation() -> None:
    text = (
        "Kein Wechsel\n\nDen Abgeordneten des Bundestages droht eine Nullrunde. Der Bundestag "
        "berät am Freitag darüber.\n"
    )
    doc = Document(id="x/1", source_path="x/1.txt", outlet="x", text=text, format="txt",
                   lang="de")  # fmt: skip
    bundestag = _by_name(analyze(doc, model="rules"))["Bundestag"]
    assert bundestag.label == "ORG"
    assert {m.text for m in bundestag.mentions} == {"Bundestages", "Bundestag"}
