"""Organisations the article cites are organisations it names: a cited outlet, agency,
authority or organisation whose mention no entity covers ("laut „Spiegel“", "die
Bundesregierung rechnet", "Die Polizei warnt") becomes an ORG entity under the source's name.
The statistical and rule-based recognisers miss these where the name is also a common word."""

from __future__ import annotations

from ..model import Entity, Mention, Source
from .entities import entity_id

# Source types that are organisations (documents, web pages, networks and unknowns are not).
ORGANISATION_TYPES = frozenset({"news_agency", "outlet", "government", "organisation"})


def add_source_entities(entities: list[Entity], sources: list[Source]) -> list[Entity]:
    """`entities` with an ORG entity for each cited organisation mention no entity covers."""
    covered = [(m.start, m.end) for e in entities for m in e.mentions]
    by_name = {(e.label, e.name): e for e in entities}
    for source in sources:
        if source.type not in ORGANISATION_TYPES or not source.cited:
            continue
        for mention in source.mentions:
            if mention.block == "comments" or any(
                s < mention.end and mention.start < e for s, e in covered
            ):
                continue
            entity = by_name.get(("ORG", source.name))
            if entity is None:
                entity = Entity(source.name, "ORG", 0, [], entity_id(source.name, "ORG"))
                by_name[("ORG", source.name)] = entity
                entities.append(entity)
            entity.mentions.append(Mention(mention.start, mention.end, mention.text, mention.block))
            entity.count = len(entity.mentions)
            covered.append((mention.start, mention.end))
    for entity in entities:
        entity.mentions.sort(key=lambda m: m.start)
    entities.sort(key=lambda e: (-e.count, e.label, e.name))
    return entities
