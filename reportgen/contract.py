"""Checks an analysis (as JSON data) against the contract in DESIGN.md: the fields, their types
and every span's `text[start:end]`. Used by the tests and handy for anyone consuming the JSON."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from .model import BLOCK_KINDS, SOURCE_TYPES, Stats

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
    text = data["text"]
    if "/" not in data["id"]:
        problems.append("id is not <outlet>/<article>")
    if not {"name", "version"} <= set(data["pipeline"]):
        problems.append("pipeline lacks name or version")
    spans: list[str | None] = []
    for i, block in enumerate(data["blocks"]):
        if block.get("kind") not in BLOCK_KINDS:
            problems.append(f"blocks[{i}]: unknown kind {block.get('kind')!r}")
        spans.append(_span_problem(text, block, f"blocks[{i}]"))
    for i, entity in enumerate(data["entities"]):
        if entity.get("label") not in ENTITY_LABELS:
            problems.append(f"entities[{i}]: label {entity.get('label')!r}")
        if entity.get("count") != len(entity.get("mentions", [])):
            problems.append(f"entities[{i}]: count differs from mentions")
        for j, mention in enumerate(entity.get("mentions", [])):
            spans.append(_span_problem(text, mention, f"entities[{i}].mentions[{j}]"))
    for i, quote in enumerate(data["quotes"]):
        if quote.get("kind") not in ("direct", "indirect"):
            problems.append(f"quotes[{i}]: kind {quote.get('kind')!r}")
        for key in ("speaker", "cue", "source"):
            if not isinstance(quote.get(key), str | type(None)):
                problems.append(f"quotes[{i}]: {key} is not a string or null")
        if not isinstance(quote.get("in_comments"), bool):
            problems.append(f"quotes[{i}]: in_comments is not a bool")
        if not isinstance(quote.get("speaker_id"), str | type(None)):
            problems.append(f"quotes[{i}]: speaker_id is not a string or null")
        spans.append(_span_problem(text, quote, f"quotes[{i}]"))
        if quote.get("speaker_mention") is not None:
            spans.append(_span_problem(text, quote["speaker_mention"], f"quotes[{i}].speaker"))
    for i, source in enumerate(data["sources"]):
        if source.get("type") not in SOURCE_TYPES:
            problems.append(f"sources[{i}]: type {source.get('type')!r}")
        if not isinstance(source.get("state_affiliated"), bool | type(None)):
            problems.append(f"sources[{i}]: state_affiliated is not a bool or null")
        for j, mention in enumerate(source.get("mentions", [])):
            spans.append(_span_problem(text, mention, f"sources[{i}].mentions[{j}]"))
    for i, link in enumerate(data["links"]):
        if not {"url", "domain", "text"} <= set(link):
            problems.append(f"links[{i}]: lacks url, domain or text")
    for i, comment in enumerate(data.get("comments", [])):
        for key in ("author", "date"):
            if not isinstance(comment.get(key), str | type(None)):
                problems.append(f"comments[{i}]: {key} is not a string or null")
        spans.append(_span_problem(text, comment, f"comments[{i}]"))
    if "comments" in data and data["stats"].get("comment_count") != len(data["comments"]):
        problems.append("stats.comment_count differs from the number of comments")
    for key in STATS_KEYS:
        if key not in data["stats"]:
            problems.append(f"stats lacks {key}")
    problems.extend(p for p in spans if p)
    return problems
