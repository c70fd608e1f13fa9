"""Settings that change a build: reportgen.toml, user templates, parallel analysis; and a sample
of real articles from ../shared read end to end."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import CORPUS, SHARED, needs_shared
from typer.testing import CliRunner

from reportgen.cli import app
from reportgen.contract import validate

runner = CliRunner()


def small_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    (corpus / "blog").mkdir(parents=True)
    (corpus / "blog" / "a.txt").write_text(
        "„Wir bleiben dabei“, sagte Bürgermeisterin Anna Berg in Köln.\n", encoding="utf-8"
    )
    (corpus / "blog" / "b.txt").write_text(
        '"We will not move," Mayor Helen Okafor said in Leeds.\n', encoding="utf-8"
    )
    return corpus


def test_settings_file_sets_output_and_skips_pdfs(tmp_path: Path) -> None:
    corpus = small_corpus(tmp_path)
    (corpus / "reportgen.toml").write_text(
        '[reportgen]\noutput = "../site"\npdf = false\n', encoding="utf-8"
    )
    result = runner.invoke(app, ["build", str(corpus), "--quiet"])
    assert result.exit_code == 0, result.stderr
    site = tmp_path / "site"
    assert (site / "articles" / "blog" / "a.html").is_file()
    assert not (site / "pdf").exists()


def test_unknown_setting_is_one_clear_error(tmp_path: Path) -> None:
    corpus = small_corpus(tmp_path)
    (corpus / "reportgen.toml").write_text("[reportgen]\ncolour = 'blue'\n", encoding="utf-8")
    result = runner.invoke(app, ["build", str(corpus)])
    assert result.exit_code == 2
    assert "unknown settings colour" in result.stderr


def test_user_templates_override_the_built_in_ones(tmp_path: Path) -> None:
    corpus = small_corpus(tmp_path)
    templates = tmp_path / "templates"
    (templates / "static").mkdir(parents=True)
    (templates / "article.html").write_text(
        '{% extends "base.html" %}{% block content %}<p class="mine">{{ a.title }}</p>'
        "{% endblock %}",
        encoding="utf-8",
    )
    (templates / "static" / "style.css").write_text("body { color: teal; }", encoding="utf-8")
    site = tmp_path / "site"
    args = ["build", str(corpus), "-o", str(site), "--templates", str(templates), "--no-pdf"]
    result = runner.invoke(app, [*args, "--quiet"])
    assert result.exit_code == 0, result.stderr
    page = (site / "articles" / "blog" / "a.html").read_text(encoding="utf-8")
    assert '<p class="mine">' in page
    assert (site / "assets" / "style.css").read_text(encoding="utf-8") == "body { color: teal; }"
    # The pages the user did not replace still come from the built-in templates.
    assert "Outlets compared" in (site / "index.html").read_text(encoding="utf-8")


def test_parallel_analysis_gives_the_same_lines() -> None:
    one = runner.invoke(app, ["analyze", str(CORPUS), "--quiet", "--jobs", "1"])
    two = runner.invoke(app, ["analyze", str(CORPUS), "--quiet", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    assert len(one.stdout.splitlines()) >= 10


@needs_shared
@pytest.mark.parametrize("corpus_name", ["news_de", "news_en", "news_html"])
def test_real_articles_from_shared_corpora_meet_the_contract(
    corpus_name: str, tmp_path: Path
) -> None:
    """A few articles of every outlet folder of a real corpus, read as a corpus folder (one page
    of each of the 161 sites of news_html: both languages now run a statistical NER)."""
    source = SHARED / "corpora" / corpus_name
    corpus = tmp_path / corpus_name
    picked = 0
    per_outlet = 1 if corpus_name == "news_html" else 2
    for outlet in sorted(p for p in source.iterdir() if p.is_dir() and p.name != "annotations"):
        files = sorted(f for f in outlet.rglob("*") if f.suffix in (".txt", ".html"))[:per_outlet]
        for file in files:
            target = corpus / outlet.name / file.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target)
            picked += 1
    assert picked >= 10
    result = runner.invoke(app, ["analyze", str(corpus), "--quiet", "--jobs", "2"])
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == picked
    for data in lines:
        assert validate(data) == [], data["id"]
    # Real news has people in it, and a real page has a body.
    assert sum(1 for d in lines if any(e["label"] == "PER" for e in d["entities"])) > picked / 2
    assert all(d["body"].strip() for d in lines)
