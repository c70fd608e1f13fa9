"""Settings from `reportgen.toml` beside (or in) the corpus folder; command-line flags win."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

KNOWN_KEYS = {"output", "jobs", "model", "templates", "pdf", "quiet"}


def load_config(corpus: Path) -> dict[str, Any]:
    for candidate in (corpus / "reportgen.toml", corpus.parent / "reportgen.toml"):
        if candidate.is_file():
            with candidate.open("rb") as handle:
                data = tomllib.load(handle)
            settings = data.get("reportgen", data)
            unknown = set(settings) - KNOWN_KEYS
            if unknown:
                raise ValueError(f"{candidate}: unknown settings {', '.join(sorted(unknown))}")
            base = candidate.parent
            for key in ("output", "templates"):
                if key in settings:
                    settings[key] = str((base / settings[key]).resolve())
            return settings
    return {}
