"""Web archives (WARC, `.warc` and `.warc.gz`), as Heritrix, Browsertrix, `wget --warc-file`
and Webrecorder write them, read with warcio. Every HTML page captured with HTTP 200 becomes
an article through the HTML reader; the outlet is the page's host, the URL the captured one.
Everything else is counted and reported as skipped, never dropped silently. A record's body is
as untrusted as any input file: the limits hold for each record."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..limits import Limits
from ..model import Document, ReadError
from ..urls import domain_of
from .decode import ReadFailure, cut_page, declared_html_charset, decode_bytes
from .frontmatter import normalise_date
from .html import read_html

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def is_warc(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def warc_stem(name: str) -> str:
    """The file name without `.warc` / `.warc.gz`."""
    lowered = name.lower()
    for suffix in sorted(WARC_SUFFIXES, key=len, reverse=True):
        if lowered.endswith(suffix):
            return name[: -len(suffix)]
    return name


@dataclass
class _Tally:
    """The records that did not become articles, by kind."""

    records: int = 0
    revisits: int = 0
    non_html: Counter[str] = field(default_factory=Counter)  # media type -> records
    not_ok: Counter[str] = field(default_factory=Counter)  # HTTP status -> HTML records
    other: Counter[str] = field(default_factory=Counter)  # WARC record type -> records

    def skipped(self) -> list[ReadError]:
        entries: list[tuple[str, str]] = []
        if self.revisits:
            why = "duplicates of captures the archive already holds"
            entries.append(("revisit records", f"{self.revisits} revisit record(s): {why}"))
        if self.non_html:
            why = f"not HTML, not read ({_listing(self.non_html)})"
            entries.append(("non-HTML responses", f"{_total(self.non_html)} response(s) {why}"))
        if self.not_ok:
            statuses = _listing(self.not_ok)
            why = f"HTML response(s) with a status other than 200, not read (HTTP {statuses})"
            entries.append(("HTML responses not HTTP 200", f"{_total(self.not_ok)} {why}"))
        if self.other:
            why = f"hold no captured page ({_listing(self.other)})"
            entries.append(("other records", f"{_total(self.other)} record(s) {why}"))
        return [ReadError(where, why, skipped=True) for where, why in entries]


def _total(counts: Counter[str]) -> int:
    return sum(counts.values())


def _listing(counts: Counter[str]) -> str:
    return ", ".join(f"{key} ×{n}" for key, n in sorted(counts.items()))


def read_warc(path: Path, limits: Limits) -> list[Document | ReadError]:
    """The articles of one WARC file, an error for each HTML record that could not be read,
    and one skipped entry per kind of record that is not an article."""
    results: list[Document | ReadError] = []
    tally = _Tally()
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.format != "warc":  # warcio reads ARC too, and takes odd text for it
                    raise ArchiveLoadFailed(f"not a WARC record (reads as {record.format})")
                tally.records += 1
                item = _read_record(record, tally, limits)
                if item is not None:
                    results.append(item)
    except Exception as exc:  # warcio and gzip raise many kinds of errors on damaged input
        reason = f"malformed WARC: {_short(exc)}"
        if not tally.records:
            raise ReadFailure(reason) from exc
        results.append(ReadError(f"after record {tally.records}", f"{reason}; rest not read"))
    if not tally.records:
        raise ReadFailure("empty WARC: no records")
    return results + tally.skipped()


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."


def _read_record(record: Any, tally: _Tally, limits: Limits) -> Document | ReadError | None:
    """An article, a ReadError, or None (counted in `tally`) for one record."""
    kind = record.rec_type or "unknown"
    if kind == "revisit":
        tally.revisits += 1
        return None
    if kind != "response":
        tally.other[kind] += 1
        return None
    headers = record.http_headers
    content_type = (headers.get_header("Content-Type") or "") if headers else ""
    media = content_type.split(";", 1)[0].strip().lower()
    if media not in HTML_TYPES:
        tally.non_html[media or "no type"] += 1
        return None
    status = headers.get_statuscode() or "none"
    if status != "200":
        tally.not_ok[status] += 1
        return None
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip("<> ")
    try:
        return _page(record, url, content_type, limits)
    except ReadFailure as exc:
        return ReadError(url or "record without URL", str(exc))
    except Exception as exc:  # one odd page costs its record, not the archive
        return ReadError(url or "record without URL", f"reader failed: {type(exc).__name__}")


def _page(record: Any, url: str, content_type: str, limits: Limits) -> Document:
    data = record.content_stream().read(limits.max_file_bytes + 1)
    if len(data) > limits.max_file_bytes:
        limit = f"{limits.max_file_bytes:,}"
        raise ReadFailure(f"record too large (over {limit} bytes, the max_file_bytes limit)")
    match = _CHARSET.search(content_type)
    declared = match.group(1).lower() if match else declared_html_charset(data)
    content, _encoding = decode_bytes(data, declared)
    del data
    content, notes = cut_page(content, limits.max_page_chars)
    document = read_html(content, url or None)[0]
    document.warnings.extend(notes)
    document.outlet = domain_of(url) if url else ""
    document.url = url or document.url
    if not document.date:
        captured = record.rec_headers.get_header("WARC-Date") or ""
        document.date = normalise_date(captured[:10])
        if document.date:
            document.warnings.append("no date on the page; the date is the capture's (WARC-Date)")
    address = url.split("://", 1)[-1]
    document.hints["record_id"] = address.split("/", 1)[1] if "/" in address else "index"
    return document
