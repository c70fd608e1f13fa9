"""Each article's part of the data exports, copied from the last build's files when its
analysis did not change (with a build cache).

`data/analysis.jsonl` and the per-article CSVs are made of one piece per analysis (its line,
its rows), and a piece depends on that analysis alone. So a build records, per output folder,
each analysis's digest (a hash of its value after the corpus passes) and where its pieces lie
in the files it wrote, with each file's size and mtime. The next build copies the pieces of
the analyses whose digest it finds from those files, if they are untouched, and makes the
rest: after one article changed, a few pieces are made instead of every one. The files are
byte for byte those a cold build writes.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
from pathlib import Path
from typing import BinaryIO

from ..model import ArticleAnalysis
from ..paths import SafeRoot, UnsafePathError
from . import read_record, scope_name, write_record
from .sites import package_digest

Place = list[int]  # [offset, length] of one piece in one file


def analysis_digest(analysis: ArticleAnalysis) -> str:
    """A hash of the analysis's value: pickled without the memo, equal values give the same
    bytes whatever objects they share (an analysis read from the cache shares fewer strings
    than one just made)."""
    digest = hashlib.sha256()
    pickler = pickle.Pickler(_Hashing(digest), protocol=5)
    pickler.fast = True
    pickler.dump(analysis)
    return digest.hexdigest()


class _Hashing:
    def __init__(self, digest: hashlib._Hash) -> None:
        self.digest = digest

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        return len(data)


class ExportLedger:
    """Where each analysis's pieces lie in an output folder's `data/` files: the last build's
    record read, this build's written."""

    def __init__(self, cache_dir: Path, output: Path, names: list[str]) -> None:
        self.cache_dir, self.names = cache_dir, names
        self.paths = SafeRoot(output)
        self.path = cache_dir / "exports" / f"{scope_name(output)}.json"
        self.code = package_digest()
        self.previous = self._previous_places(read_record(self.path))
        self.current: dict[str, list[Place]] = {}
        self._files: dict[str, BinaryIO] = {}

    def _previous_places(self, record: dict) -> dict[str, list[Place]]:
        """The last build's places, if its code and its files are those here now."""
        stamps, places = record.get("files"), record.get("pieces")
        if record.get("code") != self.code or not isinstance(places, dict):
            return {}
        if not isinstance(stamps, dict) or sorted(stamps) != sorted(self.names):
            return {}
        for name, stamp in stamps.items():
            try:
                if self.paths.stamp(f"data/{name}") != stamp:
                    return {}
            except (OSError, UnsafePathError):
                return {}
        return places

    def kept(self, digest: str) -> list[bytes] | None:
        """The pieces (one per name) of an analysis with `digest` in the last build's files,
        or None."""
        places = self.previous.get(digest)
        if not isinstance(places, list) or len(places) != len(self.names):
            return None
        pieces = []
        try:
            for name, (offset, length) in zip(self.names, places, strict=True):
                handle = self._open(name)
                handle.seek(offset)
                piece = handle.read(length)
                if len(piece) != length:
                    return None
                pieces.append(piece)
        except (OSError, TypeError, ValueError):
            return None
        return pieces

    def _open(self, name: str) -> BinaryIO:
        if name not in self._files:
            self._files[name] = self.paths.join(f"data/{name}").open("rb")
        return self._files[name]

    def note(self, digest: str, places: list[Place]) -> None:
        self.current[digest] = places

    def close(self) -> None:
        for handle in self._files.values():
            with contextlib.suppress(OSError):
                handle.close()
        self._files.clear()

    def save(self) -> None:
        """Record this build's places and the stamps of the files just written."""
        self.close()
        try:
            stamps = {name: self.paths.stamp(f"data/{name}") for name in self.names}
        except (OSError, UnsafePathError):
            return  # a file is not there as written: the next build makes every piece
        record = {"code": self.code, "files": stamps, "pieces": self.current}
        write_record(self.cache_dir, self.path, record)
