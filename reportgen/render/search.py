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

import json
import os
import shutil
import subprocess
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import ArticleAnalysis
from .stable_filters import UnknownBundleError, stabilise_filters

if TYPE_CHECKING:
    from .site import SiteWriter

SEARCH_PAGE = "search.html"
BUNDLE = "pagefind"  # the folder Pagefind's index and scripts go to, inside the site
# Inside the indexed content, what is no text of its own: breadcrumbs, table headings, chart
# labels and the kind label of each text block (their words would fill every excerpt).
EXCLUDED = [".crumbs", "thead", "svg", ".block-label"]
PAGEFIND_TIMEOUT = 3600  # seconds; news_de (28,000 pages) takes minutes
# HTML per part of the index: Pagefind takes about half a gigabyte for this much article HTML.
SEARCH_PART_BYTES = 20_000_000
PART_PREFIX = "part-"  # pagefind/part-2/, pagefind/part-3/, ...
PARTS_LIST = "parts.json"  # the other parts, relative to the first: ["part-2/", ...]
# Pagefind's interface files: written with the first part only.
INTERFACE_FILES = ("pagefind-ui", "pagefind-modular-ui", "pagefind-component-ui",
                   "pagefind-highlight")  # fmt: skip


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message is one line for the user."""


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
    counts = Counter(a.lang for a in analyses if a.lang)
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


def search_parts(output: Path, pages: list[str], part_bytes: int) -> list[list[str]]:
    """`pages` in their order, cut into parts of at most `part_bytes` of HTML each (a page
    larger than that is a part of its own). Pagefind holds everything it indexes in memory,
    about 25 bytes per byte of article HTML, so one index of a large corpus would take gigabytes;
    each part is indexed by a run of its own and the parts are searched together."""
    parts: list[list[str]] = [[]]
    size = 0
    for page in pages:
        page_size = (output / page).stat().st_size
        if parts[-1] and size + page_size > part_bytes:
            parts.append([])
            size = 0
        parts[-1].append(page)
        size += page_size
    return parts


def part_folder(number: int) -> str:
    """Where part `number` (from 1) of the index goes: the first is the bundle with Pagefind's
    interface, the others sit inside it."""
    return BUNDLE if number == 1 else f"{BUNDLE}/{PART_PREFIX}{number}"


def write_search_index(
    writer: SiteWriter, pages: list[str], language: str, part_bytes: int = SEARCH_PART_BYTES
) -> list[str]:
    """Index `pages` (paths in the site) and write the bundle under `pagefind/`, one part per
    `part_bytes` of pages, and the list of the other parts (`pagefind/parts.json`, which the
    search page merges); returns the paths written. Raises SearchIndexError when Pagefind is
    missing or fails."""
    staging = Path(tempfile.mkdtemp(prefix=".reportgen-search-", dir=writer.output))
    try:
        written: list[str] = []
        parts = search_parts(writer.output, pages, part_bytes)
        for number, part in enumerate(parts, 1):
            written += _index_part(writer, staging / str(number), part, language, number)
        others = [f"{PART_PREFIX}{number}/" for number in range(2, len(parts) + 1)]
        writer.write(f"{BUNDLE}/{PARTS_LIST}", json.dumps(others).encode())
        return [*written, f"{BUNDLE}/{PARTS_LIST}"]
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _index_part(
    writer: SiteWriter, staging: Path, pages: list[str], language: str, number: int
) -> list[str]:
    site, bundle = staging / "site", staging / "bundle"
    for page in pages:
        _link_or_copy(writer.output / page, site / page)
    _pagefind(site, bundle, language)
    try:
        stabilise_filters(bundle)
    except (UnknownBundleError, OSError, ValueError) as exc:
        raise SearchIndexError(f"cannot put Pagefind's filters in order: {exc}") from exc
    files = sorted(p for p in bundle.rglob("*") if p.is_file())
    if number > 1:  # the interface is loaded once, from the first part
        files = [p for p in files if not p.name.startswith(INTERFACE_FILES)]
    if not files:
        raise SearchIndexError("Pagefind wrote no index")
    written = []
    for path in files:
        relative = f"{part_folder(number)}/{path.relative_to(bundle).as_posix()}"
        writer.write(relative, path.read_bytes())
        written.append(relative)
    shutil.rmtree(staging, ignore_errors=True)  # the next part's links need no room beside it
    return written


def _link_or_copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links
        shutil.copyfile(source, target)


def _pagefind(site: Path, bundle: Path, language: str) -> None:
    """Run the Pagefind binary over `site` and wait for it to exit. Its Python API is not
    used: on leaving its context the API stops the binary after at most five seconds, and on a
    busy machine that cut the writing of the bundle short (a truncated or missing index)."""
    executable = _executable()
    site, bundle = site.resolve(), bundle.resolve()  # the binary runs in another folder
    command = [str(executable), "--site", str(site), "--output-path", str(bundle),
               "--force-language", language, "--keep-index-url", "--silent"]  # fmt: skip
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    try:
        done = subprocess.run(
            command, cwd=site.parent, capture_output=True, text=True, timeout=PAGEFIND_TIMEOUT
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"Pagefind failed: {type(exc).__name__}: {exc}") from exc
    if done.returncode != 0:
        reason = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no message"]
        raise SearchIndexError(f"Pagefind exited with {done.returncode}: {reason[0]}")
    if not (bundle / "pagefind-entry.json").is_file():
        raise SearchIndexError("Pagefind found no page to index")


def _executable() -> Path:
    try:
        from pagefind.service import get_executable
    except ImportError as exc:
        raise SearchIndexError("the pagefind package is not installed") from exc
    executable = get_executable()
    if executable is None or not executable.is_file():
        raise SearchIndexError(f"no Pagefind binary ({executable})")
    return executable
