"""Quotations and who said them.

Direct quotations are found by pairing quote marks by the style of the opening glyph (German „…“
closes with the mark that opens English quotes), never by spaCy's sentence boundaries; a
quotation interrupted by its attribution („…“, sagte er, „…“) becomes one quotation with two
segments. Reported (indirect) speech is read sentence by sentence from the language data files:
prepositional attributions ("laut X", "X zufolge", "according to X"; `reported_speech.txt`),
speech verbs with their speaker before or after them ("X sagte, …", "…, sagte X", "X said that
…"; `cue_verbs.txt`), anonymous attributions ("hieß es"; `anonymous.txt`), speaker labels
("PENCE: …"), and, in German, the Konjunktiv I of sentences near an attributed one
(`konjunktiv.txt`, `konjunktiv_strict.txt`). Short quoted words with no speaker and no cue are
terms, titles or scare quotes and are left out.

Speakers are read from the words next to the cue (noun phrases, capitalised name sequences,
pronouns) so they work without statistical NER, and resolved to the canonical entity where the
entity step found one: the speaker mention stays as written, `speaker` is the canonical name and
`speaker_id` the entity id; agencies resolve through the sources knowledge base. A pronoun goes
to the one person named just before it, else it stays with `speaker_low_confidence`.

Every word list and every language switch (word order, comma style, how the benchmark-style
annotations of the language treat partial quotes) lives in `resources/lang/<lang>/`, the
switches in `quote_style.txt`; the code is the same for every language.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache

from ..model import Block, Entity, Quote, Source, Span
from ..resources import load_lines, load_patterns
from .sources import lookup_alias, source_nouns

# Opening glyph -> the glyphs that may close it.
QUOTE_PAIRS: dict[str, str] = {
    "„": "“”\"",
    "‚": "‘’",
    "»": "«",
    "«": "»",
    "“": "”",
    "‘": "’",
    '"': '"',
}
MAX_QUOTE_CHARS = 3000
# A quotation shorter than this many words without any attribution is a term or a title.
MIN_UNATTRIBUTED_WORDS = 6
# Longest gap between the parts of an interrupted quotation („…“, sagte er, „…“).
MAX_INTERRUPTION_CHARS = 90
MAX_SENTENCE_CHARS = 1200
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n[ \t]*")
_WORD = re.compile(r"\w[\w'’.-]*\w|\w")
_TOKEN = re.compile(r"\w[\w'’-]*\w\.?|\w\.?|[^\w\s]")
_SENTENCE_BREAK = re.compile(r"[.!?…]+[“”\"»«’')]*(?=\s+[„‚»«“‘\"'(]*[A-ZÄÖÜ0-9])")
_LABEL_LINE = re.compile(
    r"^(?P<mark>[\"“„»]?)(?P<label>[A-ZÄÖÜ][\w.’'-]*(?: [A-ZÄÖÜ][\w.’'-]*){0,2}):[ \t]+"
    r"(?P<content>\S[^\n]*)$",
    re.MULTILINE,
)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_OPENERS = "„‚»«“‘\""
_CLOSERS = "“”\"‘’«»"


@dataclass
class QuoteSpan:
    start: int  # first character inside the marks
    end: int  # the closing mark
    opener: str


def _can_open(text: str, i: int, mark: str) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return False
    if mark in '"‘’':  # also apostrophes or inch marks: need a word boundary before
        return not before.isalnum()
    return True


_DOUBLED_APOSTROPHES = re.compile(r"''")


def _double_apostrophes(text: str) -> str:
    """Two apostrophes standing for a double quote mark (''…'', common in older wire copy)
    become one straight mark and a neutral character, keeping every offset."""
    if "''" not in text:
        return text

    def swap(match: re.Match[str]) -> str:
        after = text[match.end() : match.end() + 1]
        return "\x01\"" if after and not after.isspace() and after not in ".,;:!?)" else "\"\x01"

    return _DOUBLED_APOSTROPHES.sub(swap, text)


def find_direct_spans(text: str) -> list[QuoteSpan]:
    """Top-level quotations (nested marks stay inside their quotation)."""
    text = _double_apostrophes(text)
    spans: list[QuoteSpan] = []
    i = 0
    length = len(text)
    while i < length:
        mark = text[i]
        closers = QUOTE_PAIRS.get(mark)
        if closers is None or not _can_open(text, i, mark):
            i += 1
            continue
        end = _find_closer(text, i + 1, mark, closers)
        if end is None:
            i += 1
            continue
        spans.append(QuoteSpan(i + 1, end, mark))
        i = end + 1
    return spans


def _find_closer(text: str, position: int, opener: str, closers: str) -> int | None:
    limit = min(len(text), position + MAX_QUOTE_CHARS)
    j = position
    while j < limit:
        char = text[j]
        if char in closers:
            after = text[j + 1] if j + 1 < len(text) else " "
            before = text[j - 1] if j > 0 else " "
            if closers in ("‘’", '"') and after.isalnum() and before.isalnum():
                j += 1  # an apostrophe inside a word ("don’t"), not the closing mark
                continue
            if opener == '"' and before.isspace() and not after.isspace():
                return None  # a straight mark that opens the next quotation
            return j if j > position else None
        if char == "\n":
            brk = _PARAGRAPH_BREAK.match(text, j)
            if brk or text.startswith(opener, j + 1):
                # A quotation running over paragraphs reopens each paragraph with its mark.
                nxt = brk.end() if brk else j + 1
                if text.startswith(opener, nxt):
                    j = nxt + 1
                    continue
                if brk:
                    return None
        j += 1
    return None


# -- language data ---------------------------------------------------------------------------
@dataclass
class LangData:
    cues: dict[str, tuple[str, ...]]  # verb form -> particles that may follow later ("mit")
    pronouns: frozenset[str]
    titles: frozenset[str]
    determiners: frozenset[str]
    starters: frozenset[str]
    konjunktiv: frozenset[str]
    abbreviations: frozenset[str]
    roles: tuple[str, ...]
    anonymous: tuple[re.Pattern[str], ...]
    prepositional: tuple[re.Pattern[str], ...]
    noun_phrase: re.Pattern[str] | None = None
    multiword_cues: tuple[str, ...] = field(default_factory=tuple)
    months: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    relatives: frozenset[str] = frozenset()
    np_boundaries: frozenset[str] = frozenset()
    subordinators: frozenset[str] = frozenset()
    complementizers: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()
    genitive_articles: frozenset[str] = frozenset()
    speech_nouns: frozenset[str] = frozenset()
    time_words: frozenset[str] = frozenset()
    content_verbs: frozenset[str] = frozenset()
    addressee_verbs: frozenset[str] = frozenset()
    infinitive_verbs: frozenset[str] = frozenset()
    konjunktiv_strict: frozenset[str] = frozenset()
    oblique_determiners: frozenset[str] = frozenset()
    participle_cues: frozenset[str] = frozenset()
    after_quote_cues: frozenset[str] = frozenset()
    coordinators: frozenset[str] = frozenset()
    label_stopwords: frozenset[str] = frozenset()
    preposed_cues: frozenset[str] = frozenset()
    person_pronouns: frozenset[str] = frozenset()
    statement_nouns: frozenset[str] = frozenset()
    linking_words: frozenset[str] = frozenset()
    first_person: frozenset[str] = frozenset()
    style: dict[str, str] = field(default_factory=dict)

    def setting(self, key: str, default: str) -> str:
        return self.style.get(key, default)


@cache
def lang_data(lang: str) -> LangData:
    cues: dict[str, set[str]] = {}
    multi: list[str] = []
    for line in load_lines(lang, "cue_verbs"):
        verb, *particles = line.split()
        if lang == "en" and particles:
            multi.append(line)
            continue
        cues.setdefault(verb, set()).update(particles)
    np_lines = load_lines(lang, "noun_phrase")
    noun_phrase = np_lines[0] if np_lines else r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}"
    prepositional = tuple(
        re.compile(line.replace("{NP}", f"(?:{noun_phrase})"))
        for line in load_lines(lang, "reported_speech")
    )
    return LangData(
        cues={verb: tuple(sorted(p)) for verb, p in cues.items()},
        pronouns=frozenset(load_lines(lang, "pronouns")),
        titles=frozenset(load_lines(lang, "titles")),
        determiners=frozenset(load_lines(lang, "determiners")),
        starters=frozenset(load_lines(lang, "clause_starters")),
        konjunktiv=frozenset(load_lines(lang, "konjunktiv")),
        abbreviations=frozenset(load_lines(lang, "abbreviations")),
        roles=tuple(w.lower() for w in load_lines(lang, "roles")),
        anonymous=load_patterns(lang, "anonymous"),
        prepositional=prepositional,
        noun_phrase=re.compile(noun_phrase),
        multiword_cues=tuple(multi),
        months=_words(lang, "months"),
        auxiliaries=_words(lang, "auxiliaries"),
        relatives=_words(lang, "relatives"),
        np_boundaries=_words(lang, "np_boundaries"),
        subordinators=_words(lang, "subordinators"),
        complementizers=_words(lang, "complementizers"),
        name_particles=_words(lang, "name_particles"),
        genitive_articles=_words(lang, "genitive_articles"),
        speech_nouns=_words(lang, "speech_nouns"),
        time_words=_words(lang, "time_words"),
        content_verbs=_words(lang, "content_verbs"),
        addressee_verbs=_words(lang, "addressee_verbs"),
        infinitive_verbs=_words(lang, "infinitive_verbs"),
        konjunktiv_strict=_words(lang, "konjunktiv_strict"),
        oblique_determiners=_words(lang, "oblique_determiners"),
        participle_cues=_words(lang, "participle_cues"),
        after_quote_cues=_words(lang, "after_quote_cues"),
        coordinators=_words(lang, "coordinators"),
        label_stopwords=_words(lang, "label_stopwords"),
        preposed_cues=_words(lang, "preposed_cues"),
        person_pronouns=_words(lang, "person_pronouns"),
        statement_nouns=_words(lang, "statement_nouns"),
        linking_words=_words(lang, "linking_words"),
        first_person=_words(lang, "first_person"),
        style=_settings(lang, "quote_style"),
    )


def _words(lang: str, name: str) -> frozenset[str]:
    """One word (or form) per line of a language data file."""
    return frozenset(load_lines(lang, name))


def _settings(lang: str, name: str) -> dict[str, str]:
    """``key: value`` lines of a language data file."""
    pairs = (line.partition(":") for line in load_lines(lang, name))
    return {key.strip(): value.strip() for key, _, value in pairs}


# -- sentences ---------------------------------------------------------------------------------


def split_sentences(text: str, data: LangData) -> list[tuple[int, int]]:
    """(start, end) of sentences; paragraph breaks always end one. Quotes are not considered."""
    sentences: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        p_end = para.end()
        for match in _SENTENCE_BREAK.finditer(para.group()):
            end = para.start() + match.end()
            mark_at = para.start() + match.start()
            word = re.search(r"(\S+)$", text[start:mark_at + 1])
            token = word.group(1) if word else ""
            if token in data.abbreviations or re.fullmatch(r"(?:[A-ZÄÖÜ]\.)+", token):
                continue
            if re.fullmatch(r"\d{1,2}\.", token):
                following = re.match(r"\s+(\S+)", text[end:])
                if following and following.group(1).strip(".,") in data.months:
                    continue
            if end - start > 1:
                sentences.append((start, end))
            start = end
            while start < p_end and text[start].isspace():
                start += 1
        if p_end > start and text[start:p_end].strip():
            sentences.append((start, p_end))
    return sentences


# -- the finder ----------------------------------------------------------------------------------
@dataclass
class Attribution:
    cue: str | None
    speaker: Span | None
    anonymous: bool = False


class QuoteFinder:
    def __init__(
        self,
        text: str,
        lang: str,
        blocks: list[Block],
        entities: list[Entity],
        sources: list[Source] | None = None,
    ):
        self.text = text
        # Mentions of known sources, to resolve "die Agentur" to the agency named before it.
        self.source_mentions = sorted(
            (m.start, source) for source in sources or [] for m in source.mentions
        )
        self.lang = lang
        self.data = lang_data(lang)
        # Word order and spelling switches of the language (quote_style.txt).
        self.verb_second = self.data.setting("verb_second", "no") == "yes"
        self.nouns_capitalised = self.data.setting("nouns_capitalised", "no") == "yes"
        self.blocks = blocks
        self.block_starts = [b.start for b in blocks]
        self.mentions = sorted(
            (m.start, m.end, e) for e in entities for m in e.mentions if e.label in ("PER", "ORG")
        )
        self.mention_starts = [m[0] for m in self.mentions]
        self.persons = [e for e in entities if e.label == "PER"]
        self.entities = entities

    # -- helpers ---------------------------------------------------------------------------
    def block_kind(self, offset: int) -> str:
        index = bisect.bisect_right(self.block_starts, offset) - 1
        if index >= 0 and self.blocks[index].start <= offset < self.blocks[index].end:
            return self.blocks[index].kind
        return "none"

    def entity_in(self, start: int, end: int, label: str | None = None) -> tuple | None:
        index = bisect.bisect_left(self.mention_starts, start)
        for mention in self.mentions[index:]:
            if mention[0] >= end:
                break
            if mention[1] <= end and (label is None or mention[2].label == label):
                return mention
        return None

    def last_person_before(self, offset: int) -> tuple[int, int, Entity] | None:
        index = bisect.bisect_left(self.mention_starts, offset)
        for mention in reversed(self.mentions[:index]):
            if mention[2].label == "PER":
                return mention
        return None

    def tokens(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Words and punctuation; a word keeps its full stop only as an abbreviation or an
        initial ("Mr.", "Z.")."""
        found: list[tuple[int, int, str]] = []
        for match in _TOKEN.finditer(self.text, start, end):
            word = match.group(0)
            following = self.text[match.end() : match.end() + 1]
            if (
                word.endswith(".")
                and len(word) > 2
                and not following.isalnum()
                and word not in self.data.abbreviations
                and not word[:-1].isdigit()
            ):
                found.append((match.start(), match.end() - 1, word[:-1]))
                found.append((match.end() - 1, match.end(), "."))
            else:
                found.append((match.start(), match.end(), word))
        return found

    def is_cue(self, word: str) -> bool:
        return word in self.data.cues

    # -- noun phrases -------------------------------------------------------------------------
    def _is_name_word(self, word: str) -> bool:
        return word[:1].isupper() and word not in self.data.cues

    def np_after(self, position: int, stop: int) -> Span | None:
        """The speaker noun phrase right after a cue verb ("sagte der Minister Müller")."""
        toks = self.tokens(position, stop)
        if not toks:
            return None
        first = toks[0][2]
        if first in self.data.pronouns:
            return Span(toks[0][0], toks[0][1], first)
        chosen: list[tuple[int, int, str]] = []
        index = 0
        if first.lower() in self.data.determiners:
            chosen.append(toks[0])
            index = 1
            while index < len(toks) and index < 4 and toks[index][2][:1].islower() and (
                toks[index][2].isalpha() or "-" in toks[index][2]
            ):
                chosen.append(toks[index])
                index += 1
        names = 0
        while index < len(toks):
            word = toks[index][2]
            if self._is_name_word(word) or (names and word in self.data.name_particles):
                chosen.append(toks[index])
                names += word[:1].isupper()
                index += 1
                continue
            if names and word.lower() in self.data.genitive_articles and index + 1 < len(toks):
                # A genitive ("der Sprecher des Kremls"): keep it when a noun follows.
                rest = self.np_after(toks[index + 1][0], stop)
                if rest and rest.text[:1].isupper():
                    return Span(chosen[0][0], rest.end, self.text[chosen[0][0] : rest.end])
            break
        if names == 0:
            if (
                not self.nouns_capitalised
                and chosen
                and index < len(toks)
                and toks[index][2].isalpha()
            ):
                # "the spokesman": English nouns are lowercase.
                chosen.append(toks[index])
            else:
                return None
        while chosen and (chosen[-1][2] in (",", "-") or chosen[-1][2] in self.data.name_particles):
            chosen.pop()
        return Span(chosen[0][0], chosen[-1][1], self.text[chosen[0][0] : chosen[-1][1]])

    def np_before(self, position: int, floor: int) -> Span | None:
        """The speaker noun phrase that ends right before a cue verb ("Der Minister sagte")."""
        toks = self.tokens(floor, position)
        # Strip auxiliaries and adverbs that stand between subject and verb.
        aux = self.data.auxiliaries
        while len(toks) > 2 and toks[-1][2] == "," and toks[-2][2].isdigit() and toks[-3][2] == ",":
            del toks[-3:]  # "Mr. King, 82, told me"
        if toks and toks[-1][2] == ",":
            # "Christie, who has campaigned for Trump, blasted …": skip the relative clause.
            commas = [i for i, t in enumerate(toks[:-1]) if t[2] == ","]
            if commas and commas[-1] + 1 < len(toks) and (
                toks[commas[-1] + 1][2].lower() in self.data.relatives
            ):
                del toks[commas[-1] :]
        while toks and (toks[-1][2].lower() in aux or toks[-1][2] in (",", ")")):
            if toks[-1][2] == ")":
                # A parenthesis after the name ("Elijah E. Cummings (D-Md.) said").
                opening = next((i for i in range(len(toks) - 1, -1, -1) if toks[i][2] == "("), 0)
                del toks[opening:]
                continue
            toks.pop()
        if not toks:
            return None
        last = toks[-1][2]
        if last in self.data.pronouns or last.lower() in self.data.relatives:
            if last in self.data.pronouns:
                return Span(toks[-1][0], toks[-1][1], last)
            return None
        # The phrase runs back to the previous clause boundary.
        start_index = len(toks) - 1
        while start_index > 0:
            prev = toks[start_index - 1][2]
            if prev in (",", ";", ":", "(", ")", "–", "—") or prev in _OPENERS + _CLOSERS:
                break
            if prev.lower() in self.data.np_boundaries:
                break
            start_index -= 1
        phrase = toks[start_index:]
        if len(phrase) > 12:
            phrase = phrase[-6:]
        # An appositive before the verb ("Bob Parker, der Bürgermeister, sagte").
        first = phrase[0][2]
        if not (first[:1].isupper() or first.lower() in self.data.determiners or
                first in self.data.pronouns):  # fmt: skip
            if (
                not self.nouns_capitalised
                and last.isalpha()
                and last[:1].islower()
                and len(phrase) <= 4
            ):
                pass  # "officials said", "many voters say"
            else:
                # Keep the capitalised tail ("… the president Barack Obama said")
                tail = [t for t in phrase if t[2][:1].isupper()]
                if not tail or tail[-1] is not phrase[-1]:
                    return None
                phrase = phrase[phrase.index(tail[-1]) :]
        if not any(ch.isalpha() for t in phrase for ch in t[2]):
            return None
        words = [t[2] for t in phrase]
        if len(words) == 1 and words[0] in self.data.time_words:
            return None
        return Span(phrase[0][0], phrase[-1][1], self.text[phrase[0][0] : phrase[-1][1]])

    # -- speakers ----------------------------------------------------------------------------
    def resolve(self, mention: Span | None, before: int) -> tuple[str | None, float, str | None]:
        """The canonical speaker for a mention, how sure that is, and the entity id: pronouns go
        to the most recent person when that person is the only candidate nearby; names to the
        entity (a surname or title plus surname to the full name); agencies and outlets to the
        sources knowledge base."""
        if mention is None:
            return None, 1.0, None
        if mention.text in self.data.pronouns:
            person = self._antecedent(mention)
            if person is None:
                return mention.text, 0.3, None
            return person.name, 0.6, person.id or None
        entry = lookup_alias(mention.text)
        found = self.entity_in(mention.start, mention.end, "PER")
        if entry is not None and found is None:
            named = next(
                (e for e in self.entities if e.name in (entry.name, *entry.aliases) and e.id), None
            )
            org = self.entity_in(mention.start, mention.end)
            entity_id = named.id if named else (org[2].id or None) if org else None
            return entry.name, 1.0, entity_id
        if found is None:
            # "der Leiter der Delegation, Herbert Krall," / "Herbert Krall, der Leiter …,":
            # a person in apposition to the role.
            found = self._apposed_person(mention)
        found = found or self.entity_in(mention.start, mention.end)
        if found:
            return found[2].name, 1.0, found[2].id or None
        # A surname alone or with a title ("Präsident Lukaschenko"): a person of the article.
        words = [w for w in _WORD.findall(mention.text) if w[:1].isupper()]
        for person in self.persons:
            surname = person.name.split()[-1]
            if surname in words:
                return person.name, 0.9, person.id or None
        name = self._without_title(mention.text)
        words = name.split()
        if len(words) > 2 and words[0].lower() in self.data.statement_nouns and (
            words[1].lower() in self.data.genitive_articles or words[1].lower() in ("von", "vom")
        ):
            # "nach Angaben der Delegation": the delegation speaks, not its "Angaben".
            name = " ".join(words[2:])
        first, _, rest = name.partition(" ")
        if rest and first.lower() in self.data.determiners:
            name = rest
        kind = self._source_kind(name)
        if kind is not None:
            # "die Agentur", "the ministry": the source of that kind named just before.
            earlier = [src for start, src in self.source_mentions if start < mention.start]
            for source in reversed(earlier):
                if source.type == kind and source.type != "unknown":
                    named = next((e for e in self.entities if e.name == source.name), None)
                    return source.name, 0.6, (named.id or None) if named else None
        return name, 0.7, None

    def _without_title(self, name: str) -> str:
        """"Transport minister Mark Harbers" -> "Mark Harbers": a full name after a title or
        role is the speaker; a surname alone keeps its title ("Präsident Macron")."""
        words = name.split()
        titles = {title.lower() for title in self.data.titles}
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
        linking = self.data.determiners | self.data.genitive_articles | self.data.linking_words
        if tail > 0 and len(words) - tail >= 2 and before not in linking:
            return " ".join(words[tail:])
        return name

    def _apposed_person(self, mention: Span) -> tuple[int, int, Entity] | None:
        after = re.match(r",\s*", self.text[mention.end : mention.end + 3])
        if after:
            person = self.entity_in(mention.end, mention.end + after.end() + 60, "PER")
            if person is not None and person[0] == mention.end + after.end():
                return person
        before = re.search(r",\s*$", self.text[max(0, mention.start - 3) : mention.start])
        if before:
            index = bisect.bisect_left(self.mention_starts, mention.start)
            for candidate in reversed(self.mentions[max(0, index - 3) : index]):
                gap = self.text[candidate[1] : mention.start]
                if candidate[2].label == "PER" and re.fullmatch(r",\s*", gap):
                    return candidate
        return None

    def _source_kind(self, noun: str) -> str | None:
        """The source type a bare noun names ("Agentur" -> news_agency), from source_nouns.txt."""
        if " " in noun.strip():
            return None
        lowered = noun.strip().lower()
        kinds = (kind for word, kind in source_nouns(self.lang) if lowered == word.lower())
        return next(kinds, None)

    def _antecedent(self, mention: Span) -> Entity | None:
        """The person a pronoun stands for, when it is safe: a singular personal pronoun and one
        person (however often) named in the stretch of text before it."""
        if mention.text not in self.data.person_pronouns:
            return None  # "they", "we", "I": not one person of the article
        window = int(self.data.setting("pronoun_window", "400"))
        index = bisect.bisect_left(self.mention_starts, mention.start)
        candidates = {
            m[2].name: m[2]
            for m in self.mentions[:index]
            if m[2].label == "PER" and m[1] >= mention.start - window
        }
        if len(candidates) != 1:
            return None
        return next(iter(candidates.values()))

    # -- direct quotations -------------------------------------------------------------------
    def clause_limit(self, position: int, window_end: int) -> int:
        """Where the clause after a closing quote mark ends: a line break, the next quotation or
        a full stop that is not an abbreviation's ("Mr.", "Mark Z. Barabak")."""
        limit = window_end
        newline = self.text.find("\n", position, limit)
        if newline != -1:
            limit = newline
        for match in _SENTENCE_END.finditer(self.text, position, limit):
            word = re.search(r"(\S+)$", self.text[position : match.start() + 1])
            token = word.group(1) if word else ""
            if token in self.data.abbreviations or re.fullmatch(r"(?:\w\.)+", token):
                continue
            limit = match.start()
            break
        for index in range(position + 1, limit):
            if self.text[index] in _OPENERS and self.text[index - 1].isspace():
                return index
        return limit

    def attribution_after(self, end: int, stop: int | None = None) -> Attribution | None:
        """„…“, sagte Präsident Lukaschenko. / „…“, so Putin. / "…," Biden said."""
        window_end = min(len(self.text), end + 200)
        limit = self.clause_limit(end + 1, window_end)
        if stop is not None:
            limit = min(limit, stop)
        tail = self.text[end + 1 : limit]
        if tail[:1].isalpha():
            return None  # the quotation is part of a running sentence ("„Eagle“ zu landen")
        dash = re.match(r"\s*([―—])\s*", tail)
        if dash and dash.group(1) in self.data.setting("signature_dashes", "―"):
            # "“…” ― Karen Bobadilla": a signature names the speaker.
            speaker = self.np_after(end + 1 + dash.end(), limit)
            if speaker is not None:
                return Attribution(dash.group(1), speaker)
        last = self.text[end - 1 : end]
        continues = tail.lstrip(" \x01'")[:1].islower()  # „…“ so das Fazit der Betreiber
        if not continues and (
            last == "."
            or (
                last not in "!?"
                and self.data.setting("comma_after_quote", "no") == "yes"
                and not tail.lstrip().startswith(",")
            )
        ):
            return None  # the quotation closed its sentence; what follows is a new one
        lead = re.match(r"[\s,.!?;:]*", tail).end()
        for pattern in self.data.anonymous:
            match = pattern.match(tail, lead)
            if match:
                return Attribution(match.group(0).strip(" ,."), None, anonymous=True)
        toks = self.tokens(end + 1, limit)
        toks = [t for t in toks if t[2] not in ",.;:–—"]
        floor = toks[0][0] if toks else end + 1
        # German puts the subject after the verb once anything precedes it ("…“, mit diesen
        # Worten meldete er sich"); English keeps it before ("…," Mr. Barrett said).
        verb_second = self.data.setting("verb_second", "no") == "yes"
        window = int(self.data.setting("attribution_words", "9"))
        for index, (w_start, w_end, word) in enumerate(toks[:window]):
            if word in self.data.after_quote_cues:
                if index != 0:
                    continue
            elif not self.is_cue(word):
                continue
            after_comma = self.text[floor:w_start].rstrip().endswith(",")
            if index == 0 or after_comma or verb_second:
                speaker = self.np_after(w_end, limit)
                if speaker is None and index > 0:
                    speaker = self.np_before(w_start, floor)
            else:
                speaker = self.np_before(w_start, floor) or self.np_after(w_end, limit)
            if speaker:
                return Attribution(word, speaker)
        return None

    def attribution_before(self, start: int) -> Attribution | None:
        """Lukaschenko sagte: „…“ / Biden said, "…" / meldete sich mit den Worten: „…“"""
        opener_at = start - 1
        window_start = max(0, opener_at - 250)
        para = self.text.rfind("\n", window_start, opener_at)
        if para != -1:
            window_start = para + 1
        previous = list(_SENTENCE_END.finditer(self.text, window_start, opener_at))
        begin = previous[-1].end() if previous else window_start
        head = self.text[begin:opener_at].rstrip()
        if not head.endswith((":", ",")) and not (
            self.data.setting("cue_before_quote_without_colon", "no") == "yes"
            and head.rsplit(None, 1)[-1:] != []
            and self.is_cue(head.rsplit(None, 1)[-1])
        ):
            return None
        toks = self.tokens(begin, opener_at)
        for index in range(len(toks) - 1, -1, -1):
            word = toks[index][2]
            if self.is_cue(word) or word in self.data.speech_nouns:
                speaker = self.np_before(toks[index][0], begin)
                if speaker is None or speaker.text.lower() in self.data.determiners:
                    speaker = self.np_after(toks[index][1], opener_at)
                elif self.data.setting("verb_second", "no") == "yes":
                    speaker = self._choose_v2(speaker, self.np_after(toks[index][1], opener_at))
                if speaker is None:
                    # "Dazu sagte der Minister:" / "… meldete sich er mit den Worten:"
                    for j in range(index - 1, -1, -1):
                        if self.is_cue(toks[j][2]):
                            speaker = self.np_before(toks[j][0], begin) or self.np_after(
                                toks[j][1], opener_at
                            )
                            break
                if speaker is None:
                    prefix = self.np_before(toks[index][0], begin)
                    speaker = prefix
                if speaker:
                    return Attribution(word, speaker)
        if head.endswith(":") and toks:
            # "Dabei griff sie auch den Präsidenten an: „…“": a colon introduces the words of the
            # subject of its clause even without a speech verb.
            speaker = self._clause_subject(begin, opener_at)
            if speaker is not None:
                return Attribution(None, speaker)
        return None

    def _choose_v2(self, before: Span, after: Span | None) -> Span:
        """Verb-second order: "Relativierend fügt Gall hinzu" (the subject follows the verb)
        against "Merkel sagte den Journalisten" (an object follows)."""
        if after is None:
            return before
        first_after = after.text.split()[0].lower()
        if first_after in self.data.oblique_determiners:
            return before
        first_before = before.text.split()[0]
        if (
            first_before.lower() in self.data.determiners
            or first_before in self.data.pronouns
            or self.entity_in(before.start, before.end, "PER")
        ) and first_before.lower() not in self.data.starters:
            return before
        return after

    def _clause_subject(self, begin: int, end: int, strict: bool = False) -> Span | None:
        """The subject of a clause without parsing: a person named in it, else the noun phrase
        or pronoun it opens with. Strict: only a person, a pronoun or a noun phrase with an
        article that opens the clause."""
        toks = self.tokens(begin, end)
        if not toks:
            return None
        first = toks[0][2]
        if strict:
            if first in self.data.pronouns:
                return Span(toks[0][0], toks[0][1], first)
            if first.lower() in self.data.determiners and first.lower() not in (
                self.data.oblique_determiners
            ):
                return self.np_after(toks[0][0], end)
            person = self.entity_in(toks[0][0], min(end, toks[0][0] + 40), "PER")
            if person is not None and person[0] == toks[0][0]:
                return Span(person[0], person[1], self.text[person[0] : person[1]])
            return None
        person = self.entity_in(begin, end, "PER")
        if person is not None:
            return Span(person[0], person[1], self.text[person[0] : person[1]])
        if first.lower() in self.data.starters:
            pronoun = next((t for t in toks if t[2] in self.data.pronouns), None)
            return Span(pronoun[0], pronoun[1], pronoun[2]) if pronoun else None
        if first in self.data.pronouns:
            return Span(toks[0][0], toks[0][1], first)
        if first.lower() in self.data.determiners or first[:1].isupper():
            return self.np_after(toks[0][0], end)
        return None

    def direct_quotes(self) -> list[Quote]:
        spans = find_direct_spans(self.text)
        # Merge interrupted quotations: „A“, sagte er, „B“.
        groups: list[list[QuoteSpan]] = []
        across = self.data.setting("merge_across_attribution", "no") == "yes"
        partial = self.data.setting("partial_quotes", "yes") == "yes"
        max_gap = int(self.data.setting("max_interruption", str(MAX_INTERRUPTION_CHARS)))
        for span in spans:
            if groups:
                prev = groups[-1][-1]
                gap = self.text[prev.end + 1 : span.start - 1]
                if len(gap) <= max_gap and "\n" not in gap and (
                    (across and not gap.strip())
                    or (
                        (across and gap.rstrip(" '\x01")[-1:] in ".,:")
                        or (gap.strip()[:1] in (",", "") and gap.rstrip()[-1:] not in ".!?")
                    )
                    and self._gap_is_attribution(gap)
                ):
                    groups[-1].append(span)
                    continue
            groups.append([span])
        quotes: list[Quote] = []
        for group in groups:
            first, last = group[0], group[-1]
            attribution = None
            if len(group) > 1:
                attribution = self.attribution_after(first.end, group[1].start - 1)
            attribution = (
                attribution
                or self.attribution_after(last.end)
                or self.attribution_before(first.start)
            )
            content = self.text[first.start : last.end]
            words = len(_WORD.findall(content))
            inherited = self._inherited_speaker(quotes, first) if attribution is None else None
            if attribution is None and inherited is None and words < MIN_UNATTRIBUTED_WORDS:
                continue  # a term, a title or a scare quote; may become a partial quotation
            if (
                attribution is None
                and inherited is None
                and not self._looks_like_speech(first.start, last.end)
            ):
                continue
            if not partial and words < MIN_UNATTRIBUTED_WORDS and self._embedded(first, last):
                continue  # a few quoted words inside a sentence belong to its reported speech
            quote = self._make(first.start, last.end, "direct", attribution, group)
            if inherited is not None:
                # „A“, betont sie. „B“: a quotation right after an attributed one goes on with
                # the same speaker.
                quote.speaker_mention = inherited.speaker_mention
                quote.speaker = inherited.speaker
                quote.speaker_id = inherited.speaker_id
                quote.speaker_low_confidence = inherited.speaker_low_confidence
                quote.cue = inherited.cue
                quote.confidence = round(inherited.confidence * 0.8, 2)
            quotes.append(quote)
        return quotes

    def labelled_lines(self) -> list[Quote]:
        """Paragraphs that open with a speaker label ("PENCE: Well, look …", "Poll: Wealthy
        voters abandon …"): transcripts and attributed headlines."""
        if self.data.setting("speaker_labels", "no") != "yes":
            return []
        found: list[Quote] = []
        for match in _LABEL_LINE.finditer(self.text):
            label = match.group("label")
            if label in self.data.label_stopwords or label.lower() in self.data.label_stopwords:
                continue
            if not label.isupper() and not self.entity_in(match.start("label"), match.end()):
                continue  # "Gaspreise: …", "Newsletter: …" are topics, not speakers
            start, end = self._trim(match.start("content"), match.end("content"))
            if len(_WORD.findall(self.text, start, end)) < 4:
                continue
            while end > start and self.text[end - 1] in _CLOSERS:
                end -= 1
            speaker = Span(match.start("label"), match.end("label"), label)
            verbatim = bool(match.group("mark")) or label.isupper()
            kind = "direct" if verbatim else "indirect"
            found.append(self._make(start, end, kind, Attribution(":", speaker)))
        return found

    def _inherited_speaker(self, quotes: list[Quote], first: QuoteSpan) -> Quote | None:
        """The attributed quotation this one follows right after, separated only by its
        attribution („A“, betont sie. „B“)."""
        if not quotes or quotes[-1].speaker_mention is None:
            return None
        before = quotes[-1]
        gap = self.text[before.end + 1 : first.start - 1]
        if len(gap) > MAX_INTERRUPTION_CHARS or "\n" in gap or not self._gap_is_attribution(gap):
            return None
        return before

    def _embedded(self, first: QuoteSpan, last: QuoteSpan) -> bool:
        """The quotation sits inside a running sentence (words on both sides, no sentence end
        inside it): "… called the plan "a demand" of Obama"."""
        before = self.text[max(0, first.start - 3) : first.start - 1].rstrip(" \x01'")
        content = self.text[first.start : last.end].rstrip()
        return before[-1:].isalnum() and not content.endswith((".", "!", "?"))

    def _gap_is_attribution(self, gap: str) -> bool:
        toks = [t for t in _WORD.findall(gap)]
        if not toks or len(toks) > int(self.data.setting("attribution_words", "9")) + 1:
            return False
        data = self.data
        return any(self.is_cue(t) or t in self.data.after_quote_cues for t in toks) or any(
            p.search(gap) for p in data.anonymous
        )

    def _looks_like_speech(self, start: int, end: int) -> bool:
        """An unattributed quotation counts when it is a sentence of its own, not a title."""
        content = self.text[start:end].strip()
        before = self.text[max(0, start - 4) : start - 1].rstrip(" '\x01")
        return bool(re.search(r"[.!?,…]$", content)) and (not before or before[-1:] in ".:!?\n")

    def _make(
        self,
        start: int,
        end: int,
        kind: str,
        attribution: Attribution | None,
        group: list[QuoteSpan] | None = None,
        confidence: float = 1.0,
    ) -> Quote:
        mention = attribution.speaker if attribution else None
        speaker, certainty, speaker_id = self.resolve(mention, start)
        if attribution is None:
            certainty = 0.5
        quote = Quote(
            text=self.text[start:end],
            start=start,
            end=end,
            kind=kind,
            speaker=speaker,
            speaker_mention=mention,
            cue=attribution.cue if attribution else None,
            source=None,
            in_comments=self.block_kind(start) == "comments",
            block=self.block_kind(start),
            confidence=round(certainty * confidence, 2),
            speaker_id=speaker_id,
            speaker_low_confidence=mention is not None and certainty < 0.5,
        )
        if group and len(group) > 1:
            quote.segments = [[s.start, s.end] for s in group]
        return quote

    # -- reported speech ---------------------------------------------------------------------
    def reported_speech(self, direct: list[Quote]) -> list[Quote]:
        data = self.data
        quotes: list[Quote] = []
        direct_spans = [(q.start, q.end) for q in direct]
        previous: Quote | None = None
        previous_end = -1
        sentences = split_sentences(self.text, data)
        for number, (s_start, s_end) in enumerate(sentences):
            if s_end - s_start > MAX_SENTENCE_CHARS:
                previous = None
                continue
            inside_direct = any(
                ds - 1 <= s_start and s_end <= de + 2 for ds, de in direct_spans
            )
            if inside_direct:
                previous = next(
                    (q for q in direct if q.start - 1 <= s_start and s_end <= q.end + 2), previous
                )
                previous_end = s_end
                continue
            found = self._prepositional(s_start, s_end) or self._verbal(s_start, s_end)
            if found is None and data.anonymous:
                found = self._anonymous(s_start, s_end)
            if found is not None and self._attributes_direct(found, direct):
                found = None  # '"…," said X, a spokesman': the attribution of a quotation
            if found is not None and any(ds <= found[0] < de for ds, de in direct_spans):
                found = None  # reported speech does not start inside a quotation
            if found is not None:
                c_start, c_end, attribution = found
                c_start, c_end = self._trim(c_start, c_end)
                if c_end - c_start >= 8 and not self._is_direct(c_start, c_end, direct_spans):
                    quote = self._make(c_start, c_end, "indirect", attribution, confidence=0.8)
                    quotes.append(quote)
                    previous, previous_end = quote, s_end
                    continue
                if self._is_direct(c_start, c_end, direct_spans):
                    previous = next(
                        (q for q in direct if q.start <= c_end and c_start <= q.end), previous
                    )
                    previous_end = s_end
                    continue
            # Konjunktiv I continuing the previous attributed speech.
            if (
                previous is not None
                and data.konjunktiv
                and self._gap_ok(previous_end, s_start)
                and self._has_konjunktiv(s_start, s_end)
                and not any(ds < s_end and s_start < de for ds, de in direct_spans)
            ):
                c_start, c_end = self._trim(s_start, s_end)
                if previous.kind == "indirect" and previous.cue is None:
                    # Extend the running continuation.
                    previous.end = c_end
                    previous.text = self.text[previous.start : c_end]
                else:
                    attribution = Attribution(None, previous.speaker_mention)
                    quote = self._make(c_start, c_end, "indirect", attribution, confidence=0.6)
                    quote.speaker = previous.speaker
                    quote.speaker_id = previous.speaker_id
                    quote.speaker_low_confidence = previous.speaker_low_confidence
                    quotes.append(quote)
                    previous = quote
                previous_end = s_end
                continue
            # A sentence in Konjunktiv I on its own ("Die Lage sei ernst.") reports someone's
            # words too: the speaker is the one of a recent quotation or the subject of a recent
            # sentence with a speech verb.
            if (
                data.konjunktiv_strict
                and self._has_strict_konjunktiv(s_start, s_end)
                and not any(ds < s_end and s_start < de for ds, de in direct_spans)
            ):
                attribution = self._nearby_attribution(sentences, number, quotes + direct)
                if attribution is not None:
                    c_start, c_end = self._trim(s_start, s_end)
                    quote = self._make(c_start, c_end, "indirect", attribution, confidence=0.5)
                    quote.cue = None
                    quotes.append(quote)
                    previous, previous_end = quote, s_end
                    continue
            previous = None
        return quotes

    def _has_strict_konjunktiv(self, start: int, end: int) -> bool:
        words = _WORD.findall(self.text, start, end)
        lowered = {w.lower() for w in words}
        if lowered & self.data.first_person:
            return False  # "ich habe", "wir seien": not the reported third person
        return any(w in self.data.konjunktiv_strict for w in words)

    def _nearby_attribution(
        self, sentences: list[tuple[int, int]], number: int, found: list[Quote]
    ) -> Attribution | None:
        lookback = int(self.data.setting("konjunktiv_lookback", "2"))
        first = sentences[max(0, number - lookback)][0]
        here = sentences[number][0]
        recent = [q for q in found if first <= q.end <= here and q.speaker_mention is not None]
        if recent:
            quote = max(recent, key=lambda q: q.end)
            return Attribution(None, quote.speaker_mention)
        for distance, (s_start, s_end) in enumerate(
            reversed(sentences[max(0, number - lookback) : number])
        ):
            toks = self.tokens(s_start, s_end)
            for index, (_w_start, w_end, word) in enumerate(toks):
                if self.is_cue(word):
                    speaker = self._subject(toks, index, s_start, w_end)
                    if speaker is not None:
                        return Attribution(word, speaker)
            if distance == 0:
                # "Kraxner spekulierte über einen toten Winkel. So sei …": the subject of the
                # sentence just before.
                speaker = self._clause_subject(s_start, s_end, strict=True)
                if speaker is not None:
                    return Attribution(None, speaker)
        return None

    def _attributes_direct(
        self, found: tuple[int, int, Attribution], direct: list[Quote]
    ) -> bool:
        """The speaker found for reported speech is the speaker mention of a direct quotation
        and the "reported words" are an apposition or an adverbial after it ('"…," said X, a
        spokesman.', '"…," he said in an interview.'): that quotation's attribution."""
        c_start, c_end, attribution = found
        mention = attribution.speaker
        if mention is None or c_start < mention.end:
            return False
        words = _WORD.findall(self.text, c_start, c_end)
        if len(words) >= 6 and words[0].lower() not in self.data.determiners:
            return False
        return any(
            q.speaker_mention is not None
            and q.speaker_mention.start < mention.end
            and mention.start < q.speaker_mention.end
            for q in direct
        )

    def _gap_ok(self, previous_end: int, start: int) -> bool:
        return previous_end >= 0 and not self.text[previous_end:start].strip()

    def _has_konjunktiv(self, start: int, end: int) -> bool:
        return any(w in self.data.konjunktiv for w in _WORD.findall(self.text, start, end))

    def _is_direct(self, start: int, end: int, direct_spans: list[tuple[int, int]]) -> bool:
        """The reported words are (mostly) one direct quotation already found."""
        for ds, de in direct_spans:
            overlap = min(end, de) - max(start, ds)
            if overlap > 0.6 * (end - start):
                return True
        return False

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        while start < end and (self.text[start].isspace() or self.text[start] in ",;:–—-"):
            start += 1
        while end > start and (self.text[end - 1].isspace() or self.text[end - 1] in ".,;:!?–—"):
            end -= 1
        return start, end

    def _prepositional(self, s_start: int, s_end: int) -> tuple[int, int, Attribution] | None:
        sentence = self.text[s_start:s_end]
        matches = [m for pattern in self.data.prepositional for m in pattern.finditer(sentence)]
        matches.sort(key=lambda m: (m.start(), -m.end()))
        for match in matches:
            m_start, m_end = s_start + match.start(), s_start + match.end()
            sp_start, sp_end = s_start + match.start("speaker"), s_start + match.end("speaker")
            speaker_span = self._speaker_span(sp_start, sp_end)
            if speaker_span is None:
                continue
            cue = match.group("cue")
            attribution = Attribution(cue, speaker_span)
            # Other attributions in the same sentence ("so Putin laut TASS") are not content.
            after_end = s_end
            for other in matches:
                if other.start() >= match.end() and not sentence[
                    match.end() : other.start()
                ].strip(" ,"):
                    after_end = min(after_end, s_start + other.start())
                    m_end = max(m_end, s_start + other.end())
            before = self.text[s_start:m_start].strip(" ,;:–—\"„“”")
            after = self.text[m_end:s_end].strip(" ,.;:!?–—\"„“”")
            if cue.lower() in self.data.preposed_cues:
                # "Wie X berichtete, …": the reported words follow the clause.
                if len(_WORD.findall(before)) < 3:
                    return m_end, s_end, attribution
                return s_start, m_start, attribution
            if len(_WORD.findall(before)) == 0:
                if len(_WORD.findall(after)) < 3:
                    continue
                return m_end, s_end, attribution
            if not after:
                return s_start, m_start, attribution
            if (
                self.data.setting("apposition_ends_report", "no") == "yes"
                and len(_WORD.findall(before)) >= 3
                and self.text[m_end:s_end].lstrip()[:1] == ","
            ):
                # "…, according to an analysis by X, a former aide." — an apposition follows.
                return s_start, m_start, attribution
            return s_start, s_end, attribution
        return None

    def _speaker_span(self, start: int, end: int) -> Span | None:
        text = self.text[start:end]
        stripped = text.rstrip(" ,.")
        if not stripped.strip():
            return None
        return Span(start, start + len(stripped), stripped)

    def _anonymous(self, s_start: int, s_end: int) -> tuple[int, int, Attribution] | None:
        sentence = self.text[s_start:s_end]
        for pattern in self.data.anonymous:
            match = pattern.search(sentence)
            if not match:
                continue
            m_start, m_end = s_start + match.start(), s_start + match.end()
            attribution = Attribution(match.group(0), None, anonymous=True)
            comma_before = self.text.rfind(",", s_start, m_start)
            if comma_before != -1 and not self.text[comma_before + 1 : m_start].strip():
                return s_start, comma_before, attribution
            comma_after = re.match(r"\s*[,:]\s*", self.text[m_end:s_end])
            if comma_after:
                return m_end + comma_after.end(), s_end, attribution
        return None

    def _verbal(self, s_start: int, s_end: int) -> tuple[int, int, Attribution] | None:
        """A speech verb in the sentence with its speaker and the reported words."""
        toks = self.tokens(s_start, s_end)
        words = [t[2] for t in toks]
        for index, (w_start, w_end, word) in enumerate(toks):
            if not self.is_cue(word):
                continue
            prev_word = words[index - 1] if index else ""
            # Pattern B: "…, sagte der Minister." / "…, Caddell said." — words before a comma.
            comma_index = self._comma_before(toks, index)
            following = toks[index + 1][2] if index + 1 < len(toks) else ""
            if comma_index is not None and comma_index >= 3 and following != ":":
                speaker = None
                if prev_word == ",":
                    speaker = self.np_after(w_end, s_end)
                elif not self.verb_second:
                    speaker = self.np_before(w_start, toks[comma_index][1])
                after_quote = toks[comma_index - 1][2] in _CLOSERS
                if speaker and not after_quote and self._parenthetical(toks, index, speaker):
                    # "Die Lage, sagte er, sei ernst." / "Acts of protest, Mr. Obama said, are …"
                    return s_start, s_end, Attribution(word, speaker)
                if speaker and self._clause_ends_soon(toks, index, speaker):
                    return s_start, toks[comma_index][0], Attribution(word, speaker)
            # Pattern A: "X sagte, (dass) …" / "X said (that) …" / "X teilte mit, dass …".
            boundary = self._content_start(toks, index)
            if boundary is None:
                continue
            content_start, between_end = boundary
            if word in self.data.participle_cues and prev_word == ",":
                # "Clinton mocked the complaint, saying …": the subject of the main clause.
                speaker = self._clause_subject(s_start, w_start)
            else:
                speaker = self._subject(toks, index, s_start, between_end)
            if speaker is None:
                continue
            if len(_WORD.findall(self.text, content_start, s_end)) < 3:
                continue
            s_end = self._content_end(content_start, s_end)
            fronted = self.text[s_start : speaker.start].rstrip()
            if (
                speaker.start > s_start
                and fronted.endswith(",")
                and self.data.setting("fronted_phrase_in_report", "no") == "yes"
                and not any(self.is_cue(w) for w in _WORD.findall(fronted))
            ):
                # "In law school, she said professors would …": the annotation keeps the
                # fronted phrase with the reported words.
                content_start = s_start
            return content_start, s_end, Attribution(word, speaker)
        return None

    def _content_end(self, start: int, end: int) -> int:
        """Where reported words stop before the sentence does: at a second speech verb joined
        by "and"/"but" ("said he would … and warned against …"), and, where the language's
        annotation keeps them apart, at a relative clause after a comma (", which …")."""
        toks = self.tokens(start, end)
        conjunctions = self.data.coordinators
        cut_relative = self.data.setting("cut_at_relative_clause", "no") == "yes"
        for index in range(2, len(toks) - 1):
            word = toks[index][2]
            if word.lower() in conjunctions and any(
                self.is_cue(t[2]) for t in toks[index + 1 : index + 4]
            ):
                # "… and warned …", "…, but he said …": a second attribution begins
                return toks[index][0]
            if word == "," and toks[index + 1][2] in self.data.participle_cues:
                return toks[index][0]  # "…, arguing that …"
            if (
                cut_relative
                and word == ","
                and toks[index + 1][2].lower() in self.data.relatives
            ):
                return toks[index][0]
        return end

    def _comma_before(self, toks: list[tuple[int, int, str]], index: int) -> int | None:
        """Index of the comma that ends the reported words before the cue, if the cue (and its
        speaker, in English) follow that comma directly."""
        if index and toks[index - 1][2] == ",":
            return index - 1
        if not self.verb_second:
            for j in range(index - 1, max(-1, index - 7), -1):
                if toks[j][2] == ",":
                    between = toks[j + 1 : index]
                    if between and all(
                        t[2][:1].isupper()
                        or t[2].lower() in self.data.determiners
                        or t[2].isalpha()
                        for t in between
                    ):
                        return j
                    return None
                if toks[j][2] in (".", ";", ":"):
                    return None
        return None

    def _parenthetical(
        self, toks: list[tuple[int, int, str]], index: int, speaker: Span
    ) -> bool:
        """The attribution is set off by commas inside the reported sentence."""
        end = max(speaker.end, toks[index][1])
        rest = [t for t in toks if t[0] >= end]
        if len(rest) < 4 or rest[0][2] != ",":
            return False
        # "…, said Brian Baker, a longtime adviser": an apposition to the speaker, not more words.
        return not (speaker.start > toks[index][0] and rest[1][2].lower() in self.data.determiners)

    def _clause_ends_soon(
        self, toks: list[tuple[int, int, str]], index: int, speaker: Span
    ) -> bool:
        rest = [t for t in toks if t[0] >= max(speaker.end, toks[index][1])]
        while rest and rest[-1][2] in (".", "!", "?"):
            rest.pop()
        for count, token in enumerate(rest):
            if token[2] in (".", "!", "?", ",", ";", ":") or count >= 6:
                return count < 6
        return True

    def _content_start(
        self, toks: list[tuple[int, int, str]], index: int
    ) -> tuple[int, int] | None:
        """Where the reported words start after a cue verb: after ", (dass)", ":" or "that"."""
        verb = toks[index][2]
        particles = self.data.cues.get(verb, ())
        limit = min(len(toks), index + 12)
        particle_seen = not particles
        comma_next = self.data.setting("comma_right_after_cue", "no") == "yes"
        for j in range(index + 1, limit):
            word = toks[j][2]
            if word in particles:
                particle_seen = True
                continue
            if word in (".", "!", "?", ";") or word in _OPENERS:
                break
            if word in (",", ":"):
                if not particle_seen:
                    return None
                if comma_next and any(
                    t[2] not in self.data.time_words for t in toks[index + 1 : j]
                ):
                    break  # "say resources could be spent …, the alliance": not "said, …"
                nxt = toks[j + 1][2] if j + 1 < len(toks) else ""
                if nxt in _OPENERS:
                    return None  # a direct quotation follows
                if nxt.lower() in self.data.subordinators:
                    return None
                return toks[j][1], toks[j][0]
            if word.lower() in self.data.complementizers and particle_seen:
                if verb in self.data.infinitive_verbs and verb not in self.data.content_verbs:
                    break  # "plans that …" is a noun with a relative clause
                return toks[j][0], toks[j][0]
        if self.data.setting("bare_complement", "no") == "yes" and index + 1 < len(toks):
            # "He said the plan would fail": the words right after the verb, skipping a day.
            j = index + 1
            skip = self.data.time_words
            while j < len(toks) and toks[j][2] in skip:
                j += 1
            if verb in self.data.addressee_verbs:
                # "told reporters …": the addressee is not the content.
                object_np = self.np_after(toks[min(j, len(toks) - 1)][0], toks[-1][1])
                if object_np is None:
                    return None
                while j < len(toks) and toks[j][0] < object_np.end:
                    j += 1
                if j < len(toks) and toks[j][2] == "that":
                    return toks[j][0], toks[j][0]
            if verb in self.data.infinitive_verbs and j < len(toks) and toks[j][2] == "to":
                return toks[j][0], toks[j][0]
            content_verbs = self.data.content_verbs
            if (
                j < len(toks)
                and toks[j][2] not in (".", ",", "?", "!", ":", ";", "to", "by", "for", "in")
                and verb in content_verbs
            ):
                return toks[j][0], toks[j][0]
        return None

    def _subject(
        self, toks: list[tuple[int, int, str]], index: int, s_start: int, between_end: int
    ) -> Span | None:
        """The speaker of "X sagte, …": the words before the verb, or after it (V2: "Am Montag
        sagte der Minister, …")."""
        w_start, w_end, _word = toks[index]
        before = [t for t in toks[:index]]
        first = before[0][2].lower() if before else ""
        adverbial = not before or first in self.data.starters
        if not self.verb_second:
            adverbial = False
            if index + 1 < len(toks) and toks[index + 1][2][:1].isupper() and before and before[
                -1
            ][2] == ",":
                adverbial = True  # ", said Caddell"
        if not adverbial:
            floor = s_start
            for t in reversed(before):
                if t[2] in (";", ":"):
                    floor = t[1]
                    break
            speaker = self.np_before(w_start, floor)
            if speaker is not None:
                return speaker
        return self.np_after(w_end, max(between_end, w_end))


def extract_quotes(
    text: str, lang: str, blocks: list[Block], entities: list[Entity], sources: list[Source]
) -> list[Quote]:
    finder = QuoteFinder(text, lang, blocks, entities, sources)
    direct = finder.direct_quotes()
    labelled = finder.labelled_lines()
    if labelled:
        # A transcript ("PENCE: …" paragraphs) is a series of quotations, not one long one.
        direct = [q for q in direct if sum(q.start <= x.start < q.end for x in labelled) < 2]
        direct += [x for x in labelled if not any(q.start <= x.start < q.end for q in direct)]
        direct.sort(key=lambda q: q.start)
    reported = finder.reported_speech(direct)
    quotes = direct + reported
    if finder.data.setting("partial_quotes", "yes") == "yes":
        quotes.extend(_partial_quotes(finder, reported, direct))
    for quote in quotes:
        quote.source = source_for(text, quote, sources)
    quotes.sort(key=lambda q: (q.start, q.end))
    return quotes


def _partial_quotes(finder: QuoteFinder, reported: list[Quote], direct: list[Quote]) -> list[Quote]:
    """Short quoted words inside reported speech are the speaker's own words (a partial
    quotation: „volle Verantwortung“); elsewhere they are terms or titles and left out."""
    taken = {(q.start, q.end) for q in direct}
    found: list[Quote] = []
    whole = find_direct_spans(finder.text)
    starts = [span.start for span in whole]
    for quote in reported:
        for span in _spans_in_prefix(finder.text, quote.start, quote.end, whole, starts):
            if span.start < quote.start or (span.start, span.end) in taken:
                continue
            partial = finder._make(
                span.start,
                span.end,
                "direct",
                Attribution(quote.cue, quote.speaker_mention),
                confidence=0.8,
            )
            partial.speaker = quote.speaker
            partial.speaker_id = quote.speaker_id
            partial.speaker_low_confidence = quote.speaker_low_confidence
            found.append(partial)
            taken.add((span.start, span.end))
    return found


def _spans_in_prefix(
    text: str, start: int, end: int, whole: list[QuoteSpan], starts: list[int]
) -> list[QuoteSpan]:
    """`find_direct_spans(text[:end])`, the spans from `start` on, without rescanning the prefix
    for every quotation (quadratic in a long text). The scan runs left to right and looks at most
    MAX_QUOTE_CHARS ahead, so before `end - MAX_QUOTE_CHARS` it decides as the scan of the whole
    text (`whole`, `starts` their starts) did: it resumes from a point the whole scan stood on."""
    marks = set(QUOTE_PAIRS) | {"'"}
    point = min(start, end - MAX_QUOTE_CHARS - 64)
    # Resume on a character the whole scan stood on that is no mark: there the character before
    # does not matter, and no doubled apostrophe ('') is cut in two.
    while point > 0:
        inside = bisect.bisect_right(starts, point) - 1
        if inside >= 0 and whole[inside].end >= point:
            point = whole[inside].start - 1  # inside a quotation: back to its opening mark
        elif text[point] not in marks:
            break
        point -= 1
    point = max(point, 0)
    return [
        QuoteSpan(span.start + point, span.end + point, span.opener)
        for span in find_direct_spans(text[point:end])
    ]


def source_for(text: str, quote: Quote, sources: list[Source]) -> str | None:
    """The cited source the quotation is attributed to: a source named as the speaker, or named
    with a cue in the quotation's own sentence (or just after it)."""
    mention = quote.speaker_mention
    if mention is not None:
        for source in sources:
            for m in source.mentions:
                if m.start < mention.end and mention.start < m.end:
                    return source.name
    sentence_end = _SENTENCE_END.search(text, quote.end + 1)
    stop = sentence_end.end() if sentence_end else len(text)
    stop = min(stop, quote.end + 300)
    begin = max(0, quote.start - 200)
    for source in sources:
        for m in source.mentions:
            if m.cue and begin <= m.start < stop:
                return source.name
    return None
