"""Sentences of plain text, found by punctuation and the language's abbreviations."""

from __future__ import annotations

from collections.abc import Collection

from .patterns import DAY_NUMBER, INITIALS, LAST_WORD, LINE, NEXT_WORD, SENTENCE_BREAK


def split_sentences(
    text: str, abbreviations: Collection[str], months: Collection[str]
) -> list[tuple[int, int]]:
    """(start, end) of sentences; a line break always ends one. Quote marks are not considered.
    A full stop after an abbreviation ("Dr."), initials ("A.B.") or a day before a month
    ("3. März") ends nothing."""
    sentences: list[tuple[int, int]] = []
    for line in LINE.finditer(text):
        start = line.start()
        line_end = line.end()
        for match in SENTENCE_BREAK.finditer(line.group()):
            end = line.start() + match.end()
            mark_at = line.start() + match.start()
            word = LAST_WORD.search(text[start : mark_at + 1])
            token = word.group(1) if word else ""
            if token in abbreviations or INITIALS.fullmatch(token):
                continue
            if DAY_NUMBER.fullmatch(token):
                following = NEXT_WORD.match(text, end)
                if following and following.group(1).strip(".,") in months:
                    continue
            if end - start > 1:
                sentences.append((start, end))
            start = end
            while start < line_end and text[start].isspace():
                start += 1
        if line_end > start and text[start:line_end].strip():
            sentences.append((start, line_end))
    return sentences
