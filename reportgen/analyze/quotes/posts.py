"""Embedded social-media posts: the text of an embedded post stands in the page right before
the signature line the embed closes it with ("— Iran Observer (@IranObserver0) November 5,
2023"). The post is a direct quotation of the account that signed it."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Span
from ...text.paragraphs import split_paragraphs
from .patterns import MAX_POST_CHARS, POST_SIGNATURE
from .records import QuoteCandidate
from .view import ArticleView


def _post_start(v: ArticleView, signature_start: int) -> int | None:
    """Where the post before a signature begins: the paragraphs right before it, as many as
    fit in a post's length."""
    before = [p for p in split_paragraphs(v.text[:signature_start]) if p.text.strip()]
    start, length = None, 0
    for paragraph in reversed(before):
        length += len(paragraph.text)
        if length > MAX_POST_CHARS or POST_SIGNATURE.match(paragraph.text):
            break
        start = paragraph.start
    return start


def post_candidates(v: ArticleView) -> Iterator[QuoteCandidate]:
    for signature in POST_SIGNATURE.finditer(v.text):
        start = _post_start(v, signature.start())
        if start is None:
            continue
        end = signature.start()
        while end > start and v.text[end - 1].isspace():
            end -= 1
        name = Span(signature.start("name"), signature.end("name"), signature.group("name"))
        yield QuoteCandidate(start, end, "direct", "post", signature.group("handle"), name,
                             attributed=True)  # fmt: skip
