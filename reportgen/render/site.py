"""The static site: index, outlet, article, entity, speaker and source pages, PDFs and data.

Every path comes from slugs and goes through `safe_join`, so nothing lands outside the output
folder; every file is written atomically.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import aggregate
from ..model import ArticleAnalysis, ReadError
from ..output import OutputError
from ..paths import atomic_write, safe_join
from ..slugs import CorpusSlugs
from .exports import DATA_FILES, analyses_jsonl, errors_csv
from .highlight import block_pieces
from .pdf import render_pdf
from .templates import environment, stylesheet


@dataclass
class SiteOptions:
    corpus_name: str = "corpus"
    pdf: bool = True
    templates: Path | None = None
    jobs: int = 1  # PDFs rendered in parallel; the rest of the site is cheap
    skipped: list[ReadError] = field(default_factory=list)  # listed on the index page


@dataclass
class SiteResult:
    pages: list[str] = field(default_factory=list)
    pdfs: list[str] = field(default_factory=list)
    data: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # every file, in the order written
    removed: list[str] = field(default_factory=list)  # stale files of the previous build


class DuplicateWriteError(RuntimeError):
    """Two things of one build were given the same file: a bug, never to pass silently."""


# Called after each PDF with (PDFs written, PDFs in all, the PDF's path in the site).
Progress = Callable[[int, int, str], None]

# One listing page per entity label; entity pages are named "<label>-<name>", so no clash.
ENTITY_KINDS = {
    "PER": ("people", "People"),
    "ORG": ("organisations", "Organisations"),
    "LOC": ("places", "Places"),
    "MISC": ("other-names", "Other names"),
}


class SiteWriter:
    def __init__(
        self,
        output: Path,
        options: SiteOptions,
        progress: Progress | None = None,
        slugs: CorpusSlugs | None = None,
    ):
        self.output = output
        self.slugs = slugs or CorpusSlugs()
        self.options = options
        self.env = environment(options.templates)
        self.result = SiteResult()
        self.progress = progress or (lambda _done, _total, _path: None)
        self.pending_pdfs: list[tuple[str, str, list[str]]] = []
        self._seen: set[str] = set()

    def write(self, relative: str, data: str | bytes) -> None:
        if relative in self._seen:
            raise DuplicateWriteError(f"{relative} would be written twice in one build")
        self._seen.add(relative)
        try:
            atomic_write(safe_join(self.output, relative), data)
        except OSError as exc:
            raise OutputError(f"cannot write {self.output / relative} ({exc.strerror})") from exc
        self.result.written.append(relative)

    def page(self, relative: str, template: str, pdf: str | None = None, **context: Any) -> None:
        """Render `template` to `relative` (and to `pdf/...` if PDFs are on)."""
        depth = relative.count("/")
        common = {"root": "../" * depth, "corpus_name": self.options.corpus_name, **context}
        pdf_href = None
        if pdf and self.options.pdf:
            pdf_href = "../" * depth + pdf
            html = self.env.get_template(template).render(
                **{**common, "pdf_mode": True, "pdf_href": None, "pdf_name": None}
            )
            css = [stylesheet("style.css", self.options.templates),
                   stylesheet("print.css", self.options.templates)]  # fmt: skip
            self.pending_pdfs.append((pdf, html, css))
            self.result.pdfs.append(pdf)
        html = self.env.get_template(template).render(
            **{**common, "pdf_mode": False, "pdf_href": pdf_href,
               "pdf_name": pdf.rsplit("/", 1)[-1] if pdf else None}
        )  # fmt: skip
        self.write(relative, html)
        self.result.pages.append(relative)

    # -- the pages ---------------------------------------------------------------------------
    def article(self, a: ArticleAnalysis) -> None:
        outlet_slug = a.id.split("/", 1)[0]
        self.page(
            f"articles/{a.id}.html",
            "article.html",
            pdf=f"pdf/articles/{a.id}.pdf",
            title=a.title or a.id,
            a=a,
            outlet_slug=outlet_slug,
            segments=block_pieces(a),
            quote_groups=quote_groups(a, self.slugs),
            source_slug=self.slugs.source,
        )

    def outlet(self, summary: dict[str, Any]) -> None:
        slug = summary["slug"]
        self.page(
            f"outlets/{slug}/index.html",
            "outlet.html",
            pdf=f"pdf/outlets/{slug}.pdf",
            title=summary["name"],
            o=summary,
        )

    def index(self, corpus: dict[str, Any], errors: list[ReadError]) -> None:
        self.page(
            "index.html",
            "index.html",
            pdf="pdf/corpus.pdf",
            title=self.options.corpus_name,
            c=corpus,
            errors=errors,
            skipped=self.options.skipped,
            data_files=["analysis.jsonl", *DATA_FILES, "errors.csv"],
        )

    def listings(self, analyses: list[ArticleAnalysis]) -> None:
        entities = aggregate.entity_pages(analyses)
        for page in entities.values():
            rows = [[{"text": r["title"], "href": f"../articles/{r['id']}.html"},
                     {"text": r["outlet"]}, {"text": r["count"]},
                     {"text": ", ".join(r["blocks"])}] for r in page["articles"]]  # fmt: skip
            self.page(
                f"entities/{page['id']}.html",
                "listing.html",
                title=page["name"],
                heading=f"{page['name']} ({page['label']})",
                section_title="Entities",
                intro=f"Mentioned in {len(rows)} article(s).",
                columns=["Article", "Outlet", "Mentions", "Blocks"],
                rows=rows,
                quotes=[],
            )
        table = aggregate.entity_table(analyses)
        kinds = [(label, slug, name) for label, (slug, name) in ENTITY_KINDS.items()
                 if any(e["label"] == label for e in table)]  # fmt: skip
        for label, slug, name in kinds:
            self.page(f"entities/{slug}.html", "listing.html", title=name, heading=name,
                      section_title="Entities", intro=f"{name}, by number of articles.",
                      columns=["Entity", "Articles", "Outlets", "Mentions"],
                      rows=[[{"text": e["name"], "href": f"{e['id']}.html"},
                             {"text": e["articles"]}, {"text": e["outlets"]},
                             {"text": e["mentions"]}] for e in table if e["label"] == label],
                      quotes=[])  # fmt: skip
        self.page("entities/index.html", "listing.html", title="Entities", heading="Entities",
                  section_title="Entities", intro="Every named entity, by number of articles.",
                  links=[{"text": name, "href": f"{slug}.html"} for _label, slug, name in kinds],
                  columns=["Entity", "Label", "Articles", "Outlets", "Mentions"],
                  rows=[[{"text": e["name"], "href": f"{e['id']}.html"}, {"text": e["label"]},
                         {"text": e["articles"]}, {"text": e["outlets"]},
                         {"text": e["mentions"]}] for e in table],
                  quotes=[])  # fmt: skip

        speakers = aggregate.speaker_pages(analyses, self.slugs)
        for page in speakers.values():
            outlets = len(page["outlets"])
            rows = [[{"text": o["outlet"],
                      "href": f"../outlets/{self.slugs.outlet(o['outlet'])}/index.html"},
                     {"text": o["quotes"]}, {"text": o["direct"]}, {"text": o["indirect"]}]
                    for o in page["outlets"]]  # fmt: skip
            self.page(f"speakers/{page['slug']}.html", "listing.html", title=page["name"],
                      heading=page["name"], section_title="Speakers",
                      intro=f"Quoted {len(page['quotes'])} time(s) in {outlets} outlet(s).",
                      columns=["Outlet", "Quotations", "Direct", "Reported"], rows=rows,
                      quotes=page["quotes"])  # fmt: skip
        self.page("speakers/index.html", "listing.html", title="Speakers", heading="Speakers",
                  section_title="Speakers", intro="Everyone quoted, by number of quotations.",
                  columns=["Speaker", "Quotations", "Outlets"],
                  rows=[[{"text": p["name"], "href": f"{slug}.html"},
                         {"text": len(p["quotes"])},
                         {"text": len({q["outlet"] for q in p["quotes"]})}]
                        for slug, p in sorted(speakers.items(),
                                              key=lambda kv: (-len(kv[1]["quotes"]), kv[0]))],
                  quotes=[])  # fmt: skip

        sources = aggregate.source_pages(analyses, self.slugs)
        for page in sources.values():
            rows = [[{"text": r["title"], "href": f"../articles/{r['id']}.html"},
                     {"text": r["outlet"]}, {"text": r["mentions"]}, {"text": r["links"]},
                     {"text": ", ".join(r["cues"])}] for r in page["articles"]]  # fmt: skip
            state = {True: "state-affiliated", False: "not state-affiliated", None: "unknown"}
            self.page(f"sources/{page['slug']}.html", "listing.html", title=page["name"],
                      heading=page["name"], section_title="Sources",
                      intro=" · ".join([page["type"].replace("_", " "),
                                        page["country"] or "country unknown",
                                        state[page["state_affiliated"]]]),
                      columns=["Article", "Outlet", "Mentions", "Links", "Cues"], rows=rows,
                      quotes=[])  # fmt: skip
        self.page("sources/index.html", "listing.html", title="Sources", heading="Sources cited",
                  section_title="Sources", intro="Every cited source, by number of articles.",
                  columns=["Source", "Type", "Country", "State-affiliated", "Articles"],
                  rows=[[{"text": p["name"], "href": f"{slug}.html"},
                         {"text": p["type"]}, {"text": p["country"] or "–"},
                         {"text": {True: "yes", False: "no", None: "?"}[p["state_affiliated"]]},
                         {"text": len(p["articles"])}]
                        for slug, p in sorted(sources.items(),
                                              key=lambda kv: (-len(kv[1]["articles"]), kv[0]))],
                  quotes=[])  # fmt: skip

    def data(self, analyses: list[ArticleAnalysis], errors: list[ReadError]) -> None:
        self.write("data/analysis.jsonl", analyses_jsonl(analyses))
        for name, make in DATA_FILES.items():
            self.write(f"data/{name}", make(analyses))
        self.write("data/errors.csv", errors_csv(errors))
        self.result.data = ["analysis.jsonl", *DATA_FILES, "errors.csv"]

    def render_pdfs(self) -> None:
        """WeasyPrint is the slow part of a build: with jobs > 1 the PDFs render in worker
        processes, and are written in the order they were queued."""
        tasks = [(html, css) for _path, html, css in self.pending_pdfs]
        paths = [path for path, _html, _css in self.pending_pdfs]
        self.pending_pdfs = []
        total = len(tasks)
        if self.options.jobs > 1 and total > 1:
            with ProcessPoolExecutor(max_workers=self.options.jobs) as pool:
                rendered = pool.map(_render_pdf_task, tasks)
                for done, (path, data) in enumerate(zip(paths, rendered, strict=True), start=1):
                    self.write(path, data)
                    self.progress(done, total, path)
        else:
            for done, (path, task) in enumerate(zip(paths, tasks, strict=True), start=1):
                self.write(path, _render_pdf_task(task))
                self.progress(done, total, path)

    def assets(self) -> None:
        for name in ("style.css", "print.css"):
            self.write(f"assets/{name}", stylesheet(name, self.options.templates))


def _render_pdf_task(task: tuple[str, list[str]]) -> bytes:
    html, css = task
    return render_pdf(html, css)


def quote_groups(a: ArticleAnalysis, slugs: CorpusSlugs) -> list[dict[str, Any]]:
    groups: dict[str | None, list] = {}
    for q in a.quotes:
        groups.setdefault(aggregate.named_speaker(a, q), []).append(q)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] is None, -len(kv[1]), kv[0] or ""))
    return [
        {"speaker": speaker, "slug": slugs.speaker(speaker) if speaker else None, "quotes": quotes}
        for speaker, quotes in ordered
    ]


def write_site(
    output: Path,
    analyses: list[ArticleAnalysis],
    errors: list[ReadError],
    files: int,
    options: SiteOptions,
    progress: Progress | None = None,
) -> SiteResult:
    slugs = CorpusSlugs.of(analyses)
    writer = SiteWriter(output, options, progress, slugs)
    writer.assets()
    writer.data(analyses, errors)
    for a in analyses:
        writer.article(a)
    corpus = aggregate.corpus_summary(analyses, files, slugs)
    for summary in corpus["outlets"]:
        writer.outlet(summary)
    writer.index(corpus, errors)
    writer.listings(analyses)
    writer.render_pdfs()
    return writer.result
