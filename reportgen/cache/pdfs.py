"""Which PDFs of an output folder are still what their inputs would render: per output folder,
a manifest of each PDF's inputs hash (the HTML and CSS handed to WeasyPrint, and the renderer),
of the key of the page it was made with (`render/pdf_keep.py`) and of its bytes. A PDF is
rendered again only when its inputs changed or the file in the output folder is not the one
the manifest recorded."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..paths import UnsafePathError, safe_join
from . import read_record, scope_name, write_record


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class PdfManifest:
    def __init__(self, cache_dir: Path, output: Path, renderer: str) -> None:
        self.cache_dir, self.output, self.renderer = cache_dir, output, renderer
        self.path = cache_dir / "pdfs" / f"{scope_name(output)}.json"
        self.previous: dict = read_record(self.path)
        self.current: dict[str, dict[str, str]] = {}

    def inputs_key(self, html: str, stylesheets: list[str]) -> str:
        digest = hashlib.sha256(self.renderer.encode("utf-8"))
        for text in (html, *stylesheets):
            digest.update(b"\0" + hashlib.sha256(text.encode("utf-8")).digest())
        return digest.hexdigest()

    def still_current(self, relative: str, key: str, page: str = "") -> bool:
        """Whether the PDF at `relative` was rendered from inputs with `key` and is unchanged
        since; if so it is recorded as this build's too (made with the page key `page`)."""
        entry = self.previous.get(relative)
        if not isinstance(entry, dict) or entry.get("inputs") != key or not self._intact(relative):
            return False
        self.current[relative] = {**entry, "page": page}
        return True

    def kept_with_page(self, relative: str, page: str) -> bool:
        """Whether the PDF at `relative` was made with the page whose key is `page` and is
        unchanged since: then it is this build's too, and neither is rendered."""
        entry = self.previous.get(relative)
        if not page or not isinstance(entry, dict) or entry.get("page") != page:
            return False
        if not self._intact(relative):
            return False
        self.current[relative] = entry
        return True

    def _intact(self, relative: str) -> bool:
        """Whether the file at `relative` holds the bytes the manifest recorded."""
        try:
            data = safe_join(self.output, relative).read_bytes()
        except (OSError, UnsafePathError):
            return False
        return _sha256(data) == self.previous[relative].get("sha256")

    def record(self, relative: str, key: str, data: bytes, page: str | None = None) -> None:
        self.current[relative] = {"inputs": key, "sha256": _sha256(data), "page": page or ""}

    def save(self) -> None:
        write_record(self.cache_dir, self.path, self.current)
