"""The shapes of plain text every step shares: words, tokens, sentence ends."""

from __future__ import annotations

import re
from collections.abc import Iterator

WORD = re.compile(r"\w[\w'’.-]*\w|\w")
TOKEN = re.compile(r"\w[\w'’-]*\w\.?|\w\.?|[^\w\s]")
SENTENCE_BREAK = re.compile(r"[.!?…]+[“”\"»«’')]*(?=\s+[„‚»«“‘\"'(]*[A-ZÄÖÜ0-9])")
SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
LINE = re.compile(r"[^\n]+")
LAST_WORD = re.compile(r"(\S+)$")
NEXT_WORD = re.compile(r"\s+(\S+)")
INITIALS = re.compile(r"(?:[A-ZÄÖÜ]\.)+")
DAY_NUMBER = re.compile(r"\d{1,2}\.")
# A single line break after a line that does not end a sentence (hard-wrapped text); group
# `next` is the first character of the following line.
OPEN_LINE_BREAK = re.compile(r"(?<=[^\s.!?:;…\"“”»«|])[^\S\n]*\n(?=[^\S\n]*(?P<next>\S))")


def group_source(source: str, group: str) -> str:
    """The text of the named group `(?P<group>...)` inside a regular expression's source."""
    opening = f"(?P<{group}>"
    start = end = source.index(opening) + len(opening)
    depth, in_class = 1, False
    while depth:
        char = source[end]
        if char == "\\":
            end += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        end += 1
    return source[start : end - 1]


class ProbedPattern:
    """A pattern with a cheap probe: its `cue` group alone. A pattern that opens with a name
    (`{NAME} zufolge`) makes the regex engine try the name at every word; most texts hold
    no cue word at all, and then the pattern is not run."""

    def __init__(self, pattern: re.Pattern[str], group: str = "cue") -> None:
        self.pattern = pattern
        self.probe = re.compile(group_source(pattern.pattern, group), pattern.flags)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.probe.search(text) is None:
            return iter(())
        return self.pattern.finditer(text)
