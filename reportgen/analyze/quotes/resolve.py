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
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from ...model import Quote, Source, Span
from ...text.patterns import SENTENCE_END, WORD
from .context import (
    SUBJECT_BEFORE,
    Decided,
    antecedent,
    earlier_speaker,
    interviewee,
    sentence_attribution,
)
from .mentions import (
    apposed_to_person,
    clean_mention,
    described_org,
    described_person,
    is_group,
    own_subject,
    publishing_org,
    role_person,
)
from .names import bare_name, entity_id, known_source, named, source_kind, without_title
from .patterns import MIN_UNATTRIBUTED_WORDS
from .records import Inherit, QuoteCandidate, Speaker
from .reporters import unnamed_reporter
from .view import ArticleView

__all__ = ["resolve_mention", "resolve_speakers", "source_for", "without_title"]

_NOBODY = Speaker(None, 1.0, None)
# Teasers of other articles: their quotations are those articles', not this page's.
_NOT_THE_ARTICLES = frozenset({"related"})


def _pronoun(v: ArticleView, mention: Span, history: Sequence[Decided]) -> Speaker:
    person, why = antecedent(v, mention, history)
    if person is None:
        # An unresolved pronoun names nobody: no speaker, the mention kept as written.
        return Speaker(None, 0.3, None, f"pronoun „{mention.text}“ not resolved")
    reason = f"pronoun „{mention.text}“ → {person.name} ({why})"
    certainty = 0.45 if why == SUBJECT_BEFORE else 0.6  # a guess: flagged as uncertain
    return Speaker(person.name, certainty, person.id or None, reason, named=True)


def _apposed(v: ArticleView, mention: Span) -> Speaker | None:
    """The person whose name the mention is apposed to ("Fauci, Direktor des NIAID, …")."""
    person = apposed_to_person(v, mention)
    if person is None:
        return None
    name = person[2].name
    return Speaker(name, 0.8, person[2].id or None, f"„{mention.text}“ → {name} (apposed)", True)


def _role_or_group(v: ArticleView, mention: Span) -> Speaker | None:
    """A role the article gives a named person, or the people behind a named study."""
    person = role_person(v, mention)
    if person is not None:
        name = person[2].name
        return Speaker(name, 0.8, person[2].id or None, f"role „{mention.text}“ → {name}", True)
    person = described_person(v, mention)
    if person is not None:
        name = person[2].name
        reason = f"„{mention.text}“ → {name} (the person named before)"
        return Speaker(name, 0.6, person[2].id or None, reason, True)
    if is_group(v, mention):
        org = publishing_org(v, mention.start)
        if org is not None:
            name = org[2].name
            reason = f"„{mention.text}“ of {name}"
            return Speaker(name, 0.7, org[2].id or None, reason, named=True)
    return None


def _named_mention(v: ArticleView, mention: Span) -> Speaker:
    known = (
        _apposed(v, mention)
        or known_source(v, mention)
        or named(v, mention)
        or _role_or_group(v, mention)
    )
    if known is not None:
        return known
    name = bare_name(v, mention)
    kind = source_kind(v, name)
    if kind is not None:
        # "die Agentur", "the ministry": the source of that kind named just before.
        for _start, source in reversed(v.sources_before(mention.start)):
            if source.type == kind and source.type != "unknown":
                reason = f"„{mention.text}“ → {source.name} (named before)"
                return Speaker(source.name, 0.6, entity_id(v, source.name), reason, named=True)
    org = described_org(v, mention)
    if org is not None:
        reason = f"„{mention.text}“ → {org[2].name} (the organisation named before)"
        return Speaker(org[2].name, 0.6, org[2].id or None, reason, named=True)
    return Speaker(name, 0.7, None)


def resolve_mention(
    v: ArticleView, mention: Span | None, history: Sequence[Decided] = ()
) -> Speaker:
    """The canonical speaker for a mention as written, how sure that is, and the entity id."""
    if mention is None:
        return _NOBODY
    if mention.text in v.lex.pronouns:
        return _pronoun(v, mention, history)
    return _named_mention(v, mention)


def from_context(
    v: ArticleView,
    start: int,
    history: Sequence[Decided],
    quotes: Sequence[tuple[int, int]],
    pronoun: str = "",
) -> Speaker | None:
    """The speaker the context gives a quotation without a usable attribution of its own
    (or with a pronoun that stands for nobody named near it)."""
    attribution = sentence_attribution(v, start, quotes)
    if attribution is not None:
        mention, why = attribution
        cleaned = clean_mention(v, mention)
        found = resolve_mention(v, cleaned, history) if cleaned is not None else None
        if found is not None and found.name is not None:
            reason = f"{why}: {found.reason}" if found.reason else why
            return Speaker(found.name, 0.5, found.entity_id, reason, found.named)
    earlier = earlier_speaker(v, start, history, pronoun)
    if earlier is not None:
        return Speaker(earlier.name, 0.4, earlier.entity_id, "from the quotation before", True)
    return None


@dataclass(frozen=True)
class _Decision:
    speaker: Speaker
    confidence: float
    low_confidence: bool
    cue: str | None
    mention: Span | None


@dataclass
class _Resolver:
    """One pass over an article's candidates in text order, each decided once."""

    v: ArticleView
    quotes: list[tuple[int, int]]
    decided: dict[int, _Decision]
    history: list[Decided]
    # The person an interview asks, decided at its first answer.
    interviewees: dict[int, Speaker | None] = field(default_factory=dict)

    def own(self, candidate: QuoteCandidate) -> tuple[Speaker, Span | None]:
        """The speaker of the candidate's own attribution, the context's where it has none."""
        mention = candidate.mention
        if candidate.finder == "interview":
            asked = self.interviewees.get(0) or interviewee(self.v, candidate.start)
            self.interviewees[0] = asked
            return asked or _NOBODY, None
        cleaned = clean_mention(self.v, mention) if mention is not None else None
        if mention is not None and any(w in self.v.lex.own_words for w in mention.text.split()):
            return self._own_words(mention)
        if mention is not None and cleaned is None:
            published = unnamed_reporter(self.v, mention, self.history)
            if published is not None:
                return published, mention
        speaker = resolve_mention(self.v, cleaned, self.history) if cleaned else _NOBODY
        if speaker.name is None and not (mention is None and candidate.attributed):
            pronoun = mention.text if mention is not None else ""
            context = from_context(self.v, candidate.start, self.history, self.quotes, pronoun)
            if context is not None:
                if mention is not None:
                    gone = f"„{mention.text}“ is no speaker; " if cleaned is None else ""
                    reason = f"{gone}{speaker.reason or ''}{'; ' if speaker.reason else ''}"
                    speaker = Speaker(
                        context.name, context.certainty, context.entity_id,
                        f"{reason}{context.reason}", context.named,
                    )  # fmt: skip
                else:
                    speaker = context
        if speaker.name is None and cleaned is None and mention is not None:
            speaker = Speaker(None, 0.5, None, f"„{mention.text}“ is no speaker")
        return speaker, cleaned if cleaned is not None else mention

    def _own_words(self, mention: Span) -> tuple[Speaker, Span]:
        """"nach eigenen Angaben": the sentence subject's words, or nobody named."""
        owner = own_subject(self.v, mention)
        found = resolve_mention(self.v, owner, self.history) if owner is not None else _NOBODY
        if found.name is None:
            return Speaker(None, 0.5, None, f"„{mention.text}“ names nobody"), mention
        reason = f"„{mention.text}“: the words of {found.name}"
        return Speaker(found.name, 0.6, found.entity_id, reason, found.named), mention

    def decide(self, candidate: QuoteCandidate) -> _Decision:
        key = id(candidate)
        if key in self.decided:
            return self.decided[key]
        parent = candidate.parent
        if parent is not None and candidate.inherit is not Inherit.NONE:
            decision = self._inherited(candidate, parent)
        else:
            speaker, mention = self.own(candidate)
            certainty = speaker.certainty if candidate.attributed else min(speaker.certainty, 0.5)
            guessed = mention is not None and certainty < 0.5
            decision = _Decision(
                speaker, round(certainty * candidate.weight, 2),
                guessed or (speaker.name is not None and speaker.certainty < 0.5),
                candidate.cue, mention,
            )  # fmt: skip
        self.decided[key] = decision
        return decision

    def _inherited(self, candidate: QuoteCandidate, parent: QuoteCandidate) -> _Decision:
        earlier = self.decide(parent)
        confidence = round(0.6 * candidate.weight if candidate.attributed else 0.5, 2)
        if candidate.inherit is Inherit.CONTINUED_QUOTE:
            confidence = round(earlier.confidence * 0.8, 2)
        inherited = earlier.speaker
        if inherited.name is not None:
            why = candidate.inherit.value
            reason = f"{why}: {inherited.reason}" if inherited.reason else why
            inherited = Speaker(
                inherited.name, inherited.certainty, inherited.entity_id, reason, inherited.named
            )
        return _Decision(
            inherited, confidence, earlier.low_confidence, candidate.cue, candidate.mention
        )


def _quote(v: ArticleView, candidate: QuoteCandidate, decision: _Decision) -> Quote:
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
        speaker_reason=decision.speaker.reason,
    )
    if candidate.segments:
        quote.segments = [list(segment) for segment in candidate.segments]
    return quote


def _author_speaks(v: ArticleView, candidate: QuoteCandidate) -> bool:
    """Reported speech whose speaker is "ich" or "wir" outside any quotation is the author's
    own text, not a quotation of anyone."""
    mention = candidate.mention
    if candidate.kind != "indirect" or mention is None or not mention.text.strip():
        return False
    return mention.text.split(maxsplit=1)[0].lower() in v.lex.first_person


def _concluded(v: ArticleView, candidate: QuoteCandidate) -> bool:
    """"Die Tage werden kürzer. Demnach wird es früher dunkel.": with no one before it whose
    words it could report, "demnach" is the author's own conclusion."""
    mention = candidate.mention
    return mention is not None and mention.text.lower() in v.lex.report_adverbs


def resolve_speakers(
    candidates: list[QuoteCandidate], v: ArticleView, sources: list[Source]
) -> list[Quote]:
    """One quotation per candidate, its speaker decided with the whole article in view: in text
    order, each looking back on the decisions before it."""
    ordered = sorted(candidates, key=lambda c: (c.start, c.end))
    direct = [(c.start, c.end) for c in ordered if c.kind == "direct"]
    resolver = _Resolver(v, direct, {}, [])
    quotes = []
    for candidate in ordered:
        if _author_speaks(v, candidate) or v.block_kind(candidate.start) in _NOT_THE_ARTICLES:
            continue
        decision = resolver.decide(candidate)
        if decision.speaker.name is None and _concluded(v, candidate):
            continue
        resolver.history.append(Decided(candidate.start, candidate.end, decision.speaker))
        quote = _quote(v, candidate, decision)
        quote.source = source_for(v.text, quote, sources)
        quotes.append(quote)
    _inside_reports(quotes)
    _repeated_words(quotes)
    return quotes


def _inside_reports(quotes: list[Quote]) -> None:
    """A quotation whose own attribution named nobody, inside reported speech with a speaker
    ("… but “sickness, …” are all thought to contribute, according to the Department"), is that
    speaker's words."""
    reports = sorted(
        (q for q in quotes if q.kind == "indirect" and q.speaker is not None),
        key=lambda q: q.start,
    )
    if not reports:
        return
    starts = [r.start for r in reports]
    # the report reaching furthest among those starting so far: it holds any quotation that
    # one of them holds
    furthest = list(accumulate(reports, lambda a, b: b if b.end > a.end else a))
    for quote in quotes:
        if quote.speaker is not None or quote.kind != "direct":
            continue
        index = bisect.bisect_right(starts, quote.start) - 1
        if index < 0 or furthest[index].end < quote.end:
            continue
        around = furthest[index]
        quote.speaker, quote.speaker_id = around.speaker, around.speaker_id
        quote.speaker_reason = f"inside the reported speech of {around.speaker}"
        quote.speaker_low_confidence = around.speaker_low_confidence
        quote.confidence = round(around.confidence * 0.8, 2)


def _normalized(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def _repeated_words(quotes: list[Quote]) -> None:
    """A quotation with nobody named whose words the article quotes again, with a speaker,
    elsewhere (a pull quote above the text, a teaser repeated in the body) is that speaker's."""
    named_quotes = [q for q in quotes if q.speaker is not None]
    if not named_quotes or len(named_quotes) == len(quotes):
        return
    # One string of every named quotation's words, one scan of it per quotation without a
    # speaker (not a comparison of every pair of quotations).
    texts = [f" {_normalized(q.text)} " for q in named_quotes]
    starts = list(accumulate((len(t) for t in texts[:-1]), initial=0))
    joined = "".join(texts)
    for quote in quotes:
        if quote.speaker is not None or quote.speaker_mention is not None:
            continue
        words = _normalized(quote.text)
        found = joined.find(f" {words} ") if len(words.split()) >= MIN_UNATTRIBUTED_WORDS else -1
        if found < 0:
            continue
        other = named_quotes[bisect.bisect_right(starts, found) - 1]
        quote.speaker, quote.speaker_id = other.speaker, other.speaker_id
        quote.speaker_reason = f"the same words quoted again: {other.speaker_reason or 'named'}"
        quote.speaker_low_confidence = other.speaker_low_confidence
        quote.confidence = round(other.confidence * 0.8, 2)


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
