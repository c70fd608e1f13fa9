"""Who speaks where the words name no one: "heißt es in dem Papier" (the organisation that
published it), "den Angaben zufolge" (the source cited before), "demnach" (whoever spoke or was
cited in the sentence before). Each gives a speaker or None; the resolver asks them in turn."""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Source, Span
from .context import Decided
from .mentions import definite_document, definite_utterance, publishing_org
from .names import entity_id
from .patterns import UTTERANCE_REACH
from .records import Speaker
from .view import ArticleView

# Source types that carry what others say and say nothing themselves.
CARRIERS = frozenset({"social"})


def unnamed_reporter(
    v: ArticleView, mention: Span, history: Sequence[Decided]
) -> Speaker | None:
    """The speaker behind a mention that is no name itself, if the context gives one."""
    return publisher(v, mention) or reported_before(v, mention) or adverb_antecedent(
        v, mention, history
    )


def publisher(v: ArticleView, mention: Span) -> Speaker | None:
    """"heißt es in dem Papier": the organisation whose paper the article reports."""
    if not definite_document(v, mention):
        return None
    org = publishing_org(v, mention.start)
    if org is None:
        return None
    reason = f"„{mention.text}“ of {org[2].name}"
    return Speaker(org[2].name, 0.6, org[2].id or None, reason, named=True)


def reported_before(v: ArticleView, mention: Span) -> Speaker | None:
    """"Im Bericht von CCTV … Die Zahl sei den Angaben zufolge gesunken": the words of the
    source cited last before, close by."""
    if not definite_utterance(v, mention):
        return None
    return _cited_before(v, mention, _speaking_sources_before(v, mention.start))


def _speaking_sources_before(v: ArticleView, offset: int) -> list[tuple[int, Source]]:
    """The cited sources' mentions before `offset` but the platforms': Twitter carries words,
    it says none."""
    return [(start, s) for start, s in v.sources_before(offset) if s.type not in CARRIERS]


def _cited_before(
    v: ArticleView, mention: Span, earlier: list[tuple[int, Source]]
) -> Speaker | None:
    """The source of `earlier` cited last, if close enough before the mention."""
    if not earlier or mention.start - earlier[-1][0] > UTTERANCE_REACH:
        return None
    source = earlier[-1][1]
    reason = f"„{mention.text}“ → {source.name} (cited before)"
    return Speaker(source.name, 0.5, entity_id(v, source.name), reason, named=True)


def adverb_antecedent(
    v: ArticleView, mention: Span, history: Sequence[Decided]
) -> Speaker | None:
    """"Demnach sollen die Schulen öffnen": the words of whoever spoke in the sentence before
    (the last quotation ending there), else of the source cited or the organisation named
    there, else of the source cited last, close by."""
    if mention.text.lower() not in v.lex.report_adverbs:
        return None
    number = v.sentence_number(mention.start)
    since = v.sentences()[max(0, number - 1)][0] if number >= 0 else 0
    spoken = [d for d in history if since <= d.end <= mention.start and d.speaker.name]
    if spoken:
        said = max(spoken, key=lambda d: d.end).speaker
        reason = f"„{mention.text}“ → {said.name} (the speaker before)"
        return Speaker(said.name, 0.5, said.entity_id, reason, said.named)
    earlier = _speaking_sources_before(v, mention.start)
    orgs = [m for m in v.mentions_in(since, mention.start) if m[2].label == "ORG"]
    if orgs and not (earlier and earlier[-1][0] >= since):
        org = orgs[-1][2]
        reason = f"„{mention.text}“ → {org.name} (named before)"
        return Speaker(org.name, 0.5, org.id or None, reason, named=True)
    return _cited_before(v, mention, earlier)
