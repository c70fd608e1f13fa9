"""Plain text files, with optional YAML front matter."""

from __future__ import annotations

from ..model import Document
from ..text.paragraphs import unwrap_lines
from .frontmatter import authors_field, normalise_date, split_front_matter, text_field


def document_from_metadata(meta: dict, text: str, fmt: str, warnings: list[str]) -> Document:
    """A Document (id and outlet still open) from a front-matter-like mapping."""
    warnings = list(warnings)
    lang = text_field(meta, ("lang",), warnings)
    document = Document(
        id="",
        source_path="",
        outlet=text_field(meta, ("outlet",), warnings) or "",
        text=text,
        format=fmt,
        title=text_field(meta, ("title",), warnings),
        authors=authors_field(meta, warnings),
        date=normalise_date(meta.get("date")),
        url=text_field(meta, ("url",), warnings),
        lang=lang.lower()[:2] if lang else None,
        warnings=warnings,
    )
    if not document.date:
        infer_date_from_text(document)
    return document


def infer_title_from_text(document: Document) -> None:
    """No title in the metadata: a headline on the first line of a plain-text dump."""
    from ..text.furniture import headline

    found = headline(document.text)
    if found:
        document.title = found
        document.warnings.append("title inferred from the first line")


def infer_date_from_text(document: Document) -> None:
    """No date in the metadata: take one written near the top of the text, and say so."""
    from ..text.dates import infer_date

    found = infer_date(document.text)
    if found:
        document.date = found[0]
        document.warnings.append(f"date inferred from the text ({found[1]!r})")


def read_text(content: str) -> list[Document]:
    meta, text, warnings = split_front_matter(content)
    if not text.strip():
        raise_empty()
    document = document_from_metadata(meta, unwrap_lines(text), "txt", warnings)
    if not document.title:
        infer_title_from_text(document)
    return [document]


def raise_empty() -> None:
    from .decode import ReadFailure

    raise ReadFailure("no article text (the file holds only metadata or whitespace)")
