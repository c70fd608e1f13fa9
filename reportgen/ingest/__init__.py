"""Readers: turn a corpus folder (or single files) into Documents, and everything else into
ReadErrors with a reason. One reader per format; this module picks the reader, the outlet and a
stable id."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from ..limits import DEFAULT_LIMITS, Limits, cut_text
from ..model import Document, ReadError
from ..paths import slugify
from ..slugs import unique_slugs
from ..spool import Spool
from .decode import ReadFailure, cut_page, declared_html_charset, decode_bytes
from .discover import discover
from .html import read_html
from .markdown import read_markdown
from .plaintext import read_text
from .records import read_json, read_jsonl
from .sanitize import clean_document, clean_error
from .warc import is_warc, read_warc, warc_stem

UNSORTED_OUTLET = "unsorted"

READERS: dict[str, Callable[[str], list]] = {
    ".txt": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".json": read_json,
    ".jsonl": read_jsonl,
}

__all__ = ["read_corpus", "read_file", "discover", "ReadFailure"]


@lru_cache(maxsize=1)
def _langid():
    import py3langid

    return py3langid


def detect_language(text: str) -> str:
    lang, _ = _langid().classify(text[:5000])
    return lang


def read_file(
    path: Path, root: Path | None = None, limits: Limits = DEFAULT_LIMITS
) -> list[Document | ReadError]:
    """Read one input file. `root` is the corpus folder (the outlet is the first folder below
    it); without it, the file's own folder names the outlet. Texts longer than the limits allow
    are cut (with a warning)."""
    path = path.absolute()
    single_file = root is None
    root = (root or path.parent).absolute()
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
    warc = is_warc(path.name)
    reader = READERS.get(path.suffix.lower())
    if reader is None and not warc:
        return [clean_error(ReadError(rel, f"unsupported file type {path.suffix!r}"))]
    try:
        if warc:  # bytes, record by record: the limits hold for each record
            results, notes = read_warc(path, limits), []
        else:
            results, notes = _read_with_limits(path, reader, limits)
    except ReadFailure as exc:
        return [clean_error(ReadError(rel, str(exc)))]
    except OSError as exc:
        return [clean_error(ReadError(rel, f"cannot read: {exc.strerror or exc}"))]
    except Exception as exc:  # a reader's bug on odd input must cost one file, not the corpus
        return [clean_error(ReadError(rel, f"reader failed: {type(exc).__name__}: {exc}"))]
    folder_outlet = rel.split("/")[0] if "/" in rel else path.parent.name if single_file else ""
    multi = len(results) > 1
    stem = slugify(warc_stem(path.name) if warc else path.stem, "article")
    finished: list[Document | ReadError] = []
    for index, item in enumerate(results, start=1):
        if isinstance(item, ReadError):
            where = f"{rel} ({item.source_path})"
            finished.append(clean_error(ReadError(where, item.reason, item.skipped)))
            continue
        item.source_path = rel
        item.warnings.extend(notes)
        item.outlet = item.outlet or folder_outlet or item.hints.get("site_name") or UNSORTED_OUTLET
        clean_document(item)
        _cut_to_limit(item, limits.max_article_chars)
        item_stem = stem
        if warc:  # the page's address names it; the archive's file name does not
            item_stem = slugify(item.hints.get("record_id") or "", f"{stem}-{index:03d}")
        elif multi:
            key = item.hints.get("record_id") or f"{index:03d}"
            item_stem = f"{stem}-{slugify(key, f'{index:03d}')}"
        item.id = f"{slugify(item.outlet, UNSORTED_OUTLET)}/{item_stem}"
        if not item.lang:
            item.lang = detect_language(item.text)
        finished.append(item)
    return finished


def _read_with_limits(
    path: Path, reader: Callable[[str], list], limits: Limits
) -> tuple[list, list[str]]:
    """The reader's results for `path`, and warnings that hold for all of them. An HTML page
    longer than `max_page_chars` is cut (at a tag) before parsing: parsing and main-text
    extraction of a 20 MB page would cost minutes and gigabytes for text that is cut anyway."""
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        limit = f"{limits.max_file_bytes:,}"
        raise ReadFailure(f"too large ({size:,} bytes; max_file_bytes is {limit})")
    data = path.read_bytes()
    is_html = path.suffix.lower() in (".html", ".htm")
    content, _encoding = decode_bytes(data, declared_html_charset(data) if is_html else None)
    del data  # the bytes of a large file need not stay beside its text
    notes: list[str] = []
    if is_html:
        content, notes = cut_page(content, limits.max_page_chars)
    return reader(content), notes


def _cut_to_limit(document: Document, limit: int) -> None:
    """Analyse the first `limit` characters only: the analysis costs time and memory in
    proportion to the text, and one huge input must not take the corpus down."""
    size = len(document.text)
    document.text = cut_text(document.text, limit)
    if len(document.text) == size:
        return
    for key in ("body_text", "comments_text"):
        if isinstance(document.hints.get(key), str):
            document.hints[key] = cut_text(document.hints[key], limit)
    document.warnings.append(
        f"text cut to its first {len(document.text):,} of {size:,} characters "
        f"(max_article_chars is {limit:,}); the rest is not analysed"
    )


def give_outlets_unique_slugs(documents: Sequence[Document]) -> None:
    """Outlets whose names share a slug ("Foo Bar", "foo-bar", "FOO_BAR") get one each: the
    first part of an article id is its outlet's page. A changed document is stored back (for a
    spool)."""
    slugs = unique_slugs((d.outlet for d in documents), UNSORTED_OUTLET, reserved=())
    for position, document in enumerate(documents):
        new_id = f"{slugs[document.outlet]}/{document.id.split('/', 1)[1]}"
        if new_id != document.id:
            document.id = new_id
            documents[position] = document  # type: ignore[index]


def make_ids_unique(documents: Sequence[Document]) -> None:
    """Give repeated ids a numeric suffix, in corpus order, so every article has its own page.
    A new id is never one that another article has or gets ("dup-2.txt" beside two "dup")."""
    taken = {document.id for document in documents}
    used: set[str] = set()
    for position, document in enumerate(documents):
        if document.id in used:
            number = 2
            while f"{document.id}-{number}" in taken:
                number += 1
            renamed = f"{document.id}-{number}"
            document.warnings.append(f"id repeated in the corpus; renamed to {renamed}")
            document.id = renamed
            documents[position] = document  # type: ignore[index]
            taken.add(renamed)
        used.add(document.id)


def read_corpus(
    root: Path, limits: Limits = DEFAULT_LIMITS, spool: Path | None = None
) -> tuple[list[Document], list[ReadError], int]:
    """Every supported file under `root`, in a stable order; nothing is dropped silently.
    Returns the articles, the inputs that were not read (those skipped on purpose marked
    `skipped`), and the number of input files (skipped ones not counted). ``spool``: a folder;
    the articles go to a temporary file there as they are read (a Spool), not into memory."""
    found = discover(root)
    documents: list[Document] = Spool(folder=spool) if spool else []  # type: ignore[assignment]
    errors = [clean_error(ReadError(rel, reason)) for rel, reason in found.problems]
    errors += [clean_error(ReadError(rel, reason, skipped=True)) for rel, reason in found.skipped]
    for path in found.files:
        for item in read_file(path, root, limits):
            (errors if isinstance(item, ReadError) else documents).append(item)
    give_outlets_unique_slugs(documents)
    make_ids_unique(documents)
    errors.sort(key=lambda e: e.source_path)
    return documents, errors, len(found.files) + len(found.problems)
