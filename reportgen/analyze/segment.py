"""Segmentation: split a document's text into paragraphs and say what each one is (title, lead,
byline, body, boilerplate, appeal, comments, related, legal, newsletter, ad).

The patterns live in the language data files and are tried by :mod:`reportgen.text.furniture`;
reader comments are grouped by :mod:`.comments`. For HTML pages, trafilatura's main text and
comments (reader hints) say which paragraphs are body and comments; the patterns then take out what
trafilatura keeps but should not (a donation box inside `<article>`, a "read also" list, ...)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import BODY_KINDS, Block, Comment, Document
from ..text.furniture import byline_authors, is_comment_header, pattern_kind
from ..text.paragraphs import Paragraph, normal, split_paragraphs
from .comments import comment_texts, comments_of, headerless_comments

_QUOTED_TITLE = re.compile(r"[„“\"»«‘‚](.+?)[“”\"«»’‘]\s*$")
_SENTENCE_END = re.compile(r"[.!?…:;\"“”»«)]\s*$")
# How many paragraphs from the top a byline may sit and still make the paragraphs above it a lead.
_LEAD_WINDOW = 4
# Headers that open a list ("Lesen Sie auch:", "Related articles"): short items after them are
# part of the list.
_LIST_ITEM_MAX = 160


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


_LIST_MARK = re.compile(r"^\s*[-•*]\s+", re.MULTILINE)


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _html_body_flags(paragraphs: list[Paragraph], body_text: str) -> list[bool]:
    """Which visible paragraphs are trafilatura's main text: each is looked up in the extracted
    text in reading order, ignoring white space (the page and trafilatura space inline elements
    differently), list marks and table bars. A paragraph may be a piece of an extracted line
    (the page split it with a block element) or hold an extracted line with a little more."""
    text = _LIST_MARK.sub("", body_text.replace("|", "\n"))
    lines = [squeezed for squeezed in map(_squeeze, text.splitlines()) if squeezed]
    haystack = "\n" + "\n".join(lines) + "\n"
    long_lines = [line for line in lines if len(line) >= 40]
    flags: list[bool] = []
    cursor = 0
    for paragraph in paragraphs:
        needle = _squeeze(paragraph.text)
        found = False
        if len(needle) >= 32:
            position = haystack.find(needle, cursor)
            if position < 0:
                position = haystack.find(needle)
            if position < 0:  # the page words the paragraph a little differently
                for piece in (needle[:48], needle[-48:]):
                    position = haystack.find(piece)
                    if position >= 0:
                        break
            if position >= 0:
                found = True
                cursor = position + len(needle)
            else:
                covered = sum(len(line) for line in long_lines if line in needle)
                found = covered >= 0.8 * len(needle)
        else:
            # Short paragraphs (subheadings, list items, cells): whole lines, near the cursor.
            position = haystack.find("\n" + needle + "\n", max(cursor - 2000, 0))
            if 0 <= position <= cursor + 3000:
                found = True
                cursor = position + len(needle) + 1
        flags.append(found)
    return flags


def segment(document: Document, lang: str) -> Segmentation:
    paragraphs = split_paragraphs(document.text)
    result = Segmentation(blocks=[], paragraphs=paragraphs)
    if document.format == "html":
        _segment_html(document, lang, paragraphs, result)
    else:
        _segment_text(document, lang, paragraphs, result)
    _mark_headers(paragraphs)
    _mark_lead(paragraphs)
    result.comments = comments_of(document.text, lang, paragraphs)
    result.blocks = [Block(p.kind, p.start, p.end) for p in paragraphs]
    if not any(p.kind in BODY_KINDS for p in paragraphs):
        result.warnings.append("no article body found; every block was classified as non-body")
    return result


def _title_or_byline(
    document: Document, lang: str, paragraph: Paragraph, state: dict, result: Segmentation
) -> bool:
    text = paragraph.text
    title_key = state["title_key"]
    if title_key and not state["title_seen"] and _is_title(text, title_key):
        paragraph.kind, state["title_seen"] = "title", True
        return True
    authors = byline_authors(lang, text)
    if authors:
        paragraph.kind = "byline"
        if not result.authors:
            result.authors = authors
        return True
    return False


_TITLE_SEPARATORS = ("|", "-", "–", "—", ":", "·", "»")


def _is_title(text: str, title_key: str) -> bool:
    """The paragraph is the headline: the title itself, or the title without the site name that
    the page's <title> adds ("Headline | Site") or with a kicker the page puts before it."""
    if len(text) > len(title_key) + 60 or len(text) < 0.5 * len(title_key):
        return False
    key = normal(text)
    if key == title_key:
        return True
    if len(key) < 15:
        return False
    for longer, shorter in ((title_key, key), (key, title_key)):
        if longer.startswith(shorter) and longer[len(shorter) :].strip()[:1] in _TITLE_SEPARATORS:
            return True
        if longer.endswith(shorter) and longer[: -len(shorter)].strip()[-1:] in _TITLE_SEPARATORS:
            return True
    return False


def _open_comments(document: Document, paragraph: Paragraph, result: Segmentation) -> None:
    paragraph.kind = "comments"
    quoted = _QUOTED_TITLE.search(paragraph.text)
    if quoted and not document.title and not result.inferred_title:
        result.inferred_title = quoted.group(1).strip()


def _segment_text(
    document: Document, lang: str, paragraphs: list[Paragraph], result: Segmentation
) -> None:
    state = {"title_key": normal(document.title) if document.title else None, "title_seen": False}
    in_comments = False
    body_seen = False
    in_list: str | None = None
    menu = _menu_runs(paragraphs)
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.text
        if in_comments:
            kind = pattern_kind(lang, text) if len(text) < 200 else None
            paragraph.kind = kind if kind in ("boilerplate", "legal") else "comments"
            continue
        if is_comment_header(lang, text, body_seen):
            in_comments = True
            _open_comments(document, paragraph, result)
            continue
        if _title_or_byline(document, lang, paragraph, state, result):
            continue
        kind = pattern_kind(lang, text)
        if kind:
            paragraph.kind = kind
            in_list = kind if kind in ("related",) and len(text) < 100 else None
            continue
        if in_list and len(text) <= _LIST_ITEM_MAX and not _SENTENCE_END.search(text):
            paragraph.kind = in_list
            continue
        in_list = None
        if index in menu:
            paragraph.kind = "boilerplate"
            continue
        paragraph.kind = "body"
        body_seen = True


# A run of at least this many short label-like lines in a text dump is a menu (navigation, a
# tag cloud, a share bar), not article text.
_MENU_RUN = 4
_MENU_LABEL = re.compile(r"^[^\W\d][^.!?:;,\n]{0,29}$")


def _menu_runs(paragraphs: list[Paragraph]) -> set[int]:
    def label(text: str) -> bool:
        return bool(_MENU_LABEL.match(text)) and text.count(" ") <= 3

    found: set[int] = set()
    run: list[int] = []
    for index, paragraph in enumerate([*paragraphs, None]):
        if paragraph is not None and label(paragraph.text):
            run.append(index)
            continue
        if len(run) >= _MENU_RUN:
            found.update(run)
        run = []
    return found


def _segment_html(
    document: Document, lang: str, paragraphs: list[Paragraph], result: Segmentation
) -> None:
    state = {"title_key": normal(document.title) if document.title else None, "title_seen": False}
    body_text = document.hints.get("body_text", "")
    # Without a main text from trafilatura, prose-like paragraphs no pattern matches are body.
    if body_text:
        flags = _html_body_flags(paragraphs, body_text)
    else:
        flags = [_prose(p.text) for p in paragraphs]
    comment_lines = comment_texts(document.hints.get("comments_text", ""))
    captions = document.hints.get("captions") or ()
    body_seen = False
    in_comments = False
    in_list: str | None = None
    kinds: list[str | None] = [None] * len(paragraphs)
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.text
        if _title_or_byline(document, lang, paragraph, state, result):
            continue
        if is_comment_header(lang, text, body_seen) and (body_seen or not flags[index]):
            in_comments = True
            _open_comments(document, paragraph, result)
            continue
        kind = kinds[index] = pattern_kind(lang, text)
        if flags[index] and kind is None:
            if in_list and len(text) <= _LIST_ITEM_MAX and not _SENTENCE_END.search(text):
                paragraph.kind = in_list
                continue
            paragraph.kind = "body"
            body_seen, in_comments, in_list = True, False, None
            continue
        if kind:
            paragraph.kind = kind
            in_list = kind if kind == "related" and len(text) < 100 else None
            if kind in ("legal", "related", "newsletter"):
                in_comments = False
            continue
        if (in_comments and not _caption(text, captions)) or normal(text) in comment_lines:
            paragraph.kind = "comments"
            continue
        paragraph.kind = in_list or "boilerplate"
    if body_seen and not any(p.kind == "comments" for p in paragraphs):
        headerless_comments(lang, paragraphs)
    _restore_dropped_prose(paragraphs, kinds, captions)


def _restore_dropped_prose(
    paragraphs: list[Paragraph], kinds: list[str | None], captions: tuple[str, ...] | list[str]
) -> None:
    """Prose that trafilatura dropped between two body paragraphs belongs to the body, unless
    it is an image caption or a pattern named its kind."""
    for index in range(1, len(paragraphs) - 1):
        paragraph = paragraphs[index]
        if (
            paragraph.kind == "boilerplate"
            and kinds[index] is None
            and not any(paragraph.text in caption for caption in captions)
            and len(paragraph.text) >= 120
            and _SENTENCE_END.search(paragraph.text)
            and paragraphs[index - 1].kind == "body"
            and paragraphs[index + 1].kind == "body"
        ):
            paragraph.kind = "body"


def _caption(text: str, captions: tuple[str, ...] | list[str]) -> bool:
    """The paragraph is (or holds) an image caption of the page."""
    return any(caption in text or text in caption for caption in captions if len(caption) > 20)


def _prose(text: str) -> bool:
    """Looks like running text rather than a link or a label."""
    if len(text) >= 100:
        return True
    return len(text) >= 40 and text.count(" ") >= 6 and bool(_SENTENCE_END.search(text))


def _mark_headers(paragraphs: list[Paragraph]) -> None:
    """A short exclamation or heading just before an appeal or a newsletter box ("Wir brauchen
    Sie!") is part of it."""
    for before, after in zip(paragraphs, paragraphs[1:], strict=False):
        short = len(before.text) < 80 and before.text.endswith(("!", ":"))
        if after.kind in ("appeal", "newsletter") and before.kind == "body" and short:
            before.kind = after.kind


def _mark_lead(paragraphs: list[Paragraph]) -> None:
    """Body paragraphs above an early byline are the lead (teaser)."""
    for index, paragraph in enumerate(paragraphs[:_LEAD_WINDOW]):
        if paragraph.kind == "byline":
            for above in paragraphs[:index]:
                if above.kind == "body":
                    above.kind = "lead"
            return


