"""The Jinja environment: user templates (if any) override the built-in ones; autoescaping on."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .. import __version__
from ..paths import slugify

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def builtin_template_dir() -> Path:
    """Inside an installed wheel the templates sit in the package; in a source checkout they are
    the top-level `templates/` folder."""
    installed = _PACKAGE_DIR / "templates"
    return installed if installed.is_dir() else _PACKAGE_DIR.parent / "templates"


def static_dir() -> Path:
    return builtin_template_dir() / "static"


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
    )
    env.globals["version"] = __version__
    env.filters["slug"] = slugify
    env.globals["kinds"] = (
        "title", "lead", "byline", "body", "boilerplate", "appeal", "comments", "related",
        "legal", "newsletter", "ad",
    )  # fmt: skip
    return env


def stylesheet(name: str, user_dir: Path | None = None) -> str:
    """A stylesheet's text; a user's `static/<name>` replaces the built-in one."""
    if user_dir and (user_dir / "static" / name).is_file():
        return (user_dir / "static" / name).read_text(encoding="utf-8")
    return (static_dir() / name).read_text(encoding="utf-8")
