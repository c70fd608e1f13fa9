"""The real-articles benchmark's helpers: figures read from the scorer, authors compared."""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parents[1] / "bench" / "real"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_real_{name}", HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_figures_read_the_metric_lines():
    run = _load("run")
    report = "a.txt: quotes 1/2\nquote R: 0.67 (336/501)\nsource P: 0.31 (23/74)\nreal articles: x"
    assert run.figures(report) == {"quote R": [0.67, 336, 501], "source P": [0.31, 23, 74]}


def test_comparison_shows_the_change():
    run = _load("run")
    table = run.comparison({"authors": [0.8, 32, 40]}, {"authors": [0.75, 30, 40]})
    assert "+0.05" in table.splitlines()[1]


def test_authors_compared_by_names_and_words():
    authors = _load("authors")
    assert authors.right(
        ["Benjamin Fischer", "Marcus Theurer"], "Benjamin Fischer und Marcus Theurer"
    )
    assert authors.right(["Perry Bacon Jr"], "Perry Bacon Jr.")
    assert not authors.right(["Frankfurter Allgemeine", "Benjamin Fischer"], "Benjamin Fischer")
    assert not authors.right([], "Ingo Arzt")
