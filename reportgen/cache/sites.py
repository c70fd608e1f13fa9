"""Whether a whole site is already what a build would write: per output folder, the hash of
everything the site is made from (the data exports, which hold every analysis and error, the
site options, the code, templates and libraries that render it) and the size and mtime of every
file it wrote. When both still match, a build keeps the folder as it is instead of rendering
tens of thousands of pages to find that none changed."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.metadata import version
from pathlib import Path

from ..paths import SafeRoot, UnsafePathError
from . import hash_files, read_record, scope_name, write_record

PACKAGE_DIR = Path(__file__).resolve().parents[1]


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts]


@cache
def package_digest() -> str:
    """All of reportgen's code and data, and the libraries that render: what a site is made
    with besides its analyses (more than it needs, which only costs a render)."""
    libraries = " ".join(f"{name} {version(name)}" for name in ("jinja2", "weasyprint"))
    return f"{libraries}|{hash_files(_files(PACKAGE_DIR), PACKAGE_DIR)}"


def folder_digests(folders: list[Path]) -> list[str]:
    """A hash of each folder's files (the template and asset folders a site renders with)."""
    return [hash_files(_files(folder), folder) for folder in folders if folder.is_dir()]


def site_key(data_digest: str, settings: str, folders: list[Path]) -> str:
    """The hash of a site's inputs: the digest of its data exports, its settings as text and
    the files of the template and asset folders it renders with."""
    parts = [package_digest(), data_digest, settings, *folder_digests(folders)]
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


class SiteState:
    def __init__(self, cache_dir: Path, output: Path) -> None:
        self.cache_dir, self.output = cache_dir, output
        self.path = cache_dir / "sites" / f"{scope_name(output)}.json"
        self.previous: dict = read_record(self.path)

    def unchanged(self, key: str, kind: str = "key") -> dict | None:
        """The last build's record (pages, pdfs, files) if its `kind` of key ("key": the
        site's, "inputs": its analyses' inputs) is `key` and every file it wrote is still in
        place, untouched; else None."""
        state = self.previous
        files = state.get("files")
        if not key or state.get(kind) != key or not isinstance(files, dict):
            return None
        paths = SafeRoot(self.output)
        for relative, recorded in files.items():
            try:
                stamp = paths.stamp(relative)
            except (OSError, UnsafePathError):
                return None
            if stamp != recorded:
                return None
        return state

    def record(
        self, key: str, pages: list[str], pdfs: list[str], written: list[str], inputs: str = ""
    ) -> None:
        files, paths = {}, SafeRoot(self.output)
        for relative in written:
            files[relative] = paths.stamp(relative)
        state = {"key": key, "inputs": inputs, "pages": pages, "pdfs": pdfs, "files": files}
        write_record(self.cache_dir, self.path, state)

    def record_inputs(self, inputs: str) -> None:
        """The last build's record, found unchanged, with this build's inputs key (its files'
        stamps were just checked: no file is looked at again)."""
        write_record(self.cache_dir, self.path, {**self.previous, "inputs": inputs})
