"""End to end: the bundled corpus built into a site, read back as HTML, PDF and JSON."""

from __future__ import annotations

import filecmp
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest
from conftest import CORPUS

from reportgen.build import BuildResult, build
from reportgen.contract import validate


class LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.refs.append((tag, name, value))


def analyses(site: Path) -> list[dict]:
    lines = (site / "data" / "analysis.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_site_has_every_page_pdf_and_export(built_site: tuple[Path, BuildResult]) -> None:
    site, result = built_site
    ids = sorted(a.id for a in result.analyses)
    assert len(ids) >= 8
    assert len({a.outlet for a in result.analyses}) >= 3
    assert {a.lang for a in result.analyses} >= {"de", "en"}
    assert {a.format for a in result.analyses} >= {"txt", "md", "html", "json"}
    assert (site / "index.html").is_file()
    for article_id in ids:
        assert (site / "articles" / f"{article_id}.html").is_file()
        assert (site / "pdf" / "articles" / f"{article_id}.pdf").is_file()
    for outlet in {i.split("/")[0] for i in ids}:
        assert (site / "outlets" / outlet / "index.html").is_file()
        assert (site / "pdf" / "outlets" / f"{outlet}.pdf").is_file()
    assert (site / "pdf" / "corpus.pdf").is_file()
    for name in ("analysis.jsonl", "articles.csv", "entities.csv", "quotes.csv", "sources.csv"):
        assert (site / "data" / name).stat().st_size > 0
    assert len((site / "data" / "articles.csv").read_text().splitlines()) == len(ids) + 1


def test_entities_are_listed_by_kind(built_site: tuple[Path, BuildResult]) -> None:
    site, _ = built_site
    index = (site / "entities" / "index.html").read_text(encoding="utf-8")
    for page in ("people", "organisations", "places"):
        assert f'href="{page}.html"' in index
    people = (site / "entities" / "people.html").read_text(encoding="utf-8")
    places = (site / "entities" / "places.html").read_text(encoding="utf-8")
    assert 'href="per-alexander-lukaschenko.html">Alexander Lukaschenko<' in people
    assert "Moskau" not in people and 'href="loc-moskau.html">Moskau<' in places


def test_links_are_relative_and_resolve(built_site: tuple[Path, BuildResult]) -> None:
    site, _ = built_site
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        collector = LinkCollector()
        collector.feed(page.read_text(encoding="utf-8"))
        for tag, attribute, value in collector.refs:
            assert not re.match(r"^(https?:)?//", value), f"{page}: {tag} {attribute}={value}"
            target = (page.parent / value.split("#")[0]).resolve()
            assert target.is_file(), f"{page.relative_to(site)} links to missing {value}"


def test_index_compares_outlets_and_links_pdfs(built_site: tuple[Path, BuildResult]) -> None:
    site, result = built_site
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "Outlets compared" in index
    for outlet in {a.outlet for a in result.analyses}:
        assert outlet in index
    assert 'href="pdf/corpus.pdf"' in index
    article = next(iter(sorted(site.glob("articles/*/*.html"))))
    assert "../../pdf/articles/" in article.read_text(encoding="utf-8")


def test_chart_shapes_carry_their_own_colours(built_site: tuple[Path, BuildResult]) -> None:
    # WeasyPrint does not apply the page's CSS to inline SVG: without a fill attribute every
    # bar of a chart comes out black in the PDF.
    site, _ = built_site
    pages = [site / "index.html", *sorted(site.glob("outlets/*/index.html"))]
    pages += sorted(site.glob("articles/*/*.html"))
    charts = 0
    for page in pages:
        for svg in re.findall(r"<svg class=\"chart.*?</svg>", page.read_text("utf-8"), re.S):
            charts += 1
            for shape in re.findall(r"<(?:rect|text|circle|path)\b[^>]*>", svg):
                assert 'fill="#' in shape, f"{page.relative_to(site)}: {shape}"
    assert charts >= len(pages) - 1


def test_pdfs_parse_back_with_page_numbers(built_site: tuple[Path, BuildResult]) -> None:
    site, result = built_site
    for analysis in result.analyses:
        reader = pypdf.PdfReader(site / "pdf" / "articles" / f"{analysis.id}.pdf")
        assert len(reader.pages) >= 1
        text = "\n".join(page.extract_text() for page in reader.pages)
        assert f"Page 1 of {len(reader.pages)}" in text
        title_words = (analysis.title or "").split()[:3]
        assert all(word in text for word in title_words)
        assert list(reader.attachments) == ["analysis.json"]  # tests/test_archival.py
    corpus_pdf = pypdf.PdfReader(site / "pdf" / "corpus.pdf")
    assert "corpus overview" in corpus_pdf.pages[0].extract_text()


def test_every_analysis_meets_the_contract(built_site: tuple[Path, BuildResult]) -> None:
    site, _ = built_site
    for data in analyses(site):
        assert validate(data) == [], data["id"]


def test_plain_text_analysis_text_is_the_file(built_site: tuple[Path, BuildResult]) -> None:
    site, _ = built_site
    seed = next(a for a in analyses(site) if a["source_path"].endswith("01257365a1ad734e.txt"))
    original = (CORPUS / seed["source_path"]).read_text(encoding="utf-8")
    assert seed["text"] == original


def test_seed_analysis_finds_what_a_reader_finds(built_site: tuple[Path, BuildResult]) -> None:
    site, _ = built_site
    seed = next(a for a in analyses(site) if a["source_path"].endswith("01257365a1ad734e.txt"))
    text = seed["text"]
    assert seed["authors"] == ["Christan Saarländer"]
    lukaschenko = [
        q for q in seed["quotes"] if q["text"].startswith("Wir sind mit den Ergebnissen")
    ]
    assert len(lukaschenko) == 1 and lukaschenko[0]["speaker"] == "Alexander Lukaschenko"
    assert lukaschenko[0]["kind"] == "direct" and not lukaschenko[0]["in_comments"]
    cited = {s["name"]: s for s in seed["sources"]}
    assert {"TASS", "Belta"} <= set(cited)
    assert cited["TASS"]["type"] == "news_agency" and cited["TASS"]["state_affiliated"] is True
    assert cited["Belta"]["country"] == "BY"
    kinds = [(b["kind"], text[b["start"] : b["end"]]) for b in seed["blocks"]]
    assert sum(1 for kind, t in kinds if t == "Loading..." and kind == "boilerplate") == 2
    assert any(kind == "appeal" and "Spende" in t for kind, t in kinds)
    assert any(kind == "comments" and t.startswith("2 thoughts on") for kind, t in kinds)
    assert seed["stats"]["comment_count"] == 1
    for unwanted in ("Loading...", "Spende", "Schreibe einen Kommentar", "Man sprach miteinander"):
        assert unwanted not in seed["body"]
    assert "Die diplomatischen Beziehungen" in seed["body"]
    comment_quotes = [q for q in seed["quotes"] if q["in_comments"]]
    assert any("Wenn Du mich brauchst" in q["text"] for q in comment_quotes)
    assert seed["stats"]["quote_count"] == len(seed["quotes"]) - len(comment_quotes)


def test_same_corpus_gives_byte_identical_output_even_in_parallel(
    built_site: tuple[Path, BuildResult], tmp_path: Path
) -> None:
    first, _ = built_site
    second = tmp_path / "again"
    again = build(CORPUS, second, jobs=2)  # parallel analysis and PDFs must not change a byte
    assert again.site is not None and again.site.warnings == []  # e.g. no search index
    files_first = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    files_second = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert files_first == files_second
    _, mismatch, errors = filecmp.cmpfiles(first, second, files_first, shallow=False)
    assert mismatch == [] and errors == []


@pytest.fixture()
def messy_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "messy"
    (corpus / "good").mkdir(parents=True)
    (corpus / "good" / "fine.txt").write_text("Ein ganz normaler Artikel über Minsk.\n")
    (corpus / "good" / "broken.json").write_text('{"title": ')
    (corpus / "good" / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (corpus / "good" / "huge.txt").write_text("Wort " * 240_000 + "\n")  # 1.2 M characters
    return corpus


def test_bad_inputs_are_listed_and_the_rest_builds(messy_corpus: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from reportgen.cli import app

    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(messy_corpus), "-o", str(out), "--no-pdf"])
    assert result.exit_code == 1
    assert "error: good/broken.json: malformed JSON" in result.stderr
    assert "error: good/binary.txt: binary file, not text" in result.stderr
    assert "2 articles from 4 input files, 2 not read" in result.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "good/broken.json" in index and "good/binary.txt" in index
    data = analyses(out)
    huge = next(a for a in data if a["id"] == "good/huge")
    # 1.2 M characters are over max_article_chars: the first 100,000 are analysed, and it says so
    assert len(huge["text"]) <= 100_000 and huge["stats"]["words"] == 20_000
    assert any("of 1,200,001 characters" in warning for warning in huge["warnings"])
    assert (out / "data" / "errors.csv").read_text().count("\n") == 3
