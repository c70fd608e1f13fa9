"""Limits on what one input may cost: the analysed length, the file size, front matter; and the
scans that must stay linear in a long text."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from conftest import write_file
from typer.testing import CliRunner

from reportgen.cli import app
from reportgen.ingest import read_file
from reportgen.limits import DEFAULT_LIMITS, Limits, cut_text

runner = CliRunner()
PARAGRAPH = "„Die Lage ist ernst“, sagte Olaf Scholz in Berlin. Laut Reuters kam es zu Protesten."


def test_cut_text_keeps_short_texts_and_cuts_long_ones_at_a_paragraph() -> None:
    assert cut_text("kurz", 10) == "kurz"
    text = "\n\n".join(f"Absatz {n} mit etwas Text." for n in range(100))
    cut = cut_text(text, 500)
    assert len(cut) <= 500 and text.startswith(cut.rstrip("\n"))
    assert cut.rstrip("\n").endswith("Text.")
    assert cut_text("x" * 50, 20) == "x" * 20  # no boundary at all: exactly the limit


def test_long_article_is_analysed_in_part_with_a_warning(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_file(corpus / "blog" / "long.txt", "\n\n".join([PARAGRAPH] * 400) + "\n")
    write_file(corpus / "reportgen.toml", "[reportgen]\nmax_article_chars = 5000\n")
    site = tmp_path / "site"
    result = runner.invoke(app, ["build", str(corpus), "-o", str(site), "--no-pdf", "-q"])
    assert result.exit_code == 0, result.stderr
    [line] = (site / "data" / "analysis.jsonl").read_text(encoding="utf-8").splitlines()
    analysis = json.loads(line)
    assert len(analysis["text"]) <= 5000
    assert any("max_article_chars is 5,000" in w for w in analysis["warnings"])
    assert analysis["quotes"] and analysis["entities"]
    # The flag wins over the settings file.
    result = runner.invoke(app, ["analyze", str(corpus), "--max-article-chars", "2000", "-q"])
    assert len(json.loads(result.stdout)["text"]) <= 2000


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("max_article_char = 5000", "unknown settings max_article_char"),
        ("max_article_chars = '5000'", "max_article_chars must be int, not str"),
        ("max_article_chars = 0", "max_article_chars must be a positive whole number"),
        ("jobs = true", "jobs must be int, not bool"),
        ("pdf = 'no'", "pdf must be bool, not str"),
    ],
)
def test_a_mistyped_setting_is_one_clear_error(tmp_path: Path, setting: str, message: str) -> None:
    corpus = tmp_path / "corpus"
    write_file(corpus / "blog" / "a.txt", PARAGRAPH + "\n")
    write_file(corpus / "reportgen.toml", f"[reportgen]\n{setting}\n")
    result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "site")])
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "site").exists()


def test_limits_refuse_values_that_are_not_positive_whole_numbers() -> None:
    with pytest.raises(ValueError, match="max_file_bytes"):
        Limits(max_file_bytes=-1)
    assert DEFAULT_LIMITS.max_article_chars == 100_000


def test_a_file_over_max_file_bytes_is_an_error_not_read(tmp_path: Path) -> None:
    path = write_file(tmp_path / "blog" / "a.txt", PARAGRAPH * 10)
    [error] = read_file(path, tmp_path, Limits(max_file_bytes=100))
    assert "max_file_bytes is 100" in error.reason


def test_yaml_alias_bomb_in_front_matter_is_refused_fast(tmp_path: Path) -> None:
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 9):
        prev, name = chr(ord("a") + n - 1), chr(ord("a") + n)
        levels.append(f"{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]")
    content = "---\n" + "\n".join(levels) + "\ntitle: Bombe\n---\n" + PARAGRAPH + "\n"
    started = time.perf_counter()
    [document] = read_file(write_file(tmp_path / "blog" / "bomb.md", content), tmp_path)
    assert time.perf_counter() - started < 5
    assert document.title != "Bombe"
    assert any("aliases" in w for w in document.warnings)


def test_front_matter_over_the_cap_is_kept_as_text(tmp_path: Path) -> None:
    content = "---\ntitle: Lang\nnote: " + "x" * 30_000 + "\n---\n" + PARAGRAPH + "\n"
    [document] = read_file(write_file(tmp_path / "blog" / "big.txt", content), tmp_path)
    assert document.title != "Lang"
    assert any("front matter longer than 20,000 characters" in w for w in document.warnings)


def test_an_html_page_over_max_page_chars_is_cut_at_a_tag_before_parsing(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>Absatz {n}: {PARAGRAPH}</p>\n" for n in range(200))
    page = f"<html lang='de'><head><title>Lang</title></head><body>{paragraphs}</body></html>"
    path = write_file(tmp_path / "o" / "page.html", page)
    [document] = read_file(path, tmp_path, Limits(max_page_chars=5000))
    assert "Absatz 0:" in document.text and "Absatz 199:" not in document.text
    assert document.title == "Lang"
    assert any("max_page_chars is 5,000" in w for w in document.warnings)
    [whole] = read_file(path, tmp_path)
    assert "Absatz 199:" in whole.text and not whole.warnings
