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



@cache
def given_name_genders() -> dict[str, str]:
    """Given name -> "f" or "m", for the names ``given_names.txt`` is sure of."""
    genders: dict[str, str] = {}
    for line in (RESOURCE_DIR / "given_names.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, gender = line.split()
            genders[name] = gender
    return genders
