"""The reuse pass's window index (reportgen/analyze/reuse_index.py) finds the pairs datasketch's
own MinHashLSH index finds, without holding the index in memory."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH

from reportgen.analyze.reuse import LSH_MARGIN, PERMUTATIONS, SEED, Body, windows_of
from reportgen.analyze.reuse_index import Sketch, WindowIndex, signatures


def _body(words: list[str]) -> Body:
    body = Body()
    at = 0
    for word in words:
        body.words.append((at, at + len(word), word))
        body.block_ends.append(10**6)
        body.stretches.append(0)
        at += len(word) + 1
    return body


def _articles() -> list[list[str]]:
    """Forty articles of random words; some copy, edit or share passages of earlier ones."""
    rng = random.Random(7)
    vocabulary = [f"w{n}" for n in range(400)]
    articles: list[list[str]] = []
    for number in range(40):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(30, 160))]
        if articles and number % 3 == 0:
            source = rng.choice(articles)
            start = rng.randrange(len(source))
            words[10:10] = source[start : start + 60]  # a shared passage
        if articles and number % 7 == 0:
            words = list(rng.choice(articles))
            words[rng.randrange(len(words))] = "changed"  # a near copy
        articles.append(words)
    return articles


def _reference_pairs(windows: list[tuple[int, int, list[bytes]]], threshold: float) -> list:
    """The pass as it was: one MinHashLSH, each window asks for earlier ones, then is added."""
    signatures = MinHash.bulk([sorted(set(s)) for *_, s in windows], num_perm=PERMUTATIONS,
                              seed=SEED)  # fmt: skip
    lsh = MinHashLSH(threshold=LSH_MARGIN * threshold, num_perm=PERMUTATIONS)
    found = []
    for later, signature in enumerate(signatures):
        for earlier in sorted(lsh.query(signature)):
            a, b = set(windows[earlier][2]), set(windows[later][2])
            alike = len(a & b) / len(a | b)
            if windows[earlier][0] != windows[later][0] and alike >= threshold:
                found.append((earlier, later, round(alike, 9)))
        lsh.insert(later, signature)
    return found


def test_the_index_finds_what_datasketchs_lsh_finds(tmp_path: Path) -> None:
    threshold = 0.5
    index = WindowIndex(LSH_MARGIN * threshold, PERMUTATIONS, SEED, tmp_path)
    listed = []
    for article, words in enumerate(_articles()):
        windows = windows_of(_body(words), 20)
        index.add(article, index.sketch(windows))
        listed.extend((article, first, shingles) for first, shingles in windows)
    windows = index.windows()
    pairs = index.pairs(windows, threshold)
    columns = (pairs.earlier.tolist(), pairs.later.tolist(), pairs.similarity.tolist())
    got = [(e, lt, round(s, 9)) for e, lt, s in zip(*columns, strict=True)]
    expected = _reference_pairs(listed, threshold)
    assert len(expected) > 20  # the copies and the shared passages are there
    assert got == expected
    assert windows.articles.tolist() == [article for article, _first, _s in listed]
    assert list(tmp_path.iterdir()) == []  # the band files have no name there


def test_window_signatures_are_datasketchs_minhashes() -> None:
    rng = random.Random(3)
    template = MinHash(num_perm=PERMUTATIONS, seed=SEED)
    shingles = [f"s{rng.randrange(10**6)}".encode() for _ in range(300)]
    hashes = np.unique(np.array([template.hashfunc(s) for s in shingles], np.uint32))
    windows = [np.unique(rng.sample(range(len(hashes)), rng.randint(1, 60))) for _ in range(50)]
    got = signatures(template.permutations, hashes, windows)
    expected = MinHash.bulk([hashes[w].tolist() for w in windows], num_perm=PERMUTATIONS,
                            seed=SEED, hashfunc=int)  # fmt: skip
    assert got.dtype == expected[0].hashvalues.dtype
    assert got.tolist() == [m.hashvalues.tolist() for m in expected]


def test_a_sketch_is_kept_as_bytes_and_read_back_exactly(tmp_path: Path) -> None:
    """Its band keys are kept with it; an index with other bands makes its own again."""
    made, read = (WindowIndex(0.4, PERMUTATIONS, SEED, tmp_path) for _ in range(2))
    sketch = made.sketch(windows_of(_body(_articles()[3]), 20))
    back = Sketch.from_bytes(sketch.to_bytes())
    assert len(back.firsts) > 1 and back.ranges == made.ranges
    made.add(0, sketch)
    read.add(0, back)
    for name in ("firsts", "sizes", "shingles", "keys"):
        assert getattr(back, name).tolist() == getattr(sketch, name).tolist()
    other = WindowIndex(0.7, PERMUTATIONS, SEED, tmp_path)
    assert other.ranges != made.ranges
    again = Sketch.from_bytes(sketch.to_bytes())
    other.add(0, again)  # the keys of the other index's bands, as it makes them itself
    assert again.keys.tolist() == other.sketch(windows_of(_body(_articles()[3]), 20)).keys.tolist()
    empty = made.sketch(windows_of(_body(["few", "words"]), 20))
    assert len(Sketch.from_bytes(empty.to_bytes()).firsts) == 0
    for damaged in (sketch.to_bytes()[:-4], b"\x01\x00\x00\x00" * 2, b""):
        with pytest.raises(ValueError):
            Sketch.from_bytes(damaged)
