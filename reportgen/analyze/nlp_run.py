"""Run a spaCy pipeline over a long text in paragraph-aligned chunks, keeping offsets.

Chunking keeps every call far below spaCy's `max_length` and lets `nlp.pipe` batch; since chunks
end at paragraph boundaries, no entity is cut in two.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

CHUNK_CHARS = 20_000
# Chunks per batch: nlp.pipe's default (1000) would run a whole long text through tok2vec as one
# array (gigabytes for a few million characters); a few chunks keep memory flat.
BATCH_CHUNKS = 4


def chunk_bounds(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    start = 0
    length = len(text)
    while start < length:
        end = min(start + limit, length)
        if end < length:
            cut = text.rfind("\n", start + limit // 2, end)
            if cut == -1:
                cut = text.rfind(" ", start + limit // 2, end)
            end = cut + 1 if cut != -1 else end
        bounds.append((start, end))
        start = end
    return bounds


def run_chunks(nlp: Language, text: str) -> Iterator[tuple[int, Doc]]:
    """Yield (offset of the chunk in `text`, Doc of the chunk)."""
    bounds = chunk_bounds(text)
    docs = nlp.pipe((text[start:end] for start, end in bounds), batch_size=BATCH_CHUNKS)
    for (start, _end), doc in zip(bounds, docs, strict=True):
        yield start, doc
