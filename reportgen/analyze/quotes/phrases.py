"""Noun phrases next to a speech cue and the subjects of clauses, read from tokens without a
parser. Pure functions of the article view: tested on strings."""

from __future__ import annotations

from functools import cache

from ...model import Span
from ...text.patterns import WORD
from ...text.tokens import Token
from .lexicon import QuoteLexicon
from .patterns import CLOSERS, MAX_FRONTED_SOURCE_WORDS, OPENERS
from .view import ArticleView

_CLAUSE_PUNCTUATION = (",", ";", ":", "(", ")", "–", "—")


def _span(v: ArticleView, first: Token, last: Token) -> Span:
    return Span(first[0], last[1], v.text[first[0] : last[1]])


def is_name_word(v: ArticleView, word: str) -> bool:
    return word[:1].isupper() and word not in v.lex.cues


@cache
def _joining_words(lex: QuoteLexicon) -> frozenset[str]:
    """Words that join or govern a phrase: no adverb between a verb and its subject."""
    return lex.prepositions | lex.coordinators | lex.subordinators | lex.complementizers


def _without_leading_adverbs(v: ArticleView, toks: list[Token]) -> list[Token]:
    """"sagt auch Stenger", "sagte dagegen der Minister": up to two adverbs between the verb
    and its subject (words of ``not_speakers`` that join or govern nothing)."""
    lex = v.lex
    joining = _joining_words(lex)
    skipped = 0
    while (
        skipped < 2
        and len(toks) > 1
        and toks[0][2] in lex.not_speakers
        and toks[0][2] not in joining
        and toks[0][2] not in lex.pronouns
    ):
        toks = toks[1:]
        skipped += 1
    return toks


def np_after(v: ArticleView, position: int, stop: int) -> Span | None:
    """The speaker noun phrase right after a cue verb ("sagte der Minister Müller")."""
    lex = v.lex
    toks = _without_leading_adverbs(v, v.tokens(position, stop))
    if not toks:
        return None
    first = toks[0][2]
    if first in lex.pronouns:
        return Span(toks[0][0], toks[0][1], first)
    chosen: list[Token] = toks[: _determiner_lead(v, toks)]
    index = len(chosen)
    names = 0
    while index < len(toks):
        word = toks[index][2]
        if is_name_word(v, word) or (names and word in lex.name_particles):
            chosen.append(toks[index])
            names += word[:1].isupper()
            index += 1
            continue
        if names and word.lower() in lex.genitive_articles and index + 1 < len(toks):
            # A genitive ("der Sprecher des Kremls"): keep it when a noun follows.
            rest = np_after(v, toks[index + 1][0], stop)
            if rest and rest.text[:1].isupper():
                return Span(chosen[0][0], rest.end, v.text[chosen[0][0] : rest.end])
        break
    if names == 0:
        if not (not v.style.nouns_capitalised and chosen and index < len(toks)
                and toks[index][2].isalpha()):  # fmt: skip
            return None
        chosen.append(toks[index])  # "the spokesman": English nouns are lowercase.
    elif _lowercase_role_after(v, chosen, toks, index):
        chosen.append(toks[index])  # "one GOP operative": the names qualify a role
    while chosen and (chosen[-1][2] in (",", "-") or chosen[-1][2] in lex.name_particles):
        chosen.pop()
    return _span(v, chosen[0], chosen[-1])


def _determiner_lead(v: ArticleView, toks: list[Token]) -> int:
    """How many tokens a determiner and up to three lowercase words after it take ("der
    frühere", "the veteran")."""
    if toks[0][2].lower() not in v.lex.determiners:
        return 0
    index = 1
    while index < len(toks) and index < 4 and toks[index][2][:1].islower() and (
        toks[index][2].isalpha() or "-" in toks[index][2]
    ):
        index += 1
    return index


def _lowercase_role_after(
    v: ArticleView, chosen: list[Token], toks: list[Token], index: int
) -> bool:
    """Where nouns are lowercase, a role after the names of a determined phrase is its head
    ("a White House official", "one GOP operative"); without a determiner the names are the
    speaker and the next word is the verb ("Biden aides" aside)."""
    if v.style.nouns_capitalised or index >= len(toks) or chosen[0][2].lower() not in (
        v.lex.determiners
    ):
        return False
    word = toks[index][2]
    return word.islower() and word.endswith(v.lex.roles)


def _strip_to_subject(v: ArticleView, toks: list[Token]) -> list[Token]:
    """The tokens before a cue without what stands between subject and verb: auxiliaries,
    an age ("Mr. King, 82, told me"), a relative clause, a parenthesis after the name."""
    aux = v.lex.auxiliaries
    while len(toks) > 2 and toks[-1][2] == "," and toks[-2][2].isdigit() and toks[-3][2] == ",":
        del toks[-3:]
    if toks and toks[-1][2] == ",":
        # "Christie, who has campaigned for Trump, blasted …": skip the relative clause.
        commas = [i for i, t in enumerate(toks[:-1]) if t[2] == ","]
        if commas and commas[-1] + 1 < len(toks) and (
            toks[commas[-1] + 1][2].lower() in v.lex.relatives
        ):
            del toks[commas[-1] :]
    while toks and (toks[-1][2].lower() in aux or toks[-1][2] in (",", ")")):
        if toks[-1][2] == ")":
            # "Elijah E. Cummings (D-Md.) said"
            opening = next((i for i in range(len(toks) - 1, -1, -1) if toks[i][2] == "("), 0)
            del toks[opening:]
            continue
        toks.pop()
    return toks


def _phrase_start(v: ArticleView, toks: list[Token]) -> int:
    """Index where the phrase ending at the last token begins: the previous clause boundary."""
    start_index = len(toks) - 1
    while start_index > 0:
        prev = toks[start_index - 1][2]
        if prev in _CLAUSE_PUNCTUATION or prev in OPENERS + CLOSERS:
            break
        if prev.lower() in v.lex.np_boundaries:
            break
        start_index -= 1
    return start_index


def np_before(v: ArticleView, position: int, floor: int) -> Span | None:
    """The speaker noun phrase that ends right before a cue verb ("Der Minister sagte")."""
    lex = v.lex
    toks = _strip_to_subject(v, v.tokens(floor, position))
    if not toks:
        return None
    last = toks[-1][2]
    if last in lex.pronouns:
        return Span(toks[-1][0], toks[-1][1], last)
    if last.lower() in lex.relatives:
        return None
    phrase = toks[_phrase_start(v, toks) :]
    if len(phrase) > 12:
        phrase = phrase[-6:]
    # An appositive before the verb ("Bob Parker, der Bürgermeister, sagte").
    first = phrase[0][2]
    if not (first[:1].isupper() or first.lower() in lex.determiners or first in lex.pronouns):
        lowercase_subject = (
            not v.style.nouns_capitalised
            and last.isalpha()
            and last[:1].islower()
            and len(phrase) <= 4
        )
        if not lowercase_subject:  # "officials said", "many voters say" stay whole
            # Keep the capitalised tail ("… the president Barack Obama said")
            tail = [t for t in phrase if t[2][:1].isupper()]
            if not tail or tail[-1] is not phrase[-1]:
                return None
            phrase = phrase[phrase.index(tail[-1]) :]
    if not any(ch.isalpha() for t in phrase for ch in t[2]):
        return None
    if len(phrase) == 1 and phrase[0][2] in lex.time_words:
        return None
    return _span(v, phrase[0], phrase[-1])


def choose_v2(v: ArticleView, before: Span, after: Span | None) -> Span:
    """Verb-second order: "Relativierend fügt Gall hinzu" (the subject follows the verb)
    against "Merkel sagte den Journalisten" (an object follows)."""
    if after is None:
        return before
    first_after = after.text.split()[0].lower()
    if first_after in v.lex.oblique_determiners:
        return before
    first_before = before.text.split()[0]
    if (
        first_before.lower() in v.lex.determiners
        or first_before in v.lex.pronouns
        or v.entity_in(before.start, before.end, "PER")
    ) and first_before.lower() not in v.lex.starters:
        return before
    return after


def _strict_subject(v: ArticleView, toks: list[Token], end: int) -> Span | None:
    """Only a pronoun, a noun phrase with an article or a person that opens the clause."""
    first = toks[0][2]
    if first in v.lex.pronouns:
        return Span(toks[0][0], toks[0][1], first)
    if first.lower() in v.lex.determiners and first.lower() not in v.lex.oblique_determiners:
        return np_after(v, toks[0][0], end)
    person = v.entity_in(toks[0][0], min(end, toks[0][0] + 40), "PER")
    if person is not None and person[0] == toks[0][0]:
        return Span(person[0], person[1], v.text[person[0] : person[1]])
    return _pronoun_after_verb(v, toks, end)


def _pronoun_after_verb(v: ArticleView, toks: list[Token], end: int) -> Span | None:
    """Where the verb comes second, a sentence opening with an adverbial has its subject
    right after the verb, and a pronoun subject comes before any object ("Dafür greift sie
    auf Zahlen zurück", "In der Nacht schickt sie Relotius eine Nachricht")."""
    lex = v.lex
    if not v.style.verb_second or not (
        toks[0][2].lower() in lex.starters or toks[0][2].lower() in lex.prepositions
    ):
        return None
    joining = _joining_words(lex) | lex.determiners | lex.genitive_articles
    for (_s, _e, before), (p_start, p_end, word) in zip(toks, toks[1:], strict=False):
        if p_start >= end or before[:1].isupper() and before.lower() not in lex.starters:
            continue
        if word in lex.person_pronouns and before.islower() and before not in joining:
            return Span(p_start, p_end, word)
    return None


def _owned_words(v: ArticleView, begin: int, name_start: int) -> bool:
    """"das Motto von Daniela Katzenberger": a name after "von" owns what the clause names."""
    before = WORD.findall(v.text, begin, name_start)
    return bool(before) and before[-1].lower() in v.lex.genitive_prepositions


def clause_subject(v: ArticleView, begin: int, end: int, strict: bool = False) -> Span | None:
    """The subject of a clause without parsing: a person named in it, else the noun phrase
    or pronoun it opens with."""
    toks = v.tokens(begin, end)
    if not toks:
        return None
    if strict:
        return _strict_subject(v, toks, end)
    first = toks[0][2]
    person = v.entity_in(begin, end, "PER")
    pronoun = _pronoun_after_verb(v, toks, person[0] if person else end)
    if pronoun is not None and not (person and _owned_words(v, begin, person[0])):
        return pronoun
    if person is not None:
        return Span(person[0], person[1], v.text[person[0] : person[1]])
    if first.lower() in v.lex.starters:
        pronoun = next((t for t in toks if t[2] in v.lex.pronouns), None)
        return Span(pronoun[0], pronoun[1], pronoun[2]) if pronoun else None
    if first in v.lex.pronouns:
        return Span(toks[0][0], toks[0][1], first)
    if first.lower() in v.lex.determiners or first[:1].isupper():
        return np_after(v, toks[0][0], end)
    return None


def anonymous_source(v: ArticleView, position: int, stop: int) -> Span | None:
    """The text an anonymous attribution points into: "hieß es aus Regierungskreisen", "heißt
    es in dem Papier" (a preposition of ``source_prepositions``, then its noun phrase)."""
    toks = v.tokens(position, stop)
    if len(toks) < 2 or toks[0][2].lower() not in v.lex.source_prepositions:
        return None
    return np_after(v, toks[1][0], stop)


def fronted_source(v: ArticleView, s_start: int, cue_start: int) -> Span | None:
    """The same source phrase fronted before the anonymous cue: "Aus Kreisen der bayerischen
    Staatsregierung hieß es, …" (the sentence opens with it, and it runs up to the cue)."""
    toks = v.tokens(s_start, cue_start)
    words = toks[1:]
    if (
        not words
        or len(words) > MAX_FRONTED_SOURCE_WORDS
        or toks[0][2].lower() not in v.lex.source_prepositions
        or not words[0][2][:1].isupper() and words[0][2].lower() not in v.lex.determiners
        or any(not t[2][:1].isalnum() for t in words)
    ):
        return None
    return _span(v, words[0], words[-1])
