"""Who wrote the article: the page's metadata, the byline the segmentation found, or a byline
inside a paragraph of a text that lost its line breaks ("… ist.“ Von Niki Vogt Das …"), in
that order; a byline standing inside the article beats metadata naming somebody else."""

from __future__ import annotations

import re
from functools import cache

from ..lang import profile
from ..model import BODY_KINDS, Document
from ..text.authors import clean_authors
from .segment import Segmentation


@cache
def inline_patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    """`byline_inline.txt` with {FIRST} the language's given names."""
    names = sorted(profile(lang).lines("first_names"), key=len, reverse=True)
    first = "(?:" + "|".join(re.escape(n) for n in names) + ")" if names else r"[A-ZÄÖÜ]\w+"
    return tuple(
        re.compile(line.replace("{FIRST}", first)) for line in profile(lang).lines("byline_inline")
    )


def inline_byline(lang: str, text: str) -> list[str]:
    """The first byline inside a paragraph, as a one-name list (empty when there is none)."""
    for pattern in inline_patterns(lang):
        match = pattern.search(text)
        if match:
            return [" ".join(match.group("authors").split())]
    return []


_ARTICLE_KINDS = frozenset({"title", "lead", "body"})


def _inside_article(segmentation: Segmentation) -> bool:
    """The first byline stands between two paragraphs of the article (a teaser's byline, the
    page's header or footer do not)."""
    paragraphs = segmentation.paragraphs
    for index, paragraph in enumerate(paragraphs):
        if paragraph.kind == "byline":
            before = paragraphs[index - 1].kind if index else None
            after = paragraphs[index + 1].kind if index + 1 < len(paragraphs) else None
            return before in _ARTICLE_KINDS and after in _ARTICLE_KINDS
    return False


def _overlap(first: list[str], second: list[str]) -> bool:
    words = {w.lower() for name in first for w in name.split()}
    return any(w.lower() in words for name in second for w in name.split())


def choose_authors(
    document: Document, segmentation: Segmentation, lang: str, own_domains: tuple[str, ...]
) -> tuple[list[str], str | None]:
    """(authors, a warning saying where they came from when not from the metadata)."""
    site = document.hints.get("site_name") or None
    byline = clean_authors(segmentation.authors, site, own_domains)
    metadata = list(document.authors)
    # people's names ("Von Risiken und Nebenwirkungen" is a heading), inside the article
    override = all(len(name.split()) >= 2 for name in byline) and _inside_article(segmentation)
    if metadata and byline and override and not _overlap(metadata, byline):
        return byline, "authors from the byline inside the article, not the page's metadata"
    if metadata:
        return metadata, None
    if byline:
        return byline, "authors inferred from the byline"
    body = segmentation.text_of(BODY_KINDS)
    inline = clean_authors(inline_byline(lang, body), site, own_domains)
    if inline:
        return inline, "authors inferred from a byline inside a paragraph"
    return [], None
