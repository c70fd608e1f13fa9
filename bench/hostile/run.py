"""Hostile-size benchmark: one huge article at a time, time and peak memory of its build.

    python bench/hostile/run.py [--only html|line|text] [--pdf] [--keep DIR]

Generates (never stores) three inputs: a 20 MB HTML page, a 5 MB text on a single line and an
11 MB plain text with paragraphs, each in a corpus folder of its own. Each is built (without
PDFs unless --pdf) in a fresh process, so the peak RSS printed is that of one build
(the analysis runs in that process: one worker). The targets of issue 11 are under 60 s and
under 1 GB for each.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MB = 1_000_000

_NAMES = [
    "Alexander Lukaschenko",
    "Swetlana Tichanowskaja",
    "Angela Merkel",
    "Olaf Scholz",
    "Maria Kolesnikowa",
    "Wladimir Putin",
    "Ursula von der Leyen",
    "Emmanuel Macron",
]
_PLACES = ["Minsk", "Berlin", "Moskau", "Brüssel", "Warschau", "Vilnius", "Kiew", "Paris"]
_ORGS = ["Reuters", "dpa", "Belta", "die Europäische Union", "die Nato", "das Auswärtige Amt"]
_VERBS = ["sagte", "erklärte", "betonte", "kritisierte", "teilte mit"]


def sentence(rng: random.Random) -> str:
    """A German news sentence with names, places, a source and now and then a quotation."""
    name, place, org = rng.choice(_NAMES), rng.choice(_PLACES), rng.choice(_ORGS)
    kind = rng.randrange(4)
    if kind == 0:
        return f"„Die Lage in {place} ist ernst“, {rng.choice(_VERBS)} {name} am Montag."
    if kind == 1:
        return f"Wie {org} berichtet, traf {name} in {place} Vertreter der Opposition."
    if kind == 2:
        return f"{name} {rng.choice(_VERBS)}, man werde die Gespräche in {place} fortsetzen."
    return f"Nach Angaben von {org} demonstrierten in {place} erneut Tausende Menschen."


def paragraphs(size: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < size:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(2, 6)))
        out.append(paragraph)
        total += len(paragraph.encode("utf-8")) + 2
    return out


def huge_html(size: int) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs(size, 1))
    return (
        '<!doctype html><html lang="de"><head><meta charset="utf-8">'
        "<title>Ein sehr langer Bericht</title></head><body><article><h1>Ein sehr langer "
        f"Bericht</h1>\n{body}\n</article></body></html>\n"
    )


def single_line(size: int) -> str:
    return "Ein Bericht auf einer einzigen Zeile. " + " ".join(paragraphs(size, 2))


def long_text(size: int) -> str:
    return "Ein sehr langer Bericht\n\n" + "\n\n".join(paragraphs(size, 3)) + "\n"


INPUTS = {
    "html": ("page.html", lambda: huge_html(20 * MB), "20 MB HTML page"),
    "line": ("line.txt", lambda: single_line(5 * MB), "5 MB single-line text"),
    "text": ("long.txt", lambda: long_text(11 * MB), "11 MB plain text"),
}

# Runs in the child process: the build, then its own peak RSS (ru_maxrss is in KiB on Linux).
_CHILD = """
import json, resource, sys, time
from pathlib import Path
from reportgen.build import build
started = time.perf_counter()
result = build(Path(sys.argv[1]), Path(sys.argv[2]), pdf=sys.argv[3] == "pdf")
elapsed = time.perf_counter() - started
[a] = result.analyses
print(json.dumps({"seconds": elapsed, "peak_mb": resource.getrusage(resource.RUSAGE_SELF)
                  .ru_maxrss / 1024, "chars": len(a.text), "warnings": a.warnings}))
"""


def run_one(key: str, work: Path, pdf: bool) -> dict:
    name, make, label = INPUTS[key]
    corpus = work / key / "corpus"
    (corpus / "bench").mkdir(parents=True)
    data = make().encode("utf-8")
    (corpus / "bench" / name).write_bytes(data)
    del data
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(corpus), str(work / key / "site"),
         "pdf" if pdf else "no-pdf"],
        capture_output=True, text=True, cwd=REPO, check=False,
    )  # fmt: skip
    wall = time.perf_counter() - started
    if done.returncode != 0:
        return {"input": label, "failed": done.stderr.strip().splitlines()[-1:], "wall": wall}
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return {"input": label, "wall": wall, **figures}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(INPUTS), action="append")
    parser.add_argument("--pdf", action="store_true", help="render the PDFs too")
    parser.add_argument("--keep", type=Path, help="generate and build in DIR, and keep it")
    args = parser.parse_args()
    keys = args.only or list(INPUTS)
    with tempfile.TemporaryDirectory(prefix="reportgen-hostile-") as tmp:
        work = args.keep or Path(tmp)
        failed = False
        for key in keys:
            row = run_one(key, work, args.pdf)
            if "failed" in row:
                failed = True
                print(f"{row['input']:24} FAILED after {row['wall']:.1f} s: {row['failed']}")
                continue
            within = row["wall"] < 60 and row["peak_mb"] < 1024
            print(
                f"{row['input']:24} {row['wall']:6.1f} s  peak RSS {row['peak_mb']:6.0f} MB  "
                f"analysed {row['chars']:,} chars  {'ok' if within else 'OVER TARGET'}"
            )
            for warning in row["warnings"]:
                print(f"{'':24} warning: {warning}")
            failed = failed or not within
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
