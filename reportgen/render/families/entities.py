"""One page per entity, a listing per kind (people, organisations, ...) and the entity index."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import aggregate
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


@page_family("entities", order=40)
def entity_pages(writer: SiteWriter, site: SiteData) -> None:
    for entity in aggregate.entity_pages(site.analyses).values():
        writer.page(f"entities/{entity['id']}.html", "entity.html", title=entity["name"],
                    entity=entity)  # fmt: skip
    table = aggregate.entity_table(site.analyses)
    kinds = [{"label": label, "slug": slug, "name": name}
             for label, (slug, name) in ENTITY_KINDS.items()
             if any(e["label"] == label for e in table)]  # fmt: skip
    for kind in kinds:
        writer.page(
            f"entities/{kind['slug']}.html", "entity_index.html", title=kind["name"],
            heading=kind["name"], intro=f"{kind['name']}, by number of articles.",
            kind_links=[], with_label=False,
            entities=[e for e in table if e["label"] == kind["label"]],
        )  # fmt: skip
    writer.page(
        "entities/index.html", "entity_index.html", title="Entities", heading="Entities",
        intro="Every named entity, by number of articles.", kind_links=kinds, with_label=True,
        entities=table,
    )  # fmt: skip
