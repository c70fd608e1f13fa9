"""PDFs kept from the last build of an output folder (with a build cache), two ways.

A PDF is WeasyPrint over its page's print HTML, the stylesheets and what it embeds, so the PDF
manifest (`cache.pdfs.PdfManifest`) records the hash of those inputs: a PDF whose print HTML
was rendered again is kept when that hash matches. Rendering the print HTML is most of a
page's cost, though, so the manifest also records the key of the page the PDF was made with
(`render/memo.py`: the page's template, path and context, with the PDF's embedded files): when
that key matches, the page and its PDF are kept without rendering either.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache import hash_files
from .pdf import PdfArchive, render_pdf
from .templates import static_dir

if TYPE_CHECKING:
    from .site import SiteWriter


def renderer() -> str:
    """What a PDF depends on besides its HTML and CSS: WeasyPrint, the code that drives it and
    the assets its fetcher serves."""
    import weasyprint

    here, assets = Path(__file__).parent, static_dir()
    code = hash_files(here.glob("*.py"), here)  # pdf.py, archive.py and what calls them
    return f"weasyprint {weasyprint.__version__}|{code}|{hash_files(_files(assets), assets)}"


def _files(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


def render_pdf_task(task: tuple[str, list[str], PdfArchive | None]) -> bytes:
    html, css, archive = task
    return render_pdf(html, css, archive)


class PdfKeeper:
    """The queued PDFs still current in the output folder are kept and taken off the queue;
    the manifest records what the others are rendered from, and with which page key."""

    def __init__(self, writer: SiteWriter) -> None:
        self.writer = writer
        self.keys: dict[str, str] = {}
        self.manifest = writer.pdf_manifest
        if self.manifest is None:
            return
        pending = []
        for path, html, css, archive in writer.pending_pdfs:
            embedded = json.dumps(asdict(archive), sort_keys=True) if archive else ""
            self.keys[path] = self.manifest.inputs_key(html, [*css, embedded])
            page = writer.pdf_page_keys.get(path, "")
            if self.manifest.still_current(path, self.keys[path], page):
                writer.keep(path)
            else:
                pending.append((path, html, css, archive))
        writer.pending_pdfs = pending

    def write(self, path: str, data: bytes) -> None:
        self.writer.write(path, data)
        if self.manifest:
            self.manifest.record(path, self.keys[path], data, self.writer.pdf_page_keys.get(path))

    def save(self) -> None:
        if self.manifest:
            self.manifest.save()
