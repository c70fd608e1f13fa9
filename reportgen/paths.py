"""Safe names and safe writes: slugs from untrusted strings, paths that cannot leave a root."""

from __future__ import annotations

import filecmp
import functools
import os
import re
import stat
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from anyascii import anyascii

_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)
MAX_SLUG_LENGTH = 80


# A build slugs the same names over and over (each mention's entity id, each page's links).
@functools.lru_cache(maxsize=1 << 16)
def slugify(value: str, fallback: str = "item") -> str:
    """A lowercase ASCII slug of letters, digits, dots and hyphens; never empty or '..'.
    Other scripts are transliterated (Лукашенко -> lukashenko, Ελλάδα -> ellada), so names in
    Cyrillic or Greek get slugs of their own instead of all becoming the fallback."""
    text = unicodedata.normalize("NFKC", value.translate(_TRANSLITERATION))
    text = anyascii(text).lower()
    text = re.sub(r"[^a-z0-9.]+", "-", text)
    text = re.sub(r"\.{2,}", ".", text).strip("-.")
    text = text[:MAX_SLUG_LENGTH].strip("-.")
    return text or fallback


class UnsafePathError(ValueError):
    pass


def safe_join(root: Path, relative: str) -> Path:
    """`root / relative`, refusing anything that would resolve outside `root`."""
    if os.path.isabs(relative) or "\x00" in relative:
        raise UnsafePathError(f"refusing path {relative!r}")
    root_resolved = root.resolve()
    target = (root_resolved / relative).resolve()
    if target != root_resolved and root_resolved not in target.parents:
        raise UnsafePathError(f"refusing path {relative!r}: it leaves {root}")
    return target


class SafeRoot:
    """`safe_join` for the many files of one folder, at a fraction of its cost: each folder
    under the root is resolved once (a build makes only real folders there), and each file's
    own name is checked for a symbolic link, which goes to `safe_join` like every name that is
    not a plain one."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._folders: dict[str, Path] = {}

    def join(self, relative: str) -> Path:
        folder, _, name = relative.rpartition("/")
        if name in ("", ".", "..") or _UNPLAIN.search(relative) or os.path.isabs(relative):
            return safe_join(self.root, relative)
        target = self._folder(folder) / name
        return safe_join(self.root, relative) if os.path.islink(target) else target

    def _folder(self, folder: str) -> Path:
        parent = self._folders.get(folder)
        if parent is None:
            parent = self._folders[folder] = safe_join(self.root, folder or ".")
        return parent

    def stamp(self, relative: str) -> list[int]:
        """[size, mtime in ns] of the regular file at `relative`, what the build cache
        records of each file it wrote; OSError for anything else there (a link, a folder, no
        file). One lstat on a string path: a rebuild asks this of every file of the site."""
        folder, _, name = relative.rpartition("/")
        if name in ("", ".", "..") or "\x00" in name or os.path.isabs(relative):
            raise UnsafePathError(f"refusing path {relative!r}")
        info = os.lstat(f"{self._folder(folder)}/{name}")
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{relative} is not a regular file")
        return [info.st_size, info.st_mtime_ns]


_UNPLAIN = re.compile(r"[\\\x00:]")  # a backslash, NUL or colon: what Windows reads as more


def atomic_write(path: Path, data: bytes | str | Iterable[str]) -> None:
    """Write a temporary file in the same folder, then rename: no reader sees half a file.
    ``data`` may be pieces of text (a generator), written as they come: a large export is
    never held whole in memory."""
    _replace_with(path, [data] if isinstance(data, str | bytes) else data, compare=False)


def write_if_changed(path: Path, data: bytes | str | Iterable[str | bytes]) -> bool:
    """`atomic_write` unless `path` already holds exactly these bytes, which keeps its mtime
    (a static host's sync then uploads only what changed). Returns whether it wrote. Pieces
    (a generator) go to a temporary file first and are compared from there."""
    if isinstance(data, str | bytes):
        payload = data.encode("utf-8") if isinstance(data, str) else data
        if _holds(path, payload):
            return False
        atomic_write(path, payload)
        return True
    return _replace_with(path, data, compare=True)


def move_if_changed(source: Path, path: Path, payload: bytes) -> bool:
    """Rename `source` (which holds `payload`, on the file system of `path`) over `path`,
    unless `path` holds these bytes already. Returns whether it moved."""
    if _holds(path, payload):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(source, 0o644)
    os.replace(source, path)
    return True


def _replace_with(path: Path, pieces: Iterable[str | bytes], compare: bool) -> bool:
    """The pieces into a temporary file beside `path`, renamed over it (unless `compare` and
    `path` holds the same bytes already). Returns whether `path` was replaced."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            for piece in pieces:
                handle.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
        same = compare and path.is_file() and not path.is_symlink()
        if same and filecmp.cmp(tmp, path, shallow=False):
            os.unlink(tmp)
            return False
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return True


def _holds(path: Path, payload: bytes) -> bool:
    try:
        if path.is_file() and not path.is_symlink() and path.stat().st_size == len(payload):
            with path.open("rb") as handle:
                return handle.read() == payload
    except OSError:
        pass  # unreadable: write it anew
    return False
