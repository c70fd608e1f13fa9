"""Which block (title, body, comments, ...) a character offset lies in."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Protocol


class _BlockLike(Protocol):
    kind: str
    start: int
    end: int


class BlockIndex:
    """Offset -> block kind over blocks sorted by start (``"none"`` between blocks)."""

    def __init__(self, blocks: Sequence[_BlockLike]) -> None:
        self.blocks = list(blocks)
        self.starts = [block.start for block in self.blocks]

    def kind_at(self, offset: int) -> str:
        index = bisect.bisect_right(self.starts, offset) - 1
        if index >= 0 and self.blocks[index].start <= offset < self.blocks[index].end:
            return self.blocks[index].kind
        return "none"
