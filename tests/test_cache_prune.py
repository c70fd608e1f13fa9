"""`reportgen cache info` and `prune`: a build marks what it reads, pruning removes only what no
build used for the given days, and a build after a prune still reuses everything it needs."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from conftest import CORPUS
from typer.testing import CliRunner

from reportgen.cache import PARTS
from reportgen.cache.prune import cache_usage, prune_cache
from reportgen.cli import app

DAY = 86_400


def _age_everything(cache: Path, days: float) -> None:
    old = time.time() - days * DAY
    for path in cache.rglob("*"):
        if path.is_file():
            os.utime(path, (old, old))


def _edit(article: Path, sentence: str) -> None:
    article.write_text(article.read_text(encoding="utf-8") + f"\n{sentence}\n", "utf-8")


def test_prune_removes_what_no_build_used_and_keeps_what_the_last_build_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    corpus, cache, site = tmp_path / "corpus", tmp_path / "cache", str(tmp_path / "site")
    shutil.copytree(CORPUS, corpus)
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(cache))
    build = ["build", str(corpus), "-o", site, "--no-pdf"]
    article = corpus / "rheinblick" / "impfzentren.txt"
    assert runner.invoke(app, build).exit_code == 0
    _edit(article, "Ein neuer Satz.")
    assert runner.invoke(app, build).exit_code == 0  # the article's first entry is stale now
    usage = {part.part: part for part in cache_usage(cache)}
    assert [p for p in PARTS if p not in usage] == [] and usage["analyses"].files == 11
    _age_everything(cache, 40)
    (cache / "notes.txt").write_text("not the cache's")
    os.utime(cache / "notes.txt", (0, 0))
    _edit(article, "Noch ein Satz.")
    # reads the other 9 analyses and every sketch, writes its records anew
    assert "cache: 9 analyses reused, 1 not" in runner.invoke(app, build).stderr

    before = sum(p.files for p in cache_usage(cache))
    pruned = runner.invoke(app, ["cache", "prune", "--unused-days", "30"])
    assert pruned.exit_code == 0, pruned.stderr
    after = {part.part: part for part in cache_usage(cache)}
    assert after["analyses"].files == 10 and after["sketches"].files == 10
    assert after["index"].files == after["sites"].files == after["pages"].files == 1
    gone = before - sum(p.files for p in after.values())
    assert gone >= 4 and f"removed {gone} cache files" in pruned.stderr  # 2 analyses, 2 sketches
    assert (cache / "notes.txt").is_file()  # not a part of the cache: never touched

    # A build that keeps its whole site reads no analysis, but marks those it would have read.
    _age_everything(cache, 40)
    assert "cache: 10 analyses reused, 0 not" in runner.invoke(app, build).stderr
    assert runner.invoke(app, ["cache", "prune", "--unused-days", "30"]).exit_code == 0
    assert {p.part: p.files for p in cache_usage(cache)}["analyses"] == 10
    assert "cache: 10 analyses reused, 0 not" in runner.invoke(app, build).stderr

    info = runner.invoke(app, ["cache", "info"])
    assert info.exit_code == 0 and f"cache {cache}" in info.stdout
    assert any(line.split()[:2] == ["analyses", "10"] for line in info.stdout.splitlines())


def test_prune_with_no_days_left_empties_the_parts_and_refuses_negative_days(
    tmp_path: Path,
) -> None:
    cache = tmp_path / "cache"
    entry = cache / "analyses" / "ab" / "abc.json.gz"
    entry.parent.mkdir(parents=True)
    entry.write_bytes(b"x" * 100)
    (cache / "sketches").mkdir()
    (cache / "sketches" / "link").symlink_to(entry)  # a link is not walked nor removed
    os.utime(entry, (time.time() - DAY, time.time() - DAY))
    assert prune_cache(cache, 2).files == 0 and entry.is_file()
    gone = prune_cache(cache, 0.5)
    assert (gone.files, gone.size) == (1, 100)
    assert not (cache / "analyses" / "ab").exists() and (cache / "sketches" / "link").is_symlink()
    with pytest.raises(ValueError, match="0 or more"):
        prune_cache(cache, -1)
    assert prune_cache(tmp_path / "no-cache-here", 1).files == 0
