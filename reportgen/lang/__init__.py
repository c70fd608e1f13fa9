"""Language profiles: everything reportgen knows about a language, as data.

A profile is loaded from ``resources/lang/<lang>/``: ``profile.toml`` holds the typed switches
(:mod:`reportgen.lang.schema`), one ``<name>.txt`` per declared word list. The one fallback rule:
a language without a folder of its own uses the fallback language's profile, and lists of kind
``SITE_PATTERNS`` (page furniture) add the fallback language's entries after the language's own.
Code never tests a language code; it asks the profile.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .schema import LISTS, ListKind, Morphology, QuoteStyle, typed

LANG_DIR = Path(__file__).resolve().parent.parent / "resources" / "lang"
FALLBACK = "en"


@dataclass(frozen=True)
class LangProfile:
    code: str  # the folder the data comes from
    quotes: QuoteStyle
    names: Morphology
    _lists: dict[str, tuple[str, ...]] = field(repr=False)

    def lines(self, name: str) -> tuple[str, ...]:
        """The entries of a declared list, in file order."""
        if name not in LISTS:
            raise KeyError(f"no word list {name!r} is declared in reportgen.lang.schema")
        return self._lists.get(name, ())

    def words(self, name: str) -> frozenset[str]:
        _expect(name, ListKind.WORDS)
        return _frozen(self, name)

    def patterns(self, name: str, flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], ...]:
        _expect(name, ListKind.PATTERNS, ListKind.SITE_PATTERNS)
        return _compiled(self, name, flags)

    def __hash__(self) -> int:
        return hash(self.code)


def _expect(name: str, *kinds: ListKind) -> None:
    kind = LISTS.get(name)
    if kind not in kinds:
        wanted = " or ".join(k.value for k in kinds)
        raise KeyError(f"word list {name!r} is declared as {kind and kind.value}, not {wanted}")


@cache
def _frozen(profile: LangProfile, name: str) -> frozenset[str]:
    return frozenset(profile.lines(name))


@cache
def _compiled(profile: LangProfile, name: str, flags: int) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(line, flags) for line in profile.lines(name))


def _read_list(path: Path) -> tuple[str, ...]:
    if not path.is_file():
        return ()
    stripped = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in stripped if line and not line.startswith("#"))


def _load(folder: Path) -> tuple[QuoteStyle, Morphology, dict[str, tuple[str, ...]]]:
    where = folder / "profile.toml"
    table = tomllib.loads(where.read_text(encoding="utf-8"))
    unknown = set(table) - {"quotes", "names"}
    if unknown:
        raise ValueError(f"{where}: unknown section(s) {', '.join(sorted(unknown))}")
    quotes = typed(QuoteStyle, table.get("quotes", {}), f"{where} [quotes]")
    names = typed(Morphology, table.get("names", {}), f"{where} [names]")
    stray = sorted(p.stem for p in folder.glob("*.txt") if p.stem not in LISTS)
    if stray:
        raise ValueError(f"{folder}: undeclared word list(s) {', '.join(stray)}")
    lists = {name: _read_list(folder / f"{name}.txt") for name in LISTS}
    return quotes, names, lists  # type: ignore[return-value]


@cache
def profile(lang: str) -> LangProfile:
    """The profile of ``lang`` (an ISO 639-1 code), or the fallback's when it has none."""
    folder = LANG_DIR / lang
    if not folder.is_dir():
        return profile(FALLBACK)
    quotes, names, lists = _load(folder)
    if folder != LANG_DIR / FALLBACK:  # the fallback's own folder adds nothing to itself
        fallback = profile(FALLBACK)._lists  # read once, cached like every profile
        for name, kind in LISTS.items():
            if kind is ListKind.SITE_PATTERNS:
                own = lists[name]
                lists[name] = own + tuple(line for line in fallback[name] if line not in own)
    return LangProfile(lang, quotes, names, lists)


def available_languages() -> list[str]:
    return sorted(p.name for p in LANG_DIR.iterdir() if (p / "profile.toml").is_file())
