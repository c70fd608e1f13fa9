"""The Jinja environment: user templates (if any) override the built-in ones; autoescaping on."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .. import __version__
from ..model import ARTICLE_KINDS, BLOCK_KINDS
from ..paths import slugify

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def builtin_template_dir() -> Path:
    """Inside an installed wheel the templates sit in the package; in a source checkout they are
    the top-level `templates/` folder."""
    installed = _PACKAGE_DIR / "templates"
    return installed if installed.is_dir() else _PACKAGE_DIR.parent / "templates"


def static_dir() -> Path:
    return builtin_template_dir() / "static"


# Bidi controls: embeddings, overrides, isolates and marks (U+202E turns the rest of a line
# around, so a title could reverse the page text that follows it).
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
FSI, PDI = "\u2068", "\u2069"


def isolate_bidi(value: object) -> object:
    """Every value a template prints: a string holding bidi controls is put between FIRST
    STRONG ISOLATE and POP DIRECTIONAL ISOLATE, Unicode's form of <bdi> that also works in
    <title> and attributes; the PDI ends every embedding or override opened inside it."""
    if isinstance(value, str) and not isinstance(value, Markup) and _BIDI_CONTROLS.search(value):
        return FSI + value + PDI
    return value


@lru_cache(maxsize=4)
def environment(user_dir: Path | None = None) -> Environment:
    loaders = [FileSystemLoader(str(user_dir))] if user_dir else []
    loaders.append(FileSystemLoader(str(builtin_template_dir())))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(["html", "xml"], default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=isolate_bidi,
    )
    env.globals["version"] = __version__
    env.filters["slug"] = slugify
    env.globals["kinds"] = BLOCK_KINDS
    env.globals["article_kinds"] = ARTICLE_KINDS  # the blocks search indexes on article pages
    return env


def stylesheet(name: str, user_dir: Path | None = None) -> str:
    """A stylesheet's text; a user's `static/<name>` replaces the built-in one."""
    if user_dir and (user_dir / "static" / name).is_file():
        return (user_dir / "static" / name).read_text(encoding="utf-8")
    return (static_dir() / name).read_text(encoding="utf-8")
