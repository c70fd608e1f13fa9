"""What the verb forms of a stretch say about it: Konjunktiv I reports someone's words, a
complementizer opens reported words, a modal makes them what one might say, "demnach" points at
the speaker just before."""

from __future__ import annotations

from ...model import Span
from ...text.patterns import WORD
from .view import ArticleView


def konjunktiv_forms(v: ArticleView, start: int, end: int) -> list[str]:
    """The words of the stretch, less the verb right after an unreal comparison's "als" ("als
    sei es ein Gefallen": how something seemed, not what anyone said)."""
    words = WORD.findall(v.text, start, end)
    unreal = v.lex.unreal_comparison
    return [w for i, w in enumerate(words) if not (i and words[i - 1].lower() in unreal)]


def strict_konjunktiv(v: ArticleView, start: int, end: int) -> bool:
    words = konjunktiv_forms(v, start, end)
    if {w.lower() for w in words} & v.lex.first_person:
        return False  # "ich habe", "wir seien": not the reported third person
    return any(w in v.lex.konjunktiv_strict for w in words)


def has_konjunktiv(v: ArticleView, start: int, end: int) -> bool:
    return any(w in v.lex.konjunktiv for w in konjunktiv_forms(v, start, end))


def reads_as_report(v: ArticleView, start: int, end: int) -> bool:
    """The words read as reported speech: Konjunktiv, or a complementizer first ("dass")."""
    words = WORD.findall(v.text, start, end)
    return bool(words) and (words[0].lower() in v.lex.complementizers or has_konjunktiv(
        v, start, end
    ))


def report_adverb(v: ArticleView, start: int, end: int) -> Span | None:
    """"demnach" in the sentence, if it stands there: the sentence reports the words of whoever
    spoke, or was cited, just before (the resolver decides who)."""
    adverbs = v.lex.report_adverbs
    words = WORD.finditer(v.text, start, end)
    found = next((m for m in words if m.group().lower() in adverbs), None)
    return Span(found.start(), found.end(), found.group()) if found else None


def hypothetical(v: ArticleView, s_start: int, c_start: int) -> bool:
    """The attribution before the reported words is a modal's ("könnte sagen", "would say")."""
    modals = v.lex.hypothetical_modals
    return any(w.lower() in modals for w in WORD.findall(v.text, s_start, c_start))


def hypothetical_cue(v: ArticleView, s_start: int, s_end: int) -> bool:
    """"Fast könnte man meinen, das Interview sei …": a speech verb after a modal, before the
    sentence's first comma, is what one might say."""
    comma = v.text.find(",", s_start, s_end)
    words = WORD.findall(v.text, s_start, s_end if comma == -1 else comma)
    return hypothetical(v, s_start, s_end if comma == -1 else comma) and any(
        v.is_cue(w) for w in words
    )
