"""One page per entity mentioned often enough, a listing per kind (people, organisations, ...)
and the entity index, both paged."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ... import aggregate
from ...model import ArticleAnalysis
from ..listing import write_listing
from . import SiteData, page_family

if TYPE_CHECKING:
    from ..site import SiteWriter

# One listing page per entity label; entity pages are named "<label>-<name>", so no clash.
ENTITY_KINDS = {
    "PER": ("people", "People"),
    "ORG": ("organisations", "Organisations"),
    "LOC": ("places", "Places"),
    "MISC": ("other-names", "Other names"),
}


def entities_with_pages(analyses: list[ArticleAnalysis], min_mentions: int) -> frozenset[str]:
    """Ids of the entities mentioned at least `min_mentions` times in the corpus, every block
    counted (the article pages show every mention). The others are named without a link."""
    mentions: Counter[str] = Counter()
    for a in analyses:
        for e in a.entities:
            mentions[e.id] += len(e.mentions)
    return frozenset(i for i, n in mentions.items() if n >= min_mentions)


@page_family("entities", order=40)
def entity_pages(writer: SiteWriter, site: SiteData) -> None:
    linked = writer.linked_entities
    for entity in aggregate.entity_pages(site.analyses, linked, writer.output):
        facets = site.facets("entity", [r["id"] for r in entity["articles"]])
        writer.page(f"entities/{entity['id']}.html", "entity.html", title=entity["name"],
                    entity=entity, search_facets=facets)  # fmt: skip
    table, unlinked = [], Counter()
    for row in site.corpus["top_entities"]:  # aggregate.entity_table, made once
        if linked is None or row["id"] in linked:
            table.append(row)
        else:
            unlinked[row["label"]] += 1
    kinds = [{"label": label, "slug": slug, "name": name}
             for label, (slug, name) in ENTITY_KINDS.items()
             if any(e["label"] == label for e in table)]  # fmt: skip
    common = {"min_mentions": writer.options.min_mentions}
    for kind in kinds:
        write_listing(
            writer, "entities", kind["slug"], "entity_index.html", "entities",
            [e for e in table if e["label"] == kind["label"]], title=kind["name"],
            heading=kind["name"], intro=f"{kind['name']}, by number of articles.",
            kind_links=[], with_label=False, unlinked=unlinked[kind["label"]], **common,
        )  # fmt: skip
    write_listing(
        writer, "entities", "index", "entity_index.html", "entities", table, title="Entities",
        heading="Entities", intro="Every named entity, by number of articles.",
        kind_links=kinds, with_label=True, unlinked=sum(unlinked.values()), **common,
    )  # fmt: skip
