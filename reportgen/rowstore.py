"""Rows filed under keys on disk and read back one key at a time, keys in order.

The corpus-wide pages (one per entity, speaker and cited source) gather a row from every
article that names them; held in dicts, a corpus's rows grow with the corpus (gigabytes for
46,310 articles). A :class:`RowStore` keeps them in SQLite (the standard library's), in a table
whose key is (page key, arrival): reading it in key order walks that B-tree, so the rows of one
page at a time are in memory, and SQLite's page cache (2 MB) is the rest.

The database is a file in the folder the build writes to (where ``/tmp`` may be a RAM disk),
unlinked as soon as it is open on systems that allow it, so nothing is left behind by a build
that is stopped.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sqlite3
import tempfile
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path
from types import TracebackType
from typing import Any

from .output import OutputError

# Rows sent to SQLite per statement: the batch in memory, against the cost per call.
BATCH_ROWS = 2000


class RowStore:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        try:
            handle, name = tempfile.mkstemp(prefix=".reportgen-rows-", suffix=".db", dir=folder)
            os.close(handle)
            self._db = sqlite3.connect(name)
            self._db.execute("PRAGMA journal_mode = OFF")  # a scratch file: nothing to recover
            self._db.execute("PRAGMA synchronous = OFF")
            self._db.execute(
                "CREATE TABLE rows (key TEXT, arrival INTEGER, row BLOB, "
                "PRIMARY KEY (key, arrival)) WITHOUT ROWID"
            )
        except (OSError, sqlite3.Error) as exc:
            raise self._error(exc) from exc
        self._path = Path(name)
        self._unlink()
        self._pending: list[tuple[str, int, bytes]] = []
        self._arrivals = 0

    def _error(self, exc: Exception) -> OutputError:
        where = f"{self.folder}/" if self.folder else "the temporary folder"
        return OutputError(f"cannot write {where} (rows of the corpus pages: {exc})")

    def _unlink(self) -> None:
        # an open file cannot be removed on Windows: close() does it there
        with contextlib.suppress(OSError):
            self._path.unlink(missing_ok=True)

    def add(self, key: str, row: Any) -> None:
        """File `row` (plain data) under `key`; rows of one key come back in this order."""
        self._pending.append((key, self._arrivals, pickle.dumps(row, pickle.HIGHEST_PROTOCOL)))
        self._arrivals += 1
        if len(self._pending) >= BATCH_ROWS:
            self._flush()

    def _flush(self) -> None:
        try:
            self._db.executemany("INSERT INTO rows VALUES (?, ?, ?)", self._pending)
        except sqlite3.Error as exc:
            raise self._error(exc) from exc
        self._pending = []

    def groups(self) -> Iterator[tuple[str, list[Any]]]:
        """Each key (in code point order, as Python sorts strings) with its rows."""
        self._flush()
        cursor = self._db.execute("SELECT key, row FROM rows ORDER BY key, arrival")
        for key, rows in groupby(cursor, key=lambda pair: pair[0]):
            yield key, [pickle.loads(row) for _key, row in rows]

    def close(self) -> None:
        self._db.close()
        self._unlink()

    def __enter__(self) -> RowStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
