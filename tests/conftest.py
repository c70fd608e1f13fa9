"""Shared fixtures: paths to the bundled corpus and to ../shared, and one built site."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from reportgen.build import BuildResult, build
from reportgen.model import ArticleAnalysis

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "000_01257365a1ad734e.txt"
BUNDLED_SEED = CORPUS / "ostwind-kurier" / "000_01257365a1ad734e.txt"

# The CLI caches analyses in the user's cache folder; the tests' builds keep to a folder of
# their own, so a test run never reads or fills the user's cache.
os.environ["REPORTGEN_CACHE_DIR"] = tempfile.mkdtemp(prefix="reportgen-test-cache-")
atexit.register(shutil.rmtree, os.environ["REPORTGEN_CACHE_DIR"], ignore_errors=True)

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not available")


def write_file(path: Path, content: str | bytes) -> Path:
    """A file with `content` (text as UTF-8), its folders made as needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def analyze_article(root: Path, relative: str, text: str) -> ArticleAnalysis:
    """Write an article into a corpus folder and analyse it through the real reader."""
    from reportgen.analyze import analyze
    from reportgen.ingest import read_file

    [document] = read_file(write_file(root / relative, text), root)
    return analyze(document)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    """The bundled corpus built once, with PDFs, for every end-to-end test."""
    output = tmp_path_factory.mktemp("site")
    return output, build(CORPUS, output)
