"""Access to the shipped language data (lexicons, patterns) and the sources knowledge base.

Everything a researcher may want to extend lives in plain files under this folder; the code only
reads them. Languages without their own files fall back to English.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

RESOURCE_DIR = Path(__file__).parent
FALLBACK_LANG = "en"


def lang_dir(lang: str) -> Path:
    path = RESOURCE_DIR / "lang" / lang
    return path if path.is_dir() else RESOURCE_DIR / "lang" / FALLBACK_LANG


@cache
def load_lines(lang: str, name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of `lang/<lang>/<name>.txt` (empty if the file is absent)."""
    path = lang_dir(lang) / f"{name}.txt"
    if not path.is_file():
        return ()
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def load_patterns(lang: str, name: str, flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(line, flags) for line in load_lines(lang, name))


@cache
def load_source_kb() -> tuple[dict, ...]:
    entries = yaml.safe_load((RESOURCE_DIR / "sources.yaml").read_text(encoding="utf-8"))
    return tuple(entries)


def available_languages() -> list[str]:
    return sorted(p.name for p in (RESOURCE_DIR / "lang").iterdir() if p.is_dir())
