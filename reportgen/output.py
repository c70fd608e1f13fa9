"""The build owns its output folder: it checks the folder before any analysis, locks it against
a second build, keeps a manifest of what it wrote and removes what a previous build wrote that
this one did not. It never touches a file it did not write.

The manifest (`.reportgen-build`) is also the build marker: a folder holding one is a site,
never read as input.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .paths import UnsafePathError, safe_join, write_if_changed

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

MARKER = ".reportgen-build"
LOCK = ".reportgen-lock"


class OutputError(Exception):
    """The output folder cannot be used; the message is the one line shown to the user."""


@dataclass
class OutputFolder:
    path: Path
    previous: frozenset[str]  # files the last build wrote, from its manifest
    lock_fd: int


def _written_before(marker: Path) -> frozenset[str]:
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        return frozenset(name for name in data["files"] if isinstance(name, str))
    except (OSError, ValueError, KeyError, TypeError):
        return frozenset()  # an unreadable manifest: remove nothing rather than guess


def _lock(path: Path) -> int:
    """An exclusive lock on `path/.reportgen-lock`; the kernel drops it if the build dies."""
    try:
        fd = os.open(path / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise OutputError(f"output folder {path} is not writable ({exc.strerror})") from exc
    if fcntl is None:
        return fd  # no flock on this system (Windows): concurrent builds are not detected
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        os.close(fd)
        raise OutputError(f"another reportgen build is writing to {path}; try again later") from exc
    return fd


def claim_output(path: Path, force: bool = False) -> OutputFolder:
    """Check, create and lock the output folder, before anything is analysed."""
    if path.exists() and not path.is_dir():
        raise OutputError(f"output {path} is a file, not a folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder {path} ({exc.strerror})") from exc
    fd = _lock(path)
    try:
        marker = path / MARKER
        if marker.is_file():
            previous = _written_before(marker)
        else:
            others = [entry.name for entry in os.scandir(path) if entry.name != LOCK]
            if others and not force:
                raise OutputError(
                    f"output folder {path} is not empty and was not written by reportgen; "
                    "choose another folder or pass --force"
                )
            previous = frozenset()
            _write_manifest(path, [])  # from now on the folder is a site, even if this build dies
        probe = path / f".reportgen-probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        os.close(fd)
        raise OutputError(f"output folder {path} is not writable ({exc.strerror})") from exc
    except OutputError:
        os.close(fd)
        raise
    return OutputFolder(path, previous, fd)


def _write_manifest(path: Path, files: list[str]) -> None:
    manifest = {"tool": "reportgen", "version": __version__, "files": sorted(files)}
    write_if_changed(path / MARKER, json.dumps(manifest, indent=0) + "\n")


def finish_output(folder: OutputFolder, written: list[str]) -> list[str]:
    """Remove the files of the previous build that this one did not write, record what this one
    wrote and release the lock. Returns the removed files."""
    removed = sorted(folder.previous - set(written))
    try:
        for relative in removed:
            with contextlib.suppress(UnsafePathError, FileNotFoundError, IsADirectoryError):
                # The folder must resolve inside the site; the entry itself is removed, never
                # what it may link to (a symlink put in place of a page).
                parent, _, name = relative.rpartition("/")
                target = safe_join(folder.path, parent or ".") / name
                target.unlink()
                _remove_empty_parents(target.parent, folder.path.resolve())
        _write_manifest(folder.path, written)
    except OSError as exc:
        raise OutputError(f"cannot update output folder {folder.path} ({exc.strerror})") from exc
    finally:
        release_output(folder)
    return removed


def release_output(folder: OutputFolder) -> None:
    with contextlib.suppress(OSError):
        os.close(folder.lock_fd)


def _remove_empty_parents(folder: Path, root: Path) -> None:
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return  # not empty
        folder = folder.parent


def is_site(folder: Path) -> bool:
    """A folder a reportgen build wrote (holds the marker): never read as input."""
    return (folder / MARKER).is_file()
