"""HTML pages: the page's whole visible text for blocks and statistics, trafilatura for the
article body, comments and metadata (used as hints by segmentation)."""

from __future__ import annotations

import contextlib

import lxml.html
import trafilatura
from htmldate import find_date
from lxml import etree
from trafilatura.metadata import (
    examine_meta,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import set_date_params
from trafilatura.utils import load_html

from ..model import Document, Link
from ..text.authors import clean_authors
from ..urls import domain_of
from .byline import meta_list_author, page_byline
from .decode import ReadFailure
from .frontmatter import normalise_authors, normalise_date
from .plaintext import infer_date_from_text

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


_BREAK = "\ue000"  # a private-use character marks the paragraph breaks


def _visible_paragraphs(root: lxml.html.HtmlElement, captions: set[str] | None = None) -> list[str]:
    """The visible text, one paragraph per block element. Changes the tree (call it last).
    The text of image captions goes to `captions` if given."""
    body = root.find("body")
    top = body if body is not None else root
    hidden = list(top.iter(*_INVISIBLE)) + top.xpath(".//*[@hidden]")
    for element in hidden:
        if element.getparent() is not None:
            element.drop_tree()  # keeps the tail
    if captions is not None:
        for element in top.iter("figcaption"):
            caption = " ".join(element.text_content().split())
            if caption:
                captions.add(caption)
    for element in top.iter(*_BLOCK_TAGS):
        element.text = _BREAK + (element.text or "")
        element.tail = _BREAK + (element.tail or "")
    paragraphs = []
    for piece in top.text_content().split(_BREAK):
        line = " ".join(piece.split())
        if line:
            paragraphs.append(line)
    return paragraphs


def _metadata(tree: lxml.html.HtmlElement) -> dict[str, str | None]:
    """trafilatura's metadata (meta tags, JSON-LD, title, URL, date by htmldate, site name),
    without the costly parts this tool does not use (categories, tags, license). The author is
    the markup's, else the page's byline element as trafilatura finds it."""
    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    with contextlib.suppress(Exception):  # bugs in trafilatura's JSON-LD reader
        metadata = extract_meta_json(tree, metadata)
    if not metadata.author:  # the page's byline element, as trafilatura reads it
        with contextlib.suppress(Exception):
            metadata.author = page_byline(tree)
    title = metadata.title or extract_title(tree)
    url = metadata.url or extract_url(tree)
    date_config = set_date_params(False)  # htmldate's extensive search costs more than it finds
    date_config["url"] = url
    try:
        date = find_date(tree, **date_config)
    except Exception:  # htmldate on odd pages
        date = None
    sitename = metadata.sitename or extract_sitename(tree)
    return {
        "title": title,
        "author": metadata.author,
        "url": url,
        "date": date,
        "sitename": (sitename or "").lstrip("@") or None,
    }


_ABSOLUTE = etree.XPath(
    ".//a[starts-with(normalize-space(@href), 'http') or starts-with(normalize-space(@href), '//')]"
)


def _links(root: lxml.html.HtmlElement, base_url: str | None) -> list[Link]:
    """Links to other sites. Relative links point into the page's own site (its navigation,
    not a cited source), so only absolute and protocol-relative ones are looked at."""
    page_domain = domain_of(base_url) if base_url else ""
    scheme = base_url.split("//", 1)[0] if base_url and "//" in base_url else "https:"
    links: list[Link] = []
    seen: set[tuple[str, str]] = set()
    for anchor in _ABSOLUTE(root):
        href = (anchor.get("href") or "").strip()
        if href.startswith("//"):
            href = scheme + href
        if not href.startswith(("http://", "https://")):
            continue
        domain = domain_of(href)
        if not domain or domain == page_domain:
            continue  # the outlet's own navigation is not a cited source
        text = " ".join(anchor.text_content().split())
        if (href, text) not in seen:
            seen.add((href, text))
            links.append(Link(url=href, domain=domain, text=text))
    return links


def _has_comment_section(root: lxml.html.HtmlElement, lang: str | None) -> bool:
    """A heading of the page opens a comment section ("12 Kommentare zu …", "Leave a reply")."""
    from ..lang import FALLBACK
    from ..text.furniture import matches

    for heading in root.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        text = " ".join(heading.text_content().split())
        if len(text) < 300 and matches(lang or FALLBACK, "comments", text):
            return True
    return False


def read_html(content: str, url: str | None = None) -> list[Document]:
    """One page as a Document. `url` is where the page was fetched from (a WARC record's
    address), used where the page names no URL of its own."""
    try:
        # trafilatura's own loader (it repairs what it can); the extraction below reuses the tree
        root = load_html(content)
    except (etree.ParserError, ValueError, TypeError) as exc:
        raise ReadFailure(f"malformed HTML: {exc}") from exc
    if root is None:
        raise ReadFailure("malformed HTML: no document tree")
    html_lang = (root.get("lang") or "").strip()[:2].lower() or None
    # trafilatura's comment extraction costs time on every page: ask for it where a heading
    # opens a comment section (the segmentation finds the others by its own patterns).
    extracted = trafilatura.bare_extraction(
        root,
        include_comments=_has_comment_section(root, html_lang),
        with_metadata=False,
        favor_precision=True,
    )
    meta = _metadata(root)
    meta["url"] = meta["url"] or url
    links = _links(root, meta["url"])
    captions: set[str] = set()
    paragraphs = _visible_paragraphs(root, captions)
    if not paragraphs:
        raise ReadFailure("malformed or empty HTML: no visible text")
    text = "\n\n".join(paragraphs) + "\n"
    document = Document(id="", source_path="", outlet="", text=text, format="html")
    document.title = meta["title"] or None
    authors = normalise_authors(meta["author"].split(";") if meta["author"] else None)
    domains = (domain_of(meta["url"]),) if meta["url"] else ()
    document.authors = clean_authors(authors, meta["sitename"], domains)
    if not document.authors:  # the markup named the site, not a person
        named = meta_list_author(root)
        document.authors = clean_authors([named], meta["sitename"], domains) if named else []
    document.date = normalise_date(meta["date"])
    document.url = meta["url"] or None
    document.hints["site_name"] = meta["sitename"] or ""
    document.hints["captions"] = sorted(captions)
    if extracted is not None:
        document.hints["body_text"] = extracted.text or ""
        document.hints["comments_text"] = extracted.comments or ""
    else:
        document.warnings.append("trafilatura found no main text; the page is segmented by rules")
    document.lang = html_lang
    if not document.lang:
        # Guess from the main text: shorter than the page (faster) and without its menus.
        from . import detect_language

        sample = document.hints.get("body_text") or text
        document.lang = detect_language(sample[:1500])
    document.links = links
    if not document.date:
        infer_date_from_text(document)
    return [document]
