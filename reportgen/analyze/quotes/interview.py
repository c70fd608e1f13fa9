"""Interviews printed as questions and answers without speaker labels: a paragraph that asks
the interviewee ("Frau Silberhorn, … Welche Reaktionen haben Sie erhalten?") and the paragraphs
that answer it. The answers are the interviewee's own words; who that is, the resolver decides."""

from __future__ import annotations

from collections.abc import Iterator

from ...text.paragraphs import Paragraph, split_paragraphs
from ...text.patterns import WORD
from .patterns import (
    MAX_ANSWER_PARAGRAPHS,
    MAX_QUESTION_CHARS,
    MIN_INTERVIEW_QUESTIONS,
    TEXT_BLOCKS,
)
from .records import QuoteCandidate
from .view import ArticleView


def _is_question(v: ArticleView, paragraph: Paragraph) -> bool:
    """A short paragraph ending with a question mark that speaks to someone ("Sie", "you")."""
    text = paragraph.text.rstrip(" \"“”»«")
    if not text.endswith("?") or len(text) > MAX_QUESTION_CHARS:
        return False
    return any(w in v.lex.second_person for w in WORD.findall(text))


def _announced(v: ArticleView, before: int) -> bool:
    """The title or the text before the first question says that an interview follows."""
    words = {w.lower() for w in WORD.findall(v.text, 0, before)}
    return any(w.lower() in words for w in v.lex.interview_words)


def _exchanges(v: ArticleView) -> list[tuple[Paragraph, list[Paragraph]]]:
    """Each question with the paragraphs that answer it, up to the next question."""
    paragraphs = [
        p for p in split_paragraphs(v.text) if v.block_kind(p.start) in TEXT_BLOCKS
    ]
    exchanges: list[tuple[Paragraph, list[Paragraph]]] = []
    open_answer = False
    for paragraph in paragraphs:
        if _is_question(v, paragraph):
            exchanges.append((paragraph, []))
            open_answer = True
        elif not WORD.search(paragraph.text):
            open_answer = False  # "+++", "***": the interview is over
        elif open_answer and len(exchanges[-1][1]) < MAX_ANSWER_PARAGRAPHS:
            exchanges[-1][1].append(paragraph)
    return [(q, answers) for q, answers in exchanges if answers]


def interview_candidates(
    v: ArticleView, taken: list[QuoteCandidate]
) -> Iterator[QuoteCandidate]:
    """Every answer of an announced interview with enough questions, its paragraphs as one
    direct quotation of the person interviewed (``finder="interview"``, no mention: the resolver
    names the interviewee). An answer with a quotation of its own is left to that one."""
    if not v.lex.second_person or not v.lex.interview_words:
        return
    exchanges = _exchanges(v)
    if len(exchanges) < MIN_INTERVIEW_QUESTIONS or not _announced(v, exchanges[0][0].start):
        return
    for _question, answers in exchanges:
        if any(q.start < answers[-1].end and answers[0].start < q.end for q in taken):
            continue
        parts = tuple(v.trim(p.start, p.end) for p in answers)
        yield QuoteCandidate(
            parts[0][0], parts[-1][1], "direct", "interview", None, None, attributed=True,
            weight=0.8, segments=parts if len(parts) > 1 else (),
        )  # fmt: skip
