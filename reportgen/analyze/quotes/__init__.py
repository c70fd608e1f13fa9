"""Quotations and who said them.

Finding and deciding are separate passes. The finders yield :class:`QuoteCandidate` records
(span, kind, cue, the speaker as written): direct quotations by paired marks (:mod:`.direct`),
speaker-label lines (:mod:`.labels`), embedded social-media posts (:mod:`.posts`), reported
speech sentence by sentence (:mod:`.reported`, with :mod:`.clauses`, :mod:`.verbal` and
:mod:`.stances` for one sentence), the clause after a claim noun (:mod:`.claims`) and quoted
words inside reported speech (partial quotations; :mod:`.embedded` for
those a clause's verb frames). :func:`resolve_speakers` (:mod:`.resolve`) then decides every
speaker once, with the article's entities, its cited sources and the earlier quotations in
view.

Every word list and switch comes from the language profile (:mod:`reportgen.lang`); the code is
the same for every language.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Block, Entity, Quote, Source
from ...text.patterns import WORD
from .claims import claim_candidates
from .direct import direct_candidates
from .embedded import embedded_candidates
from .interview import interview_candidates
from .labels import labelled_candidates
from .listed import listed_candidates
from .marks import find_direct_spans, spans_in_prefix
from .posts import post_candidates
from .records import Inherit, QuoteCandidate
from .reported import reported_candidates
from .resolve import resolve_speakers, source_for
from .terms import names_only
from .view import ArticleView, article_view

__all__ = [
    "QuoteCandidate",
    "extract_quotes",
    "find_candidates",
    "find_direct_spans",
    "resolve_speakers",
    "source_for",
]


def _with_labels(
    direct: list[QuoteCandidate], labelled: list[QuoteCandidate]
) -> list[QuoteCandidate]:
    """A transcript ("PENCE: …" paragraphs) is a series of quotations, not one long one."""
    if not labelled:
        return direct
    kept = [q for q in direct if sum(q.start <= x.start < q.end for x in labelled) < 2]
    kept += [x for x in labelled if not any(q.start <= x.start < q.end for q in kept)]
    return sorted(kept, key=lambda q: q.start)


def _with_posts(direct: list[QuoteCandidate], posts: list[QuoteCandidate]) -> list[QuoteCandidate]:
    """An embedded post is one quotation of its account; quote marks inside it are its own."""
    if not posts:
        return direct
    kept = [q for q in direct if not any(p.start <= q.start < p.end for p in posts)]
    return sorted([*kept, *posts], key=lambda q: q.start)


def _with_claims(
    reported: list[QuoteCandidate], claims: list[QuoteCandidate]
) -> list[QuoteCandidate]:
    """A claim's clause says whose words the Konjunktiv in it reports; the lone-Konjunktiv
    reading of its whole sentence guessed that from the sentences before."""
    if not claims:
        return reported
    kept = [
        q for q in reported
        if not (q.finder == "konjunktiv" and any(q.start <= c.start < q.end for c in claims))
    ]  # fmt: skip
    return [*kept, *claims]


def _a_term(v: ArticleView, start: int, end: int) -> bool:
    """A quoted word („verwässert“, „Verschlusssache“) or a short run of names and numbers
    („Taskforce Corona“, „100.000 Toten“) inside reported speech is a term the text holds at a
    distance, not a quotation of its own: a reader lists the statement around it."""
    words = WORD.findall(v.text, start, end)
    return len(words) == 1 or names_only(words)


def partial_candidates(
    v: ArticleView, reported: list[QuoteCandidate], direct: list[QuoteCandidate]
) -> Iterator[QuoteCandidate]:
    """Short quoted words inside reported speech are the speaker's own words (a partial
    quotation: „volle Verantwortung“); elsewhere they are terms or titles and left out."""
    taken = {(q.start, q.end) for q in direct}
    whole = find_direct_spans(v.text)
    starts = [span.start for span in whole]
    for quote in reported:
        for span in spans_in_prefix(v.text, quote.start, quote.end, whole, starts):
            if span.start < quote.start or (span.start, span.end) in taken:
                continue
            if _a_term(v, span.start, span.end):
                continue
            taken.add((span.start, span.end))
            yield QuoteCandidate(
                span.start, span.end, "direct", "partial", quote.cue, quote.mention,
                attributed=True, weight=0.8, inherit=Inherit.PARTIAL, parent=quote,
            )  # fmt: skip


def find_candidates(v: ArticleView) -> list[QuoteCandidate]:
    """Every quotation candidate of the article, in the order the finders met them."""
    direct = _with_labels(list(direct_candidates(v)), list(labelled_candidates(v)))
    direct = _with_posts(direct, list(post_candidates(v)))
    direct = sorted([*direct, *interview_candidates(v, direct)], key=lambda q: q.start)
    reported = reported_candidates(v, direct)
    reported += listed_candidates(v, direct + reported)
    reported = _with_claims(reported, list(claim_candidates(v, direct, reported)))
    candidates = direct + reported
    if v.style.partial_quotes:
        candidates.extend(partial_candidates(v, reported, direct))
        candidates.extend(embedded_candidates(v, candidates))
    return candidates


def extract_quotes(
    text: str, lang: str, blocks: list[Block], entities: list[Entity], sources: list[Source]
) -> list[Quote]:
    v = article_view(text, lang, blocks, entities, sources)
    return resolve_speakers(find_candidates(v), v, sources)
