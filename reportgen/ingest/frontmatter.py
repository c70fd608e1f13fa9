"""YAML front matter (`---` … `---`) at the top of text and Markdown files."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from ..limits import MAX_FRONT_MATTER_CHARS

# libyaml's parser where PyYAML was built with it: the same documents (all 4,631 front matters
# of news_de load alike) in a ninth of the time, which a rebuild reading every file feels.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
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
    events = yaml.parse(source, _LOADER) if "*" in source else ()
    if any(isinstance(event, yaml.AliasEvent) for event in events):
        raise _AliasRefused()
    return yaml.load(source, Loader=_LOADER)  # a safe loader, C or Python


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


def text_field(meta: dict[str, Any], names: tuple[str, ...], warnings: list[str]) -> str | None:
    """The first of the fields `names` that is set, as text. Strings and numbers are taken; an
    object, a list or a boolean is refused with a warning (its repr is nobody's title)."""
    for name in names:
        value = meta.get(name)
        if value is None or value == "":
            continue
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            warnings.append(f"field {name!r} is {_kind(value)}, not text; ignored")
            continue
        return str(value).strip() or None
    return None


def authors_field(meta: dict[str, Any], warnings: list[str]) -> list[str]:
    """`authors` (or `author`): a string or a list of strings; anything else is refused."""
    value = meta.get("authors", meta.get("author"))
    if isinstance(value, list):
        kept = [item for item in value if isinstance(item, str | int | float)]
        kept = [item for item in kept if not isinstance(item, bool)]
        if len(kept) < len(value):
            warnings.append(f"{len(value) - len(kept)} author(s) that are not text ignored")
        return normalise_authors(kept)
    if value is not None and (isinstance(value, bool) or not isinstance(value, str | int)):
        warnings.append(f"field 'authors' is {_kind(value)}, not text; ignored")
        return []
    return normalise_authors(value)


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return f"a {type(value).__name__}"
