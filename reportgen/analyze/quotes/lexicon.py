"""The word lists and switches the quotation finders use, read once per language from its
profile (:mod:`reportgen.lang`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...lang import profile
from ...lang.schema import QuoteStyle
from ...text.patterns import ProbedPattern

# Used when a language has no noun_phrase.txt: up to four capitalised words.
DEFAULT_NOUN_PHRASE = r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}"

_WORD_LISTS = (
    "pronouns", "titles", "determiners", "konjunktiv", "abbreviations", "months", "auxiliaries",
    "relatives", "np_boundaries", "subordinators", "complementizers", "name_particles",
    "genitive_articles", "genitive_prepositions", "speech_nouns", "time_words", "content_verbs",
    "addressee_verbs", "infinitive_verbs", "konjunktiv_strict", "oblique_determiners",
    "participle_cues", "after_quote_cues", "coordinators", "label_stopwords", "preposed_cues",
    "person_pronouns", "statement_nouns", "linking_words", "first_person", "not_speakers",
    "document_nouns", "group_nouns", "indefinites", "interview_words", "second_person",
    "source_prepositions", "own_words", "articles", "former_words", "org_nouns", "framing_verbs",
    "utterance_nouns", "addressee_prepositions", "hypothetical_modals", "report_adverbs",
    "title_nouns", "unreal_comparison", "ordinal_before", "prepositions", "passive_auxiliaries",
    "claim_nouns",
)  # fmt: skip


@dataclass(frozen=True)
class QuoteLexicon:
    lang: str
    style: QuoteStyle
    cues: dict[str, tuple[str, ...]]  # verb form -> particles that may follow later ("mit")
    # Verbs whose object is the reported stance ("fordert Transparenz") -> a word that must
    # follow later in the sentence ("rechnet" -> "mit"), if any.
    stance_cues: dict[str, tuple[str, ...]]
    multiword_cues: tuple[str, ...]
    roles: tuple[str, ...]
    pronoun_genders: dict[str, str]  # "sie" -> "f": whom a pronoun cannot stand for
    starters: frozenset[str]
    anonymous: tuple[re.Pattern[str], ...]
    prepositional: tuple[ProbedPattern, ...]
    noun_phrase: re.Pattern[str]
    words: dict[str, frozenset[str]]

    def __getattr__(self, name: str) -> frozenset[str]:
        # The plain word lists read as attributes (lex.pronouns); a typo is an AttributeError.
        try:
            return self.__dict__["words"][name]
        except KeyError:
            raise AttributeError(name) from None

    def __hash__(self) -> int:
        return hash(self.lang)


@cache
def lexicon(lang: str) -> QuoteLexicon:
    lang_profile = profile(lang)
    cues: dict[str, set[str]] = {}
    multi: list[str] = []
    for line in lang_profile.lines("cue_verbs"):
        verb, *particles = line.split()
        if particles and not lang_profile.quotes.separable_particles:
            multi.append(line)
            continue
        cues.setdefault(verb, set()).update(particles)
    stances: dict[str, set[str]] = {}
    for line in lang_profile.lines("stance_cues"):
        verb, *particles = line.split()
        stances.setdefault(verb, set()).update(particles)
    np_lines = lang_profile.lines("noun_phrase")
    noun_phrase = np_lines[0] if np_lines else DEFAULT_NOUN_PHRASE
    prepositional = tuple(
        ProbedPattern(re.compile(line.replace("{NP}", f"(?:{noun_phrase})")))
        for line in lang_profile.lines("reported_speech")
    )
    return QuoteLexicon(
        lang=lang,
        style=lang_profile.quotes,
        cues={verb: tuple(sorted(p)) for verb, p in cues.items()},
        multiword_cues=tuple(multi),
        stance_cues={verb: tuple(sorted(p)) for verb, p in stances.items()},
        roles=tuple(w.lower() for w in lang_profile.lines("roles")),
        pronoun_genders=dict(line.split() for line in lang_profile.lines("pronoun_genders")),
        starters=lang_profile.words("clause_starters"),
        anonymous=lang_profile.patterns("anonymous"),
        prepositional=prepositional,
        noun_phrase=re.compile(noun_phrase),
        words={name: lang_profile.words(name) for name in _WORD_LISTS},
    )
