"""Quoted words that name something rather than repeat someone's words: a title after an
article or a noun for a work (dem „Spiegel“, die Sendung „Länderspiegel“) and short runs of
names and numbers („Taskforce Corona“). The finders of direct, partial and embedded quotations
share these checks."""

from __future__ import annotations

from ...text.patterns import WORD
from .patterns import MAX_TERM_WORDS, MAX_TITLE_WORDS
from .view import ArticleView


def after_title_word(v: ArticleView, start: int) -> bool:
    """The marks open right after an article ("dem", "the") or a noun for a work ("die
    Sendung", "the headline")."""
    before = v.text[max(0, start - 30) : start - 1].rstrip(" '\x01").split()
    return bool(before) and (
        before[-1].lower() in v.lex.articles or before[-1].lower() in v.lex.title_nouns
    )


def quoted_title(v: ArticleView, start: int, end: int) -> bool:
    """A few quoted words after an article or a noun for a work are its title."""
    return len(WORD.findall(v.text, start, end)) <= MAX_TITLE_WORDS and after_title_word(v, start)


def names_only(words: list[str]) -> bool:
    """A few words, each a capitalised word or a number: a name or a term, no clause."""
    return len(words) <= MAX_TERM_WORDS and all(w[:1].isupper() or w[:1].isdigit() for w in words)
