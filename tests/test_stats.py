"""The article's figures count the article: quotations in appeals, furniture or comments stay
in the analysis but out of the counts."""

from __future__ import annotations

from pathlib import Path

from reportgen.analyze import analyze
from reportgen.ingest import read_file


def test_quotes_outside_the_article_are_not_counted(tmp_path: Path) -> None:
    text = (
        "Hafen in Kiel wird ausgebaut\n\n"
        "Der Hafen soll bis 2030 doppelt so viele Schiffe abfertigen. „Wir investieren in die "
        "Zukunft der Stadt“, sagte Bürgermeister Ulf Kämpfer am Montag in Kiel.\n\n"
        "„Ohne Ihre Hilfe gibt es uns nicht“, sagt unser Herausgeber Jan Brandt. Unterstützen "
        "Sie unabhängigen Journalismus mit einer Spende per Paypal.\n"
    )
    path = tmp_path / "kieler-blatt" / "hafen.txt"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    [document] = read_file(path, tmp_path)
    analysis = analyze(document)
    by_block = {q.block: q for q in analysis.quotes}
    assert by_block["body"].speaker == "Ulf Kämpfer"
    assert "Ohne Ihre Hilfe" in by_block["appeal"].text
    assert analysis.stats["quote_count"] == 1
    assert analysis.stats["direct_quote_count"] == 1
    assert [q.text for q in analysis.article_quotes] == [by_block["body"].text]
