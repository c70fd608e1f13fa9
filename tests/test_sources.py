"""Cited sources: the knowledge base (aliases, inflected forms, types, state affiliation),
cues, unknown sources, links to known outlets, and the outlet roll-up by country."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import analyze_article

from reportgen.aggregate import outlet_summary
from reportgen.analyze.quotes import extract_quotes
from reportgen.analyze.sources import extract_sources, knowledge_base, lookup_alias, lookup_domain
from reportgen.model import SOURCE_TYPES, ArticleAnalysis, Block, Link, Source, Stats


def sources_of(text: str, lang: str = "de", links: list[Link] | None = None) -> list[Source]:
    return extract_sources(text, lang, [Block("body", 0, len(text))], [], links or [])


# -- the knowledge base ------------------------------------------------------------------------
def test_knowledge_base_entries_are_well_formed() -> None:
    entries = knowledge_base()
    assert len(entries) >= 100
    names = [e.name for e in entries]
    assert len(names) == len(set(names))
    for entry in entries:
        assert entry.type in SOURCE_TYPES and entry.type != "unknown", entry.name
        assert entry.state_affiliated in (True, False, None), entry.name
        assert entry.country is None or (len(entry.country) == 2 and entry.country.isupper())


@pytest.mark.parametrize(
    ("name", "state_affiliated", "country"),
    [("TASS", True, "RU"), ("RIA Novosti", True, "RU"), ("Belta", True, "BY"),
     ("RT", True, "RU"), ("Sputnik", True, "RU"), ("Xinhua", True, "CN"),
     ("Reuters", False, "GB"), ("Associated Press", False, "US"), ("AFP", False, "FR"),
     ("dpa", False, "DE")],
)  # fmt: skip
def test_state_affiliation_of_the_agencies(name: str, state_affiliated: bool, country: str) -> None:
    entry = next(e for e in knowledge_base() if e.name == name)
    assert entry.state_affiliated is state_affiliated
    assert entry.country == country


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("der Nachrichtenagentur TASS", "TASS"),
        ("Belta-Portal", "Belta"),
        ("des Kremls", "Kremlin"),
        ("RIA Nowosti", "RIA Novosti"),
        ("RIA Nowostis Meldung", "RIA Novosti"),
        ("Russia Today", "RT"),
        ("the Associated Press", "Associated Press"),
        ("des russischen Verteidigungsministeriums", "Russian Ministry of Defence"),
        ("Weißen Hauses", "White House"),
    ],
)
def test_aliases_and_inflected_forms(text: str, canonical: str) -> None:
    entry = lookup_alias(text)
    assert entry is not None and entry.name == canonical


def test_aliases_match_whole_words_only() -> None:
    assert lookup_alias("Ratsherr") is None  # "RT" inside a word
    assert lookup_alias("the stass report") is None


def test_domains_resolve_with_subdomains() -> None:
    entry = lookup_domain("www.tass.com")
    assert entry is not None and entry.name == "TASS"
    assert lookup_domain("example.org") is None


# -- cited sources in text ---------------------------------------------------------------------
def test_cited_agency_with_its_cue() -> None:
    sources = sources_of("Laut der russischen Nachrichtenagentur TASS ist die Lage ruhig.")
    assert [(s.name, s.type, s.country, s.state_affiliated) for s in sources] == [
        ("TASS", "news_agency", "RU", True)
    ]
    assert sources[0].mentions[0].cue == "Laut"
    assert sources[0].mentions[0].text == "TASS"


def test_genitive_chain_keeps_the_cue() -> None:
    sources = sources_of("Laut Angaben der Nachrichtenagentur TASS sei alles ruhig.")
    assert sources[0].name == "TASS" and sources[0].mentions[0].cue == "Laut"


def test_belta_portal_is_cited() -> None:
    text = "„Alles läuft gut“, hieß es auf dem Internetportal der Nachrichtenagentur Belta."
    sources = sources_of(text)
    assert [s.name for s in sources] == ["Belta"]
    assert sources[0].mentions[0].cue == "auf dem Internetportal"


@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        ("According to Reuters, the talks failed.", "en", "Reuters"),
        ("The talks failed, the Associated Press reported.", "en", "Associated Press"),
        ("Citing Xinhua, the paper said the talks failed.", "en", "Xinhua"),
        ("Wie die dpa berichtete, sind die Gespräche gescheitert.", "de", "dpa"),
        ("Das berichtete das Belta-Portal am Montag.", "de", "Belta"),
        ("Dem Kreml zufolge sind die Gespräche gescheitert.", "de", "Kremlin"),
    ],
)
def test_cues_in_both_languages(text: str, lang: str, name: str) -> None:
    sources = sources_of(text, lang)
    assert [s.name for s in sources] == [name]
    assert sources[0].mentions[0].cue


def test_unknown_sources_are_kept_as_unknown_not_dropped() -> None:
    sources = sources_of("Laut ABCD gab es drei Verletzte.")
    assert [(s.name, s.type, s.country, s.state_affiliated) for s in sources] == [
        ("ABCD", "unknown", None, None)
    ]


def test_unknown_source_typed_by_its_noun() -> None:
    text = "Das meldete das Portal Ostnews unter Berufung auf die Agentur RIA Nowosti."
    sources = sources_of(text)
    by_name = {s.name: s for s in sources}
    assert by_name["Ostnews"].type == "outlet"
    assert by_name["Ostnews"].state_affiliated is None
    assert by_name["RIA Novosti"].state_affiliated is True


def test_common_nouns_and_people_are_not_sources() -> None:
    assert sources_of("Laut Experten ist das falsch.") == []


def test_a_link_cites_only_where_the_article_attributes_something_to_it() -> None:
    links = [
        Link("https://tass.com/politics/123", "tass.com", "ein Bericht"),
        Link("https://example.org/blog", "example.org", "a blog"),
    ]
    sources = sources_of(
        "Die Zahlen nannte ein Bericht, den die Agentur veröffentlichte.", links=links
    )
    assert [(s.name, s.links, s.cited) for s in sources] == [
        ("TASS", ["https://tass.com/politics/123"], True)
    ]
    share = [Link("https://tass.com/share", "tass.com", "Teilen")]
    assert sources_of("Mehr dazu im verlinkten Bericht.", links=share) == []


@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        ("Wie er im Gespräch mit dem Wirtschaftsmagazin Capital sagte, sei das falsch.", "de",
         "Capital"),
        ("Das sei falsch, sagte er der Süddeutschen Zeitung.", "de", "Süddeutsche Zeitung (SZ)"),
        ("Obama told the BBC it was distressing.", "en", "BBC"),
        ("Das zeigte am Wochenende der ZDF-Länderspiegel.", "de", "ZDF"),
        ("Die New York Times hatte darüber ausführlich geschrieben.", "de", "The New York Times"),
        ("Die Zahl stieg auf 861 (Quelle: statistika.com).", "de", "statistika.com"),
        ("The new ABC News poll came out on Friday.", "en", "ABC News"),
    ],
)  # fmt: skip
def test_outlets_cited_as_channels_or_named(text: str, lang: str, name: str) -> None:
    assert name in [s.name for s in sources_of(text, lang)]


def test_names_that_are_common_words_need_a_cue() -> None:
    assert sources_of("Der Stern leuchtet hell am Himmel.") == []
    assert [s.name for s in sources_of("Wie der Stern berichtete, ist das falsch.")] == ["Stern"]


def test_share_buttons_and_credits_are_not_sources() -> None:
    text = "Teilen auf Facebook\n\nDie Lage ist ruhig.\n\nFoto: dpa"
    blocks = [Block("boilerplate", 0, 19), Block("body", 21, 40), Block("body", 42, len(text))]
    assert extract_sources(text, "de", blocks, [], []) == []
    cited = sources_of("Das sei falsch, kritisierte Meuthen auf Facebook.")
    assert [s.name for s in cited] == ["Facebook"]


@pytest.mark.parametrize(
    ("text", "lang", "name", "kind"),
    [
        ("Es soll laut Medienberichten über 1.500 Patienten geheilt haben.", "de",
         "Medienberichte", "unknown"),
        ("Die Polizei warnt aktuell vor einem Clown.", "de", "Polizei", "government"),
        ("Two people were hurt, police said on Monday.", "en", "police", "government"),
        ("Das geht aus einem internen Protokoll der Taskforce Corona hervor.", "de",
         "internen Protokoll der Taskforce Corona", "document"),
        ("Aus Kreisen der bayerischen Staatsregierung hieß es, man prüfe das.", "de",
         "Kreisen der bayerischen Staatsregierung", "government"),
        ("Das lokale Naumburger Tageblatt sorgte sich um die Demo.", "de", "Naumburger Tageblatt",
         "outlet"),
    ],
)  # fmt: skip
def test_common_noun_and_document_sources(text: str, lang: str, name: str, kind: str) -> None:
    assert (name, kind) in [(s.name, s.type) for s in sources_of(text, lang)]


def test_a_common_noun_without_a_statement_is_no_source() -> None:
    assert sources_of("Die Polizei war mit vielen Beamten vor Ort.") == []


def test_an_organisation_whose_statement_is_reported(tmp_path: Path) -> None:
    text = (
        "Datenleck bei Rüstungskonzern\n\nDer Konzern Rheinmetall bestätigte am Dienstag den "
        "Angriff auf seine Server. Die Weltbank prognostizierte ein schwaches Wachstum.\n"
    )
    analysis = analyze_article(tmp_path, "blog/leck.txt", text)
    names = {s.name for s in analysis.sources}
    assert "Weltbank (World Bank)" in names and "Rheinmetall" in names


def test_a_party_after_a_name_and_an_organisation_after_a_preposition_are_not_cited(
    tmp_path: Path,
) -> None:
    text = (
        "Maskenpflicht\n\nInnenminister Horst Seehofer (CSU) sagte am Montag, die Lage sei ernst. "
        "Über den Abbau der Ungleichheit sei mit der Union nicht zu reden, sagte er. "
        "Die SPD forderte am Abend neue Regeln.\n"
    )
    names = {s.name for s in analyze_article(tmp_path, "blog/masken.txt", text).sources}
    assert "SPD" in names and "CSU" not in names and "Union" not in names
    text = (
        "Retirement\n\nMark Meadows said he never planned to stay in Congress long-term. "
        "The Pentagon said on Monday that the plan was ready.\n"
    )
    names = {s.name for s in analyze_article(tmp_path, "blog/retire.txt", text).sources}
    assert "Congress" not in names and any("Pentagon" in name for name in names)


def test_the_outlets_own_name_needs_a_cue(tmp_path: Path) -> None:
    text = (
        "Titel\n\nDer Spiegel hat die Recherche im Mai veröffentlicht und viel Kritik erhalten.\n"
    )
    analysis = analyze_article(tmp_path, "spiegel.de/recherche.txt", text)
    assert analysis.sources == []


def test_a_quote_names_its_cited_source() -> None:
    text = "Die Lage sei ruhig, so Präsident Putin laut der Nachrichtenagentur TASS."
    blocks = [Block("body", 0, len(text))]
    sources = extract_sources(text, "de", blocks, [], [])
    quotes = extract_quotes(text, "de", blocks, [], sources)
    assert quotes and quotes[0].source == "TASS"


# -- roll-up -----------------------------------------------------------------------------------
def _analysis(article: str, sources: list[Source]) -> ArticleAnalysis:
    return ArticleAnalysis(
        id=f"outlet/{article}", source_path=f"{article}.txt", outlet="outlet", title=article,
        authors=[], date=None, url=None, lang="de", pipeline={"name": "x", "version": "1"},
        text="", blocks=[], body="", entities=[], quotes=[], sources=sources, links=[],
        stats=Stats(blocks_by_kind={}, chars_by_kind={}, share_by_kind={}),
        warnings=[],
    )  # fmt: skip


def test_outlet_share_of_state_affiliated_sources_by_country() -> None:
    from reportgen.model import SourceMention

    def source(name: str, country: str | None, state: bool | None, n: int) -> Source:
        mentions = [SourceMention(i, i + 1, name, "laut") for i in range(n)]
        return Source(name, "news_agency", country, state, mentions)

    analyses = [
        _analysis("a", [source("TASS", "RU", True, 2), source("Reuters", "GB", False, 1)]),
        _analysis("b", [source("Belta", "BY", True, 1)]),
    ]
    summary = outlet_summary("outlet", analyses)
    assert summary["state_affiliated_share"] == 0.75
    assert summary["state_by_country"] == [
        {"country": "RU", "mentions": 2, "share": 0.5},
        {"country": "BY", "mentions": 1, "share": 0.25},
    ]


def test_links_to_the_outlets_own_site_cite_nobody(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Gipfel</title></head><body><article><h1>Gipfel in Minsk</h1>"
        "<p>Die Präsidenten trafen sich am Montag in Minsk zu langen Gesprächen über Handel.</p>"
        '<p>Mehr dazu <a href="https://de.rt.com/international/123">in unserem Archiv</a> und '
        '<a href="https://www.reuters.com/world/456">bei Reuters</a>.</p></article></body></html>'
    )
    analysis = analyze_article(tmp_path, "de.rt.com/gipfel.html", page)
    assert {link.domain for link in analysis.links} == {"de.rt.com", "reuters.com"}
    assert [s.name for s in analysis.sources if s.links] == ["Reuters"]


def test_an_address_written_in_the_text_is_a_reference() -> None:
    text = "Mehr als 40 Prozent der Firmen wären pleite https://www.focus.de/politik/pleiten.html"
    cited = sources_of(text)
    assert [(s.name, s.links) for s in cited] == [
        ("Focus", ["https://www.focus.de/politik/pleiten.html"])
    ]
    unknown = sources_of("Die Zahlen: https://www.beispielstatistik.org/daten/1")
    assert [(s.name, s.type) for s in unknown] == [("beispielstatistik.org", "web")]
    assert sources_of("Mehr unter https://t.co/64N9L6rREB") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("„Es gibt keinen Grund“, lautet die Begründung des Oberverwaltungsgericht Münster.",
         "Oberverwaltungsgericht Münster"),
        ("Die Datenschutzbehörde Nordrhein-Westfalen sagte auf Anfrage, sie wisse nichts.",
         "Datenschutzbehörde Nordrhein-Westfalen"),
    ],
)  # fmt: skip
def test_courts_and_authorities_whose_statement_is_reported(text: str, name: str) -> None:
    assert [(s.name, s.type) for s in sources_of(text)] == [(name, "government")]


def test_a_separable_cue_verb_needs_its_particle(tmp_path: Path) -> None:
    said = "Die Datenschutzbehörde Hessen teilte am Montag mit, sie prüfe den Fall."
    assert [s.name for s in sources_of(said)] == ["Datenschutzbehörde Hessen"]
    lifted = "Die Datenschutzbehörde Hessen hob die Sperrung der Akten auf."
    assert sources_of(lifted) == []


def test_the_publisher_of_a_cited_report_is_no_document(tmp_path: Path) -> None:
    text = (
        "Harbour wall\n\nThe bill could be twice the estimate, citing a report by the "
        "Environment Agency on Monday.\n"
    )
    analysis = analyze_article(tmp_path, "gazette/wall.txt", text)
    kinds = {s.name: s.type for s in analysis.sources}
    assert kinds.get("Environment Agency") == "government"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("dem Blatt. Ausdrücklich wird", "dem Blatt"),
        ("Dr. Müller sagte", "Dr. Müller"),
        ("U.S. officials said", "U.S."),
        ("Reuters Inc. said", "Reuters Inc."),
    ],
)
def test_a_cited_name_stops_at_a_sentences_full_stop(text: str, name: str) -> None:
    import re

    from reportgen.analyze.source_patterns import NAME_PATTERN

    found = re.search(NAME_PATTERN, text)
    assert found is not None
    assert found.group(0) == name


POST = (
    "Die Aufnahmen zeigen den Flugzeugträger.\n\n"
    "We took high quality pictures of this aircraft carrier pic.twitter.com/bEkQXxQq4S\n\n"
    "— Iran Observer (@IranObserver0) November 5, 2023\n\n"
    "Der Flugzeugträger befindet sich im Roten Meer."
)


def test_an_embedded_post_cites_its_account_and_its_platform() -> None:
    found = {s.name: s for s in sources_of(POST)}
    account = found["Iran Observer (@IranObserver0)"]
    assert (account.type, account.cited) == ("social", True)
    assert [(m.text, m.cue) for m in account.mentions] == [
        ("Iran Observer (@IranObserver0)", "@IranObserver0")
    ]
    assert found["Twitter"].cited and found["Twitter"].mentions[0].text == "twitter.com"
    # the platform's own shortener names it inside a post, though not as a domain anywhere else
    shortened = POST.replace("pic.twitter.com/bEkQXxQq4S", "https://t.co/bEkQXxQq4S")
    assert [m.text for m in {s.name: s for s in sources_of(shortened)}["Twitter"].mentions] == [
        "t.co"
    ]
    assert lookup_domain("t.co") is None
    # a post shown among the comments cites nothing
    blocks = [Block("body", 0, 41), Block("comments", 41, len(POST))]
    assert extract_sources(POST, "de", blocks, [], []) == []
