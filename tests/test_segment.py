"""Segmentation: every block kind in German and English, the seed's blocks, comment sections,
HTML pages (an appeal inside <article>, a WordPress comment section), the outlet fingerprint."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import write_file
from typer.testing import CliRunner

from reportgen.aggregate import outlet_summary
from reportgen.analyze import analyze
from reportgen.analyze.fingerprint import outlet_fingerprint
from reportgen.analyze.segment import BODY_KINDS, segment
from reportgen.build import analyze_corpus
from reportgen.cli import app
from reportgen.contract import validate
from reportgen.ingest import read_file
from reportgen.model import ArticleAnalysis, Document
from reportgen.text.dates import infer_date, parse_date

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "corpus" / "ostwind-kurier" / "000_01257365a1ad734e.txt"


def _doc(text: str, lang: str, title: str | None = None, fmt: str = "txt") -> Document:
    return Document(
        id="t/t", source_path="t.txt", outlet="t", text=text, format=fmt, title=title, lang=lang
    )


def _kinds(text: str, lang: str, title: str | None = None) -> dict[str, str]:
    result = segment(_doc(text, lang, title), lang)
    return {p.text: p.kind for p in result.paragraphs}


GERMAN = """Stadtwerke erhöhen die Preise

Die Stadtwerke erhöhen zum Jahreswechsel die Preise für Strom und Gas deutlich.

Von Maria Beispiel und Jonas Muster

Wie das Unternehmen am Montag mitteilte, steigt der Arbeitspreis für Strom um zwölf Prozent.
Kunden sollen in den kommenden Wochen per Brief informiert werden.

Teilen

Anzeige

Der Verbraucherschutz rät, die Verträge genau zu prüfen und Angebote zu vergleichen.

Lesen Sie auch:

Wie man beim Heizen spart

Die besten Stromtarife im Vergleich

Newsletter abonnieren und nichts mehr verpassen.

Wir brauchen Ihre Unterstützung: Unterstützen Sie unabhängigen Journalismus mit einer Spende.

Diese Website verwendet Cookies. Mit der Nutzung unserer Website erklären Sie sich
damit einverstanden.

© 2024 Stadtanzeiger. Alle Rechte vorbehalten.

3 Kommentare zu „Stadtwerke erhöhen die Preise“

Karl Leser sagt:

Das war ja klar, die Preise steigen immer.

Erika Muster sagt:

Ich wechsle jetzt den Anbieter.

Schreibe einen Kommentar
"""

ENGLISH = """Council approves new harbour wall

The city council approved the long-debated harbour wall on Tuesday night.

By Jane Doe

The vote passed by nine to four after a heated debate that lasted more than three hours.
Opponents argued that the cost had doubled since the plan was first presented.

Share on Facebook

Advertisement

Construction is expected to begin in the spring and to last two years.

Related articles

Harbour traffic hits record high

Fishermen protest new quotas

Sign up for our daily newsletter to get the news delivered to your inbox.

We need your support. Please make a donation to keep independent journalism alive.

This website uses cookies to improve your experience. Read our privacy policy.

© 2024 Harbour Gazette. All rights reserved.

2 thoughts on “Council approves new harbour wall”

Tom Reader says:

About time, the old wall is falling apart.

Ann Smith says:

Who is going to pay for this?

Leave a Reply
"""


@pytest.mark.parametrize(
    ("text", "lang", "title", "expected"),
    [
        (
            GERMAN,
            "de",
            "Stadtwerke erhöhen die Preise",
            {
                "Stadtwerke erhöhen die Preise": "title",
                "Die Stadtwerke erhöhen zum Jahreswechsel die Preise für Strom und Gas deutlich.": (
                    "lead"
                ),
                "Von Maria Beispiel und Jonas Muster": "byline",
                "Teilen": "boilerplate",
                "Anzeige": "ad",
                "Lesen Sie auch:": "related",
                "Wie man beim Heizen spart": "related",
                "Die besten Stromtarife im Vergleich": "related",
                "Newsletter abonnieren und nichts mehr verpassen.": "newsletter",
                "© 2024 Stadtanzeiger. Alle Rechte vorbehalten.": "legal",
                "3 Kommentare zu „Stadtwerke erhöhen die Preise“": "comments",
                "Das war ja klar, die Preise steigen immer.": "comments",
                "Schreibe einen Kommentar": "comments",
            },
        ),
        (
            ENGLISH,
            "en",
            "Council approves new harbour wall",
            {
                "Council approves new harbour wall": "title",
                "The city council approved the long-debated harbour wall on Tuesday night.": (
                    "lead"
                ),
                "By Jane Doe": "byline",
                "Share on Facebook": "boilerplate",
                "Advertisement": "ad",
                "Related articles": "related",
                "Harbour traffic hits record high": "related",
                "Fishermen protest new quotas": "related",
                "Sign up for our daily newsletter to get the news delivered to your inbox.": (
                    "newsletter"
                ),
                "© 2024 Harbour Gazette. All rights reserved.": "legal",
                "2 thoughts on “Council approves new harbour wall”": "comments",
                "About time, the old wall is falling apart.": "comments",
                "Leave a Reply": "comments",
            },
        ),
    ],
)
def test_every_kind_in_text(text: str, lang: str, title: str, expected: dict[str, str]) -> None:
    kinds = _kinds(text, lang, title)
    for paragraph, kind in expected.items():
        assert kinds[paragraph] == kind, paragraph
    appeal = [p for p, k in kinds.items() if k == "appeal"]
    assert len(appeal) == 1
    legal = [p for p, k in kinds.items() if k == "legal"]
    assert len(legal) == 2  # the cookie notice and the copyright line
    body = [p for p, k in kinds.items() if k == "body"]
    assert len(body) == 2


@pytest.mark.parametrize(("text", "lang"), [(GERMAN, "de"), (ENGLISH, "en")])
def test_comments_with_authors(text: str, lang: str) -> None:
    result = segment(_doc(text, lang, "x"), lang)
    assert [c.author for c in result.comments] == (
        ["Karl Leser", "Erika Muster"] if lang == "de" else ["Tom Reader", "Ann Smith"]
    )
    for comment in result.comments:
        assert comment.text == text[comment.start : comment.end]
        assert "sagt" not in comment.text and "says" not in comment.text
    assert result.authors == (["Maria Beispiel", "Jonas Muster"] if lang == "de" else ["Jane Doe"])


def test_title_from_comment_header_and_from_first_line(tmp_path: Path) -> None:
    result = segment(_doc(ENGLISH, "en"), "en")
    assert result.inferred_title == "Council approves new harbour wall"
    path = write_file(
        tmp_path / "o" / "a.txt",
        "Kurze Überschrift ohne Punkt\n\nErster Absatz mit etwas mehr Text als die Zeile davor."
        "\n\nZweiter Absatz mit Text.",
    )
    document = read_file(path)[0]
    assert document.title == "Kurze Überschrift ohne Punkt"
    assert "title inferred from the first line" in document.warnings
    result = segment(document, "de")
    assert result.paragraphs[0].kind == "title"
    path.write_text("Loading...\n\nErster Absatz.\n\nZweiter Absatz.", encoding="utf-8")
    assert read_file(path)[0].title is None


def test_body_paragraph_mentioning_paypal_or_cookies_stays_body() -> None:
    text = (
        "PayPal meldete am Dienstag einen Quartalsgewinn von zwei Milliarden Dollar.\n\n"
        "Das Gericht entschied, dass Websites für Cookies eine klare Einwilligung brauchen, "
        "und verwies auf die Datenschutz-Grundverordnung."
    )
    assert set(_kinds(text, "de").values()) == {"body"}


def test_seed_blocks() -> None:
    document = read_file(SEED)[0]
    assert document.lang == "de"
    result = segment(document, "de")
    kinds = [(p.kind, p.text) for p in result.paragraphs]
    assert [t for k, t in kinds if k == "boilerplate"] == ["Loading...", "Loading..."]
    appeal = [t for k, t in kinds if k == "appeal"]
    assert appeal[0] == "Wir brauchen ihre Unterstützung!"
    assert appeal[1].startswith("Liebe Leser, wenn Sie keine Premiumartikel")
    assert [t for k, t in kinds if k == "byline"] == ["Von Christan Saarländer"]
    assert kinds[0][0] == "lead"
    assert result.authors == ["Christan Saarländer"]
    assert result.inferred_title == "Freundschaftliche Gespräche zwischen Russland und Belarus"
    assert len(result.comments) == 1
    comment = result.comments[0]
    assert comment.text.startswith("1. Man sprach miteinander.")
    assert comment.text.endswith('als Du mich nicht mehr brauchtest."')
    comment_kinds = [t for k, t in kinds if k == "comments"]
    assert comment_kinds[0].startswith("2 thoughts on")
    assert comment_kinds[-1].startswith("Deine E-Mail-Adresse")
    body = result.text_of(BODY_KINDS)
    assert "Loading" not in body and "Spende" not in body and "Sacharowa" not in body
    assert "Lukaschenko" in body


def test_seed_analysis_marks_comment_quotes_and_entities() -> None:
    analysis = analyze(read_file(SEED)[0])
    assert validate(analysis.to_dict()) == []
    assert analysis.title == "Freundschaftliche Gespräche zwischen Russland und Belarus"
    assert analysis.authors == ["Christan Saarländer"]
    assert any("title inferred" in w for w in analysis.warnings)
    assert any("authors inferred" in w for w in analysis.warnings)
    comment = analysis.comments[0]
    for quote in analysis.quotes:
        assert quote.in_comments == (comment.start <= quote.start < comment.end)
    assert any(q.in_comments for q in analysis.quotes)
    in_comments = [
        m for e in analysis.entities for m in e.mentions if comment.start <= m.start < comment.end
    ]
    assert in_comments and all(m.block == "comments" for m in in_comments)
    stats = analysis.stats
    assert stats.comment_count == 1
    assert stats.chars_by_kind["appeal"] > 0 and stats.share_by_kind["comments"] > 0
    assert 0 < stats.boilerplate_ratio < 1
    assert stats.quote_count == len(analysis.article_quotes)
    again = ArticleAnalysis.from_dict(json.loads(json.dumps(analysis.to_dict())))
    assert again.comments == analysis.comments


def test_dates() -> None:
    assert parse_date("Berlin, 14.12.2015") == ("2015-12-14", "14.12.2015")
    assert parse_date("am 3. Oktober 2024") == ("2024-10-03", "3. Oktober 2024")
    assert parse_date("Posted March 5th, 2021") == ("2021-03-05", "March 5th, 2021")
    assert parse_date("31.02.2020") is None
    text = "Titel\n\nVeröffentlicht am 3. Oktober 2024\n\nText vom 1. Mai 2020 im Fließtext."
    assert infer_date(text) == ("2024-10-03", "3. Oktober 2024")
    long_body = "Am 1. Mai 2020 " + "geschah sehr viel in der Stadt und im Land. " * 10
    assert infer_date(long_body) is None


def test_date_inferred_by_reader(tmp_path: Path) -> None:
    path = write_file(
        tmp_path / "o" / "a.txt", "Ein Titel\n\nBerlin, 14.12.2015\n\nDer Text des Artikels."
    )
    document = read_file(path)[0]
    assert document.date == "2015-12-14"
    assert any("date inferred" in w for w in document.warnings)


HTML_DE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Neue Brücke eröffnet | Rheinblick</title>
<meta property="og:title" content="Neue Brücke über den Rhein eröffnet">
<meta property="article:published_time" content="2024-03-05T10:00:00+01:00">
</head><body>
<header><nav><ul><li><a href="/">Startseite</a></li><li><a href="/politik">Politik</a></li>
<li><a href="/kultur">Kultur</a></li></ul></nav></header>
<main><article>
<h1>Neue Brücke über den Rhein eröffnet</h1>
<p class="byline">Von Anna Beispiel</p>
<p>Nach vier Jahren Bauzeit ist die neue Rheinbrücke zwischen Altstadt und Hafen am Dienstag für
den Verkehr freigegeben worden. Bürgermeisterin Petra Muster sprach von einem großen Tag.</p>
<p>„Wir haben lange auf diesen Moment gewartet“, sagte Muster bei der Eröffnung. Die Brücke
kostete nach Angaben der Stadtverwaltung rund 48 Millionen Euro und ist teurer als geplant.</p>
<p>Kritik kam von der Opposition im Stadtrat, die die Kostensteigerung von fast zwanzig Prozent
als Folge schlechter Planung bezeichnete. Die Verwaltung verwies auf gestiegene Preise.</p>
<div class="donation-box"><h3>Unterstützen Sie unabhängigen Journalismus!</h3>
<p>Liebe Leserinnen und Leser, unsere Berichterstattung ist für alle frei zugänglich. Damit das
so bleibt, brauchen wir Ihre Hilfe: Unterstützen Sie uns mit einer Spende per PayPal.</p></div>
<p>Der Verkehr auf der alten Brücke soll in den kommenden Wochen deutlich abnehmen. Die Stadt
rechnet mit bis zu 20.000 Fahrzeugen am Tag auf der neuen Verbindung über den Fluss.</p>
</article>
<aside><h2>Mehr zum Thema</h2><ul><li><a href="/a1">Hafenausbau verzögert sich erneut</a></li>
<li><a href="/a2">Stadtrat streitet über Haushalt</a></li></ul></aside>
<section id="comments" class="comments-area">
<h2 class="comments-title">2 Gedanken zu „Neue Brücke über den Rhein eröffnet“</h2>
<ol class="comment-list">
<li class="comment"><article class="comment-body"><footer class="comment-meta">
<div class="comment-author vcard"><b class="fn">Karl Leser</b> <span class="says">sagt:</span></div>
<div class="comment-metadata"><time>5. März 2024 um 12:00 Uhr</time></div></footer>
<div class="comment-content"><p>Endlich ist die Brücke fertig, aber die Kosten sind ein Skandal.
„Das ist reine Verschwendung von Steuergeld“, sagte Stadtrat Hans Meier damals.</p></div>
</article></li>
<li class="comment"><article class="comment-body"><footer class="comment-meta">
<div class="comment-author vcard"><b class="fn">Erika Mustermann</b> <span class="says">sagt:</span>
</div><div class="comment-metadata"><time>6. März 2024 um 08:30 Uhr</time></div></footer>
<div class="comment-content"><p>Ich fahre seit heute jeden Tag darüber, es spart mir Zeit.</p>
</div></article></li></ol>
<div id="respond"><h3>Schreibe einen Kommentar</h3>
<p>Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert</p>
</div></section></main>
<footer><p>© 2024 Rheinblick Verlag. Alle Rechte vorbehalten.</p>
<p><a href="/impressum">Impressum</a> | <a href="/datenschutz">Datenschutz</a></p>
<p>Newsletter abonnieren: Die wichtigsten Nachrichten jeden Morgen kostenlos in Ihr Postfach.</p>
</footer></body></html>
"""

HTML_EN = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Ferry service resumes</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry service resumes after storm</h1>
<p>By Tom Harper</p>
<p>The ferry service between the harbour and the islands resumed on Thursday morning after
three days of storms had kept all boats in port, the operator said in a statement.</p>
<p>Passengers had been stranded on both sides, and the operator added extra crossings to clear
the backlog before the weekend. Tickets bought for cancelled trips remain valid.</p>
<aside class="support"><p>Support independent journalism: become a member today and help us keep
local reporting free for everyone.</p></aside>
<p>The harbour master warned that another storm front could arrive next week, and advised
travellers to check the timetable before setting out for the terminal.</p>
</article>
<div id="comments"><h3>One thought on “Ferry service resumes after storm”</h3>
<ol class="commentlist"><li class="comment"><div class="comment-author"><cite>Mary Lee</cite>
<span>says:</span></div><div class="comment-meta">March 3, 2024 at 9:15 am</div>
<p>Finally! I was stuck on the island for three days.</p></li></ol>
<h3>Leave a Reply</h3><p>Your email address will not be published.</p></div>
<footer><p>Copyright © 2024 Harbour Gazette. All rights reserved.</p></footer>
</body></html>
"""


def _html_segments(tmp_path: Path, name: str, html: str):
    path = tmp_path / "outlet" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(html, encoding="utf-8")
    document = read_file(path)[0]
    return document, segment(document, document.lang or "en")


def test_html_appeal_inside_article_and_comment_section(tmp_path: Path) -> None:
    document, result = _html_segments(tmp_path, "bruecke.html", HTML_DE)
    assert document.format == "html" and document.lang == "de"
    assert document.title == "Neue Brücke über den Rhein eröffnet"
    assert document.date == "2024-03-05"
    kinds = {p.text: p.kind for p in result.paragraphs}
    assert kinds["Unterstützen Sie unabhängigen Journalismus!"] == "appeal"
    assert [k for t, k in kinds.items() if t.startswith("Liebe Leserinnen")] == ["appeal"]
    assert kinds["Startseite"] == "boilerplate"
    assert kinds["Von Anna Beispiel"] == "byline"
    assert kinds["Mehr zum Thema"] == "related"
    assert kinds["Hafenausbau verzögert sich erneut"] == "related"
    assert kinds["© 2024 Rheinblick Verlag. Alle Rechte vorbehalten."] == "legal"
    assert kinds["Impressum | Datenschutz"] == "legal"
    assert kinds[next(t for t in kinds if t.startswith("Newsletter abonnieren"))] == "newsletter"
    assert kinds["2 Gedanken zu „Neue Brücke über den Rhein eröffnet“"] == "comments"
    body = result.text_of(BODY_KINDS)
    assert "Nach vier Jahren Bauzeit" in body and "20.000 Fahrzeugen" in body
    assert "Spende" not in body and "Skandal" not in body and "Startseite" not in body
    assert [(c.author, c.date) for c in result.comments] == [
        ("Karl Leser", "2024-03-05"),
        ("Erika Mustermann", "2024-03-06"),
    ]
    assert result.comments[0].text.startswith("Endlich ist die Brücke fertig")
    assert result.authors == ["Anna Beispiel"]

    analysis = analyze(document)
    assert validate(analysis.to_dict()) == []
    assert analysis.stats.comment_count == 2
    comment_quotes = [q for q in analysis.quotes if "Verschwendung" in q.text]
    assert comment_quotes and all(q.in_comments for q in comment_quotes)
    assert not any("Verschwendung" in q.text for q in analysis.article_quotes)


def test_html_english_page(tmp_path: Path) -> None:
    document, result = _html_segments(tmp_path, "ferry.html", HTML_EN)
    kinds = {p.text: p.kind for p in result.paragraphs}
    assert kinds["By Tom Harper"] == "byline"
    appeal = [k for t, k in kinds.items() if t.startswith("Support independent journalism")]
    assert appeal == ["appeal"]
    assert kinds["One thought on “Ferry service resumes after storm”"] == "comments"
    assert kinds["Copyright © 2024 Harbour Gazette. All rights reserved."] == "legal"
    body = result.text_of(BODY_KINDS)
    assert "resumed on Thursday morning" in body and "check the timetable" in body
    assert "member today" not in body and "stuck on the island" not in body
    assert [(c.author, c.date) for c in result.comments] == [("Mary Lee", "2024-03-03")]


def _write_outlet(root: Path) -> None:
    furniture = "Folgen Sie dem Stadtkurier auf Telegram und Mastodon für alle Neuigkeiten"
    topics = [
        ("rathaus", "Der Stadtrat hat am Montag den Haushalt für das kommende Jahr beschlossen."),
        ("schule", "Die Grundschule am Markt bekommt nach den Ferien eine neue Turnhalle."),
        ("hafen", "Im Hafen legte am Wochenende das größte Containerschiff des Jahres an."),
        ("markt", "Der Wochenmarkt zieht wegen Bauarbeiten für drei Monate auf den Domplatz."),
    ]
    outlet = root / "stadtkurier"
    outlet.mkdir(parents=True)
    for name, sentence in topics:
        text = (
            f"---\ntitle: {name.title()}\n---\n{sentence} Das teilte die Stadt mit.\n\n"
            f"{furniture}\n\nWeitere Einzelheiten sollen in den nächsten Tagen folgen.\n"
        )
        (outlet / f"{name}.txt").write_text(text, encoding="utf-8")
    single = root / "einzelblatt"
    single.mkdir()
    (single / "a.txt").write_text(f"Ein Artikel.\n\n{furniture}\n", encoding="utf-8")


def test_outlet_fingerprint(tmp_path: Path) -> None:
    _write_outlet(tmp_path)
    result = analyze_corpus(tmp_path)
    group = [a for a in result.analyses if a.outlet == "stadtkurier"]
    assert len(group) == 4
    rows = outlet_fingerprint(group)
    texts = {r["text"]: r for r in rows}
    furniture = "Folgen Sie dem Stadtkurier auf Telegram und Mastodon für alle Neuigkeiten"
    assert texts[furniture]["articles"] == 4 and texts[furniture]["kind"] == "boilerplate"
    assert texts["Weitere Einzelheiten sollen in den nächsten Tagen folgen."]["articles"] == 4
    for analysis in group:
        assert furniture not in analysis.body
        assert analysis.body.startswith(analysis.text[analysis.blocks[0].start : 20])
        assert analysis.stats.chars_by_kind["boilerplate"] > 0
        assert any("outlet fingerprint" in w for w in analysis.warnings)
        assert validate(analysis.to_dict()) == []
    # An outlet with one article has no fingerprint; its body keeps the line.
    single = next(a for a in result.analyses if a.outlet == "einzelblatt")
    assert furniture in single.body
    assert outlet_summary("stadtkurier", group)["fingerprint"] == rows
    # Deterministic: the same corpus gives the same analyses.
    again = analyze_corpus(tmp_path)
    assert [a.to_dict() for a in again.analyses] == [a.to_dict() for a in result.analyses]


def test_text_command_many_files(tmp_path: Path) -> None:
    paths = []
    for index in range(120):
        path = tmp_path / f"a{index:03d}.txt"
        path.write_text(
            f"Artikel Nummer {index} beginnt hier mit einem Satz.\n\nLoading...\n\n"
            "Wir brauchen Ihre Unterstützung: spenden Sie per PayPal.\n",
            encoding="utf-8",
        )
        paths.append(str(path))
    runner = CliRunner()
    result = runner.invoke(app, ["text", "--format", "jsonl", *paths])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 120
    assert lines[7]["path"].endswith("a007.txt")
    assert lines[7]["text"] == "Artikel Nummer 7 beginnt hier mit einem Satz."
    single = runner.invoke(app, ["text", paths[0]])
    assert single.stdout.strip() == "Artikel Nummer 0 beginnt hier mit einem Satz."


def test_menu_lines_in_a_text_dump_are_boilerplate() -> None:
    text = (
        "Startseite\n\nPolitik\n\nWirtschaft\n\nKultur\n\nSport\n\n"
        "Der Stadtrat hat am Montag beschlossen, die Brücke zu sanieren.\n\n"
        "Zutaten\n\n200 g Mehl\n\n3 Eier\n\nEine Prise Salz\n\nKommentare"
    )
    kinds = _kinds(text, "de")
    assert [kinds[k] for k in ("Politik", "Wirtschaft", "Kultur", "Sport")] == ["boilerplate"] * 4
    assert kinds["Zutaten"] == kinds["3 Eier"] == "body"
    assert kinds["Kommentare"] == "comments"  # a bare heading after the article opens comments


def test_text_command_html_and_bad_inputs(tmp_path: Path) -> None:
    page = tmp_path / "bruecke.html"
    page.write_text(HTML_DE, encoding="utf-8")
    binary = tmp_path / "bild.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    missing = tmp_path / "fehlt.txt"
    runner = CliRunner()
    result = runner.invoke(app, ["text", "-f", "jsonl", str(page), str(binary), str(missing)])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 1 and lines[0]["path"] == str(page)
    body = lines[0]["text"]
    assert "Nach vier Jahren Bauzeit" in body
    assert "Spende" not in body and "Skandal" not in body and "Impressum" not in body
    assert "bild.txt" in result.stderr and "fehlt.txt" in result.stderr
