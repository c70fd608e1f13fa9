"""Paragraphs of plain text, with their offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import OPEN_LINE_BREAK

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


# A text is hard-wrapped when at least this many of its open line breaks, and this share of
# them, go on with a lower-case word: headings, menus and lists rarely do, wrapped sentences do.
WRAPPED_MIN_BREAKS = 3
WRAPPED_MIN_SHARE = 0.3


def unwrap_lines(text: str) -> str:
    """`text` with the line breaks of a hard-wrapped text (print copies, e-mail, PDF dumps) that
    fall inside a sentence turned into spaces; any other text unchanged. A break becomes one
    space, so every offset into the text stays as it was; the first line (a headline) is kept."""
    first_line = text.find("\n", len(text) - len(text.lstrip()))
    breaks = [m for m in OPEN_LINE_BREAK.finditer(text) if m.start() > first_line >= 0]
    lower = sum(m.group("next").islower() for m in breaks)
    if lower < WRAPPED_MIN_BREAKS or lower < WRAPPED_MIN_SHARE * len(breaks):
        return text
    chars = list(text)
    for match in breaks:
        chars[match.start() + match.group(0).index("\n")] = " "
    return "".join(chars)


def normal(text: str) -> str:
    return " ".join(text.split()).casefold()
