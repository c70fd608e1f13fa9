"""The gazetteer ruler's word matcher finds exactly what spaCy's Matcher finds."""

from __future__ import annotations

import pytest
import spacy
from spacy.matcher import Matcher
from spacy.pipeline import EntityRuler

from reportgen.analyze.gazetteer_ruler import GazetteerRuler
from reportgen.analyze.pipeline import _gazetteer_patterns
from reportgen.analyze.word_matcher import WordMatcher, supports

TEXTS = {
    "de": (
        "Das Bundesministerium für Gesundheit und Pflege teilte mit, die Siemens AG habe "
        "zugestimmt. Hans Werner Aufrecht und John F. Kelly sprachen im Robert Koch-Institut. "
        "Der 1. FC Köln spielte gegen Hannover 96 und den FC Bayern; die Universität Hamburg "
        "und die Deutsche Bahn AG schwiegen. das amt für Statistik, Kommunistische Partei."
    ),
    "en": (
        "The Ministry of Defence and the Department of Health and Human Services said on "
        "Monday that Acme Holdings Inc. and John F. Kelly had met Mary Smith at the "
        "University of Oxford. the Bank of England declined to comment."
    ),
}


def _spacy_matches(nlp: spacy.Language, patterns: list[dict], text: str) -> set:
    matcher = Matcher(nlp.vocab)
    for entry in patterns:
        matcher.add(entry["label"], [entry["pattern"]])
    return set(matcher(nlp.make_doc(text)))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_gazetteers_token_patterns_match_as_spacy_matches_them(lang: str) -> None:
    nlp = spacy.blank(lang)
    patterns = [p for p in _gazetteer_patterns(lang) if isinstance(p["pattern"], list)]
    assert patterns and all(supports(p["pattern"]) for p in patterns)
    words = WordMatcher(nlp.vocab)
    for entry in patterns:
        words.add(nlp.vocab.strings.add(entry["label"]), entry["pattern"])
    doc = nlp.make_doc(TEXTS[lang])
    found = set(words(doc))
    assert found == _spacy_matches(nlp, patterns, TEXTS[lang])
    assert len(found) >= 5  # the texts are written to match several patterns
    assert set(words(doc)) == found  # the second time from the table of words already tested


def test_optional_tokens_give_every_length_and_words_seen_later_are_tested() -> None:
    nlp = spacy.blank("en")
    pattern = [{"LOWER": "new"}, {"IS_TITLE": True, "OP": "?"}, {"ORTH": {"IN": ["City"]}}]
    words = WordMatcher(nlp.vocab)
    words.add(1, pattern)
    assert sorted(words(nlp.make_doc("new City and New York City"))) == [(1, 0, 2), (1, 3, 6)]
    assert words(nlp.make_doc("NEW Jersey City")) == [(1, 0, 3)]  # LOWER: any case
    assert words(nlp.make_doc("new Jersey CITY")) == []  # ORTH: this case only
    expected = _spacy_matches(nlp, [{"label": "X", "pattern": pattern}], "new Yorkish City")
    assert {m[1:] for m in words(nlp.make_doc("new Yorkish City"))} == {m[1:] for m in expected}


def test_patterns_over_more_than_the_word_stay_with_spacys_matcher() -> None:
    nlp = spacy.blank("en")
    plus = [{"IS_TITLE": True, "OP": "+"}, {"LOWER": "inc"}]
    longer = [{"LENGTH": {">=": 4}}, {"LOWER": "corp"}]
    assert not supports(plus) and not supports(longer)
    with pytest.raises(ValueError):
        WordMatcher(nlp.vocab).add(1, plus)
    config = {"phrase_matcher_attr": "ORTH", "overwrite_ents": False}
    ours = GazetteerRuler(nlp, "ours", **config)
    theirs = EntityRuler(nlp, "theirs", **config)
    patterns = [
        {"label": "ORG", "pattern": plus},
        {"label": "ORG", "pattern": longer, "id": "corp"},
        {"label": "ORG", "pattern": [{"LOWER": "acme"}, {"LOWER": "ltd"}], "id": "acme"},
        {"label": "PER", "pattern": "Mary Smith"},
    ]
    ours.add_patterns(patterns)
    theirs.add_patterns(patterns)
    assert len(ours.word_matcher) == 1 and len(ours.matcher) == 2
    text = "Big Apple Inc met Mary Smith of Gizmo Corp and Acme Ltd"
    assert [(e.text, e.label_, e.id_) for e in ours(nlp.make_doc(text)).ents] == [
        (e.text, e.label_, e.id_) for e in theirs(nlp.make_doc(text)).ents
    ]
    assert len(ours(nlp.make_doc(text)).ents) == 4
