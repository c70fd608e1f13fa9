"""The search page: Pagefind's own interface over the index the build writes last."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..search import BUNDLE, SEARCH_PAGE
from . import SiteData, page_family

if TYPE_CHECKING:
    from ..site import SiteWriter


@page_family("search", order=90)
def search_page(writer: SiteWriter, site: SiteData) -> None:
    if writer.options.search:
        writer.page(SEARCH_PAGE, "search.html", title="Search", bundle=BUNDLE)
