"""Which pages of an output folder are still what their inputs would render: per output folder,
each page's inputs key (reportgen/render/memo.py), what its template asked of the build while it
rendered (a slug, whether an entity has a page) and the size, mtime and sha256 of the file it
wrote (the sha256 goes into the key of the search index part the page is in). A build renders a
page again only when one of the first three differs."""

from __future__ import annotations

from pathlib import Path

from ..paths import SafeRoot, UnsafePathError
from . import read_record, scope_name, write_record

# One question a template asked while it rendered: [what it asked, the arguments, the answer].
Answer = list


class PageManifest:
    def __init__(self, cache_dir: Path, output: Path) -> None:
        self.cache_dir, self.output = cache_dir, output
        self.paths = SafeRoot(output)
        self.path = cache_dir / "pages" / f"{scope_name(output)}.json"
        self.previous: dict = read_record(self.path)
        self.current: dict[str, list] = {}

    def kept(self, relative: str, key: str) -> tuple[list[Answer], int, str] | None:
        """The answers the page at `relative` was rendered with, its size and the sha256 of
        its bytes, if it was made from inputs with `key` and the file is untouched since; else
        None."""
        entry = self.previous.get(relative)
        if not isinstance(entry, list) or len(entry) != 5 or entry[0] != key:
            return None
        try:
            stamp = self.paths.stamp(relative)
        except (OSError, UnsafePathError):
            return None
        if stamp != entry[1:3] or not isinstance(entry[3], list):
            return None
        return entry[3], stamp[0], str(entry[4])

    def keep(self, relative: str) -> None:
        self.current[relative] = self.previous[relative]

    def record(self, relative: str, key: str, answers: list[Answer], sha256: str) -> None:
        self.current[relative] = [key, *self.paths.stamp(relative), answers, sha256]

    def save(self) -> None:
        write_record(self.cache_dir, self.path, self.current)
