"""The library behind every command: read inputs, analyse them with the corpus passes, build the
site, report one article, print bodies. Each CLI command is a few lines over one of these, and
they work the same from a notebook::

    from reportgen import api
    result = api.analyze(Path("corpus"))
    result.analyses[0].quotes
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .build import ArticleCallback, BuildResult, analyze_inputs, build
from .cache import default_cache_dir
from .cache.analyses import AnalysisCache
from .executors import LOCAL, ExecutorOptions, open_engine
from .ingest import make_ids_unique, read_corpus, read_file
from .limits import DEFAULT_LIMITS, Limits
from .model import BODY_KINDS, ArticleAnalysis, Document, ReadError
from .reuse_options import DEFAULT_REUSE, ReuseOptions

__all__ = [
    "Inputs",
    "analyze",
    "body_texts",
    "build_site",
    "default_cache_dir",
    "read",
    "report_article",
]

build_site = build


@dataclass
class Inputs:
    documents: list[Document]
    errors: list[ReadError]
    files: int


def read(path: Path, limits: Limits = DEFAULT_LIMITS) -> Inputs:
    """The articles of a corpus folder, or of one file (which may hold several records)."""
    if path.is_dir():
        return Inputs(*read_corpus(path, limits))
    items = read_file(path, limits=limits)
    documents = [item for item in items if isinstance(item, Document)]
    errors = [item for item in items if isinstance(item, ReadError)]
    make_ids_unique(documents)
    return Inputs(documents, errors, 1)


def analyze(
    path: Path,
    model: str = "auto",
    jobs: int = 1,
    on_article: ArticleCallback | None = None,
    limits: Limits = DEFAULT_LIMITS,
    executor: ExecutorOptions = LOCAL,
    reuse: ReuseOptions = DEFAULT_REUSE,
    cache_dir: Path | None = None,
) -> BuildResult:
    """Read ``path`` (file or folder) and analyse its articles, corpus passes included (text
    reuse unless ``reuse`` turns it off); ``executor``: where the articles are analysed (this
    machine, or a Dask cluster); with ``cache_dir`` (e.g. ``default_cache_dir()``) reusing the
    analyses kept there that fit."""
    inputs = read(path, limits)
    cache = AnalysisCache(cache_dir, path, model, limits) if cache_dir else None
    with open_engine(executor, jobs) as engine:
        return analyze_inputs(
            inputs.documents, inputs.errors, inputs.files, model, jobs, on_article, engine,
            reuse=reuse, cache=cache,
        )


def report_article(
    path: Path, model: str = "auto", limits: Limits = DEFAULT_LIMITS
) -> tuple[ArticleAnalysis | None, Inputs]:
    """The analysis of the first article in one file, and what was read (errors, the number of
    articles the file holds)."""
    inputs = read(path, limits)
    if not inputs.documents:
        return None, inputs
    result = analyze_inputs(inputs.documents[:1], [], 1, model)
    return (result.analyses[0] if result.analyses else None), inputs


def body_texts(path: Path, limits: Limits = DEFAULT_LIMITS) -> tuple[list[tuple[str, str]], Inputs]:
    """(article id, body text without boilerplate, appeals and comments) for each article of a
    file, from segmentation alone (no NLP pipeline runs)."""
    from .analyze.segment import segment
    from .lang import FALLBACK

    inputs = read(path, limits)
    bodies = [
        (d.id, segment(d, d.lang or FALLBACK).text_of(BODY_KINDS)) for d in inputs.documents
    ]
    return bodies, inputs
