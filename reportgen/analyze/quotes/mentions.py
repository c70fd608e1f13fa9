"""A speaker mention as the resolver reads it: stray words cut off or the mention refused, a role
or a group noun read as the person or organisation the article names for it. Pure functions of
the article view, tested on strings."""

from __future__ import annotations

import bisect

from ...model import Span
from ...text.patterns import SENTENCE_END, WORD
from .names import names_an_institution
from .patterns import APPOSITION_GAP, ROLE_STOP
from .view import ArticleView, EntityMention

# German inflection endings dropped before two role words are compared ("Forschern", "Chefs").
_ENDINGS = ("en", "n", "s", "e")
_MIN_STEM = 4
# How far before and after a person's name a role word describes that person.
_ROLE_BEFORE = 60
_ROLE_AFTER = 90
# Most words between a role word and the name it stands before ("der Zweite Vorsitzende der
# Gewerkschaft IG Metall, Jürgen Kerner").
_ROLE_WORDS = 6


def _words(v: ArticleView, mention: Span) -> list[Span]:
    return [
        Span(mention.start + m.start(), mention.start + m.end(), m.group(0))
        for m in WORD.finditer(mention.text)
    ]


def _joined(v: ArticleView, words: list[Span]) -> Span:
    return Span(words[0].start, words[-1].end, v.text[words[0].start : words[-1].end])


def _drop_clause_words(v: ArticleView, words: list[Span]) -> list[Span]:
    """"sollten den Forschern", "ist den Angaben": where nouns are capitalised, lowercase words
    before the first article are the tail of a clause, not part of the speaker."""
    if not v.style.nouns_capitalised:
        return words
    determiners = v.lex.determiners
    for index, word in enumerate(words):
        if word.text.lower() in determiners:
            if index and all(w.text[:1].islower() for w in words[:index]):
                return words[index:]
            break
    return words


def _addressed(v: ArticleView, mention: Span) -> bool:
    """"sagte er dem Wirtschaftsmagazin Capital", "gegenüber Capital": the mention is the one
    spoken to, after an oblique article or a preposition for the addressee."""
    window = v.text[max(0, mention.start - 40) : mention.start]
    window = SENTENCE_END.split(window)[-1]  # within the mention's own sentence
    before = WORD.findall(window)[-2:]
    first = mention.text.split(maxsplit=1)[0] if mention.text.strip() else ""
    if first.lower() in v.lex.determiners or first in v.lex.pronouns:
        return False
    if before and before[-1].lower() in v.lex.oblique_determiners | v.lex.addressee_prepositions:
        return True
    return len(before) == 2 and before[0].lower() in v.lex.oblique_determiners and (
        before[1][:1].isupper()
    )


def clean_mention(v: ArticleView, mention: Span) -> Span | None:
    """The mention without stray words; None when nothing that can speak is left (a month, an
    adverb, a preposition's object, a document that names nobody, the one spoken to)."""
    if _addressed(v, mention):
        return None
    words = _words(v, mention)
    if words and words[0].text in v.lex.pronouns:
        return words[0]  # "er im Gespräch mit dem Magazin": the pronoun is the speaker
    while words and words[0].text.lower() in v.lex.not_speakers:
        words = words[1:]
    words = _drop_clause_words(v, words)
    while words and words[-1].text.lower() in v.lex.not_speakers:
        words = words[1:] if len(words) == 1 else words[:-1]
    if not words:
        return None
    same = (words[0].start, words[-1].end) == (mention.start, mention.end)
    cleaned = mention if same else _joined(v, words)
    if v.entity_in(cleaned.start, cleaned.end) is not None:
        return cleaned
    content = [w.text.lower() for w in words if w.text.lower() not in v.lex.determiners]
    if not content or all(w in _lower(v.lex.months | v.lex.time_words) for w in content):
        return None
    head = _head(v, words)
    if head is not None and head.text.lower() in v.lex.document_nouns:
        return None
    if head is words[-1] and head.text.lower() in v.lex.utterance_nouns:
        return None  # "den Angaben zufolge", "lautet das Fazit": whose, the context says
    return cleaned


def _lower(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _head(v: ArticleView, words: list[Span]) -> Span | None:
    """The noun a mention is about: the last word before a genitive or preposition ("Chef" in
    "der ehemalige Chef des MI6")."""
    links = v.lex.genitive_articles | v.lex.genitive_prepositions
    kept = []
    for word in words:
        if kept and word.text.lower() in links:
            break
        if word.text.lower() not in v.lex.determiners:
            kept.append(word)
    return kept[-1] if kept else None


def stem(word: str) -> str:
    lowered = word.lower()
    for ending in _ENDINGS:
        if lowered.endswith(ending) and len(lowered) - len(ending) >= _MIN_STEM:
            return lowered[: -len(ending)]
    return lowered


def _describes(v: ArticleView, head: str, start: int, end: int) -> bool:
    """A word between ``start`` and ``end`` is the role ``head`` (or a compound ending in it:
    "Rechtsmediziner" for "Mediziner")."""
    return any(stem(w).endswith(head) for w in WORD.findall(v.text, start, end))


def _title_before(v: ArticleView, head: str, name_start: int) -> bool:
    """The role stands in front of the name as its title, in the same clause and a few words
    before it ("Bundesfinanzminister Olaf Scholz", "der Vorsitzende der IG Metall, Jürgen
    Kerner"); a word in another clause before the name describes somebody else."""
    window = v.text[max(0, name_start - _ROLE_BEFORE) : name_start].rstrip()
    window = ROLE_STOP.split(window.removesuffix(","))[-1]
    words = WORD.findall(window)[-_ROLE_WORDS:]
    return any(stem(w).endswith(head) for w in words)


def _apposition_after(v: ArticleView, mention: Span) -> EntityMention | None:
    """"der Hauptgeschäftsführer ihres Arbeitgeberverbandes Gesamtmetall, Oliver Zander": a
    person set off by a comma at the end of the mention's phrase."""
    found = v.entity_in(mention.end, mention.end + _ROLE_AFTER, "PER")
    if found is None:
        return None
    between = v.text[mention.end : found[0]]
    if between.rstrip().endswith(",") and not any(c in between for c in ".!?:;\n„“”\""):
        return found
    return None


def apposed_to_person(v: ArticleView, mention: Span) -> EntityMention | None:
    """"Anthony Fauci, Direktor des National Institute …, erklärte": a phrase set off by a
    comma right after a person's name describes that person, whatever it names inside."""
    if v.entity_in(mention.start, mention.end, "PER") is not None:
        return None
    index = bisect.bisect_left(v.mention_starts, mention.start) - 1
    while index >= 0 and v.mentions[index][1] > mention.start:
        index -= 1
    if index < 0 or v.mentions[index][2].label != "PER":
        return None
    person = v.mentions[index]
    return person if APPOSITION_GAP.fullmatch(v.text, person[1], mention.start) else None


def role_person(v: ArticleView, mention: Span) -> EntityMention | None:
    """The person the article names with the mention's role: "Hauptgeschäftsführer" after
    "Hauptgeschäftsführer Oliver Zander", "the president" after "President Barack Obama",
    nearest before the mention, else nearest after it."""
    if v.entity_in(mention.start, mention.end) is not None:
        return None
    apposed = _apposition_after(v, mention)
    if apposed is None and mention.text.split(maxsplit=1)[0].lower() in v.lex.indefinites:
        return None  # "ein Sprecher", "a person": somebody the article does not name
    if apposed is not None:
        return apposed
    head = _head(v, _words(v, mention))
    if head is None or head.text in v.lex.pronouns or len(head.text) < _MIN_STEM:
        return None
    wanted = stem(head.text)
    before, after = None, None
    for person in v.mentions:
        if person[2].label != "PER" or mention.start <= person[0] < mention.end:
            continue
        described = _title_before(v, wanted, person[0])
        tail = v.text[person[1] : person[1] + _ROLE_AFTER]
        if not described and tail.startswith(","):
            stop = tail.find(",", 1)
            described = _describes(v, wanted, person[1], person[1] + (stop if stop > 0 else 0))
        if not described:
            continue
        if person[0] < mention.start:
            before = person
        elif after is None:
            after = person
    return before or after


def described_person(v: ArticleView, mention: Span) -> EntityMention | None:
    """"Der Grünen-Politiker sagte" after "Robert Habeck …": a definite description that is no
    standing role (not "der Sprecher") and names no institution ("die Datenschutzbehörde
    Nordrhein-Westfalen") stands for the person named last before it."""
    words = _words(v, mention)
    head = _head(v, words)
    if (
        head is None
        or len(words) < 2
        or words[0].text.lower() not in v.lex.determiners
        or words[0].text.lower() in v.lex.indefinites  # "an inch", "eine fatale Sucht"
        or head.text.lower() in v.lex.document_nouns | v.lex.statement_nouns  # "the poll"
        or (v.style.nouns_capitalised and not head.text[:1].isupper())
        or (_standing_role(v, head) and not _former(v, words))
        or is_group(v, mention)
        or any(names_an_institution(v, w.text) for w in words[: words.index(head) + 1])
    ):
        return None
    return _named_before(v, mention.start, "PER")


def _standing_role(v: ArticleView, head: Span) -> bool:
    return any(stem(head.text).endswith(role) for role in v.lex.roles)


def _former(v: ArticleView, words: list[Span]) -> bool:
    """"der ehemalige Chef des MI6", "the former president": a role somebody no longer holds
    names one person, the one the article has named, not whoever holds it now."""
    return any(w.text.lower() in v.lex.former_words for w in words)


def _named_before(v: ArticleView, offset: int, label: str) -> EntityMention | None:
    window = v.style.description_window
    earlier = [
        m for m in v.mentions if m[2].label == label and offset - window <= m[1] <= offset
    ]
    return earlier[-1] if earlier else None


def described_org(v: ArticleView, mention: Span) -> EntityMention | None:
    """"nach Angaben des Konzerns" after "Rheinmetall …", "the company said": an organisation
    described by its kind is the organisation named last before it."""
    words = _words(v, mention)
    for index, word in enumerate(words[1:], start=1):
        # "Angaben des Konzerns": the organisation after the statement noun
        if word.text.lower() in v.lex.genitive_articles and (
            words[index - 1].text.lower() in v.lex.statement_nouns
        ):
            words = words[index:]
            break
    head = _head(v, words)
    if head is None or not {head.text.lower(), stem(head.text)} & v.lex.org_nouns:
        return None
    if words[0].text.lower() not in v.lex.determiners:
        return None
    return _named_before(v, mention.start, "ORG")


def is_group(v: ArticleView, mention: Span) -> bool:
    """"die Forscher", "Autoren der Studie", "the researchers": the people behind a study. A bare
    plural ("laut Experten", "scientists think") is experts at large, no study's authors."""
    words = _words(v, mention)
    head = _head(v, words)
    if head is None or len(words) < 2:
        return False
    return any(head.text.lower().startswith(g) for g in v.lex.group_nouns)


def publishing_org(v: ArticleView, before: int) -> EntityMention | None:
    """The organisation whose study or statement the article reports: the last one named after
    a statement noun ("Studie der Bank of England", "Stellungnahmen der Leopoldina") before
    ``before``, else the organisation named most often before it."""
    counts: dict[str, int] = {}
    latest: dict[str, EntityMention] = {}
    published = None
    for found in v.mentions:
        if found[0] >= before:
            break
        if found[2].label != "ORG":
            continue
        counts[found[2].name] = counts.get(found[2].name, 0) + 1
        latest[found[2].name] = found
        lead = WORD.findall(v.text, max(0, found[0] - 40), found[0])
        if any(w.lower() in v.lex.statement_nouns for w in lead[-3:]):
            published = found
    if published is not None:
        return published
    if not counts:
        return None
    return latest[max(counts, key=lambda name: counts[name])]


def definite_document(v: ArticleView, mention: Span) -> bool:
    """"dem Papier", "der Studie": a document the article named before (a definite article), not
    "laut Verfassung" or "eine E-Mail"."""
    return _definite_head(v, _words(v, mention), v.lex.document_nouns) is not None


def definite_utterance(v: ArticleView, mention: Span) -> bool:
    """"den Angaben zufolge", "the remarks": words the article reported just before (a
    definite article), not "eine Aussage"."""
    words = _drop_clause_words(v, _words(v, mention))
    head = _definite_head(v, words, v.lex.utterance_nouns)
    return head is not None and head is words[-1]


def _definite_head(v: ArticleView, words: list[Span], nouns: frozenset[str]) -> Span | None:
    """The head of a phrase opened by a definite article ("dem Papier", "den Angaben"), if it
    is one of `nouns`."""
    head = _head(v, words)
    if head is None or len(words) < 2 or head.text.lower() not in nouns:
        return None
    first = words[0].text.lower()
    return head if first in v.lex.determiners and first not in v.lex.indefinites else None


def own_subject(v: ArticleView, mention: Span) -> Span | None:
    """"nach eigenen Angaben", "by his own account": the words are the sentence subject's own.
    The subject before the mention: a pronoun opening the sentence ("Und er meldet …"), else the
    person named first in it; None where neither stands there."""
    if not any(w.text.lower() in v.lex.own_words for w in _words(v, mention)):
        return None
    sentence = next(((a, b) for a, b in v.sentences() if a <= mention.start < b), None)
    if sentence is None:
        return None
    toks = v.tokens(sentence[0], mention.start)
    pronoun = next((t for t in toks[:2] if t[2] in v.lex.person_pronouns), None)
    if pronoun is not None:
        return Span(pronoun[0], pronoun[1], pronoun[2])
    person = v.entity_in(sentence[0], mention.start, "PER")
    return Span(person[0], person[1], v.text[person[0] : person[1]]) if person else None
