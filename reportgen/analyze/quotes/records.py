"""The records passed between the quotation finders and the speaker resolver."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ...model import Span


@dataclass(frozen=True)
class Attribution:
    """What a finder read next to a quotation: the cue and the speaker's words as written."""

    cue: str | None
    speaker: Span | None
    anonymous: bool = False


@dataclass(frozen=True)
class Speaker:
    """Who the resolver decided said a quotation, how sure it is, and why (for the reader)."""

    name: str | None
    certainty: float
    entity_id: str | None
    reason: str | None = None  # how the name was found where it is not the mention as written
    named: bool = False  # a person or organisation of the article, a known source, a named role


class Inherit(Enum):
    """How a candidate takes its speaker from an earlier one."""

    NONE = "none"
    # „A“, betont sie. „B“: the quotation goes on; speaker, cue and (lowered) confidence carry.
    CONTINUED_QUOTE = "continued quotation"
    # A Konjunktiv I sentence after reported speech: the same speaker reports on.
    CONTINUED_REPORT = "continued reported speech"
    # A few quoted words inside reported speech are the reported speaker's own.
    PARTIAL = "inside reported speech"


@dataclass(frozen=True, eq=False)
class QuoteCandidate:
    """A quotation as a finder saw it; :func:`resolve_speakers` decides who said it."""

    start: int
    end: int
    kind: str  # direct | indirect
    finder: str  # direct | label | reported | konjunktiv | stance | claim | partial
    cue: str | None
    mention: Span | None  # the speaker as written next to the quotation, if any
    attributed: bool  # a finder read an attribution (an unattributed one is less certain)
    weight: float = 1.0  # how far the finder trusts its own reading
    segments: tuple[tuple[int, int], ...] = ()
    inherit: Inherit = Inherit.NONE
    parent: QuoteCandidate | None = None  # the candidate the speaker is taken from
