"""Analyses kept between builds, one gzip-compressed JSON file per entry, named by its key.

An entry holds an article's analysis as `analyze` returned it, before the corpus passes (which
read every article and change some of them): a build takes the entries that fit, analyses the
rest and runs the corpus passes over all of them, so its output is the output of a cold build.
An entry that cannot be read is a miss with a warning, never an error.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from ..limits import Limits
from ..model import ArticleAnalysis, Document
from ..paths import atomic_write
from . import mark_used, prepare, read_used, scope_name
from .keys import KeyParts, key_parts

FORMAT = 1  # the layout of an entry file; another value is a miss
# Fast compression: an entry is written once per change and read on every build.
LEVEL = 3


@dataclass
class CacheReport:
    hits: int = 0
    misses: list[tuple[str, str]] = field(default_factory=list)  # (article id, why)
    warnings: list[str] = field(default_factory=list)


class AnalysisCache:
    def __init__(self, folder: Path, scope: Path, model: str, limits: Limits) -> None:
        self.folder = folder
        self.model, self.limits = model, limits
        self.index_path = folder / "index" / f"{scope_name(scope)}.json"
        self.report = CacheReport()
        self.previous = self._read_index()
        self.current: dict[str, dict[str, str]] = {}
        self._parts: dict[str, KeyParts] = {}  # by identity: a spooled Document is a new object
        self._found: dict[str, bool] = {}  # by identity: whether `has` found an entry

    def _read_index(self) -> dict[str, dict[str, str]]:
        try:
            data = json.loads(self.index_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            self.report.warnings.append(f"cache index {self.index_path} unreadable ({exc})")
            return {}
        return data if isinstance(data, dict) else {}

    def _entry_path(self, key: str) -> Path:
        return self.folder / "analyses" / key[:2] / f"{key}.json.gz"

    def has(self, document: Document) -> bool:
        """Whether an entry is kept under the document's key, marked used (a build that keeps
        its whole site reads none); if not, the report says why, once: a build may ask twice."""
        identity = _identity(document)
        if identity in self._found:
            return self._found[identity]
        parts = key_parts(document, self.model, self.limits)
        self._parts[identity] = parts
        self.current[identity] = _as_dict(parts)
        self._found[identity] = found = mark_used(self._entry_path(parts.key))
        if not found:
            reason = parts.reason_against(self.previous.get(identity))
            self.report.misses.append((document.id, reason))
        return found

    def load(self, document: Document) -> ArticleAnalysis | None:
        """The kept analysis of a document `has` found, or None with a warning."""
        parts = self._parts.get(_identity(document)) or key_parts(
            document, self.model, self.limits
        )
        path = self._entry_path(parts.key)
        try:
            payload = json.loads(gzip.decompress(read_used(path)))
            if payload.get("format") != FORMAT or payload.get("key") != parts.key:
                raise ValueError("written for another key or format")
            analysis = ArticleAnalysis.from_dict(payload["analysis"])
        except (OSError, EOFError, zlib.error, ValueError, KeyError, TypeError) as exc:
            self.report.warnings.append(
                f"cache entry {path} unreadable ({type(exc).__name__}: {exc}); analysing "
                f"{document.source_path} again"
            )
            self.report.misses.append((document.id, "cache entry unreadable"))
            return None
        self.report.hits += 1
        return analysis

    def lookup(self, document: Document) -> ArticleAnalysis | None:
        """The stored analysis of `document`, or None (the report says why)."""
        return self.load(document) if self.has(document) else None

    def store(self, document: Document, analysis: ArticleAnalysis) -> None:
        """Keep `analysis` (not yet changed by a corpus pass) under the document's key."""
        parts = self._parts.get(_identity(document)) or key_parts(
            document, self.model, self.limits
        )
        payload = {"format": FORMAT, "key": parts.key, "analysis": analysis.to_dict()}
        data = json.dumps(payload, separators=(",", ":")).encode("ascii")  # even lone surrogates
        try:
            prepare(self.folder)
            atomic_write(self._entry_path(parts.key), gzip.compress(data, LEVEL, mtime=0))
        except OSError as exc:
            self.report.warnings.append(f"cannot write the cache entry ({exc}); not cached")

    def corpus_key(self) -> str:
        """One hash over the keys of every article looked up, in order: what the analyses
        before the corpus passes are made from (:mod:`.reuse` keeps the passes' findings by it)."""
        lines = (f"{identity}\t{parts.key}" for identity, parts in self._parts.items())
        return hashlib.sha256("\n".join(lines).encode("utf-8", "surrogateescape")).hexdigest()

    def save_index(self) -> None:
        """Record this build's key parts per article, for the next build's reasons."""
        try:
            prepare(self.folder)
            text = json.dumps(self.current, sort_keys=True, separators=(",", ":"))
            atomic_write(self.index_path, text)
        except OSError as exc:
            self.report.warnings.append(f"cannot write the cache index ({exc})")


def _identity(document: Document) -> str:
    return f"{document.source_path}\0{document.id}"


def _as_dict(parts: KeyParts) -> dict[str, str]:
    return {name: getattr(parts, name) for name in parts.__dataclass_fields__}
