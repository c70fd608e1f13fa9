"""What each archival PDF embeds and declares (render/pdf.py writes it): the article's contract
object exactly as its line of data/analysis.jsonl, or the outlet's or corpus's aggregate.

`input_sha256` is the SHA-256 of the analysed text as read (the article's `text`, which every
offset of the analysis refers to); for an outlet or the corpus it is the SHA-256 of the lines
"<article id> <that article's input_sha256>\\n" of its articles, in id order."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from .. import __version__
from ..model import ArticleAnalysis
from .exports import analysis_line, summary_json
from .pdf import PdfArchive


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pipeline_label(pipeline: dict[str, str]) -> str:
    return f"{pipeline.get('name', '?')} {pipeline.get('version', '?')}"


def article_archive(a: ArticleAnalysis) -> PdfArchive:
    return PdfArchive(
        kind="article",
        analysis_json=analysis_line(a),
        description=f"reportgen analysis of article {a.id} (the line of data/analysis.jsonl)",
        version=__version__,
        pipeline=pipeline_label(a.pipeline),
        input_sha256=text_sha256(a.text),
    )


def summary_archive(
    kind: str, name: str, summary: dict[str, Any], analyses: Iterable[ArticleAnalysis]
) -> PdfArchive:
    """An outlet's or the corpus's PDF: `summary` is aggregate.outlet_summary or corpus_summary
    of `analyses`."""
    # one analysis at a time: the corpus's may be a spool on disk
    hashes: list[tuple[str, str]] = []
    pipelines: set[str] = set()
    for a in analyses:
        hashes.append((a.id, text_sha256(a.text)))
        pipelines.add(pipeline_label(a.pipeline))
    lines = "".join(f"{article_id} {sha}\n" for article_id, sha in sorted(hashes))
    return PdfArchive(
        kind=kind,
        analysis_json=summary_json(summary),
        description=f"reportgen aggregate of {kind} {name} ({len(hashes)} articles)",
        version=__version__,
        pipeline="; ".join(sorted(pipelines)) or "none",
        input_sha256=text_sha256(lines),
    )
