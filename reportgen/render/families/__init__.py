"""Page families: each module registers one kind of page with :func:`page_family` and hands its
domain objects to its own template. A new family is a new module imported here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...model import ArticleAnalysis, ReadError
from ...slugs import CorpusSlugs

if TYPE_CHECKING:
    from ..site import SiteWriter


@dataclass
class SiteData:
    """What every family may draw on, computed once per build."""

    analyses: Sequence[ArticleAnalysis]  # a list, or a spool read one analysis at a time
    errors: list[ReadError]
    corpus: dict[str, Any]  # aggregate.corpus_summary
    slugs: CorpusSlugs  # unique page names of outlets, speakers and sources


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
from . import article, entities, index, outlet, sources, speakers  # noqa: E402, F401
