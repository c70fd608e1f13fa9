"""Scans over an article's text that used to be quadratic in its length: the faster forms find
exactly what the old ones found."""

from __future__ import annotations

import random

from reportgen.analyze.entities import RawMention, surname_mentions
from reportgen.analyze.quotes.marks import find_direct_spans, spans_in_prefix


def test_partial_quote_scan_equals_a_scan_of_the_prefix() -> None:
    """The resumed scan of `_spans_in_prefix` finds what a scan of the whole prefix finds."""
    rng = random.Random(7)
    pieces = ["„", "“", '"', "»", "«", "'", "''", " ", "\n", "\n\n", "Wort", "sagte er", ". "]
    text = "".join(rng.choice(pieces) for _ in range(20_000))
    whole = find_direct_spans(text)
    starts = [span.start for span in whole]
    for _ in range(60):
        end = rng.randrange(len(text) // 2, len(text))
        start = rng.randrange(0, end)
        expected = [s for s in find_direct_spans(text[:end]) if s.start >= start]
        found = [s for s in spans_in_prefix(text, start, end, whole, starts) if s.start >= start]
        assert found == expected


def test_surname_mentions_skip_exactly_the_overlapping_matches() -> None:
    text = "Olaf Scholz kam. Scholz sprach, Scholzens Partei nicht. Dann Scholz' Rede und Scholz."
    full = RawMention(0, 11, "Olaf Scholz", "PER")
    overlapping = RawMention(17, 32, "Scholz sprach, ", "MISC")  # covers the second "Scholz"
    found = surname_mentions([full, overlapping], text)
    assert [(m.start, m.text) for m in found] == [(61, "Scholz"), (78, "Scholz")]


def test_block_pieces_by_sweep_equal_testing_every_mark_against_every_piece() -> None:
    from reportgen.model import Block
    from reportgen.render.highlight import _pieces

    rng = random.Random(3)
    text = "".join(rng.choice("abc \n") for _ in range(2000))
    block = Block("body", 100, 1900)
    for _ in range(30):
        marks = []
        for _ in range(rng.randrange(0, 40)):
            s = rng.randrange(100, 1900)
            marks.append((s, min(1900, s + rng.randrange(0, 300)), rng.choice(["q", "ent"])))
        cuts = sorted({100, 1900, *(s for s, _, _ in marks), *(e for _, e, _ in marks)})
        expected = [
            {"text": text[a:b],
             "classes": " ".join(sorted({c for s, e, c in marks if s <= a and b <= e}))}
            for a, b in zip(cuts, cuts[1:], strict=False)
        ]  # fmt: skip
        assert _pieces(text, block, marks) == expected
