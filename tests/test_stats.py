"""The article's figures count the article: quotations in appeals, furniture or comments stay
in the analysis but out of the counts."""

from __future__ import annotations

from pathlib import Path

from conftest import analyze_article


def test_quotes_outside_the_article_are_not_counted(tmp_path: Path) -> None:
    text = (
        "Hafen in Kiel wird ausgebaut\n\n"
        "Der Hafen soll bis 2030 doppelt so viele Schiffe abfertigen. „Wir investieren in die "
        "Zukunft der Stadt“, sagte Bürgermeister Ulf Kämpfer am Montag in Kiel.\n\n"
        "„Ohne Ihre Hilfe gibt es uns nicht“, sagt unser Herausgeber Jan Brandt. Unterstützen "
        "Sie unabhängigen Journalismus mit einer Spende per Paypal.\n"
    )
    analysis = analyze_article(tmp_path, "kieler-blatt/hafen.txt", text)
    by_block = {q.block: q for q in analysis.quotes}
    assert by_block["body"].speaker == "Ulf Kämpfer"
    assert "Ohne Ihre Hilfe" in by_block["appeal"].text
    assert analysis.stats.quote_count == 1
    assert analysis.stats.direct_quote_count == 1
    assert [q.text for q in analysis.article_quotes] == [by_block["body"].text]


def test_an_unresolved_pronoun_gets_no_speaker_page(tmp_path: Path) -> None:
    from reportgen.aggregate import named_speaker, speaker_pages

    text = (
        "Talks fail\n\nThe talks failed on Monday. He said that both sides had to return to the "
        "table as soon as possible.\n"
    )
    analysis = analyze_article(tmp_path, "gazette/talks.txt", text)
    [quote] = analysis.quotes
    assert quote.speaker is None and quote.speaker_id is None
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "He"
    assert named_speaker(analysis, quote) is None
    assert list(speaker_pages([analysis])) == []
