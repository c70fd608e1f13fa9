"""Summary figures of one article: sizes, block shares, counts."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc

from ..model import ARTICLE_KINDS, Block, Comment, Entity, Quote, Source
from .segment import BODY_KINDS

_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…][\"“”»«')]*\s")


def block_figures(text: str, blocks: list[Block]) -> dict[str, Any]:
    """The figures that follow from the blocks alone: sizes and shares per kind, body size."""
    chars_by_kind: dict[str, int] = {}
    count_by_kind: dict[str, int] = {}
    for block in blocks:
        chars_by_kind[block.kind] = chars_by_kind.get(block.kind, 0) + block.end - block.start
        count_by_kind[block.kind] = count_by_kind.get(block.kind, 0) + 1
    body_blocks = [b for b in blocks if b.kind in BODY_KINDS]
    boilerplate_chars = sum(n for kind, n in chars_by_kind.items() if kind not in ARTICLE_KINDS)
    total = sum(chars_by_kind.values())
    return {
        "words": sum(len(_WORD.findall(text[b.start : b.end])) for b in body_blocks),
        "paragraphs": len(body_blocks),
        "chars": len(text),
        "body_chars": sum(b.end - b.start for b in body_blocks),
        "boilerplate_chars": boilerplate_chars,
        "boilerplate_ratio": round(boilerplate_chars / total, 4) if total else 0.0,
        "blocks_by_kind": dict(sorted(count_by_kind.items())),
        "chars_by_kind": dict(sorted(chars_by_kind.items())),
        "share_by_kind": {k: round(v / total, 4) for k, v in sorted(chars_by_kind.items())}
        if total
        else {},
    }


def quote_figures(quotes: list[Quote]) -> dict[str, int]:
    """Quotation counts of the article itself; quotations in comments are counted apart, and
    those in appeals or site furniture not at all."""
    article_quotes = [q for q in quotes if q.block in ARTICLE_KINDS]
    return {
        "quote_count": len(article_quotes),
        "direct_quote_count": sum(1 for q in article_quotes if q.kind == "direct"),
        "indirect_quote_count": sum(1 for q in article_quotes if q.kind == "indirect"),
        "comment_quote_count": sum(1 for q in quotes if q.in_comments),
    }


def refresh_block_stats(
    stats: dict[str, Any], text: str, blocks: list[Block], removed: list[tuple[int, int]]
) -> None:
    """Update `stats` after blocks changed kind (the outlet fingerprint): the block figures are
    recomputed; the sentences of the spans that left the body are estimated by their full stops,
    as the spaCy parse is no longer at hand."""
    stats.update(block_figures(text, blocks))
    gone = sum(len(_SENTENCE_END.findall(text[s:e] + " ")) or 1 for s, e in removed)
    stats["sentences"] = max(0, stats.get("sentences", 0) - gone)


def compute_stats(
    text: str,
    blocks: list[Block],
    chunks: list[tuple[int, Doc]],
    entities: list[Entity],
    quotes: list[Quote],
    sources: list[Source],
    comments: list[Comment],
) -> dict[str, Any]:
    figures = block_figures(text, blocks)
    body_ranges = [(b.start, b.end) for b in blocks if b.kind in BODY_KINDS]
    sentences = 0
    for offset, doc in chunks:
        for sent in doc.sents:
            # A sentence may begin with the paragraph break before it; count where its words start.
            words = [token for token in sent if not token.is_space]
            if not words:
                continue
            start = offset + words[0].idx
            if any(s <= start < e for s, e in body_ranges):
                sentences += 1
    return {
        "words": figures["words"],
        "sentences": sentences,
        **{k: v for k, v in figures.items() if k != "words"},
        "comment_count": len(comments),
        "comment_chars": figures["chars_by_kind"].get("comments", 0),
        **quote_figures(quotes),
        "entity_count": sum(
            1 for e in entities if any(m.block in ARTICLE_KINDS for m in e.mentions)
        ),
        "comment_entity_count": sum(
            1 for e in entities if any(m.block == "comments" for m in e.mentions)
        ),
        "source_count": len(sources),
        "state_affiliated_source_count": sum(1 for s in sources if s.state_affiliated),
    }
