"""Authors on the news_html pages: reportgen against trafilatura alone, on the pages whose
annotations say who wrote them in `../shared/corpora/news_html/expectations.jsonl`: the `author`
of trafilatura's evaluation data (134 pages; an empty one means the page names no author, and
the right answer is none), and, as a second figure, the `byline` of readability's metadata.

    python bench/real/authors.py [-v] [--limit N]

reportgen's authors are what `reportgen analyze` reports (the page's metadata, else the byline
the segmentation found), computed here without the NLP steps, which do not touch them.
trafilatura's are `trafilatura.extract_metadata(page).author`. A page counts as right when every
annotated name is among the predicted ones and every predicted name shares a word with the
annotation; with an empty annotation, when nothing is predicted. Without the shared data the
script says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_PAGES = REPO.parent / "shared" / "corpora" / "news_html"
NAME_SPLIT = re.compile(r"\s*(?:;|,|\||/|\bund\b|\band\b|&)\s*", re.IGNORECASE)
WORD = re.compile(r"\w+")
BY = re.compile(r"^(?:by|von)\s+", re.IGNORECASE)


def names(value: str | list | None) -> list[str]:
    """The names of an author string or list ("A und B", "A; B"), as lower-case words."""
    items = value if isinstance(value, list) else [value or ""]
    found = []
    for item in items:
        for piece in NAME_SPLIT.split(BY.sub("", str(item).strip())):
            piece = " ".join(WORD.findall(piece.lower()))
            if piece:
                found.append(piece)
    return found


def right(predicted: list[str], gold: str | list) -> bool:
    want, got = names(gold), names(predicted)
    got_text = " ; ".join(got)
    gold_words = {w for name in want for w in WORD.findall(name)}
    if not all(name in got_text for name in want):
        return False
    return all(set(WORD.findall(name)) & gold_words for name in got)


def gold_author(entry: dict) -> str | list | None:
    """The annotated author ("" for none), or None where the page has no annotation."""
    if "author" in entry:
        return entry["author"]
    return (entry.get("expected_metadata") or {}).get("byline") or None


def reportgen_authors(path: Path) -> list[str]:
    from reportgen.analyze import _own_domains
    from reportgen.analyze.bylines import choose_authors
    from reportgen.analyze.segment import segment
    from reportgen.ingest import read_file

    for item in read_file(path):
        if hasattr(item, "reason"):
            return []
        lang = (item.lang or "en").lower()
        return choose_authors(item, segment(item, lang), lang, _own_domains(item))[0]
    return []


def trafilatura_authors(path: Path) -> list[str]:
    import trafilatura

    metadata = trafilatura.extract_metadata(path.read_text(encoding="utf-8", errors="replace"))
    author = metadata.author if metadata else None
    return [a.strip() for a in author.split(";")] if author else []


SYSTEMS = (("reportgen", reportgen_authors), ("trafilatura", trafilatura_authors))


def load_entries(pages: Path) -> list[tuple[dict, Path]]:
    """(annotation, page path) for every page whose annotation says who wrote it."""
    manifest = {}
    for line in (pages / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            manifest[row["id"]] = pages / row["path"]
    rows = (pages / "expectations.jsonl").read_text(encoding="utf-8").splitlines()
    entries = [json.loads(line) for line in rows if line.strip()]
    return [
        (e, manifest[e["id"]])
        for e in entries
        if gold_author(e) is not None and e["id"] in manifest
    ]


def measure(pages: Path, limit: int | None = None, verbose: bool = False) -> dict[str, list[int]]:
    """Group ("author", "byline") -> [reportgen right, trafilatura right, pages]."""
    entries = load_entries(pages)
    result = {}
    for group in ("author", "byline"):
        chosen = [(e, p) for e, p in entries if ("author" in e) == (group == "author")][:limit]
        score = {"reportgen": 0, "trafilatura": 0}
        for entry, path in chosen:
            gold = gold_author(entry)
            for system, read in (
                ("reportgen", reportgen_authors),
                ("trafilatura", trafilatura_authors),
            ):
                got = read(path)
                ok = right(got, gold) if gold else not got
                score[system] += ok
                if verbose and not ok:
                    print(f"{system:<11} {entry['id']}: gold {gold!r}, got {got!r}")
        result[group] = [score["reportgen"], score["trafilatura"], len(chosen)]
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="news_html folder")
    parser.add_argument("--limit", type=int)
    parser.add_argument("-v", "--verbose", action="store_true", help="list the pages got wrong")
    args = parser.parse_args(argv)
    if not (args.pages / "expectations.jsonl").is_file():
        print(f"skipped: no expectations.jsonl in {args.pages}")
        return 0
    for group, (ours, theirs, total) in measure(args.pages, args.limit, args.verbose).items():
        print(
            f"news_html authors ({group}): reportgen {ours}/{total}, trafilatura {theirs}/{total}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
