"""Rules over the recognised entities of one article, with the whole article in view:

- a known name at the head of a hyphen compound is a mention ("Assad-Truppen", "Ukraine-Konflikt",
  "Trump-Kampagne"): the gazetteers' names and the names the article itself gives;
- a name in a byline is a person or nothing (a byline's given name is no place);
- an entity that only the page's furniture names (a columnist in a teaser list, legal text, a
  newsletter box, an ad or an appeal) is not the article's; captions and author boxes, which
  the segmentation files as boilerplate, still name the article's people.
"""

from __future__ import annotations

import re
from functools import cache

from ..model import Entity
from .entities import RawMention
from .pipeline import _gazetteer_patterns

# A capitalised word joined by a hyphen to a capitalised word or a number: "Assad-Truppen".
COMPOUND_HEAD = re.compile(r"(?<![\w-])([A-ZÄÖÜ][a-zäöüß]+(?:[A-ZÄÖÜ][a-zäöüß]+)?)-(?=[A-ZÄÖÜ0-9])")
# Blocks that are the page's furniture: an entity named only there is not the article's.
FURNITURE = frozenset({"related", "legal", "newsletter", "ad", "appeal"})
_LABELS = ("PER", "LOC", "ORG")


@cache
def _known_single_names(lang: str) -> dict[str, tuple[str, str]]:
    """One-word gazetteer names (and their ids): "Assad" -> ("PER", "Baschar al-Assad")."""
    known: dict[str, tuple[str, str]] = {}
    for pattern in _gazetteer_patterns(lang):
        name = pattern.get("pattern")
        if isinstance(name, str) and " " not in name and pattern["label"] in _LABELS:
            known.setdefault(name, (pattern["label"], pattern.get("id") or name))
    return known


def compound_mentions(text: str, lang: str, mentions: list[RawMention]) -> list[RawMention]:
    """Mentions of known names at the head of a compound that no mention covers yet."""
    known = dict(_known_single_names(lang))
    for mention in mentions:  # the article's own names: its surnames and one-word names
        if mention.label in _LABELS:
            last = mention.text.split()[-1]
            known.setdefault(last, (mention.label, mention.canonical or mention.text))
    spans = [(m.start, m.end) for m in mentions]
    found = []
    for match in COMPOUND_HEAD.finditer(text):
        head = match.group(1)
        start, end = match.span(1)
        if head not in known or any(s <= start and end <= e for s, e in spans):
            continue
        label, canonical = known[head]
        found.append(RawMention(start, end, head, label, canonical))
    return found


def article_entities(entities: list[Entity]) -> list[Entity]:
    """Without byline mentions that are no person and entities only the furniture names."""
    kept = []
    for entity in entities:
        if entity.label != "PER":
            entity.mentions = [m for m in entity.mentions if m.block != "byline"]
        if not entity.mentions or all(m.block in FURNITURE for m in entity.mentions):
            continue
        entity.count = len(entity.mentions)
        kept.append(entity)
    return kept
