"""Data exports: the analyses as JSON Lines and flat CSV tables."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..aggregate_reuse import REUSE_HEADER, reuse_rows
from ..model import ArticleAnalysis, ReadError


def analysis_line(a: ArticleAnalysis) -> str:
    return json.dumps(a.to_dict(), ensure_ascii=False, sort_keys=False)


def analyses_jsonl(analyses: Iterable[ArticleAnalysis]) -> str:
    return "".join(jsonl_lines(analyses))


def jsonl_lines(analyses: Iterable[ArticleAnalysis]) -> Iterator[str]:
    """The JSON Lines export line by line: the site writes it as it goes, never whole."""
    for a in analyses:
        yield analysis_line(a) + "\n"


def summary_json(summary: dict[str, Any]) -> str:
    """An outlet's or the corpus's aggregate (aggregate.py) as JSON, keys in their order."""
    return json.dumps(summary, ensure_ascii=False, sort_keys=False)


# A cell starting with one of these is a formula to a spreadsheet ("=HYPERLINK(…)", "@SUM(…)");
# OWASP's rule for CSV injection: prefix such text with an apostrophe, so it stays text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> object:
    """A text cell that a spreadsheet would run as a formula, made plain text; numbers stay."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def _csv(header: list[str], rows: Iterable[list]) -> str:
    return "".join(_csv_pieces(header, rows))


# Rows per piece of a streamed CSV: large enough that the pieces cost nothing, small enough
# that a piece is a few hundred kilobytes at most.
_ROWS_PER_PIECE = 500


def _csv_pieces(header: list[str], rows: Iterable[list]) -> Iterator[str]:
    """The CSV text in pieces of rows, for a writer that streams it to the file."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    # Python's csv quotes a field with "\n" but not one with a bare "\r", which readers then
    # take for a line end: rows holding one are written with every field quoted.
    quoting_all = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    for number, row in enumerate(rows, start=1):
        cells = [neutralise(cell) for cell in row]
        has_cr = any(isinstance(cell, str) and "\r" in cell for cell in cells)
        (quoting_all if has_cr else writer).writerow(cells)
        if number % _ROWS_PER_PIECE == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def articles_csv(analyses: Iterable[ArticleAnalysis]) -> Iterator[str]:
    header = ["id", "outlet", "title", "authors", "date", "url", "lang", "format", "source_path",
              "words", "boilerplate_ratio", "quotes", "direct_quotes", "indirect_quotes",
              "sources", "entities", "comments", "pipeline"]  # fmt: skip
    rows = (
        [a.id, a.outlet, a.title or "", "; ".join(a.authors), a.date or "", a.url or "", a.lang,
         a.format, a.source_path, a.stats.words, a.stats.boilerplate_ratio,
         a.stats.quote_count, a.stats.direct_quote_count, a.stats.indirect_quote_count,
         len(a.sources), len(a.entities), a.stats.comment_count, a.pipeline["name"]]
        for a in analyses
    )  # fmt: skip
    return _csv_pieces(header, rows)


def entities_csv(analyses: Iterable[ArticleAnalysis]) -> Iterator[str]:
    header = ["article_id", "outlet", "entity_id", "name", "label", "count", "blocks"]
    rows = (
        [a.id, a.outlet, e.id, e.name, e.label, e.count,
         " ".join(sorted({m.block for m in e.mentions}))]
        for a in analyses
        for e in a.entities
    )  # fmt: skip
    return _csv_pieces(header, rows)


def quotes_csv(analyses: Iterable[ArticleAnalysis]) -> Iterator[str]:
    header = ["article_id", "outlet", "kind", "speaker", "speaker_mention", "cue", "source",
              "in_comments", "confidence", "start", "end", "text"]  # fmt: skip
    rows = (
        [a.id, a.outlet, q.kind, q.speaker or "",
         q.speaker_mention.text if q.speaker_mention else "", q.cue or "", q.source or "",
         q.in_comments, q.confidence, q.start, q.end, q.text]
        for a in analyses
        for q in a.quotes
    )  # fmt: skip
    return _csv_pieces(header, rows)


def sources_csv(analyses: Iterable[ArticleAnalysis]) -> Iterator[str]:
    header = ["article_id", "outlet", "source", "type", "country", "state_affiliated",
              "mentions", "links", "cues"]  # fmt: skip
    rows = (
        [a.id, a.outlet, s.name, s.type, s.country or "",
         "" if s.state_affiliated is None else s.state_affiliated, len(s.mentions), len(s.links),
         "; ".join(sorted({m.cue for m in s.mentions if m.cue}))]
        for a in analyses
        for s in a.sources
    )  # fmt: skip
    return _csv_pieces(header, rows)


def reuse_csv(analyses: Sequence[ArticleAnalysis]) -> Iterator[str]:
    """Every shared passage once per pair of articles, with both texts (docs/analysis.md)."""
    return _csv_pieces(REUSE_HEADER, reuse_rows(analyses))


def errors_csv(errors: list[ReadError]) -> str:
    return _csv(["source_path", "reason"], ([e.source_path, e.reason] for e in errors))


DATA_FILES = {
    "articles.csv": articles_csv,
    "entities.csv": entities_csv,
    "quotes.csv": quotes_csv,
    "sources.csv": sources_csv,
    "reuse.csv": reuse_csv,
}
