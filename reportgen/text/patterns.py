"""The shapes of plain text every step shares: words, tokens, sentence ends."""

from __future__ import annotations

import re

WORD = re.compile(r"\w[\w'’.-]*\w|\w")
TOKEN = re.compile(r"\w[\w'’-]*\w\.?|\w\.?|[^\w\s]")
SENTENCE_BREAK = re.compile(r"[.!?…]+[“”\"»«’')]*(?=\s+[„‚»«“‘\"'(]*[A-ZÄÖÜ0-9])")
SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
LINE = re.compile(r"[^\n]+")
LAST_WORD = re.compile(r"(\S+)$")
NEXT_WORD = re.compile(r"\s+(\S+)")
INITIALS = re.compile(r"(?:[A-ZÄÖÜ]\.)+")
DAY_NUMBER = re.compile(r"\d{1,2}\.")
