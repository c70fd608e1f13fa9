"""Page families: each module registers one kind of page with :func:`page_family` and hands its
domain objects to its own template. A new family is a new module imported here."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ...model import ArticleAnalysis, ReadError
from ...slugs import CorpusSlugs
from ...spool import ids_of, langs_of, outlets_of
from ..search import SearchFacets

if TYPE_CHECKING:
    from ..site import SiteWriter


@dataclass
class SiteData:
    """What every family may draw on, computed once per build."""

    analyses: Sequence[ArticleAnalysis]  # a list, or a spool read one analysis at a time
    errors: list[ReadError]
    corpus: dict[str, Any]  # aggregate.corpus_summary
    slugs: CorpusSlugs  # unique page names of outlets, speakers and sources

    @cached_property
    def outlet_and_language(self) -> dict[str, tuple[str, str]]:
        """Each article's outlet and language (from a spool's index: nothing is read)."""
        analyses = self.analyses
        return dict(zip(ids_of(analyses), zip(outlets_of(analyses), langs_of(analyses),
                                               strict=True), strict=True))  # fmt: skip

    def facets(self, kind: str, article_ids: Iterable[str]) -> SearchFacets:
        """The search filters of a page about these articles: their outlets and languages."""
        known = [self.outlet_and_language[i] for i in article_ids if i in self.outlet_and_language]
        return SearchFacets(kind, {"outlet": [o for o, _ in known],
                                   "language": [lang for _, lang in known if lang]})  # fmt: skip


WriteFamily = Callable[["SiteWriter", SiteData], None]


@dataclass(frozen=True)
class Family:
    name: str
    order: int  # families write in this order (it fixes the order of the PDFs and the manifest)
    write: WriteFamily


FAMILIES: list[Family] = []


def page_family(name: str, order: int) -> Callable[[WriteFamily], WriteFamily]:
    def register(write: WriteFamily) -> WriteFamily:
        if any(f.name == name for f in FAMILIES):
            raise ValueError(f"page family {name!r} is registered twice")
        FAMILIES.append(Family(name, order, write))
        FAMILIES.sort(key=lambda f: f.order)
        return write

    return register


# Registration happens on import.
from . import article, entities, index, outlet, search, sources, speakers  # noqa: E402, F401
