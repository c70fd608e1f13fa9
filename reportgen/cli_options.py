"""The options the `reportgen` commands share, typed once (cli.py's commands use them)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .executors import ExecutorKind

CorpusArg = Annotated[
    Path, typer.Argument(help="Corpus folder: one subfolder per outlet, or files at the top.")
]
ModelOpt = Annotated[
    str,
    typer.Option(
        "--model",
        "-m",
        help="NLP pipeline: 'auto' (best installed spaCy model per language, else the embedded "
        "one), 'rules' (always the embedded one), or a spaCy package name or path.",
    ),
]
JobsOpt = Annotated[
    int,
    typer.Option(
        "--jobs", "-j", min=1,
        help="Worker processes (analysis, PDFs); default: the cores this process may use.",
    ),
]
ExecutorOpt = Annotated[ExecutorKind | None, typer.Option(
    help="Where articles are analysed and PDFs rendered: local processes (default) or a Dask "
    "cluster (--scheduler, else a local one of --jobs workers).")]  # fmt: skip
SchedulerOpt = Annotated[str | None, typer.Option(help="Dask scheduler, tcp://HOST:8786.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Only errors and the summary line.")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="One line per article.")]
ForceOpt = Annotated[
    bool, typer.Option("--force", help="Write into a non-empty folder no reportgen build made.")
]
MaxCharsOpt = Annotated[
    int | None,
    typer.Option(
        "--max-article-chars",
        min=1,
        help="Characters of each article that are analysed; longer texts are cut, with a "
        "warning (default 100,000; see docs/limits.md).",
    ),
]

NoReuseOpt = Annotated[bool, typer.Option("--no-reuse", help="Skip the text-reuse pass.")]
ThresholdOpt = Annotated[float | None, typer.Option(help="Text reuse: shingle similarity (0.5).")]
SiteOutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Site folder (default: output/).")
]
TemplatesOpt = Annotated[
    Path | None,
    typer.Option(help="Folder of templates that override the built-in ones (same names)."),
]
NoPdfOpt = Annotated[bool, typer.Option("--no-pdf", help="Skip the PDFs.")]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Analyse and render everything anew.")]
NoSearchOpt = Annotated[
    bool, typer.Option("--no-search", help="Skip the search index (Pagefind) and search box.")
]
MinMentionsOpt = Annotated[
    int | None,
    typer.Option(
        min=1,
        help="Entities mentioned fewer times in the corpus get no page of their own "
        "(default 2; 1: every entity).",
    ),
]
