"""The window index of the text-reuse pass (`reuse.py`), in memory that does not grow with the
LSH: which windows of the corpus are alike.

Each window's shingles are kept as their 32-bit hashes, sorted, back to back in one array (the
exact Jaccard check reads them). Its MinHash signature is datasketch's (same seed, permutations,
"affine32" scheme and hash of each shingle), computed for all of an article's windows at once
from its shingles hashed once each; it is cut into the bands of a `MinHashLSH` with the same
threshold, and each band's values are hashed to one 64-bit key (`band_keys`), kept with the
body's sketch (a body seen before is not hashed, nor its signatures made, again). Each band's
keys go to a temporary file of their own. The candidates are then found band by band: the keys
of one band sorted, windows with equal keys paired. Two windows are candidates when one band of
theirs is equal, which is what the LSH index answered (and, once in about 2**64 / windows**2,
two unequal bands' keys collide: one more pair is checked exactly); no signature and no hash
table of the whole corpus is held in memory.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import numpy as np

# Windows whose band keys are buffered before they are appended to the band files.
FLUSH_WINDOWS = 4096
# Candidate pairs checked per chunk (their indexes as Python ints meanwhile).
CHECK_CHUNK = 65536


# MurmurHash3's 32-bit finalizer: datasketch's "affine32" scheme mixes each shingle's hash with
# it before the permutations h -> a * h + b (mod 2**32) that the signature takes the minima of.
FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)


def _fmix32(values: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = (np.uint32(c) for c in FMIX32)
    values = values ^ (values >> s1)
    values = values * m1
    values = values ^ (values >> s2)
    values = values * m2
    return values ^ (values >> s3)


# SplitMix64's finalizer: it folds a band's values, one by one, into the band's key.
MIX64 = (30, 0xBF58476D1CE4E5B9, 27, 0x94D049BB133111EB, 31)


def _mix64(values: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = (np.uint64(c) for c in MIX64)
    values = (values ^ (values >> s1)) * m1
    values = (values ^ (values >> s2)) * m2
    return values ^ (values >> s3)


Ranges = list[tuple[int, int]]  # each band's [start, end) of the signature's permutations


def band_keys(signatures: np.ndarray, ranges: Ranges) -> np.ndarray:
    """One uint64 key per window (row) and band (column): the band's values folded in turn."""
    keys = np.zeros((len(signatures), len(ranges)), np.uint64)
    for band, (start, end) in enumerate(ranges):
        key = np.zeros(len(signatures), np.uint64)
        for column in range(start, end):
            key = _mix64(key ^ signatures[:, column].astype(np.uint64))
        keys[:, band] = key
    return keys


def signatures(
    permutations: np.ndarray, hashes: np.ndarray, windows: list[np.ndarray]
) -> np.ndarray:
    """The MinHash signature (one row) of each window, given as indexes into `hashes` (uint32
    shingle hashes): the minima of the permuted hashes h -> a * fmix32(h) + b over its
    shingles."""
    a, b = permutations
    permuted = _fmix32(hashes)[:, None] * a + b
    starts = np.zeros(len(windows), np.int64)
    np.cumsum([w.size for w in windows[:-1]], out=starts[1:])
    return np.minimum.reduceat(permuted[np.concatenate(windows)], starts)


@dataclass
class BodyWindows:
    """One body's shingles (the word 5-gram at each word, as bytes) and its windows: window k
    starts at word firsts[k] and holds the shingles at firsts[k] up to ends[k]."""

    shingles: list[bytes]
    firsts: list[int]
    ends: list[int]

    def __iter__(self) -> Iterator[tuple[int, list[bytes]]]:
        """(first word, shingles) of each window."""
        for first, end in zip(self.firsts, self.ends, strict=True):
            yield first, self.shingles[first:end]


@dataclass
class Windows:
    """Every window's article (position in id order), first word and shingle hashes."""

    articles: np.ndarray  # int32
    firsts: np.ndarray  # int32
    offsets: np.ndarray  # int64, one more than windows: window i's are [offsets[i], offsets[i + 1])
    shingles: np.ndarray  # uint32

    def __len__(self) -> int:
        return len(self.articles)

    def jaccard(self, i: int, j: int) -> float:
        a = self.shingles[self.offsets[i] : self.offsets[i + 1]]
        b = self.shingles[self.offsets[j] : self.offsets[j + 1]]
        common = np.intersect1d(a, b, assume_unique=True).size
        return common / (a.size + b.size - common)


@dataclass
class Sketch:
    """One body's windows: the first word and number of distinct shingles of each, their
    shingle hashes back to back, and each window's band keys (a row per window, a column per
    band of `ranges`; `WindowIndex.add` makes them again from the shingles when its bands are
    others)."""

    firsts: np.ndarray  # int32
    sizes: np.ndarray  # int32
    shingles: np.ndarray  # uint32
    keys: np.ndarray  # uint64, windows x bands
    ranges: Ranges

    def to_bytes(self) -> bytes:
        counts = np.array([len(self.firsts), len(self.shingles), len(self.ranges)], "<u4")
        parts = (counts, np.array(self.ranges, "<u4").reshape(-1), self.firsts.astype("<i4"),
                 self.sizes.astype("<i4"), self.shingles.astype("<u4"),
                 self.keys.astype("<u8").reshape(-1))  # fmt: skip
        return b"".join(part.tobytes() for part in parts)

    @classmethod
    def from_bytes(cls, data: bytes) -> Sketch:
        """The sketch `to_bytes` wrote; ValueError when `data` is not one."""
        windows, shingles, bands = np.frombuffer(data, "<u4", 3).tolist()
        if len(data) != 4 * (3 + 2 * bands + 2 * windows + shingles) + 8 * windows * bands:
            raise ValueError("not a whole sketch")
        at = 12 + 8 * bands
        ranges = np.frombuffer(data, "<u4", 2 * bands, 12).reshape(-1, 2).tolist()
        firsts = np.frombuffer(data, "<i4", windows, at).astype(np.int32)
        sizes = np.frombuffer(data, "<i4", windows, at + 4 * windows).astype(np.int32)
        hashes = np.frombuffer(data, "<u4", shingles, at + 8 * windows).astype(np.uint32)
        keys = np.frombuffer(data, "<u8", windows * bands, at + 4 * (2 * windows + shingles))
        if windows and (sizes.min() < 1 or int(sizes.sum()) != shingles):
            raise ValueError("window sizes do not add up")
        keys = keys.astype(np.uint64).reshape(windows, bands)
        return cls(firsts, sizes, hashes, keys, [(a, b) for a, b in ranges])


class WindowIndex:
    """Windows added article by article; `pairs` then finds the alike ones."""

    def __init__(self, lsh_threshold: float, num_perm: int, seed: int, folder: Path | None) -> None:
        from datasketch import MinHash, MinHashLSH  # imported here: it loads scipy (~2 s)

        self._template = MinHash(num_perm=num_perm, seed=seed, scheme="affine32")
        ranges = MinHashLSH(threshold=lsh_threshold, num_perm=num_perm).hashranges
        self.ranges: Ranges = [(int(start), int(end)) for start, end in ranges]
        self._files: list[IO[bytes]] = [
            tempfile.TemporaryFile(prefix=".reportgen-reuse-", dir=folder)  # noqa: SIM115
            for _ in self.ranges
        ]
        self._articles: list[int] = []
        self._firsts: list[int] = []
        self._sizes: list[int] = []
        self._shingles: list[np.ndarray] = []  # each article's, back to back
        self._pending: list[np.ndarray] = []  # band keys not yet in the band files
        self._pending_rows = 0

    def sketch(self, body: BodyWindows) -> Sketch:
        """A body's windows as the index takes them. Each shingle is hashed once (windows
        overlap), and the signatures are the body's permuted hashes' minima over each window:
        the values `MinHash.update_batch` gives (the test compares them), without a MinHash
        per window; the sketch keeps their band keys."""
        if not body.firsts:
            none = np.zeros(0, np.int32)
            keys = np.zeros((0, len(self.ranges)), np.uint64)
            return Sketch(none, none, np.zeros(0, np.uint32), keys, self.ranges)
        hashes = np.fromiter(map(self._template.hashfunc, body.shingles), np.uint32,
                             len(body.shingles))  # fmt: skip
        unique, inverse = np.unique(hashes, return_inverse=True)
        bounds = zip(body.firsts, body.ends, strict=True)
        members = [np.unique(inverse[first:end]) for first, end in bounds]
        rows = signatures(self._template.permutations, unique, members)
        return Sketch(
            np.array(body.firsts, np.int32),
            np.array([m.size for m in members], np.int32),
            unique[np.concatenate(members)],  # each window's sorted, as the indexes are
            band_keys(rows, self.ranges),
            self.ranges,
        )

    def add(self, article: int, sketch: Sketch) -> None:
        """One article's windows."""
        if not len(sketch.firsts):
            return
        if sketch.ranges != self.ranges:  # kept from a build with another threshold
            unique, inverse = np.unique(sketch.shingles, return_inverse=True)
            members = np.split(inverse, np.cumsum(sketch.sizes[:-1]))
            rows = signatures(self._template.permutations, unique, members)
            sketch.keys, sketch.ranges = band_keys(rows, self.ranges), self.ranges
        self._articles.extend([article] * len(sketch.firsts))
        self._firsts.extend(sketch.firsts.tolist())
        self._sizes.extend(sketch.sizes.tolist())
        self._shingles.append(sketch.shingles)
        self._pending.append(sketch.keys)
        self._pending_rows += len(sketch.firsts)
        if self._pending_rows >= FLUSH_WINDOWS:
            self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        block = np.vstack(self._pending)
        for band, file in enumerate(self._files):
            file.write(np.ascontiguousarray(block[:, band]).tobytes())
        self._pending, self._pending_rows = [], 0

    def windows(self) -> Windows:
        offsets = np.zeros(len(self._sizes) + 1, np.int64)
        np.cumsum(self._sizes, out=offsets[1:])
        shingles = np.concatenate(self._shingles) if self._shingles else np.zeros(0, np.uint32)
        self._shingles = []
        return Windows(
            np.array(self._articles, np.int32), np.array(self._firsts, np.int32), offsets, shingles
        )

    def pairs(self, windows: Windows, threshold: float) -> Pairs:
        """The windows of different articles that share a band and are at least `threshold`
        alike, ordered by the later window, then the earlier."""
        self._flush()
        codes = np.zeros(0, np.uint64)
        for file in self._files:
            file.seek(0)
            keys = np.frombuffer(file.read(), np.uint64)
            codes = np.union1d(codes, _band_pairs(keys, windows))
            file.close()
        later, earlier = (codes >> 32).astype(np.int64), (codes & 0xFFFFFFFF).astype(np.int64)
        similarity = np.zeros(len(codes))
        for at in range(0, len(codes), CHECK_CHUNK):  # a chunk's Python ints at a time
            part = slice(at, at + CHECK_CHUNK)
            chunk = zip(earlier[part].tolist(), later[part].tolist(), strict=True)
            similarity[part] = [windows.jaccard(e, lt) for e, lt in chunk]
        kept = similarity >= threshold
        return Pairs(earlier[kept], later[kept], similarity[kept])


@dataclass
class Pairs:
    """Alike windows: earlier[k] and later[k] (window indexes), their exact Jaccard."""

    earlier: np.ndarray
    later: np.ndarray
    similarity: np.ndarray

    def __len__(self) -> int:
        return len(self.earlier)


def _band_pairs(keys: np.ndarray, windows: Windows) -> np.ndarray:
    """later << 32 | earlier for every two windows of different articles with equal keys."""
    order = np.argsort(keys, kind="stable")  # equal keys keep the window order
    ordered = keys[order]
    new = np.ones(len(order), bool)
    new[1:] = ordered[1:] != ordered[:-1]
    starts = np.flatnonzero(new)
    sizes = np.diff(np.append(starts, len(order)))
    found = [np.zeros(0, np.uint64)]
    for size in np.unique(sizes[sizes > 1]).tolist():
        groups = order[starts[sizes == size][:, None] + np.arange(size)]  # one row per group
        first, second = np.triu_indices(size, 1)
        earlier, later = groups[:, first].ravel(), groups[:, second].ravel()
        apart = windows.articles[earlier] != windows.articles[later]
        found.append((later[apart].astype(np.uint64) << 32) | earlier[apart].astype(np.uint64))
    return np.unique(np.concatenate(found))
