"""The corpus overview (and the corpus PDF)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..archive import summary_archive
from ..exports import DATA_FILES
from . import SiteData, page_family

if TYPE_CHECKING:
    from ..site import SiteWriter


@page_family("index", order=30)
def index_page(writer: SiteWriter, site: SiteData) -> None:
    name = writer.options.corpus_name
    pdf_on = writer.options.pdf
    archive = summary_archive("corpus", name, site.corpus, site.analyses) if pdf_on else None
    writer.page(
        "index.html",
        "index.html",
        pdf="pdf/corpus.pdf",
        pdf_archive=archive,
        title=name,
        c=site.corpus,
        errors=site.errors,
        skipped=writer.options.skipped,
        reuse_on=writer.options.reuse.reuse,
        data_files=["analysis.jsonl", *DATA_FILES, "errors.csv"],
    )
