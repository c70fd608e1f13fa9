"""Split a block's text into pieces marked as quotation and/or entity, for the article page."""

from __future__ import annotations

import bisect
from collections import Counter
from typing import Any

from ..model import ArticleAnalysis, Block

Mark = tuple[int, int, str]  # start, end, class


def block_pieces(a: ArticleAnalysis) -> list[dict[str, Any]]:
    marks: list[Mark] = [(q.start, q.end, "q") for q in a.quotes]
    marks += [(m.start, m.end, "ent") for e in a.entities for m in e.mentions]
    marks.sort()
    starts = [s for s, _, _ in marks]
    longest = max((e - s for s, e, _ in marks), default=0)
    segments = []
    for block in a.blocks:
        # Only marks that start less than the longest mark before the block can reach into it:
        # a window, not a scan of every mark for every block.
        window = marks[bisect.bisect_left(starts, block.start - longest) :
                       bisect.bisect_left(starts, block.end)]  # fmt: skip
        inside = [(max(s, block.start), min(e, block.end), c) for s, e, c in window
                  if s < block.end and block.start < e]  # fmt: skip
        segments.append({"kind": block.kind, "pieces": _pieces(a.text, block, inside)})
    return segments


def _pieces(text: str, block: Block, inside: list[Mark]) -> list[dict[str, str]]:
    """One piece between every two neighbouring mark boundaries, with the classes of the marks
    that cover it, by one sweep over the boundaries (linear, where testing every mark against
    every piece was quadratic in a block of one long line)."""
    cuts = sorted({block.start, block.end, *(s for s, _, _ in inside), *(e for _, e, _ in inside)})
    opening: dict[int, list[str]] = {}
    closing: dict[int, list[str]] = {}
    for s, e, c in inside:
        opening.setdefault(s, []).append(c)
        closing.setdefault(e, []).append(c)
    active: Counter[str] = Counter()
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        active.update(opening.get(start, ()))
        active.subtract(closing.get(start, ()))
        classes = sorted(c for c, n in active.items() if n > 0)
        pieces.append({"text": text[start:end], "classes": " ".join(classes)})
    return pieces
