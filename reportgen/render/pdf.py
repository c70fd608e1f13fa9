"""PDFs with WeasyPrint, through a URL fetcher that refuses everything but the project's own
assets: article text is untrusted, and WeasyPrint would otherwise read local files (it embeds
`file://` targets of `<link rel="attachment">`) or fetch URLs.

Every PDF is PDF/A-3b. An archival PDF also carries its analysis as an embedded `analysis.json`
(handed to WeasyPrint as a string, never through the fetcher) and its provenance (tool version,
pipeline, input hash) in its keywords and in its XMP metadata.

Speed: the font configuration (Fontconfig reads every installed font when one is made) and the
parsed stylesheets are made once per process and shared by every document it renders
(`bench/scale/pdf.py` measures what that and print.css's choices buy)."""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache, partial
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree as ET

from weasyprint import CSS, HTML, Attachment
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from .templates import static_dir

# WeasyPrint logs each refused fetch; the refusal is the point, so keep the log quiet.
logging.getLogger("weasyprint").setLevel(logging.ERROR)

PDF_VARIANT = "pdf/a-3b"  # ISO 19005-3, level B: archivable, and may embed any file (PDF/A-3)
ATTACHMENT_NAME = "analysis.json"
# Dates written into the embedded file's entry: fixed, so the same input gives the same bytes.
ATTACHMENT_DATE = datetime(2000, 1, 1)
XMP_NAMESPACE = "http://ns.reportgen.invalid/provenance/1.0/"


class RefusedFetch(ValueError):
    pass


class AssetOnlyFetcher(URLFetcher):
    """Serves `data:` URLs and files inside the built-in static folder; refuses the rest."""

    def __init__(self, allowed_dir: Path | None = None) -> None:
        super().__init__(allowed_protocols={"data", "file"}, timeout=1)
        self.allowed_dir = (allowed_dir or static_dir()).resolve()

    def fetch(self, url: str, headers: dict | None = None):  # noqa: ANN201 - WeasyPrint's type
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = Path(unquote(urlsplit(url).path)).resolve()
            if self.allowed_dir in path.parents:
                return super().fetch(url, headers)
        raise RefusedFetch(f"reportgen does not fetch {url!r} for PDFs")


@dataclass(frozen=True)
class PdfArchive:
    """What an archival PDF carries besides its pages (plain data: it travels to workers)."""

    kind: str  # article, outlet or corpus
    analysis_json: str  # embedded as analysis.json, byte for byte
    description: str  # the embedded file's description
    version: str  # reportgen's
    pipeline: str  # "name version" of the NLP pipeline(s) behind the analysis
    input_sha256: str  # see render/archive.py for what is hashed

    @property
    def analysis_sha256(self) -> str:
        return hashlib.sha256(self.analysis_json.encode("utf-8")).hexdigest()

    def properties(self) -> list[tuple[str, str, str]]:
        """(XMP property, value, what it is) in a fixed order."""
        return [
            ("kind", self.kind, "What the PDF reports on: article, outlet or corpus"),
            ("version", self.version, "Version of reportgen that made the PDF"),
            ("pipeline", self.pipeline, "NLP pipeline(s) behind the analysis, name and version"),
            ("inputSHA256", self.input_sha256, "SHA-256 of the analysed input text(s)"),
            ("analysisSHA256", self.analysis_sha256, "SHA-256 of the embedded analysis.json"),
        ]

    def keywords(self) -> list[str]:
        return [f"reportgen {self.version}", f"pipeline {self.pipeline}",
                f"input sha256 {self.input_sha256}"]  # fmt: skip


def _process_state(stylesheets: tuple[str, ...]) -> tuple[FontConfiguration, URLFetcher, list]:
    """The font configuration, fetcher and parsed stylesheets of this process (a forked
    worker makes its own rather than share the parent's Pango objects)."""
    return _shared_state(os.getpid(), stylesheets)


@lru_cache(maxsize=4)
def _shared_state(
    _pid: int, stylesheets: tuple[str, ...]
) -> tuple[FontConfiguration, URLFetcher, list]:
    fonts, fetcher = _fonts_and_fetcher(_pid)
    return fonts, fetcher, _parse(stylesheets, fonts, fetcher)


@lru_cache(maxsize=2)
def _fonts_and_fetcher(_pid: int) -> tuple[FontConfiguration, URLFetcher]:
    return FontConfiguration(), AssetOnlyFetcher()


def _fresh_state(stylesheets: tuple[str, ...]) -> tuple[FontConfiguration, URLFetcher, list]:
    """What every document made for itself before the state was shared (the baseline)."""
    fonts, fetcher = FontConfiguration(), AssetOnlyFetcher()
    return fonts, fetcher, _parse(stylesheets, fonts, fetcher)


def _parse(stylesheets: tuple[str, ...], fonts: FontConfiguration, fetcher: URLFetcher) -> list:
    return [CSS(string=text, url_fetcher=fetcher, font_config=fonts) for text in stylesheets]


def render_pdf(
    html: str,
    stylesheets: list[str],
    archive: PdfArchive | None = None,
    *,
    reuse: bool = True,
    pdf_variant: str | None = PDF_VARIANT,
) -> bytes:
    """The PDF of one page. `stylesheets` are CSS texts (the pages' <link>s are not fetched).
    `reuse=False` makes the fonts and stylesheets anew, as before they were shared (same bytes,
    slower); `pdf_variant=None` writes a plain PDF (for the benchmark's comparison)."""
    # fontTools stamps subset fonts with the current time unless SOURCE_DATE_EPOCH is set; a
    # fixed stamp keeps the same input giving byte-identical PDFs.
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    state = _process_state if reuse else _fresh_state
    fonts, fetcher, css = state(tuple(stylesheets))
    # No base URL: the pages' relative links stay relative in the PDF (a base inside the
    # checkout would turn them into file:// links that name the local path and differ from one
    # machine to the next); nothing the pages show is fetched from a relative URL.
    page = HTML(string=html, base_url=None, url_fetcher=fetcher)
    options: dict[str, Any] = {"pdf_variant": pdf_variant} if pdf_variant else {}
    document = page.render(font_config=fonts, stylesheets=css, **options)
    if archive is None:
        return document.write_pdf(**options)
    document.metadata.keywords = archive.keywords()
    attachment = Attachment(
        string=archive.analysis_json.encode("utf-8"),
        name=ATTACHMENT_NAME,
        description=archive.description,
        created=ATTACHMENT_DATE,
        modified=ATTACHMENT_DATE,
        relationship="Data",
    )
    return document.write_pdf(
        attachments=[attachment], finisher=partial(_add_provenance, archive), **options
    )


def provenance_xmp(archive: PdfArchive) -> bytes:
    """rdf:Description elements for the XMP packet: the reportgen properties, and the PDF/A
    extension schema that declares them (PDF/A admits only described XMP properties)."""
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    ext = "http://www.aiim.org/pdfa/ns/extension/"
    schema = "http://www.aiim.org/pdfa/ns/schema#"
    prop = "http://www.aiim.org/pdfa/ns/property#"
    for prefix, uri in (("pdfaExtension", ext), ("pdfaSchema", schema),
                        ("pdfaProperty", prop), ("reportgen", XMP_NAMESPACE)):  # fmt: skip
        ET.register_namespace(prefix, uri)
    about = {f"{{{rdf}}}about": ""}
    resource = {f"{{{rdf}}}parseType": "Resource"}

    declared = ET.Element(f"{{{rdf}}}Description", about)
    bag = ET.SubElement(ET.SubElement(declared, f"{{{ext}}}schemas"), f"{{{rdf}}}Bag")
    entry = ET.SubElement(bag, f"{{{rdf}}}li", resource)
    ET.SubElement(entry, f"{{{schema}}}schema").text = "reportgen provenance"
    ET.SubElement(entry, f"{{{schema}}}namespaceURI").text = XMP_NAMESPACE
    ET.SubElement(entry, f"{{{schema}}}prefix").text = "reportgen"
    seq = ET.SubElement(ET.SubElement(entry, f"{{{schema}}}property"), f"{{{rdf}}}Seq")
    values = ET.Element(f"{{{rdf}}}Description", about)
    for name, value, meaning in archive.properties():
        item = ET.SubElement(seq, f"{{{rdf}}}li", resource)
        for field, text in (("name", name), ("valueType", "Text"), ("category", "external"),
                            ("description", meaning)):  # fmt: skip
            ET.SubElement(item, f"{{{prop}}}{field}").text = text
        ET.SubElement(values, f"{{{XMP_NAMESPACE}}}{name}").text = value
    return b"".join(ET.tostring(element, encoding="utf-8", xml_declaration=False)
                    for element in (declared, values))  # fmt: skip


def _add_provenance(archive: PdfArchive, _document: Any, pdf: Any) -> None:
    """A write_pdf finisher (it runs once the PDF/A structure is made): puts the provenance
    inside the XMP packet's rdf:RDF (WeasyPrint's `xmp_metadata` option would add it after
    rdf:RDF, and fetch it by URL)."""
    number = int(pdf.catalog["Metadata"].split()[0])
    stream = pdf.objects[number]
    packet = b"".join(part if isinstance(part, bytes) else str(part).encode()
                      for part in stream.stream)  # fmt: skip
    if packet.count(b"</rdf:RDF>") != 1:
        raise ValueError("unexpected XMP packet from WeasyPrint: no single rdf:RDF")
    stream.stream = [packet.replace(b"</rdf:RDF>", provenance_xmp(archive) + b"</rdf:RDF>")]
    # WeasyPrint 70 lists each embedded file twice in the catalog's /AF; once is what PDF/A-3
    # means (the file's associated-file entry).
    if "AF" in pdf.catalog:
        pdf.catalog["AF"] = type(pdf.catalog["AF"])(dict.fromkeys(pdf.catalog["AF"]))
