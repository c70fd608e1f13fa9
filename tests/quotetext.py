"""Small articles for the quotation tests: an `ArticleView` of one body block and the entities
and spans the finders and the resolver are given."""

from __future__ import annotations

from reportgen.analyze.quotes import find_candidates, resolve_speakers
from reportgen.analyze.quotes.view import ArticleView, article_view
from reportgen.model import Block, Entity, Mention, Quote, Span


def view(text: str, lang: str, *entities: Entity) -> ArticleView:
    return article_view(text, lang, [Block("body", 0, len(text))], list(entities), [])


def quotes(text: str, lang: str, *entities: Entity) -> list[Quote]:
    """Every quotation of `text`, found and decided as the analysis does."""
    v = view(text, lang, *entities)
    return resolve_speakers(find_candidates(v), v, [])


def said(text: str, lang: str, *entities: Entity) -> list[tuple[str, str | None]]:
    """Each quotation's words and speaker, in text order."""
    return [(q.text, q.speaker) for q in quotes(text, lang, *entities)]


def entity(text: str, name: str, label: str, *surfaces: str) -> Entity:
    """`name` with a mention at the first place each surface (the name itself by default)
    stands in `text`."""
    mentions = []
    for surface in surfaces or (name,):
        start = text.index(surface)
        mentions.append(Mention(start, start + len(surface), surface))
    slug = name.lower().replace(" ", "-")
    return Entity(name, label, len(mentions), mentions, id=f"{label.lower()}-{slug}")


def person(text: str, name: str, *surfaces: str) -> Entity:
    return entity(text, name, "PER", *surfaces)


def person_everywhere(text: str, name: str, surface: str) -> Entity:
    """`name` with a mention wherever `surface` stands, as the NER marks a repeated name."""
    mentions, start = [], text.find(surface)
    while start != -1:
        mentions.append(Mention(start, start + len(surface), surface))
        start = text.find(surface, start + 1)
    slug = name.lower().replace(" ", "-")
    return Entity(name, "PER", len(mentions), mentions, id=f"per-{slug}")


def org(text: str, name: str, *surfaces: str) -> Entity:
    return entity(text, name, "ORG", *surfaces)


def span_of(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words), words)
