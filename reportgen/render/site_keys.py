"""The two keys a site is kept by between builds (`cache.sites.SiteState`): the site key, known
once the data exports are written (they hold every analysis and error), and the inputs key,
known as soon as every article's analysis cache key is (what the analyses are made from). A
build whose inputs key matches the last one's keeps the site without reading an analysis."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache.sites import site_key
from ..model import ReadError
from .templates import builtin_template_dir

if TYPE_CHECKING:
    from .site import SiteOptions


def template_folders(options: SiteOptions) -> list[Path]:
    return [builtin_template_dir(), *([options.templates] if options.templates else [])]


def _settings(options: SiteOptions, files: int) -> str:
    return json.dumps(
        [options.corpus_name, options.pdf, files, [asdict(item) for item in options.skipped],
         options.search, options.min_mentions, options.listing_rows, repr(options.reuse)]
    )  # fmt: skip


def key_of(data_digest: str, options: SiteOptions, files: int) -> str:
    """Everything the pages are made of: `data_digest` (of the data exports, or of the inputs
    of the analyses), the settings, the code and the template folders."""
    return site_key(data_digest, _settings(options, files), template_folders(options))


def inputs_digest(corpus_key: str, errors: list[ReadError]) -> str:
    """What a build's analyses after the corpus passes are made from, given the code and the
    reuse options: the analysis cache key of every article in order (`corpus_key`) and the
    inputs that were not read."""
    text = json.dumps([corpus_key, [asdict(error) for error in errors]])
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()
