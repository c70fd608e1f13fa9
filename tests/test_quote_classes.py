"""Sentence classes of real pages (issue 10, session 8): reported speech with its speech verb
in the sentence, unreal comparisons, attributions before a colon, fronted sources, coordinated
reports with their own subject, ordinals, terms and titles in quotation marks."""

from __future__ import annotations

from quotetext import org, person, person_everywhere
from quotetext import said as _quotes


def test_a_lone_konjunktiv_sentence_with_its_own_speech_verb_is_the_name_before_it() -> None:
    text = (
        "Die Bundesliga spielt wieder vor leeren Rängen. Dass sogar das RKI in einer Schalte "
        "zuvor erklärt hatte, Gaststätten seien kein Pandemietreiber, kümmert niemanden."
    )
    league, rki = org(text, "Bundesliga"), org(text, "RKI")
    [(words, speaker)] = _quotes(text, "de", league, rki)
    assert "Gaststätten seien kein Pandemietreiber" in words
    assert speaker == "Robert Koch-Institut (RKI)"  # the knowledge base's name


def test_konjunktiv_after_an_unreal_als_reports_nobody() -> None:
    text = (
        "Barr sagte, er habe nichts getan. Die Abgeordneten befragten ihn, er spielte mit dem "
        "Stift, als sei es ein Gefallen, dass er erschienen ist. Es wirkte, als seien Vergehen "
        "Auslegungssache."
    )
    found = _quotes(text, "de", person(text, "William Barr", "Barr"))
    assert found == [("er habe nichts getan", "William Barr")]


def test_a_speech_verb_and_laut_before_a_colon_attribute_the_quotation_after_it() -> None:
    text = (
        "Der Abgeordnete Marcel Luthe sagte laut der Berliner Zeitung zu den Zahlen: "
        "„Jeder einzelne dieser Fälle ist das Ergebnis einer tiefen Verzweiflung.“"
    )
    luthe, paper = person(text, "Marcel Luthe"), org(text, "Berliner Zeitung")
    assert _quotes(text, "de", luthe, paper) == [
        ("Jeder einzelne dieser Fälle ist das Ergebnis einer tiefen Verzweiflung.", "Marcel Luthe")
    ]


def test_an_institution_past_a_relative_wo_clause_speaks_for_itself() -> None:
    text = (
        "Das sagte der Grünen-Politiker Tobias Lindner. Die Datenschutzbehörde "
        "Nordrhein-Westfalen, wo Rheinmetall seinen Hauptsitz hat, sagte auf Anfrage, dass sie "
        "über den Vorfall nicht informiert worden sei."
    )
    lindner, firm = person(text, "Tobias Lindner"), org(text, "Rheinmetall")
    assert _quotes(text, "de", lindner, firm) == [
        (
            "dass sie über den Vorfall nicht informiert worden sei",
            "Datenschutzbehörde Nordrhein-Westfalen",
        )
    ]


def test_a_source_fronted_before_hiess_es_is_the_speaker() -> None:
    text = (
        "Aus Kreisen der bayerischen Staatsregierung hieß es, man befasse sich intensiv mit "
        "Ausstiegsszenarien."
    )
    [(words, speaker)] = _quotes(text, "de")
    assert words.startswith("man befasse sich")
    assert speaker == "Kreisen der bayerischen Staatsregierung"


def test_fears_and_warnings_report_and_a_modal_makes_them_hypothetical() -> None:
    text = (
        "Die Betreiber privater Bahnen fürchten, dass es in einem engen Takt schwerer wird. "
        "Experten warnen davor, die Welle werde eine andere Qualität haben. "
        "Natürlich kann man die Angaben nicht glauben, auch nicht, wenn es ein Geständnis ist."
    )
    found = _quotes(text, "de")
    assert [speaker for _, speaker in found] == ["Betreiber privater Bahnen", "Experten"]


def test_quoted_words_inside_an_attributed_report_are_its_speakers() -> None:
    text = (
        "Why whales strand remains elusive, but “sickness, navigational error, a falling tide, "
        "or extreme weather” are all thought "
        "to contribute, according to the New Zealand Department of Conservation. "
        "Climate change is to blame too, scientists think, with warmer oceans."
    )
    doc = org(text, "New Zealand Department of Conservation")
    found = dict(_quotes(text, "en", doc))
    words = "sickness, navigational error, a falling tide, or extreme weather"
    assert found[words] == "New Zealand Department of Conservation"
    assert [s for w, s in found.items() if w.startswith("Climate change")] == ["scientists"]


def test_a_figure_reckoned_is_reported() -> None:
    text = "Das Statistische Bundesamt ermittelte, dass die Wirtschaft um fünf Prozent schrumpfte."
    found = _quotes(text, "de", org(text, "Statistische Bundesamt"))
    assert [speaker for _, speaker in found] == ["Statistisches Bundesamt"]  # the KB name


def test_a_number_after_an_article_is_an_ordinal_not_a_sentence_end() -> None:
    from reportgen.lang import profile
    from reportgen.text.sentences import split_sentences

    text = "Das BIP ist im 2. Quartal geschrumpft. Es wuchs um 12. Danach fiel es."
    words = profile("de").words
    spans = split_sentences(text, words("abbreviations"), words("months"), words("ordinal_before"))
    assert [text[s:e] for s, e in spans] == [
        "Das BIP ist im 2. Quartal geschrumpft.", "Es wuchs um 12.", "Danach fiel es."
    ]
    text = "Nach Angaben des Statistischen Bundesamtes ist das BIP im 2. Quartal geschrumpft."
    [(words_said, speaker)] = _quotes(text, "de", org(text, "Statistischen Bundesamtes"))
    assert words_said.endswith("im 2. Quartal geschrumpft")


def test_a_speech_verb_after_a_comma_shares_the_subject_named_after_a_fronted_adverbial() -> None:
    text = (
        "Am Montag geht Ressortchef Geyer zu Relotius. Am Dienstag antwortet Relotius in einer "
        "Mail. Er versucht, die Zweifel zu entkräften, schreibt etwa, er habe die Namen geprüft."
    )
    geyer = person(text, "Matthias Geyer", "Geyer")
    relotius = person_everywhere(text, "Claas Relotius", "Relotius")
    found = _quotes(text, "de", geyer, relotius)
    assert found == [("er habe die Namen geprüft", "Claas Relotius")]


def test_according_to_a_described_organisation_is_the_organisation() -> None:
    text = (
        "The season started with a surge in incidents, according to whale rescue group "
        "Project Jonah. Bennett was slated to speak, according to an invitation obtained by "
        "POLITICO."
    )
    jonah, politico = org(text, "Project Jonah"), org(text, "POLITICO")
    assert [s for _, s in _quotes(text, "en", jonah, politico)] == ["Project Jonah", "invitation"]


def test_a_second_report_after_but_with_its_own_named_subject_is_that_speakers() -> None:
    text = (
        "Barack Obama said he would keep trying on guns, but the BBC's editor Jon Sopel said "
        "the president did not sound very confident."
    )
    obama, sopel = person(text, "Barack Obama"), person(text, "Jon Sopel")
    found = _quotes(text, "en", obama, sopel)
    assert found == [
        ("he would keep trying on guns", "Barack Obama"),
        ("the president did not sound very confident", "Jon Sopel"),
    ]


def test_an_adverb_between_speech_verb_and_subject_is_skipped() -> None:
    text = (
        "„Eigenwirtschaftliche Bahnen würden massiv dazu beitragen, die Zahlen zu verdoppeln“, "
        "sagt auch Stenger."
    )
    stenger = person(text, "Fabian Stenger", "Stenger")
    [(_, speaker)] = _quotes(text, "de", stenger)
    assert speaker == "Fabian Stenger"


def test_quoted_as_saying_and_zitiert_mit_den_worten_name_the_speaker() -> None:
    text = (
        "Healy called his phone and then quoted the president-elect as saying he was not "
        "surprised by the criticism."
    )
    trump = person(text, "Donald Trump", "president-elect")
    healy = person(text, "Patrick Healy", "Healy")
    assert [s for _, s in _quotes(text, "en", trump, healy)] == ["Donald Trump"]
    text = "Die Zeitung zitierte Olaf Scholz mit den Worten, das Geld komme rasch an."
    assert [s for _, s in _quotes(text, "de", person(text, "Olaf Scholz"))] == ["Olaf Scholz"]


def test_an_organisation_noun_ending_a_compound_is_no_person_named_before() -> None:
    text = (
        "Das sagte Vanguard-Chef Bill Smith. Die Impfstoffhersteller berichten außerdem, dass "
        "einige Teilnehmer milde Symptome hatten."
    )
    [(_, speaker)] = _quotes(text, "de", person(text, "Bill Smith"))
    assert speaker != "Bill Smith"
