"""WARC input: an archive written here with warcio from the bundled HTML samples."""

from __future__ import annotations

import gzip
import json
import re
from io import BytesIO
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from reportgen.cli import app
from reportgen.ingest import read_corpus, read_file
from reportgen.limits import Limits
from reportgen.model import Document, ReadError

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
STRIKE = (CORPUS / "harbour-gazette" / "port-strike.html").read_bytes()
MINSK = (CORPUS / "ostwind-kurier" / "minsk-wahlbeobachter.html").read_bytes()
STRIKE_URL = "https://www.harbour-gazette.example/news/port-strike"
MINSK_URL = "https://ostwind-kurier.example/politik/minsk-wahlbeobachter.html"
UNDATED_URL = "https://harbour-gazette.example/news/undated"
# the strike page without its publication date: the capture's date stands in
UNDATED = re.sub(rb'<meta property="article:published_time"[^>]*>', b"", STRIKE)
UNDATED = UNDATED.replace(b"<title>Dock workers", b"<title>Undated: Dock workers")


def _response(writer, url, body, content_type="text/html; charset=utf-8", status="200 OK"):
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=BytesIO(body),
        http_headers=http,
        warc_headers_dict={"WARC-Date": "2024-05-06T07:08:09Z"},
    )
    writer.write_record(record)
    return record


def write_warc(path: Path, compress: bool = True) -> Path:
    """Three pages, a revisit of one, a stylesheet, an image and a 404 page."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        first = _response(writer, STRIKE_URL, STRIKE)
        _response(writer, MINSK_URL, MINSK, content_type="application/xhtml+xml")
        _response(writer, UNDATED_URL, UNDATED)
        revisit = writer.create_revisit_record(
            STRIKE_URL,
            digest=first.rec_headers.get_header("WARC-Payload-Digest"),
            refers_to_uri=STRIKE_URL,
            refers_to_date=first.rec_headers.get_header("WARC-Date"),
        )
        writer.write_record(revisit)
        _response(writer, "https://harbour-gazette.example/site.css", b"p{}", "text/css")
        _response(writer, "https://harbour-gazette.example/logo.png", b"\x89PNG\r\n", "image/png")
        missing = b"<html><body><p>Not found, sorry.</p></body></html>"
        _response(writer, "https://harbour-gazette.example/gone", missing, status="404 Not Found")
    return path


def _split(items: list) -> tuple[dict[str, Document], list[ReadError]]:
    documents = {d.url: d for d in items if isinstance(d, Document)}
    return documents, [e for e in items if isinstance(e, ReadError)]


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_html_responses_become_articles(tmp_path: Path, name: str) -> None:
    path = write_warc(tmp_path / "archives" / name, compress=name.endswith(".gz"))
    documents, errors = _split(read_file(path, tmp_path))
    assert set(documents) == {STRIKE_URL, MINSK_URL, UNDATED_URL}
    strike, minsk, undated = (documents[u] for u in (STRIKE_URL, MINSK_URL, UNDATED_URL))
    assert (strike.outlet, minsk.outlet) == ("harbour-gazette.example", "ostwind-kurier.example")
    assert strike.date.startswith("2023-06-19") and minsk.date.startswith("2021-03-02")
    assert undated.date == "2024-05-06"  # from WARC-Date
    assert any("WARC-Date" in w for w in undated.warnings)
    assert strike.title.startswith("Dock workers") and minsk.lang == "de"
    assert strike.id == "harbour-gazette.example/news-port-strike"
    assert strike.source_path == f"archives/{name}"
    assert all(e.skipped for e in errors), errors
    reasons = {e.source_path.split(" (", 1)[1].rstrip(")"): e.reason for e in errors}
    assert reasons["revisit records"].startswith("1 revisit record(s)")
    assert reasons["non-HTML responses"].startswith("2 response(s) not HTML")
    assert "image/png ×1" in reasons["non-HTML responses"]
    assert "text/css ×1" in reasons["non-HTML responses"]
    assert "HTTP 404 ×1" in reasons["HTML responses not HTTP 200"]
    assert "warcinfo ×1" in reasons["other records"]


def test_the_limits_hold_for_each_record(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "a" / "crawl.warc.gz")
    limits = Limits(max_file_bytes=len(STRIKE) + 10)  # the Minsk page is larger
    assert len(MINSK) > len(STRIKE) + 10
    documents, errors = _split(read_file(path, tmp_path, limits))
    assert STRIKE_URL in documents and MINSK_URL not in documents
    failed = [e for e in errors if not e.skipped]
    assert failed and failed[0].source_path == f"a/crawl.warc.gz ({MINSK_URL})"
    assert "max_file_bytes" in failed[0].reason
    cut = read_file(path, tmp_path, Limits(max_page_chars=600))
    assert any("max_page_chars" in w for d in cut if isinstance(d, Document) for w in d.warnings)


def test_a_malformed_warc_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "x" / "bad.warc.gz"
    bad.parent.mkdir()
    bad.write_bytes(gzip.compress(b"this is not a web archive\r\n\r\n"))
    (error,) = read_file(bad, tmp_path)
    assert isinstance(error, ReadError) and not error.skipped
    assert error.reason.startswith("malformed WARC")
    empty = tmp_path / "x" / "empty.warc"
    empty.write_bytes(b"")
    (error,) = read_file(empty, tmp_path)
    assert isinstance(error, ReadError) and error.reason == "empty WARC: no records"


def test_a_truncated_warc_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    whole = write_warc(tmp_path / "w" / "crawl.warc", compress=False).read_bytes()
    cut = tmp_path / "w" / "cut.warc"
    cut.write_bytes(whole[: whole.index(b"WARC-Type: revisit") + 40])
    documents, errors = _split(read_file(cut, tmp_path))
    assert len(documents) == 3
    assert any(e.reason.startswith("malformed WARC") and not e.skipped for e in errors)


def test_ids_stay_unique_across_archives(tmp_path: Path) -> None:
    write_warc(tmp_path / "c" / "one.warc.gz")
    write_warc(tmp_path / "c" / "two.warc.gz")
    documents, errors, files = read_corpus(tmp_path / "c")
    assert files == 2 and len(documents) == 6
    assert len({d.id for d in documents}) == 6
    assert sum(e.skipped for e in errors) == 8


def test_build_makes_article_pages_from_a_warc(tmp_path: Path) -> None:
    write_warc(tmp_path / "corpus" / "crawl.warc.gz")
    corpus, out = tmp_path / "corpus", tmp_path / "site"
    result = CliRunner().invoke(app, ["build", str(corpus), "-o", str(out), "--no-pdf"])
    assert result.exit_code == 0, result.stderr
    assert "3 articles" in result.stderr
    assert "skipped: crawl.warc.gz (revisit records): 1 revisit record(s)" in result.stderr
    assert "skipped: crawl.warc.gz (non-HTML responses): 2 response(s)" in result.stderr
    lines = (out / "data" / "analysis.jsonl").read_text(encoding="utf-8").splitlines()
    ids = sorted(json.loads(line)["id"] for line in lines)
    assert ids == [
        "harbour-gazette.example/news-port-strike",
        "harbour-gazette.example/news-undated",
        "ostwind-kurier.example/politik-minsk-wahlbeobachter.html",
    ]
    for article_id in ids:
        assert (out / "articles" / f"{article_id}.html").is_file()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "revisit records" in index
