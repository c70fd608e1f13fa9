"""Access to the shipped language data (lexicons, patterns) and the sources knowledge base.

Everything a researcher may want to extend lives in plain files under this folder; the code only
reads them. The language data under ``lang/`` is read through :mod:`reportgen.lang`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

RESOURCE_DIR = Path(__file__).parent


@cache
def load_source_kb() -> tuple[dict, ...]:
    entries = yaml.safe_load((RESOURCE_DIR / "sources.yaml").read_text(encoding="utf-8"))
    return tuple(entries)

