"""Embedded social-media posts: the text of an embedded post stands in the page right before
the signature line the embed closes it with ("— Iran Observer (@IranObserver0) November 5,
2023"). The post is a direct quotation of the account that signed it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...model import Span
from ...text.paragraphs import split_paragraphs
from .patterns import MAX_POST_CHARS, POST_SIGNATURE
from .records import QuoteCandidate
from .view import ArticleView


@dataclass(frozen=True)
class EmbeddedPost:
    """An embedded post: its text [start, end), the account's name and handle as signed."""

    start: int
    end: int
    name: Span
    handle: Span


def _post_start(text: str, signature_start: int) -> int | None:
    """Where the post before a signature begins: the paragraphs right before it, as many as
    fit in a post's length."""
    before = [p for p in split_paragraphs(text[:signature_start]) if p.text.strip()]
    start, length = None, 0
    for paragraph in reversed(before):
        length += len(paragraph.text)
        if length > MAX_POST_CHARS or POST_SIGNATURE.match(paragraph.text):
            break
        start = paragraph.start
    return start


def embedded_posts(text: str) -> Iterator[EmbeddedPost]:
    for signature in POST_SIGNATURE.finditer(text):
        start = _post_start(text, signature.start())
        if start is None:
            continue
        end = signature.start()
        while end > start and text[end - 1].isspace():
            end -= 1
        name = Span(signature.start("name"), signature.end("name"), signature.group("name"))
        handle = Span(signature.start("handle"), signature.end("handle"), signature.group("handle"))
        yield EmbeddedPost(start, end, name, handle)


def post_candidates(v: ArticleView) -> Iterator[QuoteCandidate]:
    for post in embedded_posts(v.text):
        yield QuoteCandidate(post.start, post.end, "direct", "post", post.handle.text, post.name,
                             attributed=True)  # fmt: skip
