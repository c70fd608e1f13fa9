"""Summary figures of one article, derived once from its final blocks and findings."""

from __future__ import annotations

import re
from typing import Any

from ..lang import profile
from ..model import ARTICLE_KINDS, BODY_KINDS, Block, Comment, Entity, Quote, Source, Stats
from ..text.sentences import split_sentences

_WORD = re.compile(r"\w+")


def _block_figures(text: str, blocks: list[Block]) -> dict[str, Any]:
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
        "words": sum(len(_WORD.findall(text, b.start, b.end)) for b in body_blocks),
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


def _body_sentences(text: str, blocks: list[Block], lang: str) -> int:
    """Sentences of the body read as one text: line breaks (also between blocks) wrap lines
    of plain-text dumps and end no sentence here."""
    body = " ".join(text[b.start : b.end] for b in blocks if b.kind in BODY_KINDS)
    lang_profile = profile(lang)
    return len(
        split_sentences(
            body.replace("\n", " "),
            lang_profile.words("abbreviations"),
            lang_profile.words("months"),
            lang_profile.words("ordinal_before"),
        )
    )


def compute_stats(
    text: str,
    lang: str,
    blocks: list[Block],
    entities: list[Entity],
    quotes: list[Quote],
    sources: list[Source],
    comments: list[Comment],
) -> Stats:
    figures = _block_figures(text, blocks)
    article_quotes = [q for q in quotes if q.block in ARTICLE_KINDS]
    return Stats(
        **figures,
        sentences=_body_sentences(text, blocks, lang),
        comment_count=len(comments),
        comment_chars=figures["chars_by_kind"].get("comments", 0),
        quote_count=len(article_quotes),
        direct_quote_count=sum(1 for q in article_quotes if q.kind == "direct"),
        indirect_quote_count=sum(1 for q in article_quotes if q.kind == "indirect"),
        comment_quote_count=sum(1 for q in quotes if q.in_comments),
        entity_count=sum(1 for e in entities if any(m.block in ARTICLE_KINDS for m in e.mentions)),
        comment_entity_count=sum(
            1 for e in entities if any(m.block == "comments" for m in e.mentions)
        ),
        source_count=len(sources),
        state_affiliated_source_count=sum(1 for s in sources if s.state_affiliated),
    )
