"""Listing pages split into pages of a bounded number of rows, so a large corpus's entity,
speaker and source listings stay small enough to open (news_de has ~29,000 entities).

The first page keeps the listing's plain name (`people.html`, `index.html`); the next ones are
`people-2.html`, `people-3.html`, ... in the same folder. Item pages cannot take these names:
entity pages are `<label>-<name>.html`, speaker and source slugs avoid them
(`reportgen.slugs.is_listing_name`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .site import SiteWriter


@dataclass(frozen=True)
class Pager:
    number: int  # this page, from 1
    files: list[str]  # the file name of every page of the listing, in order
    first: int  # the first row on this page, from 1
    last: int
    total: int  # rows in the whole listing

    @property
    def count(self) -> int:
        return len(self.files)


def page_file(stem: str, number: int) -> str:
    return f"{stem}.html" if number == 1 else f"{stem}-{number}.html"


def write_listing(
    writer: SiteWriter, folder: str, stem: str, template: str, rows_name: str,
    rows: list[Any], **context: Any,
) -> None:  # fmt: skip
    """`rows` over as many pages of `writer.options.listing_rows` rows as they need (one page,
    maybe empty, at least); each page gets its rows as `rows_name` and a `pager`."""
    size = writer.options.listing_rows
    count = max(1, -(-len(rows) // size))
    files = [page_file(stem, n) for n in range(1, count + 1)]
    for number, name in enumerate(files, start=1):
        chunk = rows[(number - 1) * size : number * size]
        first = (number - 1) * size + 1 if chunk else 0
        pager = Pager(number, files, first, first + len(chunk) - 1 if chunk else 0, len(rows))
        writer.page(f"{folder}/{name}", template, pager=pager, **{rows_name: chunk}, **context)
