"""One page per cited source and the source index."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import aggregate
from ..listing import write_listing
from . import SiteData, page_family

if TYPE_CHECKING:
    from ..site import SiteWriter


@page_family("sources", order=60)
def source_pages(writer: SiteWriter, site: SiteData) -> None:
    listed = []  # what the index shows of each source, the pages themselves wait on disk
    for source in aggregate.source_pages(site.analyses, site.slugs, writer.output):
        facets = site.facets("source", [r["id"] for r in source["articles"]])
        writer.page(f"sources/{source['slug']}.html", "source.html", title=source["name"],
                    source=source, search_facets=facets)  # fmt: skip
        row = {key: source[key] for key in ("name", "type", "country", "state_affiliated")}
        listed.append((source["slug"], {**row, "article_count": len(source["articles"])}))
    ranked = sorted(listed, key=lambda kv: (-kv[1]["article_count"], kv[0]))
    write_listing(writer, "sources", "index", "source_index.html", "sources", ranked,
                  title="Sources")
