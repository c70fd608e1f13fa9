"""Which reportgen package imports which, read from the source with ``ast``.

    python scripts/import_graph.py           # one line per package: what it imports
    python scripts/import_graph.py --check   # exit 1 if a layering rule of docs/architecture.md
                                             # is broken, naming the module and the import
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "reportgen"
# package -> packages it must never import (docs/architecture.md, "Layers").
FORBIDDEN = {
    "lang": {"text", "ingest", "analyze", "render", "aggregate", "build", "api", "cli"},
    "text": {"ingest", "analyze", "render", "aggregate", "build", "api", "cli"},
    "ingest": {"analyze", "render", "aggregate", "build", "api", "cli"},
    "analyze": {"ingest", "render", "build", "api", "cli"},
    "render": {"ingest", "build", "api", "cli"},
    "aggregate_reuse": {"ingest", "render", "build", "api", "cli"},
    "aggregate_time": {"ingest", "render", "build", "api", "cli"},
    "cache": {"ingest", "render", "aggregate", "build", "api", "cli"},
}


def package_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_module(package: str, name: str) -> bool:
    folder = PACKAGE.parent.joinpath(*package.split("."))
    return (folder / f"{name}.py").is_file() or (folder / name / "__init__.py").is_file()


def imports_of(path: Path) -> set[str]:
    """Absolute names of the reportgen modules ``path`` imports (relative imports resolved)."""
    name = module_name(path)
    base = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base[: len(base) - node.level + 1]
                target = ".".join([*anchor, *(node.module.split(".") if node.module else [])])
            else:
                target = node.module or ""
            if not target.startswith("reportgen"):
                continue
            if node.module is None:  # "from .. import aggregate": the names are modules
                names = (alias.name for alias in node.names)
                found.update(f"{target}.{n}" for n in names if _is_module(target, n))
            else:
                found.add(target)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("reportgen"))
    return found


def graph() -> dict[str, dict[str, set[str]]]:
    """package -> imported package -> the modules of the package that import it."""
    edges: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for path in sorted(PACKAGE.rglob("*.py")):
        source = module_name(path)
        for target in imports_of(path):
            if package_of(target) != package_of(source):
                edges[package_of(source)][package_of(target)].add(source)
    return edges


def violations() -> list[str]:
    found = []
    for source, targets in sorted(graph().items()):
        for target, modules in sorted(targets.items()):
            if target in FORBIDDEN.get(source, set()):
                found.extend(f"{m} imports reportgen.{target}" for m in sorted(modules))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="check the layering rules")
    args = parser.parse_args()
    if args.check:
        broken = violations()
        for line in broken:
            print(line)
        return 1 if broken else 0
    for source, targets in sorted(graph().items()):
        print(f"{source} -> {', '.join(sorted(targets))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
