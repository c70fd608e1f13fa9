"""Which spaCy pipeline analyses which language, and loading it.

`auto` takes the best installed official pipeline for the language and falls back to the embedded
one (rules and gazetteers, plus the statistical NER shipped for the language, if any); `rules`
always takes the embedded one; any other value is a spaCy package name or a path to a saved
pipeline.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from ..lang import FALLBACK, profile
from ..resources import RESOURCE_DIR, load_source_kb
from .gazetteer_ruler import GazetteerRuler

# Official pipelines by preference, per language; "xx" serves every other language.
OFFICIAL_MODELS: dict[str, tuple[str, ...]] = {
    "de": ("de_core_news_lg", "de_core_news_md", "de_core_news_sm"),
    "en": ("en_core_web_lg", "en_core_web_md", "en_core_web_sm"),
    "xx": ("xx_ent_wiki_sm",),
}
# The statistical NER shipped per language: every `pipelines/<lang>_ner` folder (see training/).
EMBEDDED_NER = {
    path.name.removesuffix("_ner"): path
    for path in sorted((RESOURCE_DIR / "pipelines").glob("*_ner"))
    if path.is_dir()
}
GAZETTEER_DIR = RESOURCE_DIR / "gazetteers"
EMBEDDED_VERSION = "0.5.0"  # bump when the gazetteers, patterns or shipped NER change


@dataclass(frozen=True)
class PipelineChoice:
    lang: str
    kind: str  # official | embedded | custom
    target: str  # package name, path, or the embedded pipeline's name


def installed_official(lang: str) -> list[str]:
    names = OFFICIAL_MODELS.get(lang, OFFICIAL_MODELS["xx"])
    return [name for name in names if spacy.util.is_package(name)]


def choose_pipeline(lang: str, model: str = "auto") -> PipelineChoice:
    if model == "rules":
        return PipelineChoice(lang, "embedded", f"reportgen-{lang}")
    if model == "auto":
        installed = installed_official(lang)
        if installed:
            return PipelineChoice(lang, "official", installed[0])
        return PipelineChoice(lang, "embedded", f"reportgen-{lang}")
    return PipelineChoice(lang, "custom", model)


def gazetteer_files(lang: str) -> list[Path]:
    """`<lang>.jsonl`, `<lang>_*.jsonl` (places, people, organisations, token patterns) and
    `all*.jsonl`, in a stable order."""
    return [
        path
        for path in sorted(GAZETTEER_DIR.glob("*.jsonl"))
        if path.stem in (lang, "all") or path.stem.startswith((f"{lang}_", "all_"))
    ]


def _gazetteer_patterns(lang: str) -> list[dict]:
    """EntityRuler patterns: the gazetteers, German genitives of their names, and the aliases of
    the sources knowledge base. Single words listed in `lang/<lang>/ner_ambiguous.txt` (common
    nouns such as "Bild" or "Spiegel") are never matched on their own."""
    ambiguous = set(profile(lang).words("ner_ambiguous"))
    patterns: list[dict] = []
    phrases: set[str] = set()
    for path in gazetteer_files(lang):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            pattern = json.loads(line)
            if isinstance(pattern["pattern"], str):
                if pattern["pattern"] in ambiguous or pattern["pattern"] in phrases:
                    continue  # the first file that names a phrase decides its label
                pattern.setdefault("id", pattern["pattern"])
                phrases.add(pattern["pattern"])
            patterns.append(pattern)
            patterns.extend(_inflections(pattern, lang))
    patterns.extend(_given_name_patterns(lang))
    for entry in load_source_kb():
        label = "ORG" if entry["type"] != "social" else "MISC"
        for alias in entry["aliases"]:
            if alias not in phrases and alias not in ambiguous:
                phrases.add(alias)
                patterns.append({"label": label, "pattern": alias, "id": entry["name"]})
    return patterns


# A capitalised word that can be a surname: letters (with accents), apostrophes and hyphens.
_SURNAME = r"^[A-ZÄÖÜÀ-ÞŁŚŠŽČĆ][a-zäöüßà-ÿąćčęěłńňóřśšťůźżž'’-]+$"


def _given_name_patterns(lang: str) -> list[dict]:
    """A given name from `lang/<lang>/first_names.txt` (or two, or one and an initial) followed by
    a capitalised word is a person: "Oliver Herber", "Hans Werner Aufrecht", "John F. Kelly".
    The statistical NER alone often keeps only one of the two words."""
    given = sorted(profile(lang).words("first_names"))
    if not given:
        return []
    not_surnames = sorted(profile(lang).words("determiners") | set(given))
    surname = {"TEXT": {"REGEX": _SURNAME}, "LOWER": {"NOT_IN": not_surnames}}
    first = {"TEXT": {"IN": given}}
    return [
        {"label": "PER", "pattern": [first, {**first, "OP": "?"}, surname]},
        {"label": "PER", "pattern": [first, {"TEXT": {"REGEX": r"^[A-Z]\.$"}}, surname]},
    ]


def _inflections(pattern: dict, lang: str) -> list[dict]:
    """German genitives of names ("Moskaus", "Putins", "Robert Koch-Instituts"), pointing at the
    base form by id. Acronyms ("CDU") and names ending in a sibilant have none."""
    name = pattern["pattern"]
    if not profile(lang).names.genitive_s or not isinstance(name, str):
        return []
    if pattern["label"] not in ("PER", "LOC", "ORG"):
        return []
    if name.endswith(("s", "x", "z", "ß")) or not name[-1].isalpha():
        return []
    last = name.split()[-1].split("-")[-1]
    if pattern["label"] == "ORG" and (last.isupper() or not last[-1].islower()):
        return []
    forms = [{**pattern, "pattern": name + "s"}]
    names = profile(lang).names
    if names.org_genitive_es and pattern["label"] == "ORG" and last[-1] not in "aeiouy":
        forms.append({**pattern, "pattern": name + "es"})
    return forms


GAZETTEER_PIPE = "reportgen_gazetteers"


@Language.factory(GAZETTEER_PIPE, default_config={"lang": FALLBACK})
def make_gazetteer_ruler(nlp: Language, name: str, lang: str) -> GazetteerRuler:
    """An EntityRuler over the language's gazetteers, their genitives, given name + surname and
    the knowledge base's aliases; it never overwrites what an earlier component found."""
    ruler = GazetteerRuler(nlp, name, phrase_matcher_attr="ORTH", overwrite_ents=False)
    ruler.add_patterns(_gazetteer_patterns(lang))
    return ruler


def _add_shared_components(nlp: Language, lang: str, with_gazetteers: bool) -> Language:
    if not (nlp.has_pipe("parser") or nlp.has_pipe("senter") or nlp.has_pipe("sentencizer")):
        nlp.add_pipe("sentencizer", first=True)
    if with_gazetteers:
        # Before the statistical NER: the gazetteers win where both find a name.
        where = {"before": "ner"} if nlp.has_pipe("ner") else {}
        nlp.add_pipe(GAZETTEER_PIPE, config={"lang": lang}, **where)
    nlp.max_length = 10_000_000  # the analysis feeds text in chunks; this only guards the limit
    return nlp


def build_embedded(lang: str) -> Language:
    ner_path = EMBEDDED_NER.get(lang)
    if ner_path is not None and (ner_path / "meta.json").is_file():
        nlp = spacy.load(ner_path)
    else:
        try:
            nlp = spacy.blank(lang)
        except ImportError:
            nlp = spacy.blank("xx")
    nlp.meta["name"] = f"reportgen_{lang}"
    return _add_shared_components(nlp, lang, with_gazetteers=True)


@lru_cache(maxsize=8)
def load_pipeline(choice: PipelineChoice) -> Language:
    if choice.kind == "embedded":
        return build_embedded(choice.lang)
    target: str | Path = choice.target
    if choice.kind == "custom" and Path(choice.target).exists():
        target = Path(choice.target)
    nlp = spacy.load(target, exclude=["lemmatizer"])
    return _add_shared_components(nlp, choice.lang, with_gazetteers=False)


def embedded_ner_meta(lang: str) -> dict | None:
    """meta.json of the shipped statistical NER for `lang`, or None (rules only)."""
    path = EMBEDDED_NER.get(lang)
    if path is None or not (path / "meta.json").is_file():
        return None
    return json.loads((path / "meta.json").read_text(encoding="utf-8"))


def describe_embedded(lang: str) -> str:
    """One line for `reportgen models`: what the embedded pipeline of `lang` is made of."""
    meta = embedded_ner_meta(lang)
    if meta is None:
        return "rules and gazetteers only (EntityRuler; no statistical NER for this language)"
    sources = ", ".join(
        f"{source['name'].split(' (')[0].split(',')[0]} ({source['license']})"
        for source in meta.get("sources", [])
    )
    return (
        f"statistical NER {meta['name']} {meta['version']} (trained on {sources}) "
        "plus rules and gazetteers"
    )


def pipeline_info(choice: PipelineChoice, nlp: Language) -> dict[str, str]:
    """Which pipeline analysed an article: name, version, its components as loaded, spaCy."""
    return dict(_pipeline_info(choice, nlp))


@lru_cache(maxsize=8)
def _pipeline_info(choice: PipelineChoice, nlp: Language) -> dict[str, str]:
    # Cached: `nlp.meta` asks every component for its labels, which for the EntityRuler walks
    # every pattern; uncached that was a tenth of an article's analysis time.
    info = {
        "name": f"{nlp.meta.get('lang', choice.lang)}_{nlp.meta.get('name', choice.target)}",
        "version": str(nlp.meta.get("version", "unknown")),
        "components": "+".join(nlp.pipe_names),
        "spacy": spacy.__version__,
    }
    if choice.kind == "embedded":
        info["name"] = f"reportgen-embedded-{choice.lang}"
        info["version"] = EMBEDDED_VERSION
        meta = embedded_ner_meta(choice.lang)
        if meta is not None:
            info["ner"] = f"{meta['name']} {meta['version']}"
    return info
