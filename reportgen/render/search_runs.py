"""Pagefind over the pages while the rest of the site is still being written.

Pagefind holds everything it indexes in memory, about 25 bytes per byte of article HTML, so one
index of a large corpus would take gigabytes: the pages, in the order written, are cut into
parts of at most `part_bytes` of HTML each (a larger page is a part of its own), each indexed
by a run of its own, and the search page searches the parts together. Pagefind indexes on one
core; the pages are rendered on another. So a part is handed to its run as soon as it is complete,
while the writer goes on with the next pages, and the bundles are written into the site only
at the end, in the order of the parts. The parts, and so the bytes of the index, are those a
run over the finished site gives. One Pagefind run at a time (``PAGEFIND_RUNS``): each holds its
part in memory, about 300 MB (`search.SEARCH_PART_BYTES`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..cache.search import SearchParts

PAGEFIND_RUNS = 1  # at a time: a run holds its part in memory (about 300 MB for 12 MB of pages)
PAGEFIND_TIMEOUT = 3600  # seconds a run may take; news_de (28,000 pages) takes minutes
# Inside the indexed content, what is no text of its own: breadcrumbs, table headings, chart
# labels and the kind label of each text block (their words would fill every excerpt).
EXCLUDED = [".crumbs", "thead", "svg", ".block-label"]


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message is one line for the user."""


def pagefind_command(executable: Path, site: Path, bundle: Path, language: str) -> list[str]:
    command = [str(executable), "--site", str(site), "--output-path", str(bundle),
               "--force-language", language, "--keep-index-url", "--silent"]  # fmt: skip
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    return command


class PagefindRun:
    """The Pagefind binary over `site`, writing `bundle`, started now and waited for later.
    Its Python API is not used: on leaving its context the API stops the binary after at most
    five seconds, and on a busy machine that cut the writing of the bundle short."""

    def __init__(self, executable: Path, site: Path, bundle: Path, language: str) -> None:
        site, self.bundle = site.resolve(), bundle.resolve()  # the binary runs in another folder
        command = pagefind_command(executable, site, self.bundle, language)
        # what it prints goes to a file: a pipe nobody reads while it runs could fill and stall it
        self.log: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace")  # noqa: SIM115
        self.started = time.monotonic()
        try:
            self.process = subprocess.Popen(
                command, cwd=site.parent, stdout=self.log, stderr=subprocess.STDOUT
            )
        except OSError as exc:
            self.log.close()
            raise SearchIndexError(f"Pagefind failed: {type(exc).__name__}: {exc}") from exc

    def done(self) -> bool:
        return self.process.poll() is not None

    def wait(self) -> None:
        """Wait for the run to end; raises SearchIndexError if it failed or indexed nothing."""
        try:
            timeout = max(0.0, PAGEFIND_TIMEOUT - (time.monotonic() - self.started))
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            self.stop()
            raise SearchIndexError(f"Pagefind failed: TimeoutExpired: {exc}") from exc
        self.log.seek(0)
        output = self.log.read()
        self.log.close()
        if code != 0:
            reason = output.strip().splitlines()[-1:] or ["no message"]
            raise SearchIndexError(f"Pagefind exited with {code}: {reason[0]}")
        if not (self.bundle / "pagefind-entry.json").is_file():
            raise SearchIndexError("Pagefind found no page to index")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.log.close()


@dataclass
class Part:
    number: int  # from 1
    pages: list[str]
    folder: Path  # its staging folder: site/ (links to its pages) and bundle/
    run: PagefindRun | None = None
    finished: bool = False  # its run ended and was checked
    key: str = ""  # with a cache: the hash of its pages (cache/search.py)
    kept: list[str] | None = None  # its bundle's files, kept from the last build: no run


class SearchRuns:
    """The parts of the index of pages under `output`, cut as the pages are added, each
    indexed by a Pagefind run while the next pages are written. `executable`: the binary."""

    def __init__(
        self,
        output: Path,
        language: str,
        part_bytes: int,
        executable: Path,
        cached: SearchParts | None = None,
    ) -> None:
        self.output, self.language, self.part_bytes = output, language, part_bytes
        self.executable, self.cached = executable, cached
        self.parts: list[Part] = []
        self.pages: list[str] = []  # of the part being filled
        self.sha256s: list[str] = []  # of those pages' bytes
        self.size = 0
        self.added = 0  # pages added in all
        self.failure: SearchIndexError | None = None
        self._staging: Path | None = None

    @property
    def staging(self) -> Path:
        if self._staging is None:
            self._staging = Path(tempfile.mkdtemp(prefix=".reportgen-search-", dir=self.output))
        return self._staging

    def add(self, page: str, size: int, sha256: str) -> None:
        """A page just written, of `size` bytes with this sha256 (hex); a page larger than a
        part is a part alone.
        A part also ends after three quarters of `part_bytes` at a page whose path hashes to
        a multiple of PART_CUT: then a page grown or shrunk by a few bytes moves no cut, and
        the parts after it are the same pages as in the last build (and can be kept)."""
        if self.pages and self.size + size > self.part_bytes:
            self._close_part()
        self.pages.append(page)
        self.sha256s.append(sha256)
        self.size += size
        self.added += 1
        if self.size >= self.part_bytes * 3 // 4 and _cut_after(page):
            self._close_part()
        self._advance()

    def _close_part(self) -> None:
        number = len(self.parts) + 1
        part = Part(number, self.pages, self.staging / str(number))
        sha256s, self.pages, self.sha256s, self.size = self.sha256s, [], [], 0
        self.parts.append(part)
        if self.cached is not None:
            part.key = self.cached.key(number, self.language, part.pages, sha256s)
            part.kept = self.cached.kept(number, part.key)
            if part.kept is not None:
                part.finished = True  # nothing to run
                return
        for page in part.pages:
            link_or_copy(self.output / page, part.folder / "site" / page)

    def _advance(self) -> None:
        """Check the runs that ended; start the next parts while fewer than PAGEFIND_RUNS run."""
        running = 0
        for part in self.parts:
            if self.failure is not None:
                return
            if part.run is not None and not part.finished:
                if not part.run.done():
                    running += 1
                    continue
                self._check(part)
            elif part.run is None and not part.finished and running < PAGEFIND_RUNS:
                self._start(part)
                running += 1

    def _start(self, part: Part) -> None:
        try:
            part.run = PagefindRun(
                self.executable, part.folder / "site", part.folder / "bundle", self.language
            )
        except SearchIndexError as exc:
            self.failure = exc

    def _check(self, part: Part) -> None:
        assert part.run is not None
        try:
            part.run.wait()
        except SearchIndexError as exc:
            self.failure = exc
        part.finished = True

    def finish(self) -> list[Part]:
        """Every part indexed (the last one closed, whatever its size; with no page at all, one
        empty part), in order; raises the first failure."""
        if self.pages or not self.parts:
            self._close_part()
        for part in self.parts:
            if self.failure is None and part.run is None and not part.finished:
                self._start(part)
            if self.failure is None and not part.finished:
                self._check(part)
            if self.failure is not None:
                raise self.failure
        return self.parts

    def close(self) -> None:
        """Stop what still runs and remove the staging folder."""
        for part in self.parts:
            if part.run is not None and not part.finished:
                part.run.stop()
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)


PART_CUT = 32  # about one page in this many may end a part once it is three quarters full


def _cut_after(page: str) -> bool:
    digest = hashlib.sha256(page.encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(digest[:4], "big") % PART_CUT == 0


def link_or_copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links
        shutil.copyfile(source, target)
