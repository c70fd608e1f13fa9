"""PDF benchmark: what one article PDF costs, where the time goes, and what each change buys.

    python bench/scale/pdf.py [--corpus news_de] [--limit 40] [--rounds 2]

Analyses `--limit` articles sampled from ../shared/corpora/<corpus> (`--corpus bundled`: the
repository's corpus/), makes their article pages as the site does, then renders the same PDFs
several ways in this one process, round after round, and keeps each PDF's best round:

  old        what reportgen did before: a new FontConfiguration, fetcher and parsed CSS for
             every document, the old print.css, a plain PDF (reimplemented below)
  +shared    one FontConfiguration and the parsed stylesheets per process (render_pdf reuse)
  +css       print.css's layout choices (fixed tables, fixed grid tracks, static labels)
  new        what reportgen does now: also PDF/A-3b, the embedded analysis.json and the XMP
             provenance

Times are CPU seconds of this process (time.process_time: other programs on a shared machine
slow the wall clock more than they slow that), with the wall clock beside. Then the phases of one
old and one new pass, WeasyPrint's output options on top of the new way, and the checks: the new
way gives the same bytes in every round and with reuse off, and every PDF parses back (pypdf)
with its analysis.json equal to the article's line of data/analysis.jsonl.
"""

from __future__ import annotations

import argparse
import collections
import io
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPORA = REPO.parent / "shared" / "corpora"
sys.path.insert(0, str(REPO))

import pydyf  # noqa: E402
import pypdf  # noqa: E402
import weasyprint.document as wdocument  # noqa: E402
import weasyprint.pdf as wpdf  # noqa: E402
from run import sample  # noqa: E402 - bench/scale/run.py, beside this script
from weasyprint import CSS, HTML  # noqa: E402

from reportgen.build import analyze_documents  # noqa: E402
from reportgen.ingest import read_corpus  # noqa: E402
from reportgen.model import ArticleAnalysis  # noqa: E402
from reportgen.render import pdf as rpdf  # noqa: E402
from reportgen.render.exports import analysis_line  # noqa: E402
from reportgen.render.families import SiteData  # noqa: E402
from reportgen.render.families.article import article_pages  # noqa: E402
from reportgen.render.site import SiteOptions, SiteWriter  # noqa: E402
from reportgen.render.templates import stylesheet  # noqa: E402
from reportgen.slugs import CorpusSlugs  # noqa: E402

# print.css before this benchmark's changes (commit 06dcf8a), the baseline's stylesheet.
OLD_PRINT_CSS = """@page {
  size: A4;
  margin: 22mm 16mm 20mm;
  font-family: "DejaVu Sans", sans-serif;
  @top-left { content: string(running); font-family: "DejaVu Sans", sans-serif; font-size: 8pt; color: #5b6670; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: "DejaVu Sans", sans-serif; font-size: 8pt; color: #5b6670; }
  @bottom-left { content: "reportgen"; font-family: "DejaVu Sans", sans-serif; font-size: 8pt; color: #5b6670; }
}
body { background: #fff; font: 10pt/1.45 "DejaVu Sans", sans-serif; }
main { max-width: none; padding: 0; }
.site-header nav, .site-footer { display: none; }
.site-header { background: none; padding: 0; }
.running-header { display: block; string-set: running content(); height: 0; margin: 0; overflow: hidden; visibility: hidden; }
a { color: inherit; text-decoration: none; }
h1 { font-size: 16pt; }
h2 { font-size: 12pt; break-after: avoid; }
h3 { break-after: avoid; }
tr, blockquote, .block { break-inside: avoid; }
table { font-size: 8.5pt; }
.block { padding-left: 7rem; }
"""  # noqa: E501

Task = tuple[str, rpdf.PdfArchive]  # an article page's PDF-mode HTML and its archive
Way = Callable[[str, rpdf.PdfArchive], bytes]


def article_tasks(corpus: Path, tmp: Path) -> tuple[list[Task], list[ArticleAnalysis]]:
    documents, _errors, _ = read_corpus(corpus)
    results = analyze_documents(documents, jobs=1)
    analyses = sorted((r for r in results if isinstance(r, ArticleAnalysis)), key=lambda a: a.id)
    writer = SiteWriter(tmp / "site", SiteOptions(pdf=True), slugs=CorpusSlugs.of(analyses))
    article_pages(writer, SiteData(analyses, [], {}, writer.slugs))
    tasks = [(html, archive) for _path, html, _css, archive in writer.pending_pdfs]
    return tasks, analyses


def old_way(html: str, _archive: rpdf.PdfArchive) -> bytes:
    """render_pdf as it was: everything made anew for each document, a plain PDF."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    fetcher = rpdf.AssetOnlyFetcher()
    document = HTML(string=html, base_url=None, url_fetcher=fetcher)
    sheets = [stylesheet("style.css"), OLD_PRINT_CSS]
    css = [CSS(string=text, url_fetcher=fetcher) for text in sheets]
    return document.write_pdf(stylesheets=css)


def ways() -> dict[str, Way]:
    old_css = [stylesheet("style.css"), OLD_PRINT_CSS]
    new_css = [stylesheet("style.css"), stylesheet("print.css")]
    return {
        "old: fresh fonts and CSS per PDF, old print.css": old_way,
        "+shared: one FontConfiguration, parsed CSS": lambda html, _a: rpdf.render_pdf(
            html, old_css, pdf_variant=None
        ),
        "+css: print.css layout choices": lambda html, _a: rpdf.render_pdf(
            html, new_css, pdf_variant=None
        ),
        "new: + PDF/A-3b, analysis.json, XMP": lambda html, a: rpdf.render_pdf(html, new_css, a),
    }


def option_ways() -> dict[str, Way]:
    """WeasyPrint's output options, each on top of the new way."""
    new_css = [stylesheet("style.css"), stylesheet("print.css")]

    def with_options(**options: object) -> Way:
        def render(html: str, _archive: rpdf.PdfArchive) -> bytes:
            fonts, fetcher, css = rpdf._process_state(tuple(new_css))
            page = HTML(string=html, base_url=None, url_fetcher=fetcher)
            return page.write_pdf(stylesheets=css, font_config=fonts, **options)

        return render

    return {
        "new, plain PDF (no PDF/A, nothing embedded)": with_options(),
        "  + uncompressed_pdf": with_options(uncompressed_pdf=True),
        "  + full_fonts (no subsetting)": with_options(full_fonts=True),
        "  + hinting": with_options(hinting=True),
        "  + optimize_images": with_options(optimize_images=True),
    }


def time_way(way: Way, tasks: list[Task], warm: bool = True) -> tuple[list, list, list[bytes]]:
    """CPU and wall seconds of each task, and the PDFs."""
    if warm:
        way(*tasks[0])  # imports, caches, the process's shared state
    cpu, wall, out = [], [], []
    for html, archive in tasks:
        started_cpu, started_wall = time.process_time(), time.perf_counter()
        out.append(way(html, archive))
        cpu.append(time.process_time() - started_cpu)
        wall.append(time.perf_counter() - started_wall)
    return cpu, wall, out


def compare(named: dict[str, Way], tasks: list[Task], rounds: int) -> dict[str, dict]:
    """Every way over the same tasks, round after round. Each PDF's best round is kept (on a
    shared machine the other programs only ever add time), and the bytes of every round are
    compared with the first."""
    best: dict[str, dict] = {}
    for _ in range(rounds):
        for name, way in named.items():
            cpu, wall, out = time_way(way, tasks)
            seen = best.setdefault(name, {"cpu": cpu, "wall": wall, "out": out, "same": True})
            seen["same"] = seen["same"] and seen["out"] == out
            seen["cpu"] = [min(pair) for pair in zip(seen["cpu"], cpu, strict=True)]
            seen["wall"] = [min(pair) for pair in zip(seen["wall"], wall, strict=True)]
    return {name: {**row, "cpu": sum(row["cpu"]), "wall": sum(row["wall"])}
            for name, row in best.items()}  # fmt: skip


def print_table(title: str, best: dict[str, dict], n: int, baseline: str) -> None:
    print(f"\n{title}")
    print(f"  {'way':46s} {'CPU s/PDF':>9s} {'wall s/PDF':>10s} {'KB/PDF':>7s} {'speed-up':>8s}")
    base = best[baseline]["cpu"]
    for name, row in best.items():
        size = sum(map(len, row["out"])) / n / 1024
        print(f"  {name:46s} {row['cpu'] / n:9.3f} {row['wall'] / n:10.3f} {size:7.1f} "
              f"{base / row['cpu']:7.2f}x")  # fmt: skip


PHASES = {  # WeasyPrint's steps, by the module attribute that runs each
    "cascade": (wdocument, "get_all_computed_styles"),
    "boxes": (wdocument, "build_formatting_structure"),
    "layout": (wdocument, "layout_document"),
    "draw": (wdocument, "draw_page"),
    "fonts": (wpdf, "build_fonts_dictionary"),
    "write": (pydyf.PDF, "write"),
}


def phases(way: Way, tasks: list[Task]) -> dict[str, float]:
    """CPU seconds per phase over `tasks`; "other" is the rest (HTML and CSS parsing, font
    configuration, attachments, metadata)."""
    spent: collections.Counter[str] = collections.Counter()
    originals = {name: getattr(owner, attr) for name, (owner, attr) in PHASES.items()}

    def timed(name: str, function: Callable) -> Callable:
        def run(*args: object, **kwargs: object) -> object:
            started = time.process_time()
            result = function(*args, **kwargs)
            if name == "layout":
                result = list(result)  # a generator: its work happens when consumed
            spent[name] += time.process_time() - started
            return result

        return run

    way(*tasks[0])
    for name, (owner, attr) in PHASES.items():
        setattr(owner, attr, timed(name, originals[name]))
    try:
        cpu, _wall, _out = time_way(way, tasks, warm=False)
    finally:
        for name, (owner, attr) in PHASES.items():
            setattr(owner, attr, originals[name])
    spent["other"] = sum(cpu) - sum(spent.values())
    return dict(spent)


def check(best: dict[str, dict], tasks: list[Task], analyses: list[ArticleAnalysis]) -> list[str]:
    new = best["new: + PDF/A-3b, analysis.json, XMP"]
    css = [stylesheet("style.css"), stylesheet("print.css")]
    fresh = [rpdf.render_pdf(html, css, archive, reuse=False) for html, archive in tasks]
    lines = [analysis_line(a).encode("utf-8") for a in analyses]
    parsed = 0
    for data, line in zip(new["out"], lines, strict=True):
        reader = pypdf.PdfReader(io.BytesIO(data))
        parsed += bool(reader.pages) and reader.attachments.get("analysis.json") == [line]
    old, shared = (
        best["old: fresh fonts and CSS per PDF, old print.css"],
        best["+shared: one FontConfiguration, parsed CSS"],
    )
    return [
        f"old and +shared ways (same stylesheets), same bytes: {old['out'] == shared['out']}",
        f"new way, same bytes in every round: {new['same']}",
        f"new way, same bytes with reuse off (fresh FontConfiguration and CSS per PDF): "
        f"{fresh == new['out']}",
        f"PDFs that parse (pypdf) with analysis.json == their data/analysis.jsonl line: "
        f"{parsed}/{len(tasks)}",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="news_de", help="news_de, news_en, news_html, bundled")
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    source = REPO / "corpus" if args.corpus == "bundled" else CORPORA / args.corpus
    if not source.is_dir():
        print(f"{source} is not available; nothing to measure.")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        corpus = source if args.corpus == "bundled" else Path(tmp) / "corpus"
        if corpus != source:
            sample(source, args.limit, corpus)
        tasks, analyses = article_tasks(corpus, Path(tmp))
    n = len(tasks)
    words = sum(a.stats.words for a in analyses) / n
    print(f"{n} article PDFs from {args.corpus} ({words:.0f} body words each on average), "
          f"each PDF's best of {args.rounds} rounds, one process")  # fmt: skip
    best = compare(ways(), tasks, args.rounds)
    print_table("The same article PDFs, old and new ways:", best, n, next(iter(ways())))
    options = compare(option_ways(), tasks, 1)
    print_table("WeasyPrint options on the new way (one round):", options, n, next(iter(options)))
    print("\nCPU ms per PDF by phase:")
    for name in ("old: fresh fonts and CSS per PDF, old print.css",
                 "new: + PDF/A-3b, analysis.json, XMP"):  # fmt: skip
        spent = phases(ways()[name], tasks)
        print(f"  {name.split(':')[0]:4s} " + "  ".join(
            f"{phase} {seconds / n * 1000:.0f}" for phase, seconds in spent.items()))  # fmt: skip
    print("\nChecks:")
    for line in check(best, tasks, analyses):
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
