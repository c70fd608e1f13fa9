"""The last step of every article's analysis, run again after a corpus pass changed its blocks:
the block of each finding, the body text and the figures all follow from the final blocks."""

from __future__ import annotations

from ..model import BODY_KINDS, ArticleAnalysis
from ..text.blocks import BlockIndex
from .stats import compute_stats


def finalize(analysis: ArticleAnalysis) -> ArticleAnalysis:
    """Derive block fields, ``body`` and ``stats`` from ``analysis.blocks``, in place."""
    index = BlockIndex(analysis.blocks)
    for entity in analysis.entities:
        for mention in entity.mentions:
            mention.block = index.kind_at(mention.start)
    for source in analysis.sources:
        for mention in source.mentions:
            mention.block = index.kind_at(mention.start)
    for quote in analysis.quotes:
        quote.block = index.kind_at(quote.start)
        quote.in_comments = quote.block == "comments"
    analysis.body = "\n\n".join(
        analysis.text[b.start : b.end] for b in analysis.blocks if b.kind in BODY_KINDS
    )
    analysis.stats = compute_stats(
        analysis.text,
        analysis.lang,
        analysis.blocks,
        analysis.entities,
        analysis.quotes,
        analysis.sources,
        analysis.comments,
    )
    return analysis
