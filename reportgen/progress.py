"""The command line's progress display (moved out of cli.py to keep it under 400 lines)."""

from __future__ import annotations

import sys


class ProgressBar:
    """A progress bar on stderr for long work; one line per article with --verbose; nothing
    with --quiet."""

    WIDTH = 30

    def __init__(self, label: str, quiet: bool, verbose: bool) -> None:
        self.label, self.quiet, self.verbose = label, quiet, verbose
        self.drawn = False

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.drawn:
            sys.stderr.write("\n")

    def article(self, done: int, total: int, item: object) -> None:
        name = getattr(item, "id", None) or getattr(item, "source_path", "")
        self._step("Analysing", done, total, "articles", name)

    def pdf(self, done: int, total: int, path: str) -> None:
        self._step("Rendering", done, total, "PDFs", path)

    def _step(self, label: str, done: int, total: int, unit: str, name: str) -> None:
        if self.quiet:
            return
        if self.verbose:
            sys.stderr.write(f"[{done}/{total}] {name}\n")
            return
        if label != self.label and self.drawn:
            sys.stderr.write("\n")
        self.label = label
        filled = self.WIDTH * done // max(total, 1)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        sys.stderr.write(f"\r{label} [{bar}] {done}/{total} {unit}")
        sys.stderr.flush()
        self.drawn = True
