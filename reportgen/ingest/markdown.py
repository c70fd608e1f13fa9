"""Markdown files: front matter, then Markdown rendered to plain text with markdown-it-py."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..model import Link
from ..urls import domain_of
from .frontmatter import split_front_matter
from .plaintext import document_from_metadata, raise_empty

_md = MarkdownIt("commonmark")


def _inline_text(token: Token, links: list[Link]) -> str:
    parts: list[str] = []
    href: str | None = None
    anchor: list[str] = []
    for child in token.children or []:
        piece = ""
        if child.type in ("text", "code_inline", "html_inline"):
            piece = child.content if child.type != "html_inline" else ""
        elif child.type in ("softbreak", "hardbreak"):
            piece = "\n"
        elif child.type == "image":
            piece = child.content
        elif child.type == "link_open":
            href = str(child.attrs.get("href", ""))
            anchor = []
        elif child.type == "link_close" and href is not None:
            if href.startswith(("http://", "https://")):
                text = "".join(anchor).strip()
                links.append(Link(url=href, domain=domain_of(href), text=text))
            href = None
        if href is not None and piece:
            anchor.append(piece)
        parts.append(piece)
    return "".join(parts)


def markdown_to_text(source: str) -> tuple[str, str | None, list[Link]]:
    """Return (plain text with blank lines between blocks, first level-1 heading, links)."""
    tokens = _md.parse(source)
    paragraphs: list[str] = []
    links: list[Link] = []
    first_h1: str | None = None
    list_depth = 0
    heading: str | None = None
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif token.type == "heading_open":
            heading = token.tag
        elif token.type == "heading_close":
            heading = None
        elif token.type == "inline":
            text = _inline_text(token, links).strip()
            if not text:
                continue
            if heading == "h1" and first_h1 is None:
                first_h1 = text
            paragraphs.append(("- " if list_depth else "") + text)
        elif token.type in ("fence", "code_block") and token.content.strip():
            paragraphs.append(token.content.rstrip("\n"))
    return "\n\n".join(paragraphs) + "\n", first_h1, links


def read_markdown(content: str) -> list:
    meta, source, warnings = split_front_matter(content)
    text, first_h1, links = markdown_to_text(source)
    if not text.strip():
        raise_empty()
    document = document_from_metadata(meta, text, "md", warnings)
    if document.title is None and first_h1:
        document.title = first_h1
    document.links = links
    return [document]
