"""The patterns of cited sources, named and compiled in one place from the language data: the
cited-name expression, the cue patterns (`source_cues.txt`), the common-noun sources
(`generic_sources.txt`), document phrases (the `document` nouns of `source_nouns.txt`), picture
credits (`credits.txt`) and the words that make a sentence attribute something
(`attribution_words.txt` and the cue verbs). The heuristics using them live in `sources.py`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lang import profile
from ..text.patterns import ProbedPattern

# A web address cited as a name: "statistika.com", "mappingpoliceviolence.org".
DOMAIN_NAME = r"(?:[a-z0-9][\w-]*\.)+(?:com|org|net|de|at|ch|info|news|ru|uk|eu|gov|io)\b"
# A cited name: optional article and up to four lowercase words (adjectives), then up to five
# capitalised words (a quoted title counts: „Spiegel“), or a web address.
# A capitalised word of a name: a full stop inside it ("U.S", "t-online.de") or closing a short
# abbreviation ("Dr.", "Inc."), never one that ends a sentence ("heißt es in dem Blatt. Auch").
_CAP_WORD = r"[A-ZÄÖÜ](?:[\w&'’-]*(?:\.[\w&'’-]+)+\.?|[\w&'’-]{0,3}\.|[\w&'’-]*)"
NAME_PATTERN = (
    r"(?:(?:der|die|das|den|dem|des|the|einer?|an?)[^\S\n]+)?"
    r"(?:[a-zäöüß][\w-]*[^\S\n]+){0,4}[„“\"»]?"
    rf"{_CAP_WORD}(?:[^\S\n]+(?:{_CAP_WORD}|(?:de|of|for|von|für)\b)){{0,4}}"
    # a genitive or "of" chain: "Angaben der russischen Nachrichtenagentur TASS"
    rf"(?:[^\S\n]+(?:der|des|of the|of)[^\S\n]+(?:[a-zäöüß][\w-]*[^\S\n]+)?{_CAP_WORD}"
    rf"(?:[^\S\n]+{_CAP_WORD}){{0,3}})?"
    r"|" + DOMAIN_NAME
)
ACRONYM = re.compile(r"\b[A-ZÄÖÜ]{2,}\b")
# An address written out in the text ("https://www.focus.de/politik/…"): group 1 is the domain.
WRITTEN_URL = re.compile(r"https?://(?:www\.)?([\w.-]+\.[a-z]{2,})(?:[/?#][^\s)\]>\"'»«“”]*)?")
# A registrable name shorter than this is a link shortener ("t.co", "bit.ly"), not a source.
MIN_SITE_NAME = 4
# A link written in an embedded post's text ("pic.twitter.com/…", "https://t.co/…"): group
# `domain` names the platform the post was embedded from, through POST_SHORTENERS for a
# platform's own link shortener (anywhere else a t.co link may lead to any site).
POST_LINK = re.compile(r"\b(?:pic\.)?(?P<domain>(?:twitter|x)\.com|t\.co)/\w")
POST_SHORTENERS = {"t.co": "twitter.com"}
CAPITALISED = re.compile(r"\b[A-ZÄÖÜ][\w'’-]+")
WORD = re.compile(r"[\wäöüß]+", re.IGNORECASE)
# Where a statement's clause ends, for the attribution window around a name.
CLAUSE_END = re.compile(r"[.!?;:\n]")
# Quote marks or a compound around a name that is also a common word (or a network):
# „Bild“-Zeitung, Facebook-Seite.
MARKED_NAME = re.compile(r"^[„“\"»«]|^-[A-ZÄÖÜ]")
# Before a document phrase's owner: "Protokoll der Taskforce", "a briefing document by the".
OWNER_LINK = r"(?:der|des|von|vom|aus dem|aus der|of the|of|by the|by|from the|from)"
_OWNER_WORD = r"[A-ZÄÖÜ][\w&'’-]*(?:\.[\w&'’-]+)*"  # "U.S", not a sentence's full stop
OWNER_NAME = rf"{_OWNER_WORD}(?:\s+(?:{_OWNER_WORD}|für|für die|of|for)){{0,5}}"


@dataclass(frozen=True)
class GenericSource:
    pattern: re.Pattern[str]
    name: str
    type: str


@cache
def cue_patterns(lang: str, lowercase_aliases: tuple[str, ...]) -> tuple[ProbedPattern, ...]:
    """The cue patterns with {NAME}: a capitalised name, or one of the knowledge base's
    lowercase aliases ("wie die dpa berichtete")."""
    name = NAME_PATTERN
    if lowercase_aliases:
        article = r"(?:(?:der|die|das|den|dem|des|the)\s+)?"
        aliases = "|".join(re.escape(a) for a in lowercase_aliases)
        name = f"(?:{article}(?:{aliases})\\b|{NAME_PATTERN})"
    return tuple(
        ProbedPattern(re.compile(line.replace("{NAME}", name)))
        for line in profile(lang).lines("source_cues")
    )


@cache
def generic_sources(lang: str) -> tuple[GenericSource, ...]:
    """`type | name | expression` lines of `generic_sources.txt`."""
    found = []
    for line in profile(lang).lines("generic_sources"):
        kind, name, expression = (part.strip() for part in line.split("|", 2))
        found.append(GenericSource(re.compile(expression), name, kind))
    return tuple(found)


@cache
def preposition_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(prepositions, articles): "in the Senate", "mit der Union" name no speaker."""
    return profile(lang).words("prepositions"), profile(lang).words("articles")


@cache
def attribution_words(lang: str) -> frozenset[str]:
    """Lower-case words that make a clause attribute something to a name next to it: the
    one-word cue verbs and `attribution_words.txt`."""
    words = {line.lower() for line in profile(lang).lines("cue_verbs") if " " not in line}
    words |= {line.lower() for line in profile(lang).lines("attribution_words")}
    return frozenset(words)


@cache
def separable_cues(lang: str) -> tuple[tuple[str, str], ...]:
    """(verb, particle) of the separable cue verbs ("teilte mit", "hob hervor"): they attribute
    only with their particle in the clause ("hob die Sperrung auf" does not)."""
    pairs = []
    for line in profile(lang).lines("cue_verbs"):
        parts = line.lower().split()
        if len(parts) == 2:
            pairs.append((parts[0], parts[1]))
    return tuple(pairs)


@cache
def title_words(lang: str) -> frozenset[str]:
    """Titles and forms of address ("Herr", "Präsident"): not a source's name on their own."""
    return frozenset(profile(lang).lines("titles"))


@cache
def credit_patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(line) for line in profile(lang).lines("credits"))


@cache
def document_pattern(lang: str) -> re.Pattern[str] | None:
    """A document noun (also at the end of a compound, "Briefing-Dokument") with its adjectives
    and its owner: "ein internes Protokoll der Taskforce Corona", "a briefing document of the
    campaign". Group `phrase` is the whole phrase without the article."""
    nouns = sorted(
        (noun for noun, kind in _noun_pairs(lang) if kind == "document"), key=len, reverse=True
    )
    if not nouns:
        return None
    alternatives = "|".join(re.escape(n) + "|" + re.escape(n.lower()) for n in nouns)
    determiners = "|".join(re.escape(d) for d in profile(lang).lines("determiners"))
    not_determiner = rf"(?!(?:{determiners})\s)" if determiners else ""
    return re.compile(
        rf"(?P<phrase>(?:\b{not_determiner}[a-zäöüß][\w-]*(?:e|es|en|er|em|al|ed|ing)\s+){{0,2}}"
        rf"(?:[\w-]*-)?(?:{alternatives})(?:es|s|en|n|e)?"
        rf"\s+{OWNER_LINK}\s+(?:[a-zäöüß][\w-]*(?:e|es|en|er|em|n)\s+)?{OWNER_NAME})"
    )


def _noun_pairs(lang: str) -> list[tuple[str, str]]:
    pairs = []
    for line in profile(lang).lines("source_nouns"):
        noun, _, kind = line.rpartition(" ")
        pairs.append((noun.strip(), kind.strip()))
    return pairs


@cache
def source_nouns(lang: str) -> tuple[tuple[str, str], ...]:
    """(noun ending, source type) from `source_nouns.txt`: "Nachrichtenagentur news_agency"."""
    return tuple(sorted(_noun_pairs(lang), key=lambda p: -len(p[0])))


def source_noun(cited: str, lang: str) -> tuple[str, str | None]:
    """The type a cited phrase names by its noun ("die Agentur X" is a news agency), and the
    source's name: the capitalised words after the noun ("Portal Ostnews" -> "Ostnews"), else
    the noun itself when it names an institution on its own ("der Polizei" -> "Polizei")."""
    words = cited.split()
    first: tuple[str, str | None] | None = None
    for index, word in enumerate(words):
        bare = word.strip('.,;:„“"»«')
        stem = re.sub(r"(?<=\w{4})(?:es|s)$", "", bare.lower())  # genitive "Magazins"
        pair = f"{words[index - 1]} {bare}".lower() if index else bare.lower()
        for noun, kind in source_nouns(lang):
            if " " in noun:  # "news agency": the word with the one before it
                if not pair.endswith(noun.lower()):
                    continue
            elif not (bare.lower().endswith(noun.lower()) or stem.endswith(noun.lower())):
                continue
            rest = []
            for follow in words[index + 1 :]:
                if not follow.strip('„“"»«')[:1].isupper():
                    break
                rest.append(follow.strip('.,;:„“"»«'))
            if rest:
                return kind, " ".join(rest)
            if first is None:
                # An institution names itself ("der Polizei"), and so does a document whose
                # compound says which ("Unternehmensregister", not "Bericht").
                specific = kind == "document" and len(bare) > len(noun) + 3
                own = (kind in ("government", "organisation") or specific) and bare[:1].isupper()
                first = (kind, bare if own else None)
            break
    return first or ("unknown", None)
