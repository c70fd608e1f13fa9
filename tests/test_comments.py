"""Comment counts: what the page shows, each comment once; a form or a login prompt alone is
no comment; a comment section under no heading; a caption after a comment counter."""

from __future__ import annotations

from pathlib import Path

from conftest import analyze_article

ARTICLE = (
    "<h1>Stadtwerke erhöhen die Preise</h1>"
    "<p>Die Stadtwerke erhöhen zum Jahreswechsel die Preise für Strom und Gas deutlich, wie der "
    "Geschäftsführer am Montag in der Sitzung des Stadtrats mitteilte.</p>"
    "<p>Für einen Haushalt mit zwei Personen bedeutet das Mehrkosten von rund zweihundert Euro "
    "im Jahr, rechnete die Verbraucherzentrale vor.</p>"
)


def _page(article: str, after: str) -> str:
    return (
        "<html><head><title>Stadtwerke erhöhen die Preise</title></head><body>"
        f"<article>{article}</article>{after}</body></html>"
    )


def test_a_login_prompt_alone_is_no_comment(tmp_path: Path) -> None:
    after = (
        "<section><h3>Kommentare (0)</h3><p>Hinterlassen Sie eine Antwort Antwort abbrechen</p>"
        "<p>Sie müssen Mitglied von Beispiel.net sein, um hier kommentieren zu können.</p>"
        "<p>Netiquette</p><p>Mein Account</p></section>"
    )
    analysis = analyze_article(tmp_path, "beispiel.net/preise.html", _page(ARTICLE, after))
    assert analysis.stats.comment_count == 0


def test_comments_shown_under_a_letters_header_each_once(tmp_path: Path) -> None:
    shown = "".join(
        f"<div><p>{name} / 22.04.2020</p><p>{text}</p></div>"
        for name, text in [
            ("Karl Leser", "Das war ja klar, die Preise steigen jedes Jahr um diese Zeit."),
            ("Erika Muster", "Man sollte den Anbieter wechseln, das spart viel Geld."),
            ("Karl Leser", "Das war ja klar, die Preise steigen jedes Jahr um diese Zeit."),
        ]
    )
    after = f"<section><h3>Leserpost (150)</h3><p>netiquette:</p>{shown}<p>Weitere anzeigen</p>"
    analysis = analyze_article(
        tmp_path, "beispiel.net/preise.html", _page(ARTICLE, after + "</section>")
    )
    assert analysis.stats.comment_count == 2


def test_comments_under_no_heading(tmp_path: Path) -> None:
    shown = "".join(
        f"<div><p>{name} sagt:</p><p>31. Oktober 2023 um 15:17 Uhr</p><p>{text}</p>"
        "<p>Zum Antworten anmelden</p></div>"
        for name, text in [
            ("Graugans", "Böse, böse Autokorrektur, das sollte anders heißen."),
            ("andiY", "Heißt das nicht anders? Ich bin mir da nicht sicher."),
        ]
    )
    analysis = analyze_article(tmp_path, "beispiel.net/preise.html", _page(ARTICLE, shown))
    assert analysis.stats.comment_count == 2
    assert all(c.author in ("Graugans", "andiY") for c in analysis.comments)


def test_the_outlets_app_shop_and_support_appeals_are_not_body(tmp_path: Path) -> None:
    after = (
        "<p>Apolut ist auch als kostenlose App für Android- und iOS-Geräte verfügbar!</p>"
        "<p>Ihnen gefällt unser Programm? Informationen zu Unterstützungsmöglichkeiten finden "
        "Sie hier.</p>"
    )
    analysis = analyze_article(tmp_path, "beispiel.net/preise.html", _page(ARTICLE + after, ""))
    assert "kostenlose App" not in analysis.body and "gefällt unser" not in analysis.body
