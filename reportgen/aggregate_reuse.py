"""Roll-ups of the text-reuse pass (`analyze/reuse.py`): the passages of one article grouped by
the article they are shared with, each outlet's reuse from every other outlet, and the matrix
between outlets that the index page draws. Plain dicts and lists in a stable order."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from .model import ArticleAnalysis
from .spool import ById, by_id, outlets_of

# How the row outlet's article stands to the other outlet's, from the row article's side.
ORDER_KEYS = {"later": "other_first", "earlier": "this_first", "same": "same", "unknown": "unknown"}


def shared_with(a: ArticleAnalysis, others: Mapping[str, ArticleAnalysis]) -> list[dict[str, Any]]:
    """The article's shared passages grouped by the other article, the most words first."""
    groups: dict[str, list] = defaultdict(list)
    for passage in a.reuse:
        groups[passage.other_id].append(passage)
    rows = []
    for other_id, passages in groups.items():
        other = others.get(other_id)
        first = passages[0]
        rows.append({
            "id": other_id, "title": (other.title if other else None) or other_id,
            "outlet": first.other_outlet, "date": first.other_date, "order": first.order,
            "cited": any(p.cited for p in passages), "words": sum(p.words for p in passages),
            "passages": [
                {"text": p.text, "words": p.words, "similarity": p.similarity,
                 "other_text": other.text[p.other_start : p.other_end] if other else ""}
                for p in passages
            ],
        })  # fmt: skip
    rows.sort(key=lambda r: (-r["words"], r["id"]))
    return rows


def _cell(articles: int, total: int) -> dict[str, Any]:
    return {"articles": articles, "share": round(articles / total, 4) if total else 0.0}


def outlet_reuse(analyses: list[ArticleAnalysis], outlet: str) -> list[dict[str, Any]]:
    """For each other outlet (the outlet itself included, for reuse between its own articles):
    how many of `outlet`'s articles share text with one of its articles, that share of all
    `outlet`'s articles, and by which came first; `cited`: articles that also cite it."""
    own = [a for a in analyses if a.outlet == outlet]
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for a in own:
        for passage in a.reuse:
            row = found[passage.other_outlet]
            row["all"].add(a.id)
            row[ORDER_KEYS[passage.order]].add(a.id)
            if passage.cited:
                row["cited"].add(a.id)
    rows = []
    for other, sets in found.items():
        row = {"outlet": other, **_cell(len(sets["all"]), len(own))}
        row.update({key: len(sets[key]) for key in (*ORDER_KEYS.values(), "cited")})
        rows.append(row)
    rows.sort(key=lambda r: (-r["articles"], r["outlet"]))
    return rows


def reuse_matrix(analyses: list[ArticleAnalysis]) -> dict[str, Any]:
    """Rows and columns are the outlets (sorted by name); cell (row, column) is the share of
    the row outlet's articles that share text with an article of the column outlet."""
    # The outlets from the spool's index: counting them by reading every analysis once per
    # outlet made this pass quadratic in a spooled corpus (still running after 25 minutes
    # for 46,310 analyses under 150 outlets).
    totals = Counter(outlets_of(analyses))
    outlets = sorted(totals)
    sharing: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a in analyses:
        for passage in a.reuse:
            sharing[(a.outlet, passage.other_outlet)].add(a.id)
    cells = [
        [_cell(len(sharing[(row, column)]), totals[row]) for column in outlets] for row in outlets
    ]
    return {
        "outlets": outlets,
        "cells": cells,
        "any": any(sharing.values()),
        "top": max((c["share"] for row in cells for c in row), default=0.0),
    }


def reuse_rows(analyses: Sequence[ArticleAnalysis]) -> Iterator[list[Any]]:
    """One row per shared passage and pair of articles (each pair once, the smaller id first),
    for `data/reuse.csv`; the other article of a pair is read when its row is made."""
    others = ById(analyses)
    for a in by_id(analyses):
        for p in a.reuse:
            if a.id > p.other_id:
                continue
            other = others.get(p.other_id)
            first = {"earlier": a.id, "later": p.other_id}.get(p.order, p.order)
            yield [
                a.id, a.outlet, a.date or "", p.other_id, p.other_outlet, p.other_date or "",
                first, p.words, p.similarity, p.start, p.end, p.other_start, p.other_end,
                p.cited, p.text, other.text[p.other_start : p.other_end] if other else "",
            ]  # fmt: skip


REUSE_HEADER = [
    "article_id", "outlet", "date", "other_id", "other_outlet", "other_date", "first", "words",
    "similarity", "start", "end", "other_start", "other_end", "cites_other_outlet", "text",
    "other_text",
]  # fmt: skip
