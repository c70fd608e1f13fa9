"""The analysis of one document: `analyze(document) -> ArticleAnalysis`.

segmentation -> spaCy pipeline over paragraph chunks -> entities -> sources -> quotations ->
finalize (block fields, body, figures; run again after a corpus pass changed the blocks).
Each step is a plain function over plain data; nothing here depends on other articles.
"""

from __future__ import annotations

from ..model import ArticleAnalysis, Document, Stats
from ..urls import domain_of, is_within
from .bylines import choose_authors
from .entities import extract_entities
from .entity_rules import author_entities
from .finalize import finalize
from .nlp_run import run_chunks
from .pipeline import choose_pipeline, load_pipeline, pipeline_info
from .quotes import extract_quotes
from .segment import segment
from .source_entities import add_source_entities
from .sources import extract_sources

__all__ = ["analyze", "choose_pipeline", "load_pipeline"]


def _own_site(domain: str, document: Document) -> bool:
    """A link to the outlet's own site (or its parent or sister domains) cites nobody."""
    own = _own_domains(document)
    return any(is_within(domain, site) or is_within(site, domain) for site in own)


def _own_domains(document: Document) -> tuple[str, ...]:
    """The outlet's own site: its folder name when it is a domain, and its address's domain."""
    own = {document.outlet.lower().removeprefix("www.")}
    if document.url and "://" in document.url:
        own.add(domain_of(document.url))
    return tuple(sorted(site for site in own if "." in site))


def analyze(document: Document, model: str = "auto") -> ArticleAnalysis:
    lang = (document.lang or "en").lower()
    warnings = list(document.warnings)
    segmentation = segment(document, lang)
    warnings.extend(segmentation.warnings)

    title = document.title
    if title is None and segmentation.inferred_title:
        title = segmentation.inferred_title
        warnings.append("title inferred from the comment section header")
    authors, origin = choose_authors(document, segmentation, lang, _own_domains(document))
    if origin:
        warnings.append(origin)

    choice = choose_pipeline(lang, model)
    nlp = load_pipeline(choice)
    chunks = list(run_chunks(nlp, document.text))
    blocks = segmentation.blocks
    entities = extract_entities(chunks, document.text, blocks, lang)
    cited_links = [link for link in document.links if not _own_site(link.domain, document)]
    sources = extract_sources(
        document.text, lang, blocks, entities, cited_links, _own_domains(document)
    )
    quotes = extract_quotes(document.text, lang, blocks, entities, sources)
    entities = add_source_entities(entities, sources)
    entities = author_entities(entities, authors, document.text, blocks)
    analysis = ArticleAnalysis(
        id=document.id,
        source_path=document.source_path,
        outlet=document.outlet,
        title=title,
        authors=authors,
        date=document.date,
        url=document.url,
        lang=lang,
        pipeline=pipeline_info(choice, nlp),
        text=document.text,
        blocks=blocks,
        body="",
        entities=entities,
        quotes=quotes,
        sources=sources,
        links=document.links,
        stats=Stats(),
        warnings=warnings,
        comments=segmentation.comments,
        format=document.format,
    )
    return finalize(analysis)
