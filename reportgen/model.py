"""The plain data that flows through reportgen, and its JSON form.

Readers make `Document`s, the analysis turns each into an `ArticleAnalysis`, and the renderers
only read those. Every offset is a character offset into `Document.text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

SCHEMA_VERSION = 1

BLOCK_KINDS = (
    "title",
    "lead",
    "byline",
    "body",
    "boilerplate",
    "appeal",
    "comments",
    "related",
    "legal",
    "newsletter",
    "ad",
)
# Kinds that belong to the article itself; everything else counts as boilerplate in the stats.
ARTICLE_KINDS = frozenset({"title", "lead", "byline", "body"})
# Kinds whose text is the article body (`ArticleAnalysis.body`, word and sentence counts).
BODY_KINDS = frozenset({"lead", "body"})
SOURCE_TYPES = (
    "news_agency",
    "outlet",
    "government",
    "organisation",
    "social",
    "document",
    "web",
    "unknown",
)


@dataclass
class Link:
    url: str
    domain: str
    text: str


@dataclass
class Document:
    """One article as read from the corpus, before any analysis."""

    id: str
    source_path: str
    outlet: str
    text: str
    format: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    url: str | None = None
    lang: str | None = None
    links: list[Link] = field(default_factory=list)
    # What a reader already knows about the layout (for HTML: trafilatura's body and comments),
    # used by segmentation as hints; never part of the contract.
    hints: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


@dataclass
class ReadError:
    """An input that did not become an article, and why."""

    source_path: str
    reason: str
    skipped: bool = False  # passed over on purpose (hidden, a pipe, an output folder), not failed


@dataclass
class Block:
    kind: str
    start: int
    end: int


@dataclass
class Span:
    start: int
    end: int
    text: str


@dataclass
class Mention:
    start: int
    end: int
    text: str
    block: str = "body"


@dataclass
class Entity:
    name: str
    label: str
    count: int
    mentions: list[Mention]
    id: str = ""


@dataclass
class Quote:
    text: str
    start: int
    end: int
    kind: str  # direct | indirect
    speaker: str | None
    speaker_mention: Span | None
    cue: str | None
    source: str | None
    in_comments: bool
    confidence: float = 1.0
    # The parts of a quotation interrupted by its attribution („…“, sagte er, „…“); None if whole.
    segments: list[list[int]] | None = None
    # The id of the entity the speaker resolved to (entities[].id), or None.
    speaker_id: str | None = None
    # True when the speaker is a guess: a pronoun left unresolved or resolved to the most recent
    # person, or a speaker carried over from a neighbouring quotation.
    speaker_low_confidence: bool = False
    # The kind of block the quotation starts in: the article's figures count only quotations in
    # title, lead, byline and body (not in comments, appeals or outlet furniture).
    block: str = "body"
    # How the speaker was found where it is not simply the mention as written, for a reader to
    # check: "pronoun „er“ → Olaf Scholz (the one person named before)", "from the previous
    # sentence", "continued quotation". None when the mention names the speaker itself.
    speaker_reason: str | None = None


@dataclass
class SourceMention:
    start: int
    end: int
    text: str
    cue: str | None
    block: str = "body"


@dataclass
class Source:
    name: str
    type: str
    country: str | None
    state_affiliated: bool | None
    mentions: list[SourceMention]
    cited: bool = True
    links: list[str] = field(default_factory=list)


@dataclass
class Comment:
    """One reader comment: its span in the text, and the author, date and text the page gives."""

    start: int
    end: int
    author: str | None = None
    date: str | None = None
    text: str = ""


@dataclass
class SharedPassage:
    """A passage of this article's body that another article of the corpus shares (text reuse,
    found by the corpus pass in `analyze/reuse.py`). `start`, `end` and `text` are this
    article's; `other_start` and `other_end` are offsets into the other article's text."""

    start: int
    end: int
    text: str
    other_id: str
    other_outlet: str
    other_date: str | None
    other_start: int
    other_end: int
    words: int  # words of the aligned passage found in both
    similarity: float  # Jaccard similarity of the two paragraphs' word shingles
    order: str  # this article's date against the other's: earlier | later | same | unknown
    cited: bool = False  # this article cites the other's outlet as a source


REUSE_ORDERS = ("earlier", "later", "same", "unknown")


@dataclass
class Stats:
    """The figures of ``ArticleAnalysis.stats`` (the JSON keeps this order)."""

    words: int = 0
    sentences: int = 0
    paragraphs: int = 0
    chars: int = 0
    body_chars: int = 0
    boilerplate_chars: int = 0
    boilerplate_ratio: float = 0.0
    blocks_by_kind: dict[str, int] | None = None
    chars_by_kind: dict[str, int] | None = None
    share_by_kind: dict[str, float] | None = None
    comment_count: int = 0
    comment_chars: int = 0
    quote_count: int = 0
    direct_quote_count: int = 0
    indirect_quote_count: int = 0
    comment_quote_count: int = 0
    entity_count: int = 0
    comment_entity_count: int = 0
    source_count: int = 0
    state_affiliated_source_count: int = 0

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Stats:
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown stats keys: {', '.join(sorted(unknown))}")
        return cls(**data)


@dataclass
class ArticleAnalysis:
    id: str
    source_path: str
    outlet: str
    title: str | None
    authors: list[str]
    date: str | None
    url: str | None
    lang: str
    pipeline: dict[str, str]
    text: str
    blocks: list[Block]
    body: str
    entities: list[Entity]
    quotes: list[Quote]
    sources: list[Source]
    links: list[Link]
    stats: Stats
    warnings: list[str]
    comments: list[Comment] = field(default_factory=list)
    format: str = "txt"
    schema_version: int = SCHEMA_VERSION
    reuse: list[SharedPassage] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleAnalysis:
        data = dict(data)
        data["blocks"] = [Block(**b) for b in data["blocks"]]
        data["entities"] = [
            Entity(**{**e, "mentions": [Mention(**m) for m in e["mentions"]]})
            for e in data["entities"]
        ]
        data["quotes"] = [
            Quote(
                **{
                    **q,
                    "speaker_mention": Span(**q["speaker_mention"])
                    if q["speaker_mention"]
                    else None,
                }
            )
            for q in data["quotes"]
        ]
        data["sources"] = [
            Source(**{**s, "mentions": [SourceMention(**m) for m in s["mentions"]]})
            for s in data["sources"]
        ]
        data["links"] = [Link(**link) for link in data["links"]]
        data["comments"] = [Comment(**c) for c in data.get("comments", [])]
        data["stats"] = Stats.from_dict(data["stats"])
        data["reuse"] = [SharedPassage(**r) for r in data.get("reuse", [])]
        return cls(**data)

    @property
    def article_quotes(self) -> list[Quote]:
        return [q for q in self.quotes if q.block in ARTICLE_KINDS]


def _plain(value: Any) -> Any:
    """`dataclasses.asdict` for the model's plain data (dataclasses, lists, dicts, str, numbers,
    None), without its deep copy of every leaf and its field lookups per object: the same
    dicts, faster, which counts when every build turns thousands of analyses into JSON."""
    if type(value) in _LEAVES:  # most values: answered before any dataclass test
        return value
    names = _FIELD_NAMES.get(type(value))
    if names is None and is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES[type(value)] = tuple(f.name for f in fields(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_LEAVES = frozenset({str, int, float, bool, type(None)})
