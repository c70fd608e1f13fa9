"""Reader comments: the comment section's paragraphs grouped into comments, each once, with the
author and date of its header line where the page shows one."""

from __future__ import annotations

import re

from ..lang import profile
from ..model import BODY_KINDS, Comment
from ..text.dates import parse_date
from ..text.furniture import is_comment_header, matches
from ..text.paragraphs import Paragraph, normal

_NUMBERED_ITEM = re.compile(r"^\s*\d{1,4}[.)]\s+\S")

# A paragraph of at most this many words in a comment section without commenter lines is a
# label or a link, not a comment.
_LABEL_WORDS = 3


def comment_texts(text: str) -> set[str]:
    return {normal(line) for line in text.splitlines() if line.strip()}


def headerless_comments(lang: str, paragraphs: list[Paragraph]) -> None:
    """Reader comments under no heading: below the article, two commenter lines or more ("Anna
    sagt:" and its date) open the section at the first of them, up to a teaser list or legal
    text; only the page's furniture is taken into it, never body text."""
    last_body = max(i for i, p in enumerate(paragraphs) if p.kind in BODY_KINDS)
    heads = [
        i for i in range(last_body + 1, len(paragraphs))
        if paragraphs[i].kind == "boilerplate" and _comment_meta(lang, paragraphs[i].text)
    ]  # fmt: skip
    if len(heads) < 2:
        return
    for paragraph in paragraphs[heads[0] :]:
        if paragraph.kind != "boilerplate":
            break
        paragraph.kind = "comments"


def comments_of(text: str, lang: str, paragraphs: list[Paragraph]) -> list[Comment]:
    """The reader comments of the comment section: a line naming the commenter ("Anna sagt:",
    "Bob on 3 May 2021 at 10:12") or a numbered item starts one; without either, each paragraph
    that is neither the header nor the form is one."""
    section = [p for p in paragraphs if p.kind == "comments"]
    if not section:
        return []
    first = 1 if is_comment_header(lang, section[0].text, True) else 0  # a section's heading
    content = [p for p in section[first:] if not matches(lang, "comment_form", p.text)]
    meta = [_comment_meta(lang, p.text) for p in content]
    comments: list[Comment] = []
    numbered = any(_NUMBERED_ITEM.match(p.text) for p in content)
    has_meta = any(info is not None for info in meta)
    if has_meta:  # what stands before the first commenter's line is the section's furniture
        head = next(i for i, info in enumerate(meta) if info is not None)
        content, meta = content[head:], meta[head:]
    elif not numbered:  # a label or a link ("Netiquette", "Mein Account") is no comment
        content = [p for p in content if len(p.text.split()) > _LABEL_WORDS]
        meta = [None] * len(content)
    for paragraph, info in zip(content, meta, strict=True):
        pending = bool(comments) and comments[-1].start == comments[-1].end
        if info is not None:
            author, date = info
            if pending:  # a header line with no text yet: the date on its own line, say
                comments[-1].author = comments[-1].author or author
                comments[-1].date = comments[-1].date or date
            else:
                comments.append(Comment(paragraph.end, paragraph.end, author=author, date=date))
            continue
        if pending:
            comments[-1].start, comments[-1].end = paragraph.start, paragraph.end
        elif (
            not comments
            or (numbered and _NUMBERED_ITEM.match(paragraph.text))
            or not (numbered or has_meta)
        ):
            comments.append(Comment(paragraph.start, paragraph.end))
        else:
            comments[-1].end = paragraph.end
    comments = [c for c in comments if c.end > c.start]
    for comment in comments:
        comment.text = text[comment.start : comment.end]
    return _once(comments)


def _once(comments: list[Comment]) -> list[Comment]:
    """Each comment once: a page that shows a comment twice (a reply quoted in its thread, a
    "top comments" box) lists the same author, date and text again."""
    seen: set[tuple[str | None, str | None, str]] = set()
    kept = []
    for comment in comments:
        key = (comment.author, comment.date, normal(comment.text))
        if key not in seen:
            seen.add(key)
            kept.append(comment)
    return kept


def _comment_meta(lang: str, text: str) -> tuple[str | None, str | None] | None:
    """(author, date) when the paragraph is a comment's header line."""
    if len(text) > 120:
        return None
    for pattern in profile(lang).patterns("comment_meta"):
        match = pattern.match(text)
        if match:
            groups = match.groupdict()
            author = (groups.get("author") or "").strip() or None
            date = (groups.get("date") or "").strip() or None
            if date:  # ISO 8601 where the written date can be read
                parsed = parse_date(date)
                date = parsed[0] if parsed else date
            return author, date
    return None
