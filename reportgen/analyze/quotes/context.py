"""Who speaks where the quotation's own attribution does not say: the person a pronoun stands
for, the speaker named by the sentence before the quotation, the speaker of the quotation just
before it (consecutive paragraphs of one answer). The resolver asks these in that order."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...model import Entity, Span
from ...resources import given_name_genders
from ...text.patterns import WORD
from ...text.tokens import Token
from .mentions import clean_mention
from .patterns import (
    CONTEXT_GAP_CHARS,
    MAX_CONTEXT_BREAKS,
    PARAGRAPH_BREAKS,
    POSSESSIVE_AFTER,
    QUESTION_NAME_WEIGHT,
    SUBHEADING,
    V2_LEAD_WORDS,
)
from .phrases import clause_subject, np_after
from .records import Speaker
from .verbal import subject
from .view import ArticleView

SUBJECT_BEFORE = "the subject of a sentence before"


@dataclass(frozen=True)
class Decided:
    """A quotation the resolver has decided, as later quotations look back on it."""

    start: int
    end: int
    speaker: Speaker


def antecedent(
    v: ArticleView, mention: Span, history: Sequence[Decided] = ()
) -> tuple[Entity | None, str]:
    """The person (or organisation) a pronoun stands for, when it is safe: the one person named
    in the stretch of text before it, else the named speaker of the quotation just before."""
    if mention.text not in v.lex.person_pronouns:
        return None, ""  # "they", "we", "I": not one person of the article
    window = v.style.pronoun_window
    index = bisect.bisect_left(v.mention_starts, mention.start)
    persons = {
        m[2].name: m[2]
        for m in v.mentions[:index]
        if m[2].label == "PER" and m[1] >= mention.start - window
        and may_stand_for(v, mention.text, m[2])
    }  # fmt: skip
    if len(persons) == 1:
        return next(iter(persons.values())), "the one person named before"
    in_sentence = [
        e for e in _persons_in_sentence_before(v, mention.start, index)
        if may_stand_for(v, mention.text, e)
    ]  # fmt: skip
    if len(in_sentence) == 1:
        return in_sentence[0], "the one person named before in its sentence"
    subject = _last_subject(v, mention.start, index, mention.text)
    earlier = [d for d in history if d.end <= mention.start and d.speaker.named]
    if (
        earlier
        and earlier[-1].end >= mention.start - 2 * window
        and not SUBHEADING.search(v.text, earlier[-1].end, mention.start)
        and (subject is None or subject[0] < earlier[-1].end)
    ):
        name = earlier[-1].speaker.name
        entity = next((e for e in v.entities if e.name == name), None)
        if (
            entity is not None
            and (entity.label == "PER" or not persons)
            and may_stand_for(v, mention.text, entity)
        ):
            return entity, "the speaker before"
    if subject is not None:
        return subject[1], SUBJECT_BEFORE
    return None, ""


def _persons_in_sentence_before(v: ArticleView, start: int, index: int) -> list[Entity]:
    """The persons named in the pronoun's own sentence before it ("Das wusste schon Carl
    Schmitt, als er sagte: …")."""
    number = v.sentence_number(start)
    if number < 0:
        return []
    s_start = v.sentences()[number][0]
    found: dict[str, Entity] = {}
    for mention in reversed(v.mentions[:index]):
        if mention[0] < s_start:
            break
        if mention[2].label == "PER":
            found[mention[2].name] = mention[2]
    return list(found.values())


def may_stand_for(v: ArticleView, pronoun: str, entity: Entity) -> bool:
    """A pronoun of one gender ("sie", "he") does not stand for a person whose given name is
    borne by the other (``given_names.txt``); an unknown name agrees with any pronoun."""
    gender = v.lex.pronoun_genders.get(pronoun)
    if gender is None or entity.label != "PER":
        return True
    given = entity.name.split()[0]
    genders = given_name_genders()
    known = genders.get(given) or genders.get(given.split("-")[0])
    return known is None or known == gender


def _last_subject(
    v: ArticleView, start: int, index: int, pronoun: str = ""
) -> tuple[int, Entity] | None:
    """The person who opens the latest sentence before ``start`` that opens with one
    ("Tobias Lindner, Sprecher der Grünen, nennt … Er fordert …"), and where."""
    window = v.style.pronoun_window
    for found in reversed(v.mentions[max(0, index - 4) : index]):
        if found[1] < start - window:
            break
        if found[2].label != "PER" or POSSESSIVE_AFTER.match(v.text, found[1]):
            continue
        if not may_stand_for(v, pronoun, found[2]):
            continue
        lead = v.text[max(0, found[0] - 60) : found[0]]
        lead = re.split(r"[.!?:\n]", lead)[-1]
        if not any(c in lead for c in ",(„“\"") and _subject_lead(v, WORD.findall(lead)):
            return found[0], found[2]
    return None


def _subject_lead(v: ArticleView, words: list[str]) -> bool:
    """What opens the sentence before a name leaves the name its subject: nothing or one
    word, or, where the verb comes second, a short adverbial and the verb ("Am Dienstag
    antwortet Relotius")."""
    if len(words) <= 1:
        return True
    return (
        v.style.verb_second
        and len(words) <= V2_LEAD_WORDS
        and words[0][:1].isupper()
        and words[-1][:1].islower()
        and words[-1].lower() not in v.lex.prepositions
    )


def _sentence_before(v: ArticleView, start: int) -> tuple[int, int] | None:
    """The sentence before the one the quotation opens in, if it is in the same paragraph or
    ends the paragraph before."""
    sentences = v.sentences()
    index = v.sentence_number(max(0, start - 1))
    if index <= 0:
        return None
    before = sentences[index - 1]
    if len(PARAGRAPH_BREAKS.findall(v.text, before[0], start)) > 1:
        return None
    return before


def _sentence_head(v: ArticleView, start: int) -> tuple[int, int] | None:
    """The words of the quotation's own sentence before its opening mark, if any."""
    index = v.sentence_number(max(0, start - 1))
    if index < 0:
        return None
    s_start = v.sentences()[index][0]
    head_end = max(s_start, start - 1)
    if not WORD.search(v.text, s_start, head_end) or "\n" in v.text[s_start:head_end]:
        return None
    return s_start, head_end


def _cue_subject(v: ArticleView, toks: list[Token], s_start: int) -> Span | None:
    """The speaker of the sentence's speech verb that can speak: its subject, else the phrase
    after it ("Das neue Papier …, erläuterte der Physiker Dirk Brockmann")."""
    for index, (_w_start, w_end, word) in enumerate(toks):
        if v.is_cue(word) or word in v.lex.speech_nouns:
            for speaker in (
                subject(v, toks, index, s_start, w_end),
                np_after(v, w_end, toks[-1][1]),
            ):
                if speaker is not None and clean_mention(v, speaker) is not None:
                    return speaker
    return None


def sentence_attribution(
    v: ArticleView, start: int, quotes: Sequence[tuple[int, int]]
) -> tuple[Span, str] | None:
    """The speaker the quotation's own sentence (before its mark) or the sentence before it
    names, and which of the two: the subject of a speech verb, or of a sentence that ends in a
    colon ("Merkel wurde deutlich:")."""
    own = _sentence_head(v, start)
    if own is not None:
        toks = v.tokens(own[0], own[1])
        found = _cue_subject(v, toks, own[0]) if toks else None
        if found is not None:
            return found, "from the quotation's own sentence"
    before = _sentence_before(v, start)
    if before is None:
        return None
    s_start, s_end = before
    if any(q_start - 1 <= s_start < q_end for q_start, q_end in quotes):
        return None  # the sentence is quoted words, not an attribution
    toks = [t for t in v.tokens(s_start, s_end) if not any(a <= t[0] < b for a, b in quotes)]
    found = _cue_subject(v, toks, s_start) if toks else None
    if found is None and v.text[s_start:s_end].rstrip().endswith(":"):
        found = clause_subject(v, s_start, s_end)
    return (found, "from the previous sentence") if found is not None else None


def earlier_speaker(
    v: ArticleView, start: int, history: Sequence[Decided], pronoun: str = ""
) -> Speaker | None:
    """The named speaker of the quotation just before, in the same paragraph or the one
    before, with no other person named in between (and of the gender of an unresolved
    ``pronoun`` the quotation was attributed to)."""
    earlier = [d for d in history if d.end <= start]
    if not earlier:
        return None
    last = earlier[-1]
    if not last.speaker.named or start - last.end > CONTEXT_GAP_CHARS:
        return None
    entity = next((e for e in v.entities if e.name == last.speaker.name), None)
    if pronoun and entity is not None and not may_stand_for(v, pronoun, entity):
        return None
    if len(PARAGRAPH_BREAKS.findall(v.text, last.end, start)) > MAX_CONTEXT_BREAKS:
        return None
    if SUBHEADING.search(v.text, last.end, start):
        return None
    index = bisect.bisect_left(v.mention_starts, last.end)
    for found in v.mentions[index:]:
        if found[0] >= start:
            break
        if found[2].label == "PER" and found[2].name != last.speaker.name:
            return None
    return last.speaker


def _in_question(text: str, offset: int) -> bool:
    """Whether the paragraph around `offset` ends with a question mark."""
    end = text.find("\n\n", offset)
    return text[offset : len(text) if end < 0 else end].rstrip(" \"“”»«\n").endswith("?")


def interviewee(v: ArticleView, before: int) -> Speaker | None:
    """The person an interview asks: of the persons named before its first answer (outside the
    byline, where the interviewer stands), the one the article names most often, counting every
    name that ends in the same surname ("Sonja Silberhorn", "Silberhorn", "Frau Silberhorn")."""
    counts: dict[str, int] = {}
    names: dict[str, list[Entity]] = {}
    for start, end, entity in v.mentions:
        if entity.label != "PER" or v.block_kind(start) == "byline":
            continue
        surname = entity.name.split()[-1]
        if start < before or surname in counts:
            # a name in a question is the person asked ("Frau Silberhorn, …?"): it outweighs
            # a name the text merely repeats
            weight = QUESTION_NAME_WEIGHT if _in_question(v.text, end) else 1
            counts[surname] = counts.get(surname, 0) + weight
            names.setdefault(surname, []).append(entity)
    if not counts:
        return None
    group = names[max(counts, key=lambda n: counts[n])]
    person = max(group, key=lambda e: (len(e.name.split()) > 1, group.count(e), -len(e.name)))
    reason = "interview answer: the person interviewed"
    return Speaker(person.name, 0.7, person.id or None, reason, named=True)
