"""Which parts of an output folder's search index are still what Pagefind would write: per
output folder, each part's inputs key (its number, the language, the path and bytes of every
page in it, Pagefind's version and reportgen's code) and the size and mtime of each file of its
bundle. A part whose key and files are unchanged is kept instead of indexed again."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ..paths import SafeRoot, UnsafePathError
from . import read_record, scope_name, write_record
from .sites import package_digest


@cache
def _indexer() -> str:
    names = []
    for name in ("pagefind", "pagefind_bin"):
        try:
            names.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            names.append(f"{name} none")
    return f"{' '.join(names)}|{package_digest()}"


class SearchParts:
    def __init__(self, cache_dir: Path, output: Path) -> None:
        self.cache_dir, self.paths = cache_dir, SafeRoot(output)
        self.path = cache_dir / "search" / f"{scope_name(output)}.json"
        self.previous: dict = read_record(self.path)
        self.current: dict[str, dict] = {}

    def key(self, number: int, language: str, pages: list[str], sha256s: list[str]) -> str:
        """The hash of what part `number`'s bundle is made from: its pages (paths, and the
        sha256 of the bytes each has now)."""
        digest = hashlib.sha256(f"{_indexer()}|{number}|{language}".encode())
        for page, sha256 in zip(pages, sha256s, strict=True):
            digest.update(f"{page}\0{sha256}\0".encode("utf-8", "surrogateescape"))
        return digest.hexdigest()

    def kept(self, number: int, key: str) -> list[str] | None:
        """The files of part `number`'s bundle if it was indexed from `key` and none of them
        changed since; else None."""
        entry = self.previous.get(str(number))
        if not isinstance(entry, dict) or entry.get("key") != key:
            return None
        files = entry.get("files")
        if not isinstance(files, list) or not files:
            return None
        for item in files:
            if not (isinstance(item, list) and len(item) == 3 and isinstance(item[0], str)):
                return None
            try:
                stamp = self.paths.stamp(item[0])
            except (OSError, UnsafePathError):
                return None
            if stamp != item[1:]:
                return None
        return [relative for relative, _size, _mtime in files]

    def record(self, number: int, key: str, files: list[str]) -> None:
        """Part `number`'s bundle as just written, in the order written."""
        stamps = []
        for relative in files:
            stamps.append([relative, *self.paths.stamp(relative)])
        self.current[str(number)] = {"key": key, "files": stamps}

    def save(self) -> None:
        write_record(self.cache_dir, self.path, self.current)
