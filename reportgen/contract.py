"""Checks an analysis (as JSON data) against the contract in DESIGN.md: the fields, their types
and every span's `text[start:end]`. Used by the tests and handy for anyone consuming the JSON."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields
from typing import Any

from .model import BLOCK_KINDS, REUSE_ORDERS, SOURCE_TYPES, Stats

REQUIRED: dict[str, type | tuple[type, ...]] = {
    "id": str,
    "source_path": str,
    "outlet": str,
    "title": (str, type(None)),
    "authors": list,
    "date": (str, type(None)),
    "url": (str, type(None)),
    "lang": str,
    "pipeline": dict,
    "text": str,
    "blocks": list,
    "body": str,
    "entities": list,
    "quotes": list,
    "sources": list,
    "links": list,
    "stats": dict,
    "warnings": list,
}
STATS_KEYS = tuple(f.name for f in fields(Stats))
ENTITY_LABELS = {"PER", "ORG", "LOC", "MISC"}


def _span_problem(text: str, span: dict[str, Any], where: str) -> str | None:
    start, end = span.get("start"), span.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= len(text):
        return f"{where}: bad offsets {start}..{end}"
    if "text" in span and text[start:end] != span["text"]:
        return f"{where}: text[{start}:{end}] is {text[start:end]!r}, not {span['text']!r}"
    return None


Problems = Iterator[str]
Spans = list[str | None]


def _nullable(value: Any, kind: type) -> bool:
    return value is None or isinstance(value, kind)


def _blocks(data: dict[str, Any], spans: Spans) -> Problems:
    for i, block in enumerate(data["blocks"]):
        if block.get("kind") not in BLOCK_KINDS:
            yield f"blocks[{i}]: unknown kind {block.get('kind')!r}"
        spans.append(_span_problem(data["text"], block, f"blocks[{i}]"))


def _entities(data: dict[str, Any], spans: Spans) -> Problems:
    for i, entity in enumerate(data["entities"]):
        if entity.get("label") not in ENTITY_LABELS:
            yield f"entities[{i}]: label {entity.get('label')!r}"
        if entity.get("count") != len(entity.get("mentions", [])):
            yield f"entities[{i}]: count differs from mentions"
        for j, mention in enumerate(entity.get("mentions", [])):
            spans.append(_span_problem(data["text"], mention, f"entities[{i}].mentions[{j}]"))


def _quotes(data: dict[str, Any], spans: Spans) -> Problems:
    for i, quote in enumerate(data["quotes"]):
        if quote.get("kind") not in ("direct", "indirect"):
            yield f"quotes[{i}]: kind {quote.get('kind')!r}"
        for key in ("speaker", "cue", "source", "speaker_reason"):
            if not _nullable(quote.get(key), str):
                yield f"quotes[{i}]: {key} is not a string or null"
        if not isinstance(quote.get("in_comments"), bool):
            yield f"quotes[{i}]: in_comments is not a bool"
        if not _nullable(quote.get("speaker_id"), str):
            yield f"quotes[{i}]: speaker_id is not a string or null"
        spans.append(_span_problem(data["text"], quote, f"quotes[{i}]"))
        if quote.get("speaker_mention") is not None:
            where = f"quotes[{i}].speaker"
            spans.append(_span_problem(data["text"], quote["speaker_mention"], where))


def _sources(data: dict[str, Any], spans: Spans) -> Problems:
    for i, source in enumerate(data["sources"]):
        if source.get("type") not in SOURCE_TYPES:
            yield f"sources[{i}]: type {source.get('type')!r}"
        if not _nullable(source.get("state_affiliated"), bool):
            yield f"sources[{i}]: state_affiliated is not a bool or null"
        for j, mention in enumerate(source.get("mentions", [])):
            spans.append(_span_problem(data["text"], mention, f"sources[{i}].mentions[{j}]"))


def _links_and_comments(data: dict[str, Any], spans: Spans) -> Problems:
    for i, link in enumerate(data["links"]):
        if not {"url", "domain", "text"} <= set(link):
            yield f"links[{i}]: lacks url, domain or text"
    for i, comment in enumerate(data.get("comments", [])):
        for key in ("author", "date"):
            if not _nullable(comment.get(key), str):
                yield f"comments[{i}]: {key} is not a string or null"
        spans.append(_span_problem(data["text"], comment, f"comments[{i}]"))


def _reuse(data: dict[str, Any], spans: Spans) -> Problems:
    for i, passage in enumerate(data.get("reuse", [])):
        if passage.get("order") not in REUSE_ORDERS:
            yield f"reuse[{i}]: order {passage.get('order')!r}"
        if not isinstance(passage.get("other_id"), str) or passage.get("other_id") == data["id"]:
            yield f"reuse[{i}]: other_id is not another article's id"
        if not _nullable(passage.get("other_date"), str):
            yield f"reuse[{i}]: other_date is not a string or null"
        other = (passage.get("other_start"), passage.get("other_end"))
        if not all(isinstance(x, int) for x in other) or not 0 <= other[0] <= other[1]:
            yield f"reuse[{i}]: bad other offsets {other[0]}..{other[1]}"
        if not isinstance(passage.get("words"), int) or not isinstance(passage.get("cited"), bool):
            yield f"reuse[{i}]: words is not a whole number or cited not a bool"
        spans.append(_span_problem(data["text"], passage, f"reuse[{i}]"))


def _header_and_stats(data: dict[str, Any], spans: Spans) -> Problems:
    if "/" not in data["id"]:
        yield "id is not <outlet>/<article>"
    if not {"name", "version"} <= set(data["pipeline"]):
        yield "pipeline lacks name or version"
    if "comments" in data and data["stats"].get("comment_count") != len(data["comments"]):
        yield "stats.comment_count differs from the number of comments"
    for key in STATS_KEYS:
        if key not in data["stats"]:
            yield f"stats lacks {key}"


_SECTIONS = (
    _header_and_stats, _blocks, _entities, _quotes, _sources, _links_and_comments, _reuse,
)  # fmt: skip


def validate(data: dict[str, Any]) -> list[str]:
    """Every way `data` breaks the contract; an empty list means it conforms."""
    problems: list[str] = []
    for name, kind in REQUIRED.items():
        if name not in data:
            problems.append(f"missing field {name}")
        elif not isinstance(data[name], kind):
            problems.append(f"field {name} has type {type(data[name]).__name__}")
    if problems:
        return problems
    spans: Spans = []
    for section in _SECTIONS:
        problems.extend(section(data, spans))
    problems.extend(p for p in spans if p)
    return problems
