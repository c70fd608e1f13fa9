"""The static site: the page families (:mod:`reportgen.render.families`), PDFs and data.

Every path comes from slugs and goes through `safe_join`, so nothing lands outside the output
folder; every file is written atomically.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .. import aggregate
from ..cache.exports import ExportLedger
from ..cache.pdfs import PdfManifest
from ..cache.sites import SiteState
from ..executors import Engine, LocalEngine
from ..model import ArticleAnalysis, ReadError
from ..output import OutputError
from ..paths import SafeRoot, move_if_changed, write_if_changed
from ..reuse_options import DEFAULT_REUSE, ReuseOptions
from ..slugs import CorpusSlugs
from ..workers import PDFS_PER_WORKER
from .exports import DATA_FILES, EXPORT_NAMES, chunks, errors_csv, spill_exports
from .families import FAMILIES, SiteData
from .families.entities import entities_with_pages
from .memo import PageMemo
from .pdf import PdfArchive
from .pdf_keep import PdfKeeper, render_pdf_task, renderer
from .search import BUNDLE as SEARCH_BUNDLE
from .search import (
    SEARCH_PAGE,
    SEARCH_PART_BYTES,
    SearchIndexError,
    index_language,
    search_unavailable,
    start_search,
    write_search_index,
)
from .search_runs import SearchRuns
from .site_keys import key_of, template_folders
from .templates import environment, stylesheet

# A page with a PDF is kept with it: its key describes what the PDF embeds too (a name no
# template variable can have).
PDF_ARCHIVE = "pdf archive"


@dataclass
class SiteOptions:
    corpus_name: str = "corpus"
    pdf: bool = True
    templates: Path | None = None
    jobs: int = 1  # PDF workers (workers.AUTO: by the work); the rest of the site is cheap
    skipped: list[ReadError] = field(default_factory=list)  # listed on the index page
    reuse: ReuseOptions = DEFAULT_REUSE  # what the text-reuse pass was run with
    cache: Path | None = None  # the build cache: PDFs whose inputs did not change are kept
    search: bool = True  # a Pagefind index of the pages and search.html, the last build step
    search_part_bytes: int = SEARCH_PART_BYTES  # page HTML per part of the index (its memory)
    min_mentions: int = 2  # an entity mentioned fewer times in the corpus gets no page
    listing_rows: int = 500  # rows per page of the entity, speaker and source listings

    def __post_init__(self) -> None:
        for name in ("min_mentions", "listing_rows", "search_part_bytes"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, not {getattr(self, name)}")


@dataclass
class SiteResult:
    pages: list[str] = field(default_factory=list)
    # The pages with data-pagefind-body, the only ones indexed: Pagefind indexes every page of a
    # run where none carries it, so a part of other pages alone would have them all indexed.
    searchable: list[str] = field(default_factory=list)
    pdfs: list[str] = field(default_factory=list)
    data: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # every file, in the order written
    rewritten: list[str] = field(default_factory=list)  # those whose bytes changed (or new)
    removed: list[str] = field(default_factory=list)  # stale files of the previous build
    search: list[str] = field(default_factory=list)  # the Pagefind bundle's files
    warnings: list[str] = field(default_factory=list)  # one line each, for the build summary


class DuplicateWriteError(RuntimeError):
    """Two things of one build were given the same file: a bug, never to pass silently."""


# Called after each PDF with (PDFs written, PDFs in all, the PDF's path in the site).
Progress = Callable[[int, int, str], None]

class SiteWriter:
    def __init__(
        self,
        output: Path,
        options: SiteOptions,
        progress: Progress | None = None,
        slugs: CorpusSlugs | None = None,
        engine: Engine | None = None,
    ):
        self.output = output
        self.paths = SafeRoot(output)  # safe_join, each folder resolved once
        self.engine = engine or LocalEngine(options.jobs)
        self.slugs = slugs or CorpusSlugs()
        self.options = options
        self.env = environment(options.templates)
        self.result = SiteResult()
        self.progress = progress or (lambda _done, _total, _path: None)
        self.pending_pdfs: list[tuple[str, str, list[str], PdfArchive | None]] = []
        self._seen: set[str] = set()
        self.digest = hashlib.sha256()  # of everything written, in order
        # ids of the entities that have a page; None: every entity (a page links them all)
        self.linked_entities: frozenset[str] | None = None
        # the search index under way while the pages are written (write_site starts it)
        self.search_runs: SearchRuns | None = None
        self.memo: PageMemo | None = None  # with a cache: pages whose inputs did not change
        self.pdf_manifest: PdfManifest | None = None  # with a cache and PDFs: the PDFs kept
        self.pdf_page_keys: dict[str, str] = {}  # each queued PDF's page key

    def remember(self) -> None:
        """With a cache: the pages and PDFs whose inputs did not change are kept."""
        cache = self.options.cache
        if cache:
            self.memo = PageMemo(cache, self.output, template_folders(self.options))
            if self.options.pdf:
                self.pdf_manifest = PdfManifest(cache, self.output, renderer())

    def _claim(self, relative: str) -> None:
        if relative in self._seen:
            raise DuplicateWriteError(f"{relative} would be written twice in one build")
        self._seen.add(relative)

    def write(self, relative: str, data: str | bytes | Iterable[str]) -> None:
        self._claim(relative)
        self.digest.update(f"{relative}\0".encode())
        pieces = [data] if isinstance(data, str | bytes) else data
        try:
            if write_if_changed(self.paths.join(relative), self._hashed(pieces)):
                self.result.rewritten.append(relative)
        except OSError as exc:
            raise OutputError(f"cannot write {self.output / relative} ({exc.strerror})") from exc
        self.result.written.append(relative)

    def move_in(self, relative: str, source: Path) -> None:
        """`write` of the bytes of `source`, a file this build made inside the output folder
        (the search bundle): renamed into place, not copied, unless `relative` holds them."""
        self._claim(relative)
        self.digest.update(f"{relative}\0".encode())
        try:
            [payload] = self._hashed([source.read_bytes()])
            if move_if_changed(source, self.paths.join(relative), payload):
                self.result.rewritten.append(relative)
        except OSError as exc:
            raise OutputError(f"cannot write {self.output / relative} ({exc.strerror})") from exc
        self.result.written.append(relative)

    def _hashed(self, pieces: Iterable[str | bytes]) -> Iterator[bytes]:
        for piece in pieces:
            payload = piece.encode("utf-8") if isinstance(piece, str) else piece
            self.digest.update(f"{len(payload)}\0".encode() + payload)
            yield payload

    def keep(self, relative: str) -> None:
        """A file already in place with this build's bytes: part of the build, not written."""
        self._claim(relative)
        self.result.written.append(relative)

    def keep_site(self, state: dict) -> SiteResult:
        """Every file of the last build, unchanged since: this build's too, none rewritten."""
        for relative in state["files"]:
            if relative not in self._seen:
                self.keep(relative)
        self.result.pages, self.result.pdfs = list(state["pages"]), list(state["pdfs"])
        self.result.search = [f for f in state["files"] if f.startswith(f"{SEARCH_BUNDLE}/")]
        return self.result

    def page(
        self,
        relative: str,
        template: str,
        pdf: str | None = None,
        pdf_archive: PdfArchive | None = None,
        **context: Any,
    ) -> None:
        """Render `template` to `relative` (and to `pdf/...` if PDFs are on, embedding
        `pdf_archive`'s analysis and provenance)."""
        depth = relative.count("/")
        common = {"root": "../" * depth, "corpus_name": self.options.corpus_name,
                  "search_href": "../" * depth + SEARCH_PAGE if self.options.search else None,
                  "search_facets": None, "linked_entities": self.linked_entities,
                  **context}  # fmt: skip
        if not self.options.search:
            common["search_facets"] = None  # no index: nothing to mark for it
        pdf_on = bool(pdf and self.options.pdf)
        memo, described = self.memo, {**common, PDF_ARCHIVE: pdf_archive} if pdf_on else common
        key = memo.key(template, relative, described, pdf) if memo else None
        if key is None:
            memo = None  # a context the key cannot describe: rendered every time
        elif (kept := self._kept_page(relative, key, common, pdf if pdf_on else None)) is not None:
            self._listed(relative, common, *kept)
            return
        answers: dict = {}
        if memo:
            common, answers = memo.asking(common)
        pdf_href = None
        if pdf_on:
            pdf_href = "../" * depth + pdf
            html = self.env.get_template(template).render(
                **{**common, "pdf_mode": True, "pdf_href": None, "pdf_name": None,
                   "search_href": None, "search_facets": None}
            )
            css = [stylesheet("style.css", self.options.templates),
                   stylesheet("print.css", self.options.templates)]  # fmt: skip
            self.pending_pdfs.append((pdf, html, css, pdf_archive))
            self.pdf_page_keys[pdf] = key or ""
            self.result.pdfs.append(pdf)
        html = self.env.get_template(template).render(
            **{**common, "pdf_mode": False, "pdf_href": pdf_href,
               "pdf_name": pdf.rsplit("/", 1)[-1] if pdf else None}
        ).encode("utf-8")  # fmt: skip
        self.write(relative, html)
        sha256 = hashlib.sha256(html).hexdigest()
        if memo and key:
            memo.record(relative, key, answers, sha256)
        self._listed(relative, common, len(html), sha256)

    def _kept_page(
        self, relative: str, key: str, common: dict[str, Any], pdf: str | None
    ) -> tuple[int, str] | None:
        """(size, sha256) of the page at `relative` if the memo keeps it (and the PDF made
        with it, when it has one); else None."""
        kept = self.memo.kept(relative, key, common) if self.memo else None
        if kept is None:
            return None
        if pdf is not None:
            if self.pdf_manifest is None or not self.pdf_manifest.kept_with_page(pdf, key):
                return None
            self.keep(pdf)
            self.result.pdfs.append(pdf)
        self.keep(relative)
        return kept

    def _listed(self, relative: str, common: dict[str, Any], size: int, sha256: str) -> None:
        """A page of this build, rendered or kept, in the result and the search index."""
        self.result.pages.append(relative)
        if common["search_facets"]:  # its <main> carries data-pagefind-body
            self.result.searchable.append(relative)
            if self.search_runs is not None:
                self.search_runs.add(relative, size, sha256)

    def data(self, analyses: Sequence[ArticleAnalysis], errors: list[ReadError]) -> None:
        cache = self.options.cache
        ledger = ExportLedger(cache, self.output, EXPORT_NAMES) if cache else None
        try:  # the JSON Lines and the CSVs of each article's rows from one reading
            spilled = spill_exports(analyses, self.output, ledger)
        except OSError as exc:
            raise OutputError(f"cannot write {self.output}/ (data exports: {exc})") from exc
        finally:
            if ledger:
                ledger.close()  # the last build's files, read
        try:
            for name, handle in spilled.items():
                self.write(f"data/{name}", chunks(handle))
        finally:
            for handle in spilled.values():
                handle.close()
        if ledger:
            ledger.save()
        for name, make in DATA_FILES.items():
            if name not in spilled:
                self.write(f"data/{name}", make(analyses))
        self.write("data/errors.csv", errors_csv(errors))
        self.result.data = ["analysis.jsonl", *DATA_FILES, "errors.csv"]

    def render_pdfs(self) -> None:
        """WeasyPrint is the slow part of a build: with jobs > 1 (or on a Dask cluster) the
        PDFs render in worker processes, and are written in the order they were queued. With a
        cache, a PDF whose inputs are those it was rendered from is kept as it is."""
        keep = PdfKeeper(self)
        tasks = [(html, css, archive) for _path, html, css, archive in self.pending_pdfs]
        paths = [path for path, *_task in self.pending_pdfs]
        self.pending_pdfs = []
        total = len(tasks)
        rendered = self.engine.map(render_pdf_task, tasks, PDFS_PER_WORKER)
        for done, (path, data) in enumerate(zip(paths, rendered, strict=True), start=1):
            keep.write(path, data)
            self.progress(done, total, path)
        keep.save()

    def assets(self) -> None:
        names = ["style.css", "print.css", "favicon.svg"]
        for name in [*names, "search.js"] if self.options.search else names:
            self.write(f"assets/{name}", stylesheet(name, self.options.templates))

    def start_search(self, language: str) -> None:
        """Index each page from now on as it is written (Pagefind runs beside the writer); a
        failure to start is the warning of `search_index`."""
        try:
            self.search_runs = start_search(
                self.output, language, self.options.search_part_bytes, self.options.cache
            )
        except SearchIndexError:
            self.search_runs = None

    def search_index(self, language: str) -> None:
        """Pagefind over every page written so far; a failure leaves the site without search
        (one warning line), never without its pages."""
        runs, self.search_runs = self.search_runs, None
        pages = self.result.searchable
        if runs is not None and (runs.language, runs.added) != (language, len(pages)):
            runs.close()  # not these pages in this language: index them anew
            runs = None
        try:
            self.result.search = write_search_index(
                self, pages, language, self.options.search_part_bytes, runs
            )
        except SearchIndexError as exc:
            self.result.warnings.append(f"search index not written, search will not work: {exc}")


def keep_built_site(
    output: Path, options: SiteOptions, inputs: str, files: int
) -> SiteResult | None:
    """The last build's site, kept whole, when it was made from the same inputs
    (`site_keys.inputs_digest`) and settings and every file it wrote is untouched; else None."""
    if options.cache is None or (options.search and search_unavailable()):
        return None  # without Pagefind the site changes: write_site says why
    kept = SiteState(options.cache, output).unchanged(key_of(inputs, options, files), "inputs")
    return SiteWriter(output, options).keep_site(kept) if kept else None


def write_site(
    output: Path,
    analyses: Sequence[ArticleAnalysis],
    errors: list[ReadError],
    files: int,
    options: SiteOptions,
    progress: Progress | None = None,
    engine: Engine | None = None,
    inputs: str = "",
) -> SiteResult:
    """The whole site of `analyses`. With a cache (`options.cache`), the site and the pages
    whose inputs did not change since the last build are kept; `inputs`: what the analyses are
    made from (`site_keys.inputs_digest`), recorded so that the next build with the same
    can keep the site before it reads them (`keep_built_site`)."""
    slugs = CorpusSlugs.of(analyses)
    writer = SiteWriter(output, options, progress, slugs, engine)
    if options.search and (reason := search_unavailable()):
        writer.options = replace(options, search=False)
        writer.result.warnings.append(f"no search index: {reason}")
    if options.min_mentions > 1:
        writer.linked_entities = entities_with_pages(analyses, options.min_mentions)
    writer.assets()
    writer.data(analyses, errors)
    state = SiteState(options.cache, output) if options.cache else None
    key = key_of(writer.digest.hexdigest(), writer.options, files) if state else ""
    inputs = key_of(inputs, writer.options, files) if inputs else ""
    if state and (kept := state.unchanged(key)):
        if kept.get("inputs") != inputs:  # the next build can keep the site sooner
            state.record_inputs(inputs)
        return writer.keep_site(kept)
    writer.remember()
    site = SiteData(analyses, errors, aggregate.corpus_summary(analyses, files, slugs), slugs)
    language = index_language(analyses) if writer.options.search else ""
    if writer.options.search:
        writer.start_search(language)
    try:
        for family in FAMILIES:
            family.write(writer, site)
        writer.render_pdfs()
        if writer.options.search:
            writer.search_index(language)
    finally:
        if writer.search_runs is not None:  # the build failed: stop Pagefind, remove its files
            writer.search_runs.close()
    if state:
        state.record(key, writer.result.pages, writer.result.pdfs, writer.result.written, inputs)
    if writer.memo:
        writer.memo.save()
    return writer.result
