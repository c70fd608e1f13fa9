"""The window index of the text-reuse pass (`reuse.py`), in memory that does not grow with the
LSH: which windows of the corpus are alike.

Each window's shingles are kept as their 32-bit hashes, sorted, back to back in one array (the
exact Jaccard check reads them). Its MinHash signature (`datasketch`, as before: same seed,
permutations and hash of each shingle) is cut into the bands of a `MinHashLSH` with the same
threshold, and each band's keys go to a temporary file of their own as they are made. The
candidates are then found band by band: the keys of one band sorted, windows with equal keys
paired. Two windows are candidates when one band of theirs is equal, which is what the LSH index
answered; no signature and no hash table of the whole corpus is held in memory.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import numpy as np

# Windows whose band keys are buffered before they are appended to the band files.
FLUSH_WINDOWS = 4096
# Candidate pairs checked per chunk (their indexes as Python ints meanwhile).
CHECK_CHUNK = 65536


def _identity(value: int) -> int:
    """The shingles arrive hashed already (with the MinHash's own hash function)."""
    return value


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


class WindowIndex:
    """Windows added article by article; `pairs` then finds the alike ones."""

    def __init__(self, lsh_threshold: float, num_perm: int, seed: int, folder: Path | None) -> None:
        from datasketch import MinHash, MinHashLSH  # imported here: it loads scipy (~2 s)

        self._minhash = MinHash
        self._template = MinHash(num_perm=num_perm, seed=seed)
        self.num_perm, self.seed = num_perm, seed
        self.ranges = MinHashLSH(threshold=lsh_threshold, num_perm=num_perm).hashranges
        self._files: list[IO[bytes]] = [
            tempfile.TemporaryFile(prefix=".reportgen-reuse-", dir=folder)  # noqa: SIM115
            for _ in self.ranges
        ]
        self._articles: list[int] = []
        self._firsts: list[int] = []
        self._sizes: list[int] = []
        self._shingles: list[np.ndarray] = []
        self._pending: list[np.ndarray] = []  # signatures not yet cut into the band files

    def add(self, article: int, windows: Iterable[tuple[int, list[bytes]]]) -> None:
        """One article's windows: (first word, shingles) each."""
        hashed = []
        for first, shingles in windows:
            hashes = np.unique(np.array([self._template.hashfunc(s) for s in shingles], np.uint32))
            self._articles.append(article)
            self._firsts.append(first)
            self._sizes.append(hashes.size)
            self._shingles.append(hashes)
            hashed.append(hashes.tolist())
        signatures = self._minhash.bulk(
            hashed, num_perm=self.num_perm, seed=self.seed, hashfunc=_identity,
            permutations=self._template.permutations, scheme=self._template.scheme,
        )  # fmt: skip
        self._pending.extend(m.hashvalues for m in signatures)
        if len(self._pending) >= FLUSH_WINDOWS:
            self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        block = np.vstack(self._pending)
        for (start, end), file in zip(self.ranges, self._files, strict=True):
            file.write(np.ascontiguousarray(block[:, start:end]).tobytes())
        self._pending = []

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
        for (start, end), file in zip(self.ranges, self._files, strict=True):
            file.seek(0)
            keys = np.frombuffer(file.read(), self._template.hashvalues.dtype)
            codes = np.union1d(codes, _band_pairs(keys.reshape(-1, end - start), windows))
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
    order = np.lexsort(keys.T[::-1])  # by the whole key; equal keys keep the window order
    ordered = keys[order]
    new = np.ones(len(order), bool)
    new[1:] = np.any(ordered[1:] != ordered[:-1], axis=1)
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
