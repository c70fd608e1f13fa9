"""One article's report outside a site: a standalone HTML file (styles inline) and a PDF."""

from __future__ import annotations

from ..model import ArticleAnalysis
from ..slugs import CorpusSlugs
from .archive import article_archive
from .families.article import quote_groups
from .highlight import block_pieces
from .pdf import render_pdf
from .templates import environment, stylesheet


def _render(a: ArticleAnalysis, pdf_mode: bool) -> str:
    slugs = CorpusSlugs.of([a])
    return (
        environment()
        .get_template("article.html")
        .render(
            root="",
            corpus_name=a.outlet,
            title=a.title or a.id,
            a=a,
            outlet_slug=a.id.split("/", 1)[0],
            segments=block_pieces(a),
            quote_groups=quote_groups(a, slugs),
            source_slug=slugs.source,
            pdf_mode=True,  # no stylesheet links: the file must stand alone
            pdf_href=None,
            pdf_name=None,
            standalone_css=None if pdf_mode else stylesheet("style.css"),
        )
    )


def article_html(a: ArticleAnalysis) -> str:
    return _render(a, pdf_mode=False)


def article_pdf(a: ArticleAnalysis) -> bytes:
    css = [stylesheet("style.css"), stylesheet("print.css")]
    return render_pdf(_render(a, pdf_mode=True), css, article_archive(a))
