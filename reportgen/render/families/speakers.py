"""One page per speaker, with their quotations across outlets, and the speaker index."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import aggregate
from ..listing import write_listing
from . import SiteData, page_family

if TYPE_CHECKING:
    from ..site import SiteWriter


@page_family("speakers", order=50)
def speaker_pages(writer: SiteWriter, site: SiteData) -> None:
    listed = []  # what the index shows of each speaker, the pages themselves wait on disk
    for speaker in aggregate.speaker_pages(site.analyses, site.slugs, writer.output):
        facets = site.facets("speaker", [q["article_id"] for q in speaker["quotes"]])
        writer.page(f"speakers/{speaker['slug']}.html", "speaker.html", title=speaker["name"],
                    speaker=speaker, outlet_page=site.slugs.outlet,
                    search_facets=facets)  # fmt: skip
        listed.append((speaker["slug"], {"name": speaker["name"],
                                         "quote_count": len(speaker["quotes"]),
                                         "outlet_count": len(speaker["outlets"])}))  # fmt: skip
    ranked = sorted(listed, key=lambda kv: (-kv[1]["quote_count"], kv[0]))
    write_listing(writer, "speakers", "index", "speaker_index.html", "speakers", ranked,
                  title="Speakers")
