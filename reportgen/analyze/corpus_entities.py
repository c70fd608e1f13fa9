"""Second pass over the whole corpus: a person named only by the surname in one article takes
the full name the corpus uses for that surname, so the site has one page per person. Speakers
of quotations follow their entity."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import ArticleAnalysis
from ..slugs import unique_slugs
from .entities import corpus_full_names, entity_id, merge_with_full_names


def merge_corpus_entities(analyses: Sequence[ArticleAnalysis]) -> int:
    """Rewrite entities and quotation speakers in place (an analysis that changed is stored
    back, for a spool); returns how many entities were renamed."""
    full_names = corpus_full_names(a.entities for a in analyses)
    renamed_total = 0
    for position, analysis in enumerate(analyses):
        merged = merge_with_full_names(analysis.entities, full_names)
        # Which new entity each old one went to: the one that now holds its first mention.
        by_mention = {(m.start, m.end): e for e in merged for m in e.mentions}
        renamed = {}
        for old in analysis.entities:
            if not old.mentions:
                continue
            new = by_mention[(old.mentions[0].start, old.mentions[0].end)]
            if new.id != (old.id or entity_id(old.name, old.label)):
                renamed[old.id] = (old.name, new)
        if not renamed:
            continue
        for quote in analysis.quotes:
            _old_name, target = renamed.get(quote.speaker_id or "", (None, None))
            if target is not None:
                quote.speaker, quote.speaker_id = target.name, target.id
        analysis.warnings.extend(
            f"{old_name} is named here by surname only; taken as {entity.name}, the one full "
            "name with it in the corpus"
            for old_name, entity in sorted(renamed.values(), key=lambda pair: pair[0])
        )
        analysis.entities = merged
        analyses[position] = analysis  # type: ignore[index]
        renamed_total += len(renamed)
    return renamed_total


def unique_entity_ids(analyses: Sequence[ArticleAnalysis]) -> int:
    """Different names whose ids would be the same ("Foo Bar" and "foo-bar", or two names that
    transliterate alike) get distinct ids: one keeps the plain id, the others a stable hash
    suffix (``reportgen.slugs.unique_slugs``). Speakers follow. Returns how many names moved."""
    names_by_label: dict[str, set[str]] = {}
    for analysis in analyses:
        for entity in analysis.entities:
            names_by_label.setdefault(entity.label, set()).add(entity.name)
    new_ids: dict[tuple[str, str], str] = {}
    for label, names in names_by_label.items():
        for name, slug in unique_slugs(names, "entity", reserved=()).items():
            if f"{label.lower()}-{slug}" != entity_id(name, label):
                new_ids[(label, name)] = f"{label.lower()}-{slug}"
    if not new_ids:
        return 0
    for position, analysis in enumerate(analyses):
        if _move_ids(analysis, new_ids):
            analyses[position] = analysis  # type: ignore[index]
    return len(new_ids)


def _move_ids(analysis: ArticleAnalysis, new_ids: dict[tuple[str, str], str]) -> bool:
    """Give the article's entities and speakers their new ids; whether any moved."""
    moved: dict[tuple[str, str], str] = {}  # (old id, name) -> new id
    for entity in analysis.entities:
        new = new_ids.get((entity.label, entity.name))
        if new is not None:
            moved[(entity.id, entity.name)] = new
            entity.id = new
    for quote in analysis.quotes:
        new = moved.get((quote.speaker_id or "", quote.speaker or ""))
        if new is not None:
            quote.speaker_id = new
    return bool(moved)
