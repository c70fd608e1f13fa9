"""Who the subject of a sentence is, in classes of real pages (issue 10, session 9): described
speakers after a determiner and names, verbal nouns after a preposition, possessives, verb-second
pronouns, and the subject of reported words."""

from __future__ import annotations

from quotetext import org, person, person_everywhere, said


def test_a_role_after_a_determiner_and_a_name_is_the_described_speaker() -> None:
    text = (
        'Walker then spent weeks threatening several members. "Meadows screwed everybody," '
        'said one GOP operative in the state. "They all wanted that seat."'
    )
    walker = person(text, "Mark Walker", "Walker")
    found = said(text, "en", walker)
    assert [speaker for _words, speaker in found] == ["GOP operative"]


def test_a_verbal_noun_after_a_preposition_is_not_the_speech_verb() -> None:
    text = (
        "Rep. Mark Walker is leaving Congress too. In announcing his retirement, "
        "Meadows said he never planned to stay in Congress long-term."
    )
    walker, meadows = person(text, "Mark Walker"), person(text, "Mark Meadows", "Meadows")
    found = said(text, "en", walker, meadows)
    assert [(words, speaker) for words, speaker in found if "never planned" in words] == [
        ("he never planned to stay in Congress long-term", "Mark Meadows")
    ]
    assert not [words for words, _speaker in found if words.startswith("his retirement")]


def test_a_name_with_a_possessive_is_not_the_subject_a_pronoun_stands_for() -> None:
    text = (
        "The retirement came as a surprise in December. Meadows' plans were kept so secret "
        "that Wayne King, the deputy chief of staff, did not learn about them. He said he was "
        "asked to break the news to the staff."
    )
    meadows = person(text, "Mark Meadows", "Meadows")
    king = person(text, "Wayne King")
    found = said(text, "en", meadows, king)
    [speaker] = [speaker for words, speaker in found if "break the news" in words]
    assert speaker in (None, "Wayne King")


def test_a_pronoun_after_a_fronted_adverb_and_the_verb_speaks_the_konjunktiv_after_it() -> None:
    text = (
        "Kanzlerin Merkel spricht von Beschlüssen historischer Dimension. Dafür greift sie auf "
        "Zahlen zurück. Die Zahl der Intensivpatienten erhöhe sich alle zehn Tage. Vier weitere "
        "Verdopplungen, dann sei das System am Ende."
    )
    merkel = person(text, "Angela Merkel", "Merkel")
    found = said(text, "de", merkel)
    [(words, speaker)] = found
    assert words.startswith("Die Zahl der Intensivpatienten erhöhe sich alle zehn Tage.")
    assert speaker == "Angela Merkel"


def test_a_passive_or_a_refusal_before_a_to_infinitive_reports_no_words() -> None:
    text = (
        "Mr Obama was speaking to the BBC before departing for Kenya. The president is expected "
        "to meet relatives in Nairobi. Bennett declined to be interviewed for this story."
    )
    obama = person(text, "Barack Obama", "Mr Obama")
    assert said(text, "en", obama, person(text, "Bennett")) == []


def test_the_subject_of_a_speech_verb_speaks_before_a_laut_after_it() -> None:
    text = (
        "Geicke prüft den Text. Relotius erwidert laut Geicke, der Mann ballere häufiger in der "
        "Gegend herum."
    )
    relotius = person(text, "Claas Relotius", "Relotius")
    geicke = person_everywhere(text, "André Geicke", "Geicke")
    assert said(text, "de", relotius, geicke) == [
        ("der Mann ballere häufiger in der Gegend herum", "Claas Relotius")
    ]


def test_a_pronoun_after_the_verb_is_the_subject_before_a_named_object() -> None:
    text = (
        "Özlem Gezer ist Relotius' engste Vertraute im Ressort. In der Nacht schickt sie "
        "Relotius eine WhatsApp-Nachricht: »Ich komme jetzt gleich, und du kommst raus.«"
    )
    gezer = person(text, "Özlem Gezer")
    relotius = person_everywhere(text, "Claas Relotius", "Relotius")
    [(_words, speaker)] = said(text, "de", gezer, relotius)
    assert speaker != "Claas Relotius"


def test_a_name_after_von_owns_the_words_its_clause_introduces() -> None:
    text = (
        "In Wirklichkeit ist er ein Denker, der sich bisher an das Erfolgsmotto von Daniela "
        "Katzenberger gehalten hat: „Sei schlau, stell dich dumm“."
    )
    katzenberger = person(text, "Daniela Katzenberger")
    assert said(text, "de", katzenberger) == [
        ("Sei schlau, stell dich dumm", "Daniela Katzenberger")
    ]


def test_a_pronoun_stands_for_the_person_whose_given_name_agrees_with_it() -> None:
    text = "John Barrett and Mary Jones met on Monday. She said the plan would fail."
    barrett, jones = person(text, "John Barrett"), person(text, "Mary Jones")
    assert said(text, "en", barrett, jones) == [("the plan would fail", "Mary Jones")]


def test_an_unresolved_pronoun_does_not_fall_back_to_a_speaker_of_the_other_gender() -> None:
    text = (
        "„Die Redaktion lehnte das Interview ab“, sagte Klaus-Jürgen Bruder. In der S-Bahn "
        "spricht mich eine ältere Frau an. Im Gespräch sagt sie, dass sie zwar eine Rente "
        "bekäme, aber davon nicht genug zu essen kaufen könne."
    )
    bruder = person(text, "Klaus-Jürgen Bruder")
    speakers = [speaker for words, speaker in said(text, "de", bruder) if "Rente" in words]
    assert speakers == [None]


def test_a_name_before_a_lowercase_role_qualifies_the_role() -> None:
    text = (
        "President Barack Obama signed the order on Friday. Obama administration officials "
        "said that they had briefed the transition team. They said that Sudan had a long way "
        "to go."
    )
    obama = person_everywhere(text, "Barack Obama", "Obama")
    first, second = [speaker for _words, speaker in said(text, "en", obama)]
    assert first == "Obama administration officials"
    assert second != "Barack Obama"


def test_konjunktiv_ii_of_sollen_and_heissen_continues_reported_speech() -> None:
    text = (
        "Walter-Borjans warnte, die Beschränkungen würden zunehmend schaden. Schulen lange "
        "geschlossen zu halten, sei für Eltern und Kinder unzumutbar. Sie zu öffnen, hieße "
        "aber, „dass die Infektionsgefahr deutlich ansteigen wird“."
    )
    borjans = person(text, "Norbert Walter-Borjans", "Walter-Borjans")
    found = said(text, "de", borjans)
    wanted = ("dass die Infektionsgefahr deutlich ansteigen wird", "Norbert Walter-Borjans")
    assert wanted in found


def test_a_colon_after_a_clause_a_person_opens_introduces_the_persons_words() -> None:
    text = (
        "Bayerns Ministerpräsident Markus Söder ist sich schließlich sicher: Die Beschlüsse "
        "seien ein Meilenstein gegen das Coronavirus."
    )
    assert said(text, "de", person(text, "Markus Söder")) == [
        ("Die Beschlüsse seien ein Meilenstein gegen das Coronavirus", "Markus Söder")
    ]
    text = "Am Montag regnet es. Sehr dienlich für Merkels Politik: Die Lage sei ernst."
    assert said(text, "de", person(text, "Angela Merkel", "Merkels")) == []


def test_a_past_participle_of_a_speech_verb_reports_in_the_perfect() -> None:
    text = "Der Ökonom Stefan Homburg hat errechnet, dass der Shutdown keinen Sinn macht."
    homburg = person(text, "Stefan Homburg")
    assert said(text, "de", homburg) == [("dass der Shutdown keinen Sinn macht", "Stefan Homburg")]


def test_what_one_might_say_after_a_modal_is_no_lone_konjunktiv_report() -> None:
    text = (
        "Özil gab ein langes Interview. Fast könnte man meinen, das Interview sei direkt mit "
        "seinem Berater geführt worden."
    )
    assert said(text, "de", person(text, "Mesut Özil", "Özil")) == []


def test_a_trailing_wie_clause_with_a_time_and_a_quoted_title_reports_the_sentence() -> None:
    text = (
        "Hohe Bußgelder drohen den Denunzierten, wie am Wochenende die Sendung „Länderspiegel“ "
        "des ZDF berichtete."
    )
    [(words, speaker)] = said(text, "de", org(text, "ZDF"))
    assert words == "Hohe Bußgelder drohen den Denunzierten"
    assert speaker is not None and "ZDF" in speaker


def test_a_poll_that_discovered_reports_what_it_found() -> None:
    text = (
        "The ABC/Washington Post poll discovered that 21 percent of the people it interviewed "
        "believed that the president was a genius."
    )
    [(words, speaker)] = said(text, "en", org(text, "ABC", "ABC"))
    assert words.startswith("that 21 percent") and speaker is not None


def test_a_demand_or_an_expectation_as_the_object_of_its_verb_is_reported_speech() -> None:
    text = (
        "Tobias Lindner, Sprecher der Grünen, nennt den Vorfall besorgniserregend. Er fordert "
        "Transparenz von dem Konzern. Für das Gesamtjahr rechnet die Bundesregierung mit einem "
        "Abschwung von 5,8 Prozent. Die FDP lehnt die Pläne ab, der Kanzler hat sich dazu "
        "nicht geäußert."
    )
    lindner = person(text, "Tobias Lindner")
    found = said(text, "de", lindner, org(text, "Bundesregierung"), org(text, "FDP"))
    assert [words for words, _speaker in found] == [
        "Transparenz von dem Konzern",
        "mit einem Abschwung von 5,8 Prozent",
        "die Pläne ab",  # the particle closes the clause; the next one is not the FDP's
    ]
    speakers = [speaker or "" for _words, speaker in found]
    assert speakers[0] == "Tobias Lindner" and speakers[2] == "FDP"
    assert speakers[1].startswith("Bundesregierung")


def test_a_verb_of_demand_with_a_thing_for_subject_reports_nothing() -> None:
    text = "Der Sturm forderte drei Todesopfer. Auch die Flut forderte Opfer."
    assert said(text, "de") == []


def test_a_konjunktiv_sentence_goes_on_with_an_earlier_quotation_when_nobody_is_named_since() -> (
    None
):
    text = (
        "Die Global Times schreibt, China sei eine aufstrebende Macht. Doch das sei ein Irrtum, "
        "heißt es in dem Blatt. Ausdrücklich wird der Konflikt um Taiwan als Kriegsgrund "
        "genannt.\n\nGleichzeitig bereitet man die Bevölkerung auf einen Waffengang vor. Die "
        "Gesellschaft müsse den Mut haben, sich auf einen solchen Krieg einzulassen."
    )
    found = said(text, "de", org(text, "Global Times"))
    assert [words for words, _speaker in found][1:] == [
        "Doch das sei ein Irrtum",
        "Die Gesellschaft müsse den Mut haben, sich auf einen solchen Krieg einzulassen",
    ]
    assert found[2][1] is not None and found[2][1] == found[1][1]  # the paper's, as before


def test_when_and_to_whom_after_an_inverted_speaker_still_close_the_attribution() -> None:
    text = (
        "Bernd Lucke ist Politiker. Der AStA verkläre die Vorfälle, sagte Lucke am Samstag der "
        "Deutschen Presse-Agentur in Hamburg."
    )
    found = said(text, "de", person(text, "Bernd Lucke"), org(text, "AStA"))
    assert found == [("Der AStA verkläre die Vorfälle", "Bernd Lucke")]


def test_the_clause_after_a_claim_noun_is_the_claim_of_the_owner_named_before_it() -> None:
    text = (
        "Recep Tayyip Erdogan ist Präsident. Der Andrang nach Erdogans Ankündigung, niemanden "
        "mehr zurückhalten zu wollen, dürfte groß sein. Die Regierung hat mit der Behauptung, "
        "ein privatisiertes Gesundheitswesen sei besser, gelogen. Die Behauptung, die er "
        "aufstellte, war falsch."
    )
    erdogan = person(text, "Recep Tayyip Erdogan", "Recep Tayyip Erdogan", "Erdogans")
    found = said(text, "de", erdogan)
    assert found == [
        ("niemanden mehr zurückhalten zu wollen", "Recep Tayyip Erdogan"),
        ("ein privatisiertes Gesundheitswesen sei besser", None),  # nobody named before it
    ]  # a relative clause after the noun ("die er aufstellte") is no claim


def test_after_a_fronted_phrase_the_subject_of_a_participle_follows_the_auxiliary() -> None:
    text = (
        "Recep Tayyip Erdogan ist Präsident. Am späten Donnerstagabend hatte Erdogan bereits "
        "gedroht, syrische Flüchtlinge ungehindert nach Europa einreisen zu lassen."
    )
    erdogan = person_everywhere(text, "Recep Tayyip Erdogan", "Erdogan")
    assert said(text, "de", erdogan) == [
        ("syrische Flüchtlinge ungehindert nach Europa einreisen zu lassen", "Recep Tayyip Erdogan")
    ]
