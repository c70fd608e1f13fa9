"""Reported speech as the clause after a claim noun: "Den Vorwurf, er übe sein Amt im Sinne
Trumps aus, …", "Erdogans Ankündigung, niemanden mehr zurückhalten zu wollen". No speech verb
carries these words, but a reader notes the claim, and whose it is when the owner stands before
the noun; with nobody named the resolver leaves the speaker open."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ...model import Span
from ...text.patterns import WORD
from ...text.tokens import Token
from .mood import has_konjunktiv
from .patterns import MIN_CLAIM_WORDS
from .records import QuoteCandidate
from .view import ArticleView

_CLAUSE_ENDS = (",", ";", ".", "!", "?", ":")


def _reads_as_claim(v: ArticleView, start: int, end: int) -> bool:
    """The clause is what was claimed: Konjunktiv, "dass" first, or an infinitive with "zu"."""
    words = WORD.findall(v.text, start, end)
    if len(words) < MIN_CLAIM_WORDS:
        return False
    return (
        words[0].lower() in v.lex.complementizers
        or words[-2].lower() == "zu"
        or has_konjunktiv(v, start, end)
    )


def _owner(v: ArticleView, toks: list[Token], index: int) -> Span | None:
    """The person or organisation named right before the noun ("Erdogans Ankündigung")."""
    if index == 0:
        return None
    start, end, _word = toks[index - 1]
    found = v.entity_in(start, end)
    return Span(start, end, v.text[start:end]) if found is not None else None


def _clause_end(toks: list[Token], first: int) -> int | None:
    for token in toks[first:]:
        if token[2] in _CLAUSE_ENDS:
            return token[0]
    return None


def claim_candidates(
    v: ArticleView, direct: Sequence[QuoteCandidate], reported: Sequence[QuoteCandidate]
) -> Iterator[QuoteCandidate]:
    """The clause after each claim noun, where no other finder has read those words (a lone
    Konjunktiv sentence around it aside: the claim says more about whose words they are)."""
    taken = [*direct, *(q for q in reported if q.finder != "konjunktiv")]
    nouns = v.lex.claim_nouns
    if not nouns:
        return
    for s_start, s_end in v.sentences():
        toks = v.tokens(s_start, s_end)
        for index, (_start, _end, word) in enumerate(toks[:-2]):
            if word.lower() not in nouns or toks[index + 1][2] != ",":
                continue
            c_start = toks[index + 1][1]
            c_end = _clause_end(toks, index + 2)
            if c_end is None or not _reads_as_claim(v, c_start, c_end):
                continue
            c_start, c_end = v.trim(c_start, c_end)
            if any(q.start < c_end and c_start < q.end for q in taken):
                continue
            yield QuoteCandidate(
                c_start, c_end, "indirect", "claim", None, _owner(v, toks, index),
                attributed=True, weight=0.5,
            )  # fmt: skip
