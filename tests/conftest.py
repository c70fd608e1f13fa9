"""Shared fixtures: paths to the bundled corpus and to ../shared, and one built site."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.build import BuildResult, build

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "000_01257365a1ad734e.txt"
BUNDLED_SEED = CORPUS / "ostwind-kurier" / "000_01257365a1ad734e.txt"

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not available")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    """The bundled corpus built once, with PDFs, for every end-to-end test."""
    output = tmp_path_factory.mktemp("site")
    return output, build(CORPUS, output)
