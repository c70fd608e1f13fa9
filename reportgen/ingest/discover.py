"""Find the input files of a corpus folder, safely: symlinks that leave the corpus are reported,
not followed, and symlink loops end. Nothing is passed over silently: hidden files and folders,
pipes, devices and sockets, and reportgen's own output folders are listed as skipped."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..output import is_site
from .warc import is_warc

SUPPORTED_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl"}
IGNORED_NAMES = {"reportgen.toml", "README", "LICENSE"}


@dataclass
class Discovery:
    files: list[Path]
    problems: list[tuple[str, str]]  # (path relative to the root, reason)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why not read)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _symlink_problem(path: Path, real_root: Path) -> str | None:
    """Why a symlink in the corpus is not followed, or None when it stays inside the corpus."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return "broken symlink or symlink loop; not followed"
    if target != real_root and real_root not in target.parents:
        return "symlink leads outside the corpus folder; not followed"
    return None


def discover(root: Path) -> Discovery:
    root = root.absolute()
    real_root = root.resolve()
    files: list[Path] = []
    problems: list[tuple[str, str]] = []
    skipped: list[tuple[str, str]] = []
    visited: set[Path] = {real_root}
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            problems.append((_relative(folder, root), f"cannot list folder: {exc.strerror}"))
            continue
        for entry in entries:
            path = Path(entry.path)
            rel = _relative(path, root)
            reason = _skip_reason(entry)
            if reason:
                skipped.append((rel, reason))
                continue
            if entry.is_symlink():
                problem = _symlink_problem(path, real_root)
                if problem:
                    problems.append((rel, problem))
                    continue
            if entry.is_dir():
                real = path.resolve()
                if real in visited:
                    continue  # already walked: a symlink back into the corpus
                visited.add(real)
                if is_site(path):
                    skipped.append((rel, "a reportgen output folder; not read as input"))
                    continue
                pending.append(path)
            elif entry.is_file():
                if path.suffix.lower() in SUPPORTED_SUFFIXES or is_warc(path.name):
                    files.append(path)
                else:
                    problems.append((rel, f"unsupported file type {path.suffix or '(none)'!r}"))
            else:
                skipped.append((rel, _special_kind(path)))
    files.sort(key=lambda p: _relative(p, root))
    problems.sort()
    skipped.sort()
    return Discovery(files=files, problems=problems, skipped=skipped)


def _skip_reason(entry: os.DirEntry[str]) -> str | None:
    if entry.name in IGNORED_NAMES:
        return "not an article (settings, README or LICENSE)"
    if entry.name.startswith("."):
        kind = "folder" if entry.is_dir(follow_symlinks=False) else "file"
        return f"hidden {kind} (its name starts with a dot)"
    return None


def _special_kind(path: Path) -> str:
    """Neither file nor folder: never opened (reading a FIFO would block the build)."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot inspect: {exc.strerror}"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a file; not read"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file; not read"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file; not read"
    return "not a regular file; not read"
