"""What an article's analysis depends on, as hashes: the key of its cache entry.

An analysis is a function of five things, each hashed on its own so that a miss can say which
one changed: the reportgen code that analyses (its version and the source of the packages the
analysis runs), the language data (every file under `reportgen/resources` except the shipped
pipelines), the NLP pipeline of the article's language (name, version, the model's files), the
settings that change an analysis (limits, model choice) and the article itself (every field of
its `Document`, which is what the readers made of the input bytes).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, astuple, dataclass, fields
from functools import cache, cached_property
from pathlib import Path

import spacy

from .. import __version__
from ..analyze.pipeline import EMBEDDED_NER, EMBEDDED_VERSION, choose_pipeline
from ..limits import Limits
from ..model import SCHEMA_VERSION, Document
from ..resources import RESOURCE_DIR
from . import hash_files

PACKAGE_DIR = Path(__file__).resolve().parents[1]
# Packages and modules whose code does not analyse an article: changing them must not throw
# the analyses away. Anything else in the package (a new module too) counts as analysis code,
# which errs on the safe side. The readers are left out because their output, the Document, is
# part of the key itself; the corpus passes because they run over every build's analyses
# (tests/test_cache.py checks that analysing an article imports none of these).
NOT_ANALYSIS_CODE = frozenset(
    {"ingest", "render", "cache", "aggregate.py", "build.py", "api.py", "cli.py", "serve.py",
     "output.py", "config.py", "workers.py", "contract.py", "__main__.py", "cli_options.py",
     "aggregate_reuse.py", "aggregate_time.py", "executors.py", "progress.py", "rowstore.py",
     "spool.py", "slugs.py", "reuse_options.py", "analyze/corpus_entities.py",
     "analyze/fingerprint.py", "analyze/reuse.py", "analyze/reuse_index.py"}
)  # fmt: skip
# The order in which a miss is explained: the first part that differs is the reason.
REASONS = {
    "code": "reportgen changed",
    "language_data": "language data changed",
    "pipeline": "pipeline changed",
    "settings": "settings changed",
    "input": "input changed",
}


def _files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts]


def is_analysis_code(path: Path) -> bool:
    relative = path.relative_to(PACKAGE_DIR)
    return not {relative.parts[0], relative.as_posix()} & NOT_ANALYSIS_CODE


@cache
def code_fingerprint() -> str:
    """reportgen's version and the source of the code that analyses an article."""
    sources = [path for path in PACKAGE_DIR.rglob("*.py") if is_analysis_code(path)]
    return f"{__version__}:{SCHEMA_VERSION}:{hash_files(sources, PACKAGE_DIR)}"


@cache
def language_data_fingerprint() -> str:
    """Every data file the analysis may read: language lists, gazetteers, the sources KB."""
    pipelines = RESOURCE_DIR / "pipelines"
    files = [
        p for p in _files_under(RESOURCE_DIR) if pipelines not in p.parents and p.suffix != ".py"
    ]
    return hash_files(files, RESOURCE_DIR)


@cache
def pipeline_fingerprint(lang: str, model: str) -> str:
    """The pipeline `analyze` would load for `lang`: its kind, name, version and files."""
    choice = choose_pipeline(lang, model)
    parts = [choice.kind, choice.target, f"spacy {spacy.__version__}"]
    if choice.kind == "embedded":
        ner = EMBEDDED_NER.get(lang)
        parts += [EMBEDDED_VERSION, hash_files(_files_under(ner), ner) if ner else "no NER"]
    else:
        folder = _pipeline_folder(choice.target)
        parts.append(hash_files(_files_under(folder), folder) if folder else "not found")
    return "|".join(parts)


def _pipeline_folder(target: str) -> Path | None:
    if Path(target).is_dir():
        return Path(target)
    if spacy.util.is_package(target):
        return spacy.util.get_package_path(target)
    return None


def settings_fingerprint(model: str, limits: Limits) -> str:
    names = [item.name for item in fields(limits)]
    return json.dumps({"model": model, **dict(zip(names, astuple(limits), strict=True))})


def document_fingerprint(document: Document) -> str:
    data = json.dumps(asdict(document), sort_keys=True, default=str)  # ASCII: any code point
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def analysis_lang(document: Document) -> str:
    """The language `analyze` takes for the document (its rule, kept next to the key)."""
    return (document.lang or "en").lower()


@dataclass(frozen=True)
class KeyParts:
    code: str
    language_data: str
    pipeline: str
    settings: str
    input: str

    @cached_property  # asked for several times per article by a build
    def key(self) -> str:
        text = json.dumps(asdict(self), sort_keys=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def reason_against(self, previous: dict[str, str] | None) -> str:
        """Why an entry made with `previous` parts cannot serve these parts."""
        if previous is None:
            return "new input"
        for name, reason in REASONS.items():
            if previous.get(name) != getattr(self, name):
                return reason
        return "not in the cache"


def key_parts(document: Document, model: str, limits: Limits) -> KeyParts:
    return KeyParts(
        code=code_fingerprint(),
        language_data=language_data_fingerprint(),
        pipeline=pipeline_fingerprint(analysis_lang(document), model),
        settings=settings_fingerprint(model, limits),
        input=document_fingerprint(document),
    )
