"""Settings from `reportgen.toml` beside (or in) the corpus folder; command-line flags win.

Every key has a type; an unknown key or a value of the wrong type is an error, so a typo never
leaves a setting silently at its default. The limits' defaults live in `reportgen/limits.py`.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from .executors import executor_kind
from .limits import LIMIT_KEYS, Limits
from .reuse_options import REUSE_KEYS, REUSE_TYPES, ReuseOptions

SETTING_TYPES: dict[str, type] = {
    "output": str,
    "jobs": int,
    "model": str,
    "templates": str,
    "pdf": bool,
    "search": bool,
    "min_mentions": int,
    "quiet": bool,
    "executor": str,  # local or dask (executors.ExecutorKind)
    "scheduler": str,  # tcp://HOST:8786
    "cache": bool,
    **{key: int for key in sorted(LIMIT_KEYS)},
    **REUSE_TYPES,
}
KNOWN_KEYS = frozenset(SETTING_TYPES)


def check_settings(settings: dict[str, Any], origin: str) -> None:
    """Raise ValueError naming `origin` for unknown keys, wrong types and invalid limits."""
    unknown = set(settings) - KNOWN_KEYS
    if unknown:
        raise ValueError(f"{origin}: unknown settings {', '.join(sorted(unknown))}")
    for key, value in settings.items():
        expected = SETTING_TYPES[key]
        # a whole number is a number (`reuse_threshold = 1`)
        allowed = (int, float) if expected is float else expected
        # bool is a subclass of int in Python; `jobs = true` is still a mistake
        if not isinstance(value, allowed) or (expected is not bool and isinstance(value, bool)):
            raise ValueError(
                f"{origin}: {key} must be {expected.__name__}, not {type(value).__name__}"
            )
    if settings.get("min_mentions", 1) < 1:
        raise ValueError(f"{origin}: min_mentions must be at least 1")
    try:
        Limits(**{key: settings[key] for key in LIMIT_KEYS if key in settings})
        if "executor" in settings:
            executor_kind(settings["executor"])
        ReuseOptions(**{key: settings[key] for key in REUSE_KEYS if key in settings})
    except ValueError as exc:
        raise ValueError(f"{origin}: {exc}") from exc


def load_config(corpus: Path) -> dict[str, Any]:
    for candidate in (corpus / "reportgen.toml", corpus.parent / "reportgen.toml"):
        if candidate.is_file():
            with candidate.open("rb") as handle:
                data = tomllib.load(handle)
            settings = data.get("reportgen", data)
            check_settings(settings, str(candidate))
            base = candidate.parent
            for key in ("output", "templates"):
                if key in settings:
                    settings[key] = str((base / settings[key]).resolve())
            return settings
    return {}
