"""Second round on real pages: roles that stand before a name, mixed quote marks, answers and
quotations whose marks went missing. Small strings, real outcomes."""

from __future__ import annotations

import re

from quotetext import person, quotes, span_of, view

from reportgen.analyze.quotes import find_candidates, find_direct_spans, resolve_speakers
from reportgen.analyze.quotes.resolve import resolve_mention
from reportgen.analyze.quotes.view import ArticleView, article_view
from reportgen.model import Block, Entity, Mention, Span


# -- roles -------------------------------------------------------------------------------------
def test_a_word_elsewhere_in_the_sentence_is_no_title_of_the_name() -> None:
    text = "Sanctions on Sudan will be lifted, President Barack Obama decided. Sudan said no."
    v = view(text, "en", person(text, "Barack Obama"))
    last = text.rindex("Sudan")
    assert resolve_mention(v, Span(last, last + 5, "Sudan")).name == "Sudan"
    text = "President Barack Obama spoke. The president said he would go on."
    v = view(text, "en", person(text, "Barack Obama"))
    assert resolve_mention(v, span_of(text, "The president")).name == "Barack Obama"


def test_an_indefinite_role_is_somebody_the_article_does_not_name() -> None:
    text = "Der Sprecher Tobias Lindner nennt den Vorfall ernst. Das sei gelöst, so ein Sprecher."
    v = view(text, "de", person(text, "Tobias Lindner"))
    assert resolve_mention(v, span_of(text, "ein Sprecher")).name != "Tobias Lindner"
    assert resolve_mention(v, span_of(text, "Der Sprecher")).name == "Tobias Lindner"


# -- marks -------------------------------------------------------------------------------------
def test_a_straight_and_a_curly_double_mark_close_each_other() -> None:
    text = 'The timing raises "great suspicion,” Woodard said, though he had no proof.'
    [span] = find_direct_spans(text)
    assert text[span.start : span.end] == "great suspicion,"
    [quote] = [q for q in quotes(text, "en", person(text, "Woodard")) if q.kind == "direct"]
    assert quote.text == "great suspicion," and quote.speaker == "Woodard"


# -- interviews --------------------------------------------------------------------------------
INTERVIEW = (
    "Interview mit der Autorin Sonja Silberhorn\n\n"
    "Ein Interview von Eugen Zentner mit Sonja Silberhorn.\n\n"
    "Frau Silberhorn, Ihr Verlag hat das Manuskript abgelehnt. Warum?\n\n"
    "Die Entscheidung hat zwei Gründe. Der Verlag wollte das Thema nicht.\n\n"
    "Der zweite Punkt ist die Haltung des Textes zu den Maßnahmen.\n\n"
    "Welche Reaktionen haben Sie erhalten?\n\n"
    "Sehr viele und zum Teil auch sehr berührende Reaktionen von Lesern.\n\n"
    "+++\n\n"
    "Wir danken der Autorin für das Recht zur Veröffentlichung dieses Beitrags."
)


def interview_view() -> ArticleView:
    byline_start = INTERVIEW.index("Ein Interview")
    byline_end = INTERVIEW.index("\n\n", byline_start)
    blocks = [
        Block("title", 0, byline_start - 2),
        Block("byline", byline_start, byline_end),
        Block("body", byline_end + 2, len(INTERVIEW)),
    ]
    entities = [
        Entity("Sonja Silberhorn", "PER", 2, [
            Mention(m, m + 16, "Sonja Silberhorn")
            for m in (INTERVIEW.index("Sonja"), INTERVIEW.rindex("Sonja Silberhorn"))
        ], id="per-sonja-silberhorn"),
        Entity("Silberhorn", "PER", 1, [
            Mention(INTERVIEW.index("Silberhorn,"), INTERVIEW.index("Silberhorn,") + 10,
                    "Silberhorn")
        ]),
        Entity("Eugen Zentner", "PER", 1, [
            Mention(INTERVIEW.index("Eugen"), INTERVIEW.index("Eugen") + 13, "Eugen Zentner")
        ]),
    ]  # fmt: skip
    return article_view(INTERVIEW, "de", blocks, entities, [])


def test_the_answers_of_an_interview_are_the_interviewees_words() -> None:
    v = interview_view()
    answers = [q for q in resolve_speakers(find_candidates(v), v, []) if q.kind == "direct"]
    assert [q.text[:20] for q in answers] == ["Die Entscheidung hat", "Sehr viele und zum T"]
    first, second = answers
    assert first.text.endswith("zu den Maßnahmen") and len(first.segments) == 2
    assert {q.speaker for q in answers} == {"Sonja Silberhorn"}
    assert first.speaker_reason == "interview answer: the person interviewed"
    assert "Wir danken" not in second.text


def test_the_person_asked_outweighs_a_name_the_text_repeats() -> None:
    """A mistagged word ("Corona" as a person) named more often than the interviewee does not
    become the one interviewed: the name in the questions is the person asked."""
    lead = "Die Autorin Sonja Silberhorn schrieb über Corona. Corona, Corona und Corona.\n\n"
    text = (
        "Ein Interview mit Sonja Silberhorn\n\n" + lead
        + "Frau Silberhorn, Ihr Verlag hat das Manuskript abgelehnt. Warum?\n\n"
        + "Die Entscheidung hat zwei Gründe. Der Verlag wollte das Thema nicht.\n\n"
        + "Welche Reaktionen haben Sie erhalten?\n\n"
        + "Sehr viele und zum Teil auch sehr berührende Reaktionen von Lesern.\n\n"
    )
    def entity(name: str, surface: str) -> Entity:
        found = [Mention(m.start(), m.end(), surface) for m in re.finditer(surface, text)]
        return Entity(name, "PER", len(found), found, id="per-" + name.lower().replace(" ", "-"))

    corona, silberhorn = entity("Corona", "Corona"), entity("Sonja Silberhorn", "Silberhorn")
    v = article_view(text, "de", [Block("body", 0, len(text))], [corona, silberhorn], [])
    quotes = resolve_speakers(find_candidates(v), v, [])
    answers = [q for q in quotes if q.speaker_reason and q.speaker_reason.startswith("interview")]
    assert len(answers) == 2
    assert {q.speaker for q in answers} == {"Sonja Silberhorn"}


def test_a_pull_quote_takes_the_speaker_of_its_words_in_the_text() -> None:
    pull = "Es gibt offensichtlich mehr krimilesende Kritiker der Pandemiepolitik als vermutet"
    text = (
        f"„{pull}.“\n\nDie Autorin hat ein Buch geschrieben.\n\n"
        f"„Die Reaktionen haben mich erstaunt. {pull}“, sagte Sonja Silberhorn."
    )
    v = view(text, "de", person(text, "Sonja Silberhorn"))
    teaser, said = [q for q in resolve_speakers(find_candidates(v), v, []) if q.kind == "direct"]
    assert said.speaker == "Sonja Silberhorn"
    assert teaser.speaker == "Sonja Silberhorn" and teaser.speaker_mention is None
    assert teaser.speaker_reason.startswith("the same words quoted again")
    # words that are not quoted again elsewhere keep nobody named
    other = text.replace("krimilesende", "viele", 1)
    v = view(other, "de", person(other, "Sonja Silberhorn"))
    teaser = resolve_speakers(find_candidates(v), v, [])[0]
    assert teaser.speaker is None


def test_a_party_or_person_qualifying_a_compound_is_not_the_speaker() -> None:
    text = (
        "Robert Habeck wirbt bei der Industrie der Grünen für den Plan. Der Grünen-Politiker "
        "sagte, die Hängepartie sei schlecht."
    )
    start = text.index("Grünen-Politiker")
    greens = Entity("Grünen", "ORG", 1, [Mention(start, start + 6, "Grünen")], id="org-gruene")
    v = view(text, "de", person(text, "Robert Habeck"), greens)
    reported = next(q for q in resolve_speakers(find_candidates(v), v, []) if q.kind == "indirect")
    assert reported.speaker == "Robert Habeck"


def test_questions_without_an_announced_interview_are_rhetorical() -> None:
    text = INTERVIEW.replace("Interview", "Gedanken")
    v = article_view(text, "de", [Block("body", 0, len(text))], [], [])
    assert not [q for q in find_candidates(v) if q.finder == "interview"]


# -- a lost opening mark -------------------------------------------------------------------------
def test_a_paragraph_that_lost_its_opening_mark_is_a_quotation_when_attributed() -> None:
    text = (
        "Das Papier sei verwässert worden.\n"
        'Ich glaube, dass das als ein Unfall begann", zeigte sich Richard Dearlove überzeugt.\n'
        'Eine Meinung, so wie man sie kennt", und mehr nicht.'
    )
    found = quotes(text, "de", person(text, "Richard Dearlove"))
    direct = [q for q in found if q.kind == "direct"]
    assert [q.text for q in direct] == ["Ich glaube, dass das als ein Unfall begann"]
    assert direct[0].speaker == "Richard Dearlove"


# -- anonymous attributions that name where the words stand ---------------------------------------
def test_heisst_es_in_dem_papier_is_the_organisation_whose_paper_it_is() -> None:
    text = (
        "Die Stellungnahme der Leopoldina liegt vor. Dann aber könne der Einzelhandel "
        "wieder öffnen, heißt es in dem Papier. Die Lage bleibe ernst, hieß es."
    )
    start = text.index("Leopoldina")
    leopoldina = Entity("Leopoldina", "ORG", 1, [Mention(start, start + 10, "Leopoldina")])
    first, second = quotes(text, "de", leopoldina)
    assert first.speaker == "Leopoldina" and first.speaker_mention.text == "dem Papier"
    assert first.speaker_reason == "„dem Papier“ of Leopoldina"
    assert second.speaker_mention is None  # "hieß es" alone names nobody


def test_laut_verfassung_is_no_publisher() -> None:
    from reportgen.analyze.quotes.mentions import definite_document

    text = "Laut Verfassung sei das verboten, heißt es in dem Papier, so eine E-Mail."
    v = view(text, "de")
    assert definite_document(v, span_of(text, "dem Papier"))
    assert not definite_document(v, span_of(text, "Verfassung"))
    assert not definite_document(v, span_of(text, "eine E-Mail"))


# -- speech verbs the lists lacked -----------------------------------------------------------------
def test_verbs_of_courts_and_complaints_attribute_reported_speech() -> None:
    text = "Die Kläger monieren, dass nur dann eine Entschädigung bezahlt wird."
    [quote] = quotes(text, "de")
    assert quote.kind == "indirect" and quote.speaker == "Kläger"
    text = "Diese Entscheidung beziehe sich nur auf diesen Kläger, ließ das Gericht wissen."
    [quote] = quotes(text, "de")
    assert quote.speaker == "Gericht" and quote.text.startswith("Diese Entscheidung")
    text = "„Das Risiko sei nicht anders, als wenn er daheim wäre“, lautet die Begründung."
    [quote] = quotes(text, "de")
    assert quote.kind == "direct" and quote.cue == "lautet"


# -- statement nouns and one's own account --------------------------------------------------------
def test_a_study_of_an_organisation_speaks_for_the_organisation() -> None:
    from reportgen.analyze.quotes.names import bare_name

    text = "China wachse, so eine aktuelle Studie des CEBR. Laut Angaben des Konzerns nicht."
    v = view(text, "de")
    assert bare_name(v, span_of(text, "eine aktuelle Studie des CEBR")) == "CEBR"
    assert bare_name(v, span_of(text, "Angaben des Konzerns")) == "Konzerns"


def test_by_ones_own_account_is_the_sentence_subjects_word_or_nobodys() -> None:
    text = (
        "Geoffrey Berman wurde nach eigener Aussage aus dem Amt gedrängt. "
        "Die Daten seien nach eigenen Angaben gestohlen worden."
    )
    found = quotes(text, "de", person(text, "Geoffrey Berman"))
    first = next(q for q in found if q.start < text.index("Die Daten"))
    assert first.speaker == "Geoffrey Berman"
    assert first.speaker_reason == "„eigener Aussage“: the words of Geoffrey Berman"
    second = next(q for q in found if q.start >= text.index("Die Daten"))
    assert second.speaker is None


# -- the page's own lists and labels ---------------------------------------------------------------
def test_a_table_row_is_no_speaker_label() -> None:
    text = "SPD: 32 (entspricht 45,1%)\n"
    assert not [c for c in find_candidates(view(text, "de")) if c.finder == "label"]
    text = "SPD: Wir werden diesem Gesetz nicht zustimmen.\n"
    [label] = [c for c in find_candidates(view(text, "de")) if c.finder == "label"]
    assert label.mention.text == "SPD"


def test_an_indefinite_or_a_document_is_no_description_of_the_person_before() -> None:
    text = "Donald Trump spoke. The poll found that most voters disagreed. An aide added more."
    v = view(text, "en", person(text, "Donald Trump"))
    assert resolve_mention(v, span_of(text, "The poll")).name != "Donald Trump"
    text = "Claas Relotius schrieb viel. Eine fatale Sucht, glauben Kritiker, sei das gewesen."
    v = view(text, "de", person(text, "Claas Relotius", "Relotius"))
    assert resolve_mention(v, span_of(text, "Eine fatale Sucht")).name != "Claas Relotius"
    text = "Minister Robert Habeck wirbt. Der Grünen-Politiker sagte, das sei schlecht."
    v = view(text, "de", person(text, "Robert Habeck"))
    assert resolve_mention(v, span_of(text, "Der Grünen-Politiker")).name == "Robert Habeck"


# -- a list of points after "X said:" ------------------------------------------------------------
def test_the_points_listed_after_said_colon_are_the_speakers_reported_words() -> None:
    text = (
        "In a wide-ranging interview, President Barack Obama also said:\n\n"
        "The UK must stay in the EU to have influence on the world stage\n\n"
        "He is confident the Iran nuclear deal will be passed by Congress\n\n"
        "Mr Obama lands in Kenya later on Friday for his first visit since becoming president, "
        "and the visit has been planned for many months by his staff and by the government in "
        "Nairobi, which expects large crowds in the capital and along the roads to the airport "
        "on the evening of his arrival there, when the motorcade will drive through the city."
    )
    found = quotes(text, "en", person(text, "Barack Obama"))
    listed = [q for q in found if q.cue == "said"]
    assert [q.text[:12] for q in listed] == ["The UK must ", "He is confid"]
    assert {q.speaker for q in listed} == {"Barack Obama"} and listed[0].kind == "indirect"
    assert not any(q.text.startswith("Mr Obama lands") for q in found)


def test_one_paragraph_after_a_colon_is_no_list() -> None:
    text = "Sie sagte:\n\nDas ist ein Satz.\n\n„Und das ist ein Zitat von ihr, sagte sie dann.“"
    assert not [q for q in quotes(text, "de") if q.kind == "indirect" and q.cue == "sagte"]


# -- names in quotation marks, Konjunktiv of more verbs -------------------------------------------
def test_a_name_quoted_inside_the_attribution_is_no_part_of_the_quotation() -> None:
    text = (
        "Die SPD will nicht koalieren, „weil mit der Union nicht zu reden ist“, sagt der "
        "SPD-Vorsitzende Norbert Walter-Borjans dem „Spiegel“. Das vertrete er schon lange "
        "gemeinsam mit seiner Co-Vorsitzenden."
    )
    v = view(text, "de", person(text, "Norbert Walter-Borjans"))
    quotes = resolve_speakers(find_candidates(v), v, [])
    assert not [q for q in quotes if "Spiegel" in q.text]
    assert {q.speaker for q in quotes} == {"Norbert Walter-Borjans"}
    # the Konjunktiv of a verb outside the short list still goes on with the speaker
    assert any(q.text.startswith("Das vertrete er") for q in quotes)


def test_an_interrupted_quotation_still_joins_across_its_attribution() -> None:
    text = "„Wir liefern“, sagte Olaf Scholz, „und zwar sofort.“"
    v = view(text, "de", person(text, "Olaf Scholz"))
    [quote] = resolve_speakers(find_candidates(v), v, [])
    assert quote.segments and len(quote.segments) == 2 and quote.speaker == "Olaf Scholz"


def test_reported_words_before_a_colon_and_the_quotation_they_introduce() -> None:
    text = (
        "Robert Habeck sagte am Dienstag auf einer Konferenz in Berlin, die Hängepartie sei "
        "schlecht für die Unternehmen: „Ich bin auch nicht zufrieden damit.“"
    )
    v = view(text, "de", person(text, "Robert Habeck"))
    reported, said = resolve_speakers(find_candidates(v), v, [])
    assert reported.kind == "indirect" and reported.text.endswith("für die Unternehmen")
    assert said.kind == "direct" and reported.speaker == said.speaker == "Robert Habeck"
    # an attribution before the colon is no report of its own
    text = (
        "Der Abgeordnete Marcel Luthe, der die Anfrage gestellt hatte, sagte der Zeitung: "
        "„Jeder einzelne dieser Fälle ist einer zu viel.“"
    )
    v = view(text, "de", person(text, "Marcel Luthe"))
    [said] = resolve_speakers(find_candidates(v), v, [])
    assert said.kind == "direct" and said.speaker == "Marcel Luthe"


def test_quoted_words_and_names_inside_reported_speech_are_terms() -> None:
    text = (
        "Olaf Scholz sagte, das Papier sei eine „Verschlusssache“ der „Taskforce Corona“, der "
        "Plan sei „unzumutbar“ und „für die Länder nicht zu stemmen“."
    )
    v = view(text, "de", person(text, "Olaf Scholz"))
    partial = [q.text for q in resolve_speakers(find_candidates(v), v, []) if q.kind == "direct"]
    assert partial == ["für die Länder nicht zu stemmen"]


def test_quoted_titles_and_names_are_no_quotations() -> None:
    text = (
        "Wie die Sendung „Länderspiegel“ berichtete, stieg die Zahl. Max Ottes Bestseller "
        "»Weltsystemcrash« beschreibt die Risiken. „Nein“, sagte Relotius."
    )
    v = view(text, "de", person(text, "Claas Relotius", "Relotius"))
    direct = [q.text for q in resolve_speakers(find_candidates(v), v, []) if q.kind == "direct"]
    assert direct == ["Nein"]


def test_quotations_in_teasers_of_other_articles_are_not_the_articles() -> None:
    text = (
        "„Wir liefern sofort und ohne jede Verzögerung“, sagte Olaf Scholz.\n\n"
        "Mehr zum Thema: „Die Lage ist ernst und wird noch ernster“, sagt Anna Berg"
    )
    teaser = text.index("Mehr zum Thema")
    blocks = [Block("body", 0, teaser - 2), Block("related", teaser, len(text))]
    entities = [person(text, "Olaf Scholz"), person(text, "Anna Berg")]
    v = article_view(text, "de", blocks, entities, [])
    assert [q.speaker for q in resolve_speakers(find_candidates(v), v, [])] == ["Olaf Scholz"]
    # the same words in the body are the article's
    v = article_view(text, "de", [Block("body", 0, len(text))], entities, [])
    speakers = [q.speaker for q in resolve_speakers(find_candidates(v), v, [])]
    assert speakers == ["Olaf Scholz", "Anna Berg"]
