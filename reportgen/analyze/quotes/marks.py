"""Pairing quote marks into quotations. No language knowledge: the style of the opening glyph
decides what may close it (German „…“ closes with the mark that opens English quotes)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .patterns import (
    DOUBLED_APOSTROPHES,
    MAX_QUOTE_CHARS,
    OPENING_ONLY,
    PARAGRAPH_BREAK,
    UNOPENED_CLOSER,
)

# Opening glyph -> the glyphs that may close it. A straight and a curly double mark close each
# other: pages mix them when an editor retyped one end ("great suspicion,”).
QUOTE_PAIRS: dict[str, str] = {
    "„": "“”\"",
    "‚": "‘’",
    "»": "«",
    "«": "»",
    "“": "”\"",
    "‘": "’",
    '"': '"”',
}
OPENING_MARK = re.compile("[" + re.escape("".join(QUOTE_PAIRS)) + "]")


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # first character inside the marks
    end: int  # the closing mark
    opener: str


def _can_open(text: str, i: int, mark: str) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return False
    if mark in '"‘’':  # also apostrophes or inch marks: need a word boundary before
        return not before.isalnum()
    return True


def _double_apostrophes(text: str) -> str:
    """Two apostrophes standing for a double quote mark (''…'', common in older wire copy)
    become one straight mark and a neutral character, keeping every offset."""
    if "''" not in text:
        return text

    def swap(match: re.Match[str]) -> str:
        after = text[match.end() : match.end() + 1]
        return "\x01\"" if after and not after.isspace() and after not in ".,;:!?)" else "\"\x01"

    return DOUBLED_APOSTROPHES.sub(swap, text)


def find_direct_spans(text: str) -> list[QuoteSpan]:
    """Top-level quotations (nested marks stay inside their quotation)."""
    text = _double_apostrophes(text)
    spans: list[QuoteSpan] = []
    i = 0
    length = len(text)
    while i < length:
        found = OPENING_MARK.search(text, i)  # jump to the next mark instead of every character
        if found is None:
            break
        i = found.start()
        mark = text[i]
        closers = QUOTE_PAIRS[mark]
        if not _can_open(text, i, mark):
            i += 1
            continue
        end = _find_closer(text, i + 1, mark, closers)
        if end is None:
            i += 1
            continue
        spans.append(QuoteSpan(i + 1, end, mark))
        i = end + 1
    return spans


def _find_closer(text: str, position: int, opener: str, closers: str) -> int | None:
    limit = min(len(text), position + MAX_QUOTE_CHARS)
    j = position
    while j < limit:
        char = text[j]
        if char in closers:
            after = text[j + 1] if j + 1 < len(text) else " "
            before = text[j - 1] if j > 0 else " "
            if closers in ("‘’", '"', '"”') and after.isalnum() and before.isalnum():
                j += 1  # an apostrophe inside a word ("don’t"), not the closing mark
                continue
            if opener == '"' and before.isspace() and not after.isspace():
                return None  # a straight mark that opens the next quotation
            return j if j > position else None
        if char == "\n":
            brk = PARAGRAPH_BREAK.match(text, j)
            if brk or text.startswith(opener, j + 1):
                # A quotation running over paragraphs reopens each paragraph with its mark.
                nxt = brk.end() if brk else j + 1
                if text.startswith(opener, nxt):
                    j = nxt + 1
                    continue
                if brk:
                    return None
        j += 1
    return None


def unopened_spans(text: str, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Quotations whose opening mark the page lost: a paragraph with no quotation and no opening
    mark before a closing mark that a comma follows („Ich glaube, das begann als Unfall", zeigte
    sich …). The span runs from the paragraph's start; its ``opener`` is empty, and only an
    attribution after it makes it a quotation (the direct finder checks)."""
    found: list[QuoteSpan] = []
    for match in UNOPENED_CLOSER.finditer(text):
        end = match.start()
        start = text.rfind("\n", 0, end) + 1
        while start < end and text[start].isspace():
            start += 1
        if end - start > MAX_QUOTE_CHARS or any(c in OPENING_ONLY for c in text[start:end]):
            continue
        if '"' in text[start:end] or any(s.start <= end and start < s.end for s in spans):
            continue  # a mark or a quotation of its own in the paragraph: not a lost opener
        if found and found[-1].start == start:
            continue
        found.append(QuoteSpan(start, end, ""))
    return found


def spans_in_prefix(
    text: str, start: int, end: int, whole: list[QuoteSpan], starts: list[int]
) -> list[QuoteSpan]:
    """``find_direct_spans(text[:end])``, the spans from ``start`` on, without rescanning the
    prefix for every quotation (quadratic in a long text). The scan runs left to right and looks
    at most MAX_QUOTE_CHARS ahead, so before ``end - MAX_QUOTE_CHARS`` it decides as the scan of
    the whole text (``whole``, ``starts`` their starts) did: it resumes from a point the whole
    scan stood on."""
    marks = set(QUOTE_PAIRS) | {"'"}
    point = min(start, end - MAX_QUOTE_CHARS - 64)
    # Resume on a character the whole scan stood on that is no mark: there the character before
    # does not matter, and no doubled apostrophe ('') is cut in two.
    while point > 0:
        inside = bisect.bisect_right(starts, point) - 1
        if inside >= 0 and whole[inside].end >= point:
            point = whole[inside].start - 1  # inside a quotation: back to its opening mark
        elif text[point] not in marks:
            break
        point -= 1
    point = max(point, 0)
    return [
        QuoteSpan(span.start + point, span.end + point, span.opener)
        for span in find_direct_spans(text[point:end])
    ]
