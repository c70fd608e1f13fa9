"""The command line, run in-process through Typer's test runner."""

from __future__ import annotations

import json
from pathlib import Path

import pypdf
import pytest
from conftest import BUNDLED_SEED, CORPUS
from typer.testing import CliRunner

from reportgen.cli import app

runner = CliRunner()


@pytest.mark.parametrize("command", ["", "build", "analyze", "report", "text", "models", "serve"])
def test_help_is_clear(command: str) -> None:
    result = runner.invoke(app, [command, "--help"] if command else ["--help"])
    assert result.exit_code == 0
    assert "Usage" in result.stdout
    if not command:
        for name in ("build", "analyze", "report", "text", "models", "serve"):
            assert name in result.stdout


def test_analyze_writes_one_json_line_per_article(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    (corpus / "blog").mkdir(parents=True)
    (corpus / "blog" / "a.txt").write_text("„Das ist ein Satz mit Inhalt“, sagte Olaf Scholz.\n")
    (corpus / "blog" / "b.md").write_text("# Titel\n\nEin zweiter Text über Berlin.\n")
    result = runner.invoke(app, ["analyze", str(corpus), "-o", "-", "--jobs", "2"])
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["id"] for a in lines] == ["blog/a", "blog/b"]
    assert lines[0]["quotes"][0]["speaker"] == "Olaf Scholz"
    out = tmp_path / "a.jsonl"
    result = runner.invoke(app, ["analyze", str(corpus), "-o", str(out), "--quiet"])
    assert result.exit_code == 0
    assert (
        out.read_text(encoding="utf-8")
        == "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n"
    )


def test_report_writes_html_and_pdf(tmp_path: Path) -> None:
    html, pdf = tmp_path / "r.html", tmp_path / "r.pdf"
    result = runner.invoke(
        app, ["report", str(BUNDLED_SEED), "--html", str(html), "--pdf", str(pdf)]
    )
    assert result.exit_code == 0, result.stderr
    page = html.read_text(encoding="utf-8")
    assert "<style>" in page and "Alexander Lukaschenko" in page
    reader = pypdf.PdfReader(pdf)
    assert "Alexander Lukaschenko" in "".join(p.extract_text() for p in reader.pages)


def test_text_prints_the_body_only() -> None:
    result = runner.invoke(app, ["text", str(BUNDLED_SEED)])
    assert result.exit_code == 0
    assert "Die diplomatischen Beziehungen" in result.stdout
    assert "Loading..." not in result.stdout and "Paypal" not in result.stdout
    files = sorted(CORPUS.rglob("*.txt")) + sorted(CORPUS.rglob("*.md"))
    result = runner.invoke(app, ["text", "--format", "jsonl", *map(str, files)])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["path"] for r in rows] == [str(f) for f in files]
    assert all(r["text"] for r in rows)


def test_missing_corpus_is_one_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: corpus folder {tmp_path / 'nope'} does not exist"


def test_a_file_and_a_folder_holding_the_same_articles_give_the_same_analyses(
    tmp_path: Path,
) -> None:
    """The corpus passes run for a file too: the surname alone in the second record takes the
    full name the first one uses, whichever way the records are read."""
    from reportgen import api

    records = [
        {"id": "a", "source_domain": "site.example", "title": "Erster Bericht",
         "text": "Angela Merkel besuchte am Montag Paris.\n\nDer Besuch dauerte zwei Tage."},
        {"id": "b", "source_domain": "site.example", "title": "Zweiter Bericht",
         "text": "Merkel sagte, die Gespräche seien gut verlaufen.\n\nMehr folgt."},
    ]  # fmt: skip
    path = tmp_path / "corpus" / "records.jsonl"
    path.parent.mkdir()
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    from_file = api.analyze(path)
    from_folder = api.analyze(path.parent)
    assert [a.to_dict() for a in from_file.analyses] == [a.to_dict() for a in from_folder.analyses]
    second = from_file.analyses[1]
    assert [e.name for e in second.entities if e.label == "PER"] == ["Angela Merkel"]
