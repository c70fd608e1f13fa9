"""Reading a built site back: its files, every page's links, and what a page says about search."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


def site_files(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file of a site (the build's lock aside): its bytes and mtime."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".reportgen-lock"
    }


def site_bytes(folder: Path) -> dict[str, bytes]:
    return {name: data for name, (data, _mtime) in site_files(folder).items()}


class PageRefs(HTMLParser):
    """The references of one page (href, src, form action) and the ids it defines."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src", "action") and value:
                self.refs.append((tag, name, value))
            if name == "id" and value:
                self.ids.add(value)


def page_refs(page: Path) -> PageRefs:
    parser = PageRefs()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def broken_links(site: Path) -> list[str]:
    """Every reference of every HTML page that leaves the site or does not resolve to a file
    in it (with its #fragment, an id on the target page); empty when all is well."""
    problems = []
    ids: dict[Path, set[str]] = {}
    for page in sorted(site.rglob("*.html")):
        if page.relative_to(site).parts[0] == "pagefind":
            continue  # Pagefind's own bundle, not pages of the site
        for tag, attribute, value in page_refs(page).refs:
            where = f"{page.relative_to(site)}: <{tag} {attribute}={value!r}>"
            parts = urlsplit(value)
            if parts.scheme or parts.netloc or value.startswith("/"):
                problems.append(f"{where} is not a relative link")
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.is_file() or site.resolve() not in target.parents:
                problems.append(f"{where} has no target")
            elif parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = page_refs(target).ids
                if parts.fragment not in ids[target]:
                    problems.append(f"{where}: no id {parts.fragment!r} there")
    return problems


def html_pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*.html")) if p.relative_to(site).parts[0] != "pagefind"]


def search_filters(page: Path) -> dict[str, list[str]]:
    """The Pagefind filters a page declares: {filter: [values]}."""
    found: dict[str, list[str]] = {}
    html = page.read_text(encoding="utf-8")
    pattern = r'data-pagefind-filter="([a-z]+)\[content\]" content="([^"]*)"'
    for name, value in re.findall(pattern, html):
        found.setdefault(name, []).append(value)
    return found
