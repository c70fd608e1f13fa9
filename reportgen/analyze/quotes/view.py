"""The article as the quotation finders and the speaker resolver see it: its text, its blocks,
the entity and source mentions, and the language's lexicon, with fast offset lookups."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

from ...lang.schema import QuoteStyle
from ...model import Block, Entity, Source
from ...text.blocks import BlockIndex
from ...text.patterns import LAST_WORD, SENTENCE_END
from ...text.sentences import split_sentences
from ...text.tokens import Token, tokenize
from .lexicon import QuoteLexicon, lexicon
from .patterns import ANY_INITIALS, OPENERS

EntityMention = tuple[int, int, Entity]  # start, end, entity


@dataclass
class ArticleView:
    text: str
    lex: QuoteLexicon
    blocks: BlockIndex
    entities: list[Entity]
    # PER and ORG mentions by start offset.
    mentions: list[EntityMention]
    # Mentions of known sources, to resolve "die Agentur" to the agency named before it.
    source_mentions: list[tuple[int, Source]]
    mention_starts: list[int] = field(init=False)
    persons: list[Entity] = field(init=False)
    _sentences: list[tuple[int, int]] | None = field(default=None, init=False, repr=False)
    _sentence_starts: list[int] | None = field(default=None, init=False, repr=False)
    _tokens: dict[tuple[int, int], list[Token]] = field(
        default_factory=dict, init=False, repr=False
    )

    def __post_init__(self) -> None:
        self.mention_starts = [m[0] for m in self.mentions]
        self.persons = [e for e in self.entities if e.label == "PER"]

    @property
    def style(self) -> QuoteStyle:
        return self.lex.style

    def block_kind(self, offset: int) -> str:
        return self.blocks.kind_at(offset)

    def mentions_in(self, start: int, end: int) -> Iterator[EntityMention]:
        """The PER/ORG mentions inside [start, end), in text order."""
        index = bisect.bisect_left(self.mention_starts, start)
        for mention in self.mentions[index:]:
            if mention[0] >= end:
                break
            if mention[1] <= end:
                yield mention

    def entity_in(self, start: int, end: int, label: str | None = None) -> EntityMention | None:
        """The first PER/ORG mention inside [start, end), of ``label`` if given."""
        found = self.mentions_in(start, end)
        return next((m for m in found if label is None or m[2].label == label), None)

    def named_in(self, start: int, end: int) -> EntityMention | None:
        """Who a stretch of text names as its speaker, without a parse: the first person named
        in it, else the person or organisation named last, nearest to what follows."""
        person = self.entity_in(start, end, "PER")
        return person or next(reversed(list(self.mentions_in(start, end))), None)

    def sources_before(self, offset: int) -> list[tuple[int, Source]]:
        """The cited sources' mentions that start before `offset`, in text order."""
        return self.source_mentions[: bisect.bisect_left(self.source_mentions, offset, key=_start)]

    def tokens(self, start: int, end: int) -> list[Token]:
        """The tokens of text[start:end], made once per span (the finders ask for the same
        sentences and clauses), as a new list each time: some callers trim theirs."""
        span = (start, end)
        if span not in self._tokens:
            self._tokens[span] = tokenize(self.text, start, end, self.lex.abbreviations)
        return list(self._tokens[span])

    def sentences(self) -> list[tuple[int, int]]:
        """The article's sentences as (start, end), split once (callers must not change it)."""
        if self._sentences is None:
            self._sentences = split_sentences(
                self.text, self.lex.abbreviations, self.lex.months, self.lex.ordinal_before
            )
        return self._sentences

    def sentence_number(self, offset: int) -> int:
        """The index in :meth:`sentences` of the last sentence that starts at or before
        ``offset`` (-1: none does)."""
        if self._sentence_starts is None:
            self._sentence_starts = [start for start, _ in self.sentences()]
        return bisect.bisect_right(self._sentence_starts, offset) - 1

    def is_cue(self, word: str) -> bool:
        return word in self.lex.cues

    def clause_limit(self, position: int, window_end: int) -> int:
        """Where the clause after a closing quote mark ends: a line break, the next quotation or
        a full stop that is not an abbreviation's ("Mr.", "Mark Z. Barabak")."""
        limit = window_end
        newline = self.text.find("\n", position, limit)
        if newline != -1:
            limit = newline
        for match in SENTENCE_END.finditer(self.text, position, limit):
            word = LAST_WORD.search(self.text[position : match.start() + 1])
            token = word.group(1) if word else ""
            if token in self.lex.abbreviations or ANY_INITIALS.fullmatch(token):
                continue
            limit = match.start()
            break
        for index in range(position + 1, limit):
            if self.text[index] in OPENERS and self.text[index - 1].isspace():
                return index
        return limit

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """The span without surrounding spaces and punctuation."""
        while start < end and (self.text[start].isspace() or self.text[start] in ",;:–—-"):
            start += 1
        while end > start and (self.text[end - 1].isspace() or self.text[end - 1] in ".,;:!?–—"):
            end -= 1
        return start, end


def _start(mention: tuple[int, Source]) -> int:
    return mention[0]


def article_view(
    text: str, lang: str, blocks: list[Block], entities: list[Entity], sources: list[Source]
) -> ArticleView:
    mentions = sorted(
        (m.start, m.end, e) for e in entities for m in e.mentions if e.label in ("PER", "ORG")
    )
    return ArticleView(
        text=text,
        lex=lexicon(lang),
        blocks=BlockIndex(blocks),
        entities=entities,
        mentions=mentions,
        source_mentions=sorted((m.start, s) for s in sources for m in s.mentions),
    )
