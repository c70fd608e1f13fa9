"""Page furniture by pattern: which kind of non-article paragraph (boilerplate, legal notice,
newsletter box, ad, teaser list, donation appeal) a paragraph is, bylines and comment-section
headers, and a plain-text dump's headline. The patterns are the language's data files
(`resources/lang/<lang>/<kind>.txt`, page-furniture lists with the fallback's entries); this
module compiles them for a fast scan and decides in which order they are tried."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..lang import available_languages, profile
from .paragraphs import split_paragraphs

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
