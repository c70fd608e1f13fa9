"""Cited sources: news agencies, outlets, governments, organisations, social networks and links,
found through the knowledge base (`resources/sources.yaml`) and the cue patterns of the language
(`source_cues.txt`: "laut X", "wie X berichtet", "according to X")."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..model import Block, Entity, Link, Source, SourceMention
from ..resources import load_lines, load_source_kb
from ..urls import is_within
from .entities import _block_kind

# A cited name: optional article and up to two lowercase words (adjectives, "Agentur"-style nouns
# are capitalised anyway), then up to five capitalised words.
NAME_PATTERN = (
    r"(?:(?:der|die|das|den|dem|des|the|einer?|an?)\s+)?"
    r"(?:[a-zäöüß][\w-]*\s+){0,4}"
    r"[A-ZÄÖÜ][\w.&'’-]*(?:\s+(?:[A-ZÄÖÜ][\w.&'’-]*|(?:de|of|for|von|für)\b)){0,4}"
    # a genitive or "of" chain: "Angaben der russischen Nachrichtenagentur TASS"
    r"(?:\s+(?:der|des|of the|of)\s+(?:[a-zäöüß][\w-]*\s+)?[A-ZÄÖÜ][\w.&'’-]*"
    r"(?:\s+[A-ZÄÖÜ][\w.&'’-]*){0,3})?"
)
_ACRONYM = re.compile(r"\b[A-ZÄÖÜ]{2,}\b")


@dataclass(frozen=True)
class KBEntry:
    name: str
    type: str
    country: str | None
    state_affiliated: bool | None
    aliases: tuple[str, ...]
    domains: tuple[str, ...]


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


@cache
def cue_patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    """The cue patterns with {NAME}: a capitalised name, or any knowledge-base alias (also the
    lowercase ones, "wie die dpa berichtete")."""
    lowercase = sorted(
        (a for e in knowledge_base() for a in (e.name, *e.aliases) if not a[:1].isupper()),
        key=len,
        reverse=True,
    )
    name = NAME_PATTERN
    if lowercase:
        article = r"(?:(?:der|die|das|den|dem|des|the)\s+)?"
        aliases = "|".join(re.escape(a) for a in lowercase)
        name = f"(?:{article}(?:{aliases})\\b|{NAME_PATTERN})"
    return tuple(
        re.compile(line.replace("{NAME}", name)) for line in load_lines(lang, "source_cues")
    )


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


class _CueFinder:
    """The first cue (in start, end order) whose cited name holds a span, by bisection: a cue
    starting more than the longest cited name before the span cannot hold it."""

    def __init__(self, cues: list[CueMatch]) -> None:
        self.cues = cues
        self.starts = [c.start for c in cues]
        self.longest = max((c.end - c.start for c in cues), default=0)

    def holding(self, start: int, end: int) -> str | None:
        low = bisect.bisect_left(self.starts, start - self.longest)
        high = bisect.bisect_right(self.starts, start)
        return next((c.cue for c in self.cues[low:high] if end <= c.end), None)


class _Spans:
    """Entity mention spans, sorted, for overlap and containment questions in log time."""

    def __init__(self, spans: list[tuple[int, int, Entity]]) -> None:
        # the original order decides which of several contained spans is "first"
        self.spans = sorted((s, e, order, ent) for order, (s, e, ent) in enumerate(spans))
        self.starts = [s for s, _e, _o, _ent in self.spans]
        self.reach = list(itertools.accumulate((e for _s, e, _o, _ent in self.spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect.bisect_left(self.starts, end)  # spans that start before `end`
        return before > 0 and self.reach[before - 1] > start

    def first_inside(self, start: int, end: int) -> Entity | None:
        low, high = bisect.bisect_left(self.starts, start), bisect.bisect_right(self.starts, end)
        inside = [(o, ent) for _s, e, o, ent in self.spans[low:high] if e <= end]
        return min(inside, key=lambda item: item[0])[1] if inside else None


def extract_sources(
    text: str, lang: str, blocks: list[Block], entities: list[Entity], links: list[Link]
) -> list[Source]:
    alias_pattern, by_alias = _alias_index()
    starts = [b.start for b in blocks]
    cues = find_cues(text, lang)
    persons = _Spans(
        [(m.start, m.end, e) for e in entities if e.label == "PER" for m in e.mentions]
    )
    org_spans = {
        (m.start, m.end): e for e in entities if e.label in ("ORG", "MISC") for m in e.mentions
    }
    orgs = _Spans([(s, e, entity) for (s, e), entity in org_spans.items()])
    sources: dict[str, Source] = {}
    spans_of: dict[str, set[tuple[int, int]]] = {}  # a set per source: no scan per mention
    cue_in = _CueFinder(cues)

    def add(entry_name: str, make: callable, mention: SourceMention) -> None:
        source = sources.get(entry_name)
        if source is None:
            source = sources[entry_name] = make()
        taken = spans_of.setdefault(entry_name, set())
        if (mention.start, mention.end) not in taken:
            taken.add((mention.start, mention.end))
            source.mentions.append(mention)

    # Knowledge-base names, with the cue of the pattern whose cited name holds them.
    for match in alias_pattern.finditer(text):
        entry = by_alias[match.group(1)]
        cue = cue_in.holding(match.start(), match.end())
        mention = SourceMention(
            match.start(), match.end(), match.group(0), cue,
            _block_kind(blocks, starts, match.start()),
        )  # fmt: skip
        add(entry.name, lambda entry=entry: _from_entry(entry), mention)

    # Cited names the knowledge base does not know: kept as unknown, unless they are people
    # (speakers are reported with the quotations).
    for cue in cues:
        cited = text[cue.start : cue.end]
        if alias_pattern.search(cited):
            continue
        if persons.overlaps(cue.start, cue.end):
            continue
        entity = orgs.first_inside(cue.start, cue.end)
        kind, named = _source_noun(cited, lang)
        if entity is not None:
            name = entity.name
        elif _ACRONYM.search(cited):
            name = _ACRONYM.search(cited).group(0)
        elif named:
            name = named  # "das Portal Ostnews", "der Polizei": a kind of source, named
        else:
            continue  # "laut Experten": a common noun, not a named source
        offset = text.find(name, cue.start, cue.end)
        if offset == -1:
            continue
        mention = SourceMention(
            offset, offset + len(name), name, cue.cue, _block_kind(blocks, starts, offset)
        )
        add(name, lambda name=name, kind=kind: Source(name, kind, None, None, []), mention)

    linked: dict[str, set[str]] = {}
    for link in links:
        entry = lookup_domain(link.domain)
        if entry is None:
            continue
        source = sources.get(entry.name) or sources.setdefault(entry.name, _from_entry(entry))
        if link.url not in linked.setdefault(entry.name, set(source.links)):
            linked[entry.name].add(link.url)
            source.links.append(link.url)

    result = []
    for source in sources.values():
        source.mentions.sort(key=lambda m: m.start)
        source.cited = (
            any(m.cue for m in source.mentions)
            or source.type == "news_agency"
            or bool(source.links)
        )
        if source.cited:
            result.append(source)
    result.sort(key=lambda s: (-len(s.mentions), s.name))
    return result


@cache
def source_nouns(lang: str) -> tuple[tuple[str, str], ...]:
    """(noun ending, source type) from `source_nouns.txt`: "Nachrichtenagentur news_agency"."""
    pairs = []
    for line in load_lines(lang, "source_nouns"):
        noun, _, kind = line.rpartition(" ")
        pairs.append((noun.strip(), kind.strip()))
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def _source_noun(cited: str, lang: str) -> tuple[str, str | None]:
    """The type a cited phrase names by its noun ("die Agentur X" is a news agency), and the
    source's name: the capitalised words after the noun ("Portal Ostnews" -> "Ostnews"), else
    the noun itself when it names an institution on its own ("der Polizei" -> "Polizei")."""
    words = cited.split()
    first: tuple[str, str | None] | None = None
    for index, word in enumerate(words):
        bare = word.strip(".,;:")
        stem = re.sub(r"(?<=\w{4})(?:es|s)$", "", bare.lower())  # genitive "Magazins"
        for noun, kind in source_nouns(lang):
            if not (bare.lower().endswith(noun.lower()) or stem.endswith(noun.lower())):
                continue
            rest = []
            for follow in words[index + 1 :]:
                if not follow[:1].isupper():
                    break
                rest.append(follow.strip(".,;:"))
            if rest:
                return kind, " ".join(rest)
            if first is None:
                own = kind in ("government", "organisation") and bare[:1].isupper()
                first = (kind, bare if own else None)
            break
    return first or ("unknown", None)


def _from_entry(entry: KBEntry) -> Source:
    return Source(entry.name, entry.type, entry.country, entry.state_affiliated, [])
