"""Pagefind's filter index in a stable order, so the same site gives the same bytes.

Pagefind 1.5 keeps the filters in a hash map with a random seed per process (its
`pagefind/src/index/mod.rs` says "TODO: Change filter indexes to BTree to give them a stable
hash"): the order of the values inside each `filter/*.pf_filter` file, and of the filters listed
in `pagefind.<lang>_<hash>.pf_meta`, changes from run to run, and with it the files' hashed
names. Everything else it writes is already stable. This module rewrites those files with the
values and filters sorted by name, names them by a hash of their new content and points the
meta file and `pagefind-entry.json` at them. The files are read with the layout they have in
Pagefind 1.5 (gzip, the `pagefind_dcd` signature, then CBOR arrays); anything else is refused
rather than rewritten wrongly.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

import cbor2

SIGNATURE = b"pagefind_dcd"
FILTERS = 3  # the filters' place in the meta index: [version, pages, chunks, filters, sorts]


class UnknownBundleError(Exception):
    """The bundle is not laid out the way this module knows."""


def _read(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise UnknownBundleError(f"{path.name} has no Pagefind signature")
    body = data[len(SIGNATURE) :]
    value = cbor2.loads(body)
    if cbor2.dumps(value) != body:  # a layout that would not come back the same: leave it
        raise UnknownBundleError(f"{path.name} does not re-encode to the same bytes")
    return value


def _write(folder: Path, prefix: str, digits: int, suffix: str, value: Any) -> str:
    """Write `value` as Pagefind does, named `<prefix>_<hash>`; returns that name."""
    body = SIGNATURE + cbor2.dumps(value)
    name = f"{prefix}_{hashlib.sha1(body).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(body, compresslevel=9, mtime=0))
    return name


def stabilise_filters(bundle: Path) -> None:
    """Rewrite the filter files and meta indexes of the Pagefind bundle in `bundle`."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        if not isinstance(meta, list) or len(meta) <= FILTERS:
            raise UnknownBundleError(f"{meta_path.name} is not a meta index")
        filters = []
        for name, old in meta[FILTERS]:
            old_path = bundle / "filter" / f"{old}.pf_filter"
            filter_name, values = _read(old_path)
            values = sorted(values, key=lambda pair: pair[0])
            old_path.unlink()
            new = _write(bundle / "filter", language, 7, ".pf_filter", [filter_name, values])
            filters.append([name, new])
        meta[FILTERS] = sorted(filters)
        meta_path.unlink()
        info["hash"] = _write(bundle, f"pagefind.{language}", 10, ".pf_meta", meta)
        info["hash"] = info["hash"].removeprefix("pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")  # fmt: skip
