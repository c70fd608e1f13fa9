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


def _verbs_with_particles(lines: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """"teilte mit" lines: each verb form with the words that must follow it later."""
    found: dict[str, set[str]] = {}
    for line in lines:
        verb, *particles = line.split()
        found.setdefault(verb, set()).update(particles)
    return {verb: tuple(sorted(particles)) for verb, particles in found.items()}


@cache
def lexicon(lang: str) -> QuoteLexicon:
    lang_profile = profile(lang)
    style = lang_profile.quotes
    cue_lines = lang_profile.lines("cue_verbs")
    # Without separable particles a verb of several words is matched as one phrase.
    phrases = () if style.separable_particles else tuple(c for c in cue_lines if " " in c)
    single = tuple(c for c in cue_lines if c not in phrases) if phrases else cue_lines
    np_lines = lang_profile.lines("noun_phrase")
    noun_phrase = np_lines[0] if np_lines else DEFAULT_NOUN_PHRASE
    prepositional = tuple(
        ProbedPattern(re.compile(line.replace("{NP}", f"(?:{noun_phrase})")))
        for line in lang_profile.lines("reported_speech")
    )
    return QuoteLexicon(
        lang=lang,
        style=style,
        cues=_verbs_with_particles(single),
        multiword_cues=phrases,
        stance_cues=_verbs_with_particles(lang_profile.lines("stance_cues")),
        roles=tuple(w.lower() for w in lang_profile.lines("roles")),
        pronoun_genders=dict(line.split() for line in lang_profile.lines("pronoun_genders")),
        starters=lang_profile.words("clause_starters"),
        anonymous=lang_profile.patterns("anonymous"),
        prepositional=prepositional,
        noun_phrase=re.compile(noun_phrase),
        words={name: lang_profile.words(name) for name in _WORD_LISTS},
    )
