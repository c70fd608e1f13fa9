"""The build owns its output folder: checked before analysis (one line, exit 2), locked against
a second build, stale files of the previous build removed, never read back as input; and
`reportgen serve` shows the site and nothing else."""

from __future__ import annotations

import json
import os
import resource
import signal
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import REPO, write_file
from typer.testing import CliRunner

from reportgen.cli import app
from reportgen.output import MARKER, OutputError, claim_output, release_output
from reportgen.serve import SiteHandler

runner = CliRunner()
ARTICLE = "„Wir bleiben dabei“, sagte Bürgermeisterin Anna Berg in Köln.\n"


def corpus_of(root: Path, *names: str) -> Path:
    for name in names:
        write_file(root / "blog" / name, ARTICLE)
    return root


def build(corpus: Path, site: Path, *extra: str):  # noqa: ANN201 - Typer's Result
    return runner.invoke(app, ["build", str(corpus), "-o", str(site), "--no-pdf", "-q", *extra])


def test_output_that_is_a_file_is_one_line_before_analysis(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "c", "a.txt")
    site = write_file(tmp_path / "site", "not a folder")
    result = build(corpus, site)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: output {site} is a file, not a folder"


def test_an_output_folder_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "c", "a.txt")
    site = write_file(tmp_path / "file", "x") / "site"  # below a file: cannot be made
    result = build(corpus, site)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: cannot create output folder {site}")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_output_folder_is_one_line(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "c", "a.txt")
    site = tmp_path / "site"
    site.mkdir(mode=0o555)
    result = build(corpus, site)
    assert result.exit_code == 2
    assert "is not writable" in result.stderr


def test_a_full_disk_while_writing_is_one_line(tmp_path: Path) -> None:
    """A file-size limit makes every write past 1 KB fail as a full disk would (EFBIG instead of
    ENOSPC; the same OSError path), in a real build in a child process. The language is given:
    the language identifier copies its model to a temporary file."""
    corpus = tmp_path / "c"
    write_file(corpus / "blog" / "a.txt", "---\nlang: de\n---\n" + ARTICLE)

    def limit_file_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))

    site = tmp_path / "site"
    command = [sys.executable, "-m", "reportgen", "build", str(corpus), "-o", str(site), "-q",
               "--no-pdf"]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO,
                          preexec_fn=limit_file_size, check=False)  # fmt: skip
    assert done.returncode == 2
    [line] = done.stderr.strip().splitlines()
    # the first write past the limit is SQLite's, of the page rows (the spool keeps the one
    # analysis in memory); SQLite names an EFBIG as an I/O error
    assert line == f"error: cannot write {site}/ (rows of the corpus pages: disk I/O error)"


def test_a_foreign_non_empty_folder_is_refused_unless_forced(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "c", "a.txt")
    site = tmp_path / "site"
    write_file(site / "thesis.docx", "mine")
    result = build(corpus, site)
    assert result.exit_code == 2 and "not written by reportgen" in result.stderr
    assert build(corpus, site, "--force").exit_code == 0
    assert (site / "thesis.docx").read_text() == "mine"  # forced, but never removed
    assert build(corpus, site).exit_code == 0  # now it is a reportgen site


def test_stale_files_of_the_previous_build_are_removed(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "c", "a.txt", "b.txt")
    site = tmp_path / "site"
    assert build(corpus, site).exit_code == 0
    first = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    (corpus / "blog" / "b.txt").unlink()
    result = build(corpus, site, "--verbose")
    assert result.exit_code == 0
    assert not (site / "articles" / "blog" / "b.html").exists()
    assert "stale files removed" in result.stderr
    second = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    # (the search index's files are named by their content: some are new, not only fewer)
    assert {p for p in second if p.parts[0] != "pagefind"} < set(first)
    assert not {p for p in first if p.parts[0] == "pagefind"} <= set(second)
    # what is left is what a clean build writes
    clean = tmp_path / "clean"
    assert build(corpus, clean).exit_code == 0
    assert second == sorted(p.relative_to(clean) for p in clean.rglob("*") if p.is_file())


def test_two_builds_into_one_folder_are_refused(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "c", "a.txt")
    site = tmp_path / "site"
    holder = claim_output(site)  # a build in progress
    try:
        with pytest.raises(OutputError, match="another reportgen build is writing"):
            claim_output(site)
        result = build(corpus, site)
        assert result.exit_code == 2 and "another reportgen build" in result.stderr
    finally:
        release_output(holder)
    assert build(corpus, site).exit_code == 0


def test_an_output_folder_inside_the_corpus_is_never_read(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "c", "a.txt", "b.txt")
    for _ in range(2):
        result = runner.invoke(app, ["build", str(corpus), "-o", str(corpus / "site"), "--no-pdf"])
        assert result.exit_code == 0, result.stderr
        assert "2 articles from 2 input files" in result.stderr
        assert "skipped: site: a reportgen output folder" in result.stderr
    assert (corpus / "site" / MARKER).is_file()


def serve_in_thread(site: Path) -> tuple[str, object]:
    import functools
    import http.server

    handler = functools.partial(SiteHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_serve_lists_no_folders_and_follows_no_symlink_out(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "c", "a.txt")
    site = tmp_path / "site"
    assert build(corpus, site).exit_code == 0
    write_file(tmp_path / "secret.txt", "private")
    (site / "leak.txt").symlink_to(tmp_path / "secret.txt")
    (site / "up").symlink_to(tmp_path)
    base, server = serve_in_thread(site)
    try:
        assert status(f"{base}/index.html") == 200
        assert status(f"{base}/articles/blog/a.html") == 200
        assert status(f"{base}/articles/") == 404  # no listing
        assert status(f"{base}/leak.txt") == 404
        assert status(f"{base}/up/secret.txt") == 404
        assert status(f"{base}/{MARKER}") == 404
    finally:
        server.shutdown()


def test_serve_on_a_busy_port_is_one_line(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "c", "a.txt")
    site = tmp_path / "site"
    assert build(corpus, site).exit_code == 0
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = runner.invoke(app, ["serve", str(site), "--port", str(port)])
    assert result.exit_code == 2
    assert result.stderr.strip().startswith(f"error: cannot listen on 127.0.0.1:{port}")


def test_analyze_into_a_folder_or_below_a_file_is_one_line_before_analysis(
    tmp_path: Path,
) -> None:
    corpus = corpus_of(tmp_path / "c", "a.txt")
    blocker = write_file(tmp_path / "file", "x")
    for target, problem in ((tmp_path, "is a folder, not a file"),
                            (blocker / "a.jsonl", "cannot be written")):  # fmt: skip
        result = runner.invoke(app, ["analyze", str(corpus), "-o", str(target), "-q"])
        assert result.exit_code == 2
        [line] = result.stderr.strip().splitlines()
        assert line.startswith(f"error: output {target} {problem}")


def test_stale_removal_removes_a_symlink_not_what_it_points_to(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "c", "a.txt", "b.txt")
    site = tmp_path / "site"
    assert build(corpus, site).exit_code == 0
    (corpus / "blog" / "b.txt").unlink()
    page_b = site / "articles" / "blog" / "b.html"
    page_b.unlink()
    page_b.symlink_to(site / "articles" / "blog" / "a.html")  # a stale entry, now a link
    manifest = json.loads((site / MARKER).read_text())
    manifest["files"].append("../outside.txt")  # a tampered manifest cannot reach out
    (site / MARKER).write_text(json.dumps(manifest))
    write_file(tmp_path / "outside.txt", "keep")
    assert build(corpus, site).exit_code == 0
    assert not page_b.is_symlink() and (site / "articles" / "blog" / "a.html").is_file()
    assert (tmp_path / "outside.txt").read_text() == "keep"
