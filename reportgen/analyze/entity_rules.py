"""Rules over the recognised entities of one article, with the whole article in view:

- a known name at the head of a hyphen compound is a mention ("Assad-Truppen", "Ukraine-Konflikt",
  "Trump-Kampagne"): the gazetteers' names and the names the article itself gives;
- a name in a byline is a person or nothing (a byline's given name is no place), and the
  authors a byline names are people of the article;
- a person's name in the genitive before a noun is the person ("Rudolf Augsteins Motto");
- an entity that only the page's furniture names (a columnist in a teaser list, legal text, a
  newsletter box, an ad or an appeal) is not the article's; captions and author boxes, which
  the segmentation files as boilerplate, still name the article's people.
"""

from __future__ import annotations

import re
from functools import cache

from ..lang import profile
from ..model import Block, Entity, Mention
from ..text.blocks import BlockIndex
from .entities import RawMention, entity_id
from .pipeline import _gazetteer_patterns

# A capitalised word joined by a hyphen to a capitalised word or a number: "Assad-Truppen".
# "SPD-Chef", "FPÖ-Politiker": acronyms too.
COMPOUND_HEAD = re.compile(r"(?<![\w-])([A-ZÄÖÜ][A-ZÄÖÜa-zäöüß]+)-(?=[A-ZÄÖÜ0-9])")
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


# A genitive -s before a capitalised word (the noun it belongs to): "Augsteins Motto".
_GENITIVE_BEFORE_NOUN = re.compile(r"s(?=\s+[A-ZÄÖÜ])")


def genitive_people(text: str, lang: str, mentions: list[RawMention]) -> None:
    """A given name and a surname in the genitive before its noun ("Christian Morgensterns
    Gedicht") name the person without the -s; languages whose genitive is "'s" have none."""
    given = profile(lang).words("first_names")
    for mention in mentions:
        words = mention.text.split()
        if mention.label != "PER" or len(words) < 2 or words[0] not in given:
            continue
        if mention.canonical and mention.canonical != mention.text:
            continue
        last = words[-1]
        if last.endswith(("ss", "'s", "’s")) or not last.endswith("s"):
            continue
        if _GENITIVE_BEFORE_NOUN.match(text, mention.end - 1):
            mention.canonical = mention.text[:-1]


def author_entities(
    entities: list[Entity], authors: list[str], text: str, blocks: list[Block]
) -> list[Entity]:
    """The authors a byline of the text names, as people of the article."""
    index = BlockIndex(blocks)
    covered = [(m.start, m.end) for e in entities if e.label == "PER" for m in e.mentions]
    for author in authors:
        if " " not in author.strip():
            continue  # an agency's or a desk's credit
        for match in re.finditer(re.escape(author), text):
            start, end = match.span()
            block = index.kind_at(start)
            if block != "byline" or any(s < end and start < e for s, e in covered):
                continue
            entity = next((e for e in entities if e.label == "PER" and e.name == author), None)
            if entity is None:
                entity = Entity(author, "PER", 0, [], entity_id(author, "PER"))
                entities.append(entity)
            entity.mentions.append(Mention(start, end, author, block))
            entity.count = len(entity.mentions)
    return entities


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
