"""Split a block's text into pieces marked as quotation and/or entity, for the article page."""

from __future__ import annotations

from typing import Any

from ..model import ArticleAnalysis


def block_pieces(a: ArticleAnalysis) -> list[dict[str, Any]]:
    marks: list[tuple[int, int, str]] = [(q.start, q.end, "q") for q in a.quotes]
    marks += [(m.start, m.end, "ent") for e in a.entities for m in e.mentions]
    segments = []
    for block in a.blocks:
        inside = [(max(s, block.start), min(e, block.end), c) for s, e, c in marks
                  if s < block.end and block.start < e]  # fmt: skip
        cuts = sorted(
            {block.start, block.end, *(s for s, _, _ in inside), *(e for _, e, _ in inside)}
        )
        pieces = []
        for start, end in zip(cuts, cuts[1:], strict=False):
            classes = sorted({c for s, e, c in inside if s <= start and end <= e})
            pieces.append({"text": a.text[start:end], "classes": " ".join(classes)})
        segments.append({"kind": block.kind, "pieces": pieces})
    return segments
