"""Documents and analyses kept on disk while a build runs, so its memory does not grow with the
corpus.

An :class:`AnalysisSpool` is a sequence of analyses: each is pickled into one temporary file as
it arrives and read back when it is asked for, so a loop over the spool holds one analysis at a
time. Code that changes an analysis stores it back (``spool[i] = analysis``; for a list that
line changes nothing), which is how the corpus passes work on a list and on a spool alike.
The id, outlet and language of every analysis stay in memory: grouping by outlet, ordering by
id and counting languages need no reading.

A build reads every analysis a score of times (each corpus pass, each page family, the
exports), and unpickling is most of what a rebuild with one change costs. So an analysis
spool keeps analyses as objects, up to a budget of their pickled bytes (`KEEP_READ_BYTES`):
the first ones appended stay as they came (never written, never unpickled), then the first
ones read back, and the rest is read from disk each time, so memory stays bounded on any
corpus. A kept item is the same object on every read, the one appended or stored, as in a
list; one beyond the budget is a fresh copy on every read.
"""

from __future__ import annotations

import json
import pickle
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TypeVar, overload

from .limits import MB
from .model import ArticleAnalysis
from .output import OutputError

T = TypeVar("T")
# Pickled bytes of the analyses an AnalysisSpool keeps once read: about 3.3 times as much in
# memory, so about 200 MB; on news_de (about 16 KB a pickle) 4,092 of its 4,632 analyses,
# counted in a rebuild of session 19 (the other 540 are read from disk on every pass). The
# analysis workers are gone by the time this fills; with a Pagefind run beside it
# (search.SEARCH_PART_BYTES) a build stays under 1 GB (docs/benchmarks.md).
KEEP_READ_BYTES = 64 * MB
NOT_WRITTEN = -1  # the offset of a kept item's place: it is in memory only


def _pickled(item: object) -> bytes:
    return pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)


class Spool(Sequence[T]):
    """Items pickled one after another into a temporary file, read back one at a time.

    ``folder``: where the file goes; a build gives its output folder (the disk the user chose
    for the site, where /tmp may be a RAM disk). The file has no name there (removed by the
    system when closed or when the process ends); a failed write is an OutputError naming the
    folder, the one line a full disk gives anywhere in a build.
    """

    def __init__(
        self, items: Iterable[T] = (), folder: Path | None = None, keep_bytes: int = 0
    ) -> None:
        self.folder = folder
        self._kept: dict[int, T] = {}  # index -> the item appended or read back, in budget
        self._keep_left = keep_bytes
        try:
            self._file = tempfile.TemporaryFile(prefix=".reportgen-spool-", dir=folder)  # noqa: SIM115
        except OSError as exc:
            raise self._error(exc) from exc
        self._places: list[tuple[int, int]] = []  # (offset, length) of each pickle
        self._end = 0
        for item in items:
            self.append(item)

    def _error(self, exc: OSError) -> OutputError:
        where = f"{self.folder}/" if self.folder else "the temporary folder"
        return OutputError(f"cannot write {where} (spooled data: {exc.strerror or exc})")

    def _write(self, data: bytes) -> tuple[int, int]:
        try:
            self._file.seek(self._end)
            self._file.write(data)
        except OSError as exc:
            raise self._error(exc) from exc
        place = (self._end, len(data))
        self._end += len(data)
        return place

    def append(self, item: T) -> None:
        data = _pickled(item)
        if len(data) <= self._keep_left:  # kept as it came: never read back, so not written
            self._kept[len(self._places)] = item
            self._keep_left -= len(data)
            self._places.append((NOT_WRITTEN, len(data)))
        else:
            self._places.append(self._write(data))

    def __setitem__(self, index: int, item: T) -> None:
        index = range(len(self))[index]
        data = _pickled(item)
        if index in self._kept:  # kept, so never read back: the budget is charged the new size
            self._kept[index] = item
            self._keep_left -= len(data) - self._places[index][1]
            self._places[index] = (NOT_WRITTEN, len(data))
        else:  # at the end; the old bytes stay unused until the spool is closed
            self._places[index] = self._write(data)

    def __len__(self) -> int:
        return len(self._places)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        index = range(len(self))[index]  # a negative index keeps under its own position
        if index in self._kept:
            return self._kept[index]
        offset, length = self._places[index]
        try:
            self._file.seek(offset)  # flushes what was written before
            data = self._file.read(length)
        except OSError as exc:
            raise self._error(exc) from exc
        item = pickle.loads(data)
        if length <= self._keep_left:
            self._kept[index] = item
            self._keep_left -= length
        return item

    def __iter__(self) -> Iterator[T]:
        for index in range(len(self)):
            yield self[index]

    def close(self) -> None:
        self._file.close()
        self._kept.clear()


class AnalysisSpool(Spool[ArticleAnalysis]):
    """A spool of analyses that also keeps each one's id, outlet and language in memory, and
    the analyses read back within `keep_bytes`."""

    def __init__(
        self,
        items: Iterable[ArticleAnalysis] = (),
        folder: Path | None = None,
        keep_bytes: int = KEEP_READ_BYTES,
    ) -> None:
        self.ids: list[str] = []
        self.outlets: list[str] = []
        self.langs: list[str] = []
        super().__init__(items, folder, keep_bytes)

    def append(self, item: ArticleAnalysis) -> None:
        super().append(item)
        self.ids.append(item.id)
        self.outlets.append(item.outlet)
        self.langs.append(item.lang)

    def __setitem__(self, index: int, item: ArticleAnalysis) -> None:
        super().__setitem__(index, item)
        self.ids[index], self.outlets[index], self.langs[index] = item.id, item.outlet, item.lang


def ids_of(analyses: Sequence[ArticleAnalysis]) -> list[str]:
    return analyses.ids if isinstance(analyses, AnalysisSpool) else [a.id for a in analyses]


def outlets_of(analyses: Sequence[ArticleAnalysis]) -> list[str]:
    if isinstance(analyses, AnalysisSpool):
        return analyses.outlets
    return [a.outlet for a in analyses]


def langs_of(analyses: Iterable[ArticleAnalysis]) -> list[str]:
    if isinstance(analyses, AnalysisSpool):
        return analyses.langs
    return [a.lang for a in analyses]


def by_id(analyses: Sequence[ArticleAnalysis]) -> Iterator[ArticleAnalysis]:
    """The analyses in order of their ids, one at a time (ids are unique in a build)."""
    ids = ids_of(analyses)
    for index in sorted(range(len(analyses)), key=ids.__getitem__):
        yield analyses[index]


def outlet_groups(analyses: Sequence[ArticleAnalysis]) -> dict[str, list[int]]:
    """Outlet -> the positions of its analyses, outlets in sorted order."""
    groups: dict[str, list[int]] = {}
    for index, outlet in enumerate(outlets_of(analyses)):
        groups.setdefault(outlet, []).append(index)
    return dict(sorted(groups.items()))


class ById(Mapping[str, ArticleAnalysis]):
    """The analyses by id, each read when asked for: a page that needs another article (the
    other side of a shared passage) reads that one, and a spool is never read into memory."""

    def __init__(self, analyses: Sequence[ArticleAnalysis]) -> None:
        self.analyses = analyses
        self.positions = {article_id: i for i, article_id in enumerate(ids_of(analyses))}

    def __getitem__(self, article_id: str) -> ArticleAnalysis:
        return self.analyses[self.positions[article_id]]

    def __iter__(self) -> Iterator[str]:
        return iter(self.positions)

    def __len__(self) -> int:
        return len(self.positions)


class ExportedAnalyses(Sequence[ArticleAnalysis]):
    """The `count` analyses of a site's data/analysis.jsonl (one per line, in build order),
    each read when asked for: what a build that kept the whole site gives back, valid until a
    build of that folder writes the file again."""

    def __init__(self, path: Path, count: int) -> None:
        self.path, self.count = path, count
        self._offsets: list[int] | None = None

    def __len__(self) -> int:
        return self.count

    @overload
    def __getitem__(self, index: int) -> ArticleAnalysis: ...
    @overload
    def __getitem__(self, index: slice) -> list[ArticleAnalysis]: ...
    def __getitem__(self, index: int | slice) -> ArticleAnalysis | list[ArticleAnalysis]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self.count))]
        if not -self.count <= index < self.count:
            raise IndexError(index)
        with self.path.open("rb") as file:
            if self._offsets is None:  # one pass over the file finds where each line starts
                self._offsets = [0]
                for line in file:
                    self._offsets.append(self._offsets[-1] + len(line))
            file.seek(self._offsets[index % self.count])
            return ArticleAnalysis.from_dict(json.loads(file.readline()))
