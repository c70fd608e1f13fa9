"""The build cache: analyses reused when nothing they depend on changed, and the inputs of the
PDFs already rendered into an output folder.

It is a folder of its own (default `~/.cache/reportgen`, or `$XDG_CACHE_HOME/reportgen`, or
`$REPORTGEN_CACHE_DIR`), never inside the site: a static host's sync must not upload it, and
the build's clean-up of stale files never sees it. Entries are content-addressed, so one folder
serves every corpus and output folder, and two builds may share it at once (every file is
written atomically; the worst a race costs is an analysis done twice).

    analyses/<2 hex>/<key>.json.gz   one article's analysis before the corpus passes
    index/<scope>.json               per corpus: the key parts each article had last time,
                                     which is how a miss can say what changed
    pdfs/<output>.json               per output folder: the inputs and hash of each PDF
    pages/<output>.json              per output folder: each page's inputs key, what its
                                     template asked of the build, the file's size and mtime
    search/<output>.json             per output folder: each search index part's inputs key
                                     and the files of its bundle
    exports/<output>.json            per output folder: where each analysis's line and rows
                                     lie in the data exports, by the analysis's digest
    reuse/<2 hex>/<key>.json.gz      the text-reuse pass's findings for one set of analyses
    sketches/<2 hex>/<key>.bin       one article body's text-reuse windows, hashed
    alignments/<2 hex>/<key>.json    the aligned runs of one pair of article bodies

A build marks each entry it finds or reads as used (its mtime; the per-folder records are
written anew by every build), so `reportgen cache prune --unused-days N` can remove what no
build needed for N days: entries of older code, of articles since edited, of corpora since
deleted.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from ..paths import atomic_write

CACHE_ENV = "REPORTGEN_CACHE_DIR"
# The parts of the cache folder reportgen writes; `clear` removes these and nothing else, so a
# cache folder pointed at a folder with other files in it loses none of them.
PARTS = (
    "alignments", "analyses", "exports", "index", "pages", "pdfs", "reuse", "search", "sites",
    "sketches",
)  # fmt: skip
# The Cache Directory Tagging convention: backup tools skip a folder holding this file.
TAG = "CACHEDIR.TAG"
TAG_TEXT = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by reportgen (reportgen cache clear).\n"
)


def default_cache_dir() -> Path:
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "reportgen"


def hash_files(paths: Iterable[Path], root: Path) -> str:
    """One hash over the files' names (relative to `root`) and contents, in name order."""
    digest = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.relative_to(root).as_posix()):
        digest.update(os.fsencode(path.relative_to(root).as_posix()) + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def scope_name(path: Path) -> str:
    """A file name for a corpus or output folder: the hash of its absolute path."""
    return hashlib.sha256(os.fsencode(path.resolve())).hexdigest()[:32]


def read_record(path: Path) -> dict:
    """A JSON object the cache keeps (a manifest, a site's state); empty when there is none
    yet or it is damaged, which only costs a render or an indexing."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def write_record(cache_dir: Path, path: Path, record: dict) -> None:
    """Keep `record` at `path` inside the cache; a cache that cannot be written is no error:
    the next build renders or indexes again, slower, never wrong."""
    try:
        prepare(cache_dir)
        atomic_write(path, json.dumps(record, separators=(",", ":")))
    except OSError:
        pass


def mark_used(path: Path) -> bool:
    """Whether the entry at `path` is there (a file, as before), marked used now (see
    `read_used`): one `utime` more per lookup than the existence check alone."""
    try:
        os.utime(path)
    except FileNotFoundError:
        return False
    except OSError:  # a cache this user cannot write: still one to read
        return path.is_file()
    return path.is_file()


def read_used(path: Path) -> bytes:
    """The bytes of an entry, which is marked used now (its mtime): `reportgen cache prune`
    removes the entries no build has used for a while. A cache that cannot be written (read
    only, shared) is still read."""
    data = path.read_bytes()
    with contextlib.suppress(OSError):
        os.utime(path)
    return data


def prepare(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    tag = folder / TAG
    if not tag.exists():
        tag.write_text(TAG_TEXT, encoding="utf-8")


def clear_cache(folder: Path) -> int:
    """Remove every entry of the cache in `folder`; returns how many files were removed."""
    removed = 0
    for part in PARTS:
        target = folder / part
        if target.is_dir() and not target.is_symlink():
            removed += sum(1 for p in target.rglob("*") if p.is_file())
            shutil.rmtree(target)
    return removed
