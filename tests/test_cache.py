"""The build cache: a warm build writes what a cold one writes, reuses what still fits, says
why the rest missed, keeps unchanged files as they are, and survives a damaged entry."""

from __future__ import annotations

import gzip
import hashlib
import json
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import CORPUS
from sitecheck import site_bytes, site_files
from typer.testing import CliRunner

from reportgen.analyze import analyze
from reportgen.analyze.reuse_index import WindowIndex
from reportgen.build import build
from reportgen.cache import keys
from reportgen.cache.keys import key_parts
from reportgen.ingest import read_corpus
from reportgen.limits import DEFAULT_LIMITS, Limits
from reportgen.model import ArticleAnalysis
from reportgen.render import highlight

ARTICLE = "rheinblick/impfzentren.txt"


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    return corpus


def _count_renders(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """The names of the templates rendered from now on (monkeypatch.undo() stops it)."""
    import jinja2

    rendered: list[str] = []
    real_render = jinja2.Template.render

    def counted(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        rendered.append(self.name)
        return real_render(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Template, "render", counted)
    return rendered


def _add_paragraph(article: Path) -> None:
    article.write_text(article.read_text(encoding="utf-8") + "\nEin neuer Absatz.\n", "utf-8")


def _round_trip(analysis: ArticleAnalysis) -> ArticleAnalysis:
    return ArticleAnalysis.from_dict(json.loads(json.dumps(analysis.to_dict())))


def test_analyses_round_trip_through_json_exactly() -> None:
    """What the cache keeps (before the corpus passes) and what they make of it."""
    documents, _errors, _files_read = read_corpus(CORPUS / "harbour-gazette")
    for document in documents:  # Markdown, HTML and JSON records
        analysis = analyze(document)
        assert _round_trip(analysis) == analysis, document.id


def test_warm_build_reuses_everything_and_writes_nothing(tmp_path: Path) -> None:
    corpus, cache = _corpus(tmp_path), tmp_path / "cache"
    cold = build(corpus, tmp_path / "site", pdf=False, cache_dir=cache)
    assert cold.cache.hits == 0 and {why for _id, why in cold.cache.misses} == {"new input"}
    before = site_files(tmp_path / "site")
    warm = build(corpus, tmp_path / "site", pdf=False, cache_dir=cache)
    assert warm.cache.hits == len(cold.analyses) == 10 and warm.cache.misses == []
    cold_analyses = list(cold.analyses)  # a build's analyses are a spool on disk
    assert warm.site.rewritten == [] and list(warm.analyses) == cold_analyses
    assert [_round_trip(a) for a in cold_analyses] == cold_analyses
    assert site_files(tmp_path / "site") == before  # same bytes, same mtimes
    assert warm.site.pages == cold.site.pages and sorted(warm.site.written) == sorted(
        cold.site.written
    )
    # a page edited in the site is put back, and only it is rewritten
    page = tmp_path / "site" / "articles" / "rheinblick" / "impfzentren.html"
    page.write_text("edited")
    again = build(corpus, tmp_path / "site", pdf=False, cache_dir=cache)
    assert again.site.rewritten == ["articles/rheinblick/impfzentren.html"]
    # ... and a build without the cache writes the same bytes
    build(corpus, tmp_path / "uncached", pdf=False)
    assert site_bytes(tmp_path / "uncached") == site_bytes(tmp_path / "site")


def test_one_changed_article_is_the_only_one_analysed(tmp_path: Path) -> None:
    corpus, cache, site = _corpus(tmp_path), tmp_path / "cache", tmp_path / "site"
    build(corpus, site, pdf=False, cache_dir=cache)
    _add_paragraph(corpus / ARTICLE)
    warm = build(corpus, site, pdf=False, cache_dir=cache)
    assert warm.cache.misses == [("rheinblick/impfzentren", "input changed")]
    assert warm.cache.hits == 9
    assert "articles/rheinblick/impfzentren.html" in warm.site.rewritten
    assert "articles/ostwind-kurier/gaspreise-winter.html" not in warm.site.rewritten
    assert "outlets/ostwind-kurier/index.html" not in warm.site.rewritten
    build(corpus, tmp_path / "cold", pdf=False)
    assert site_bytes(tmp_path / "cold") == site_bytes(site)


def test_a_changed_setting_misses_every_entry_and_says_so(tmp_path: Path) -> None:
    corpus, cache = _corpus(tmp_path), tmp_path / "cache"
    build(corpus, tmp_path / "site", pdf=False, cache_dir=cache)
    limits = Limits(max_article_chars=50_000)
    warm = build(corpus, tmp_path / "site", pdf=False, cache_dir=cache, limits=limits)
    assert warm.cache.hits == 0
    assert {why for _id, why in warm.cache.misses} == {"settings changed"}


def test_each_part_of_the_key_names_its_own_reason() -> None:
    documents, _errors, _files_read = read_corpus(CORPUS)
    parts = key_parts(documents[0], "auto", DEFAULT_LIMITS)
    previous = {name: getattr(parts, name) for name in parts.__dataclass_fields__}
    assert parts.reason_against(None) == "new input"
    expected = {"code": "reportgen changed", "language_data": "language data changed",
                "pipeline": "pipeline changed", "settings": "settings changed",
                "input": "input changed"}  # fmt: skip
    for name, reason in expected.items():
        assert parts.reason_against({**previous, name: "other"}) == reason
    assert key_parts(documents[1], "auto", DEFAULT_LIMITS).key != parts.key
    assert key_parts(documents[0], "rules", DEFAULT_LIMITS).key != parts.key


def test_a_damaged_entry_is_a_miss_with_a_warning(tmp_path: Path) -> None:
    corpus, cache = _corpus(tmp_path), tmp_path / "cache"
    build(corpus, tmp_path / "site", pdf=False, cache_dir=cache)
    entries = sorted((cache / "analyses").rglob("*.json.gz"))
    entries[0].write_bytes(b"not gzip at all")
    entries[1].write_bytes(gzip.compress(b'{"format": 1, "key": "x", "analysis": {}}'))
    # another output folder: its site cannot be kept whole, so every analysis is read
    warm = build(corpus, tmp_path / "other", pdf=False, cache_dir=cache)
    assert warm.cache.hits == 8 and len(warm.cache.warnings) == 2
    assert [why for _id, why in warm.cache.misses] == ["cache entry unreadable"] * 2
    # the same analyses again
    assert site_bytes(tmp_path / "other") == site_bytes(tmp_path / "site")
    again = build(corpus, tmp_path / "third", pdf=False, cache_dir=cache)
    assert again.cache.hits == 10 and again.cache.warnings == []


def test_an_unchanged_build_is_kept_whole_without_reading_an_analysis(tmp_path: Path) -> None:
    corpus, cache, site = _corpus(tmp_path), tmp_path / "cache", tmp_path / "site"
    cold = build(corpus, site, pdf=False, cache_dir=cache)
    cold_analyses, before = list(cold.analyses), site_files(site)
    for entry in (cache / "analyses").rglob("*.json.gz"):
        entry.write_bytes(b"damaged")  # a build that read one would say so
    kept = build(corpus, site, pdf=False, cache_dir=cache)
    assert kept.cache.hits == 10 and kept.cache.warnings == [] and kept.cache.misses == []
    assert kept.site.rewritten == [] and site_files(site) == before
    assert sorted(kept.site.written) == sorted(cold.site.written)
    assert list(kept.analyses) == cold_analyses and kept.analyses[-1] == cold_analyses[-1]
    # a file of the site touched: the site is not kept whole, the analyses are read
    (site / "data" / "analysis.jsonl").touch()
    read = build(corpus, site, pdf=False, cache_dir=cache)
    assert len(read.cache.warnings) == 10 and read.site.rewritten == []
    assert site_bytes(site) == {name: data for name, (data, _mtime) in before.items()}
    # an older build's record, without the inputs key: the site is kept by its site key once
    # the analyses are read, and the inputs key recorded, so the next build reads none
    record = next((cache / "sites").glob("*.json"))
    record.write_text(json.dumps({**json.loads(record.read_text()), "inputs": ""}))
    for entry in (cache / "analyses").rglob("*.json.gz"):
        entry.write_bytes(b"damaged")
    older = build(corpus, site, pdf=False, cache_dir=cache)
    assert len(older.cache.warnings) == 10 and older.site.rewritten == []
    assert json.loads(record.read_text())["inputs"]
    for entry in (cache / "analyses").rglob("*.json.gz"):
        entry.write_bytes(b"damaged")
    latest = build(corpus, site, pdf=False, cache_dir=cache)
    assert latest.cache.warnings == [] and latest.site.rewritten == []


def test_unchanged_pdfs_are_not_rendered_again(tmp_path: Path) -> None:
    corpus, cache, site = tmp_path / "corpus", tmp_path / "cache", tmp_path / "site"
    shutil.copytree(CORPUS / "rheinblick", corpus / "rheinblick")
    rendered: list[str] = []
    build(corpus, site, cache_dir=cache, on_pdf=lambda _d, _t, path: rendered.append(path))
    assert len(rendered) == 5  # three articles, the outlet and the corpus
    before, rendered[:] = site_files(site), []
    warm = build(corpus, site, cache_dir=cache, on_pdf=lambda _d, _t, path: rendered.append(path))
    assert rendered == [] and len(warm.site.pdfs) == 5 and site_files(site) == before
    # a PDF replaced in the site is rendered again, and only that one
    (site / warm.site.pdfs[0]).write_bytes(b"%PDF-1.7 edited")
    build(corpus, site, cache_dir=cache, on_pdf=lambda _d, _t, path: rendered.append(path))
    assert rendered == [warm.site.pdfs[0]]
    assert site_bytes(site) == {k: data for k, (data, _m) in before.items()}


def test_no_cache_and_cache_clear_on_the_command_line(tmp_path: Path, monkeypatch) -> None:
    from reportgen.cli import app

    runner = CliRunner()
    corpus, cache = _corpus(tmp_path), tmp_path / "cache"
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(cache))
    site = str(tmp_path / "site")
    first = runner.invoke(app, ["build", str(corpus), "-o", site, "--no-pdf", "-v"])
    assert first.exit_code == 0, first.stderr
    assert "analysed: rheinblick/impfzentren: new input" in first.stderr
    warm = runner.invoke(app, ["build", str(corpus), "-o", site, "--no-pdf"])
    assert "cache: 10 analyses reused, 0 not" in warm.stderr
    uncached = runner.invoke(app, ["build", str(corpus), "-o", site, "--no-pdf", "--no-cache"])
    assert uncached.exit_code == 0 and "cache:" not in uncached.stderr
    (cache / "notes.txt").write_text("not the cache's")
    cleared = runner.invoke(app, ["cache", "clear"])
    # the 10 analyses, the index, the records of the pages, search parts, data exports and the
    # site (no PDF record: the builds made none), the text reuse found and the 10 sketches
    assert cleared.exit_code == 0 and "removed 26 " in cleared.stderr
    assert not (cache / "analyses").exists() and (cache / "notes.txt").is_file()
    again = runner.invoke(app, ["build", str(corpus), "-o", site, "--no-pdf"])
    assert "cache: 0 analyses reused, 10 not" in again.stderr


SHARED = (
    "Die Stadtverwaltung hat am Montag bekanntgegeben, dass die Brücke über den Fluss wegen "
    "schwerer Schäden an den Pfeilern für mindestens drei Monate gesperrt bleibt. Pendler "
    "müssen mit Umwegen von bis zu zwanzig Minuten rechnen, die Busse fahren über die "
    "Umgehungsstraße, und der Fährbetrieb wird an Werktagen bis in die späten Abendstunden "
    "verlängert. Eine Sanierung soll im Frühjahr beginnen, sobald die Gutachten vorliegen."
)


def _reuse_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "reuse-corpus"
    for outlet, lead in (("erster-bote", "Ein Bericht vom Fluss."), ("zweite-post", "Neues.")):
        (corpus / outlet).mkdir(parents=True)
        text = f"Die Brücke bleibt zu\n\n{lead}\n\n{SHARED}\n\nMehr dazu folgt.\n"
        (corpus / outlet / "bruecke.txt").write_text(text, encoding="utf-8")
    return corpus


def test_the_text_reuse_found_is_kept_for_the_same_analyses(tmp_path: Path, monkeypatch) -> None:
    """A rebuild of the same analyses takes the passages found before instead of comparing
    every article again; a changed article makes the pass run again."""
    import reportgen.build as building

    corpus, cache = _reuse_corpus(tmp_path), tmp_path / "cache"
    cold = build(corpus, tmp_path / "site", pdf=False, cache_dir=cache)
    cold_analyses = list(cold.analyses)
    assert all(a.reuse for a in cold_analyses)  # each article lists the passage it shares
    assert len(list((cache / "reuse").rglob("*.json.gz"))) == 1
    runs: list[int] = []
    real_find_reuse = building.find_reuse

    def counted(analyses, options, *stores):  # type: ignore[no-untyped-def]
        runs.append(len(analyses))
        return real_find_reuse(analyses, options, *stores)

    monkeypatch.setattr(building, "find_reuse", counted)
    warm = build(corpus, tmp_path / "warm", pdf=False, cache_dir=cache)
    assert runs == [] and list(warm.analyses) == cold_analyses
    assert site_bytes(tmp_path / "warm") == site_bytes(tmp_path / "site")
    article = corpus / "zweite-post" / "bruecke.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nNachtrag.\n", encoding="utf-8")
    sketched: list[int] = []
    real_sketch = WindowIndex.sketch

    def counted_sketch(index, body):  # type: ignore[no-untyped-def]
        sketched.append(len(body.firsts))
        return real_sketch(index, body)

    monkeypatch.setattr(WindowIndex, "sketch", counted_sketch)
    build(corpus, tmp_path / "changed", pdf=False, cache_dir=cache)
    # the pass runs again; the unchanged body's windows are the ones kept, the other's are new
    assert runs == [2] and len(sketched) == 1 and sketched[0] > 0
    assert len(list((cache / "sketches").rglob("*.bin"))) == 3
    # the pair's bodies are not both the same: aligned again, kept under a new key
    assert len(list((cache / "alignments").rglob("*.json"))) == 2
    build(corpus, tmp_path / "uncached", pdf=False)
    assert site_bytes(tmp_path / "uncached") == site_bytes(tmp_path / "changed")


def test_a_pair_of_unchanged_bodies_is_not_aligned_again(tmp_path: Path, monkeypatch) -> None:
    """Another article changed: the pass runs, and the two articles that share a passage take
    their alignment from the cache; the site is what a build without a cache makes."""
    import reportgen.analyze.reuse as reuse

    corpus, cache = _reuse_corpus(tmp_path), tmp_path / "cache"
    other = corpus / "erster-bote" / "wetter.txt"
    other.write_text("Das Wetter\n\nMorgen regnet es im ganzen Land.\n", encoding="utf-8")
    build(corpus, tmp_path / "site", pdf=False, cache_dir=cache)
    aligned: list[int] = []
    real_alignments = reuse.alignments

    def counted(*args):  # type: ignore[no-untyped-def]
        aligned.append(1)
        return real_alignments(*args)

    monkeypatch.setattr(reuse, "alignments", counted)
    other.write_text(other.read_text(encoding="utf-8") + "\nDann Sonne.\n", encoding="utf-8")
    changed = build(corpus, tmp_path / "site", pdf=False, cache_dir=cache)
    assert aligned == [] and sum(bool(a.reuse) for a in changed.analyses) == 2
    build(corpus, tmp_path / "uncached", pdf=False)
    assert site_bytes(tmp_path / "uncached") == site_bytes(tmp_path / "site")


def test_pages_whose_inputs_did_not_change_are_not_rendered_again(tmp_path, monkeypatch) -> None:
    """After one article changed, its pages and the pages that show it are rendered; the
    others are kept as they are, and the site is the one a cold build writes."""
    corpus, cache, site = _corpus(tmp_path), tmp_path / "cache", tmp_path / "site"
    build(corpus, site, pdf=False, cache_dir=cache)
    rendered = _count_renders(monkeypatch)
    highlighted: list[str] = []  # the texts whose blocks were highlighted for a page
    real_pieces = highlight._pieces
    monkeypatch.setattr(highlight, "_pieces", lambda text, *rest: highlighted.append(text)
                        or real_pieces(text, *rest))  # fmt: skip
    _add_paragraph(corpus / ARTICLE)
    warm = build(corpus, site, pdf=False, cache_dir=cache)
    assert "article.html" in rendered and "index.html" in rendered  # the corpus counts changed
    assert 0 < len(rendered) < len(warm.site.pages) / 2
    assert rendered.count("article.html") == 1  # no other article page shows this one
    assert highlighted and {text.endswith("Ein neuer Absatz.\n") for text in highlighted} == {True}
    monkeypatch.undo()
    build(corpus, tmp_path / "cold", pdf=False)
    assert site_bytes(tmp_path / "cold") == site_bytes(site)


def test_pages_with_pdfs_are_kept_with_their_pdfs(tmp_path, monkeypatch) -> None:
    """With PDFs on, after one article changed, its page and its PDF are made again; the other
    article pages are kept without rendering their HTML, and so are their PDFs."""
    corpus, cache, site = _corpus(tmp_path), tmp_path / "cache", tmp_path / "site"
    cold = build(corpus, site, cache_dir=cache)
    pdfs: list[str] = []
    rendered = _count_renders(monkeypatch)
    _add_paragraph(corpus / ARTICLE)
    warm = build(corpus, site, cache_dir=cache, on_pdf=lambda _d, _t, path: pdfs.append(path))
    assert rendered.count("article.html") == 2  # its page and its PDF's page, no other
    assert "pdf/articles/rheinblick/impfzentren.pdf" in pdfs
    assert not any(path.startswith("pdf/articles/ostwind") for path in pdfs)
    assert warm.site.pdfs == cold.site.pdfs
    # a kept page's PDF replaced in the site: that page and its PDF are made again
    (site / "pdf/articles/ostwind-kurier/gaspreise-winter.pdf").write_bytes(b"%PDF-1.7 edited")
    rendered[:], pdfs[:] = [], []
    build(corpus, site, cache_dir=cache, on_pdf=lambda _d, _t, path: pdfs.append(path))
    assert pdfs == ["pdf/articles/ostwind-kurier/gaspreise-winter.pdf"]
    assert rendered.count("article.html") == 2
    monkeypatch.undo()
    build(corpus, tmp_path / "cold", cache_dir=tmp_path / "other-cache")
    assert site_bytes(tmp_path / "cold") == site_bytes(site)


def test_a_kept_page_is_rendered_again_when_its_questions_get_other_answers(tmp_path) -> None:
    """What a template asked of the build (a slug, whether an entity has a page) is part of
    the page's inputs although it is no value of its context."""
    from reportgen.render.memo import PageMemo

    output, cache = tmp_path / "site", tmp_path / "cache"
    output.mkdir()

    def render(linked: frozenset[str], slug: dict[str, str]) -> bool:
        """Whether the page was kept, else it is rendered and recorded."""
        memo = PageMemo(cache, output, [])
        context = {"linked_entities": linked, "slug": slug.get, "names": ["a", "b"]}
        key = memo.key("page.html", "page.html", context)
        assert key is not None
        if memo.kept("page.html", key, context) is not None:
            memo.save()
            return True
        asking, answers = memo.asking(context)
        html = " ".join(f"{n}:{n in asking['linked_entities']}:{asking['slug'](n)}"
                        for n in context["names"])  # fmt: skip
        (output / "page.html").write_text(html, encoding="utf-8")
        memo.record("page.html", key, answers, hashlib.sha256(html.encode()).hexdigest())
        memo.save()
        return False

    assert not render(frozenset({"a"}), {"a": "a-1"})
    assert render(frozenset({"a", "z"}), {"a": "a-1", "z": "z"})  # nothing it asked about
    assert not render(frozenset({"a", "b"}), {"a": "a-1"})  # b has a page now
    assert not render(frozenset({"a", "b"}), {"a": "a-2"})  # a's slug changed
    assert render(frozenset({"a", "b"}), {"a": "a-2"})
    (output / "page.html").write_text("edited", encoding="utf-8")
    assert not render(frozenset({"a", "b"}), {"a": "a-2"})  # the file is not what was written


def test_the_code_left_out_of_the_key_is_code_an_analysis_never_runs() -> None:
    """An analysis in a fresh interpreter, English and German: none of the modules it loads is
    one that cache.keys leaves out of the code part of the key (a change there keeps entries)."""
    documents = [d for d in read_corpus(CORPUS)[0] if d.lang in ("de", "en")]
    documents = [next(d for d in documents if d.lang == lang) for lang in ("de", "en")]
    script = (
        "import sys, json, pickle\n"
        "from reportgen.analyze import analyze\n"
        "[analyze(d, 'rules') for d in pickle.loads(sys.stdin.buffer.read())]\n"
        "print(json.dumps([m.__file__ for n, m in sorted(sys.modules.items())\n"
        "                  if n.startswith('reportgen') and getattr(m, '__file__', None)]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], input=pickle.dumps(documents),
                          capture_output=True, check=True)  # fmt: skip
    analysing = [Path(name) for name in json.loads(done.stdout)]
    assert any(p.name == "quotes" or "quotes" in p.parts for p in analysing)
    assert [p for p in analysing if not keys.is_analysis_code(p)] == []


def _count_exports(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """The ids of the analyses whose export pieces are made from now on."""
    from reportgen.render import exports

    made: list[str] = []
    real = exports.export_pieces
    monkeypatch.setattr(exports, "export_pieces", lambda a, texts: made.append(a.id)
                        or real(a, texts))  # fmt: skip
    return made


def test_the_exports_of_unchanged_analyses_are_copied_from_the_last_build(
    tmp_path, monkeypatch
) -> None:
    corpus, cache, site = _corpus(tmp_path), tmp_path / "cache", tmp_path / "site"
    build(corpus, site, pdf=False, cache_dir=cache)
    made = _count_exports(monkeypatch)
    _add_paragraph(corpus / ARTICLE)
    build(corpus, site, pdf=False, cache_dir=cache)
    assert "rheinblick/impfzentren" in made and len(made) < 5  # of 10 analyses
    # a data file touched since it was written: no piece is taken from any of them
    made.clear()
    (site / "data" / "quotes.csv").write_bytes(b"edited")
    _add_paragraph(corpus / ARTICLE)
    build(corpus, site, pdf=False, cache_dir=cache)
    assert len(made) == 10
    monkeypatch.undo()
    build(corpus, tmp_path / "cold", pdf=False)
    assert site_bytes(tmp_path / "cold") == site_bytes(site)
