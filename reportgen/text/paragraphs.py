"""Paragraphs of plain text, with their offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


@dataclass
class Paragraph:
    start: int
    end: int
    text: str
    kind: str = "body"


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs with their offsets; blank lines separate them, or single newlines when the text
    has no blank lines at all (as in many scraped dumps)."""
    separator = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n")
    paragraphs: list[Paragraph] = []
    position = 0
    for match in [*separator.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[position:end]
        stripped = chunk.strip()
        if stripped:
            offset = position + chunk.index(stripped[0])
            paragraphs.append(Paragraph(offset, offset + len(stripped), stripped))
        if match:
            position = match.end()
    return paragraphs


def normal(text: str) -> str:
    return " ".join(text.split()).casefold()
