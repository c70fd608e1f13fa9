"""Cited sources: what the article attributes information to. News agencies, outlets and their
programmes, authorities and organisations whose statements are reported, documents, web sources
and social networks, found through the knowledge base (`resources/sources.yaml`), the cue
patterns of the language ("laut X", "sagte er dem Magazin X", "told the BBC"), common-noun
sources ("Medienberichte", "police"), document phrases ("ein internes Protokoll der Taskforce")
and named organisations next to a statement. Only the article's own text cites: share buttons,
navigation and teaser links do not, and a link counts when the sentence around it attributes
something. The patterns are compiled in `source_patterns.py`."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..model import Block, Entity, Link, Source, SourceMention
from ..text.blocks import BlockIndex
from ..urls import is_within
from . import source_patterns as sp
from .source_kb import (
    CueMatch,
    KBEntry,
    _alias_index,
    find_cues,
    knowledge_base,
    lookup_alias,
    lookup_domain,
)
from .source_patterns import NAME_PATTERN, source_nouns
from .source_posts import post_citations

__all__ = [
    "NAME_PATTERN", "CueMatch", "KBEntry", "extract_sources", "find_cues", "knowledge_base",
    "lookup_alias", "lookup_domain", "source_nouns",
]  # fmt: skip

# The blocks whose text is the article's: a name elsewhere (menus, share bars, teasers,
# comments) cites nothing.
CITING_BLOCKS = frozenset({"title", "lead", "body"})
# Types cited by being named in the article's text; the others need a statement next to them.
NAMED_TYPES = frozenset({"news_agency", "outlet", "web"})
# Where a cued mention cites even outside the article's text (a caption's "Screenshot aus
# Twitter" is furniture to the segmentation); never in comments or teaser lists.
NOT_CITING = frozenset({"comments", "related"})
_WINDOW_BEFORE = 60
_WINDOW_AFTER = 70


@dataclass
class _Article:
    """The article as the source rules see it."""

    text: str
    lang: str
    blocks: list[Block]
    index: BlockIndex
    cues: list[CueMatch]
    persons: list[tuple[int, int]]
    entities: list[Entity]
    sources: dict[str, Source] = field(default_factory=dict)
    entries: dict[str, KBEntry] = field(default_factory=dict)
    attributed: set[str] = field(default_factory=set)
    cue_starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.cue_starts = [c.start for c in self.cues]

    def block(self, offset: int) -> str:
        return self.index.kind_at(offset)

    def cue_at(self, start: int, end: int) -> str | None:
        index = bisect.bisect_right(self.cue_starts, start)
        # the closest cue: "hieß es auf dem Internetportal der Agentur X" is the portal's
        return next((c.cue for c in reversed(self.cues[:index]) if end <= c.end), None)

    def add(self, source: Source, start: int, end: int, cue: str | None = None) -> Source:
        """Record a mention; a stretch of text that already cites one source cites no other."""
        taken = any(
            m.start == start for other in self.sources.values() if other.name != source.name
            for m in other.mentions
        )  # fmt: skip
        known = self.sources.setdefault(source.name, source)
        if not taken and all((m.start, m.end) != (start, end) for m in known.mentions):
            mention = SourceMention(start, end, self.text[start:end], cue, self.block(start))
            known.mentions.append(mention)
        return known


def extract_sources(
    text: str,
    lang: str,
    blocks: list[Block],
    entities: list[Entity],
    links: list[Link],
    own_domains: tuple[str, ...] = (),
) -> list[Source]:
    """The article's cited sources, most mentioned first. `own_domains`: the outlet's own site,
    cited only with a cue ("in an interview with POLITICO Playbook")."""
    article = _Article(
        text, lang, blocks, BlockIndex(blocks), find_cues(text, lang),
        [(m.start, m.end) for e in entities if e.label == "PER" for m in e.mentions], entities,
    )  # fmt: skip
    _knowledge_base_names(article)
    _cued_names(article)
    _common_noun_sources(article)
    _documents(article)
    _speaking_organisations(article)
    _linked(article, links)
    _written_addresses(article, own_domains)
    _embedded_posts(article)
    result = [s for s in article.sources.values() if _is_cited(article, s, own_domains)]
    for source in result:
        source.mentions.sort(key=lambda m: m.start)
    result.sort(key=lambda s: (-len(s.mentions), s.name))
    return result


def _embedded_posts(article: _Article) -> None:
    """An embedded post cites its account and platform wherever the page shows it (the post's
    handle is the cue), but not among comments or teasers."""
    for cited in post_citations(article.text):
        if article.block(cited.start) in NOT_CITING:
            continue
        entry = cited.entry
        if entry is not None:
            article.entries[entry.name] = entry
        source = _from_entry(entry) if entry else Source(cited.name, "social", None, None, [])
        article.add(source, cited.start, cited.end, cited.handle)


def _knowledge_base_names(article: _Article) -> None:
    alias_pattern, by_alias = _alias_index()
    for match in alias_pattern.finditer(article.text):
        entry = by_alias[match.group(1)]
        article.entries[entry.name] = entry
        cue = article.cue_at(match.start(), match.end())
        article.add(_from_entry(entry), match.start(), match.end(), cue)


def _cued_names(article: _Article) -> None:
    """Cited names the knowledge base does not know: kept as unknown (or typed by their noun),
    unless they are people (speakers are reported with the quotations) or common nouns."""
    alias_pattern, _ = _alias_index()
    text = article.text
    orgs = [(m.start, m.end, e) for e in article.entities if e.label in ("ORG", "MISC")
            for m in e.mentions]  # fmt: skip
    for cue in article.cues:
        cited = text[cue.start : cue.end]
        if alias_pattern.search(cited):
            continue
        if any(s < cue.end and cue.start < e for s, e in article.persons):
            continue
        entity = next((e for s, end, e in orgs if cue.start <= s and end <= cue.end), None)
        kind, named = sp.source_noun(cited, article.lang)
        if kind == "document" and entity is not None:  # "a report by the Environment Agency"
            kind = sp.source_noun(entity.name, article.lang)[0]
            kind = "organisation" if kind == "unknown" else kind
        name = _cited_name(cited, entity, named, article.lang)
        if not name:
            continue
        offset = text.find(name, cue.start, cue.end)
        if offset != -1:
            article.add(Source(name, kind, None, None, []), offset, offset + len(name), cue.cue)


def _cited_name(cited: str, entity: Entity | None, named: str | None, lang: str) -> str | None:
    """The name a cited phrase gives: its entity, an acronym, the name after a source noun, a
    web address or a name of two capitalised words or more ("Entdecken Sie Algarve")."""
    if entity is not None:
        return entity.name
    acronym = sp.ACRONYM.search(cited)
    if acronym:
        return acronym.group(0)
    if named:
        return named  # "das Portal Ostnews", "der Polizei": a kind of source, named
    domain = re.search(sp.DOMAIN_NAME, cited)
    if domain:
        return domain.group(0)
    words = sp.CAPITALISED.findall(cited.strip('„“"»« '))
    if words and words[0] in sp.title_words(lang):
        return None  # "Herr Präsident": a form of address
    run = re.search(r"[A-ZÄÖÜ][\w'’-]+(?:\s+[A-ZÄÖÜ][\w'’-]+)+", cited)
    if len(words) >= 2 and run:
        return run.group(0)
    return None  # "laut Experten": a common noun, not a named source


def _common_noun_sources(article: _Article) -> None:
    """ "Medienberichte", "Polizei", "police": when the clause attributes something to them."""
    for generic in sp.generic_sources(article.lang):
        for match in generic.pattern.finditer(article.text):
            start, end = match.span()
            cue = article.cue_at(start, end)
            if article.block(start) not in CITING_BLOCKS:
                continue
            if cue or generic.type in NAMED_TYPES or _attributes(article, start, end):
                name = match.group(0) if generic.name == "*" else generic.name
                source = Source(name, generic.type, None, None, [])
                article.attributed.add(article.add(source, start, end, cue).name)


def _documents(article: _Article) -> None:
    """Documents with their owner: "ein internes Protokoll der Taskforce Corona", cited when
    the owner is a name (an entity, a known source, an acronym) or the clause attributes."""
    pattern = sp.document_pattern(article.lang)
    if pattern is None:
        return
    alias_pattern, _ = _alias_index()
    spans = [(m.start, m.end) for e in article.entities for m in e.mentions]
    for match in pattern.finditer(article.text):
        start, end = match.span("phrase")
        if article.block(start) not in CITING_BLOCKS:
            continue
        phrase = match.group("phrase")
        owner = re.split(rf"\s{sp.OWNER_LINK}\s", phrase, maxsplit=1)[-1]
        named = (
            alias_pattern.search(owner)
            or sp.ACRONYM.search(owner)
            or any(s < end and start < e for s, e in spans)
        )
        if named or _attributes(article, start, end):
            source = Source(phrase.rstrip(".,;:"), "document", None, None, [])
            article.attributed.add(article.add(source, start, start + len(source.name)).name)


def _speaking_organisations(article: _Article) -> None:
    """Named organisations and authorities whose statement the clause reports ("Die Weltbank
    prognostizierte", "Rheinmetall teilte mit"), typed by their noun, else organisations."""
    alias_pattern, _ = _alias_index()
    for entity in article.entities:
        if entity.label != "ORG" or alias_pattern.fullmatch(entity.name):
            continue
        if _common_word(article.text, entity.name):
            continue
        for mention in entity.mentions:
            start, end = mention.start, mention.end
            if article.block(start) not in CITING_BLOCKS or not _attributes(article, start, end):
                continue
            if article.text[end : end + 1] == "-" or any(
                s < end and start < e for s, e in article.persons
            ):
                continue  # "CDU-Politiker": the person speaks
            if _affiliation(article, start, end) or _after_preposition(article, start):
                continue  # "Horst Seehofer (CSU) sprach", "stay in Congress": no one cited
            kind, _named = sp.source_noun(entity.name, article.lang)
            kind = "organisation" if kind == "unknown" else kind
            source = article.add(Source(entity.name, kind, None, None, []), start, end)
            article.attributed.add(source.name)


def _affiliation(article: _Article, start: int, end: int) -> bool:
    """The mention stands in parentheses right after a person's name: "Olaf Scholz (SPD)"."""
    text = article.text
    if text[start - 1 : start] != "(" or text[end : end + 1] != ")":
        return False
    name_end = start - 1
    while name_end > 0 and text[name_end - 1] == " ":
        name_end -= 1
    return any(e == name_end for _, e in article.persons)


def _after_preposition(article: _Article, start: int) -> bool:
    """The mention follows a preposition (and an article): "stay in Congress", "mit der Union"."""
    prepositions, articles = sp.preposition_words(article.lang)
    words = [w.lower() for w in sp.WORD.findall(article.text, max(0, start - 30), start)]
    while words and words[-1] in articles:
        words.pop()
    return bool(words) and words[-1] in prepositions


def _common_word(text: str, name: str) -> bool:
    """A one-word name the article also writes in lower case ("KEIN", "Auch"): not a name."""
    if " " in name or name.islower():
        return False
    return re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", text) is not None


def _linked(article: _Article, links: list[Link]) -> None:
    """Links: their address goes to the source they point to; a link to a known source cites it
    when its anchor text stands in the article's text in a clause that attributes something."""
    for link in links:
        entry = lookup_domain(link.domain)
        if entry is None:
            continue
        source = article.sources.get(entry.name)
        if source is None:
            spot = _attributed_anchor(article, link.text)
            if spot is None:
                continue
            article.entries[entry.name] = entry
            source = article.add(_from_entry(entry), *spot)
            article.attributed.add(entry.name)
        if link.url not in source.links:
            source.links.append(link.url)


def _written_addresses(article: _Article, own_domains: tuple[str, ...]) -> None:
    """An address the article writes out in its text is a reference: the known source of its
    domain (not a social network, which needs a statement), else the domain as a web source."""
    for match in sp.WRITTEN_URL.finditer(article.text):
        start, end = match.span()
        domain = match.group(1).lower()
        if article.block(start) not in CITING_BLOCKS or any(
            is_within(domain, site) or is_within(site, domain) for site in own_domains
        ):
            continue
        entry = lookup_domain(domain)
        if entry is not None and entry.type == "social":
            continue
        if entry is None:
            if len(domain.rsplit(".", 2)[-2]) < sp.MIN_SITE_NAME:
                continue
            source = Source(domain, "web", None, None, [])
        else:
            article.entries[entry.name] = entry
            source = _from_entry(entry)
        known = article.add(source, start, end)
        article.attributed.add(known.name)
        if match.group(0) not in known.links:
            known.links.append(match.group(0))


def _attributed_anchor(article: _Article, anchor: str) -> tuple[int, int] | None:
    anchor = " ".join(anchor.split())
    if len(anchor) < 3:
        return None
    for match in re.finditer(re.escape(anchor), article.text):
        start, end = match.span()
        if article.block(start) in CITING_BLOCKS and (
            article.cue_at(start, end) or _attributes(article, start, end)
        ):
            return start, end
    return None


def _attributes(article: _Article, start: int, end: int) -> bool:
    """The clause around [start, end) holds an attribution word ("sagte", "laut", "found")."""
    text = article.text
    before = text[max(0, start - _WINDOW_BEFORE) : start]
    ends = list(sp.CLAUSE_END.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    after = text[end : end + _WINDOW_AFTER]
    stop = sp.CLAUSE_END.search(after)
    if stop:
        after = after[: stop.start()]
    clause = {w.lower() for w in sp.WORD.findall(before + " " + after)}
    if clause & sp.attribution_words(article.lang):
        return True
    return any(
        verb in clause and particle in clause for verb, particle in sp.separable_cues(article.lang)
    )


def _is_cited(article: _Article, source: Source, own_domains: tuple[str, ...]) -> bool:
    cued = [m for m in source.mentions if m.cue and m.block not in NOT_CITING]
    mentions = [
        m for m in source.mentions if m.block in CITING_BLOCKS and not _credit(article, m.start)
    ]
    entry = article.entries.get(source.name)
    own = entry is not None and any(
        is_within(known, site) or is_within(site, known)
        for known in entry.domains for site in own_domains
    )  # fmt: skip
    if cued:
        source.cited = True
    elif own or not mentions:
        source.cited = False
    elif entry is None:
        source.cited = source.name in article.attributed
    elif entry.needs_cue or entry.type == "social":
        source.cited = any(
            _attributes(article, m.start, m.end) or _marked(article.text, m) for m in mentions
        )
    elif entry.type in NAMED_TYPES:
        source.cited = True
    else:
        source.cited = source.name in article.attributed or any(
            _attributes(article, m.start, m.end) for m in mentions
        )
    return source.cited


def _marked(text: str, mention: SourceMention) -> bool:
    """A name in quote marks or in a compound: „Bild“, Bild-Zeitung."""
    before = text[max(0, mention.start - 1) : mention.start]
    return bool(sp.MARKED_NAME.match(before) or sp.MARKED_NAME.match(text[mention.end :]))


def _credit(article: _Article, start: int) -> bool:
    """The name follows a picture credit on its line ("Foto: dpa", "Photo: AFP/Getty")."""
    line = article.text[max(0, start - 60) : start].rsplit("\n", 1)[-1]
    return any(p.search(line) for p in sp.credit_patterns(article.lang))


def _from_entry(entry: KBEntry) -> Source:
    return Source(entry.name, entry.type, entry.country, entry.state_affiliated, [])
