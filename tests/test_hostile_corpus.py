"""One corpus with every hostile input of issue 11 at once, built twice into a folder inside it:
every input is an article, a listed error or a listed skip; every file is written once; no C0
control, unisolated bidi control or live spreadsheet formula reaches the output."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

from conftest import write_file
from typer.testing import CliRunner

from reportgen.cli import app
from reportgen.output import LOCK, MARKER

runner = CliRunner()
SAY = "„Wir bleiben dabei, das ist klar für uns alle“, sagte {who} am Montag in Minsk.\n"
C0 = re.compile(r"[\x00-\x08\x0b-\x1f]")
BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
ISOLATED = re.compile("\u2068[^\u2069]*\u2069")


def alias_bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 9):
        prev, name = chr(96 + n), chr(97 + n)
        lines.append(f"{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]")
    return "---\n" + "\n".join(lines) + "\n---\n" + SAY.format(who="Anna Berg")


def hostile_corpus(root: Path) -> Path:
    c = root / "corpus"
    write_file(c / "reportgen.toml", "[reportgen]\nmax_article_chars = 20000\n")
    write_file(c / "news" / "one-line.txt", SAY.format(who="Olaf Scholz").strip() * 4000)
    write_file(c / "news" / "bomb.md", alias_bomb())
    said = SAY.format(who="Maria Kolesnikowa").strip()
    raw = ('{"title": "Bad \\ud800 \\u001b[31m =HYPERLINK(\\"http://x\\")", '
           f'"text": "NUL\\u0000 BEL\\u0007 {said}", "authors": [{{"x": 1}}]}}')  # fmt: skip
    write_file(c / "news" / "bad.json", raw)
    records = [{"title": "Evil \u202etxt.exe", "text": SAY.format(who="Иван Петров")},
               {"title": "=cmd|' /C calc'!A0", "text": SAY.format(who="Index")},
               {"title": "+1+1\r@SUM(A1)", "text": SAY.format(who="Γιώργος Παπαδόπουλος")},
               {"title": {"nested": "x"}, "text": SAY.format(who="Пётр Сидоров")}]  # fmt: skip
    write_file(c / "news" / "records.jsonl", "\n".join(json.dumps(r) for r in records) + "\n")
    for name in ("dup-2.txt", "Dup.txt", "dup.txt"):
        write_file(c / "news" / name, SAY.format(who="Anna Berg"))
    for outlet in ("Foo Bar", "foo-bar", "FOO_BAR", "Unsorted", "-.-", "Ελλάδα"):
        write_file(c / outlet / "a.txt", SAY.format(who="Helen Okafor"))
    write_file(c / "top.txt", "---\noutlet: FOO BAR\n---\n" + SAY.format(who="Anna Berg"))
    write_file(c / "news" / ".draft.txt", SAY.format(who="Anna Berg"))
    write_file(c / ".hidden-outlet" / "a.txt", SAY.format(who="Anna Berg"))
    write_file(c / "..." / "a.txt", SAY.format(who="Anna Berg"))
    os.mkfifo(c / "news" / "pipe.txt")
    (c / "news" / "to-pipe.txt").symlink_to(c / "news" / "pipe.txt")
    write_file(root / "outside.txt", SAY.format(who="Anna Berg"))
    (c / "news" / "leak.txt").symlink_to(root / "outside.txt")
    write_file(c / "news" / "binary.txt", b"\x00\x01\x02" * 100)
    write_file(c / "news" / "broken.json", '{"title": ')
    write_file(c / "news" / "empty.txt", "")
    write_file(c / "news" / "picture.png", b"\x89PNG")
    return c


def inputs_of(corpus: Path, skipped: set[str]) -> set[str]:
    """Every entry under the corpus, not below a folder listed as skipped."""
    found: set[str] = set()
    for folder, dirs, files in os.walk(corpus):
        rel = Path(folder).relative_to(corpus).as_posix()
        prefix = "" if rel == "." else rel + "/"
        dirs[:] = [d for d in dirs if prefix + d not in skipped]
        found.update(prefix + d for d in os.listdir(folder) if prefix + d in skipped)
        found.update(prefix + f for f in files)
    return found


def test_every_hostile_input_is_an_article_an_error_or_a_skip(tmp_path: Path) -> None:
    corpus = hostile_corpus(tmp_path)
    site = corpus / "site"  # inside the corpus: must never be read back
    for _ in range(2):
        result = runner.invoke(app, ["build", str(corpus), "-o", str(site), "--no-pdf"])
        assert result.exit_code == 1, result.stderr  # the unreadable inputs are errors
    lines = result.stderr.splitlines()
    errors = {line.split(": ")[1] for line in lines if line.startswith("error: ")}
    skipped = {line.split(": ")[1] for line in lines if line.startswith("skipped: ")}
    analyses = [json.loads(line) for line in (site / "data" / "analysis.jsonl").open()]
    articles = {a["source_path"] for a in analyses}
    assert "site" in skipped and {".draft.txt", "pipe.txt", "to-pipe.txt"} <= {
        s.rsplit("/", 1)[-1] for s in skipped
    }
    assert errors >= {"news/leak.txt", "news/binary.txt", "news/broken.json", "news/empty.txt"}
    assert inputs_of(corpus, skipped) == articles | errors | skipped
    assert not articles & errors and not articles & skipped
    # one page per article and per outlet
    ids = [a["id"] for a in analyses]
    assert len(ids) == len(set(ids)) == 17
    outlets = {a["outlet"]: a["id"].split("/")[0] for a in analyses}
    assert len(set(outlets.values())) == len(outlets) == 8
    assert any("max_article_chars is 20,000" in w for a in analyses for w in a["warnings"])
    check_written_once(site)
    check_output_is_clean(site)


def check_written_once(site: Path) -> None:
    manifest = json.loads((site / MARKER).read_text(encoding="utf-8"))["files"]
    assert len(manifest) == len(set(manifest))
    on_disk = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert on_disk - {MARKER, LOCK} == set(manifest)


def check_output_is_clean(site: Path) -> None:
    for path in site.rglob("*"):
        if not path.is_file() or path.name in (MARKER, LOCK):
            continue
        if path.relative_to(site).parts[0] == "pagefind":
            continue  # the search index: compressed binary chunks of the pages checked here
        text = path.read_text(encoding="utf-8")
        assert not C0.search(text), path
        if path.suffix == ".html":
            assert not BIDI.search(ISOLATED.sub("", text)), path
        if path.suffix == ".csv":
            for row in csv.reader(io.StringIO(text, newline="")):
                for cell in row:
                    live = cell.startswith(("=", "+", "-", "@", "\t", "\r"))
                    assert not live or re.fullmatch(r"-?\d+(\.\d+)?", cell), (path, cell)
