"""The phase after the analysis made cheaper without changing a byte (issue 12): the search index
made while the pages are written, each folder of the site resolved once, Pagefind's files
moved into place rather than copied."""

from __future__ import annotations

import filecmp
import os
import shutil
import stat
import sys
import time
from pathlib import Path

import pytest

from reportgen.build import BuildResult
from reportgen.paths import SafeRoot, UnsafePathError, safe_join
from reportgen.render.exports import DATA_FILES, chunks, jsonl_lines, spill_exports
from reportgen.render.search import BUNDLE, index_language, write_search_index
from reportgen.render.search_runs import SearchRuns
from reportgen.render.site import SiteOptions, SiteWriter, write_site


def bundle_files(site: Path) -> list[Path]:
    return sorted(p.relative_to(site) for p in (site / BUNDLE).rglob("*") if p.is_file())


def test_the_index_made_beside_the_writer_is_the_index_of_the_finished_site(
    built_site: tuple[Path, BuildResult], tmp_path: Path
) -> None:
    """Parts handed to Pagefind as the pages are written give the bytes that indexing the
    finished pages, one part after another, gives."""
    _, result = built_site
    streamed = tmp_path / "streamed"
    options = SiteOptions(pdf=False, search_part_bytes=60_000)
    site = write_site(streamed, result.analyses, result.errors, result.files, options)
    assert site.warnings == [] and len(bundle_files(streamed)) > 20
    after = tmp_path / "after"
    shutil.copytree(streamed, after, ignore=shutil.ignore_patterns(BUNDLE))
    writer = SiteWriter(after, options)
    language = index_language(result.analyses)
    write_search_index(writer, site.searchable, language, options.search_part_bytes)
    files = bundle_files(streamed)
    assert bundle_files(after) == files
    _, mismatch, errors = filecmp.cmpfiles(streamed, after, files, shallow=False)
    assert mismatch == [] and errors == []
    assert [p.name for p in after.iterdir() if p.name.startswith(".reportgen-search")] == []


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for Pagefind")
def test_closing_the_runs_stops_pagefind_and_removes_its_folder(tmp_path: Path) -> None:
    """A build that fails while a part is being indexed leaves no Pagefind running and no
    staging folder behind."""
    slow = tmp_path / "slow-pagefind"
    slow.write_text("#!/bin/sh\nsleep 60\n", encoding="utf-8")
    slow.chmod(0o755)
    output = tmp_path / "site"
    output.mkdir()
    for name in ("a.html", "b.html"):
        (output / name).write_text("<html><body>x</body></html>", encoding="utf-8")
    runs = SearchRuns(output, "en", part_bytes=10, executable=slow)
    runs.add("a.html", 30, "a" * 64)
    runs.add("b.html", 30, "b" * 64)  # part 1 is complete: its run starts
    [part, *_] = runs.parts
    assert part.run is not None and not part.run.done()
    started = time.monotonic()
    runs.close()
    assert part.run.done() and time.monotonic() - started < 30
    assert sorted(p.name for p in output.iterdir()) == ["a.html", "b.html"]


def test_safe_root_joins_as_safe_join_does(tmp_path: Path) -> None:
    root = tmp_path / "out"
    (root / "inside").mkdir(parents=True)
    (root / "inside" / "link.html").symlink_to(tmp_path / "elsewhere.html")
    (root / "inside" / "near.html").symlink_to(root / "inside" / "real.html")
    (root / "up").symlink_to(tmp_path)
    paths = SafeRoot(root)
    good = ("a.html", "inside/b.html", "new/deep/c.html", "inside/near.html", "x/../d.html",
            "inside/..", "a\\b.html")  # fmt: skip
    for relative in good:
        assert paths.join(relative) == safe_join(root, relative), relative
        assert paths.join(relative) == safe_join(root, relative), relative  # folder remembered
    bad = ("../x", "/etc/passwd", "a/../../x", "a\x00b", "inside/link.html", "up/x.html", "..")
    for relative in bad:
        with pytest.raises(UnsafePathError):
            safe_join(root, relative)
        with pytest.raises(UnsafePathError):
            paths.join(relative)


def test_safe_root_stamps_regular_files_only(tmp_path: Path) -> None:
    root = tmp_path / "out"
    (root / "inside").mkdir(parents=True)
    (root / "inside" / "page.html").write_bytes(b"12345")
    (tmp_path / "elsewhere.html").write_bytes(b"outside")
    (root / "inside" / "link.html").symlink_to(tmp_path / "elsewhere.html")
    (root / "up").symlink_to(tmp_path)
    paths = SafeRoot(root)
    info = (root / "inside" / "page.html").stat()
    assert paths.stamp("inside/page.html") == [5, info.st_mtime_ns]
    for relative in ("inside/link.html", "inside", "inside/missing.html"):
        with pytest.raises(OSError):  # a link is not the file the build wrote
            paths.stamp(relative)
    for relative in ("../x", "/etc/passwd", "a/../../x", "a\x00b", "up/elsewhere.html", ".."):
        with pytest.raises(UnsafePathError):
            paths.stamp(relative)


def test_a_moved_file_is_written_like_any_other(tmp_path: Path) -> None:
    output = tmp_path / "site"
    writer = SiteWriter(output, SiteOptions(search=False))
    source = output / ".staging" / "x.bin"
    source.parent.mkdir(parents=True)
    source.write_bytes(b"bytes of the index")
    os.chmod(source, 0o600)
    writer.move_in("pagefind/x.bin", source)
    target = output / "pagefind" / "x.bin"
    assert target.read_bytes() == b"bytes of the index" and not source.exists()
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert writer.result.written == writer.result.rewritten == ["pagefind/x.bin"]
    # the same bytes again (the next build): the file stays as it is, mtime and all
    mtime = target.stat().st_mtime_ns
    again = SiteWriter(output, SiteOptions(search=False))
    source.write_bytes(b"bytes of the index")
    again.move_in("pagefind/x.bin", source)
    assert again.result.rewritten == [] and target.stat().st_mtime_ns == mtime
    plain = SiteWriter(tmp_path / "plain", SiteOptions(search=False))
    plain.write("pagefind/x.bin", b"bytes of the index")
    assert plain.digest.hexdigest() == writer.digest.hexdigest()


def test_the_exports_of_one_reading_are_those_of_one_reading_per_file(
    built_site: tuple[Path, BuildResult], tmp_path: Path
) -> None:
    _, result = built_site
    spilled = spill_exports(result.analyses, tmp_path)
    try:
        got = {name: b"".join(chunks(handle)) for name, handle in spilled.items()}
    finally:
        for handle in spilled.values():
            handle.close()
    assert list(got) == ["analysis.jsonl", "articles.csv", "entities.csv", "quotes.csv",
                         "sources.csv"]  # fmt: skip
    assert got.pop("analysis.jsonl") == "".join(jsonl_lines(result.analyses)).encode("utf-8")
    for name, data in got.items():
        assert data == "".join(DATA_FILES[name](result.analyses)).encode("utf-8"), name
        assert data.count(b"\n") > 1, name
    assert list(tmp_path.iterdir()) == []  # the temporary files have no name
