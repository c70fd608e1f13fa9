"""The layout docs/architecture.md describes, checked: which package may import which, and the
size limits of modules and functions."""

from __future__ import annotations

import ast
import importlib.util
import re

from conftest import REPO

PACKAGE = REPO / "reportgen"


def _import_graph():
    spec = importlib.util.spec_from_file_location("import_graph", REPO / "scripts/import_graph.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_package_imports_a_layer_above_it() -> None:
    graph = _import_graph()
    assert graph.violations() == []
    # The check can fail: ingest importing analyze is a violation it reports.
    assert "analyze" in graph.FORBIDDEN["ingest"] and "ingest" in graph.graph()["api"]


def test_modules_and_functions_stay_small() -> None:
    too_long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if source.count("\n") > 400:
            too_long.append(f"{path.relative_to(REPO)}: {source.count(chr(10))} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > 60:
                    too_long.append(f"{path.relative_to(REPO)}: {node.name} has {length} lines")
    assert too_long == []


def test_no_code_tests_a_language_code() -> None:
    """Language knowledge is data keyed by language (reportgen/lang), never `lang == ...`."""
    pattern = re.compile(r"\blang\s*[!=]=")
    found = [
        f"{path.relative_to(REPO)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]
    assert found == []
