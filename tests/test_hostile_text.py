"""Hostile strings in the input: lone surrogates, C0 controls, bidi overrides, JSON fields of
the wrong type. Each costs a warning, never the build, and none reaches the output as it came."""

from __future__ import annotations

import gzip
import json
import os
import re
from pathlib import Path

from conftest import write_file
from typer.testing import CliRunner

from reportgen.cli import app
from reportgen.ingest import read_file

runner = CliRunner()
C0 = re.compile(rb"[\x00-\x08\x0b-\x1f]")
BODY = "„Die Lage ist ernst“, sagte Olaf Scholz am Montag in Berlin vor Journalisten.\n"


def records(**fields: object) -> str:
    return json.dumps({"text": BODY, **fields})


def test_lone_surrogates_and_controls_are_made_valid_with_a_warning(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    # JSON escapes: a lone surrogate in the title, NUL, ESC and BEL in the text
    raw = '{"title": "Bad \\ud800 title \\u001b[31m", "text": "Ein Text\\u0000 mit \\u0007 '
    write_file(corpus / "blog" / "bad.json", raw + BODY.strip() + '"}')
    write_file(corpus / "blog" / "good.txt", BODY)
    write_file(corpus / "blog" / "crlf.txt", BODY.replace("\n", "\r\n") * 2)
    os.close(os.open(bytes(corpus / "blog") + b"/name-\xff.txt", os.O_WRONLY | os.O_CREAT))
    site = tmp_path / "site"
    result = runner.invoke(app, ["build", str(corpus), "-o", str(site), "--no-pdf", "-q"])
    # the empty file with the undecodable name is one listed error; everything else builds
    assert result.exit_code == 1, result.stderr
    assert "name-\ufffd.txt: empty file" in result.stderr
    lines = (site / "data" / "analysis.jsonl").read_text(encoding="utf-8").splitlines()
    by_id = {a["id"]: a for a in map(json.loads, lines)}
    assert set(by_id) == {"blog/bad", "blog/good", "blog/crlf"}
    bad = by_id["blog/bad"]
    assert bad["title"] == "Bad \ufffd title [31m"
    assert "\x00" not in bad["text"] and "\x07" not in bad["text"]
    assert any("removed 3 control character(s)" in w for w in bad["warnings"])
    assert any("replaced 1 invalid character(s)" in w for w in bad["warnings"])
    assert "\r" not in by_id["blog/crlf"]["text"] and not by_id["blog/crlf"]["warnings"]
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".pf_fragment":
            data = gzip.decompress(data)  # the search index's copy of a page's text, as JSON
        elif path.relative_to(site).parts[0] == "pagefind":
            continue  # the rest of the search index is binary
        assert not C0.search(data), path


def test_json_fields_of_the_wrong_type_are_refused_with_a_warning(tmp_path: Path) -> None:
    content = records(title={"nested": "x"}, authors=["Anna Berg", {"a": 1}], outlet=["x"], id=7)
    [document] = read_file(write_file(tmp_path / "o" / "a.json", content), tmp_path)
    assert document.title != "{'nested': 'x'}"
    assert document.authors == ["Anna Berg"]
    assert document.outlet == "o"
    assert "field 'title' is an object, not text; ignored" in document.warnings
    assert "field 'outlet' is a list, not text; ignored" in document.warnings
    assert "1 author(s) that are not text ignored" in document.warnings
    assert document.hints["record_id"] == "7"


def test_front_matter_fields_of_the_wrong_type_are_refused(tmp_path: Path) -> None:
    content = "---\ntitle: [eins, zwei]\nauthor: {name: x}\n---\n" + BODY
    [document] = read_file(write_file(tmp_path / "o" / "a.md", content), tmp_path)
    assert "eins" not in (document.title or "") and document.authors == []
    assert "field 'title' is a list, not text; ignored" in document.warnings
    assert "field 'authors' is an object, not text; ignored" in document.warnings


def test_bidi_controls_in_user_text_are_isolated_in_pages_and_pdfs(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    title = "Evil \u202etxt.exe"
    write_file(corpus / "blog" / "a.json", records(title=title, outlet="Blog"))
    site = tmp_path / "site"
    result = runner.invoke(app, ["build", str(corpus), "-o", str(site), "-q"])
    assert result.exit_code == 0, result.stderr
    page = (site / "articles" / "blog" / "a.html").read_text(encoding="utf-8")
    assert f"<title>\u2068{title}\u2069" in page
    assert page.count("\u202e") == page.count(f"\u2068{title}\u2069")
    assert (site / "pdf" / "articles" / "blog" / "a.pdf").read_bytes().startswith(b"%PDF")


def test_csv_cells_cannot_run_as_formulas_and_carriage_returns_are_quoted() -> None:
    import csv
    import io

    from reportgen.render.exports import _csv

    hostile = ["=HYPERLINK(\"http://x\")", "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)",
               "\tx", "\rx", "a\rb", "plain"]  # fmt: skip
    text = _csv(["cell", "n"], [[cell, -5] for cell in hostile])
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["cell", "n"] and len(rows) == len(hostile) + 1
    cells = [row[0] for row in rows[1:]]
    assert cells[:7] == ["'" + cell for cell in hostile[:7]]
    assert cells[7:] == ["a\rb", "plain"]
    assert all(row[1] == "-5" for row in rows[1:])  # numbers are not text: left alone


def test_a_corpus_folder_with_an_undecodable_name_builds(tmp_path: Path) -> None:
    corpus = Path(os.fsdecode(bytes(tmp_path) + b"/corpus-\xff"))
    write_file(corpus / "blog" / "a.txt", BODY)
    site = tmp_path / "site"
    result = runner.invoke(app, ["build", str(corpus), "-o", str(site), "--no-pdf", "-q"])
    assert result.exit_code == 0, result.stderr
    assert "corpus-\ufffd" in (site / "index.html").read_text(encoding="utf-8")
