"""Quotation classes of real pages (issue 10): quoted words a clause's verb frames
(quotes/embedded.py), Konjunktiv after a colon, embedded posts (quotes/posts.py), a pronoun's
antecedent in its own sentence; and the cheap probe in front of the cue patterns."""

from __future__ import annotations

import re

from quotetext import org, person, quotes, view
from quotetext import said as _quotes

from reportgen.analyze.quotes.embedded import embedded_candidates
from reportgen.analyze.quotes.records import QuoteCandidate
from reportgen.analyze.source_kb import cue_patterns, find_cues
from reportgen.model import Entity, Mention
from reportgen.text.patterns import ProbedPattern, group_source


def test_quoted_words_framed_by_the_verb_are_the_subjects() -> None:
    text = (
        "Bundeskanzlerin Angela Merkel hatte die Stellungnahmen der Leopoldina als "
        "„sehr wichtig“ für kommende Entscheidungen bezeichnet. Danach kam nichts."
    )
    merkel, leopoldina = person(text, "Angela Merkel"), org(text, "Leopoldina")
    assert _quotes(text, "de", merkel, leopoldina) == [("sehr wichtig", "Angela Merkel")]


def test_an_organisation_is_the_subject_nearest_the_marks() -> None:
    text = "Die SPD las, wie der Tagesspiegel von einem „Protest vor der Volksbühne“ sprach."
    party, paper = org(text, "SPD"), org(text, "Tagesspiegel")
    assert _quotes(text, "de", party, paper) == [("Protest vor der Volksbühne", "Der Tagesspiegel")]


def test_names_terms_and_sentences_without_a_framing_verb_stay_out() -> None:
    text = (
        "Innenminister Horst Seehofer sprach in der „Bild“-Zeitung von einer „Verschlusssache“. "
        "Er las die „Berliner Zeitung“ und nannte sie die „Berliner Zeitung“. "
        "Horst Seehofer ging am Abend in ein Lokal namens „Zum grünen Baum“."
    )
    seehofer = person(text, "Horst Seehofer")
    start = text.index("Berliner Zeitung", text.index("nannte"))
    paper = Entity("Berliner Zeitung", "ORG", 1, [Mention(start, start + 16, "Berliner Zeitung")])
    assert _quotes(text, "de", seehofer, paper) == []


def test_english_keeps_quoted_words_inside_the_reported_speech() -> None:
    text = 'Barack Obama called the plan "a real disaster for the country" on Monday.'
    assert [q for q, _ in _quotes(text, "en", person(text, "Barack Obama"))] != [
        "a real disaster for the country"
    ]


def test_group_source_reads_nested_groups_classes_and_escapes() -> None:
    source = r"\b(?P<source>X)\s+(?P<cue>zu(?:folge|[)(])\)|laut)\b"
    assert group_source(source, "cue") == r"zu(?:folge|[)(])\)|laut"


def test_a_probed_pattern_finds_exactly_what_the_pattern_finds() -> None:
    pattern = re.compile(r"\b(?P<source>[A-Z]\w+)\s+(?P<cue>zufolge)\b")
    probed = ProbedPattern(pattern)
    for text in ("Dem Bericht zufolge sank die Zahl.", "Keine Quelle hier.", ""):
        assert [m.span() for m in probed.finditer(text)] == [
            m.span() for m in pattern.finditer(text)
        ]
    text = "Wie die Agentur Reuters berichtete, und der Zeitung Welt zufolge, stieg sie."
    for lang in ("de", "en"):
        expected = sorted(
            (m.start("source"), m.end("source"))
            for p in cue_patterns(lang)
            for m in p.pattern.finditer(text)
        )
        assert [(c.start, c.end) for c in find_cues(text, lang)] == expected


def test_konjunktiv_after_a_colon_reports_the_one_named_before_it() -> None:
    text = (
        "Recherchen sind schwierig, und am Montag kommt eine Mail von Claas Relotius an die "
        "Leitung: Die meisten Gruppen seien verschlossen gegenüber Journalisten."
    )
    assert _quotes(text, "de", person(text, "Claas Relotius")) == [
        ("Die meisten Gruppen seien verschlossen gegenüber Journalisten", "Claas Relotius")
    ]
    # a clause that names someone but no message or speech does not introduce their words
    text = "Sehr dienlich für Merkels Politik: Die Zahlen seien nicht ersichtlich."
    assert _quotes(text, "de", person(text, "Merkel")) == []


def test_an_embedded_post_is_a_quotation_of_the_account_that_signed_it() -> None:
    text = (
        "Wie ein Video zeigt, können Drohnen über Flugzeugträger fliegen. Das wäre gefährlich, "
        "schreiben Beobachter seit Jahren in vielen langen Analysen, die kaum jemand liest, "
        "weil sie lang sind und weil das Thema in der Öffentlichkeit wenig Beachtung findet, "
        "obwohl es um Sicherheit, Geld und die Lage in einer ganzen Region geht, sagen sie.\n\n"
        "Wow! Iranian drone gets close to US aircraft carrier.\n\n"
        "How hard would it be to drop a bomb? pic.twitter.com/abc123\n\n"
        "— S.L. Kanthan (@Kanthan2030) November 5, 2023\n\n"
        "Der Flugzeugträger befindet sich in der Region."
    )
    posts = [q for q in quotes(text, "de") if q.cue == "@Kanthan2030"]
    assert [(q.kind, q.speaker) for q in posts] == [("direct", "S.L. Kanthan")]
    assert posts[0].text.startswith("Wow! Iranian drone") and posts[0].text.endswith("abc123")


def test_a_pronoun_takes_the_one_person_named_before_it_in_its_sentence() -> None:
    text = (
        "Angela Merkel sprach gestern lange über Notstände. Das wusste schon Carl Schmitt, als "
        "er sagte: „Souverän ist, wer über den Ausnahmezustand bestimmt.“"
    )
    merkel, schmitt = person(text, "Angela Merkel"), person(text, "Carl Schmitt")
    [(_, speaker)] = _quotes(text, "de", merkel, schmitt)
    assert speaker == "Carl Schmitt"


def test_a_phrase_apposed_to_a_persons_name_is_that_person() -> None:
    text = (
        "Anthony Fauci, Direktor des National Institute of Allergy and Infectious Diseases, "
        "erklärte im April, es gäbe keine Rückkehr zur Normalität ohne Impfungen."
    )
    fauci = person(text, "Anthony Fauci")
    institute = org(text, "National Institute of Allergy and Infectious Diseases")
    [(_, speaker)] = _quotes(text, "de", fauci, institute)
    assert speaker == "Anthony Fauci"


def test_framed_words_inside_any_earlier_candidate_are_not_found_again() -> None:
    """The coverage test looks at every candidate, not only the last to start: a short one
    nested in a long one must not hide the long one's reach."""
    text = "Olaf Scholz sagte, der Plan sei „unzumutbar“ und er nannte ihn „völlig verfehlt“."
    v = view(text, "de", person(text, "Olaf Scholz"))
    start = text.index("unzumutbar")
    long = QuoteCandidate(18, len(text) - 1, "indirect", "reported", "sagte", None, True)
    short = QuoteCandidate(start, start + 10, "direct", "partial", "sagte", None, True)
    assert list(embedded_candidates(v, [long])) == []
    assert list(embedded_candidates(v, [long, short])) == []
    assert [text[c.start : c.end] for c in embedded_candidates(v, [short])] == ["völlig verfehlt"]


def test_the_words_themselves_are_no_speaker_the_context_names_one() -> None:
    text = (
        "Der Virologe Christian Drosten sprach am Montag mit Reportern. Die Zahl der Ansteckungen "
        "sei den Angaben zufolge stark zurückgegangen. Die Lage sei ernst, lautet sein Fazit."
    )
    drosten = person(text, "Christian Drosten")
    speakers = {q.text: q.speaker for q in quotes(text, "de", drosten)}
    assert "Angaben" not in speakers.values() and "Fazit" not in speakers.values()
    assert speakers["Die Lage sei ernst"] == "Christian Drosten"


def test_the_one_spoken_to_after_gegenueber_is_no_speaker() -> None:
    text = (
        "Das widerspricht Christian Drosten, der vor einer Pandemie warnt, aber gegenüber "
        "Capital betont, „Alarmismus zu vermeiden“. Danach kam nichts."
    )
    drosten, capital = person(text, "Christian Drosten"), org(text, "Capital")
    speakers = {q.text: q.speaker for q in quotes(text, "de", drosten, capital)}
    assert speakers["Alarmismus zu vermeiden"] == "Christian Drosten"


def test_a_kicker_before_a_headline_is_no_speaker_label() -> None:
    text = "Deutschlandtakt: Flixbus attackiert Deutsche Bahn\n\nMerkel: Wir schaffen das bald.\n"
    bahn, merkel = org(text, "Deutsche Bahn"), person(text, "Angela Merkel", "Merkel")
    assert _quotes(text, "de", bahn, merkel) == [("Wir schaffen das bald", "Angela Merkel")]


def test_drohte_attributes_the_quotation_it_follows_and_nothing_else() -> None:
    text = (
        "„Dann wird es ein einsames Weihnachten“, drohte der bayerische Ministerpräsident "
        "Markus Söder. Ein Clown droht, Kindern die Süßigkeiten wegzunehmen."
    )
    soeder = person(text, "Markus Söder")
    expected = [("Dann wird es ein einsames Weihnachten", "Markus Söder")]
    assert _quotes(text, "de", soeder) == expected


def test_what_one_could_say_is_no_quotation() -> None:
    text = (
        "Man könnte zynisch sagen, dass sie perfekt grauenhaft ist. Der Minister sagte, dass "
        "die Lage ernst sei."
    )
    assert [q.text for q in quotes(text, "de")] == ["dass die Lage ernst sei"]


def test_den_angaben_zufolge_are_the_words_of_the_source_cited_before() -> None:
    from reportgen.analyze.quotes import find_candidates, resolve_speakers
    from reportgen.analyze.quotes.view import article_view
    from reportgen.model import Block, Source, SourceMention

    text = (
        "Auf der Website des Staatssenders CCTV werden gute Nachrichten vermeldet: Die Zahl der "
        "Ansteckungen ist den Angaben zufolge stark zurückgegangen. Das gibt Hoffnung."
    )
    at = text.index("CCTV")
    cctv = Source("CCTV", "outlet", "CN", True, [SourceMention(at, at + 4, "CCTV", None)])
    v = article_view(text, "de", [Block("body", 0, len(text))], [], [cctv])
    [quote] = resolve_speakers(find_candidates(v), v, [cctv])
    assert "Die Zahl der Ansteckungen" in quote.text
    assert quote.speaker == "CCTV"


def test_demnach_reports_who_spoke_or_was_named_just_before() -> None:
    text = (
        "Ein Gremium der Leopoldina hat am Montag empfohlen, die Einschränkungen zu lockern. "
        "Vor allem die Schulen sollen demnach möglichst schnell wieder öffnen."
    )
    found = quotes(text, "de", org(text, "Leopoldina"))
    assert [(q.text, q.speaker, q.speaker_mention.text) for q in found] == [
        ("Vor allem die Schulen sollen demnach möglichst schnell wieder öffnen", "Leopoldina",
         "demnach"),
    ]  # fmt: skip
    assert found[0].speaker_reason == "„demnach“ → Leopoldina (named before)"
    text = (
        "Die Polizei hat am Abend die Straße gesperrt. Richard Dearlove sagte der Zeitung, "
        "das Virus sei nicht natürlich entstanden. Demnach begann der Ausbruch als Experiment."
    )
    found = quotes(text, "de", org(text, "Polizei"), person(text, "Richard Dearlove"))
    assert [(q.speaker, q.speaker_mention.text) for q in found][-1] == (
        "Richard Dearlove", "Demnach"
    )
    # without anyone speaking or named before it, "demnach" is the author's conclusion
    text = "Die Tage werden kürzer. Demnach wird es früher dunkel."
    assert quotes(text, "de") == []


def test_a_pronoun_after_a_subheading_is_not_the_speaker_of_the_section_before() -> None:
    said = "Der Datenschützer Johannes Caspar sagte, die Meldung müsse binnen drei Tagen erfolgen."
    filler = " Die Fristen gelten für alle Unternehmen, die Daten ihrer Kunden verarbeiten." * 5
    after = (
        "Reporter fanden die Person, die die Daten veröffentlicht hat. "
        "Er sagt, dass er aus Protest gehandelt habe."
    )
    for between, speaker in (("\n\n", "Johannes Caspar"),
                             ("\n\nDaten aus Protest veröffentlicht\n\n", None)):  # fmt: skip
        text = said + filler + between + after
        found = quotes(text, "de", person(text, "Johannes Caspar"))
        assert [(q.text, q.speaker) for q in found][-1] == (
            "dass er aus Protest gehandelt habe", speaker
        )


def test_a_bare_plural_is_experts_at_large_not_the_studys_authors() -> None:
    text = (
        "Das Institut CEBR hat eine Studie vorgelegt. Laut Experten wächst die Wirtschaft "
        "langsamer. Die Autoren der Studie sagten, China wachse schneller."
    )
    assert _quotes(text, "de", org(text, "CEBR")) == [
        ("wächst die Wirtschaft langsamer", "Experten"),
        ("China wachse schneller", "CEBR"),
    ]


def test_a_platform_is_no_source_that_speaks_its_statement() -> None:
    from reportgen.analyze.quotes import find_candidates, resolve_speakers
    from reportgen.analyze.quotes.view import article_view
    from reportgen.model import Block, Source, SourceMention

    text = (
        "Die Zeitung Bild berichtete über die Studie. Ausgewertet wurden dafür auch "
        "Twitter-Nachrichten. Die Lage sei ernst, lautet das Resümee."
    )

    def cited(name: str, kind: str) -> Source:
        start = text.index(name)
        return Source(name, kind, None, None, [SourceMention(start, start + len(name), name, None)])

    v = article_view(text, "de", [Block("body", 0, len(text))], [],
                     [cited("Bild", "outlet"), cited("Twitter", "social")])  # fmt: skip
    found = resolve_speakers(find_candidates(v), v, [])
    assert [(q.text, q.speaker) for q in found] == [("Die Lage sei ernst", "Bild")]
