"""The limits that bound what one input may cost, in one place (docs/limits.md explains them).

A build reads them from `reportgen.toml` (`[reportgen]` keys of the same names) or the command
line; whatever is not given keeps the default below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    # Characters of an article's text that are analysed; the rest is cut at a paragraph (else a
    # line or a word) boundary and the article's warnings say so. Analysis costs about 25 s per
    # million characters with the embedded German pipeline, the article's PDF as much again;
    # one of 4,863 articles in ../shared/corpora is longer.
    max_article_chars: int = 100_000
    # Characters of an HTML page's markup that are parsed; the rest is cut at a tag before
    # parsing, with a warning. Ordinary pages are far below it, even with inline images.
    max_page_chars: int = 8_000_000
    # Larger input files are listed as errors without being read.
    max_file_bytes: int = 50 * MB

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if type(value) is not int or value < 1:
                raise ValueError(f"{item.name} must be a positive whole number, not {value!r}")


DEFAULT_LIMITS = Limits()
# YAML front matter longer than this is not parsed (kept as text, with a warning); YAML aliases
# are refused whatever the size, so front matter never expands beyond what is written.
MAX_FRONT_MATTER_CHARS = 20_000
LIMIT_KEYS = frozenset(item.name for item in fields(Limits))


def limits_from(settings: dict[str, object]) -> Limits:
    """The limits named in `settings` (other keys are ignored), the defaults for the rest."""
    return Limits(**{key: value for key, value in settings.items() if key in LIMIT_KEYS})


_BOUNDARIES = (re.compile(r"\n[ \t]*\n"), re.compile(r"\n"), re.compile(r"\s"))


def cut_text(text: str, limit: int) -> str:
    """`text` itself if it is within `limit` characters, else its first part up to the last
    paragraph break (or line break, or space) in the second half of the limit, else exactly
    `limit` characters."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    for boundary in _BOUNDARIES:
        last = None
        for match in boundary.finditer(head, limit // 2):
            last = match
        if last is not None:
            return head[: last.start()] + "\n"
    return head
