"""The static site: the page families (:mod:`reportgen.render.families`), PDFs and data.

Every path comes from slugs and goes through `safe_join`, so nothing lands outside the output
folder; every file is written atomically.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .. import aggregate
from ..executors import Engine, LocalEngine
from ..model import ArticleAnalysis, ReadError
from ..output import OutputError
from ..paths import atomic_write, safe_join
from ..slugs import CorpusSlugs
from ..workers import PDFS_PER_WORKER
from .exports import DATA_FILES, errors_csv, jsonl_lines
from .families import FAMILIES, SiteData
from .families.entities import entities_with_pages
from .pdf import PdfArchive, render_pdf
from .search import (
    SEARCH_PAGE,
    SearchIndexError,
    index_language,
    search_unavailable,
    write_search_index,
)
from .templates import environment, stylesheet


@dataclass
class SiteOptions:
    corpus_name: str = "corpus"
    pdf: bool = True
    templates: Path | None = None
    jobs: int = 1  # PDF workers (workers.AUTO: by the work); the rest of the site is cheap
    skipped: list[ReadError] = field(default_factory=list)  # listed on the index page
    search: bool = True  # a Pagefind index of the pages and search.html, the last build step
    min_mentions: int = 2  # an entity mentioned fewer times in the corpus gets no page
    listing_rows: int = 500  # rows per page of the entity, speaker and source listings

    def __post_init__(self) -> None:
        for name in ("min_mentions", "listing_rows"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, not {getattr(self, name)}")


@dataclass
class SiteResult:
    pages: list[str] = field(default_factory=list)
    pdfs: list[str] = field(default_factory=list)
    data: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # every file, in the order written
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
        self.engine = engine or LocalEngine(options.jobs)
        self.slugs = slugs or CorpusSlugs()
        self.options = options
        self.env = environment(options.templates)
        self.result = SiteResult()
        self.progress = progress or (lambda _done, _total, _path: None)
        self.pending_pdfs: list[tuple[str, str, list[str], PdfArchive | None]] = []
        self._seen: set[str] = set()
        # ids of the entities that have a page; None: every entity (a page links them all)
        self.linked_entities: frozenset[str] | None = None

    def write(self, relative: str, data: str | bytes | Iterable[str]) -> None:
        if relative in self._seen:
            raise DuplicateWriteError(f"{relative} would be written twice in one build")
        self._seen.add(relative)
        try:
            atomic_write(safe_join(self.output, relative), data)
        except OSError as exc:
            raise OutputError(f"cannot write {self.output / relative} ({exc.strerror})") from exc
        self.result.written.append(relative)

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
        pdf_href = None
        if pdf and self.options.pdf:
            pdf_href = "../" * depth + pdf
            html = self.env.get_template(template).render(
                **{**common, "pdf_mode": True, "pdf_href": None, "pdf_name": None,
                   "search_href": None, "search_facets": None}
            )
            css = [stylesheet("style.css", self.options.templates),
                   stylesheet("print.css", self.options.templates)]  # fmt: skip
            self.pending_pdfs.append((pdf, html, css, pdf_archive))
            self.result.pdfs.append(pdf)
        html = self.env.get_template(template).render(
            **{**common, "pdf_mode": False, "pdf_href": pdf_href,
               "pdf_name": pdf.rsplit("/", 1)[-1] if pdf else None}
        )  # fmt: skip
        self.write(relative, html)
        self.result.pages.append(relative)

    def data(self, analyses: Sequence[ArticleAnalysis], errors: list[ReadError]) -> None:
        self.write("data/analysis.jsonl", jsonl_lines(analyses))
        for name, make in DATA_FILES.items():
            self.write(f"data/{name}", make(analyses))
        self.write("data/errors.csv", errors_csv(errors))
        self.result.data = ["analysis.jsonl", *DATA_FILES, "errors.csv"]

    def render_pdfs(self) -> None:
        """WeasyPrint is the slow part of a build: with jobs > 1 (or on a Dask cluster) the
        PDFs render in worker processes, and are written in the order they were queued."""
        tasks = [(html, css, archive) for _path, html, css, archive in self.pending_pdfs]
        paths = [path for path, *_task in self.pending_pdfs]
        self.pending_pdfs = []
        total = len(tasks)
        rendered = self.engine.map(_render_pdf_task, tasks, PDFS_PER_WORKER)
        for done, (path, data) in enumerate(zip(paths, rendered, strict=True), start=1):
            self.write(path, data)
            self.progress(done, total, path)

    def assets(self) -> None:
        names = ["style.css", "print.css", "favicon.svg"]
        for name in [*names, "search.js"] if self.options.search else names:
            self.write(f"assets/{name}", stylesheet(name, self.options.templates))

    def search_index(self, language: str) -> None:
        """Pagefind over every page written so far; a failure leaves the site without search
        (one warning line), never without its pages."""
        try:
            self.result.search = write_search_index(self, self.result.pages, language)
        except SearchIndexError as exc:
            self.result.warnings.append(f"search index not written, search will not work: {exc}")


def _render_pdf_task(task: tuple[str, list[str], PdfArchive | None]) -> bytes:
    html, css, archive = task
    return render_pdf(html, css, archive)


def write_site(
    output: Path,
    analyses: Sequence[ArticleAnalysis],
    errors: list[ReadError],
    files: int,
    options: SiteOptions,
    progress: Progress | None = None,
    engine: Engine | None = None,
) -> SiteResult:
    slugs = CorpusSlugs.of(analyses)
    writer = SiteWriter(output, options, progress, slugs, engine)
    if options.search and (reason := search_unavailable()):
        writer.options = replace(options, search=False)
        writer.result.warnings.append(f"no search index: {reason}")
    if options.min_mentions > 1:
        writer.linked_entities = entities_with_pages(analyses, options.min_mentions)
    writer.assets()
    writer.data(analyses, errors)
    site = SiteData(analyses, errors, aggregate.corpus_summary(analyses, files, slugs), slugs)
    for family in FAMILIES:
        family.write(writer, site)
    writer.render_pdfs()
    if writer.options.search:
        writer.search_index(index_language(analyses))
    return writer.result
