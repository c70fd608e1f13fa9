"""Readers and corpus discovery, on files written by the tests."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import write_file

from reportgen.ingest import read_corpus, read_file
from reportgen.model import Document, ReadError


def only_document(items: list) -> Document:
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


def test_plain_text_without_front_matter_is_kept_unchanged(tmp_path: Path) -> None:
    content = "Erste Zeile.\n\n  Zweiter Absatz mit „Zitat“.\n"
    doc = only_document(read_file(write_file(tmp_path / "blog" / "a.txt", content), tmp_path))
    assert doc.text == content
    assert doc.outlet == "blog"
    assert doc.id == "blog/a"
    assert doc.lang == "de"


def test_front_matter_gives_metadata(tmp_path: Path) -> None:
    content = (
        '---\ntitle: "Ein Titel"\noutlet: "Der Bote"\ndate: 2021-03-04\nauthor: "A. Autor"\n'
        "lang: de\n---\nDer Text.\n"
    )
    doc = only_document(read_file(write_file(tmp_path / "x" / "b.txt", content), tmp_path))
    assert (doc.title, doc.outlet, doc.date, doc.authors) == (
        "Ein Titel",
        "Der Bote",
        "2021-03-04",
        ["A. Autor"],
    )
    assert doc.text == "Der Text.\n"
    assert doc.id == "der-bote/b"


def test_null_author_means_unknown(tmp_path: Path) -> None:
    path = write_file(tmp_path / "o" / "c.txt", "---\nauthor: null\n---\nText hier.\n")
    doc = only_document(read_file(path, tmp_path))
    assert doc.authors == []


def test_markdown_becomes_plain_text_with_links(tmp_path: Path) -> None:
    content = (
        "# Überschrift\n\nEin [Link](https://www.reuters.com/x) im *Text*.\n\n- eins\n- zwei\n"
    )
    doc = only_document(read_file(write_file(tmp_path / "o" / "d.md", content), tmp_path))
    assert doc.title == "Überschrift"
    assert doc.text == "Überschrift\n\nEin Link im Text.\n\n- eins\n\n- zwei\n"
    assert [(link.domain, link.text) for link in doc.links] == [("reuters.com", "Link")]


def test_json_list_and_jsonl_with_a_bad_line(tmp_path: Path) -> None:
    records = [
        {"title": "A", "maintext": "Text A.", "source_domain": "site.example", "id": "r1"},
        {"title": "B", "text": "Text B.", "date_publish": "2020-01-02 10:00:00"},
    ]
    items = read_file(write_file(tmp_path / "o" / "list.json", json.dumps(records)), tmp_path)
    assert [d.id for d in items] == ["site.example/list-r1", "o/list-002"]
    assert items[1].date == "2020-01-02T10:00:00"
    lines = json.dumps(records[0]) + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n"
    items = read_file(write_file(tmp_path / "o" / "recs.jsonl", lines), tmp_path)
    assert isinstance(items[0], Document)
    assert [(e.source_path, e.reason.split(":")[0]) for e in items[1:]] == [
        ("o/recs.jsonl (line 2)", "malformed JSON"),
        ("o/recs.jsonl (line 3)", "no article text (none of the fields text, maintext, body, "
         "content, article)"),
    ]  # fmt: skip


def test_a_file_without_any_article_record_is_one_error(tmp_path: Path) -> None:
    manifest = "".join(json.dumps({"id": f"a{i}", "chars": 100}) + "\n" for i in range(50))
    items = read_file(write_file(tmp_path / "o" / "manifest.jsonl", manifest), tmp_path)
    assert len(items) == 1 and isinstance(items[0], ReadError)
    assert items[0].reason.startswith("none of its 50 records is an article: no article text")


def test_html_reader_keeps_visible_text_and_hints(tmp_path: Path) -> None:
    html = (
        "<html><head><title>T</title><script>var secret = 1;</script></head><body>"
        "<nav><a href='/'>Home</a></nav><article><h1>Headline here</h1>"
        "<p>First paragraph of the article, long enough to be the main text of this page.</p>"
        "<p>Second paragraph, citing <a href='https://apnews.com/x'>the AP</a> for a fact.</p>"
        "</article></body></html>"
    )
    doc = only_document(read_file(write_file(tmp_path / "o" / "p.html", html), tmp_path))
    assert "secret" not in doc.text
    assert doc.text.startswith("Home\n\nHeadline here\n\nFirst paragraph")
    assert "Second paragraph" in doc.hints["body_text"]
    assert [link.domain for link in doc.links] == ["apnews.com"]


def test_undeclared_latin1_is_detected(tmp_path: Path) -> None:
    text = "Die Bürger äußerten große Sorge über die Größe der Maßnahmen in Österreich. " * 5
    path = write_file(tmp_path / "o" / "l.txt", text.encode("cp1252"))
    doc = only_document(read_file(path, tmp_path))
    assert "Bürger äußerten" in doc.text


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("binary.txt", bytes(range(256)) * 4, "binary file, not text"),
        ("bad.json", b'{"title": "x", ', "malformed JSON"),
        (
            "empty.html",
            b"<html><body><script>x()</script></body></html>",
            "malformed or empty HTML",
        ),
        ("meta-only.md", b"---\ntitle: x\n---\n", "no article text"),
        ("notes.docx", b"PK\x03\x04", "unsupported file type"),
    ],
)
def test_bad_inputs_give_one_clear_reason(tmp_path: Path, name: str, content: bytes, reason: str):
    items = read_file(write_file(tmp_path / "o" / name, content), tmp_path)
    assert len(items) == 1 and isinstance(items[0], ReadError)
    assert items[0].source_path == f"o/{name}"
    assert items[0].reason.startswith(reason)


def test_corpus_reports_symlinks_and_survives_loops(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_file(corpus / "good" / "a.txt", "A perfectly ordinary article text.\n")
    write_file(tmp_path / "secret.txt", "outside the corpus\n")
    (corpus / "good" / "leak.txt").symlink_to(tmp_path / "secret.txt")
    (corpus / "good" / "loop").symlink_to(corpus / "good")
    (corpus / "self").symlink_to("self")
    write_file(corpus / "good" / "bad.json", "[")
    documents, errors, files = read_corpus(corpus)
    assert [d.id for d in documents] == ["good/a"]
    reasons = {e.source_path: e.reason for e in errors}
    assert reasons["good/leak.txt"].startswith("symlink leads outside the corpus")
    assert reasons["self"].startswith("broken symlink or symlink loop")
    assert reasons["good/bad.json"].startswith("malformed JSON")
    assert files == 4


def test_repeated_ids_are_made_unique(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    write_file(corpus / "o" / "same.txt", "---\noutlet: o\n---\nOne.\n")
    write_file(corpus / "o" / "same.md", "Two.\n")
    documents, errors, _ = read_corpus(corpus)
    assert sorted(d.id for d in documents) == ["o/same", "o/same-2"]
    assert not errors


def test_hostile_metadata_cannot_steer_ids(tmp_path: Path) -> None:
    content = '---\noutlet: "../../../etc"\n---\nText.\n'
    doc = only_document(read_file(write_file(tmp_path / "o" / "x.txt", content), tmp_path))
    assert doc.id == "etc/x"
    assert ".." not in doc.id and not os.path.isabs(doc.id)


WRAPPED = (
    "Barr vor dem Ausschuss\n"
    "Der Minister sagte, die Proteste seien von\n"
    "gewaltbereiten Gruppen gekapert worden, und die Polizei\n"
    "habe richtig gehandelt. Die Abgeordneten\n"
    "fragten nach, doch er wich aus.\n"
    "Am Ende blieben viele\n"
    "offene Fragen.\n"
)


def test_hard_wrapped_text_becomes_whole_sentences_at_the_same_offsets(tmp_path: Path) -> None:
    doc = only_document(read_file(write_file(tmp_path / "zeit" / "a.txt", WRAPPED), tmp_path))
    assert len(doc.text) == len(WRAPPED)
    assert doc.text.splitlines() == [
        "Barr vor dem Ausschuss",
        "Der Minister sagte, die Proteste seien von gewaltbereiten Gruppen gekapert worden, und "
        "die Polizei habe richtig gehandelt. Die Abgeordneten fragten nach, doch er wich aus.",
        "Am Ende blieben viele offene Fragen.",
    ]


def test_menus_lists_and_short_lines_are_not_unwrapped(tmp_path: Path) -> None:
    content = "Politik\nLeben\nWelt\nSport\nRedaktion\nEin Satz ohne Ende\nNoch einer\n- erster\n"
    doc = only_document(read_file(write_file(tmp_path / "blog" / "b.txt", content), tmp_path))
    assert doc.text == content
