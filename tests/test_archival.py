"""Archival PDFs: PDF/A-3b, each carrying its analysis as analysis.json and its provenance in
the XMP metadata; fonts embedded; the same bytes whatever else the process rendered before.

veraPDF is not available here (not on PyPI or in Debian), so conformance is checked by these
properties, not by a validator."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pypdf

from reportgen import __version__, aggregate
from reportgen.build import BuildResult
from reportgen.render.exports import summary_json
from reportgen.render.families import SiteData
from reportgen.render.families.article import article_pages
from reportgen.render.families.entities import entities_with_pages
from reportgen.render.pdf import XMP_NAMESPACE, render_pdf
from reportgen.render.site import SiteOptions, SiteWriter
from reportgen.slugs import CorpusSlugs

RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
PDFAID = "{http://www.aiim.org/pdfa/ns/id/}"


def xmp_tree(reader: pypdf.PdfReader) -> ET.Element:
    packet = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    return ET.fromstring(packet[packet.index(b"<x:xmpmeta") : packet.rindex(b"</x:xmpmeta>") + 12])


def xmp_values(reader: pypdf.PdfReader) -> dict[str, str]:
    """Attributes and simple elements of every rdf:Description, by their {namespace}name."""
    values: dict[str, str] = {}
    for description in xmp_tree(reader).iter(f"{RDF}Description"):
        values.update(description.attrib)
        values.update({child.tag: child.text or "" for child in description if len(child) == 0})
    return values


def embedded(reader: pypdf.PdfReader) -> bytes:
    assert list(reader.attachments) == ["analysis.json"]
    [data] = reader.attachments["analysis.json"]
    return data


def test_article_pdfs_carry_their_line_of_analysis_jsonl(
    built_site: tuple[Path, BuildResult],
) -> None:
    site, result = built_site
    lines = (site / "data" / "analysis.jsonl").read_text(encoding="utf-8").splitlines()
    by_id = {json.loads(line)["id"]: line for line in lines}
    assert len(by_id) == len(result.analyses) > 0
    for a in result.analyses:
        reader = pypdf.PdfReader(site / "pdf" / "articles" / f"{a.id}.pdf")
        data = embedded(reader)
        assert data.decode("utf-8") == by_id[a.id]  # byte for byte, not merely equal JSON
        values = xmp_values(reader)
        assert values[f"{PDFAID}part"] == "3" and values[f"{PDFAID}conformance"] == "B"
        ns = f"{{{XMP_NAMESPACE}}}"
        assert values[f"{ns}kind"] == "article"
        assert values[f"{ns}version"] == __version__
        assert values[f"{ns}pipeline"] == f"{a.pipeline['name']} {a.pipeline['version']}"
        assert values[f"{ns}inputSHA256"] == hashlib.sha256(a.text.encode()).hexdigest()
        assert values[f"{ns}analysisSHA256"] == hashlib.sha256(data).hexdigest()
        assert f"reportgen {__version__}" in reader.metadata["/Keywords"]


def test_outlet_and_corpus_pdfs_carry_their_aggregates(
    built_site: tuple[Path, BuildResult],
) -> None:
    site, result = built_site
    corpus = aggregate.corpus_summary(result.analyses, result.files)
    reader = pypdf.PdfReader(site / "pdf" / "corpus.pdf")
    assert json.loads(embedded(reader)) == json.loads(summary_json(corpus))
    assert xmp_values(reader)[f"{{{XMP_NAMESPACE}}}kind"] == "corpus"
    groups = aggregate.outlet_groups(result.analyses)
    for overview in corpus["outlets"]:
        members = [result.analyses[i] for i in groups[overview["name"]]]
        outlet = aggregate.outlet_summary(overview["name"], members)
        assert {**outlet, **overview} == outlet  # the corpus keeps the outlet's figures
        reader = pypdf.PdfReader(site / "pdf" / "outlets" / f"{outlet['slug']}.pdf")
        assert json.loads(embedded(reader)) == json.loads(summary_json(outlet))
        assert xmp_values(reader)[f"{{{XMP_NAMESPACE}}}kind"] == "outlet"


def test_pdfs_are_pdfa_with_fonts_embedded_and_nothing_external(
    built_site: tuple[Path, BuildResult],
) -> None:
    site, _ = built_site
    pdfs = sorted((site / "pdf").rglob("*.pdf"))
    assert len(pdfs) >= 3
    for path in pdfs:
        reader = pypdf.PdfReader(path)
        assert reader.pdf_header == "%PDF-1.7"
        root = reader.trailer["/Root"]
        [intent] = root["/OutputIntents"]
        assert intent.get_object()["/S"] == "/GTS_PDFA1"
        [file_ref] = root["/AF"]
        spec = file_ref.get_object()
        assert spec["/AFRelationship"] == "/Data" and spec["/UF"] == "analysis.json"
        assert spec["/EF"]["/F"].get_object()["/Subtype"] == "/application/json"
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                descendant = font.get_object()["/DescendantFonts"][0].get_object()
                assert "/FontFile2" in descendant["/FontDescriptor"], path
            for annotation in page.get("/Annots") or []:
                action = annotation.get_object().get("/A") or {}
                assert action.get("/S") in (None, "/URI", "/GoTo"), path
                assert "://" not in str(action.get("/URI", "")), path  # relative links only


def test_shared_fonts_and_stylesheets_give_the_bytes_of_a_fresh_render(
    built_site: tuple[Path, BuildResult], tmp_path: Path
) -> None:
    """The build renders every PDF of a process with one FontConfiguration and one parsed
    stylesheet set, after other documents; rendering one alone, everything fresh, must give the
    same bytes (font subsets, names and metrics do not leak from one document to the next)."""
    site, result = built_site
    slugs = CorpusSlugs.of(result.analyses)
    writer = SiteWriter(tmp_path / "again", SiteOptions(pdf=True), slugs=slugs)
    # as write_site does: entities mentioned too rarely are named without a link
    writer.linked_entities = entities_with_pages(result.analyses, writer.options.min_mentions)
    article_pages(writer, SiteData(result.analyses, [], {}, writer.slugs))
    for path, html, css, archive in reversed(writer.pending_pdfs):
        fresh = render_pdf(html, css, archive, reuse=False)
        assert fresh == (site / path).read_bytes(), path
