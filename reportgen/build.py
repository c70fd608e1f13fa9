"""The whole job, as a library: read a corpus, analyse every article (in parallel if asked),
and write the site. The CLI is a thin layer over these functions."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .analyze import analyze
from .analyze.corpus_entities import merge_corpus_entities, unique_entity_ids
from .analyze.fingerprint import apply_fingerprints
from .analyze.reuse import find_reuse
from .cache.analyses import AnalysisCache, CacheReport
from .cache.reuse import KeptReuse
from .collector import rare_full_collections
from .executors import LOCAL, Engine, ExecutorOptions, LocalEngine, open_engine
from .ingest import read_corpus
from .ingest.sanitize import clean_string
from .limits import DEFAULT_LIMITS, Limits
from .model import ArticleAnalysis, Document, ReadError
from .output import claim_output, finish_output, release_output
from .render.site import Progress, SiteOptions, SiteResult, keep_built_site, write_site
from .render.site_keys import inputs_digest
from .reuse_options import DEFAULT_REUSE, ReuseOptions
from .spool import AnalysisSpool, ExportedAnalyses
from .workers import ARTICLES_PER_WORKER


@dataclass
class BuildResult:
    analyses: Sequence[ArticleAnalysis]  # a list, or from build() a spool (reportgen/spool.py)
    errors: list[ReadError]
    files: int
    site: SiteResult | None = None
    warnings: list[str] = field(default_factory=list)
    skipped: list[ReadError] = field(default_factory=list)  # hidden files, pipes, output folders
    cache: CacheReport | None = None  # what the analysis cache served, None without a cache


def _analyze_one(args: tuple[Document, str]) -> ArticleAnalysis | ReadError:
    document, model = args
    try:
        return analyze(document, model)
    except Exception as exc:  # one article's failure must not stop the corpus
        return ReadError(document.source_path, f"analysis failed: {type(exc).__name__}: {exc}")


def analyze_documents(
    documents: Sequence[Document], model: str = "auto", jobs: int = 1, engine: Engine | None = None
) -> Iterator[ArticleAnalysis | ReadError]:
    """Analyses in input order. With more than one worker (``jobs``, or ``workers.AUTO``: the
    usable cores when there is enough work), whole articles go to worker processes (cheaper
    than spaCy's own n_process for these small pipelines); ``engine``: elsewhere, such as a
    Dask cluster (:mod:`reportgen.executors`)."""
    tasks = _Tasks(documents, model)
    engine = engine or LocalEngine(jobs)
    yield from engine.map(_analyze_one, tasks, ARTICLES_PER_WORKER, chunksize=4)


class _Tasks(Sequence[tuple[Document, str]]):
    """(document, model) for each document, made when asked for: a spool of documents is read
    one at a time as the engine hands them out."""

    def __init__(self, documents: Sequence[Document], model: str) -> None:
        self.documents, self.model = documents, model

    def __len__(self) -> int:
        return len(self.documents)

    def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
        if isinstance(index, slice):
            return [(d, self.model) for d in self.documents[index]]
        return self.documents[index], self.model


# Called after each article with (articles done, articles in all, the result).
ArticleCallback = Callable[[int, int, ArticleAnalysis | ReadError], None]


def analyze_corpus(
    corpus: Path,
    model: str = "auto",
    jobs: int = 1,
    on_article: ArticleCallback | None = None,
    limits: Limits = DEFAULT_LIMITS,
    engine: Engine | None = None,
    spool: Path | None = None,
    reuse: ReuseOptions = DEFAULT_REUSE,
    cache_dir: Path | None = None,
) -> BuildResult:
    """Read a corpus folder and analyse it (:func:`analyze_inputs`), reusing the analyses kept
    in `cache_dir` (none without it) that still fit."""
    documents, errors, files = read_corpus(corpus, limits, spool)
    cache = AnalysisCache(cache_dir, corpus, model, limits) if cache_dir else None
    return analyze_inputs(
        documents, errors, files, model, jobs, on_article, engine, spool, reuse, cache
    )


def corpus_passes(
    analyses: Sequence[ArticleAnalysis],
    reuse: ReuseOptions = DEFAULT_REUSE,
    kept: KeptReuse | None = None,
) -> None:
    """The passes over all analyses, in place (a spool stores back what they change):
    paragraphs recurring across an outlet's articles are its page template; a surname alone is
    the person the rest of the corpus names in full; then text reuse, after the fingerprint,
    because an outlet's recurring furniture is boilerplate, not reuse. `kept`: the reuse
    findings of the same analyses from an earlier build, used instead of finding them again."""
    apply_fingerprints(analyses)
    merge_corpus_entities(analyses)
    unique_entity_ids(analyses)
    if kept is not None and kept.apply(analyses):
        return
    stores = (kept.sketches, kept.alignments) if kept else (None, None)
    counts = find_reuse(analyses, reuse, *stores)
    if kept is not None:
        kept.store(analyses, counts.sharing)


def analyze_inputs(
    documents: list[Document],
    errors: list[ReadError],
    files: int,
    model: str = "auto",
    jobs: int = 1,
    on_article: ArticleCallback | None = None,
    engine: Engine | None = None,
    spool: Path | None = None,
    reuse: ReuseOptions = DEFAULT_REUSE,
    cache: AnalysisCache | None = None,
) -> BuildResult:
    """Every article's analysis, then the corpus passes over all of them: whether the articles
    came from a folder or one file, the same articles give the same analyses. ``spool``: a
    folder; the analyses are kept on disk there as they arrive, not in memory (what a whole
    build does, in its output folder)."""
    skipped = [e for e in errors if e.skipped]
    errors = [e for e in errors if not e.skipped]
    analyses: list[ArticleAnalysis] | AnalysisSpool = AnalysisSpool(folder=spool) if spool else []
    items = _cached_or_analysed(documents, model, jobs, engine, cache)
    for done, item in enumerate(items, start=1):
        if isinstance(item, ReadError):
            errors.append(item)
        else:
            analyses.append(item)
        if on_article:
            on_article(done, len(documents), item)
    errors.sort(key=lambda e: e.source_path)
    kept = KeptReuse(cache.folder, cache.corpus_key(), reuse) if cache else None
    corpus_passes(analyses, reuse, kept)
    report = cache.report if cache else None
    if report is not None and kept is not None:
        report.warnings += kept.warnings
    return BuildResult(analyses, errors, files, skipped=skipped, cache=report)


def _cached_or_analysed(
    documents: Sequence[Document],
    model: str,
    jobs: int,
    engine: Engine | None,
    cache: AnalysisCache | None,
) -> Iterator[ArticleAnalysis | ReadError]:
    """Each document's analysis in input order, one at a time: from the cache when an entry
    fits (kept before any corpus pass, so the passes see what a cold build sees), else
    analysed and kept. Only the missing articles go to the engine."""
    if cache is None:
        yield from analyze_documents(documents, model, jobs, engine)
        return
    kept = [cache.has(document) for document in documents]
    missing = _Subset(documents, [i for i, found in enumerate(kept) if not found])
    beside = _analysed_beside(missing, model, jobs, engine) if any(kept) else None
    fresh = beside or analyze_documents(missing, model, jobs, engine)
    for document, found in zip(documents, kept, strict=True):
        item = cache.load(document) if found else None
        if item is None:  # missing, or an entry that turned out unreadable
            item = next(fresh) if not found else _analyze_one((document, model))
            if isinstance(item, ArticleAnalysis):
                cache.store(document, item)
        yield item
    cache.save_index()


def _analysed_beside(
    missing: Sequence[Document], model: str, jobs: int, engine: Engine | None
) -> Iterator[ArticleAnalysis | ReadError] | None:
    """A few changed articles analysed in a worker while this process reads the kept
    analyses (`LocalEngine.beside`), or None where that does not apply."""
    local = engine or LocalEngine(jobs)  # the engine analyze_documents would use
    if not isinstance(local, LocalEngine):  # a cluster has its own workers
        return None
    return local.beside(_analyze_one, _Tasks(missing, model), ARTICLES_PER_WORKER)


class _Subset(Sequence[Document]):
    """The documents at `indexes`, read when asked for (a spool stays on disk)."""

    def __init__(self, documents: Sequence[Document], indexes: list[int]) -> None:
        self.documents, self.indexes = documents, indexes

    def __len__(self) -> int:
        return len(self.indexes)

    def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
        if isinstance(index, slice):
            return [self.documents[i] for i in self.indexes[index]]
        return self.documents[self.indexes[index]]


def build(
    corpus: Path,
    output: Path,
    model: str = "auto",
    jobs: int = 1,
    pdf: bool = True,
    templates: Path | None = None,
    on_article: ArticleCallback | None = None,
    on_pdf: Progress | None = None,
    limits: Limits = DEFAULT_LIMITS,
    force: bool = False,
    executor: ExecutorOptions = LOCAL,
    reuse: ReuseOptions = DEFAULT_REUSE,
    cache_dir: Path | None = None,
    search: bool = True,
    min_mentions: int = SiteOptions.min_mentions,
) -> BuildResult:
    """`search`: index the site with Pagefind (the last step); `min_mentions`: entities
    mentioned fewer times in the corpus get no page. Raises OutputError (before any analysis
    if it can be known then) when the output folder cannot be used, ExecutorError when
    ``executor`` cannot run. With `cache_dir`, analyses and PDFs whose inputs did not change
    since they were kept there are reused (same bytes)."""
    folder = claim_output(output, force)
    try:
        with open_engine(executor, jobs) as engine, rare_full_collections():
            # spooled: memory stays flat however large the corpus (docs/benchmarks.md)
            documents, errors, files = read_corpus(corpus, limits, output)
            cache = AnalysisCache(cache_dir, corpus, model, limits) if cache_dir else None
            # the folder's name titles every page: an undecodable name must not break the writes
            name = clean_string(corpus.resolve().name, {}) or "corpus"
            options = SiteOptions(
                corpus_name=name, pdf=pdf, templates=templates, jobs=jobs,
                skipped=[e for e in errors if e.skipped], reuse=reuse, cache=cache_dir,
                search=search, min_mentions=min_mentions,
            )  # fmt: skip
            result = _kept_build(output, documents, errors, files, options, cache)
            if result is None:
                result = analyze_inputs(
                    documents, errors, files, model, jobs, on_article, engine, output, reuse, cache
                )
                inputs = inputs_digest(cache.corpus_key(), errors) if cache else ""
                result.site = write_site(
                    output, result.analyses, result.errors, files, options, on_pdf, engine, inputs
                )
    except BaseException:
        release_output(folder)
        raise
    result.site.removed = finish_output(folder, result.site.written)
    return result


def _kept_build(
    output: Path,
    documents: Sequence[Document],
    errors: list[ReadError],
    files: int,
    options: SiteOptions,
    cache: AnalysisCache | None,
) -> BuildResult | None:
    """The last build, kept whole when every article's analysis is kept under the keys it was
    made from, nothing else changed (`site_keys.inputs_digest`, the settings) and its files
    are untouched: no analysis is read, no pass runs, no file is written. The analyses given
    back are read from the site's data/analysis.jsonl when asked for."""
    if cache is None or not all([cache.has(document) for document in documents]):
        return None  # (each document is looked up: the misses are reported)
    site = keep_built_site(output, options, inputs_digest(cache.corpus_key(), errors), files)
    if site is None:
        return None
    cache.report.hits = len(documents)
    cache.save_index()
    analyses = ExportedAnalyses(output / "data" / "analysis.jsonl", len(documents))
    failed = sorted((e for e in errors if not e.skipped), key=lambda e: e.source_path)
    return BuildResult(analyses, failed, files, site, skipped=options.skipped, cache=cache.report)
