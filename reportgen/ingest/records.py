"""JSON and JSON Lines: one article per object, with news-please-like field names."""

from __future__ import annotations

import json
from typing import Any

from ..model import Document, ReadError
from ..text.paragraphs import unwrap_lines
from .decode import ReadFailure
from .frontmatter import authors_field, normalise_date, text_field

TEXT_FIELDS = ("text", "maintext", "body", "content", "article")
OUTLET_FIELDS = ("outlet", "source_domain", "site_name", "source")
DATE_FIELDS = ("date", "date_publish", "published", "date_published")


def _first(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return value
    return None


def document_from_record(record: Any, label: str) -> Document | ReadError:
    if not isinstance(record, dict):
        return ReadError(label, "not a JSON object")
    text = _first(record, TEXT_FIELDS)
    if not isinstance(text, str) or not text.strip():
        return ReadError(label, f"no article text (none of the fields {', '.join(TEXT_FIELDS)})")
    warnings: list[str] = []
    lang = text_field(record, ("lang", "language"), warnings)
    document = Document(
        id="",
        source_path="",
        outlet=text_field(record, OUTLET_FIELDS, warnings) or "",
        text=unwrap_lines(text),
        format="json",
        title=text_field(record, ("title",), warnings),
        authors=authors_field(record, warnings),
        date=normalise_date(_first(record, DATE_FIELDS)),
        url=text_field(record, ("url",), warnings),
        lang=lang.lower()[:2] if lang else None,
        warnings=warnings,
    )
    record_id = text_field(record, ("id",), warnings)
    if record_id:
        document.hints["record_id"] = record_id
    return document


def _no_articles_at_all(results: list[Document | ReadError]) -> list[Document | ReadError]:
    """A file in which no object is an article (a manifest, a metadata dump) is one error for the
    file, not one per line."""
    if results and not any(isinstance(r, Document) for r in results):
        reasons = {r.reason for r in results if isinstance(r, ReadError)}
        if len(reasons) == 1:
            raise ReadFailure(f"none of its {len(results)} records is an article: {reasons.pop()}")
    return results


def read_json(content: str) -> list[Document | ReadError]:
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        raise ReadFailure(f"malformed JSON: {exc.msg} at line {exc.lineno}") from exc
    records = data if isinstance(data, list) else [data]
    if not records:
        raise ReadFailure("JSON holds an empty list")
    return _no_articles_at_all(
        [document_from_record(r, f"record {i + 1}") for i, r in enumerate(records)]
    )


def read_jsonl(content: str) -> list[Document | ReadError]:
    results: list[Document | ReadError] = []
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            results.append(ReadError(f"line {number}", f"malformed JSON: {exc.msg}"))
            continue
        results.append(document_from_record(record, f"line {number}"))
    if not results:
        raise ReadFailure("no JSON records")
    return _no_articles_at_all(results)
