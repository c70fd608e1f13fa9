"""Authors: metadata cleaned of the site and its owner, bylines on their own line or inside a
paragraph, trafilatura's byline element, and a byline inside the article over the metadata."""

from __future__ import annotations

from pathlib import Path

from conftest import analyze_article

from reportgen.analyze.bylines import inline_byline
from reportgen.text.authors import clean_authors


def test_repeats_site_names_owners_and_places_are_not_authors() -> None:
    assert clean_authors(["Jeffrey Gettleman", "JEFFREY GETTLEMAN"]) == ["Jeffrey Gettleman"]
    assert clean_authors(["Tagesschau De"], None, ("tagesschau.de",)) == []
    assert clean_authors(["SPIEGEL ONLINE", "Hamburg", "Germany"], None, ("spiegel.de",)) == []
    owner = ["Frankfurter Allgemeine Zeitung GmbH", "Benjamin Fischer", "Marcus Theurer"]
    assert clean_authors(owner) == ["Benjamin Fischer", "Marcus Theurer"]
    assert clean_authors(["Markus Balser", "Berlin"]) == ["Markus Balser"]
    assert clean_authors(["No Author"]) == []


def test_an_outlet_beside_people_produced_the_piece() -> None:
    names = ["Volkmar Kabisch", "Benedikt Strunz", "NDR"]
    assert clean_authors(names) == ["Volkmar Kabisch", "Benedikt Strunz"]
    assert clean_authors(["dpa"]) == ["dpa"]  # an agency alone is the credit


def test_a_byline_inside_a_paragraph_needs_a_given_name() -> None:
    text = "Das sei sinnlos, wenn das Risiko höher ist.“ Von Niki Vogt\nDas Gericht entschied."
    assert inline_byline("de", text) == ["Niki Vogt"]
    assert inline_byline("de", "Er fuhr los. Von Berlin Mitte aus ging es weiter.") == []


def test_lowercase_von_byline_between_lead_and_body(tmp_path: Path) -> None:
    text = (
        "Die Stadt Essen macht vor, wie praktisch die Digitalisierung der Behörden sein kann.\n\n"
        "von Roland Tichy\n\n"
        "Gute Nachrichten für alle Denunzianten, die in der Stadt Essen wohnen und gern anzeigen.\n"
    )
    analysis = analyze_article(tmp_path, "blog/essen.txt", text)
    assert analysis.authors == ["Roland Tichy"]
    assert [b.kind for b in analysis.blocks] == ["lead", "byline", "body"]


def test_byline_with_a_date_is_not_a_title(tmp_path: Path) -> None:
    text = (
        "Council approves the new harbour budget\n\nBy Jane Doe | March 3, 2024\n\n"
        "The council approved the budget on Monday after a long debate about the harbour.\n"
    )
    analysis = analyze_article(tmp_path, "blog/council.txt", text)
    assert analysis.title == "Council approves the new harbour budget"
    assert analysis.authors == ["Jane Doe"]


def test_the_pages_byline_element_as_trafilatura_reads_it(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Die Lage</title></head><body>"
        '<div id="author_header">Gunter Frank</div><article><h1>Die Lage</h1><p>Die Zahlen des '
        "Instituts zeigen seit Wochen einen klaren Rückgang der Ansteckungen im Land.</p>"
        "</article></body></html>"
    )
    assert analyze_article(tmp_path, "achgut.com/lage.html", page).authors == ["Gunter Frank"]


def test_a_byline_inside_the_article_beats_the_metadata(tmp_path: Path) -> None:
    page = (
        '<html><head><title>Kritik</title><meta name="author" content="Paul Soldan"></head>'
        "<body><article><h1>Kritik</h1><p>„Es gibt mehr Kritiker der Pandemiepolitik als "
        "vermutet“, sagt die Autorin im Gespräch.</p><p>Ein Interview von Eugen Zentner mit "
        "Sonja Silberhorn.</p><p>Die Autorin hat einen Kriminalroman geschrieben, der sich mit "
        "der Pandemie und ihren Folgen beschäftigt und viel gelesen wird.</p>"
        "</article></body></html>"
    )
    analysis = analyze_article(tmp_path, "apolut.net/interview.html", page)
    assert analysis.authors == ["Eugen Zentner"]


def test_page_byline_reads_as_trafilatura_without_copying_the_page() -> None:
    from trafilatura.metadata import extract_author
    from trafilatura.utils import load_html

    from reportgen.ingest.byline import page_byline

    pages = [
        '<html><body><div class="comments"><span class="author">Leser Eins</span></div>'
        '<p><span class="author">Anna Berger <time>3. Mai</time></span></p></body></html>',
        '<html><body><a rel="author" href="/a">Jane Doe</a><p>Text</p></body></html>',
        "<html><body><p>No byline here at all.</p></body></html>",
    ]
    for page in pages:
        assert page_byline(load_html(page)) == extract_author(load_html(page))
    assert page_byline(load_html(pages[0])) == "Anna Berger"


def test_a_post_meta_item_that_is_a_name_is_the_author_where_the_markup_names_the_site(
    tmp_path: Path,
) -> None:
    page = (
        "<html lang='de'><head><title>Wochenrückblick</title>"
        "<meta name='author' content='Rheinblick Online'>"
        "<meta property='og:site_name' content='Rheinblick Online'></head><body><article>"
        "<h1>Wochenrückblick</h1><ul class='elementor-post-info'>"
        "<li><span class='elementor-post-info__item--type-date'>19. Oktober 2019</span></li>"
        "<li><span class='elementor-post-info__item elementor-post-info__item--type-custom'>"
        "Boris T. Kaiser</span></li>"
        "<li><span class='elementor-post-info__item--type-comments'>1 Kommentar</span></li>"
        "</ul><p>" + "Die Woche war lang und voller Nachrichten aus der Stadt. " * 8 + "</p>"
        "</article></body></html>"
    )
    article = "rheinblick/rueckblick.html"
    assert analyze_article(tmp_path, article, page).authors == ["Boris T. Kaiser"]
    # a meta item that is no person's name (a date, a count, a category) is never an author
    page = page.replace("Boris T. Kaiser", "Lokales Stadt")
    assert analyze_article(tmp_path, article, page).authors == []
