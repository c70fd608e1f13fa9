"""One page (and PDF) per outlet."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import aggregate
from ..archive import summary_archive
from . import SiteData, page_family

if TYPE_CHECKING:
    from ..site import SiteWriter


@page_family("outlets", order=20)
def outlet_pages(writer: SiteWriter, site: SiteData) -> None:
    # one outlet's analyses and summary at a time (a spool reads them from disk)
    groups = aggregate.outlet_groups(site.analyses)
    for overview in site.corpus["outlets"]:
        name = overview["name"]
        members = [site.analyses[i] for i in groups[name]]
        summary = aggregate.outlet_summary(name, members, site.slugs)
        slug = summary["slug"]
        pdf_on = writer.options.pdf
        archive = summary_archive("outlet", name, summary, members) if pdf_on else None
        writer.page(
            f"outlets/{slug}/index.html",
            "outlet.html",
            pdf=f"pdf/outlets/{slug}.pdf",
            pdf_archive=archive,
            title=summary["name"],
            o=summary,
            outlet_page=site.slugs.outlet,
            reuse_on=writer.options.reuse.reuse,
            reuse_min_words=writer.options.reuse.reuse_min_words,
            search_facets=site.facets("outlet", [row["id"] for row in summary["articles"]]),
        )
