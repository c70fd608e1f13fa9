"""One page (and PDF) per article."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ... import aggregate
from ...aggregate_reuse import shared_with
from ...model import ArticleAnalysis
from ...slugs import CorpusSlugs
from ...spool import ById
from ..archive import article_archive
from ..highlight import block_pieces
from ..memo import Derived
from . import SiteData, page_family

if TYPE_CHECKING:
    from ..site import SiteWriter


def quote_groups(a: ArticleAnalysis, slugs: CorpusSlugs) -> list[dict[str, Any]]:
    """The article's quotations by named speaker, the most quoted first, unnamed last."""
    groups: dict[str | None, list] = {}
    for q in a.quotes:
        groups.setdefault(aggregate.named_speaker(a, q), []).append(q)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] is None, -len(kv[1]), kv[0] or ""))
    return [
        {"speaker": speaker, "slug": slugs.speaker(speaker) if speaker else None, "quotes": quotes}
        for speaker, quotes in ordered
    ]


@page_family("articles", order=10)
def article_pages(writer: SiteWriter, site: SiteData) -> None:
    others = ById(site.analyses)  # read one at a time, for the passages shared with them
    for a in site.analyses:
        writer.page(
            f"articles/{a.id}.html",
            "article.html",
            pdf=f"pdf/articles/{a.id}.pdf",
            pdf_archive=article_archive(a) if writer.options.pdf else None,
            title=a.title or a.id,
            a=a,
            outlet_slug=a.id.split("/", 1)[0],
            segments=Derived(block_pieces, a),  # the key has `a`: a kept page never needs it
            quote_groups=quote_groups(a, site.slugs),
            source_slug=site.slugs.source,
            shared=shared_with(a, others),
            search_facets=site.facets("article", [a.id]),
        )
