"""A speaker mention read as a name: the article's entity it names (a surname or a title plus
surname gives the full name, a role the person in apposition), a source of the knowledge base,
or the mention without its title and article."""

from __future__ import annotations

import bisect
from functools import cache

from ...model import Span
from ...text.patterns import WORD
from ..sources import lookup_alias, source_nouns
from .patterns import COMMA_BEFORE, COMMA_SPACE, COMPOUND_JOIN
from .records import Speaker
from .view import ArticleView, EntityMention


def apposed_person(v: ArticleView, mention: Span) -> EntityMention | None:
    """"der Leiter der Delegation, Herbert Krall," / "Herbert Krall, der Leiter …,"."""
    after = COMMA_SPACE.match(v.text[mention.end : mention.end + 3])
    if after:
        person = v.entity_in(mention.end, mention.end + after.end() + 60, "PER")
        if person is not None and person[0] == mention.end + after.end():
            return person
    if COMMA_BEFORE.search(v.text[max(0, mention.start - 3) : mention.start]):
        index = bisect.bisect_left(v.mention_starts, mention.start)
        for candidate in reversed(v.mentions[max(0, index - 3) : index]):
            gap = v.text[candidate[1] : mention.start]
            if candidate[2].label == "PER" and COMMA_SPACE.fullmatch(gap):
                return candidate
    return None


def without_title(v: ArticleView, name: str) -> str:
    """"Transport minister Mark Harbers" -> "Mark Harbers": a full name after a title or
    role is the speaker; a surname alone keeps its title ("Präsident Macron")."""
    words = name.split()
    titles = {title.lower() for title in v.lex.titles}
    cut = 0
    for index, word in enumerate(words[:-1]):
        if word.lower() in titles:
            cut = index + 1
    rest = words[cut:]
    if cut and len(rest) >= 2 and all(word[:1].isupper() for word in rest):
        return " ".join(rest)
    # "union organiser Femke Dijkstra": a full name after a lowercase role description;
    # not a genitive or prepositional tail ("Sprecher der Stadt Köln").
    tail = len(words)
    while tail > 0 and words[tail - 1][:1].isupper():
        tail -= 1
    before = words[tail - 1].lower() if tail > 0 else ""
    linking = v.lex.determiners | v.lex.genitive_articles | v.lex.linking_words
    if tail > 0 and len(words) - tail >= 2 and before not in linking:
        return " ".join(words[tail:])
    return name


def source_kind(v: ArticleView, noun: str) -> str | None:
    """The source type a bare noun names ("Agentur" -> news_agency), from source_nouns.txt."""
    if " " in noun.strip():
        return None
    lowered = noun.strip().lower()
    kinds = (kind for word, kind in source_nouns(v.lex.lang) if lowered == word.lower())
    return next(kinds, None)


def names_an_institution(v: ArticleView, noun: str) -> bool:
    """The noun, or the end of a compound, names a kind of source or organisation
    ("Datenschutzbehörde", "die Impfstoffhersteller"): no description of a person."""
    return noun.strip().lower().endswith(_institution_endings(v.lex.lang, v.lex.org_nouns))


@cache
def _institution_endings(lang: str, org_nouns: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted({*org_nouns, *(word.lower() for word, _kind in source_nouns(lang))}))


def entity_id(v: ArticleView, name: str) -> str | None:
    named = next((e for e in v.entities if e.name == name), None)
    return (named.id or None) if named else None


def known_source(v: ArticleView, mention: Span) -> Speaker | None:
    """An agency or outlet of the knowledge base, unless a person is named in the mention."""
    entry = lookup_alias(mention.text)
    if entry is None or v.entity_in(mention.start, mention.end, "PER") is not None:
        return None
    names = (entry.name, *entry.aliases)
    listed = next((e for e in v.entities if e.name in names and e.id), None)
    org = v.entity_in(mention.start, mention.end)
    found_id = listed.id if listed else (org[2].id or None) if org else None
    return Speaker(entry.name, 1.0, found_id, named=True)


def _whole_name(v: ArticleView, found: EntityMention | None) -> EntityMention | None:
    """The mention unless it only qualifies a compound ("Grünen-Politiker", "Trump-Berater"):
    such a speaker is the person the compound describes, not the party or person named."""
    if found is None or not COMPOUND_JOIN.match(v.text, found[1]):
        return found
    return None


def named(v: ArticleView, mention: Span) -> Speaker | None:
    """A person or organisation of the article's entities named in or next to the mention."""
    found = _whole_name(v, v.entity_in(mention.start, mention.end, "PER"))
    if found is not None and _qualifies_a_role(v, mention, found[1]):
        return None  # "Obama administration officials" are not Obama
    reason = None
    if found is None:
        found = apposed_person(v, mention)
        reason = f"apposition → {found[2].name}" if found else None
    found = found or _whole_name(v, v.entity_in(mention.start, mention.end))
    if found:
        return Speaker(found[2].name, 1.0, found[2].id or None, reason, named=True)
    # A surname alone or with a title ("Präsident Lukaschenko"): a person of the article.
    words = [w for w in WORD.findall(mention.text) if w[:1].isupper()]
    for person in v.persons:
        if person.name.split()[-1] in words:
            return Speaker(person.name, 0.9, person.id or None, named=True)
    return None


def _qualifies_a_role(v: ArticleView, mention: Span, name_end: int) -> bool:
    """Where nouns are lowercase, a name followed by lowercase words that end in a role
    qualifies the role ("Obama administration officials", "Trump campaign aides")."""
    after = WORD.findall(v.text, name_end, mention.end)
    return (
        not v.style.nouns_capitalised
        and bool(after)
        and all(w.islower() for w in after)
        and after[-1].endswith(v.lex.roles)
    )


def bare_name(v: ArticleView, mention: Span) -> str:
    """The mention without a title, a statement noun ("nach Angaben der Delegation": the
    delegation speaks) and a leading article."""
    name = without_title(v, mention.text)
    words = name.split()
    links = v.lex.genitive_articles | v.lex.genitive_prepositions
    lead = 1 if words and words[0].lower() in v.lex.determiners else 0
    for at in (lead, lead + 1):  # "Angaben des Konzerns", "eine aktuelle Studie des CEBR"
        if len(words) > at + 2 and words[at].lower() in v.lex.statement_nouns and (
            words[at + 1].lower() in links
        ):
            name = " ".join(words[at + 2 :])
            break
    first, _, rest = name.partition(" ")
    if rest and first.lower() in v.lex.determiners:
        name = rest
    return name
