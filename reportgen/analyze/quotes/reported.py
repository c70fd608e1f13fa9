"""Reported (indirect) speech, sentence by sentence: an attribution in the sentence itself
(:mod:`.clauses`), else Konjunktiv I that goes on with the speaker of the speech just before,
else a stance as the object of its verb (:mod:`.stances`), else a Konjunktiv I sentence near
an attributed one."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from ...model import Span
from ...text.patterns import WORD
from .clauses import Reading, read_sentence
from .mood import (
    has_konjunktiv,
    hypothetical,
    hypothetical_cue,
    reads_as_report,
    report_adverb,
    strict_konjunktiv,
)  # fmt: skip
from .patterns import MAX_SENTENCE_CHARS, MAX_WORDS_BEFORE_SUBJECT
from .phrases import clause_subject
from .records import Attribution, Inherit, QuoteCandidate
from .stances import stance
from .verbal import coordinated_report, subject
from .view import ArticleView, EntityMention


@dataclass
class _Direct:
    """The direct quotations, as spans, for the checks of the reported-speech pass."""

    quotes: Sequence[QuoteCandidate]

    def around(self, start: int, end: int) -> QuoteCandidate | None:
        """The quotation the sentence lies in (marks and a closing stop included)."""
        return next((q for q in self.quotes if q.start - 1 <= start and end <= q.end + 2), None)

    def overlapping(self, start: int, end: int) -> QuoteCandidate | None:
        return next((q for q in self.quotes if q.start <= end and start <= q.end), None)

    def touches(self, start: int, end: int) -> bool:
        return any(q.start < end and start < q.end for q in self.quotes)

    def starts_inside(self, offset: int) -> bool:
        return any(q.start <= offset < q.end for q in self.quotes)

    def _colons_before(self, v: ArticleView, start: int, end: int) -> Iterator[int]:
        """The colon each quotation opening inside the words follows, if one does."""
        for q in self.quotes:
            if start < q.start <= end:
                head = v.text[start : q.start - 1].rstrip(" \x01'")
                if head.endswith(":"):
                    yield start + len(head) - 1

    def introduced(self, v: ArticleView, start: int, end: int) -> int:
        """Where reported words stop that introduce a quotation after a colon ("…, die Lage
        sei schlecht: „Ich bin nicht zufrieden.“"): at the colon, else at ``end``. Words
        before the colon that are not reported speech themselves (no Konjunktiv, no "dass")
        are the quotation's attribution, not a report."""
        colons = self._colons_before(v, start, end)
        return next((c for c in colons if reads_as_report(v, start, c)), end)

    def attributes_one(self, v: ArticleView, start: int, end: int) -> bool:
        """The words read as reported end in a speech verb's colon before a quotation and
        report nothing themselves ("X sagte laut der Zeitung: „…“"): they are its attribution."""
        return any(
            any(v.is_cue(w) for w in WORD.findall(v.text, start, colon))
            and not reads_as_report(v, start, colon)
            for colon in self._colons_before(v, start, end)
        )

    def mostly(self, start: int, end: int) -> bool:
        """The reported words are (mostly) one direct quotation already found."""
        return any(min(end, q.end) - max(start, q.start) > 0.6 * (end - start) for q in self.quotes)


def _attributes_direct(v: ArticleView, found: Reading, direct: Sequence[QuoteCandidate]) -> bool:
    """The speaker found for reported speech is the speaker mention of a direct quotation
    and the "reported words" are an apposition or an adverbial after it ('"…," said X, a
    spokesman.', '"…," he said in an interview.'): that quotation's attribution."""
    c_start, c_end, attribution = found
    mention = attribution.speaker
    if mention is None or c_start < mention.end:
        return False
    words = WORD.findall(v.text, c_start, c_end)
    if len(words) >= 6 and words[0].lower() not in v.lex.determiners:
        return False
    return any(
        q.mention is not None and q.mention.start < mention.end and mention.start < q.mention.end
        and q.end <= c_start  # an apposition follows its quotation; "X sagte, …: „…“" does not
        for q in direct
    )


def _cue_subject(v: ArticleView, s_start: int, s_end: int) -> Attribution | None:
    toks = v.tokens(s_start, s_end)
    for index, (_w_start, w_end, word) in enumerate(toks):
        if v.is_cue(word):
            speaker = subject(v, toks, index, s_start, w_end)
            if speaker is not None:
                return Attribution(word, speaker)
    return None


def own_cue_name(v: ArticleView, s_start: int, s_end: int) -> Attribution | None:
    """"Dass das RKI … erklärt hatte, Gaststätten seien kein Pandemietreiber, kümmert …": a
    speech verb of the sentence itself, with a name before it in the sentence, when no clause
    reading found its subject."""
    for w_start, _w_end, word in v.tokens(s_start, s_end):
        if v.is_cue(word):
            mention = v.named_in(s_start, w_start)
            if mention is None:
                return None
            return Attribution(word, Span(mention[0], mention[1], v.text[mention[0] : mention[1]]))
    return None


def nearby_attribution(
    v: ArticleView,
    sentences: list[tuple[int, int]],
    number: int,
    found: Sequence[QuoteCandidate],
) -> Attribution | None:
    """The speaker of a lone Konjunktiv I sentence: the one of a recent quotation, or the
    subject of a recent sentence with a speech verb, or of the sentence just before."""
    lookback = v.style.konjunktiv_lookback
    first = sentences[max(0, number - lookback)][0]
    here = sentences[number][0]
    farther = sentences[max(0, number - v.style.konjunktiv_quote_lookback)][0]
    earlier = [
        q for q in found if min(first, farther) <= q.end <= here and q.mention is not None
    ]  # fmt: skip
    if earlier:
        last = max(earlier, key=lambda q: q.end)
        # a recent quotation's speaker; an older one's while nobody else was named since
        if last.end >= first or v.entity_in(last.end, here) is None:
            return Attribution(None, last.mention)
    for distance, (s_start, s_end) in enumerate(
        reversed(sentences[max(0, number - lookback) : number])
    ):
        attribution = _cue_subject(v, s_start, s_end)
        if attribution is not None:
            return attribution
        if distance == 0 and not strict_konjunktiv(v, s_start, s_end):
            # "Kraxner spekulierte über einen toten Winkel. So sei …"; the subject of a
            # reported sentence is what was said, not who said it
            speaker = clause_subject(v, s_start, s_end, strict=True)
            if speaker is not None:
                return Attribution(None, speaker)
    return None


def _introduces_words(v: ArticleView, word: str) -> bool:
    """A speech verb or a noun for what carries words ("Mail", "Erklärung", "Urteil")."""
    return (
        v.is_cue(word)
        or word in v.lex.speech_nouns
        or word.lower() in v.lex.document_nouns
        or word in v.lex.statement_nouns
    )


def _opens_with_person(v: ArticleView, start: int, mention: EntityMention) -> bool:
    """The clause opens with the person, after at most a few capitalised words (titles, a
    genitive), and a verb follows the name ("Bayerns Ministerpräsident Markus Söder ist sich
    sicher: …"): the person is its subject."""
    if mention[2].label != "PER":
        return False
    before = WORD.findall(v.text, start, mention[0])
    after = WORD.findall(v.text, mention[1], min(len(v.text), mention[1] + 30))
    return (
        len(before) <= MAX_WORDS_BEFORE_SUBJECT
        and all(w[:1].isupper() for w in before)
        and bool(after)
        and after[0].islower()
        and after[0] not in v.lex.genitive_articles
    )


def colon_speaker(v: ArticleView, start: int, end: int) -> tuple[int, Attribution] | None:
    """"… kommt eine Mail von Relotius: Die meisten Gruppen seien verschlossen.": Konjunktiv I
    after a colon reports the person (else the organisation) named before it, in a clause with
    a speech verb or a noun for a message; returns where the words begin and their speaker."""
    colon = v.text.find(":", start, end)
    if colon == -1 or not strict_konjunktiv(v, colon + 1, end):
        return None
    if strict_konjunktiv(v, start, colon):
        return None  # the colon sits inside reported speech, which a speaker opened before
    mention = v.named_in(start, colon)
    if mention is None:
        return None
    if not any(_introduces_words(v, word) for word in WORD.findall(v.text, start, colon)) and (
        not _opens_with_person(v, start, mention)
    ):
        return None  # "Sehr dienlich für Merkels Politik: …" names no one who speaks
    speaker = Span(mention[0], mention[1], v.text[mention[0] : mention[1]])
    return colon + 1, Attribution(None, speaker)


@dataclass
class _Pass:
    """State of one reported-speech pass: what was found and what speech runs on."""

    v: ArticleView
    direct: _Direct
    found: list[QuoteCandidate]
    previous: QuoteCandidate | None = None
    previous_end: int = -1

    def attributed(self, s_start: int, s_end: int) -> bool:
        found = read_sentence(self.v, s_start, s_end)
        if found is not None and _attributes_direct(self.v, found, self.direct.quotes):
            found = None  # '"…," said X, a spokesman': the attribution of a quotation
        if found is not None and self.direct.starts_inside(found[0]):
            found = None  # reported speech does not start inside a quotation
        if found is not None and (
            self._introduces(found, s_end) or self.direct.attributes_one(self.v, *found[:2])
        ):
            found = None  # "X, der …, sagte der Zeitung: „…“": the attribution of a quotation
        if found is not None and hypothetical(self.v, s_start, found[0]):
            found = None  # "Man könnte sagen, dass …": what one might say, said by nobody
        if found is None:
            return False
        c_start, c_end = self.v.trim(found[0], self.direct.introduced(self.v, *found[:2]))
        if self.direct.mostly(c_start, c_end):
            self.previous = self.direct.overlapping(c_start, c_end) or self.previous
            self.previous_end = s_end
            return True
        if c_end - c_start < 8:
            return False
        attribution = found[2]
        first = QuoteCandidate(
            c_start, c_end, "indirect", "reported", attribution.cue, attribution.speaker,
            attributed=True, weight=0.8,
        )  # fmt: skip
        self._emit(first, s_end)
        self._coordinated(first, found[1], s_end)
        return True

    def _coordinated(self, first: QuoteCandidate, end: int, s_end: int) -> None:
        """"X said … and added that …": the second report of the sentence, X's as well."""
        while end < s_end and (found := coordinated_report(self.v, end, s_end)) is not None:
            c_start, c_end = self.v.trim(found[0], found[1])
            if c_end - c_start < 8 or self.direct.touches(c_start, c_end):
                return
            own = found[3]
            self._emit(
                QuoteCandidate(
                    c_start, c_end, "indirect", "reported", found[2], own or first.mention,
                    attributed=True, weight=0.7,
                    inherit=Inherit.NONE if own else Inherit.CONTINUED_REPORT,
                    parent=None if own else first,
                ),  # fmt: skip
                s_end,
            )
            end = found[1]

    def _introduces(self, found: Reading, s_end: int) -> bool:
        """The words read as reported stand before the speech verb, with a quotation after it
        in the same sentence, and are no reported speech themselves: the verb's subject."""
        c_start, c_end, attribution = found
        cue_at = attribution.speaker.start if attribution.speaker else c_end
        return (
            c_end <= cue_at
            and any(c_end < q.start < s_end for q in self.direct.quotes)
            and not reads_as_report(self.v, c_start, c_end)
        )

    def continued(self, s_start: int, s_end: int) -> bool:
        """Konjunktiv I right after attributed speech goes on with its speaker."""
        previous = self.previous
        if (
            previous is None
            or not self.v.lex.konjunktiv
            or self.previous_end < 0
            or self.v.text[self.previous_end : s_start].strip()
            or not has_konjunktiv(self.v, s_start, s_end)
            or self.direct.touches(s_start, s_end)
        ):
            return False
        c_start, c_end = self.v.trim(s_start, s_end)
        if previous.kind == "indirect" and previous.cue is None:
            # The running continuation grows.
            grown = replace(previous, end=c_end)
            index = max(i for i, q in enumerate(self.found) if q is previous)
            self.found[index] = grown
            self.previous, self.previous_end = grown, s_end
            return True
        candidate = QuoteCandidate(
            c_start, c_end, "indirect", "konjunktiv", None, previous.mention, attributed=True,
            weight=0.6, inherit=Inherit.CONTINUED_REPORT, parent=previous,
        )  # fmt: skip
        self._emit(candidate, s_end)
        return True

    def lone_konjunktiv(self, sentences: list[tuple[int, int]], number: int) -> bool:
        """A sentence in Konjunktiv I on its own ("Die Lage sei ernst.") reports someone's
        words: the speaker of a recent quotation or speech-verb sentence. So does a sentence
        with "demnach", the adverb its speaker mention."""
        s_start, s_end = sentences[number]
        adverb = report_adverb(self.v, s_start, s_end)
        if (
            adverb is None
            and (not self.v.lex.konjunktiv_strict or not strict_konjunktiv(self.v, s_start, s_end))
        ) or self.direct.touches(s_start, s_end):
            return False
        introduced = colon_speaker(self.v, s_start, s_end)
        attribution: Attribution | None
        if introduced is not None:
            s_start, attribution = introduced
        elif adverb is not None:
            attribution = Attribution(None, adverb)
        else:
            found = [*self.found, *self.direct.quotes]
            attribution = own_cue_name(self.v, s_start, s_end) or nearby_attribution(
                self.v, sentences, number, found
            )
        if attribution is None or hypothetical_cue(self.v, s_start, s_end):
            return False
        c_start, c_end = self.v.trim(s_start, s_end)
        candidate = QuoteCandidate(
            c_start, c_end, "indirect", "konjunktiv", None, attribution.speaker,
            attributed=True, weight=0.5,
        )  # fmt: skip
        self._emit(candidate, s_end)
        return True

    def stance(self, s_start: int, s_end: int) -> bool:
        """"Er fordert Transparenz": what the speaker demanded, as the object of the verb."""
        found = stance(self.v, s_start, s_end)
        if found is None or self.direct.touches(found[0], found[1]):
            return False
        c_start, c_end, attribution = found
        self._emit(
            QuoteCandidate(
                c_start, c_end, "indirect", "stance", attribution.cue, attribution.speaker,
                attributed=True, weight=0.5,
            ),  # fmt: skip
            s_end,
        )
        return True

    def _emit(self, candidate: QuoteCandidate, s_end: int) -> None:
        self.found.append(candidate)
        self.previous, self.previous_end = candidate, s_end


def reported_candidates(
    v: ArticleView, direct: Sequence[QuoteCandidate]
) -> list[QuoteCandidate]:
    state = _Pass(v, _Direct(direct), [])
    sentences = v.sentences()
    for number, (s_start, s_end) in enumerate(sentences):
        if s_end - s_start > MAX_SENTENCE_CHARS:
            state.previous = None
            continue
        if any(q.start - 1 <= s_start and s_end <= q.end + 2 for q in direct):
            state.previous = state.direct.around(s_start, s_end) or state.previous
            state.previous_end = s_end
            continue
        if (
            state.attributed(s_start, s_end)
            or state.continued(s_start, s_end)
            or state.stance(s_start, s_end)
        ):
            continue
        if not state.lone_konjunktiv(sentences, number):
            state.previous = None
    return state.found
