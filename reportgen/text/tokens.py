"""Words and punctuation of plain text, with character offsets."""

from __future__ import annotations

from collections.abc import Collection

from .patterns import TOKEN

Token = tuple[int, int, str]  # start, end, text


def tokenize(text: str, start: int, end: int, abbreviations: Collection[str]) -> list[Token]:
    """Tokens of ``text[start:end]``; a word keeps its full stop only as an abbreviation or an
    initial ("Mr.", "Z.")."""
    found: list[Token] = []
    for match in TOKEN.finditer(text, start, end):
        word = match.group(0)
        following = text[match.end() : match.end() + 1]
        if (
            word.endswith(".")
            and len(word) > 2
            and not following.isalnum()
            and word not in abbreviations
            and not word[:-1].isdigit()
        ):
            found.append((match.start(), match.end() - 1, word[:-1]))
            found.append((match.end() - 1, match.end(), "."))
        else:
            found.append((match.start(), match.end(), word))
    return found
