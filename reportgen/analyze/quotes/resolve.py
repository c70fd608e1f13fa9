"""Deciding who said each quotation, once, with the whole article in view.

The finders hand over candidates with the speaker as written (or none); this module turns each
into a :class:`~reportgen.model.Quote`: names resolve to the article's entity (a surname or a
title plus surname to the full name, a role to the person in apposition), agencies and outlets to
the sources knowledge base, a bare source noun ("die Agentur") to the source of that kind named
before it, a pronoun to the one person named just before it. A candidate that continues an
earlier one takes that one's decision.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ...model import Entity, Quote, Source, Span
from ...text.patterns import SENTENCE_END, WORD
from ..sources import lookup_alias, source_nouns
from .patterns import COMMA_AFTER, COMMA_BEFORE, COMMA_GAP
from .records import Inherit, QuoteCandidate
from .view import ArticleView, EntityMention


@dataclass(frozen=True)
class Speaker:
    name: str | None
    certainty: float
    entity_id: str | None


_NOBODY = Speaker(None, 1.0, None)


def _apposed_person(v: ArticleView, mention: Span) -> EntityMention | None:
    """"der Leiter der Delegation, Herbert Krall," / "Herbert Krall, der Leiter …,"."""
    after = COMMA_AFTER.match(v.text[mention.end : mention.end + 3])
    if after:
        person = v.entity_in(mention.end, mention.end + after.end() + 60, "PER")
        if person is not None and person[0] == mention.end + after.end():
            return person
    if COMMA_BEFORE.search(v.text[max(0, mention.start - 3) : mention.start]):
        index = bisect.bisect_left(v.mention_starts, mention.start)
        for candidate in reversed(v.mentions[max(0, index - 3) : index]):
            gap = v.text[candidate[1] : mention.start]
            if candidate[2].label == "PER" and COMMA_GAP.fullmatch(gap):
                return candidate
    return None


def _antecedent(v: ArticleView, mention: Span) -> Entity | None:
    """The person a pronoun stands for, when it is safe: a singular personal pronoun and one
    person (however often) named in the stretch of text before it."""
    if mention.text not in v.lex.person_pronouns:
        return None  # "they", "we", "I": not one person of the article
    window = v.style.pronoun_window
    index = bisect.bisect_left(v.mention_starts, mention.start)
    candidates = {
        m[2].name: m[2]
        for m in v.mentions[:index]
        if m[2].label == "PER" and m[1] >= mention.start - window
    }
    return next(iter(candidates.values())) if len(candidates) == 1 else None


def without_title(v: ArticleView, name: str) -> str:
    """"Transport minister Mark Harbers" -> "Mark Harbers": a full name after a title or
    role is the speaker; a surname alone keeps its title ("Präsident Macron")."""
    words = name.split()
    titles = {title.lower() for title in v.lex.titles}
    cut = 0
    for index, word in enumerate(words[:-1]):
        if word.lower() in titles:
            cut = index + 1
    rest = words[cut:]
    if cut and len(rest) >= 2 and all(word[:1].isupper() for word in rest):
        return " ".join(rest)
    # "union organiser Femke Dijkstra": a full name after a lowercase role description;
    # not a genitive or prepositional tail ("Sprecher der Stadt Köln").
    tail = len(words)
    while tail > 0 and words[tail - 1][:1].isupper():
        tail -= 1
    before = words[tail - 1].lower() if tail > 0 else ""
    linking = v.lex.determiners | v.lex.genitive_articles | v.lex.linking_words
    if tail > 0 and len(words) - tail >= 2 and before not in linking:
        return " ".join(words[tail:])
    return name


def _source_kind(v: ArticleView, noun: str) -> str | None:
    """The source type a bare noun names ("Agentur" -> news_agency), from source_nouns.txt."""
    if " " in noun.strip():
        return None
    lowered = noun.strip().lower()
    kinds = (kind for word, kind in source_nouns(v.lex.lang) if lowered == word.lower())
    return next(kinds, None)


def _entity_id(v: ArticleView, name: str) -> str | None:
    named = next((e for e in v.entities if e.name == name), None)
    return (named.id or None) if named else None


def _known_source(v: ArticleView, mention: Span) -> Speaker | None:
    """An agency or outlet of the knowledge base, unless a person is named in the mention."""
    entry = lookup_alias(mention.text)
    if entry is None or v.entity_in(mention.start, mention.end, "PER") is not None:
        return None
    names = (entry.name, *entry.aliases)
    named = next((e for e in v.entities if e.name in names and e.id), None)
    org = v.entity_in(mention.start, mention.end)
    entity_id = named.id if named else (org[2].id or None) if org else None
    return Speaker(entry.name, 1.0, entity_id)


def _named(v: ArticleView, mention: Span) -> Speaker | None:
    """A person or organisation of the article's entities named in or next to the mention."""
    found = v.entity_in(mention.start, mention.end, "PER") or _apposed_person(v, mention)
    found = found or v.entity_in(mention.start, mention.end)
    if found:
        return Speaker(found[2].name, 1.0, found[2].id or None)
    # A surname alone or with a title ("Präsident Lukaschenko"): a person of the article.
    words = [w for w in WORD.findall(mention.text) if w[:1].isupper()]
    for person in v.persons:
        if person.name.split()[-1] in words:
            return Speaker(person.name, 0.9, person.id or None)
    return None


def _bare_name(v: ArticleView, mention: Span) -> str:
    """The mention without a title, a statement noun ("nach Angaben der Delegation": the
    delegation speaks) and a leading article."""
    name = without_title(v, mention.text)
    words = name.split()
    links = v.lex.genitive_articles | v.lex.genitive_prepositions
    if len(words) > 2 and words[0].lower() in v.lex.statement_nouns and words[1].lower() in links:
        name = " ".join(words[2:])
    first, _, rest = name.partition(" ")
    if rest and first.lower() in v.lex.determiners:
        name = rest
    return name


def resolve_mention(v: ArticleView, mention: Span | None) -> Speaker:
    """The canonical speaker for a mention as written, how sure that is, and the entity id."""
    if mention is None:
        return _NOBODY
    if mention.text in v.lex.pronouns:
        person = _antecedent(v, mention)
        if person is None:
            return Speaker(mention.text, 0.3, None)
        return Speaker(person.name, 0.6, person.id or None)
    known = _known_source(v, mention) or _named(v, mention)
    if known is not None:
        return known
    name = _bare_name(v, mention)
    kind = _source_kind(v, name)
    if kind is not None:
        # "die Agentur", "the ministry": the source of that kind named just before.
        earlier = [src for start, src in v.source_mentions if start < mention.start]
        for source in reversed(earlier):
            if source.type == kind and source.type != "unknown":
                return Speaker(source.name, 0.6, _entity_id(v, source.name))
    return Speaker(name, 0.7, None)


@dataclass(frozen=True)
class _Decision:
    speaker: Speaker
    confidence: float
    low_confidence: bool
    cue: str | None
    mention: Span | None


def _decide(
    v: ArticleView, candidate: QuoteCandidate, decided: dict[int, _Decision]
) -> _Decision:
    key = id(candidate)
    if key in decided:
        return decided[key]
    own = resolve_mention(v, candidate.mention)
    certainty = own.certainty if candidate.attributed else 0.5
    decision = _Decision(
        own,
        round(certainty * candidate.weight, 2),
        candidate.mention is not None and certainty < 0.5,
        candidate.cue,
        candidate.mention,
    )
    parent = candidate.parent
    if parent is not None and candidate.inherit is not Inherit.NONE:
        earlier = _decide(v, parent, decided)
        confidence = decision.confidence
        if candidate.inherit is Inherit.CONTINUED_QUOTE:
            confidence = round(earlier.confidence * 0.8, 2)
        decision = _Decision(
            earlier.speaker, confidence, earlier.low_confidence, decision.cue, decision.mention
        )
    decided[key] = decision
    return decision


def resolve_speakers(
    candidates: list[QuoteCandidate], v: ArticleView, sources: list[Source]
) -> list[Quote]:
    """One quotation per candidate, its speaker decided with the whole article in view."""
    decided: dict[int, _Decision] = {}
    quotes = []
    for candidate in candidates:
        decision = _decide(v, candidate, decided)
        block = v.block_kind(candidate.start)
        quote = Quote(
            text=v.text[candidate.start : candidate.end],
            start=candidate.start,
            end=candidate.end,
            kind=candidate.kind,
            speaker=decision.speaker.name,
            speaker_mention=decision.mention,
            cue=decision.cue,
            source=None,
            in_comments=block == "comments",
            block=block,
            confidence=decision.confidence,
            speaker_id=decision.speaker.entity_id,
            speaker_low_confidence=decision.low_confidence,
        )
        if candidate.segments:
            quote.segments = [list(segment) for segment in candidate.segments]
        quote.source = source_for(v.text, quote, sources)
        quotes.append(quote)
    quotes.sort(key=lambda q: (q.start, q.end))
    return quotes


def source_for(text: str, quote: Quote, sources: list[Source]) -> str | None:
    """The cited source the quotation is attributed to: a source named as the speaker, or named
    with a cue in the quotation's own sentence (or just after it)."""
    mention = quote.speaker_mention
    if mention is not None:
        for source in sources:
            for m in source.mentions:
                if m.start < mention.end and mention.start < m.end:
                    return source.name
    sentence_end = SENTENCE_END.search(text, quote.end + 1)
    stop = sentence_end.end() if sentence_end else len(text)
    stop = min(stop, quote.end + 300)
    begin = max(0, quote.start - 200)
    for source in sources:
        for m in source.mentions:
            if m.cue and begin <= m.start < stop:
                return source.name
    return None
