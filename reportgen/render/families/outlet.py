"""One page (and PDF) per outlet."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import SiteData, page_family

if TYPE_CHECKING:
    from ..site import SiteWriter


@page_family("outlets", order=20)
def outlet_pages(writer: SiteWriter, site: SiteData) -> None:
    for summary in site.corpus["outlets"]:
        slug = summary["slug"]
        writer.page(
            f"outlets/{slug}/index.html",
            "outlet.html",
            pdf=f"pdf/outlets/{slug}.pdf",
            title=summary["name"],
            o=summary,
        )
