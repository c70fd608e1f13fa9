"""Embedded social-media posts cite the account that signed them ("— Iran Observer
(@IranObserver0) November 5, 2023"), and the platform a link in the post points to."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .quotes.posts import embedded_posts
from .source_kb import KBEntry, lookup_domain
from .source_patterns import POST_LINK, POST_SHORTENERS


@dataclass(frozen=True)
class PostCitation:
    """A source an embedded post cites: an account (no entry) or its platform (an entry)."""

    name: str
    start: int
    end: int
    handle: str
    entry: KBEntry | None = None


def post_citations(text: str) -> Iterator[PostCitation]:
    for post in embedded_posts(text):
        handle = post.handle.text
        # the mention runs to the parenthesis the signature closes the handle with
        name = f"{post.name.text} ({handle})"
        yield PostCitation(name, post.name.start, post.handle.end + 1, handle)
        link = POST_LINK.search(text, post.start, post.handle.start)
        if link is None:
            continue
        domain = link.group("domain")
        entry = lookup_domain(POST_SHORTENERS.get(domain, domain))
        if entry is not None:
            yield PostCitation(entry.name, link.start("domain"), link.end("domain"), handle, entry)
