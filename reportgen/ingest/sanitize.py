"""Every string that comes from an input is made valid before anything else sees it: a lone
surrogate (from JSON's "\\ud800" or an undecodable file name) cannot be written as UTF-8, and C0
control characters (NUL, ESC, BEL …) have no place in a page or a spreadsheet cell."""

from __future__ import annotations

import re
from typing import Any

from ..model import Document, Link, ReadError

# C0 controls other than tab and newline (carriage returns are line breaks, made "\n" first).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_LINE_ENDS = re.compile(r"\r\n?")
REPLACEMENT = "\ufffd"


def clean_string(value: str, counts: dict[str, int]) -> str:
    """`value` with line ends as "\\n", controls removed and lone surrogates replaced by U+FFFD;
    `counts` adds up what was changed."""
    if "\r" in value:
        value = _LINE_ENDS.sub("\n", value)
    value, removed = _CONTROLS.subn("", value)
    value, replaced = _SURROGATES.subn(REPLACEMENT, value)
    counts["controls"] = counts.get("controls", 0) + removed
    counts["surrogates"] = counts.get("surrogates", 0) + replaced
    return value


def _clean_any(value: Any, counts: dict[str, int]) -> Any:
    if isinstance(value, str):
        return clean_string(value, counts)
    if isinstance(value, list):
        return [_clean_any(item, counts) for item in value]
    if isinstance(value, dict):
        return {key: _clean_any(item, counts) for key, item in value.items()}
    return value


def _summary(counts: dict[str, int]) -> str | None:
    parts = []
    if counts.get("controls"):
        parts.append(f"removed {counts['controls']} control character(s)")
    if counts.get("surrogates"):
        parts.append(f"replaced {counts['surrogates']} invalid character(s) (lone surrogates)")
    return "; ".join(parts) + " from the input" if parts else None


def clean_document(document: Document) -> None:
    """Clean every string field of `document` in place, with one warning if anything changed."""
    counts: dict[str, int] = {}
    for name in ("id", "source_path", "outlet", "text", "title", "date", "url", "lang"):
        value = getattr(document, name)
        if isinstance(value, str):
            setattr(document, name, clean_string(value, counts))
    document.authors = _clean_any(document.authors, counts)
    document.hints = _clean_any(document.hints, counts)
    document.links = [
        Link(*(clean_string(part, counts) for part in (link.url, link.domain, link.text)))
        for link in document.links
    ]
    warning = _summary(counts)
    if warning:
        document.warnings.append(warning)


def clean_error(error: ReadError) -> ReadError:
    counts: dict[str, int] = {}
    path, reason = (clean_string(text, counts) for text in (error.source_path, error.reason))
    return ReadError(path, reason, error.skipped)
