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
