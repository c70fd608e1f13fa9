"""Reported speech set out as a list: a paragraph that ends with a speech verb and a colon ("In a
wide-ranging interview, President Obama also said:") and the short paragraphs after it, each one
point the speaker made. Quoted paragraphs after the colon are the direct finder's."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ...text.paragraphs import Paragraph, split_paragraphs
from .patterns import MAX_LIST_ITEM_CHARS, MAX_LIST_ITEMS, MIN_LIST_ITEMS, OPENERS, TEXT_BLOCKS
from .records import Attribution, QuoteCandidate
from .verbal import subject
from .view import ArticleView

# The speech verb stands among the last words before the colon ("also said:", "said this:").
_CUE_REACH = 3


def _introduction(v: ArticleView, paragraph: Paragraph) -> Attribution | None:
    """The cue and speaker of a paragraph that ends "… X said:"."""
    start = max(
        (b for a, b in v.sentences() if paragraph.start <= b < paragraph.end - 1),
        default=paragraph.start,
    )
    toks = [t for t in v.tokens(start, paragraph.end) if t[2] != ":"]
    for index in range(len(toks) - 1, max(-1, len(toks) - 1 - _CUE_REACH), -1):
        if v.is_cue(toks[index][2]):
            speaker = subject(v, toks, index, start, toks[index][1])
            return Attribution(toks[index][2], speaker) if speaker is not None else None
    return None


def _items(v: ArticleView, following: Sequence[Paragraph]) -> list[Paragraph]:
    items: list[Paragraph] = []
    for paragraph in following[:MAX_LIST_ITEMS]:
        text = paragraph.text
        if (
            len(text) > MAX_LIST_ITEM_CHARS
            or text[:1] in OPENERS
            or text.endswith(":")
            or v.block_kind(paragraph.start) not in TEXT_BLOCKS
        ):
            break
        items.append(paragraph)
    return items


def listed_candidates(
    v: ArticleView, taken: Sequence[QuoteCandidate]
) -> Iterator[QuoteCandidate]:
    paragraphs = split_paragraphs(v.text)
    for number, paragraph in enumerate(paragraphs):
        if not paragraph.text.endswith(":") or v.block_kind(paragraph.start) not in TEXT_BLOCKS:
            continue
        attribution = _introduction(v, paragraph)
        if attribution is None:
            continue
        items = _items(v, paragraphs[number + 1 :])
        if len(items) < MIN_LIST_ITEMS:
            continue
        for item in items:
            if any(q.start < item.end and item.start < q.end for q in taken):
                continue
            start, end = v.trim(item.start, item.end)
            yield QuoteCandidate(
                start, end, "indirect", "listed", attribution.cue, attribution.speaker,
                attributed=True, weight=0.7,
            )  # fmt: skip
