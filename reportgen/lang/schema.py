"""What a language profile holds: the typed quotation switches and the declared word lists.

Every list file under ``resources/lang/<lang>/`` is declared here with its kind; a file that is
not declared, a switch that is not a field of :class:`QuoteStyle` or a value of the wrong type
is an error when the profile loads, never a silent default.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import Enum


class ListKind(Enum):
    WORDS = "words"  # one word or fixed phrase per line; membership tests
    LINES = "lines"  # ordered entries with a small syntax of their own ("sagte mit", "x: kind")
    PATTERNS = "patterns"  # regular expressions of the language alone
    # Regular expressions for page furniture: the language's own, then the fallback language's,
    # because site software (WordPress, share bars) is often left in English on other pages.
    SITE_PATTERNS = "site_patterns"


W, L, P, S = ListKind.WORDS, ListKind.LINES, ListKind.PATTERNS, ListKind.SITE_PATTERNS

LISTS: dict[str, ListKind] = {
    # quotations and speakers
    "abbreviations": W, "addressee_prepositions": W, "addressee_verbs": W, "articles": W,
    "after_quote_cues": W, "anonymous": P,
    "auxiliaries": W, "clause_starters": W, "complementizers": W, "content_verbs": W,
    "claim_nouns": W, "coordinators": W, "cue_verbs": L, "determiners": W, "document_nouns": W,
    "first_person": W,
    "former_words": W, "org_nouns": W, "framing_verbs": W, "hypothetical_modals": W,
    "genitive_articles": W, "genitive_prepositions": W, "group_nouns": W, "indefinites": W,
    "infinitive_verbs": W, "interview_words": W, "konjunktiv": W,
    "konjunktiv_strict": W, "label_stopwords": W, "linking_words": W, "months": W,
    "name_particles": W, "not_speakers": W, "noun_phrase": L, "np_boundaries": W,
    "oblique_determiners": W, "ordinal_before": W, "own_words": W, "passive_auxiliaries": W,
    "participle_cues": W, "person_pronouns": W, "pronoun_genders": L, "preposed_cues": W,
    "pronouns": W,
    "relatives": W, "report_adverbs": W, "reported_speech": L, "roles": L, "second_person": W,
    "source_prepositions": W,
    "speech_nouns": W, "stance_cues": L,
    "statement_nouns": W,
    "subordinators": W, "time_words": W, "title_nouns": W, "titles": W,
    "unreal_comparison": W, "utterance_nouns": W,
    # entities
    "first_names": W, "ner_ambiguous": W, "ner_not_names": W, "ner_titles": W,
    # cited sources
    "attribution_words": W, "credits": L, "generic_sources": L, "source_cues": L,
    "source_nouns": L, "prepositions": W,
    # boilerplate and page structure
    "ad": S, "appeal": S, "boilerplate": S, "byline": S, "byline_inline": L, "comment_form": S,
    "comment_meta": S,
    "comments": S, "comments_bare": S, "dates": L, "legal": S, "newsletter": S, "related": S,
}  # fmt: skip


@dataclass(frozen=True)
class QuoteStyle:
    """How quotations are written and annotated in a language (``[quotes]`` in profile.toml).

    The defaults are the neutral choice; each profile sets what its language needs.
    """

    # Merge quotations separated by a whole attribution sentence („A“, sagte er. „B“).
    merge_across_attribution: bool = False
    # Longest attribution between two parts of one quotation, in characters.
    max_interruption: int = 90
    # A speech verb right before a quotation introduces it without a colon (He said "…").
    cue_before_quote_without_colon: bool = False
    # Verb-second order: after a fronted phrase the subject follows the verb.
    verb_second: bool = False
    # An attribution after a quotation is set off by a comma („…“, sagte er).
    comma_after_quote: bool = False
    # The reported clause may follow the speech verb without a comma or complementizer.
    bare_complement: bool = False
    # Most words between a quotation and its speech verb.
    attribution_words: int = 9
    # A few quoted words inside reported speech count as a quotation of their own.
    partial_quotes: bool = True
    # A comma after a closing prepositional attribution opens an apposition to the source.
    apposition_ends_report: bool = False
    # A fronted phrase before the speaker stays with the reported words ("In law school, she
    # said …").
    fronted_phrase_in_report: bool = False
    # Sentences looked back for the speaker of a Konjunktiv I sentence.
    konjunktiv_lookback: int = 2
    # Sentences looked back for a quotation whose speaker a Konjunktiv I sentence goes on with.
    konjunktiv_quote_lookback: int = 2
    # Dashes that introduce a signature after a quotation („…“ ― Name).
    signature_dashes: str = "―"
    # Nouns are capitalised (a lowercase word cannot head a speaker's noun phrase).
    nouns_capitalised: bool = False
    # Reported words stop at a relative clause after a comma.
    cut_at_relative_clause: bool = False
    # Paragraphs opening with a speaker label („Merkel: …“) are quotations of that speaker.
    speaker_labels: bool = False
    # A comma after the speech verb and its objects opens the reported words.
    comma_right_after_cue: bool = False
    # Characters looked back for the one person a pronoun may stand for.
    pronoun_window: int = 400
    # Characters looked back for the person a definite description ("der Rechtsmediziner")
    # stands for: a description says more than a pronoun, so it reaches further back.
    description_window: int = 1000
    # Particles of a speech verb may come later in the clause ("teilte … mit"); else a
    # multi-word cue is one fixed phrase ("point out").
    separable_particles: bool = False


@dataclass(frozen=True)
class Morphology:
    """Word-form switches for names (``[names]`` in profile.toml)."""

    # Names take a genitive -s ("Putins", "Moskaus") that points at the base form.
    genitive_s: bool = False
    # An organisation named by a compound noun also takes -es ("des Bundestages").
    org_genitive_es: bool = False


def typed(cls: type, table: dict[str, object], where: str) -> object:
    """An instance of the dataclass ``cls`` from a TOML table: unknown keys and values of the
    wrong type are errors."""
    known = {f.name: f for f in fields(cls)}
    for key, value in table.items():
        if key not in known:
            raise ValueError(f"{where}: unknown setting {key!r} (known: {', '.join(known)})")
        expected = type(known[key].default)
        if type(value) is not expected:
            raise ValueError(
                f"{where}: {key} must be {expected.__name__}, not {type(value).__name__}"
            )
    return cls(**table)
