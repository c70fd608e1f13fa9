"""The `reportgen` command line: thin commands over the library."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from . import __version__
from .cli_cache import cache_app
from .cli_options import (
    CorpusArg,
    ExecutorOpt,
    ForceOpt,
    JobsOpt,
    MaxCharsOpt,
    MinMentionsOpt,
    ModelOpt,
    NoCacheOpt,
    NoPdfOpt,
    NoReuseOpt,
    NoSearchOpt,
    QuietOpt,
    SchedulerOpt,
    SiteOutputOpt,
    TemplatesOpt,
    ThresholdOpt,
    VerboseOpt,
)
from .executors import ExecutorError, ExecutorOptions
from .progress import Progress

T = TypeVar("T")

if TYPE_CHECKING:
    from .build import BuildResult
    from .reuse_options import ReuseOptions

app = typer.Typer(
    help="Research reports on news corpora: named entities, quotations and speakers, cited "
    "sources and boilerplate, as a static HTML site, PDFs and JSON.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reportgen {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """reportgen: static research reports on news corpora."""


def _settings(corpus: Path, **flags: object) -> dict:
    from .config import load_config

    try:
        settings = load_config(corpus)
    except (ValueError, OSError) as exc:
        _err(f"error: {exc}")
        raise typer.Exit(2) from exc
    settings.update({k: v for k, v in flags.items() if v is not None})
    return settings


def _executor(settings: dict) -> ExecutorOptions:
    from .executors import executor_options

    return _typed(executor_options, settings)


def _typed(make: Callable[[dict], T], settings: dict) -> T:
    """Typed options from the settings; a bad value is one error line and exit 2."""
    try:
        return make(settings)
    except ValueError as exc:
        _err(f"error: {exc}")
        raise typer.Exit(2) from exc


def _report_errors(errors: list) -> None:
    for error in errors:
        _err(f"error: {error.source_path}: {error.reason}")


def _check_output_file(path: Path) -> None:
    """Before any analysis: an output file that cannot be written is one line, exit 2."""
    folder = next((p for p in path.absolute().parents if p.exists()), Path("/"))
    if path.is_dir():
        problem = "is a folder, not a file"
    elif not folder.is_dir() or not os.access(folder, os.W_OK):
        problem = f"cannot be written ({folder} is not a writable folder)"
    else:
        return
    _err(f"error: output {path} {problem}")
    raise typer.Exit(2)


def _write_output(path: Path, data: str | bytes) -> None:
    from .paths import atomic_write

    try:
        atomic_write(path, data)
    except OSError as exc:
        _err(f"error: cannot write {path} ({exc.strerror or exc})")
        raise typer.Exit(2) from exc


def _check_corpus(corpus: Path) -> None:
    if not corpus.is_dir():
        _err(f"error: corpus folder {corpus} does not exist")
        raise typer.Exit(2)


@app.command()
def build(
    corpus: CorpusArg = Path("corpus"),
    output: SiteOutputOpt = None,
    model: ModelOpt = None,  # type: ignore[assignment]
    jobs: JobsOpt = None,  # type: ignore[assignment]
    templates: TemplatesOpt = None,
    no_pdf: NoPdfOpt = False,
    no_cache: NoCacheOpt = False,
    no_search: NoSearchOpt = False,
    min_mentions: MinMentionsOpt = None,
    max_article_chars: MaxCharsOpt = None,
    no_reuse: NoReuseOpt = False,
    reuse_threshold: ThresholdOpt = None,
    force: ForceOpt = False,
    executor: ExecutorOpt = None,
    scheduler: SchedulerOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Analyse a corpus and write the whole site: pages, PDFs, data exports, search index."""
    from .build import build as run_build
    from .cache import default_cache_dir
    from .limits import limits_from
    from .output import OutputError
    from .render.site import SiteOptions
    from .workers import AUTO

    _check_corpus(corpus)
    s = _settings(corpus, output=output, model=model, jobs=jobs, templates=templates,
                  max_article_chars=max_article_chars, reuse=False if no_reuse else None,
                  reuse_threshold=reuse_threshold, min_mentions=min_mentions,
                  executor=executor and executor.value, scheduler=scheduler)  # fmt: skip
    engine = _executor(s)
    out = Path(s.get("output", "output"))
    pdf = s.get("pdf", True) and not no_pdf
    search = s.get("search", True) and not no_search
    quiet = quiet or bool(s.get("quiet", False))
    try:
        with Progress("Analysing", quiet, verbose) as progress:
            result = run_build(
                corpus, out, model=s.get("model", "auto"), jobs=int(s.get("jobs") or AUTO),
                pdf=pdf, templates=Path(s["templates"]) if s.get("templates") else None,
                on_article=progress.article, on_pdf=progress.pdf, limits=limits_from(s),
                force=force, executor=engine, reuse=_reuse_options(s),
                cache_dir=None if no_cache or not s.get("cache", True) else default_cache_dir(),
                search=search, min_mentions=s.get("min_mentions", SiteOptions.min_mentions),
            )  # fmt: skip
    except (OutputError, ExecutorError) as exc:
        _err(f"error: {exc}")
        raise typer.Exit(2) from exc
    _cache_summary(result, quiet, verbose)
    _build_summary(result, out, quiet)
    raise typer.Exit(1 if result.errors else 0)


def _reuse_options(settings: dict) -> ReuseOptions:
    from .reuse_options import reuse_options_from

    return _typed(reuse_options_from, settings)


def _build_summary(result: BuildResult, out: Path, quiet: bool) -> None:
    """Every input not read, every input skipped (unless quiet), and one line of figures."""
    _report_errors(result.errors)
    if not quiet:
        for item in result.skipped:
            _err(f"skipped: {item.source_path}: {item.reason}")
    site = result.site
    for warning in site.warnings:
        _err(f"warning: {warning}")
    removed = f"; {len(site.removed)} stale files removed" if site.removed else ""
    search = f", search index of {len(site.search)} files" if site.search else ""
    _err(
        f"{len(result.analyses)} articles from {result.files} input files, "
        f"{len(result.errors)} not read, {len(result.skipped)} skipped; "
        f"{len(site.pages)} pages, {len(site.pdfs)} PDFs{search} -> {out}{removed}"
    )


def _cache_summary(result: BuildResult, quiet: bool, verbose: bool) -> None:
    if (report := result.cache) and not quiet:
        lines = [f"warning: {w}" for w in report.warnings]
        lines += [f"analysed: {path}: {why}" for path, why in report.misses if verbose]
        _err("\n".join([*lines, f"cache: {report.hits} analyses reused, {len(report.misses)} not"]))


app.add_typer(cache_app, name="cache")


@app.command()
def analyze(
    corpus: CorpusArg,
    output: Annotated[
        str, typer.Option("--output", "-o", help="JSON Lines file, '-' for standard output.")
    ] = "-",
    model: ModelOpt = "auto",
    jobs: JobsOpt = None,  # type: ignore[assignment]
    max_article_chars: MaxCharsOpt = None,
    executor: ExecutorOpt = None,
    scheduler: SchedulerOpt = None,
    no_reuse: NoReuseOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Write one analysis (the JSON contract) per article as JSON Lines."""
    from . import api
    from .limits import limits_from
    from .render.exports import analyses_jsonl

    if output != "-":
        _check_output_file(Path(output))
    if not corpus.is_file():
        _check_corpus(corpus)
    limits = limits_from({"max_article_chars": max_article_chars} if max_article_chars else {})
    engine = _executor({"executor": executor and executor.value, "scheduler": scheduler})
    from .workers import AUTO

    try:
        with Progress("Analysing", quiet or output == "-", False) as progress:
            reuse = _reuse_options({"reuse": not no_reuse})
            result = api.analyze(
                corpus, model, jobs or AUTO, progress.article, limits, engine, reuse
            )
    except ExecutorError as exc:
        _err(f"error: {exc}")
        raise typer.Exit(2) from exc
    text = analyses_jsonl(result.analyses)
    if output == "-":
        sys.stdout.write(text)
    else:
        _write_output(Path(output), text)
    _report_errors(result.errors)
    if not quiet:
        _err(f"{len(result.analyses)} articles analysed, {len(result.errors)} inputs not read")
    raise typer.Exit(1 if result.errors else 0)


@app.command()
def report(
    path: Annotated[Path, typer.Argument(help="One article file.")],
    html: Annotated[Path | None, typer.Option(help="Write the HTML report here.")] = None,
    pdf: Annotated[Path | None, typer.Option(help="Write the PDF report here.")] = None,
    model: ModelOpt = "auto",
) -> None:
    """One article's report as a standalone HTML file and/or PDF."""
    from . import api
    from .render.single import article_html, article_pdf

    if not path.is_file():
        _err(f"error: {path} is not a file")
        raise typer.Exit(2)
    analysis, inputs = api.report_article(path, model)
    _report_errors(inputs.errors)
    if analysis is None:
        raise typer.Exit(1)
    if len(inputs.documents) > 1:
        _err(f"note: {path} holds {len(inputs.documents)} articles; reporting the first")
    if html is None and pdf is None:
        html = path.with_suffix(".report.html")
    if html:
        _write_output(html, article_html(analysis))
        _err(f"wrote {html}")
    if pdf:
        _write_output(pdf, article_pdf(analysis))
        _err(f"wrote {pdf}")


@app.command()
def text(
    paths: Annotated[list[Path], typer.Argument(help="Article files.")],
    format: Annotated[
        str, typer.Option("--format", "-f", help="'text', or 'jsonl' for one line per file.")
    ] = "text",
) -> None:
    """Print the article body with boilerplate, appeals and comments removed."""
    from . import api

    if format not in ("text", "jsonl"):
        _err("error: --format must be 'text' or 'jsonl'")
        raise typer.Exit(2)
    failed = False
    for path in paths:
        bodies, inputs = api.body_texts(path) if path.is_file() else ([], None)
        if inputs is None or not (bodies or inputs.errors):
            _err(f"error: {path}: not a readable file")
            failed = True
            continue
        for error in inputs.errors:
            _err(f"error: {path}: {error.reason}")
            failed = True
        for article_id, body in bodies:
            if format == "jsonl":
                line = {"path": str(path), "id": article_id, "text": body}
                sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
            else:
                sys.stdout.write(body + "\n")
    raise typer.Exit(1 if failed else 0)


@app.command()
def models() -> None:
    """Which NLP pipeline each language would use, and how to install better ones."""
    from .analyze.pipeline import (
        OFFICIAL_MODELS,
        choose_pipeline,
        describe_embedded,
        installed_official,
    )
    from .lang import available_languages

    # "xx" is spaCy's code for a multi-language pipeline: what any other language gets.
    for lang in (*available_languages(), "xx"):
        installed = installed_official(lang)
        choice = choose_pipeline(lang, "auto")
        label = {"xx": "other languages"}.get(lang, lang)
        typer.echo(f"{label}: uses {choice.target} ({choice.kind})")
        if choice.kind == "embedded":
            typer.echo(f"  embedded: {describe_embedded(lang)}")
        typer.echo(f"  installed official pipelines: {', '.join(installed) or 'none'}")
        best = OFFICIAL_MODELS[lang][0]
        if best not in installed:
            typer.echo(f"  better: python -m spacy download {best}")


@app.command()
def serve(
    output: Annotated[Path, typer.Argument(help="Site folder.")] = Path("output"),
    port: Annotated[int, typer.Option(help="Port on localhost.")] = 8000,
) -> None:
    """Preview the site on http://localhost:PORT/."""
    from .serve import ServeError, serve_site

    if not (output / "index.html").is_file():
        _err(f"error: {output} has no index.html; run 'reportgen build' first")
        raise typer.Exit(2)
    try:
        serve_site(output, port, on_ready=_err)
    except ServeError as exc:
        _err(f"error: {exc}")
        raise typer.Exit(2) from exc
