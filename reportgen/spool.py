"""Analyses kept on disk while a build runs, so the build's memory does not grow with the corpus.

An :class:`AnalysisSpool` is a sequence of analyses: each is pickled into one temporary file as
it arrives and read back when it is asked for, so a loop over the spool holds one analysis at a
time. Code that changes an analysis stores it back (``spool[i] = analysis``; for a list that
line changes nothing), which is how the corpus passes work on a list and on a spool alike.
The id and outlet of every analysis stay in memory: grouping by outlet and ordering by id need
no reading.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from .model import ArticleAnalysis


class AnalysisSpool(Sequence[ArticleAnalysis]):
    def __init__(self, items: Iterable[ArticleAnalysis] = ()) -> None:
        # TemporaryFile: removed by the system when closed or when the process ends
        self._file = tempfile.TemporaryFile(prefix="reportgen-analyses-")  # noqa: SIM115
        self._places: list[tuple[int, int]] = []  # (offset, length) of each pickle
        self._end = 0
        self.ids: list[str] = []
        self.outlets: list[str] = []
        for item in items:
            self.append(item)

    def _put(self, item: ArticleAnalysis) -> tuple[int, int]:
        data = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.seek(self._end)
        self._file.write(data)
        place = (self._end, len(data))
        self._end += len(data)
        return place

    def append(self, item: ArticleAnalysis) -> None:
        self._places.append(self._put(item))
        self.ids.append(item.id)
        self.outlets.append(item.outlet)

    def __setitem__(self, index: int, item: ArticleAnalysis) -> None:
        # the new pickle goes at the end; the old bytes stay unused until the spool is closed
        self._places[index] = self._put(item)
        self.ids[index], self.outlets[index] = item.id, item.outlet

    def __len__(self) -> int:
        return len(self._places)

    @overload
    def __getitem__(self, index: int) -> ArticleAnalysis: ...
    @overload
    def __getitem__(self, index: slice) -> list[ArticleAnalysis]: ...
    def __getitem__(self, index: int | slice) -> ArticleAnalysis | list[ArticleAnalysis]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        offset, length = self._places[index]
        self._file.seek(offset)
        return pickle.loads(self._file.read(length))

    def __iter__(self) -> Iterator[ArticleAnalysis]:
        for index in range(len(self)):
            yield self[index]

    def close(self) -> None:
        self._file.close()


def ids_of(analyses: Sequence[ArticleAnalysis]) -> list[str]:
    return analyses.ids if isinstance(analyses, AnalysisSpool) else [a.id for a in analyses]


def outlets_of(analyses: Sequence[ArticleAnalysis]) -> list[str]:
    if isinstance(analyses, AnalysisSpool):
        return analyses.outlets
    return [a.outlet for a in analyses]


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
