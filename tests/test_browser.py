"""A real browser over a built site (issue 14, part 7): Debian's Chromium, driven by
Playwright's Python API, opens one page of every kind as `reportgen serve` serves it.

No page may log a console error or an uncaught exception, fetch anything from outside the
site, or leave a chart undrawn; search must find a known article, also through the filters.
Skipped when Playwright or a Chromium is not installed (`.ci/run` installs both).
"""

from __future__ import annotations

import contextlib
import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import BUNDLED_SEED
from sitecheck import html_pages

from reportgen.build import BuildResult
from reportgen.render.site import SiteOptions, write_site
from reportgen.serve import site_server

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
CHROMIUM = next(
    (path for path in ("/usr/bin/chromium", shutil.which("chromium"),
                       shutil.which("chromium-browser")) if path and Path(path).is_file()),
    None,
)  # fmt: skip
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed")

SEED_PAGE = "articles/ostwind-kurier/000-01257365a1ad734e.html"
SEED_TITLE = "Freundschaftliche Gespräche zwischen Russland und Belarus"


@contextlib.contextmanager
def serving(site: Path) -> Iterator[str]:
    server = site_server(site, 0)  # reportgen's own server, on a free port
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def served(built_site: tuple[Path, BuildResult]) -> Iterator[tuple[Path, str]]:
    site, _ = built_site
    with serving(site) as origin:
        yield site, origin


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM)
        yield chromium
        chromium.close()


class Watched:
    """A page with everything that went wrong on it: console errors, uncaught exceptions,
    failed requests and requests to anywhere but the site."""

    def __init__(self, browser: object, origin: str) -> None:
        self.page = browser.new_page()  # type: ignore[attr-defined]
        self.problems: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(
            f"console error: {m.text}"))  # fmt: skip
        self.page.on("pageerror", lambda e: self.problems.append(f"exception: {e}"))
        self.page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url}"))
        self.page.on("request", lambda r: r.url.startswith(origin) or self.problems.append(
            f"request outside the site: {r.url}"))  # fmt: skip

    def open(self, url: str) -> None:
        response = self.page.goto(url, wait_until="networkidle")
        assert response is not None and response.ok, url


def one_page_of_every_kind(site: Path) -> list[str]:
    def first(pattern: str) -> str:
        found = [p for p in sorted(site.glob(pattern)) if not p.stem.startswith("index")]
        return found[0].relative_to(site).as_posix()

    return [
        "index.html", first("outlets/*/") + "/index.html", SEED_PAGE,
        "entities/index.html", "entities/people.html", "entities/per-alexander-lukaschenko.html",
        "speakers/index.html", first("speakers/*.html"), "sources/index.html",
        first("sources/*.html"), "search.html",
    ]  # fmt: skip


def test_every_kind_of_page_opens_cleanly_and_draws_its_charts(
    served: tuple[Path, str], browser: object
) -> None:
    site, origin = served
    pages = one_page_of_every_kind(site)
    assert all((site / page).is_file() for page in pages)
    assert len(html_pages(site)) > len(pages)
    watched = Watched(browser, origin)
    for page in pages:
        watched.open(origin + page)
        charts = (site / page).read_text(encoding="utf-8").count("<svg")
        drawn = watched.page.evaluate(
            "() => [...document.querySelectorAll('main svg')].filter(svg => {"
            " const box = svg.getBoundingClientRect();"
            " const shapes = 'rect, path, circle, line, polyline, polygon';"
            " return box.width > 0 && box.height > 0 && svg.querySelector(shapes);"
            "}).length"
        )
        assert drawn == charts, f"{page}: {drawn} of {charts} charts drawn"
        if page.startswith("outlets/"):
            assert charts > 0
    assert watched.problems == []


def test_the_search_box_finds_a_known_article(served: tuple[Path, str], browser: object) -> None:
    site, origin = served
    assert BUNDLED_SEED.is_file()
    watched = Watched(browser, origin)
    watched.open(origin + SEED_PAGE)
    watched.page.fill(".site-search input[name=q]", "Lukaschenko")
    watched.page.click(".site-search button")
    watched.page.wait_for_selector(".pagefind-ui__result-link", timeout=20_000)
    assert watched.page.url.startswith(origin + "search.html?q=Lukaschenko")
    links = {
        link.get_attribute("href"): link.inner_text()
        for link in watched.page.query_selector_all(".pagefind-ui__result-link")
    }
    assert links.get("/" + SEED_PAGE) == SEED_TITLE, links
    watched.page.click(f'.pagefind-ui__result-link[href="/{SEED_PAGE}"]')
    watched.page.wait_for_url(origin + SEED_PAGE)
    assert watched.problems == []


def test_search_filters_by_kind_outlet_and_language(
    served: tuple[Path, str], browser: object
) -> None:
    _, origin = served
    watched = Watched(browser, origin)
    watched.open(origin + "search.html")
    found = watched.page.evaluate(
        """async () => {
          const pagefind = await import("./pagefind/pagefind.js");
          const urls = async (filters) => {
            const search = await pagefind.search("Lukaschenko", {filters});
            return Promise.all(search.results.map(async r => (await r.data()).url));
          };
          return {
            all: await urls({}),
            articles: await urls({kind: "article"}),
            entities: await urls({kind: "entity"}),
            english: await urls({language: "en"}),
            elsewhere: await urls({kind: "article", outlet: "harbour-gazette"}),
            filters: await pagefind.filters(),
          };
        }"""
    )
    assert "/" + SEED_PAGE in found["all"] and "/" + SEED_PAGE in found["articles"]
    assert all(url.startswith("/articles/") for url in found["articles"])
    assert len(found["articles"]) < len(found["all"])
    assert found["entities"] == ["/entities/per-alexander-lukaschenko.html"]
    assert "/" + SEED_PAGE not in found["english"] and found["elsewhere"] == []
    assert set(found["filters"]["kind"]) == {"article", "outlet", "entity", "speaker", "source"}
    assert {"de", "en"} <= set(found["filters"]["language"])
    assert watched.problems == []


def _results(browser: object, origin: str, query: str) -> tuple[set[str], set[str], list[str]]:
    """What the search page lists for `query`, what Pagefind finds with every part of the
    index merged as search.js merges them (the page lists only the best results), and what
    went wrong on the page."""
    watched = Watched(browser, origin)
    watched.open(origin + f"search.html?q={query}")
    watched.page.wait_for_selector(".pagefind-ui__result-link", timeout=20_000)
    listed = {a.get_attribute("href") for a in watched.page.query_selector_all(
        ".pagefind-ui__result-link")}  # fmt: skip
    found = watched.page.evaluate(
        """async (query) => {
          const pagefind = await import("./pagefind/pagefind.js");
          const parts = await (await fetch("./pagefind/parts.json")).json();
          for (const part of parts) await pagefind.mergeIndex("/pagefind/" + part);
          const search = await pagefind.search(query);
          return Promise.all(search.results.map(async r => (await r.data()).url));
        }""",
        query,
    )
    return listed, set(found), watched.problems


def test_an_index_in_parts_finds_what_the_whole_index_finds(
    served: tuple[Path, str], built_site: tuple[Path, BuildResult], browser: object,
    tmp_path: Path,
) -> None:
    _, origin = served
    _, result = built_site
    site = tmp_path / "parts"
    write_site(site, result.analyses, result.errors, result.files,
               SiteOptions(pdf=False, search_part_bytes=60_000))  # fmt: skip
    assert len(json.loads((site / "pagefind" / "parts.json").read_text(encoding="utf-8"))) >= 2
    _, whole, problems = _results(browser, origin, "Lukaschenko")
    assert problems == [] and "/" + SEED_PAGE in whole
    with serving(site) as parts_origin:
        listed, in_parts, problems = _results(browser, parts_origin, "Lukaschenko")
    assert problems == [] and "/" + SEED_PAGE in listed
    assert in_parts == whole
