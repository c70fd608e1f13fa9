"""Full-text search of the built site with Pagefind, run as the last step of a build.

Pagefind (https://pagefind.app) reads the finished HTML and writes a static index plus its own
JavaScript and WebAssembly into `pagefind/`; the browser fetches only the index chunks a query
needs, so search works on any static host without a server-side part. Only the main content of
the pages that carry `data-pagefind-body` (articles, outlets, entities, speakers, sources) is
indexed; the filters come from `data-pagefind-filter` tags in their heads.

The index is built from hard links to this build's pages in a temporary folder, so stale pages
of a previous build (removed only once the build ends) are never indexed, and Pagefind's files
are then written through the `SiteWriter` like every other file: atomically, inside the output
folder and into the build manifest.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache.search import SearchParts
from ..model import ArticleAnalysis
from ..spool import langs_of
from .search_runs import PagefindRun, Part, SearchIndexError, SearchRuns
from .stable_filters import UnknownBundleError, stabilise_filters

if TYPE_CHECKING:
    from .site import SiteWriter

SEARCH_PAGE = "search.html"
BUNDLE = "pagefind"  # the folder Pagefind's index and scripts go to, inside the site
# HTML per part of the index: Pagefind takes about 300 MB for this much article HTML (520 MB for
# 20 MB), and a rebuild indexes again only the parts holding a changed page.
SEARCH_PART_BYTES = 12_000_000
PART_PREFIX = "part-"  # pagefind/part-2/, pagefind/part-3/, ...
PARTS_LIST = "parts.json"  # the other parts, relative to the first: ["part-2/", ...]
# Pagefind's interface files: written with the first part only.
INTERFACE_FILES = ("pagefind-ui", "pagefind-modular-ui", "pagefind-component-ui",
                   "pagefind-highlight")  # fmt: skip


@dataclass(frozen=True)
class SearchFacets:
    """How one page is indexed: its kind and the filter values it is found under."""

    kind: str  # article, outlet, entity, speaker, source
    filters: dict[str, list[str]] = field(default_factory=dict)  # e.g. outlet, language

    def tags(self) -> list[tuple[str, str]]:
        """(filter, value) pairs in a stable order, the page kind first."""
        pairs = [("kind", self.kind)]
        for name in sorted(self.filters):
            pairs.extend((name, value) for value in sorted(set(self.filters[name])))
        return pairs


def index_language(analyses: Iterable[ArticleAnalysis]) -> str:
    """The corpus's most common article language (ties: alphabetical), "en" without articles.

    The whole site is one index in this language: Pagefind otherwise makes one index per
    `<html lang>` and searches only the one of the search page's language, so a German article
    would not be found from an English listing page's search box."""
    counts = Counter(lang for lang in langs_of(analyses) if lang)
    if not counts:
        return "en"
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def search_unavailable() -> str | None:
    """Why Pagefind cannot run here (None: it can). Asked before any page is written, so a
    site without search has no search box either."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        return "the pagefind package is not installed (pip install 'pagefind[bin]')"
    executable = get_executable()
    if executable is None or not executable.is_file():
        return f"no Pagefind binary ({executable or 'pagefind_bin is not installed'})"
    return None


def part_folder(number: int) -> str:
    """Where part `number` (from 1) of the index goes: the first is the bundle with Pagefind's
    interface, the others sit inside it."""
    return BUNDLE if number == 1 else f"{BUNDLE}/{PART_PREFIX}{number}"


def start_search(
    output: Path,
    language: str,
    part_bytes: int = SEARCH_PART_BYTES,
    cache: Path | None = None,
) -> SearchRuns:
    """The index of the pages about to be written under `output`: each page goes to
    ``SearchRuns.add`` once written, and ``write_search_index`` writes the bundle at the end.
    With a `cache` folder, a part made of the same pages as last time is kept, not indexed.
    Raises SearchIndexError when there is no Pagefind binary."""
    cached = SearchParts(cache, output) if cache else None
    return SearchRuns(output, language, part_bytes, _executable(), cached)


def write_search_index(
    writer: SiteWriter,
    pages: list[str],
    language: str,
    part_bytes: int = SEARCH_PART_BYTES,
    runs: SearchRuns | None = None,
) -> list[str]:
    """Index `pages` (paths in the site) and write the bundle under `pagefind/`, one part per
    `part_bytes` of pages, and the list of the other parts (`pagefind/parts.json`, which the
    search page merges); returns the paths written. `runs`: the parts already under way, with
    every page of `pages` added as it was written. Raises SearchIndexError when Pagefind is
    missing or fails."""
    if runs is None:
        runs = start_search(writer.output, language, part_bytes, writer.options.cache)
        for page in pages:
            data = (writer.output / page).read_bytes()
            runs.add(page, len(data), hashlib.sha256(data).hexdigest())
    try:
        written: list[str] = []
        parts = runs.finish()
        for part in parts:
            files = _keep_part(writer, part.kept) if part.kept else _write_part(writer, part)
            if runs.cached is not None:
                runs.cached.record(part.number, part.key, files)
            written += files
        if runs.cached is not None:
            runs.cached.save()
        others = [f"{PART_PREFIX}{number}/" for number in range(2, len(parts) + 1)]
        writer.write(f"{BUNDLE}/{PARTS_LIST}", json.dumps(others).encode())
        return [*written, f"{BUNDLE}/{PARTS_LIST}"]
    finally:
        runs.close()


def _keep_part(writer: SiteWriter, files: list[str]) -> list[str]:
    for relative in files:
        writer.keep(relative)
    return files


def _write_part(writer: SiteWriter, part: Part) -> list[str]:
    bundle = part.folder / "bundle"
    try:
        stabilise_filters(bundle)
    except (UnknownBundleError, OSError, ValueError) as exc:
        raise SearchIndexError(f"cannot put Pagefind's filters in order: {exc}") from exc
    files = sorted(p for p in bundle.rglob("*") if p.is_file())
    if part.number > 1:  # the interface is loaded once, from the first part
        files = [p for p in files if not p.name.startswith(INTERFACE_FILES)]
    if not files:
        raise SearchIndexError("Pagefind wrote no index")
    written = []
    for path in files:
        relative = f"{part_folder(part.number)}/{path.relative_to(bundle).as_posix()}"
        writer.move_in(relative, path)
        written.append(relative)
    shutil.rmtree(part.folder, ignore_errors=True)  # the next part's files need no room beside it
    return written


def _pagefind(site: Path, bundle: Path, language: str) -> None:
    """Run the Pagefind binary over `site` and wait for it to exit."""
    PagefindRun(_executable(), site, bundle, language).wait()


def _executable() -> Path:
    try:
        from pagefind.service import get_executable
    except ImportError as exc:
        raise SearchIndexError("the pagefind package is not installed") from exc
    executable = get_executable()
    if executable is None or not executable.is_file():
        raise SearchIndexError(f"no Pagefind binary ({executable})")
    return executable
