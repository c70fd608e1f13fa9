"""The knowledge base of cited sources (`resources/sources.yaml`): entries, their aliases as
they occur in text, their domains, and the cue patterns of the language with the knowledge
base's lowercase aliases ("wie die dpa berichtete")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import load_source_kb
from ..text.patterns import ProbedPattern
from ..urls import is_within
from . import source_patterns as sp


@dataclass(frozen=True)
class KBEntry:
    name: str
    type: str
    country: str | None
    state_affiliated: bool | None
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    needs_cue: bool = False


@lru_cache(maxsize=1)
def knowledge_base() -> tuple[KBEntry, ...]:
    return tuple(
        KBEntry(
            name=e["name"],
            type=e["type"],
            country=e.get("country"),
            state_affiliated=e.get("state_affiliated"),
            aliases=tuple(e.get("aliases", [])),
            domains=tuple(e.get("domains", [])),
            needs_cue=bool(e.get("needs_cue", False)),
        )
        for e in load_source_kb()
    )


@lru_cache(maxsize=1)
def _alias_index() -> tuple[re.Pattern[str], dict[str, KBEntry]]:
    by_alias: dict[str, KBEntry] = {}
    for entry in knowledge_base():
        for alias in (entry.name, *entry.aliases):
            by_alias.setdefault(alias, entry)
    ordered = sorted(by_alias, key=len, reverse=True)
    # An alias as a whole word, with an optional genitive; "Belta-Portal" counts as Belta.
    pattern = re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(a) for a in ordered) + r")(?:s|'s|’s)?(?![\w])"
    )
    return pattern, by_alias


def lookup_alias(text: str) -> KBEntry | None:
    """The knowledge-base entry for a name as it occurs in text ("Nachrichtenagentur TASS")."""
    pattern, by_alias = _alias_index()
    match = pattern.search(text)
    return by_alias[match.group(1)] if match else None


def lookup_domain(domain: str) -> KBEntry | None:
    for entry in knowledge_base():
        for known in entry.domains:
            if is_within(domain, known):
                return entry
    return None


def cue_patterns(lang: str) -> tuple[ProbedPattern, ...]:
    lowercase = sorted(
        (a for e in knowledge_base() for a in (e.name, *e.aliases) if not a[:1].isupper()),
        key=len,
        reverse=True,
    )
    return sp.cue_patterns(lang, tuple(lowercase))


@dataclass
class CueMatch:
    cue: str
    start: int  # of the cited name
    end: int


def find_cues(text: str, lang: str) -> list[CueMatch]:
    found: list[CueMatch] = []
    for pattern in cue_patterns(lang):
        for match in pattern.finditer(text):
            found.append(CueMatch(match.group("cue"), match.start("source"), match.end("source")))
    found.sort(key=lambda c: (c.start, c.end))
    return found
