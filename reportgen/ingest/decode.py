"""Bytes to text: declared encodings first, then UTF-8, then detection."""

from __future__ import annotations

import re

from charset_normalizer import from_bytes


class ReadFailure(Exception):
    """A whole input cannot be read; the message is the reason shown to the user."""


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Control bytes no text file has (tab, line feed, vertical tab, form feed and carriage return are
# allowed); counted by deleting them, in C, not byte by byte in Python.
_CONTROLS = bytes([*range(9), *range(14, 32)])


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROLS))
    return bool(head) and controls / len(head) > 0.05


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding used). Raises ReadFailure for binary or undecodable data."""
    if not data.strip():
        raise ReadFailure("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if looks_binary(data):
        raise ReadFailure("binary file, not text")
    candidates = [declared] if declared else []
    candidates.append("utf-8-sig")
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding.replace("-sig", "")
        except (UnicodeDecodeError, LookupError):
            continue
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ReadFailure("undecodable text: not UTF-8 and no encoding could be detected")
    return str(best), best.encoding


def cut_page(content: str, limit: int) -> tuple[str, list[str]]:
    """An HTML page longer than `limit` characters cut (at a tag) before parsing, and the
    warning that says so: parsing and main-text extraction of a 20 MB page would cost minutes
    and gigabytes for text that is cut anyway."""
    if len(content) <= limit:
        return content, []
    total = len(content)
    tag = content.rfind("<", limit // 2, limit)
    content = content[: tag if tag > 0 else limit]
    note = (
        f"page cut to its first {len(content):,} of {total:,} characters of HTML before "
        f"reading (max_page_chars is {limit:,})"
    )
    return content, [note]


def declared_html_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None
