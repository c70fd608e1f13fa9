"""Reported speech within one sentence: a prepositional attribution ("laut X", "according to
X"), an anonymous one ("hieß es"), or a speech verb with its speaker ("X sagte, …", "…, said
X"). Each reader returns the reported words' span and the attribution, or None."""

from __future__ import annotations

import re

from ...model import Span
from ...text.patterns import WORD
from .patterns import COMMA_OR_COLON
from .phrases import anonymous_source, fronted_source
from .records import Attribution
from .verbal import verbal
from .view import ArticleView

Reading = tuple[int, int, Attribution]  # reported words' start, end; the attribution

_STRIP_BEFORE = " ,;:–—\"„“”"
_STRIP_AFTER = " ,.;:!?–—\"„“”"


def _speaker_span(v: ArticleView, start: int, end: int) -> Span | None:
    stripped = v.text[start:end].rstrip(" ,.")
    if not stripped.strip():
        return None
    return Span(start, start + len(stripped), stripped)


def _words(text: str) -> int:
    return len(WORD.findall(text))


def _reported_words(
    v: ArticleView, match: re.Match[str], matches: list[re.Match[str]], s_start: int, s_end: int
) -> tuple[int, int] | None:
    """Where the words reported by one prepositional attribution are in its sentence."""
    sentence = v.text[s_start:s_end]
    m_start, m_end = s_start + match.start(), s_start + match.end()
    for other in matches:
        # Other attributions in the same sentence ("so Putin laut TASS") are not content.
        if other.start() >= match.end() and not sentence[match.end() : other.start()].strip(" ,"):
            m_end = max(m_end, s_start + other.end())
    before = v.text[s_start:m_start].strip(_STRIP_BEFORE)
    after = v.text[m_end:s_end].strip(_STRIP_AFTER)
    if match.group("cue").lower() in v.lex.preposed_cues:
        # "Wie X berichtete, …": the reported words follow the clause.
        return (m_end, s_end) if _words(before) < 3 else (s_start, m_start)
    if _words(before) == 0:
        return None if _words(after) < 3 else (m_end, s_end)
    last = WORD.findall(before)[-1]
    if v.is_cue(last) and match.group("cue").lower() not in v.lex.preposed_cues:
        return None  # "Relotius erwidert laut Geicke, …": the verb's subject speaks
    if not after:
        return s_start, m_start
    if (
        v.style.apposition_ends_report
        and _words(before) >= 3
        and v.text[m_end:s_end].lstrip()[:1] == ","
    ):
        # "…, according to an analysis by X, a former aide." — an apposition follows.
        return s_start, m_start
    return s_start, s_end


def prepositional(v: ArticleView, s_start: int, s_end: int) -> Reading | None:
    sentence = v.text[s_start:s_end]
    matches = [m for pattern in v.lex.prepositional for m in pattern.finditer(sentence)]
    matches.sort(key=lambda m: (m.start(), -m.end()))
    for match in matches:
        speaker = _speaker_span(
            v, s_start + match.start("speaker"), s_start + match.end("speaker")
        )
        if speaker is None:
            continue
        span = _reported_words(v, match, matches, s_start, s_end)
        if span is not None:
            return span[0], span[1], Attribution(match.group("cue"), speaker)
    return None


def anonymous(v: ArticleView, s_start: int, s_end: int) -> Reading | None:
    sentence = v.text[s_start:s_end]
    for pattern in v.lex.anonymous:
        match = pattern.search(sentence)
        if not match:
            continue
        m_start, m_end = s_start + match.start(), s_start + match.end()
        source = anonymous_source(v, m_end, s_end) or fronted_source(v, s_start, m_start)
        attribution = Attribution(match.group(0), source, anonymous=source is None)
        comma_before = v.text.rfind(",", s_start, m_start)
        if comma_before != -1 and not v.text[comma_before + 1 : m_start].strip():
            return s_start, comma_before, attribution
        comma_after = COMMA_OR_COLON.match(v.text[m_end:s_end])
        if comma_after:
            return m_end + comma_after.end(), s_end, attribution
    return None


def read_sentence(v: ArticleView, s_start: int, s_end: int) -> Reading | None:
    found = prepositional(v, s_start, s_end) or verbal(v, s_start, s_end)
    if found is None and v.lex.anonymous:
        found = anonymous(v, s_start, s_end)
    return found
