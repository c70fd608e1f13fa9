"""Quoted words inside a sentence whose verb frames them as someone's words: „Merkel hatte die
Stellungnahmen als „sehr wichtig“ bezeichnet“, „Dearlove beschrieb die Studie als „…““,
„Seehofer sprach davon, es könne „Millionen Tote“ geben“. Neither a direct quotation (no
attribution beside the marks) nor inside reported speech, they are the subject's own words: a
partial quotation of the clause's subject."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from itertools import accumulate

from ...model import Span
from ...text.patterns import WORD
from .marks import QuoteSpan, find_direct_spans
from .patterns import MAX_EMBEDDED_WORDS, MAX_SUBJECT_DISTANCE, TEXT_BLOCKS
from .phrases import clause_subject
from .records import QuoteCandidate
from .terms import quoted_title
from .view import ArticleView


def _framing_verb(v: ArticleView, start: int, end: int, span: QuoteSpan) -> str | None:
    """The first speech or framing verb of the sentence outside the quotation marks."""
    for _, _, word in v.tokens(start, span.start - 1) + v.tokens(span.end + 1, end):
        if v.is_cue(word) or word in v.lex.framing_verbs:
            return word
    return None


def _a_name_or_term(v: ArticleView, span: QuoteSpan) -> bool:
    """„Verschlusssache“ (one capitalised noun), „Berliner Zeitung“ (a name), dem „Spiegel“ (a
    title after an article or a noun for a work)."""
    words = WORD.findall(v.text, span.start, span.end)
    if not words or len(words) > MAX_EMBEDDED_WORDS:
        return True
    if v.style.nouns_capitalised and len(words) == 1 and words[0][:1].isupper():
        return True
    named = v.entity_in(span.start, span.end)
    if named is not None and (named[0], named[1]) == (span.start, span.end):
        return True  # „Berliner Zeitung“: a name, not words someone said
    return quoted_title(v, span.start, span.end)


def _subject(v: ArticleView, start: int, end: int) -> Span | None:
    """The first person named before the marks, else the organisation named nearest to them,
    else a pronoun opening the clause: without a parse, any other noun phrase is as likely the
    object as the subject."""
    start = max(start, end - MAX_SUBJECT_DISTANCE)
    mention = v.named_in(start, end)
    if mention is not None:
        return Span(mention[0], mention[1], v.text[mention[0] : mention[1]])
    subject = clause_subject(v, start, end)
    return subject if subject is not None and subject.text in v.lex.pronouns else None


def embedded_candidates(v: ArticleView, taken: list[QuoteCandidate]) -> Iterator[QuoteCandidate]:
    """Quoted words outside every candidate found so far, in a sentence with a speech or
    framing verb and a subject before the marks."""
    covered = sorted((q.start, q.end) for q in taken)
    starts = [start for start, _ in covered]
    # the furthest any candidate starting so far reaches: one that starts later can end sooner
    # (quoted words inside reported speech), so the last to start is not enough
    reach = list(accumulate((end for _, end in covered), max))
    for span in find_direct_spans(v.text):
        index = bisect.bisect_right(starts, span.start) - 1
        if index >= 0 and reach[index] >= span.start:
            continue  # part of a quotation already found
        if v.block_kind(span.start) not in TEXT_BLOCKS or _a_name_or_term(v, span):
            continue
        s_index = v.sentence_number(span.start - 1)
        if s_index < 0:
            continue
        s_start, s_end = v.sentences()[s_index]
        if span.end > s_end:
            continue  # the marks hold a sentence of their own, not a clause's words
        cue = _framing_verb(v, s_start, s_end, span)
        subject = _subject(v, s_start, span.start - 1) if cue else None
        if subject is None:
            continue
        yield QuoteCandidate(
            span.start, span.end, "direct", "partial", cue, subject, attributed=True, weight=0.7
        )
