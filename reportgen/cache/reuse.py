"""The text-reuse pass's findings kept between builds. The pass compares every article with
every other (MinHash windows of each body; tens of seconds on a corpus of thousands), so a
rebuild after no change would spend most of its time finding the same passages again. Its
findings depend only on the analyses before the passes, which the analysis cache's keys fix,
on the reuse options and on the code: under a hash of all three, the passages found are kept
as one file and given back. One article changed, added or removed: another key, the pass runs.

    reuse/<2 hex>/<key>.json.gz   the passages of the articles that share any, by position
    sketches/<2 hex>/<key>.bin     one body's windows (shingle hashes, LSH band keys)
    alignments/<2 hex>/<key>.json  the aligned runs of one pair of bodies, with their offsets

When the analyses differ (one article changed), the pass runs, but each body it saw before
gives back its sketch instead of being hashed again (most of the pass's cost before the
comparison), and each pair of bodies it aligned before gives back its runs instead of being
aligned again (most of the rest); the keys cover the bodies' text and blocks, the options and
the code.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from ..analyze.reuse_align import Alignment
from ..analyze.reuse_index import Sketch
from ..model import ArticleAnalysis, SharedPassage
from ..paths import atomic_write
from ..reuse_options import ReuseOptions
from . import prepare, read_used
from .sites import package_digest

FORMAT = 1


class KeptReuse:
    """The reuse findings for one set of analyses (`corpus_key`: the analysis cache's keys of
    the articles, in order) under `options`."""

    def __init__(self, folder: Path, corpus_key: str, options: ReuseOptions) -> None:
        text = f"{FORMAT}\n{package_digest()}\n{options!r}\n{corpus_key}"
        self.key = hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()
        self.path = folder / "reuse" / self.key[:2] / f"{self.key}.json.gz"
        self.folder = folder
        self.warnings: list[str] = []
        self.sketches = KeptSketches(folder, self.warnings)
        self.alignments = KeptAlignments(folder, self.warnings)

    def apply(self, analyses: Sequence[ArticleAnalysis]) -> bool:
        """Give each analysis its kept passages; False when none are kept for this key (or the
        file cannot be read: then the pass runs, as on a cold build)."""
        try:
            payload = json.loads(gzip.decompress(read_used(self.path)))
            if payload.get("format") != FORMAT or payload.get("key") != self.key:
                raise ValueError("written for another key or format")
            found = [
                (int(position), [SharedPassage(**row) for row in rows])
                for position, rows in payload["passages"]
            ]
        except FileNotFoundError:
            return False
        except (OSError, EOFError, zlib.error, ValueError, KeyError, TypeError) as exc:
            self.warnings.append(f"kept text reuse {self.path} unreadable ({exc}); found again")
            return False
        for position, shared in found:
            analysis = analyses[position]
            analysis.reuse = shared
            analyses[position] = analysis  # type: ignore[index]  # a spool stores it back
        return True

    def store(self, analyses: Sequence[ArticleAnalysis], sharing: list[int]) -> None:
        """Keep the passages the pass found, read from the analyses at `sharing` (those left
        with any; the others are not listed: before the pass every analysis has none)."""
        passages = [
            [position, [asdict(p) for p in analyses[position].reuse]]
            for position in sorted(sharing)
        ]
        payload = {"format": FORMAT, "key": self.key, "passages": passages}
        data = json.dumps(payload, separators=(",", ":")).encode("ascii")
        try:
            prepare(self.folder)
            atomic_write(self.path, gzip.compress(data, 3, mtime=0))
        except OSError as exc:
            self.warnings.append(f"cannot keep the text reuse found ({exc})")


class _KeptFiles:
    """One file per key in `part`, named by a hash of the code and the key."""

    part = ""
    suffix = ""

    def __init__(self, folder: Path, warnings: list[str]) -> None:
        self.folder, self.warnings = folder, warnings
        self.prefix = f"{FORMAT}\n{package_digest()}\n"

    def _path(self, key: str) -> Path:
        name = hashlib.sha256((self.prefix + key).encode("ascii")).hexdigest()
        return self.folder / self.part / name[:2] / f"{name}{self.suffix}"


class KeptSketches(_KeptFiles):
    """Bodies' sketches (`analyze.reuse.SketchStore`), one file each under a hash of the code
    and of what the body's sketch is made of (`analyze.reuse.sketch_key`)."""

    part, suffix = "sketches", ".bin"

    def get(self, key: str) -> Sketch | None:
        path = self._path(key)
        try:
            return Sketch.from_bytes(read_used(path))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            self.warnings.append(f"kept text-reuse sketch {path} unreadable ({exc}); made again")
            return None

    def put(self, key: str, sketch: Sketch) -> None:
        try:
            prepare(self.folder)
            atomic_write(self._path(key), sketch.to_bytes())
        except OSError as exc:
            self.warnings.append(f"cannot keep a text-reuse sketch ({exc})")


class KeptAlignments(_KeptFiles):
    """The alignments of pairs of bodies (`analyze.reuse_align.AlignmentStore`), one file each
    under a hash of the code and of the pair's key (`analyze.reuse_align.pair_key`)."""

    part, suffix = "alignments", ".json"

    def get(self, key: str) -> list[Alignment] | None:
        path = self._path(key)
        try:
            rows = json.loads(read_used(path))
            if not all(len(row) == 9 and all(type(v) is int for v in row) for row in rows):
                raise ValueError("not rows of nine whole numbers")
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError) as exc:
            self.warnings.append(f"kept text-reuse alignment {path} unreadable ({exc}); made again")
            return None
        return [tuple(row) for row in rows]  # type: ignore[misc]

    def put(self, key: str, found: list[Alignment]) -> None:
        try:
            prepare(self.folder)
            atomic_write(self._path(key), json.dumps(found, separators=(",", ":")).encode("ascii"))
        except OSError as exc:
            self.warnings.append(f"cannot keep a text-reuse alignment ({exc})")
