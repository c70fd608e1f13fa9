"""HTML pages: the page's whole visible text for blocks and statistics, trafilatura for the
article body, comments and metadata (used as hints by segmentation)."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import lxml.html
import trafilatura
from lxml import etree

from ..model import Document, Link
from .decode import ReadFailure
from .frontmatter import normalise_authors, normalise_date

# Elements whose content is never visible text.
_INVISIBLE = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "head",
    "iframe",
    "object",
    "canvas",
}
# Elements that start a new paragraph in the visible text.
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td",
    "th", "tr", "ul", "button", "label", "option", "select", "textarea", "title",
}  # fmt: skip
_SPACES = re.compile(r"\s+")


def _visible_paragraphs(root: lxml.html.HtmlElement) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = _SPACES.sub(" ", "".join(current)).strip()
        if line:
            paragraphs.append(line)
        current.clear()

    def walk(element: etree._Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag.lower() in _INVISIBLE or element.get("hidden") is not None:
            if element.tail:
                current.append(element.tail)
            return
        is_block = tag.lower() in _BLOCK_TAGS
        if is_block:
            flush()
        if element.text and isinstance(element.tag, str):
            current.append(element.text)
        for child in element:
            walk(child)
        if is_block:
            flush()
        if element.tail:
            current.append(element.tail)

    body = root.find("body")
    walk(body if body is not None else root)
    flush()
    return paragraphs


def _links(root: lxml.html.HtmlElement, base_url: str | None) -> list[Link]:
    page_domain = (urlsplit(base_url).hostname or "").removeprefix("www.") if base_url else ""
    links: list[Link] = []
    seen: set[tuple[str, str]] = set()
    for anchor in root.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        url = urljoin(base_url, href) if base_url else href
        if not url.startswith(("http://", "https://")):
            continue
        domain = (urlsplit(url).hostname or "").removeprefix("www.")
        if not domain or domain == page_domain:
            continue  # the outlet's own navigation is not a cited source
        text = _SPACES.sub(" ", anchor.text_content()).strip()
        if (url, text) not in seen:
            seen.add((url, text))
            links.append(Link(url=url, domain=domain, text=text))
    return links


def read_html(content: str) -> list[Document]:
    try:
        root = lxml.html.document_fromstring(content)
    except (etree.ParserError, ValueError) as exc:
        raise ReadFailure(f"malformed HTML: {exc}") from exc
    paragraphs = _visible_paragraphs(root)
    if not paragraphs:
        raise ReadFailure("malformed or empty HTML: no visible text")
    text = "\n\n".join(paragraphs) + "\n"
    extracted = trafilatura.bare_extraction(
        content, include_comments=True, with_metadata=True, favor_precision=True
    )
    document = Document(id="", source_path="", outlet="", text=text, format="html")
    if extracted is not None:
        document.title = extracted.title or None
        document.authors = normalise_authors(
            extracted.author.split(";") if extracted.author else None
        )
        document.date = normalise_date(extracted.date)
        document.url = extracted.url or None
        document.lang = (extracted.language or "")[:2] or None
        document.hints["body_text"] = extracted.text or ""
        document.hints["comments_text"] = extracted.comments or ""
        document.hints["site_name"] = extracted.sitename or ""
    else:
        document.warnings.append("trafilatura found no main text; the page is segmented by rules")
    html_lang = root.get("lang")
    if not document.lang and html_lang:
        document.lang = html_lang[:2].lower()
    document.links = _links(root, document.url)
    return [document]
