"""PDFs with WeasyPrint, through a URL fetcher that refuses everything but the project's own
assets: article text is untrusted, and WeasyPrint would otherwise read local files (it embeds
`file://` targets of `<link rel="attachment">`) or fetch URLs."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

from .templates import static_dir

# WeasyPrint logs each refused fetch; the refusal is the point, so keep the log quiet.
logging.getLogger("weasyprint").setLevel(logging.ERROR)


class RefusedFetch(ValueError):
    pass


class AssetOnlyFetcher(URLFetcher):
    """Serves `data:` URLs and files inside the built-in static folder; refuses the rest."""

    def __init__(self, allowed_dir: Path | None = None) -> None:
        super().__init__(allowed_protocols={"data", "file"}, timeout=1)
        self.allowed_dir = (allowed_dir or static_dir()).resolve()

    def fetch(self, url: str, headers: dict | None = None):  # noqa: ANN201 - WeasyPrint's type
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = Path(unquote(urlsplit(url).path)).resolve()
            if self.allowed_dir in path.parents:
                return super().fetch(url, headers)
        raise RefusedFetch(f"reportgen does not fetch {url!r} for PDFs")


def render_pdf(html: str, stylesheets: list[str]) -> bytes:
    """The PDF of one page. `stylesheets` are CSS texts (the pages' <link>s are not fetched)."""
    # fontTools stamps subset fonts with the current time unless SOURCE_DATE_EPOCH is set; a
    # fixed stamp keeps the same input giving byte-identical PDFs.
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    fetcher = AssetOnlyFetcher()
    # No base URL: the pages' relative links stay relative in the PDF (a base inside the
    # checkout would turn them into file:// links that name the local path and differ from one
    # machine to the next); nothing the pages show is fetched from a relative URL.
    document = HTML(string=html, base_url=None, url_fetcher=fetcher)
    css = [CSS(string=text, url_fetcher=fetcher) for text in stylesheets]
    return document.write_pdf(stylesheets=css)
