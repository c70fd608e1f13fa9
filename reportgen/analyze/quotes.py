"""Quotations and who said them.

Direct quotations are found by pairing quote marks by the style of the opening glyph (German „…“
closes with the mark that opens English quotes), never by sentence boundaries. The attribution is
read from the words next to the quotation (cue verbs, titles, names from the language data files);
reported speech comes from attribution patterns such as "so X", "laut X", "X sagte, dass …".
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..model import Block, Entity, Quote, Source, Span
from ..resources import load_lines, load_patterns

# Opening glyph -> the glyphs that may close it.
QUOTE_PAIRS: dict[str, str] = {
    "„": '“”"',
    "‚": "‘’",
    "»": "«",
    "«": "»",
    "“": "”",
    "‘": "’",
    '"': '"',
}
MAX_QUOTE_CHARS = 3000
# A quotation shorter than this many words without any attribution is a term or a title.
MIN_UNATTRIBUTED_WORDS = 5
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n[ \t]*")
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


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
    if mark in '"‘':  # also apostrophes or inch marks: need a word boundary before
        return before.isspace() or before in "([{—–-:/"
    return True


def find_direct_spans(text: str) -> list[QuoteSpan]:
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
            if opener in '‘"' and after.isalnum():
                j += 1  # an apostrophe inside a word ("don’t"), not the closing mark
                continue
            return j if j > position else None
        if char == "\n":
            brk = _PARAGRAPH_BREAK.match(text, j)
            if brk:
                # A quotation running over paragraphs reopens each paragraph with its mark.
                if text.startswith(opener, brk.end()):
                    j = brk.end() + 1
                    continue
                return None
        j += 1
    return None


@dataclass
class Attribution:
    cue: str | None
    speaker: Span | None
    anonymous: bool = False


class QuoteFinder:
    def __init__(self, text: str, lang: str, blocks: list[Block], entities: list[Entity]):
        self.text = text
        self.lang = lang
        self.blocks = blocks
        self.block_starts = [b.start for b in blocks]
        self.cues = frozenset(load_lines(lang, "cue_verbs"))
        self.titles = frozenset(load_lines(lang, "titles"))
        self.pronouns = frozenset(load_lines(lang, "pronouns"))
        self.anonymous = load_patterns(lang, "anonymous")
        # Every entity mention, sorted, for speaker lookup.
        self.mentions = sorted(
            (m.start, m.end, e) for e in entities for m in e.mentions if e.label in ("PER", "ORG")
        )
        self.mention_starts = [m[0] for m in self.mentions]

    # -- helpers ---------------------------------------------------------------------------
    def block_kind(self, offset: int) -> str:
        index = bisect.bisect_right(self.block_starts, offset) - 1
        if index >= 0 and self.blocks[index].start <= offset < self.blocks[index].end:
            return self.blocks[index].kind
        return "none"

    def entity_in(self, start: int, end: int) -> tuple[int, int, Entity] | None:
        index = bisect.bisect_left(self.mention_starts, start)
        for mention in self.mentions[index:]:
            if mention[0] >= end:
                break
            if mention[1] <= end:
                return mention
        return None

    def last_person_before(self, offset: int) -> tuple[int, int, Entity] | None:
        index = bisect.bisect_left(self.mention_starts, offset)
        for mention in reversed(self.mentions[:index]):
            if mention[2].label == "PER":
                return mention
        return None

    def _words(self, start: int, end: int) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(self.text, start, end)]

    # -- attribution -------------------------------------------------------------------------
    def attribution_after(self, end: int) -> Attribution | None:
        """„…“, sagte Präsident Lukaschenko. / „…“, so Putin. / "…," Biden said."""
        window_end = min(len(self.text), end + 160)
        sentence_end = _SENTENCE_END.search(self.text, end + 1, window_end)
        stop = sentence_end.start() if sentence_end else window_end
        tail = self.text[end + 1 : stop]
        for pattern in self.anonymous:
            match = pattern.match(tail)
            if match:
                return Attribution(match.group(0).strip(" ,."), None, anonymous=True)
        words = self._words(end + 1, stop)[:8]
        for index, (w_start, _w_end, word) in enumerate(words[:5]):
            if word not in self.cues:
                continue
            speaker = self._speaker_near(words, index, w_start, stop)
            if speaker:
                return Attribution(word, speaker)
        return None

    def attribution_before(self, start: int) -> Attribution | None:
        """Lukaschenko sagte: „…“ / Biden said, "…" """
        opener_at = start - 1
        window_start = max(0, opener_at - 160)
        previous = list(_SENTENCE_END.finditer(self.text, window_start, opener_at))
        begin = previous[-1].end() if previous else window_start
        head = self.text[begin:opener_at].rstrip()
        if not head.endswith((":", ",")):
            return None
        words = self._words(begin, opener_at)
        for index in range(len(words) - 1, -1, -1):
            if words[index][2] in self.cues:
                speaker = self._speaker_near(words, index, begin, opener_at)
                if speaker:
                    return Attribution(words[index][2], speaker)
        return None

    def _speaker_near(
        self, words: list[tuple[int, int, str]], cue_index: int, start: int, stop: int
    ) -> Span | None:
        """An entity or pronoun right after the cue, else right before it."""
        after = words[cue_index + 1 : cue_index + 6]
        before = words[max(0, cue_index - 5) : cue_index]
        for group in (after, list(reversed(before))):
            for w_start, w_end, word in group:
                if word in self.pronouns:
                    return Span(w_start, w_end, word)
                mention = self.entity_in(w_start, stop)
                if mention and mention[0] == w_start:
                    return Span(mention[0], mention[1], self.text[mention[0] : mention[1]])
        # A capitalised name after a title, not found by the entity step ("sagte Sprecher Peskow").
        for w_start, w_end, word in after:
            if word[:1].isupper() and word not in self.titles and word not in self.cues:
                return Span(w_start, w_end, word)
        return None

    def resolve(self, mention: Span | None, before: int) -> tuple[str | None, float]:
        """The canonical speaker for a mention; pronouns go to the most recent person."""
        if mention is None:
            return None, 1.0
        if mention.text in self.pronouns:
            person = self.last_person_before(before)
            return (person[2].name, 0.6) if person else (None, 0.3)
        found = self.entity_in(mention.start, mention.end)
        if found:
            return found[2].name, 1.0
        return mention.text, 0.7

    # -- quotations --------------------------------------------------------------------------
    def direct_quotes(self, sources: list[Source]) -> list[Quote]:
        quotes: list[Quote] = []
        spans = find_direct_spans(self.text)
        for index, span in enumerate(spans):
            attribution = self.attribution_after(span.end) or self.attribution_before(span.start)
            if attribution is None and index > 0:
                # „…“, sagte er, „…“: the second part shares the first part's speaker.
                prev = spans[index - 1]
                gap = self.text[prev.end + 1 : span.start - 1]
                if len(gap) < 80 and quotes and quotes[-1].end == prev.end:
                    first = quotes[-1]
                    attribution = Attribution(first.cue, first.speaker_mention)
            content = self.text[span.start : span.end]
            if attribution is None and len(_WORD.findall(content)) < MIN_UNATTRIBUTED_WORDS:
                continue  # a term, a title or a scare quote
            speaker, confidence = self.resolve(
                attribution.speaker if attribution else None, span.start
            )
            quotes.append(
                Quote(
                    text=content,
                    start=span.start,
                    end=span.end,
                    kind="direct",
                    speaker=speaker,
                    speaker_mention=attribution.speaker if attribution else None,
                    cue=attribution.cue if attribution else None,
                    source=self.source_for(span.start, span.end, sources),
                    in_comments=self.block_kind(span.start) == "comments",
                    confidence=confidence if attribution else 0.5,
                )
            )
        return quotes

    def source_for(self, start: int, end: int, sources: list[Source]) -> str | None:
        """The cited source named with a cue in the quotation's own sentence (or just after)."""
        sentence_end = _SENTENCE_END.search(self.text, end + 1)
        stop = sentence_end.end() if sentence_end else len(self.text)
        stop = min(stop, end + 300)
        begin = max(0, start - 200)
        for source in sources:
            for mention in source.mentions:
                if mention.cue and begin <= mention.start < stop:
                    return source.name
        return None

    def reported_speech(self, sources: list[Source], taken: list[tuple[int, int]]) -> list[Quote]:
        """Sentences of the form "…, so X." / "X sagte, (dass) …" / "Laut X …"."""
        quotes: list[Quote] = []
        matches = (
            match
            for pattern in load_patterns(self.lang, "reported_speech", 0)
            for match in pattern.finditer(self.text)
        )
        for match in matches:
            c_start, c_end = match.span("content")
            if any(s < c_end and c_start < e for s, e in taken):
                continue
            speaker_span = Span(*match.span("speaker"), match.group("speaker"))
            # The name may follow the matched role words ("so der Amtskollege Wladimir Putin").
            found = self.entity_in(speaker_span.start, speaker_span.end + 40)
            if found is None and speaker_span.text not in self.pronouns:
                continue
            if found:
                speaker_span = Span(found[0], found[1], self.text[found[0] : found[1]])
            speaker, confidence = self.resolve(speaker_span, c_start)
            quotes.append(
                Quote(
                    text=self.text[c_start:c_end],
                    start=c_start,
                    end=c_end,
                    kind="indirect",
                    speaker=speaker,
                    speaker_mention=speaker_span,
                    cue=match.group("cue"),
                    source=self.source_for(c_start, c_end, sources),
                    in_comments=self.block_kind(c_start) == "comments",
                    confidence=confidence * 0.8,
                )
            )
            taken.append((c_start, c_end))
        return quotes


def extract_quotes(
    text: str, lang: str, blocks: list[Block], entities: list[Entity], sources: list[Source]
) -> list[Quote]:
    finder = QuoteFinder(text, lang, blocks, entities)
    direct = finder.direct_quotes(sources)
    taken = [(q.start - 1, q.end + 1) for q in direct]
    quotes = direct + finder.reported_speech(sources, taken)
    quotes.sort(key=lambda q: (q.start, q.end))
    return quotes
