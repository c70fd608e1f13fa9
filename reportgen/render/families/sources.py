"""One page per cited source and the source index."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import aggregate
from . import SiteData, page_family

if TYPE_CHECKING:
    from ..site import SiteWriter


@page_family("sources", order=60)
def source_pages(writer: SiteWriter, site: SiteData) -> None:
    sources = aggregate.source_pages(site.analyses, site.slugs)
    for source in sources.values():
        writer.page(f"sources/{source['slug']}.html", "source.html", title=source["name"],
                    source=source)  # fmt: skip
    ranked = sorted(sources.items(), key=lambda kv: (-len(kv[1]["articles"]), kv[0]))
    writer.page("sources/index.html", "source_index.html", title="Sources", sources=ranked)
