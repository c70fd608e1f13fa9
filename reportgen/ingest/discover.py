"""Find the input files of a corpus folder, safely: symlinks that leave the corpus are reported,
not followed, and symlink loops end."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

SUPPORTED_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl"}
IGNORED_NAMES = {"reportgen.toml", "README", "LICENSE"}


@dataclass
class Discovery:
    files: list[Path]
    problems: list[tuple[str, str]]  # (path relative to the root, reason)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def discover(root: Path) -> Discovery:
    root = root.absolute()
    real_root = root.resolve()
    files: list[Path] = []
    problems: list[tuple[str, str]] = []
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
            if entry.name.startswith(".") or entry.name in IGNORED_NAMES:
                continue
            if entry.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError):
                    problems.append((rel, "broken symlink or symlink loop; not followed"))
                    continue
                if target != real_root and real_root not in target.parents:
                    problems.append((rel, "symlink leads outside the corpus folder; not followed"))
                    continue
            if entry.is_dir():
                real = path.resolve()
                if real in visited:
                    continue  # already walked: a symlink back into the corpus
                visited.add(real)
                pending.append(path)
            elif entry.is_file():
                if path.suffix.lower() in SUPPORTED_SUFFIXES:
                    files.append(path)
                else:
                    problems.append((rel, f"unsupported file type {path.suffix or '(none)'!r}"))
    files.sort(key=lambda p: _relative(p, root))
    problems.sort()
    return Discovery(files=files, problems=problems)
