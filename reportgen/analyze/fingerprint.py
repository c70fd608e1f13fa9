"""The outlet fingerprint: paragraphs that recur across many articles of one outlet are the
outlet's page template (a slogan, a standing donation call, a "follow us" line), not article text.

This is the one analysis step that looks at more than one article: a second pass over each
outlet, after the per-article analysis and before aggregation. It finds the recurring paragraphs,
re-labels those the per-article pass took for body as boilerplate, and updates the figures.
Everything is ordered by article id and text, so the result does not depend on input order.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from ..model import BODY_KINDS, ArticleAnalysis
from ..spool import outlet_groups
from .finalize import finalize

# A paragraph is template furniture when it occurs in at least this many articles of the outlet
# and in at least this share of them.
MIN_ARTICLES = 3
MIN_SHARE = 0.25
# Paragraphs shorter than this (after normalising) are ignored: "Ja." recurs by chance.
MIN_CHARS = 3
# Body paragraphs are re-labelled only from this length on: a recurring subheading ("Fazit",
# "Hintergrund") is part of the article; a recurring sentence is the template's.
MIN_RELABEL_CHARS = 12


def _key(text: str) -> str:
    # str.split() and the regex \s+ split on the same whitespace; split is 2.6 times faster
    return " ".join(text.split()).casefold()


def _threshold(articles: int) -> int:
    return max(MIN_ARTICLES, math.ceil(MIN_SHARE * articles))


def recurring(analyses: list[ArticleAnalysis]) -> dict[str, dict[str, Any]]:
    """The recurring paragraphs of one outlet's articles, by normalised text: the text as first
    seen, in how many articles, and the kinds the per-article pass gave it."""
    seen: dict[str, dict[str, Any]] = {}
    for analysis in sorted(analyses, key=lambda a: a.id):
        keys_here: set[str] = set()
        for block in analysis.blocks:
            if block.kind == "title":
                continue
            text = analysis.text[block.start : block.end]
            key = _key(text)
            if len(key) < MIN_CHARS or key in keys_here:
                continue
            keys_here.add(key)
            entry = seen.setdefault(key, {"text": text.strip(), "articles": 0, "kinds": {}})
            entry["articles"] += 1
            entry["kinds"][block.kind] = entry["kinds"].get(block.kind, 0) + 1
    limit = _threshold(len(analyses))
    return {key: entry for key, entry in seen.items() if entry["articles"] >= limit}


def _kind_of(key: str, entry: dict[str, Any]) -> str:
    """The kind shown for a recurring paragraph: the most frequent non-body kind it was given,
    or boilerplate (the fingerprint's verdict on what the per-article pass took for body), or
    body for a short subheading that stays in the articles."""
    kinds = {k: n for k, n in entry["kinds"].items() if k not in BODY_KINDS}
    if not kinds:
        return "boilerplate" if len(key) >= MIN_RELABEL_CHARS else "body"
    return sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def outlet_fingerprint(analyses: list[ArticleAnalysis]) -> list[dict[str, Any]]:
    """Rows for the outlet page: text, kind, articles (count), share of the outlet's articles."""
    if len(analyses) < MIN_ARTICLES:
        return []
    rows = [
        {
            "text": entry["text"],
            "kind": _kind_of(key, entry),
            "articles": entry["articles"],
            "share": round(entry["articles"] / len(analyses), 4),
        }
        for key, entry in recurring(analyses).items()
    ]
    rows.sort(key=lambda r: (-r["articles"], r["text"]))
    return rows


def apply_fingerprints(analyses: Sequence[ArticleAnalysis]) -> int:
    """Re-label body paragraphs that recur across their outlet as boilerplate, in place (an
    analysis that changed is stored back: a spool holds one outlet's articles at a time).
    Returns how many blocks changed."""
    changed_total = 0
    for _outlet, positions in outlet_groups(analyses).items():
        if len(positions) < MIN_ARTICLES:
            continue
        group = [analyses[i] for i in positions]
        keys = recurring(group)
        if not keys:
            continue
        for position, analysis in zip(positions, group, strict=True):
            changed = _relabel(analysis, keys)
            if changed:
                analyses[position] = analysis  # type: ignore[index]
            changed_total += changed
    return changed_total


def _relabel(analysis: ArticleAnalysis, keys: dict[str, dict[str, Any]]) -> int:
    changed: list[tuple[int, int]] = []
    for block in analysis.blocks:
        key = _key(analysis.text[block.start : block.end])
        if block.kind in BODY_KINDS and len(key) >= MIN_RELABEL_CHARS and key in keys:
            block.kind = "boilerplate"
            changed.append((block.start, block.end))
    if not changed:
        return 0

    finalize(analysis)
    analysis.warnings.append(
        f"{len(changed)} paragraph(s) recur across the outlet's articles and count as "
        "boilerplate (outlet fingerprint)"
    )
    return len(changed)
