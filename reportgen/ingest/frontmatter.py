"""YAML front matter (`---` … `---`) at the top of text and Markdown files."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from ..limits import MAX_FRONT_MATTER_CHARS

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def split_front_matter(content: str) -> tuple[dict[str, Any], str, list[str]]:
    """Return (metadata, rest of the text, warnings); without front matter, text unchanged."""
    match = _FRONT_MATTER.match(content, 0, MAX_FRONT_MATTER_CHARS + 16)
    if not match:
        if content.startswith("---") and _FRONT_MATTER.match(content):
            limit = f"{MAX_FRONT_MATTER_CHARS:,}"
            return {}, content, [f"front matter longer than {limit} characters; kept as text"]
        return {}, content, []
    try:
        meta = _load_without_aliases(match.group(1))
    except yaml.YAMLError as exc:
        reason = str(exc).splitlines()[0]
        return {}, content, [f"front matter is not valid YAML ({reason}); kept as text"]
    if not isinstance(meta, dict):
        return {}, content, ["front matter is not a mapping; kept as text"]
    return meta, content[match.end() :], []


class _AliasRefused(yaml.YAMLError):
    def __str__(self) -> str:
        return "YAML aliases (*name) are not accepted in front matter"


def _load_without_aliases(source: str) -> Any:
    """`yaml.safe_load`, refusing aliases: an alias bomb ("billion laughs") expands a few
    hundred bytes into gigabytes."""
    events = yaml.parse(source, yaml.SafeLoader) if "*" in source else ()
    if any(isinstance(event, yaml.AliasEvent) for event in events):
        raise _AliasRefused()
    return yaml.safe_load(source)


def normalise_date(value: Any) -> str | None:
    """An ISO 8601 string for dates given as date objects or ISO-like strings, else None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.year < 1800:
        return None
    return text if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else parsed.isoformat()


def normalise_authors(value: Any) -> list[str]:
    if value is None:
        return []
    items = (
        value if isinstance(value, list) else re.split(r"\s*(?:;|\bund\b|\band\b|&)\s*", str(value))
    )
    return [str(item).strip() for item in items if item and str(item).strip()]
