"""Segmentation: split a document's text into paragraphs and say what each one is (title, lead,
byline, body, boilerplate, appeal, comments, ...). The patterns live in the language data files;
this module only decides in which order they are tried."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Block, Comment, Document
from ..resources import FALLBACK_LANG, load_patterns

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_SPACES = re.compile(r"\s+")
_NUMBERED_ITEM = re.compile(r"^\s*\d{1,4}[.)]\s+\S")
_QUOTED_TITLE = re.compile(r"[„“\"»«‘‚](.+?)[“”\"«»’‘]\s*$")
# How many paragraphs from the top a byline may sit and still make the paragraphs above it a lead.
_LEAD_WINDOW = 4
# The kinds that make up the article body (the contract's `body` field).
BODY_KINDS = frozenset({"lead", "body"})


@dataclass
class Paragraph:
    start: int
    end: int
    text: str
    kind: str = "body"


@dataclass
class Segmentation:
    blocks: list[Block]
    paragraphs: list[Paragraph]
    authors: list[str] = field(default_factory=list)
    inferred_title: str | None = None
    comments: list[Comment] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def text_of(self, kinds: frozenset[str] | set[str]) -> str:
        return "\n\n".join(p.text for p in self.paragraphs if p.kind in kinds)


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


def _normal(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


def _matches_any(patterns: tuple[re.Pattern[str], ...], text: str) -> re.Match[str] | None:
    for pattern in patterns:
        match = pattern.search(text)
        if match:
            return match
    return None


def _byline_authors(lang: str, text: str) -> list[str] | None:
    if len(text) > 120:
        return None
    for pattern in load_patterns(lang, "byline", 0):
        match = pattern.match(text)
        if match:
            names = re.split(r"\s*(?:,|\bund\b|\band\b|&)\s*", match.group("authors"))
            return [n for n in (name.strip() for name in names) if n]
    return None


def _html_kind(paragraph: Paragraph, body_lines: set[str], comment_lines: set[str]) -> str | None:
    key = _normal(paragraph.text)
    if key in body_lines:
        return "body"
    if key in comment_lines:
        return "comments"
    return None


def _lines(text: str) -> set[str]:
    return {_normal(line) for line in text.splitlines() if line.strip()}


def site_patterns(lang: str, name: str) -> tuple[re.Pattern[str], ...]:
    """The language's patterns plus the English ones: site software (WordPress comment headers,
    share buttons) is often left in English on pages in other languages."""
    patterns = load_patterns(lang, name)
    return patterns if lang == FALLBACK_LANG else patterns + load_patterns(FALLBACK_LANG, name)


def segment(document: Document, lang: str) -> Segmentation:
    paragraphs = split_paragraphs(document.text)
    result = Segmentation(blocks=[], paragraphs=paragraphs)
    boilerplate = site_patterns(lang, "boilerplate")
    appeal = site_patterns(lang, "appeal")
    comment_headers = site_patterns(lang, "comments")
    comment_form = site_patterns(lang, "comment_form")
    title_key = _normal(document.title) if document.title else None
    is_html = document.format == "html"
    body_lines = _lines(document.hints.get("body_text", "")) if is_html else set()
    comment_lines = _lines(document.hints.get("comments_text", "")) if is_html else set()

    in_comments = False
    title_seen = False
    byline_index: int | None = None
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.text
        if in_comments:
            paragraph.kind = "comments"
            continue
        header = len(text) < 400 and _matches_any(comment_headers, text)
        if header:
            in_comments = True
            paragraph.kind = "comments"
            quoted = _QUOTED_TITLE.search(text)
            if quoted and not document.title:
                result.inferred_title = quoted.group(1).strip()
            continue
        if title_key and not title_seen and _normal(text) == title_key:
            paragraph.kind, title_seen = "title", True
            continue
        authors = _byline_authors(lang, text)
        if authors:
            paragraph.kind = "byline"
            if byline_index is None:
                byline_index = index
                result.authors = authors
            continue
        if len(text) < 200 and _matches_any(boilerplate, text):
            paragraph.kind = "boilerplate"
        elif _matches_any(appeal, text):
            paragraph.kind = "appeal"
        elif is_html:
            paragraph.kind = _html_kind(paragraph, body_lines, comment_lines) or "boilerplate"
        else:
            paragraph.kind = "body"

    _mark_appeal_headers(paragraphs)
    if byline_index is not None and byline_index < _LEAD_WINDOW:
        for paragraph in paragraphs[:byline_index]:
            if paragraph.kind == "body":
                paragraph.kind = "lead"
    result.comments = _comments(paragraphs, comment_form)
    result.blocks = [Block(p.kind, p.start, p.end) for p in paragraphs]
    if not any(p.kind in ("body", "lead") for p in paragraphs):
        result.warnings.append("no article body found; every block was classified as non-body")
    return result


def _mark_appeal_headers(paragraphs: list[Paragraph]) -> None:
    """A short exclamation just before an appeal ("Wir brauchen Sie!") is part of the appeal."""
    for before, after in zip(paragraphs, paragraphs[1:], strict=False):
        short = len(before.text) < 80 and before.text.endswith(("!", ":"))
        if after.kind == "appeal" and before.kind == "body" and short:
            before.kind = "appeal"


def _comments(paragraphs: list[Paragraph], form: tuple[re.Pattern[str], ...]) -> list[Comment]:
    """The reader comments in the comment section: numbered items each start one; without
    numbering, each paragraph that is neither the header nor the form is one."""
    section = [p for p in paragraphs if p.kind == "comments"]
    if not section:
        return []
    content = [p for p in section[1:] if not _matches_any(form, p.text)]
    if any(_NUMBERED_ITEM.match(p.text) for p in content):
        comments: list[Comment] = []
        for paragraph in content:
            if _NUMBERED_ITEM.match(paragraph.text) or not comments:
                comments.append(Comment(paragraph.start, paragraph.end))
            else:
                comments[-1].end = paragraph.end
        return comments
    return [Comment(p.start, p.end) for p in content]
