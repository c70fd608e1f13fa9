"""Aligning two article bodies word by word: the last step of the text-reuse pass
(`reuse.py`), for each pair of articles its windows tie together.

difflib's SequenceMatcher over the two bodies' words gives blocks of words in the same order;
blocks close to each other in both texts join into runs, and a run of at least `min_words`
aligned words is a shared passage. The alignment of a pair depends only on the two bodies,
so a rebuild takes it from an `AlignmentStore` (`cache.reuse.KeptAlignments`) when both
bodies are unchanged: one article changed, and only its own pairs are aligned again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Protocol

from ..model import BODY_KINDS, ArticleAnalysis
from ..text.patterns import WORD

# Aligned runs of words separated by at most this many unaligned words in each text are one
# passage (a changed word or a cut subordinate clause does not split it).
MAX_GAP = 4
MIN_BLOCK = 3  # aligned words in a row that a passage is made of
# A passage ends after its last word's closing punctuation (a full stop, a closing quote mark).
CLOSING = frozenset(".,;:!?…)]»«“”\"'’")


@dataclass
class Body:
    """An article's body words: (start, end, casefolded) each, with the end of its block and
    the stretch of body it is in (a block of another kind between two words starts a new one)."""

    words: list[tuple[int, int, str]] = field(default_factory=list)
    block_ends: list[int] = field(default_factory=list)
    stretches: list[int] = field(default_factory=list)

    def span(self, text: str, first: int, last: int) -> tuple[int, int]:
        """The offsets of words first..last, with the punctuation that closes the last."""
        end = self.words[last][1]
        while end < self.block_ends[last] and text[end] in CLOSING:
            end += 1
        return self.words[first][0], end


def body_of(a: ArticleAnalysis) -> Body:
    body, stretch, previous_body = Body(), 0, False
    for block in a.blocks:
        if block.kind not in BODY_KINDS:
            stretch += previous_body
            previous_body = False
            continue
        previous_body = True
        for m in WORD.finditer(a.text, block.start, block.end):
            body.words.append((m.start(), m.end(), m.group(0).casefold()))
            body.block_ends.append(block.end)
            body.stretches.append(stretch)
    return body


Run = tuple[int, int, int, int, int]  # first, last word in a; first, last in b; aligned words
# A run with its offsets: first, last word in a; first, last in b; aligned words; then start
# and end in a's text, start and end in b's.
Alignment = tuple[int, int, int, int, int, int, int, int, int]


def aligned_runs(a: Body, b: Body, min_words: int) -> list[Run]:
    """Runs of words the two bodies share, each of at least `min_words` aligned words; a run
    stays within one stretch of body in each text."""
    matcher = SequenceMatcher(None, [w[2] for w in a.words], [w[2] for w in b.words], False)
    runs: list[list[int]] = []
    for block in matcher.get_matching_blocks():
        if block.size < MIN_BLOCK:  # "the", "in der": words any two texts share by chance
            continue
        for start in range(block.size):  # split where a stretch of either body ends
            i, j = block.a + start, block.b + start
            last = runs[-1] if runs else None
            if (
                last
                and 0 <= i - last[1] - 1 <= MAX_GAP
                and 0 <= j - last[3] - 1 <= MAX_GAP
                and a.stretches[i] == a.stretches[last[1]]
                and b.stretches[j] == b.stretches[last[3]]
            ):
                last[1], last[3], last[4] = i, j, last[4] + 1
            else:
                runs.append([i, i, j, j, 1])
    return [(r[0], r[1], r[2], r[3], r[4]) for r in runs if r[4] >= min_words]


def alignments(
    text_a: str, body_a: Body, text_b: str, body_b: Body, min_words: int
) -> list[Alignment]:
    """The aligned runs of two bodies with their offsets in both texts."""
    return [
        (*run, *body_a.span(text_a, run[0], run[1]), *body_b.span(text_b, run[2], run[3]))
        for run in aligned_runs(body_a, body_b, min_words)
    ]


class AlignmentStore(Protocol):
    """Where the alignments of pairs of bodies seen before are kept, by `pair_key`."""

    def get(self, key: str) -> list[Alignment] | None: ...
    def put(self, key: str, found: list[Alignment]) -> None: ...


def pair_key(key_a: str, key_b: str) -> str:
    """The key of a pair of bodies in this order, from their `reuse.sketch_key`s (each covers
    the text, where its body is and the shortest body the pass reads)."""
    return hashlib.sha256(f"{key_a}\0{key_b}".encode("ascii")).hexdigest()
