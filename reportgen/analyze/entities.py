"""Named entities: spaCy's entities plus title-led person names, mapped to PER/ORG/LOC/MISC and
merged into one entity per real-world referent within an article ("Präsident Lukaschenko",
"Lukaschenko", "Lukaschenkos" -> "Alexander Lukaschenko")."""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from ..lang import available_languages, profile
from ..model import Block, Entity, Mention
from ..paths import slugify
from ..text.blocks import BlockIndex

# Official spaCy label sets (OntoNotes, WikiNER) onto the contract's four labels.
LABEL_MAP = {
    "PER": "PER", "PERSON": "PER",
    "ORG": "ORG", "NORP": "MISC",
    "LOC": "LOC", "GPE": "LOC", "FAC": "LOC",
    "MISC": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
    "LANGUAGE": "MISC",
}  # fmt: skip
_GENITIVE = re.compile(r"(?:'s|’s|s'|s)$")
_NAME_TOKEN = re.compile(r"^[A-ZÄÖÜ][\w'’.-]*$")
_MAX_NAME_TOKENS = 3


@dataclass
class RawMention:
    start: int
    end: int
    text: str
    label: str
    canonical: str | None = None  # from a gazetteer pattern's id


_NOT_NAME_SHAPES = re.compile(
    r"[A-ZÄÖÜ]\.?"  # a lone initial ("W.")
    r"|[^\w]*"  # no letters or digits at all
    r"|\S*(?:@|://|^www\.)\S*|\S+\.[a-z]{2,6}"  # e-mail, URL, domain ("belta.by")
)


@cache
def articles() -> frozenset[str]:
    """The articles of every language with a profile: a name is cut of any of them, as names
    in one language's text often come with another's ("the" in a German quotation)."""
    return frozenset().union(*(profile(code).words("articles") for code in available_languages()))


@cache
def _not_names(lang: str) -> frozenset[str]:
    return profile(lang).words("ner_not_names")


def not_a_name(text: str, lang: str) -> bool:
    """Site furniture and shapes a statistical model sometimes tags but that are never a named
    entity: words from `lang/<lang>/ner_not_names.txt` ("Loading", "Kommentare"), lone
    initials, e-mail addresses, URLs and domains."""
    return text in _not_names(lang) or _NOT_NAME_SHAPES.fullmatch(text) is not None


@cache
def _titles(lang: str) -> frozenset[str]:
    """Titles and roles before names: the shared `titles.txt` plus the NER-only `ner_titles.txt`."""
    return profile(lang).words("titles") | profile(lang).words("ner_titles")


def raw_mentions(chunks: list[tuple[int, Doc]], lang: str) -> list[RawMention]:
    """Entity mentions from every chunk, with offsets into the whole text."""
    titles = _titles(lang)
    mentions: list[RawMention] = []
    for offset, doc in chunks:
        taken = [False] * len(doc)
        for ent in doc.ents:
            label = LABEL_MAP.get(ent.label_)
            if label is None:
                continue
            span = ent
            if label == "PER" and ent[0].text in titles and len(ent) > 1:
                span = ent[1:]  # "Präsident Putin" as a PER span: keep the name only
            if not_a_name(span.text, lang):
                continue
            mentions.append(
                RawMention(
                    offset + span.start_char,
                    offset + span.end_char,
                    span.text,
                    label,
                    ent.ent_id_ or None,
                )
            )
            for i in range(ent.start, ent.end):
                taken[i] = True
        mentions.extend(_title_led_names(doc, offset, titles, taken))
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


def _title_led_names(
    doc: Doc, offset: int, titles: frozenset[str], taken: list[bool]
) -> list[RawMention]:
    """Capitalised words right after a title or role ("Amtskollegen Alexander Lukaschenko")."""
    found: list[RawMention] = []
    for token in doc:
        if token.text not in titles:
            continue
        end = token.i + 1
        while (
            end < len(doc)
            and end - token.i <= _MAX_NAME_TOKENS
            and _NAME_TOKEN.match(doc[end].text)
            and doc[end].text not in titles
            and doc[end].lower_ not in articles()
            and not taken[end]
            and not doc[end].is_sent_start
        ):
            end += 1
        if end == token.i + 1:
            continue
        span = doc[token.i + 1 : end]
        found.append(RawMention(offset + span.start_char, offset + span.end_char, span.text, "PER"))
        for i in range(token.i + 1, end):
            taken[i] = True
    return found


def surname_mentions(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Bare surnames ("Laumann", genitive "Lukaschenkos") of people named in full elsewhere in the
    text: a statistical model or a title finds the full name once, the text then uses the
    surname."""
    taken = sorted((m.start, m.end) for m in mentions)
    starts = [start for start, _end in taken]
    # reach[k]: the furthest end among the first k+1 mentions; one bisect per match, not a scan
    reach = [end for _start, end in taken]
    for k in range(1, len(reach)):
        reach[k] = max(reach[k], reach[k - 1])
    surnames = {
        m.text.split()[-1]
        for m in mentions
        if m.label == "PER" and len(m.text.split()) > 1 and len(m.text.split()[-1]) > 2
    }
    found: list[RawMention] = []
    for surname in sorted(surnames):
        for match in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?:s|'s|’s)?(?![\w-])", text):
            before = bisect.bisect_left(starts, match.end())
            if before == 0 or reach[before - 1] <= match.start():
                found.append(RawMention(match.start(), match.end(), match.group(0), "PER"))
    return found


def base_form(text: str, titles: frozenset[str]) -> str:
    """The mention without leading determiners and titles."""
    words = text.split()
    while len(words) > 1 and (words[0].lower() in articles() or words[0] in titles):
        words = words[1:]
    return " ".join(words)


def _strip_genitive(form: str, known: set[str]) -> str:
    """"Lukaschenkos" -> "Lukaschenko", "Moskaus" -> "Moskau", "Putin's" -> "Putin", when the
    base form is itself a name in the article."""
    stripped = _GENITIVE.sub("", form)
    return stripped if stripped != form and stripped in known else form


def merge_mentions(
    mentions: list[RawMention], text: str, blocks: list[Block], lang: str
) -> list[Entity]:
    titles = _titles(lang)
    forms = [m.canonical or base_form(m.text, titles) for m in mentions]
    known = set(forms) | {
        form.split()[-1]
        for mention, form in zip(mentions, forms, strict=True)
        if mention.label == "PER" and len(form.split()) > 1
    }
    forms = [_strip_genitive(form, known) for form in forms]

    # Person names: a surname alone joins the single full name that ends with it.
    full_names: dict[str, set[str]] = defaultdict(set)
    for mention, form in zip(mentions, forms, strict=True):
        words = form.split()
        if mention.label == "PER" and len(words) > 1:
            full_names[words[-1]].add(form)
    canonical: list[str] = []
    for form in forms:
        candidates = full_names.get(form, set()) if len(form.split()) == 1 else set()
        canonical.append(next(iter(candidates)) if len(candidates) == 1 else form)

    grouped: dict[str, list[int]] = defaultdict(list)
    for index, name in enumerate(canonical):
        grouped[name].append(index)
    index = BlockIndex(blocks)
    entities: list[Entity] = []
    for name, indices in grouped.items():
        labels = Counter(mentions[i].label for i in indices)
        label = max(sorted(labels), key=lambda lab: labels[lab])
        entity_mentions = [
            Mention(
                mentions[i].start,
                mentions[i].end,
                text[mentions[i].start : mentions[i].end],
                index.kind_at(mentions[i].start),
            )
            for i in indices
        ]
        entities.append(
            Entity(
                name=name,
                label=label,
                count=len(entity_mentions),
                mentions=entity_mentions,
                id=entity_id(name, label),
            )
        )
    entities.sort(key=lambda e: (-e.count, e.label, e.name))
    return entities


def entity_id(name: str, label: str) -> str:
    """The stable id of an entity across articles and runs: label and slug of the canonical name
    ("per-alexander-lukaschenko"), so the site can have one page per entity."""
    return f"{label.lower()}-{slugify(name, 'entity')}"


def corpus_full_names(entity_lists: Iterable[list[Entity]]) -> dict[str, str]:
    """Surname -> the one full name that ends with it across the corpus (surnames shared by
    several full names are left out: "Müller" could be anyone)."""
    full_names: dict[str, set[str]] = defaultdict(set)
    for entities in entity_lists:
        for e in entities:
            words = e.name.split()
            if e.label == "PER" and len(words) > 1:
                full_names[words[-1]].add(e.name)
    return {surname: names.pop() for surname, names in full_names.items() if len(names) == 1}


def merge_across_articles(entity_lists: list[list[Entity]]) -> list[list[Entity]]:
    """Corpus-level normalisation: a person named only by the surname in one article
    ("Lukaschenko") takes the full name used for the same surname in other articles ("Alexander
    Lukaschenko"), when exactly one full name ends with it across the corpus. Returns new lists;
    entities that end with the same id within one article are merged."""
    full_names = corpus_full_names(entity_lists)
    return [merge_with_full_names(entities, full_names) for entities in entity_lists]


def merge_with_full_names(entities: list[Entity], full_names: dict[str, str]) -> list[Entity]:
    """One article's entities after :func:`merge_across_articles` (``full_names``: what
    :func:`corpus_full_names` found in the whole corpus)."""
    merged: dict[str, Entity] = {}
    for e in entities:
        name = e.name
        if e.label == "PER" and len(name.split()) == 1:
            name = full_names.get(name, name)
        key = entity_id(name, e.label)
        if key in merged:
            into = merged[key]
            into.mentions = sorted(into.mentions + e.mentions, key=lambda m: (m.start, m.end))
            into.count = len(into.mentions)
        else:
            merged[key] = Entity(name, e.label, e.count, list(e.mentions), key)
    out = list(merged.values())
    out.sort(key=lambda e: (-e.count, e.label, e.name))
    return out


def extract_entities(
    chunks: list[tuple[int, Doc]], text: str, blocks: list[Block], lang: str
) -> list[Entity]:
    from .entity_rules import article_entities, compound_mentions, genitive_people

    mentions = raw_mentions(chunks, lang)
    mentions += surname_mentions(mentions, text)
    mentions += compound_mentions(text, lang, mentions)
    genitive_people(text, lang, mentions)
    mentions.sort(key=lambda m: (m.start, m.end))
    return article_entities(merge_mentions(mentions, text, blocks, lang))
