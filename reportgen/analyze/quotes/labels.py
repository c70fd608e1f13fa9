"""Speaker-label lines: paragraphs that open with a speaker's name and a colon ("PENCE: Well,
look …", „Merkel: …“), as in transcripts and attributed headlines."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Span
from ...text.patterns import WORD
from .patterns import CLOSERS, LABEL_LINE
from .records import QuoteCandidate
from .view import ArticleView


def labelled_candidates(v: ArticleView) -> Iterator[QuoteCandidate]:
    if not v.style.speaker_labels:
        return
    stopwords = v.lex.label_stopwords
    for match in LABEL_LINE.finditer(v.text):
        label = match.group("label")
        if label in stopwords or label.lower() in stopwords:
            continue
        if not label.isupper() and not v.entity_in(match.start("label"), match.end("label")):
            continue  # "Gaspreise: …", "Newsletter: …" are topics, not speakers
        start, end = v.trim(match.start("content"), match.end("content"))
        if sum(any(c.isalpha() for c in w) for w in WORD.findall(v.text, start, end)) < 4:
            continue  # "SPD: 32 (entspricht 45,1%)" is a table row
        while end > start and v.text[end - 1] in CLOSERS:
            end -= 1
        speaker = Span(match.start("label"), match.end("label"), label)
        verbatim = bool(match.group("mark")) or label.isupper()
        kind = "direct" if verbatim else "indirect"
        yield QuoteCandidate(start, end, kind, "label", ":", speaker, attributed=True)
