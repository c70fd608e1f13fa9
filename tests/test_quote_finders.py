"""Each quotation finder on its own, and the speaker resolver, on small strings: the finders
yield candidates with the speaker as written; resolve_speakers decides who it is."""

from __future__ import annotations

import pytest
from quotetext import org, person, span_of, view

from reportgen.analyze.quotes import find_candidates, resolve_speakers
from reportgen.analyze.quotes.direct import attribution_after, attribution_before, direct_candidates
from reportgen.analyze.quotes.labels import labelled_candidates
from reportgen.analyze.quotes.phrases import np_after, np_before
from reportgen.analyze.quotes.records import Inherit, QuoteCandidate
from reportgen.analyze.quotes.reported import reported_candidates
from reportgen.analyze.quotes.resolve import resolve_mention, without_title
from reportgen.analyze.quotes.view import article_view
from reportgen.lang import profile
from reportgen.lang.schema import QuoteStyle, typed
from reportgen.model import Block, Entity, Mention, Span


# -- phrases -----------------------------------------------------------------------------------
def test_np_after_keeps_a_genitive_and_np_before_stops_at_the_clause() -> None:
    text = "sagte der Sprecher des Kremls am Montag"
    v = view(text, "de")
    assert np_after(v, len("sagte"), len(text)).text == "der Sprecher des Kremls"
    text = "Am Montag, so heißt es, der Minister sagte"
    v = view(text, "de")
    assert np_before(v, text.index(" sagte"), 0).text == "der Minister"


def test_np_before_skips_an_age_and_a_parenthesis() -> None:
    text = "Elijah E. Cummings (D-Md.) said"
    assert np_before(view(text, "en"), text.index(" said"), 0).text == "Elijah E. Cummings"
    text = "Mr. King, 82, told"
    assert np_before(view(text, "en"), text.index(" told"), 0).text == "Mr. King"


# -- direct ------------------------------------------------------------------------------------
def test_attribution_after_and_before_a_quotation() -> None:
    text = "„Wir bleiben“, sagte Präsident Lukaschenko."
    v = view(text, "de")
    closing = text.index("“")
    found = attribution_after(v, closing)
    assert found.cue == "sagte" and found.speaker.text == "Präsident Lukaschenko"
    text = "Merkel sagte: „Wir schaffen das.“"
    found = attribution_before(view(text, "de"), text.index("„") + 1)
    assert found.cue == "sagte" and found.speaker.text == "Merkel"


def test_an_interrupted_quotation_is_one_candidate_with_two_segments() -> None:
    text = "„Das ist ernst“, sagte er, „und es wird ernster.“"
    (candidate,) = direct_candidates(view(text, "de"))
    assert len(candidate.segments) == 2 and candidate.mention.text == "er"
    assert text[candidate.start : candidate.end].startswith("Das ist ernst")


def test_a_quotation_after_an_attributed_one_names_it_as_parent() -> None:
    text = "„Wir werden das prüfen“, betonte Müller. „Es gibt keinen Grund zur Eile.“"
    first, second = direct_candidates(view(text, "de"))
    assert first.mention.text == "Müller" and first.inherit is Inherit.NONE
    assert second.parent is first and second.inherit is Inherit.CONTINUED_QUOTE
    assert second.mention == first.mention


def test_a_short_unattributed_quotation_is_a_term_not_a_candidate() -> None:
    text = "Das sogenannte „Heizungsgesetz“ wird beraten."
    assert list(direct_candidates(view(text, "de"))) == []


# -- labels ------------------------------------------------------------------------------------
def test_speaker_labels_in_a_transcript_and_topics_left_out() -> None:
    text = "PENCE: Well, look, we are going to win this.\n\nGaspreise: Die Lage bleibt angespannt."
    (candidate,) = labelled_candidates(view(text, "en"))
    assert candidate.mention.text == "PENCE" and candidate.kind == "direct"
    assert candidate.cue == ":"


# -- reported ----------------------------------------------------------------------------------
def test_reported_speech_by_preposition_and_by_verb() -> None:
    text = "Laut Innenministerium ist die Lage an der Grenze unter Kontrolle."
    (candidate,) = reported_candidates(view(text, "de"), [])
    assert candidate.cue == "Laut" and candidate.mention.text == "Innenministerium"
    text = "The senator said that the bill would pass next week."
    (candidate,) = reported_candidates(view(text, "en"), [])
    assert candidate.cue == "said" and candidate.mention.text == "The senator"
    assert text[candidate.start : candidate.end].startswith("that the bill")


def test_konjunktiv_goes_on_with_the_speaker_and_grows_one_continuation() -> None:
    text = (
        "Der Minister sagte, die Lage sei ernst. Es gebe keine Alternative. "
        "Man habe alles versucht."
    )
    first, continued = reported_candidates(view(text, "de"), [])
    assert first.mention.text == "Der Minister"
    assert continued.parent is first and continued.inherit is Inherit.CONTINUED_REPORT
    # The third sentence extends the continuation instead of adding a candidate.
    assert text[continued.start : continued.end].endswith("Man habe alles versucht")


# -- resolution --------------------------------------------------------------------------------
def test_resolve_mention_to_the_entity_and_a_pronoun_to_the_one_person_before() -> None:
    text = "Angela Merkel kam spät. Kanzlerin Merkel sagte, sie sei müde. Sie schwieg. Er auch."
    merkel = person(text, "Angela Merkel")
    v = view(text, "de", merkel)
    start = text.index("Kanzlerin")
    titled = resolve_mention(v, Span(start, start + len("Kanzlerin Merkel"), "Kanzlerin Merkel"))
    assert titled.name == "Angela Merkel" and titled.entity_id == "per-angela-merkel"
    pronoun_at = text.index("Sie ")
    resolved = resolve_mention(v, Span(pronoun_at, pronoun_at + 3, "Sie"))
    assert resolved.name == "Angela Merkel" and resolved.certainty < 1.0
    pronoun_at = text.index("Er ")  # a woman's given name: "Er" is somebody else
    assert resolve_mention(v, Span(pronoun_at, pronoun_at + 2, "Er")).name is None


def test_without_title_keeps_a_surname_alone_with_its_title() -> None:
    v = view("x", "en")
    assert without_title(v, "Transport minister Mark Harbers") == "Mark Harbers"
    assert without_title(view("x", "de"), "Präsident Macron") == "Präsident Macron"


def test_resolve_speakers_passes_the_parents_decision_to_its_continuations() -> None:
    text = "„Wir werden das prüfen“, betonte Angela Merkel. „Es gibt keinen Grund zur Eile.“"
    merkel = person(text, "Angela Merkel")
    v = view(text, "de", merkel)
    first, second = resolve_speakers(find_candidates(v), v, [])
    assert first.speaker == second.speaker == "Angela Merkel"
    assert second.speaker_id == "per-angela-merkel"
    assert second.confidence == round(first.confidence * 0.8, 2)


def test_resolve_speakers_builds_quotes_in_text_order_with_their_blocks() -> None:
    text = "Der Sprecher sagte, man sei zufrieden.\n\nKommentar: gut so, sagte ein Leser dazu."
    blocks = [
        Block("body", 0, text.index("\n")),
        Block("comments", text.index("Kommentar"), len(text)),
    ]
    v = article_view(text, "de", blocks, [], [])
    candidates = [
        QuoteCandidate(text.index("Kommentar"), len(text) - 1, "indirect", "reported", "sagte",
                       None, attributed=False),
        QuoteCandidate(0, 10, "indirect", "reported", "sagte", None, attributed=True, weight=0.8),
    ]  # fmt: skip
    first, second = resolve_speakers(candidates, v, [])
    assert (first.start, first.block, first.confidence) == (0, "body", 0.8)
    assert second.in_comments and second.confidence == 0.5


# -- language profiles -------------------------------------------------------------------------
def test_profile_switches_are_typed_and_a_typo_is_an_error() -> None:
    assert profile("de").quotes.verb_second is True and profile("en").quotes.verb_second is False
    assert profile("de").quotes.max_interruption == 90
    with pytest.raises(ValueError, match="unknown setting 'verb_secnd'"):
        typed(QuoteStyle, {"verb_secnd": True}, "test")
    with pytest.raises(ValueError, match="must be int"):
        typed(QuoteStyle, {"max_interruption": "90"}, "test")
    with pytest.raises(KeyError):
        profile("de").words("pronuns")
    with pytest.raises(KeyError):
        profile("de").words("anonymous")  # declared as patterns, not words


def test_a_language_without_data_uses_the_fallback_and_site_lists_add_it() -> None:
    assert profile("fr").code == "en"
    german, english = profile("de").lines("boilerplate"), profile("en").lines("boilerplate")
    assert set(english) <= set(german) and len(german) > len(english)
    assert not set(profile("en").lines("cue_verbs")) <= set(profile("de").lines("cue_verbs"))


# -- speakers from stray words, roles and context ----------------------------------------------
def test_clean_mention_cuts_clause_tails_and_refuses_months_adverbs_and_documents() -> None:
    from reportgen.analyze.quotes.mentions import clean_mention

    text = "Beginnen sollten den Forschern zufolge die Älteren, er im Gespräch mit Capital, März."
    v = view(text, "de")
    assert clean_mention(v, span_of(text, "sollten den Forschern")).text == "den Forschern"
    assert clean_mention(v, span_of(text, "er im Gespräch mit Capital")).text == "er"
    assert clean_mention(v, span_of(text, "März")) is None
    text = "Angeblich laut Verfassung, outside their home"
    assert clean_mention(view(text, "de"), span_of(text, "Angeblich")) is None
    assert clean_mention(view(text, "de"), span_of(text, "Verfassung")) is None
    assert clean_mention(view(text, "en"), span_of(text, "outside their home")).text == (
        "their home"
    )


def test_a_role_resolves_to_the_person_the_article_gave_it() -> None:
    text = (
        "Hauptgeschäftsführer Oliver Zander warnte vor Schäden. Die Politik müsse handeln, "
        "sagte der Hauptgeschäftsführer."
    )
    v = view(text, "de", person(text, "Oliver Zander"))
    speaker = resolve_mention(v, span_of(text, "der Hauptgeschäftsführer"))
    assert speaker.name == "Oliver Zander"
    assert speaker.reason == "role „der Hauptgeschäftsführer“ → Oliver Zander"
    text = "President Barack Obama spoke. The president said he would go on."
    v = view(text, "en", person(text, "Barack Obama"))
    assert resolve_mention(v, span_of(text, "The president")).name == "Barack Obama"


def test_the_researchers_of_a_named_study_are_its_organisation() -> None:
    text = "Die Stellungnahme der Leopoldina liegt vor. Die Forscher empfehlen Lockerungen."
    v = view(text, "de", org(text, "Leopoldina"))
    speaker = resolve_mention(v, span_of(text, "Die Forscher"))
    assert speaker.name == "Leopoldina"


def test_an_unattributed_quotation_takes_the_speaker_of_the_sentence_before() -> None:
    text = (
        "Die Kanzlerin Angela Merkel sprach am Abend über die Lage.\n"
        "„Wir müssen jetzt sehr vorsichtig sein, sonst ist das System am Ende.“"
    )
    v = view(text, "de", person(text, "Angela Merkel"))
    [quote] = resolve_speakers(find_candidates(v), v, [])
    assert quote.speaker == "Angela Merkel"
    assert quote.speaker_reason == "from the previous sentence"
    assert quote.speaker_mention is None


def test_the_next_paragraph_of_an_answer_keeps_its_speaker() -> None:
    text = (
        "„Das kenne ich bisher nicht“, sagte Michael Tsokos.\n"
        "„Das Tragische ist, dass diese Menschen allein gestorben sind.“"
    )
    v = view(text, "de", person(text, "Michael Tsokos"))
    first, second = resolve_speakers(find_candidates(v), v, [])
    assert first.speaker == second.speaker == "Michael Tsokos"
    assert second.speaker_reason == "from the quotation before"
    assert second.speaker_low_confidence


def test_a_pronoun_after_two_named_persons_is_the_speaker_before() -> None:
    text = (
        "„Wir liefern“, sagte Olaf Scholz im Gespräch mit Peter Altmaier. "
        "Er sagte, das Geld komme rasch."
    )
    v = view(text, "de", person(text, "Olaf Scholz"), person(text, "Peter Altmaier"))
    quotes = resolve_speakers(find_candidates(v), v, [])
    reported = next(q for q in quotes if q.kind == "indirect")
    assert reported.speaker == "Olaf Scholz"
    assert reported.speaker_mention is not None and reported.speaker_mention.text == "Er"
    assert reported.speaker_reason == "pronoun „Er“ → Olaf Scholz (the speaker before)"


def test_a_pronoun_after_a_newer_subject_is_that_subject_not_the_speaker_before() -> None:
    text = (
        "„Wir liefern“, sagte Olaf Scholz im Gespräch mit Altmaier. Dann kam der Abend. "
        "Peter Altmaier nickt nur. Und er gesteht, die Zahlen geschönt zu haben."
    )
    altmaier = person(text, "Peter Altmaier", "Altmaier", "Peter Altmaier")
    v = view(text, "de", person(text, "Olaf Scholz"), altmaier)
    last = resolve_speakers(find_candidates(v), v, [])[-1]
    assert last.speaker_mention is not None and last.speaker_mention.text == "er"
    assert last.speaker == "Peter Altmaier"


def test_the_one_spoken_to_is_no_speaker_and_a_description_is_the_person_before() -> None:
    from reportgen.analyze.quotes.mentions import clean_mention

    text = "Das sagte er dem Wirtschaftsmagazin Capital. Sie sollten öffnen."
    v = view(text, "de")
    assert clean_mention(v, span_of(text, "Capital")) is None
    assert clean_mention(v, span_of(text, "Sie")).text == "Sie"  # not across a sentence end
    text = (
        "Minister Robert Habeck wirbt für den Plan. Der Grünen-Politiker sagte, die "
        "Hängepartie sei schlecht."
    )
    v = view(text, "de", person(text, "Robert Habeck"))
    assert resolve_mention(v, span_of(text, "Der Grünen-Politiker")).name == "Robert Habeck"
    text = "Die Autos zuerst, sagte der Hauptgeschäftsführer des Verbandes, Oliver Zander."
    v = view(text, "de", person(text, "Oliver Zander"))
    assert resolve_mention(v, span_of(text, "der Hauptgeschäftsführer")).name == "Oliver Zander"
    # A standing role ("der Sprecher") is not taken for the person named before.
    text = "Wladimir Putin reiste ab. Der Sprecher sagte, die Lage sei ruhig."
    v = view(text, "de", person(text, "Wladimir Putin"))
    assert resolve_mention(v, span_of(text, "Der Sprecher")).name == "Sprecher"


def test_a_stray_date_gives_way_to_the_speaker_of_the_quotations_own_sentence() -> None:
    text = (
        "Die Hilfen klingen nach. So verkündete Bundesfinanzminister Olaf Scholz (SPD) am "
        "23. März 2020: „Wir geben einen Zuschuss, es geht nicht um einen Kredit.“"
    )
    v = view(text, "de", person(text, "Olaf Scholz"))
    [quote] = [q for q in resolve_speakers(find_candidates(v), v, []) if q.kind == "direct"]
    assert quote.speaker == "Olaf Scholz"
    assert quote.speaker_reason == "„März“ is no speaker; from the quotation's own sentence"


def test_the_authors_own_reported_words_are_no_quotation() -> None:
    text = "Ich habe herzlich gelacht, sagte ich mir, dass die Parteien alles finanzieren."
    v = view(text, "de")
    assert not [q for q in resolve_speakers(find_candidates(v), v, []) if q.kind == "indirect"]


@pytest.mark.parametrize(
    "verb", ["verdeutlichte", "mahnte", "erläuterte", "spekuliert", "beteuert"]
)
def test_more_german_speech_verbs_attribute_reported_speech(verb: str) -> None:
    text = f"Die Ministerin Anna Berg {verb}, die Lage sei ernst und die Hilfe komme spät."
    v = view(text, "de", person(text, "Anna Berg"))
    [quote] = resolve_speakers(find_candidates(v), v, [])
    assert quote.kind == "indirect" and quote.cue == verb
    assert quote.speaker == "Anna Berg"


def test_a_plural_subject_reports_with_the_present_plural() -> None:
    text = "Die Impfstoffhersteller berichten außerdem, dass einige Teilnehmer Symptome hatten."
    v = view(text, "de")
    [quote] = resolve_speakers(find_candidates(v), v, [])
    assert quote.kind == "indirect" and quote.cue == "berichten"
    assert quote.text == "dass einige Teilnehmer Symptome hatten"
    # the same form as an infinitive is no speech verb: "zu erwarten haben" reports nobody
    text = "Was die Jüngeren vom Rentensystem zu erwarten haben, erklärt der Ökonom Axel Berg."
    v = view(text, "de", person(text, "Axel Berg"))
    assert all(q.cue != "erwarten" for q in resolve_speakers(find_candidates(v), v, []))


def test_a_former_role_and_an_organisation_by_its_kind_name_who_was_named_before() -> None:
    text = (
        "Richard Dearlove hält das Virus für menschengemacht. Der ehemalige Chef des MI6 "
        "erklärte, die Studie sei umgeschrieben worden."
    )
    v = view(text, "de", person(text, "Richard Dearlove"))
    found = resolve_mention(v, span_of(text, "Der ehemalige Chef des MI6"))
    assert found.name == "Richard Dearlove"
    # a role somebody holds now stays a role: not the person named before
    text = "Richard Dearlove reiste ab. Der Chef des MI6 erklärte, die Lage sei ruhig."
    v = view(text, "de", person(text, "Richard Dearlove"))
    assert resolve_mention(v, span_of(text, "Der Chef des MI6")).name != "Richard Dearlove"
    text = "Rheinmetall wurde angegriffen. Die Produktion stand nach Angaben des Konzerns still."
    start = text.index("Rheinmetall")
    org = Entity("Rheinmetall", "ORG", 1, [Mention(start, start + 11, "Rheinmetall")], id="o-r")
    v = view(text, "de", org)
    found = resolve_mention(v, span_of(text, "Angaben des Konzerns"))
    assert found.name == "Rheinmetall" and found.entity_id == "o-r"
    text = "Shell cut its forecast on Monday. The company said demand would fall."
    start = text.index("Shell")
    org = Entity("Shell", "ORG", 1, [Mention(start, start + 5, "Shell")], id="o-s")
    v = view(text, "en", org)
    assert resolve_mention(v, span_of(text, "The company")).name == "Shell"


@pytest.mark.parametrize(
    ("lang", "text", "second"),
    [
        ("en", "Kellyanne Conway said that the charge was refuted and added that Streep "
         "should have spoken out.", "that Streep should have spoken out"),
        ("en", "Eric Reeves said the government kept abusing rights, and he noted that "
         "the security services killed ten civilians.", "that the security services killed"),
        ("de", "Olaf Scholz sagte, das Geld komme rasch, und betonte, die Länder müssten "
         "nichts zahlen.", "die Länder müssten nichts zahlen"),
    ],
)
def test_a_second_speech_verb_of_the_sentence_reports_on_for_the_same_speaker(
    lang: str, text: str, second: str
) -> None:
    name = " ".join(text.split()[:2])
    v = view(text, lang, person(text, name))
    first, then = resolve_speakers(find_candidates(v), v, [])
    assert first.speaker == then.speaker == name
    assert then.text.startswith(second) and first.end < then.start
