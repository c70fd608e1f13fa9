"""The corpus-level pass: a person named only by the surname in one article is the person the
rest of the corpus names in full, when exactly one full name fits."""

from __future__ import annotations

from pathlib import Path

from conftest import write_file

from reportgen.build import analyze_corpus


def test_a_surname_alone_joins_the_full_name_used_elsewhere(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_file(
        corpus / "blatt" / "eins.txt",
        "Neue Brücke für Lübeck\n\nBausenatorin Greta Vollmerhaus stellte am Montag die Pläne "
        "für die neue Brücke vor. Die Arbeiten sollen im Herbst beginnen.\n",
    )
    write_file(
        corpus / "blatt" / "zwei.txt",
        "Brücke wird teurer\n\nDie Kosten der Brücke steigen. „Wir bleiben im Rahmen“, sagte "
        "Vollmerhaus am Dienstag in Lübeck.\n",
    )
    write_file(
        corpus / "blatt" / "drei.txt",
        "Neuer Vorsitz\n\nAm Freitag wurde Thomas Huber zum Vorsitzenden gewählt.\n",
    )
    write_file(
        corpus / "blatt" / "vier.txt",
        "Abschied nach zwanzig Jahren\n\nDer Trainer Karl Huber verlässt den Verein im Sommer.\n",
    )
    write_file(
        corpus / "blatt" / "fuenf.txt",
        "Streit im Verein\n\nDie Kosten steigen. „Das Heim bleibt“, sagte Huber am Dienstag in "
        "Lübeck.\n",
    )
    result = analyze_corpus(corpus)
    by_id = {a.id: a for a in result.analyses}
    second = by_id["blatt/zwei"]
    people = [e for e in second.entities if e.label == "PER"]
    assert [(e.name, e.id) for e in people] == [
        ("Greta Vollmerhaus", "per-greta-vollmerhaus")
    ]
    [quote] = second.quotes
    assert (quote.speaker, quote.speaker_id) == ("Greta Vollmerhaus", "per-greta-vollmerhaus")
    assert any("Vollmerhaus is named here by surname only" in w for w in second.warnings)
    # Two full names end with "Huber": the lone surname stays as it is.
    fifth = [(e.name, e.label) for e in by_id["blatt/fuenf"].entities]
    assert ("Huber", "PER") in fifth
    assert not any("surname only" in w for w in by_id["blatt/fuenf"].warnings)
