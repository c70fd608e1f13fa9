"""What the build cache holds, and removing the entries no build has used for a while.

Every build marks the entries it finds or reads (`mark_used`, `read_used`) and writes its
per-folder records anew, so a file's mtime is when a build last needed it. Entries of older
reportgen versions, of articles since edited and of deleted corpora are never read again:
without pruning, the cache grows by a set of analyses per code change and a file per new pair
of reused passages.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import PARTS


@dataclass(frozen=True)
class PartUsage:
    part: str
    files: int
    size: int  # bytes


def _files(folder: Path, part: str) -> Iterator[os.DirEntry]:
    """The regular files of one part, in its subfolders at any depth, never a symbolic link:
    a cache folder is walked, not followed."""
    root = folder / part
    if not root.is_dir() or root.is_symlink():
        return
    stack = [str(root)]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                elif entry.is_file(follow_symlinks=False):
                    yield entry


def cache_usage(folder: Path) -> list[PartUsage]:
    """Files and bytes of each part of the cache in `folder` (empty parts included)."""
    usage = []
    for part in PARTS:
        sizes = [entry.stat(follow_symlinks=False).st_size for entry in _files(folder, part)]
        usage.append(PartUsage(part, len(sizes), sum(sizes)))
    return usage


def prune_cache(folder: Path, unused_days: float, now: float | None = None) -> PartUsage:
    """Remove the files of the cache in `folder` that no build used in the last
    `unused_days` days (and the subfolders that leaves empty); returns how many files and
    bytes went. A build running meanwhile that wanted one analyses that article again."""
    if unused_days < 0:
        raise ValueError(f"unused_days must be 0 or more, not {unused_days}")
    cutoff = (time.time() if now is None else now) - unused_days * 86_400
    files = size = 0
    for part in PARTS:
        for entry in list(_files(folder, part)):
            info = entry.stat(follow_symlinks=False)
            if info.st_mtime < cutoff:
                os.unlink(entry.path)
                files, size = files + 1, size + info.st_size
        _remove_empty_subfolders(folder / part)
    return PartUsage("pruned", files, size)


def _remove_empty_subfolders(root: Path) -> None:
    if not root.is_dir() or root.is_symlink():
        return
    for sub in sorted(root.iterdir()):
        if sub.is_dir() and not sub.is_symlink() and not any(sub.iterdir()):
            sub.rmdir()
