"""Search (issue 14, part 1): a Pagefind index written as the last build step, a search box on
every page, filters by page kind, outlet and language, nothing of it in the PDFs."""

from __future__ import annotations

import filecmp
import json
from pathlib import Path

import pytest
from sitecheck import broken_links, html_pages, search_filters

from reportgen.build import BuildResult
from reportgen.render.search import SearchFacets, index_language
from reportgen.render.site import SiteOptions, SiteWriter, write_site

SEED_PAGE = "articles/ostwind-kurier/000-01257365a1ad734e.html"


def rewrite(result: BuildResult, output: Path, **options: object) -> Path:
    """The site of an analysed corpus written again with other options (no analysis)."""
    write_site(output, result.analyses, result.errors, result.files, SiteOptions(**options))
    return output


def test_the_build_writes_a_search_page_and_pagefinds_bundle(
    built_site: tuple[Path, BuildResult],
) -> None:
    site, result = built_site
    assert result.site is not None and result.site.warnings == []
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    # one index for the whole site, in the corpus's main language, with every indexed page
    assert list(entry["languages"]) == [index_language(result.analyses)]
    indexed = [p for p in html_pages(site) if "data-pagefind-body" in p.read_text("utf-8")]
    assert entry["languages"]["de"]["page_count"] == len(indexed)
    assert all(path.startswith("pagefind/") for path in result.site.search)
    search = (site / "search.html").read_text(encoding="utf-8")
    assert 'src="pagefind/pagefind-ui.js"' in search and "assets/search.js" in search
    assert (site / "pagefind" / "pagefind-ui.js").is_file()


def test_every_page_has_a_search_box_leading_to_the_search_page(
    built_site: tuple[Path, BuildResult],
) -> None:
    site, _ = built_site
    pages = html_pages(site)
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        depth = len(page.relative_to(site).parts) - 1
        assert f'action="{"../" * depth}search.html"' in html, page


def test_pages_are_indexed_by_kind_outlet_and_language(
    built_site: tuple[Path, BuildResult],
) -> None:
    site, _ = built_site
    seed = site / SEED_PAGE
    assert search_filters(seed) == {
        "kind": ["article"], "language": ["de"], "outlet": ["ostwind-kurier"]
    }  # fmt: skip
    html = seed.read_text(encoding="utf-8")
    assert "<main data-pagefind-body>" in html
    assert "data-pagefind-ignore" in html  # the page furniture of the scraped article
    person = search_filters(site / "entities" / "per-alexander-lukaschenko.html")
    assert person["kind"] == ["entity"] and "ostwind-kurier" in person["outlet"]
    kinds = {search_filters(p).get("kind", ["-"])[0] for p in html_pages(site)}
    assert kinds == {"article", "outlet", "entity", "speaker", "source", "-"}
    for listing in ("index.html", "entities/index.html", "speakers/index.html", "search.html"):
        assert "data-pagefind-body" not in (site / listing).read_text(encoding="utf-8")


def test_pdfs_get_no_search_box(tmp_path: Path) -> None:
    writer = SiteWriter(tmp_path, SiteOptions())
    facets = SearchFacets("article", {"outlet": ["o"]})
    writer.page("articles/o/a.html", "search.html", pdf="pdf/a.pdf", title="t",
                bundle="pagefind", search_facets=facets)  # fmt: skip
    [pending] = writer.pending_pdfs
    pdf_html = pending[1]
    page_html = (tmp_path / "articles" / "o" / "a.html").read_text(encoding="utf-8")
    assert 'class="site-search"' in page_html and "data-pagefind-filter" in page_html
    assert 'class="site-search"' not in pdf_html and "data-pagefind" not in pdf_html


def test_no_search_means_no_index_and_no_search_box(
    built_site: tuple[Path, BuildResult], tmp_path: Path
) -> None:
    _, result = built_site
    site = rewrite(result, tmp_path / "plain", pdf=False, search=False)
    assert not (site / "pagefind").exists() and not (site / "search.html").exists()
    assert not (site / "assets" / "search.js").exists()
    for page in html_pages(site):
        html = page.read_text(encoding="utf-8")
        assert "site-search" not in html and "data-pagefind" not in html
    assert broken_links(site) == []


def test_without_the_pagefind_binary_the_site_builds_without_search(
    built_site: tuple[Path, BuildResult], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, result = built_site
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-pagefind"))
    output = tmp_path / "site"
    site = write_site(output, result.analyses, result.errors, result.files,
                      SiteOptions(pdf=False))  # fmt: skip
    [warning] = site.warnings
    assert warning.startswith("no search index: no Pagefind binary")
    assert not (output / "search.html").exists()
    assert broken_links(output) == []


def test_the_index_is_the_same_bytes_from_build_to_build(
    built_site: tuple[Path, BuildResult], tmp_path: Path
) -> None:
    _, result = built_site
    first = rewrite(result, tmp_path / "one", pdf=False)
    second = rewrite(result, tmp_path / "two", pdf=False)
    files = sorted(p.relative_to(first) for p in (first / "pagefind").rglob("*") if p.is_file())
    assert len(files) > 20
    again = sorted(p.relative_to(second) for p in (second / "pagefind").rglob("*") if p.is_file())
    assert files == again
    _, mismatch, errors = filecmp.cmpfiles(first, second, files, shallow=False)
    assert mismatch == [] and errors == []


def test_indexing_writes_nothing_outside_the_output_folder(
    built_site: tuple[Path, BuildResult], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, result = built_site
    elsewhere = tmp_path / "working-directory"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # Pagefind's service runs in the working directory
    site = tmp_path / "site"
    written = write_site(site, result.analyses, result.errors, result.files,
                         SiteOptions(pdf=False))  # fmt: skip
    assert written.warnings == []
    assert list(elsewhere.iterdir()) == []
    leftovers = [p.name for p in site.iterdir() if p.name.startswith(".reportgen-search")]
    assert leftovers == [] and (site / "pagefind" / "pagefind-entry.json").is_file()


def test_a_large_site_is_indexed_in_parts_that_are_searched_together(
    built_site: tuple[Path, BuildResult], tmp_path: Path
) -> None:
    """Pagefind holds all it indexes in memory: past `search_part_bytes` of pages the index is
    cut into parts, each from a run of its own, listed in parts.json for the search page."""
    _, result = built_site
    site = rewrite(result, tmp_path / "parts", pdf=False, search_part_bytes=60_000)
    parts = json.loads((site / "pagefind" / "parts.json").read_text(encoding="utf-8"))
    assert len(parts) >= 2 and parts == [f"part-{n}/" for n in range(2, len(parts) + 2)]
    for part in parts:
        assert (site / "pagefind" / part / "pagefind-entry.json").is_file()
        assert not (site / "pagefind" / part / "pagefind-ui.js").exists()  # loaded once
    assert (site / "pagefind" / "pagefind-ui.js").is_file()
    # every indexed page is in exactly one part
    indexed = []
    for bundle in [site / "pagefind", *(site / "pagefind" / part for part in parts)]:
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        indexed.append(sum(language["page_count"] for language in entry["languages"].values()))
    whole = rewrite(result, tmp_path / "whole", pdf=False)
    entry = json.loads((whole / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sum(indexed) == sum(lang["page_count"] for lang in entry["languages"].values())
    # only the pages marked for search, none of the others (no part is without such a page)
    marked = [p for p in html_pages(site) if "data-pagefind-body" in p.read_text("utf-8")]
    assert sum(indexed) == len(marked)
    assert json.loads((whole / "pagefind" / "parts.json").read_text(encoding="utf-8")) == []


def test_a_site_written_to_a_relative_folder_gets_its_index(
    built_site: tuple[Path, BuildResult], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`reportgen build` writes to `output/` under the working directory; Pagefind runs in
    another folder, so the paths it is given must not be relative."""
    _, result = built_site
    monkeypatch.chdir(tmp_path)
    written = write_site(Path("output"), result.analyses, result.errors, result.files,
                         SiteOptions(pdf=False))  # fmt: skip
    assert written.warnings == []
    assert (tmp_path / "output" / "pagefind" / "pagefind-entry.json").is_file()


def test_parts_of_unchanged_pages_are_kept_with_a_cache(
    built_site: tuple[Path, BuildResult], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a build cache, a part of the index whose pages are the same bytes as last time is
    kept, not indexed again; a part whose bundle was touched in the site is indexed again."""
    import reportgen.render.search_runs as runs_module

    _, result = built_site
    cache, site = tmp_path / "cache", tmp_path / "site"
    options = {"pdf": False, "search_part_bytes": 60_000, "cache": cache}
    rewrite(result, site, **options)
    parts = json.loads((site / "pagefind" / "parts.json").read_text(encoding="utf-8"))
    assert len(parts) >= 2
    before = {p: p.read_bytes() for p in sorted((site / "pagefind").rglob("*")) if p.is_file()}
    started: list[Path] = []
    real_run = runs_module.PagefindRun

    def counted(executable, folder, bundle, language):  # type: ignore[no-untyped-def]
        started.append(bundle)
        return real_run(executable, folder, bundle, language)

    monkeypatch.setattr(runs_module, "PagefindRun", counted)
    rewrite(result, site, **options)
    assert started == []
    (site / "pagefind" / parts[0] / "pagefind-entry.json").write_text("{}", encoding="utf-8")
    rewrite(result, site, **options)
    assert [bundle.parent.name for bundle in started] == ["2"]  # the staging folder of part 2
    after = {p: p.read_bytes() for p in sorted((site / "pagefind").rglob("*")) if p.is_file()}
    assert after == before
