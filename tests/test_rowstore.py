"""The on-disk rows behind the entity, speaker and source pages (reportgen/rowstore.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reportgen.output import OutputError
from reportgen.rowstore import BATCH_ROWS, RowStore


def test_rows_come_back_by_key_in_python_order_and_in_arrival_order(tmp_path: Path) -> None:
    keys = ["zeta", "Äther", "alpha", "émile", "Zürich", "ΑΘΗΝΑ", "b-2", "b-10"]
    expected: dict[str, list] = {key: [] for key in keys}
    with RowStore(tmp_path) as store:
        for number in range(3 * BATCH_ROWS + 17):  # several batches and a partial one
            key = keys[(number * 7) % len(keys)]
            row = {"n": number, "text": f"row {number}"}
            store.add(key, row)
            expected[key].append(row)
        groups = list(store.groups())
    assert [key for key, _ in groups] == sorted(keys)
    assert dict(groups) == expected


def test_the_database_leaves_nothing_in_the_folder(tmp_path: Path) -> None:
    store = RowStore(tmp_path)
    store.add("a", 1)
    assert list(store.groups()) == [("a", [1])]
    if os.name == "posix":  # unlinked while open: a stopped build leaves nothing either
        assert list(tmp_path.iterdir()) == []
    store.close()
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_written_is_one_output_error(tmp_path: Path) -> None:
    missing = tmp_path / "not-there"
    with pytest.raises(OutputError, match="not-there"):
        RowStore(missing)
