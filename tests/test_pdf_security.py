"""The PDF renderer must not read local files or fetch URLs, whatever the HTML says."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
from conftest import REPO, analyze_article

from reportgen.render.pdf import AssetOnlyFetcher, RefusedFetch, render_pdf
from reportgen.render.single import article_html, article_pdf

HOSTILE = """<html><head>
<link rel="attachment" href="file:///etc/passwd" title="passwd">
<link rel="stylesheet" href="file:///etc/passwd">
<link rel="stylesheet" href="http://127.0.0.1:9/evil.css">
</head><body>
<p>Harmless text.</p>
<a rel="attachment" href="file:///etc/passwd">attached</a>
<img src="file:///etc/passwd"><img src="http://127.0.0.1:9/pixel.png">
<object data="file:///etc/hostname"></object>
<div style="background: url(file:///etc/passwd)">bg</div>
</body></html>"""


def pdf_parts(data: bytes) -> tuple[pypdf.PdfReader, str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_fetcher_refuses_files_and_urls() -> None:
    fetcher = AssetOnlyFetcher()
    for url in ("file:///etc/passwd", "http://example.com/x.css", "https://a.b/c", "ftp://x/y"):
        try:
            fetcher.fetch(url)
        except RefusedFetch:
            continue
        raise AssertionError(f"fetched {url}")
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"


def test_hostile_html_embeds_nothing() -> None:
    reader, text = pdf_parts(render_pdf(HOSTILE, []))
    assert "Harmless text." in text
    assert "root:" not in text
    assert reader.attachments == {}
    for page in reader.pages:
        assert list(page.images) == []
        for annotation in page.get("/Annots") or []:
            assert annotation.get_object().get("/Subtype") != "/FileAttachment"
    assert b"root:x:0:0" not in render_pdf(HOSTILE, [])


def test_article_text_is_escaped_in_html_and_pdf(tmp_path: Path) -> None:
    analysis = analyze_article(
        tmp_path,
        "evil/attack.txt",
        'A headline\n\nThe <link rel="attachment" href="file:///etc/passwd"> tag and '
        "<script>alert(1)</script> and <img src=x onerror=alert(2)> sit in the text.\n",
    )
    html = article_html(analysis)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<link rel="attachment"' not in html
    reader, text = pdf_parts(article_pdf(analysis))
    assert list(reader.attachments) == ["analysis.json"]  # its own analysis, nothing fetched
    assert b"root:x:0:0" not in reader.attachments["analysis.json"][0]
    assert "root:" not in text
    assert "<script>alert(1)</script>" in text.replace("\n", "")


def test_pdf_links_stay_relative_and_name_no_local_path(built_site) -> None:
    """A PDF's links are the site's relative links, never file:// URLs of the checkout (which
    would leak the local path and make PDFs differ between machines)."""
    output, _result = built_site
    uris = []
    for path in sorted((output / "pdf" / "articles").rglob("*.pdf")):
        for page in pypdf.PdfReader(path).pages:
            for annotation in page.get("/Annots") or []:
                action = annotation.get_object().get("/A") or {}
                if action.get("/URI"):
                    uris.append(str(action["/URI"]))
    assert uris, "the article PDFs carry links"
    assert not [u for u in uris if u.startswith("file:") or str(REPO) in u]
