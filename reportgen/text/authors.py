"""The authors a page's metadata names, cleaned of what is not an author: the same name twice
("Jeffrey Gettleman", "JEFFREY GETTLEMAN"), the site itself ("Tagesschau De", "The Economist"),
the outlet's owner and its address ("Süddeutsche de GmbH", "Munich", "Germany")."""

from __future__ import annotations

import json
import re
from functools import cache

from ..resources import RESOURCE_DIR

# A company's legal form: the publisher, not an author.
_COMPANY = re.compile(r"\b(?:GmbH|AG|KG|SE|Inc|LLC|Ltd|Verlag|Verlagsgruppe|Mediengruppe)\b\.?")
_LETTERS = re.compile(r"[\W_]+")
# What content-management systems write where no author was entered.
_PLACEHOLDERS = frozenset({"noauthor", "username", "admin", "author", "autor", "unknown"})


def _key(text: str) -> str:
    return _LETTERS.sub("", text.lower())


def _site_keys(site_name: str | None, domains: tuple[str, ...]) -> set[str]:
    """The site's name and domains as letter strings: "tagesschau.de" -> "tagesschaude", and
    without the top-level domain ("tagesschau")."""
    keys = {_key(site_name)} if site_name else set()
    for domain in domains:
        domain = domain.lower().removeprefix("www.")
        keys.add(_key(domain))
        keys.add(_key(domain.rsplit(".", 1)[0]))
    return {key for key in keys if len(key) >= 3}


@cache
def _places() -> frozenset[str]:
    """One-word places of the gazetteers ("Berlin", "Hamburg"): a location, not an author."""
    names = set()
    for path in sorted((RESOURCE_DIR / "gazetteers").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line) if line.strip() else {}
            pattern = entry.get("pattern")
            if entry.get("label") == "LOC" and isinstance(pattern, str) and " " not in pattern:
                names.add(pattern)
    return frozenset(names | {"Germany", "Deutschland", "USA", "Munich", "München"})


@cache
def _outlets() -> frozenset[str]:
    """The names of the outlets of the sources knowledge base: a producer, not an author."""
    from ..resources import load_source_kb

    return frozenset(
        _key(a)
        for e in load_source_kb()
        if e["type"] == "outlet"
        for a in (e["name"], *e.get("aliases", ()))
    )


def clean_authors(
    authors: list[str], site_name: str | None = None, domains: tuple[str, ...] = ()
) -> list[str]:
    """`authors` without repeats, the site's own name, companies, and the one-word places
    that follow a site or company in the same list ("SPIEGEL ONLINE", "Hamburg", "Germany")."""
    sites = _site_keys(site_name, domains)
    kept: list[str] = []
    seen: set[str] = set()
    after_site = False
    for author in authors:
        key = _key(author)
        if not key or key in seen or key in _PLACEHOLDERS:
            continue
        seen.add(key)
        if _is_site(key, sites) or _COMPANY.search(author):
            after_site = True
            continue
        if author.strip() in _places() or (after_site and " " not in author.strip()):
            continue  # the site's address: "Munich", "Germany"
        kept.append(author)
    if any(" " in a for a in kept):  # people named: an outlet beside them produced the piece
        kept = [a for a in kept if " " in a or _key(a) not in _outlets()]
    return kept


def _is_site(key: str, sites: set[str]) -> bool:
    """The site's name, also with a suffix ("spiegel" -> "SPIEGEL ONLINE", "tagesschau de")."""
    return any(key == s or (len(s) >= 5 and key.startswith(s) and len(key) - len(s) <= 6)
               for s in sites)  # fmt: skip


# trafilatura's byline search (`trafilatura.metadata.extract_author`) without its copy of the
# page: it prunes comments, sidebars, dates and figures from a deep copy before searching, which
# costs more than the search. Here a candidate is rejected when it stands in such an element,
# and such elements inside it are left out of its text: the same answer, at half the cost.
_DISCARD_TAGS = frozenset({"a", "div", "section", "span"})
_DISCARD_IDS = re.compile(r"^comments|comment-?list|ProductReviews")
_DISCARD_CLASSES = re.compile(
    r"^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram"
    r"|article-(?:share|support)|print|category|meta-date|meta-reviewer"
)


def _discarded(element: object) -> bool:
    tag = getattr(element, "tag", None)
    if tag in ("time", "figure"):
        return True
    if tag not in _DISCARD_TAGS:
        return False
    get = element.get  # type: ignore[attr-defined]
    ident, klass = get("id") or "", get("class") or ""
    return (
        ident == "comments" or klass in ("comments", "title", "date")
        or bool(_DISCARD_IDS.search(ident)) or bool(_DISCARD_CLASSES.search(klass))
        or "Figure" in (get("data-component") or "")
    )  # fmt: skip


def _text_without_discarded(element: object) -> str:
    parts: list[str] = []

    def walk(node: object) -> None:
        if node is not element and _discarded(node):
            return
        parts.append(getattr(node, "text", None) or "")
        for child in node:  # type: ignore[attr-defined]
            walk(child)
            parts.append(child.tail or "")

    walk(element)
    return " ".join(" ".join(parts).split())


def page_byline(tree: object) -> str | None:
    """The page's byline element as trafilatura finds it, normalised as trafilatura does."""
    from trafilatura.metadata import normalize_authors
    from trafilatura.xpaths import AUTHOR_XPATHS

    for expression in AUTHOR_XPATHS:
        for element in expression(tree):
            if any(_discarded(e) for e in (element, *element.iterancestors())):
                continue
            content = _text_without_discarded(element)
            if content and 2 < len(content) < 120:
                return normalize_authors(None, content)
    return None
