"""Segmentation: split a document's text into paragraphs and say what each one is (title, lead,
byline, body, boilerplate, appeal, comments, related, legal, newsletter, ad).

The patterns live in the language data files (`resources/lang/<lang>/<kind>.txt`); this module
only decides in which order they are tried. For HTML pages, trafilatura's main text and comments
(reader hints) say which paragraphs are body and comments; the patterns then take out what
trafilatura keeps but should not (a donation box inside `<article>`, a "read also" list, ...)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..lang import available_languages, profile
from ..model import BODY_KINDS, Block, Comment, Document

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_NUMBERED_ITEM = re.compile(r"^\s*\d{1,4}[.)]\s+\S")
# A paragraph of at most this many words in a comment section without commenter lines is a
# label or a link, not a comment.
_LABEL_WORDS = 3
_QUOTED_TITLE = re.compile(r"[„“\"»«‘‚](.+?)[“”\"«»’‘]\s*$")
_SENTENCE_END = re.compile(r"[.!?…:;\"“”»«)]\s*$")
# How many paragraphs from the top a byline may sit and still make the paragraphs above it a lead.
_LEAD_WINDOW = 4
# The kinds that make up the article body (the contract's `body` field).
# Kinds found by the patterns of the data file of the same name, in the order they are tried,
# with the longest paragraph each may match (site furniture is short; appeals are not).
PATTERN_KINDS: tuple[tuple[str, int], ...] = (
    ("boilerplate", 200),
    ("legal", 600),
    ("newsletter", 500),
    ("ad", 300),
    ("related", 300),
    ("appeal", 2000),
)
# Headers that open a list ("Lesen Sie auch:", "Related articles"): short items after them are
# part of the list.
_LIST_ITEM_MAX = 160


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


def normal(text: str) -> str:
    return " ".join(text.split()).casefold()


_UPPER = re.compile(r"(?<!\\)[A-Z]")
# Searched (unanchored) patterns are only tried on paragraphs at least this long: the short
# ones are navigation, and this keeps the pass over a page with hundreds of links fast.
_SEARCH_MIN = 20


def _compile(line: str) -> re.Pattern[str]:
    # Paragraphs are matched lowercased; a pattern written with capitals is matched ignoring case.
    return re.compile(line, re.IGNORECASE if _UPPER.search(line) else 0)


def _required(items: list) -> frozenset[str] | None:
    """Literal strings one of which every match of the parsed pattern `items` contains (a cheap
    `in` test before the regular expression runs), or None if there is no such set."""
    from re import _constants as c  # type: ignore[attr-defined]

    best: frozenset[str] | None = None

    def consider(option: frozenset[str] | None) -> None:
        nonlocal best
        if option and (best is None or min(map(len, option)) > min(map(len, best))):
            best = option

    run: list[str] = []
    for op, arg in list(items) + [(None, None)]:
        if op is c.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            consider(frozenset({"".join(run).lower()}))
            run = []
        if op is c.SUBPATTERN:
            consider(_required(arg[-1]))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and arg[0] >= 1:
            consider(_required(arg[2]))
        elif op is c.BRANCH:
            options = [_required(branch) for branch in arg[1]]
            if all(options):
                consider(frozenset().union(*options))  # type: ignore[arg-type]
    return best


def _searcher(line: str) -> tuple[frozenset[str] | None, re.Pattern[str]]:
    from re import _parser  # type: ignore[attr-defined]

    try:
        required = _required(list(_parser.parse(line)))
    except Exception:  # an unusual pattern: no shortcut, the expression alone decides
        required = None
    return required, _compile(line)


@dataclass(frozen=True)
class PatternSet:
    """The patterns of one data file, ready for fast matching."""

    anchored: re.Pattern[str] | None  # the "^..." patterns joined, tried at the start only
    trigger: re.Pattern[str] | None  # any literal that one of the searched patterns needs
    searched: tuple[tuple[frozenset[str], re.Pattern[str]], ...]
    always: tuple[re.Pattern[str], ...]  # searched patterns without a needed literal


@cache
def combined(lang: str, name: str) -> PatternSet:
    """The patterns of a page-furniture list (the language's and the fallback's, see
    :mod:`reportgen.lang`), compiled for a fast scan."""
    lines = profile(lang).lines(name)
    anchored = [line[1:] for line in lines if line.startswith("^")]
    searchers = [_searcher(line) for line in lines if not line.startswith("^")]
    searched = tuple((req, pattern) for req, pattern in searchers if req)
    literals = sorted({word for req, _ in searched for word in req}, key=lambda w: (-len(w), w))
    return PatternSet(
        anchored=_compile("|".join(f"(?:{p})" for p in anchored)) if anchored else None,
        trigger=re.compile("|".join(map(re.escape, literals))) if literals else None,
        searched=searched,
        always=tuple(pattern for req, pattern in searchers if not req),
    )


def matches(lang: str, name: str, text: str, lowered: str | None = None) -> bool:
    """Whether a pattern of the data file matches the paragraph (case-insensitive)."""
    patterns = combined(lang, name)
    lowered = text.lower() if lowered is None else lowered
    if patterns.anchored and patterns.anchored.match(lowered):
        return True
    if len(lowered) < _SEARCH_MIN:
        return False
    if patterns.trigger and patterns.trigger.search(lowered):
        for required, pattern in patterns.searched:
            if any(word in lowered for word in required) and pattern.search(lowered):
                return True
    return any(pattern.search(lowered) for pattern in patterns.always)


def site_patterns(lang: str, name: str) -> tuple[re.Pattern[str], ...]:
    """The page-furniture patterns of a list, one by one."""
    return profile(lang).patterns(name)


@cache
def _anchored_kinds(lang: str) -> re.Pattern[str] | None:
    """The anchored patterns of all PATTERN_KINDS as one expression, a named group per kind, in
    their order: one match finds the first kind whose anchored patterns fit."""
    parts = []
    for kind, _longest in PATTERN_KINDS:
        anchored = combined(lang, kind).anchored
        if anchored is not None:
            flags = "(?i:" if anchored.flags & re.IGNORECASE else "(?:"
            parts.append(f"(?P<k_{kind}>{flags}{anchored.pattern}))")
    return re.compile("|".join(parts)) if parts else None


@lru_cache(maxsize=65536)
def pattern_kind(lang: str, text: str) -> str | None:
    """The non-body kind whose patterns match the paragraph, if any."""
    length = len(text)
    lowered = text.lower()
    anchored = _anchored_kinds(lang)
    match = anchored.match(lowered) if anchored else None
    first = (match.lastgroup or "")[2:] if match else ""
    # The kinds before `first` have no anchored pattern that fits (the alternation tries them in
    # order); with no match at all, none has.
    unknown = False
    for kind, longest in PATTERN_KINDS:
        if kind == first:
            if length <= longest:
                return kind
            unknown = True  # too long for this kind: the kinds after it are tried in full
            continue
        if length > longest:
            continue
        if unknown:
            if matches(lang, kind, text, lowered):
                return kind
        elif length >= _SEARCH_MIN and _searched(lang, kind, lowered):
            return kind
    return None


def _searched(lang: str, kind: str, lowered: str) -> bool:
    patterns = combined(lang, kind)
    if patterns.trigger and patterns.trigger.search(lowered):
        for required, pattern in patterns.searched:
            if any(word in lowered for word in required) and pattern.search(lowered):
                return True
    return any(pattern.search(lowered) for pattern in patterns.always)


def byline_authors(lang: str, text: str) -> list[str] | None:
    if len(text) > 160:
        return None
    for pattern in profile(lang).patterns("byline", 0):
        match = pattern.match(text)
        if match:
            names = re.split(r"\s*(?:,|\bund\b|\band\b|&)\s*", match.group("authors"))
            return [n for n in (name.strip() for name in names) if n]
    return None


def is_comment_header(lang: str, text: str, body_seen: bool) -> bool:
    """A paragraph that opens a reader comment section. A bare "Kommentare" only counts once the
    article has begun (above it, it is a navigation link)."""
    if len(text) > 400:
        return False
    if matches(lang, "comments", text):
        return True
    return body_seen and matches(lang, "comments_bare", text)


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


def _comment_lines(text: str) -> set[str]:
    return {normal(line) for line in text.splitlines() if line.strip()}


def segment(document: Document, lang: str) -> Segmentation:
    paragraphs = split_paragraphs(document.text)
    result = Segmentation(blocks=[], paragraphs=paragraphs)
    if document.format == "html":
        _segment_html(document, lang, paragraphs, result)
    else:
        _segment_text(document, lang, paragraphs, result)
    _mark_headers(paragraphs)
    _mark_lead(paragraphs)
    result.comments = _comments(document.text, lang, paragraphs)
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


def _furniture(lang: str, text: str) -> bool:
    """Whether a paragraph is page furniture, a byline or a comment header in ``lang``."""
    return (
        pattern_kind(lang, text) is not None
        or byline_authors(lang, text) is not None
        or is_comment_header(lang, text, True)
    )


def headline(text: str) -> str | None:
    """Without metadata, a short first paragraph without a closing full stop, followed by the
    article, is the headline (plain-text dumps often start with it)."""
    paragraphs = split_paragraphs(text)
    if len(paragraphs) < 3:
        return None
    first = paragraphs[0].text
    if (
        10 <= len(first) <= 160
        and "\n" not in first
        and not first.endswith((".", ",", ";", ":", "!", "?", "…"))
        and not any(_furniture(code, first) for code in available_languages())
        and len(paragraphs[1].text) + len(paragraphs[2].text) > 2 * len(first)
    ):
        return first
    return None


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
    comment_lines = _comment_lines(document.hints.get("comments_text", ""))
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
        _headerless_comments(lang, paragraphs)
    # Prose that trafilatura dropped between two body paragraphs belongs to the body, unless it
    # is an image caption.
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


def _headerless_comments(lang: str, paragraphs: list[Paragraph]) -> None:
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


def _comments(text: str, lang: str, paragraphs: list[Paragraph]) -> list[Comment]:
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


@cache
def _months() -> tuple[dict[str, int], re.Pattern[str]]:
    """Month names of every language with a dates.txt, and a pattern for written-out dates."""
    months: dict[str, int] = {}
    for lang in available_languages():
        for line in profile(lang).lines("dates"):
            name, _, number = line.rpartition(" ")
            if name and number.isdigit():
                months.setdefault(name.lower(), int(number))
    names = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    pattern = re.compile(
        r"\b(?:(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
        r"|(?P<nd>\d{1,2})\.\s?(?P<nm>\d{1,2})\.\s?(?P<ny>\d{4})"
        rf"|(?P<dd>\d{{1,2}})\.?\s+(?P<dm>{names})\.?\s+(?P<dy>\d{{4}})"
        rf"|(?P<mm>{names})\.?\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<my>\d{{4}}))\b",
        re.IGNORECASE,
    )
    return months, pattern


def parse_date(text: str) -> tuple[str, str] | None:
    """The first date written in `text`, as (ISO 8601, the text as written)."""
    import datetime as dt

    months, pattern = _months()
    for match in pattern.finditer(text):
        g = match.groupdict()
        if g["iy"]:
            parts = (g["iy"], g["im"], g["id"])
        elif g["ny"]:
            parts = (g["ny"], g["nm"], g["nd"])
        elif g["dy"]:
            parts = (g["dy"], str(months[g["dm"].lower()]), g["dd"])
        else:
            parts = (g["my"], str(months[g["mm"].lower()]), g["md"])
        try:
            date = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError:
            continue
        if 1800 <= date.year <= 2200:
            return date.isoformat(), match.group(0)
    return None


def infer_date(text: str, top: int = 8, longest: int = 160) -> tuple[str, str] | None:
    """The article's date from its text when no metadata gives it: the first date in a short
    paragraph near the top (a dateline, a byline, a "published" line). Dates inside the body's
    sentences are events, not the publication, and are not used."""
    for paragraph in split_paragraphs(text)[:top]:
        if len(paragraph.text) <= longest:
            found = parse_date(paragraph.text)
            if found:
                return found
    return None
