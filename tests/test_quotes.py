"""Quotations, speakers and attribution: the seed's four attributions, every quote style,
interrupted and multi-paragraph quotations, scare quotes, reported speech in German and English,
pronouns and the comment section."""

from __future__ import annotations

from pathlib import Path

import pytest
from quotetext import person

from reportgen.analyze import analyze
from reportgen.analyze.quotes import extract_quotes, find_direct_spans
from reportgen.contract import validate
from reportgen.ingest import read_file
from reportgen.model import ArticleAnalysis, Block, Entity, Quote

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
BUNDLED_SEED = CORPUS / "ostwind-kurier" / "000_01257365a1ad734e.txt"


def quotes_of(text: str, lang: str, entities: list[Entity] | None = None) -> list[Quote]:
    return extract_quotes(text, lang, [Block("body", 0, len(text))], entities or [], [])


# -- the seed ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed() -> ArticleAnalysis:
    return analyze(read_file(BUNDLED_SEED)[0])


def test_seed_lukashenko_is_quoted_directly(seed: ArticleAnalysis) -> None:
    quote = next(q for q in seed.quotes if q.text.startswith("Wir sind mit den Ergebnissen"))
    assert quote.kind == "direct"
    assert quote.speaker == "Alexander Lukaschenko"
    assert quote.speaker_id == "per-alexander-lukaschenko"
    assert quote.speaker_mention is not None
    assert quote.speaker_mention.text == "Präsident Lukaschenko"
    assert quote.cue == "sagte"
    assert not quote.in_comments


def test_seed_belta_portal_quote_has_no_speaker_but_keeps_its_source(seed: ArticleAnalysis) -> None:
    quote = next(q for q in seed.quotes if q.text.startswith("Es ist symbolisch"))
    assert quote.kind == "direct"
    assert quote.speaker is None
    assert quote.cue == "hieß es"
    assert quote.source == "Belta"
    assert quote.text.endswith("Podolsk hat viele Partnerstädte im Ausland")


def test_seed_putin_via_tass(seed: ArticleAnalysis) -> None:
    quote = next(q for q in seed.quotes if q.text.startswith("Moskau und Minsk"))
    assert quote.kind == "indirect"
    assert quote.speaker == "Wladimir Putin"
    assert quote.source == "TASS"
    tass = next(s for s in seed.sources if s.name == "TASS")
    assert tass.type == "news_agency" and tass.country == "RU" and tass.state_affiliated
    assert any(m.cue == "laut" for m in tass.mentions)


def test_seed_comment_quotes_the_ministry_spokeswoman(seed: ArticleAnalysis) -> None:
    quote = next(q for q in seed.quotes if q.text.startswith("Wenn Du mich brauchst"))
    assert quote.in_comments
    assert quote.speaker == "Maria Sacharowa"
    assert quote not in seed.article_quotes


def test_seed_analysis_meets_the_contract(seed: ArticleAnalysis) -> None:
    assert validate(seed.to_dict()) == []
    round_trip = ArticleAnalysis.from_dict(seed.to_dict())
    assert round_trip.quotes == seed.quotes


# -- quote styles ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("„Das ist gut so“, sagte er.", "Das ist gut so"),
        ("‚Das ist gut so‘, sagte er.", "Das ist gut so"),
        ("»Das ist gut so«, sagte er.", "Das ist gut so"),
        ("«Das ist gut so», sagte er.", "Das ist gut so"),
        ('"Das ist gut so", sagte er.', "Das ist gut so"),
        ("“That is fine,” he said.", "That is fine,"),
        ("‘That is fine,’ he said.", "That is fine,"),
        ('"That is fine," he said.', "That is fine,"),
        ("''That is fine,'' he said.", "That is fine,"),
    ],
)
def test_every_quote_style(text: str, inner: str) -> None:
    lang = "de" if "sagte" in text else "en"
    quotes = quotes_of(text, lang)
    assert [q.text for q in quotes] == [inner]
    assert quotes[0].speaker_mention is not None and quotes[0].speaker_mention.text == "er" or (
        quotes[0].speaker_mention.text == "he"
    )


def test_nested_quotes_stay_inside_their_quotation() -> None:
    text = "„Er nannte das ‚eine Frechheit‘ und ging“, sagte die Ministerin."
    spans = find_direct_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["Er nannte das ‚eine Frechheit‘ und ging"]


def test_apostrophes_do_not_open_quotations() -> None:
    text = "“We don’t know what’s next,” she said. It's the voters' choice."
    assert [q.text for q in quotes_of(text, "en")] == ["We don’t know what’s next,"]


def test_interrupted_quotation_is_one_quote_with_two_segments() -> None:
    text = "„Wir sind bereit“, sagte der Minister Karl Huber, „aber nicht um jeden Preis.“"
    quotes = quotes_of(text, "de")
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.segments is not None and len(quote.segments) == 2
    assert quote.speaker_mention is not None and "Karl Huber" in quote.speaker_mention.text
    assert text[quote.segments[1][0] : quote.segments[1][1]] == "aber nicht um jeden Preis."


def test_english_quotation_continues_after_its_attribution_sentence() -> None:
    text = '"Everybody knew what to expect," Mr. Barrett said. "They would sell their best assets."'
    quotes = quotes_of(text, "en")
    assert len(quotes) == 1
    assert quotes[0].speaker_mention is not None
    assert quotes[0].speaker_mention.text == "Mr. Barrett"
    assert quotes[0].text.endswith("sell their best assets.")


def test_multi_paragraph_quotation_reopens_each_paragraph() -> None:
    text = (
        "Die Sprecherin erklärte: „Wir haben alles geprüft und nichts gefunden.\n\n"
        "„Die Vorwürfe sind haltlos, und wir werden das auch vor Gericht zeigen.“\n\n"
        "Danach ging sie."
    )
    quotes = quotes_of(text, "de")
    assert len(quotes) == 1
    assert "\n\n" in quotes[0].text
    assert quotes[0].text.endswith("vor Gericht zeigen.")
    assert quotes[0].speaker_mention is not None
    assert quotes[0].speaker_mention.text == "Die Sprecherin"


def test_scare_quotes_and_titles_are_not_quotations() -> None:
    text = (
        "Die Regierung nennt das Programm „Sicherheitspaket“. Der Film „Der Untergang“ lief "
        "gestern. Die sogenannte „Reform“ kommt später."
    )
    assert quotes_of(text, "de") == []
    english = 'The so-called "reform" passed. He read "War and Peace" twice.'
    assert quotes_of(english, "en") == []


def test_a_long_unattributed_quotation_still_counts() -> None:
    text = "Es wurde still im Saal.\n\n„Wir werden diese Entscheidung nicht hinnehmen, niemals.“"
    quotes = quotes_of(text, "de")
    assert len(quotes) == 1 and quotes[0].speaker is None


# -- reported speech ---------------------------------------------------------------------------
def test_german_reported_speech_with_dass_and_konjunktiv() -> None:
    text = (
        "Der Minister Karl Huber sagte am Montag, dass die Verhandlungen schwierig seien. "
        "Eine Einigung sei aber möglich. Danach begann die Sitzung."
    )
    entities = [person(text, "Karl Huber")]
    quotes = quotes_of(text, "de", entities)
    first = next(q for q in quotes if q.text.startswith("dass die Verhandlungen"))
    assert first.kind == "indirect" and first.speaker == "Karl Huber"
    assert first.speaker_id == "per-karl-huber"
    follow = next(q for q in quotes if q.text.startswith("Eine Einigung sei"))
    assert follow.speaker == "Karl Huber"
    assert not any(q.text.startswith("Danach") for q in quotes)


def test_german_reported_speech_without_dass() -> None:
    text = "Die Sprecherin der Stadt sagte, die Straße bleibe bis Freitag gesperrt."
    quotes = quotes_of(text, "de")
    assert [q.text for q in quotes] == ["die Straße bleibe bis Freitag gesperrt"]
    assert quotes[0].speaker_mention is not None
    assert quotes[0].speaker_mention.text == "Die Sprecherin der Stadt"


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        ("Laut Polizei wurden drei Menschen verletzt.", "wurden drei Menschen verletzt",
         "Polizei", "Laut"),
        ("Dem Bericht zufolge stieg die Zahl der Anträge deutlich.",
         "stieg die Zahl der Anträge deutlich", "Dem Bericht", "zufolge"),
        ("Die Lage sei ernst, so der Bürgermeister.", "Die Lage sei ernst", "der Bürgermeister",
         "so"),
    ],
)  # fmt: skip
def test_german_prepositional_attributions(text: str, content: str, speaker: str, cue: str) -> None:
    quotes = quotes_of(text, "de")
    assert [q.text for q in quotes] == [content]
    assert quotes[0].speaker_mention is not None and quotes[0].speaker_mention.text == speaker
    assert quotes[0].cue == cue


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("The mayor said that the road would stay closed until Friday.",
         "that the road would stay closed until Friday", "The mayor"),
        ("Matthews said Pence’s performance should boost the poll numbers.",
         "Pence’s performance should boost the poll numbers", "Matthews"),
        ("Three people were injured, according to the police.", "Three people were injured",
         "the police"),
        ("The deal is off, a spokesman for the company said.", "The deal is off",
         "a spokesman for the company"),
    ],
)  # fmt: skip
def test_english_reported_speech(text: str, content: str, speaker: str) -> None:
    quotes = quotes_of(text, "en")
    assert [q.text for q in quotes] == [content]
    assert quotes[0].kind == "indirect"
    assert quotes[0].speaker_mention is not None and quotes[0].speaker_mention.text == speaker


def test_anonymous_attribution_has_no_speaker() -> None:
    text = "Am Abend hieß es, die Entscheidung falle noch in dieser Woche."
    quotes = quotes_of(text, "de")
    assert len(quotes) == 1
    assert quotes[0].speaker is None and quotes[0].speaker_mention is None
    assert quotes[0].text == "die Entscheidung falle noch in dieser Woche"
    # the circles it came from are its source, fronted or after the cue
    for text in (
        "Aus Regierungskreisen hieß es, die Entscheidung falle noch in dieser Woche.",
        "Die Entscheidung falle noch in dieser Woche, hieß es aus Regierungskreisen.",
    ):
        [quote] = quotes_of(text, "de")
        assert quote.speaker == "Regierungskreisen"


# -- speakers ------------------------------------------------------------------------------------
def test_surname_and_title_resolve_to_the_canonical_person() -> None:
    text = "Angela Merkel traf die Presse. „Wir schaffen das“, sagte Kanzlerin Merkel."
    entities = [person(text, "Angela Merkel")]
    quote = quotes_of(text, "de", entities)[0]
    assert quote.speaker == "Angela Merkel"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "Kanzlerin Merkel"


def test_role_as_speaker_keeps_the_genitive() -> None:
    text = "„Das ist eine Provokation“, sagte der Sprecher des Kremls."
    quote = quotes_of(text, "de")[0]
    assert quote.speaker_mention is not None
    assert quote.speaker_mention.text == "der Sprecher des Kremls"


def test_pronoun_resolves_to_the_only_person_nearby() -> None:
    text = "Joe Biden spoke in Ohio on Monday. “We will rebuild the bridges,” he said."
    entities = [person(text, "Joe Biden")]
    quote = quotes_of(text, "en", entities)[0]
    assert quote.speaker == "Joe Biden"
    assert quote.speaker_id == "per-joe-biden"
    assert not quote.speaker_low_confidence


def test_pronoun_with_two_candidates_names_nobody_and_stays_flagged() -> None:
    text = "Talks of Joe Biden and Donald Trump failed. “We will rebuild the bridges,” he said."
    entities = [person(text, "Joe Biden"), person(text, "Donald Trump")]
    quote = quotes_of(text, "en", entities)[0]
    assert quote.speaker is None  # an unresolved pronoun is not shown as a name
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "he"
    assert quote.speaker_id is None
    assert quote.speaker_low_confidence
    assert quote.speaker_reason == "pronoun „he“ not resolved"


def test_pronoun_after_two_persons_is_the_subject_before_and_flagged() -> None:
    text = "Joe Biden met Donald Trump in Ohio. “We will rebuild the bridges,” he said."
    entities = [person(text, "Joe Biden"), person(text, "Donald Trump")]
    quote = quotes_of(text, "en", entities)[0]
    assert quote.speaker == "Joe Biden"
    assert quote.speaker_low_confidence
    assert quote.speaker_reason == "pronoun „he“ → Joe Biden (the subject of a sentence before)"


def test_a_quotation_after_an_attributed_one_keeps_the_speaker() -> None:
    text = "„Das ist ein guter Tag“, betonte Maria Weber. „Wir haben lange darauf gewartet.“"
    quotes = quotes_of(text, "de", [person(text, "Maria Weber")])
    assert [q.speaker for q in quotes] == ["Maria Weber", "Maria Weber"]


def test_quotes_in_the_comment_section_are_flagged() -> None:
    text = (
        "Der Artikel endet hier.\n\n"
        "Kommentar: „Das glaube ich nicht, das ist gelogen.“, schrieb Leser Paul."
    )
    comment_start = text.index("Kommentar")
    blocks = [Block("body", 0, comment_start - 2), Block("comments", comment_start, len(text))]
    quotes = extract_quotes(text, "de", blocks, [], [])
    assert quotes and all(q.in_comments for q in quotes)


def test_transcript_speaker_labels_are_quotations() -> None:
    text = (
        "Partial transcript as follows:\n\n"
        '"WALLACE: Will Gennifer Flowers be at the debate tomorrow night?\n\n'
        '"PENCE: Gennifer Flowers will not be attending the debate tomorrow night.\n\n'
        "Video: full speech of the governor in Ohio last week.\n"
    )
    quotes = quotes_of(text, "en")
    assert [(q.speaker_mention.text if q.speaker_mention else None) for q in quotes] == [
        "WALLACE",
        "PENCE",
    ]
    assert quotes[1].text == "Gennifer Flowers will not be attending the debate tomorrow night"


def test_generic_agency_resolves_to_the_agency_named_before() -> None:
    from reportgen.analyze.sources import extract_sources

    text = (
        "Die Nachrichtenagentur Belta berichtete über das Treffen. "
        "„Die Gespräche waren sehr konstruktiv“, meldete die Agentur."
    )
    blocks = [Block("body", 0, len(text))]
    sources = extract_sources(text, "de", blocks, [], [])
    quote = extract_quotes(text, "de", blocks, [], sources)[0]
    assert quote.speaker == "Belta"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "die Agentur"


def test_person_in_apposition_to_a_role_is_the_speaker() -> None:
    text = (
        "„Wir haben keine Behinderungen gesehen“, sagte der Leiter der Delegation, "
        "Herbert Krall, am Dienstag."
    )
    quotes = quotes_of(text, "de", [person(text, "Herbert Krall")])
    assert [(q.kind, q.speaker) for q in quotes] == [("direct", "Herbert Krall")]
    assert quotes[0].speaker_mention is not None
    assert quotes[0].speaker_mention.text == "der Leiter der Delegation"


# -- speaker names as the reports show them ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "lang", "speaker"),
    [
        ("“We were offered too little,” said the union organiser Femke Dijkstra.", "en",
         "Femke Dijkstra"),
        ("“The ferries will run,” Transport minister Mark Harbers said.", "en", "Mark Harbers"),
        ("Nach Angaben der Delegation verlief die Wahl in Gomel ohne größere Zwischenfälle.", "de",
         "Delegation"),
        ("„Die Stadt handelt“, sagte ein Sprecher der Stadt Köln.", "de",
         "Sprecher der Stadt Köln"),
    ],
)  # fmt: skip
def test_speaker_names_drop_roles_but_keep_whom_a_role_belongs_to(
    text: str, lang: str, speaker: str
) -> None:
    [quote] = quotes_of(text, lang)
    assert quote.speaker == speaker


def test_a_topic_label_is_not_a_speaker() -> None:
    text = "Gaspreise: Moskau wirft Brüssel Erpressung vor und droht mit weiteren Kürzungen\n"
    assert quotes_of(text, "de") == []
    labelled = "LUKASCHENKO: Wir sind mit den Ergebnissen der Gespräche sehr zufrieden.\n"
    [quote] = quotes_of(labelled, "de")
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "LUKASCHENKO"
