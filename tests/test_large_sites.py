"""Large corpora stay browsable (issue 14, part 6): entities mentioned too rarely get no page of
their own (and are named as text, never as a broken link), the listings are paged, and no
internal link of a built site is broken."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import write_file
from sitecheck import broken_links, html_pages
from typer.testing import CliRunner

from reportgen.aggregate import entity_table
from reportgen.build import BuildResult
from reportgen.cli import app
from reportgen.render.site import SiteOptions, write_site
from reportgen.slugs import unique_slugs

ENTITY_PAGE = re.compile(r"(per|org|loc|misc)-")


def rewrite(result: BuildResult, output: Path, **options: object) -> Path:
    options = {"pdf": False, "search": False, **options}
    write_site(output, result.analyses, result.errors, result.files, SiteOptions(**options))
    return output


def entity_pages(site: Path) -> set[str]:
    """The file names of the entity pages (`<label>-<name>.html`), not the listings."""
    return {p.name for p in (site / "entities").glob("*.html") if ENTITY_PAGE.match(p.name)}


def mentions(result: BuildResult) -> Counter[str]:
    counts: Counter[str] = Counter()
    for a in result.analyses:
        for e in a.entities:
            counts[e.id] += len(e.mentions)
    return counts


def test_no_internal_link_of_the_built_site_is_broken(built_site: tuple[Path, BuildResult]) -> None:
    site, _ = built_site
    assert len(html_pages(site)) > 20
    assert broken_links(site) == []


def test_rarely_mentioned_entities_are_named_without_a_page(
    built_site: tuple[Path, BuildResult],
) -> None:
    site, result = built_site  # the default: at least 2 mentions for a page
    counts = mentions(result)
    rare = sorted(i for i, n in counts.items() if n < 2)
    often = sorted(i for i, n in counts.items() if n >= 2)
    assert rare and often
    for entity_id in rare:
        assert not (site / "entities" / f"{entity_id}.html").exists()
    for entity_id in often:
        assert (site / "entities" / f"{entity_id}.html").is_file()
    # an article naming a rare entity shows its name as text
    a = next(a for a in result.analyses if any(e.id in rare for e in a.entities))
    e = next(e for e in a.entities if e.id in rare)
    html = (site / "articles" / f"{a.id}.html").read_text(encoding="utf-8")
    assert '<span class="no-page"' in html and f"entities/{e.id}.html" not in html
    index = (site / "entities" / "index.html").read_text(encoding="utf-8")
    assert "fewer than 2 times" in index and "--min-mentions 1" in index


def test_min_mentions_one_gives_every_entity_a_page(
    built_site: tuple[Path, BuildResult], tmp_path: Path
) -> None:
    site, result = built_site
    every = rewrite(result, tmp_path / "every", min_mentions=1)
    assert entity_pages(every) == {f"{i}.html" for i in mentions(result)}
    assert "no-page" not in "".join(p.read_text("utf-8") for p in html_pages(every))
    assert broken_links(every) == []
    fewer = rewrite(result, tmp_path / "fewer", min_mentions=5)
    assert len(html_pages(fewer)) < len(html_pages(site)) < len(html_pages(every))
    assert broken_links(fewer) == []


def listed(page: Path) -> list[str]:
    body = page.read_text(encoding="utf-8").split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r'<tr><td><a href="([^"]+)"', body)


def test_listings_are_paged_and_every_row_is_on_exactly_one_page(
    built_site: tuple[Path, BuildResult], tmp_path: Path
) -> None:
    _, result = built_site
    site = rewrite(result, tmp_path / "paged", listing_rows=3, min_mentions=1)
    for folder, stem in (("entities", "index"), ("entities", "people"), ("speakers", "index"),
                         ("sources", "index")):  # fmt: skip
        pages = [site / folder / f"{stem}.html"]
        more = site.glob(f"{folder}/{stem}-[0-9]*.html")
        pages += sorted(more, key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        assert len(pages) >= 2, f"{folder}/{stem} is not paged"
        rows = [listed(page) for page in pages]
        assert all(1 <= len(r) <= 3 for r in rows) and all(len(r) == 3 for r in rows[:-1])
        flat = [href for r in rows for href in r]
        assert len(flat) == len(set(flat))
        first = pages[0].read_text(encoding="utf-8")
        assert f'href="{pages[1].name}"' in first and f'of {len(flat)}' in first
    entity_rows = {href for page in site.glob("entities/index*.html") for href in listed(page)}
    # every entity mentioned in an article's own text (not only in its comments or furniture)
    assert entity_rows == {f"{row['id']}.html" for row in entity_table(result.analyses)}
    assert entity_rows <= entity_pages(site)
    assert broken_links(site) == []


def test_speakers_and_sources_never_take_a_listing_pages_name() -> None:
    slugs = unique_slugs(["Index 2", "index-17", "Index", "Indexer 2"], "item")
    assert slugs["Indexer 2"] == "indexer-2"
    for name in ("Index 2", "index-17", "Index"):
        assert not re.fullmatch(r"index(-[0-9]+)?", slugs[name]), slugs


def test_min_mentions_below_one_is_one_clear_error(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_file(corpus / "o" / "a.txt", "Ein Text über Minsk.\n")
    runner = CliRunner()
    result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "out"),
                                 "--min-mentions", "0"])  # fmt: skip
    assert result.exit_code == 2
    write_file(corpus / "reportgen.toml", "[reportgen]\nmin_mentions = 0\n")
    result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and "min_mentions must be at least 1" in result.output
    with pytest.raises(ValueError, match="listing_rows"):
        SiteOptions(listing_rows=0)
