"""Sentences of plain text, found by punctuation and the language's abbreviations."""

from __future__ import annotations

from collections.abc import Collection

from .patterns import DAY_NUMBER, INITIALS, LAST_WORD, LINE, NEXT_WORD, SENTENCE_BREAK


def split_sentences(
    text: str,
    abbreviations: Collection[str],
    months: Collection[str],
    ordinal_before: Collection[str] = (),
) -> list[tuple[int, int]]:
    """(start, end) of sentences; a line break always ends one. Quote marks are not considered.
    A full stop after an abbreviation ("Dr."), initials ("A.B."), a day before a month
    ("3. März") or a number after a word of ``ordinal_before`` ("im 2. Quartal") ends nothing."""
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
            if DAY_NUMBER.fullmatch(token) and _ordinal(text, mark_at, end, months, ordinal_before):
                continue
            if end - start > 1:
                sentences.append((start, end))
            start = end
            while start < line_end and text[start].isspace():
                start += 1
        if line_end > start and text[start:line_end].strip():
            sentences.append((start, line_end))
    return sentences


def _ordinal(
    text: str, mark_at: int, end: int, months: Collection[str], ordinal_before: Collection[str]
) -> bool:
    """The number before the full stop is an ordinal: a day before a month, or a number after
    an article ("des 3. Quartals")."""
    following = NEXT_WORD.match(text, end)
    if following and following.group(1).strip(".,") in months:
        return True
    number_at = mark_at
    while number_at > 0 and text[number_at - 1].isdigit():
        number_at -= 1
    head = text[max(0, number_at - 30) : number_at].split()
    return bool(head) and head[-1].lower() in ordinal_before
