"""Data exports: the analyses as JSON Lines and flat CSV tables."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from ..aggregate_reuse import REUSE_HEADER, reuse_rows
from ..cache.exports import ExportLedger, analysis_digest
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


class _CsvText:
    """CSV rows as text, taken out piece by piece."""

    def __init__(self, header: list[str]) -> None:
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer, lineterminator="\n")
        # Python's csv quotes a field with "\n" but not one with a bare "\r", which readers
        # then take for a line end: rows holding one are written with every field quoted.
        self.quoting_all = csv.writer(self.buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
        self.writer.writerow(header)

    def row(self, row: list) -> None:
        cells = [neutralise(cell) for cell in row]
        has_cr = any(isinstance(cell, str) and "\r" in cell for cell in cells)
        (self.quoting_all if has_cr else self.writer).writerow(cells)

    def take(self) -> str:
        text = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        return text


def _csv_pieces(header: list[str], rows: Iterable[list]) -> Iterator[str]:
    """The CSV text in pieces of rows, for a writer that streams it to the file."""
    text = _CsvText(header)
    for number, row in enumerate(rows, start=1):
        text.row(row)
        if number % _ROWS_PER_PIECE == 0:
            yield text.take()
    yield text.take()


ARTICLES_HEADER = [
    "id", "outlet", "title", "authors", "date", "url", "lang", "format", "source_path", "words",
    "boilerplate_ratio", "quotes", "direct_quotes", "indirect_quotes", "sources", "entities",
    "comments", "pipeline",
]  # fmt: skip


def _article_rows(a: ArticleAnalysis) -> list[list]:
    return [[a.id, a.outlet, a.title or "", "; ".join(a.authors), a.date or "", a.url or "",
             a.lang, a.format, a.source_path, a.stats.words, a.stats.boilerplate_ratio,
             a.stats.quote_count, a.stats.direct_quote_count, a.stats.indirect_quote_count,
             len(a.sources), len(a.entities), a.stats.comment_count,
             a.pipeline["name"]]]  # fmt: skip


ENTITIES_HEADER = ["article_id", "outlet", "entity_id", "name", "label", "count", "blocks"]


def _entity_rows(a: ArticleAnalysis) -> list[list]:
    return [[a.id, a.outlet, e.id, e.name, e.label, e.count,
             " ".join(sorted({m.block for m in e.mentions}))] for e in a.entities]  # fmt: skip


QUOTES_HEADER = ["article_id", "outlet", "kind", "speaker", "speaker_mention", "cue", "source",
                 "in_comments", "confidence", "start", "end", "text"]  # fmt: skip


def _quote_rows(a: ArticleAnalysis) -> list[list]:
    return [[a.id, a.outlet, q.kind, q.speaker or "",
             q.speaker_mention.text if q.speaker_mention else "", q.cue or "", q.source or "",
             q.in_comments, q.confidence, q.start, q.end, q.text] for q in a.quotes]  # fmt: skip


SOURCES_HEADER = ["article_id", "outlet", "source", "type", "country", "state_affiliated",
                  "mentions", "links", "cues"]  # fmt: skip


def _source_rows(a: ArticleAnalysis) -> list[list]:
    return [[a.id, a.outlet, s.name, s.type, s.country or "",
             "" if s.state_affiliated is None else s.state_affiliated, len(s.mentions),
             len(s.links), "; ".join(sorted({m.cue for m in s.mentions if m.cue}))]
            for s in a.sources]  # fmt: skip


# The CSVs with rows from each analysis alone, in the order of the analyses: their header and
# the rows of one analysis (exports_one_pass writes them all from one reading).
PER_ARTICLE = {
    "articles.csv": (ARTICLES_HEADER, _article_rows),
    "entities.csv": (ENTITIES_HEADER, _entity_rows),
    "quotes.csv": (QUOTES_HEADER, _quote_rows),
    "sources.csv": (SOURCES_HEADER, _source_rows),
}


def _per_article_csv(name: str, analyses: Iterable[ArticleAnalysis]) -> Iterator[str]:
    header, rows_of = PER_ARTICLE[name]
    return _csv_pieces(header, (row for a in analyses for row in rows_of(a)))


def articles_csv(analyses: Iterable[ArticleAnalysis]) -> Iterator[str]:
    return _per_article_csv("articles.csv", analyses)


def entities_csv(analyses: Iterable[ArticleAnalysis]) -> Iterator[str]:
    return _per_article_csv("entities.csv", analyses)


def quotes_csv(analyses: Iterable[ArticleAnalysis]) -> Iterator[str]:
    return _per_article_csv("quotes.csv", analyses)


def sources_csv(analyses: Iterable[ArticleAnalysis]) -> Iterator[str]:
    return _per_article_csv("sources.csv", analyses)


# The files made of one piece per analysis, in this order (`export_pieces`).
EXPORT_NAMES = ["analysis.jsonl", *PER_ARTICLE]


def export_pieces(a: ArticleAnalysis, texts: dict[str, _CsvText]) -> list[bytes]:
    """The analysis's line of analysis.jsonl and its rows of each PER_ARTICLE CSV (written
    through `texts`, one CSV writer per file), as bytes in EXPORT_NAMES order."""
    pieces = [(analysis_line(a) + "\n").encode("utf-8")]
    for name, (_header, rows_of) in PER_ARTICLE.items():
        for row in rows_of(a):
            texts[name].row(row)
        pieces.append(texts[name].take().encode("utf-8"))
    return pieces


def spill_exports(
    analyses: Iterable[ArticleAnalysis], folder: Path | None, ledger: ExportLedger | None = None
) -> dict[str, BinaryIO]:
    """The EXPORT_NAMES files from one reading of each analysis (a spool is read once for all
    of them, not once per file), into unnamed temporary files in `folder`, each rewound for
    reading; the caller closes them. With a `ledger` (a build cache), an analysis whose pieces
    the last build wrote is not exported again: its pieces are copied from those files."""
    files = {name: tempfile.TemporaryFile(prefix=".reportgen-export-", dir=folder)  # noqa: SIM115
             for name in EXPORT_NAMES}  # fmt: skip
    try:
        texts = {name: _CsvText(header) for name, (header, _rows) in PER_ARTICLE.items()}
        ends = dict.fromkeys(EXPORT_NAMES, 0)
        for name, text in texts.items():
            ends[name] = files[name].write(text.take().encode("utf-8"))
        for a in analyses:
            digest = analysis_digest(a) if ledger else ""
            pieces = ledger.kept(digest) if ledger else None
            if pieces is None:
                pieces = export_pieces(a, texts)
            places = []
            for name, piece in zip(EXPORT_NAMES, pieces, strict=True):
                places.append([ends[name], len(piece)])
                ends[name] += files[name].write(piece)
            if ledger:
                ledger.note(digest, places)
        for handle in files.values():
            handle.seek(0)
    except BaseException:
        for handle in files.values():
            handle.close()
        raise
    return files


def chunks(handle: BinaryIO, size: int = 1 << 20) -> Iterator[bytes]:
    while piece := handle.read(size):
        yield piece


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
