"""Shared training runner for reportgen's embedded NER models (``training/ner_<lang>/train.py``).

Steps: the recipe's data -> DocBins (``nerdata.prepare``), optionally ``spacy pretrain`` of the
tok2vec on raw text (``--pretrain-text``, or ``--pretrain-on-training``: the words of the
training sentences), ``spacy train`` with ``training/ner.cfg`` and the
recipe's tuning split as dev corpus, then the best model installed into
``reportgen/resources/pipelines/<lang>_ner`` with the settings and data in ``meta.json``.

Resuming: every evaluation leaves ``model-last`` in the segment's output folder and the console
log in ``train.log``. Run the same command again and a cut-off run continues from the last
``model-last`` of the work folder (tok2vec and ner sourced from it) for the remaining steps in a
new segment ``output.rN``; a finished run is not trained again. ``spacy pretrain`` resumes from
its last saved epoch. The best ``model-best`` over all segments is installed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from nerdata import REPO, TRAINING, Recipe, _shown, prepare, read_source
from thinc.api import Config

CONFIG = TRAINING / "ner.cfg"
PIPELINES = REPO / "reportgen" / "resources" / "pipelines"
STEP_ROW = re.compile(r"^\s*\d+\s+(\d+)\s+[\d.]+\s+[\d.]+")


@dataclass
class Model:
    """What a language's train.py says about the model it builds."""

    name: str
    version: str
    description: str
    license: str
    sources: list[dict]
    tuning_split: str
    pretrain_sources: list[dict] = field(default_factory=list)  # listed when pretrained
    pretrain_license: str = ""  # appended to ``license`` when pretrained


def parse_args(argv: list[str] | None, defaults: dict, work: Path) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description="train and install reportgen's embedded NER")
    ap.add_argument("--data", type=Path, help="dataset folder (default ../shared/datasets/...)")
    ap.add_argument("--augment", type=int, default=0, help="mention-replaced copies")
    ap.add_argument("--steps", type=int, default=8000, help="training steps in total")
    ap.add_argument("--eval-frequency", type=int, default=500)
    ap.add_argument("--work", type=Path, default=work)
    ap.add_argument("--config", type=Path, default=CONFIG)
    ap.add_argument("--pretrain-text", type=Path, help="folder of raw .txt for spacy pretrain")
    ap.add_argument("--pretrain-on-training", action="store_true",
                    help="spacy pretrain on the words of the training sentences")
    ap.add_argument("--pretrain-epochs", type=int, default=8)
    ap.add_argument("--skip", action="append", default=[], help="leave out a training source")
    ap.add_argument("--fresh", action="store_true", help="ignore earlier segments in --work")
    ap.add_argument("--no-install", action="store_true")
    ap.add_argument("--no-pretrain", action="store_true", help="no spacy pretrain")
    ap.add_argument("overrides", nargs="*", help="extra `spacy train` overrides after --")
    ap.set_defaults(**defaults)
    args = ap.parse_args(argv)
    if args.no_pretrain:
        args.pretrain_text, args.pretrain_on_training = None, False
    return args


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONHASHSEED="0")


def _run_logged(cmd: list[str], log: Path) -> None:
    print("running:", " ".join(cmd), flush=True)
    with log.open("a", encoding="utf-8") as fh:
        subprocess.run(cmd, check=True, env=_env(), stdout=fh, stderr=subprocess.STDOUT)


def steps_logged(log: Path) -> int:
    """The last step the console logger reported (an evaluation, so model-last is at it)."""
    if not log.is_file():
        return 0
    rows = (STEP_ROW.match(line) for line in log.read_text().splitlines())
    return max((int(m.group(1)) for m in rows if m), default=0)


def segments(work: Path) -> list[Path]:
    found = [p for p in work.glob("output*") if p.is_dir()]
    return sorted(found, key=lambda p: int(p.suffix[2:]) if p.suffix.startswith(".r") else 0)


def segment_config(args: argparse.Namespace, lang: str, last: Path | None, steps: int) -> Path:
    """The config of the next segment: the shared config, or one that sources from ``last``."""
    cfg = Config().from_disk(args.config, interpolate=False)
    cfg["nlp"]["lang"] = lang
    cfg["training"]["max_steps"] = steps
    cfg["training"]["eval_frequency"] = args.eval_frequency
    if last is not None:
        for name in ("tok2vec", "ner"):
            cfg["components"][name] = {"source": str(last)}
        cfg["initialize"]["init_tok2vec"] = None
    path = args.work / f"config.{'resume' if last else 'main'}.cfg"
    cfg.to_disk(path)
    return path


def train_segments(args: argparse.Namespace, lang: str, init_tok2vec: Path | None) -> list[dict]:
    """Train until ``args.steps`` steps are done over all segments; one dict per segment."""
    done_steps = 0
    history = []
    for seg in segments(args.work):
        if not (seg / "model-last").is_dir():  # cut off before its first evaluation: redo it
            shutil.rmtree(seg)
            break
        n = steps_logged(seg / "train.log")
        finished = (seg / "DONE").is_file()
        minutes = json.loads((seg / "DONE").read_text())["minutes"] if finished else None
        history.append({"dir": seg.name, "steps": n, "finished": finished, "minutes": minutes})
        done_steps += n
        if finished:
            return history
    remaining = args.steps - done_steps
    if history and remaining <= 0:  # cut off after its last evaluation
        (args.work / history[-1]["dir"] / "DONE").write_text(json.dumps({"minutes": None}))
        history[-1]["finished"] = True
        return history
    last = None
    if history:
        last = args.work / history[-1]["dir"] / "model-last"
    out = args.work / ("output" if not history else f"output.r{len(history)}")
    out.mkdir(parents=True, exist_ok=True)
    cfg = segment_config(args, lang, last, remaining)
    cmd = [sys.executable, "-m", "spacy", "train", str(cfg), "--output", str(out)]
    cmd += ["--paths.train", str(args.work / "train.spacy")]
    cmd += ["--paths.dev", str(args.work / "tune.spacy")]
    if init_tok2vec is not None and last is None:
        cmd += ["--paths.init_tok2vec", str(init_tok2vec)]
    t0 = time.time()
    _run_logged(cmd + list(args.overrides), out / "train.log")
    minutes = round((time.time() - t0) / 60, 1)
    (out / "DONE").write_text(json.dumps({"minutes": minutes}))
    steps = steps_logged(out / "train.log")
    history.append({"dir": out.name, "steps": steps, "finished": True, "minutes": minutes})
    return history


def best_model(work: Path, history: list[dict]) -> tuple[Path, float]:
    scored = []
    for seg in history:
        meta = work / seg["dir"] / "model-best" / "meta.json"
        if meta.is_file():
            scored.append((json.loads(meta.read_text())["performance"]["ents_f"], seg["dir"]))
    if not scored:
        raise SystemExit("no model-best in any segment")
    f, name = max(scored)
    return work / name / "model-best", f


def folder_documents(folder: Path) -> Iterator[list[str]]:
    """Raw ``.txt`` articles (YAML front matter dropped), each as its list of paragraphs."""
    for path in sorted(folder.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text.split("\n---", 2)[-1]
        yield [" ".join(para.split()) for para in re.split(r"\n\s*\n", text)]


def training_documents(recipe: Recipe, block: int = 50) -> Iterator[list[str]]:
    """The words of the recipe's training sentences as raw text (no labels, no augmentation):
    blocks of ``block`` sentences, a sentence per paragraph."""
    for src in recipe.train:
        sentences = [" ".join(words) for words, _ in read_source(recipe.data_dir, src)]
        for start in range(0, len(sentences), block):
            yield sentences[start : start + block]


def write_raw_text(documents: Iterable[list[str]], out: Path, max_words: int = 300) -> dict:
    """Documents (lists of paragraphs) as JSONL chunks of paragraphs of ``max_words`` words."""
    n_docs = n_words = 0
    with out.open("w", encoding="utf-8") as fh:
        for paragraphs in documents:
            chunk: list[str] = []
            for para in paragraphs:
                chunk.append(para)
                if sum(len(c.split()) for c in chunk) >= max_words:
                    fh.write(json.dumps({"text": "\n".join(chunk)}) + "\n")
                    chunk = []
            if chunk:
                fh.write(json.dumps({"text": "\n".join(chunk)}) + "\n")
            n_docs += 1
            n_words += sum(len(para.split()) for para in paragraphs)
    return {"files": n_docs, "words": n_words}


def pretrain(args: argparse.Namespace, recipe: Recipe) -> tuple[Path, dict]:
    """``spacy pretrain`` (characters objective) of the tok2vec on ``--pretrain-text`` or, with
    ``--pretrain-on-training``, on the words of the training sentences; resumes from the last
    saved epoch."""
    out = args.work / "pretrain"
    out.mkdir(parents=True, exist_ok=True)
    raw = args.work / "raw_text.jsonl"
    info_path = out / "raw_text.json"
    if not info_path.is_file():
        if args.pretrain_text:
            source = _shown(args.pretrain_text)
            info = write_raw_text(folder_documents(args.pretrain_text), raw)
        else:
            source = "the training sentences, their words only"
            info = write_raw_text(training_documents(recipe), raw)
        info_path.write_text(json.dumps({"folder": source, **info}))
    info = json.loads(info_path.read_text())
    epochs = sorted(int(p.stem[5:]) for p in out.glob("model*.bin") if p.stem[5:].isdigit())
    cmd = [sys.executable, "-m", "spacy", "pretrain", str(args.config), str(out)]
    cmd += ["--paths.raw_text", str(raw), "--nlp.lang", recipe.lang]
    cmd += ["--pretraining.max_epochs", str(args.pretrain_epochs)]
    if epochs and epochs[-1] < args.pretrain_epochs - 1:
        cmd += ["--resume-path", str(out / f"model{epochs[-1]}.bin")]
        cmd += ["--epoch-resume", str(epochs[-1] + 1)]
    if not epochs or epochs[-1] < args.pretrain_epochs - 1:
        _run_logged(cmd, out / "pretrain.log")
        epochs = sorted(int(p.stem[5:]) for p in out.glob("model*.bin") if p.stem[5:].isdigit())
    info.update({"objective": "characters", "epochs": epochs[-1] + 1})
    return out / f"model{epochs[-1]}.bin", info


def _in_repository(path: Path) -> str:
    """A path as the settings record it: relative to the repository when inside it (a relative
    --config is taken from the working folder), else as given."""
    try:
        return str(path.resolve().relative_to(REPO))
    except ValueError:
        return str(path)


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def install(best: Path, target: Path, model: Model, reportgen_meta: dict) -> None:
    """Copy tokenizer, tok2vec and ner of ``best`` to ``target`` with reportgen's meta."""
    import spacy

    nlp = spacy.load(best)
    sources, license_ = model.sources, model.license
    if reportgen_meta["training"]["pretraining"]:
        sources, license_ = sources + model.pretrain_sources, license_ + model.pretrain_license
    for name in list(nlp.pipe_names):
        if name not in ("tok2vec", "ner"):
            nlp.remove_pipe(name)
    nlp.meta.update(
        name=model.name,
        version=model.version,
        description=model.description,
        license=license_,
        sources=sources,
        author="reportgen",
        url="",
        email="",
        spacy_version=">=3.8.0,<3.9.0",
    )
    nlp.meta["reportgen"] = reportgen_meta
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    print(f"installed {target} ({du(target) / 1e6:.1f} MB), components: {nlp.pipe_names}")


def main(recipe: Recipe, model: Model, defaults: dict, argv: list[str] | None = None) -> None:
    """Train and install; ``defaults`` are the settings of the shipped model (argparse names)."""
    lang = recipe.lang
    args = parse_args(argv, defaults, TRAINING / f"ner_{lang}" / "work")
    if args.data:
        recipe.data_dir = args.data
    recipe.train = [src for src in recipe.train if src.name not in args.skip]
    if args.fresh and args.work.exists():
        shutil.rmtree(args.work)
    data = prepare(recipe, args.work, args.augment)
    init, pretrain_info = None, None
    if args.pretrain_text or args.pretrain_on_training:
        init, pretrain_info = pretrain(args, recipe)
    history = train_segments(args, lang, init)
    best, f = best_model(args.work, history)
    print(f"best on the tuning split ({model.tuning_split}): ents_f {f:.4f} in {best}")
    settings = {
        "augment": args.augment,
        "skipped_sources": args.skip,
        "steps": args.steps,
        "eval_frequency": args.eval_frequency,
        "config": _in_repository(args.config),
        "overrides": args.overrides,
        "segments": history,
        "pretraining": pretrain_info,
    }
    (args.work / "settings.json").write_text(json.dumps(settings, indent=2))
    if not args.no_install:
        meta = {"training": settings, "data": data, "tuning_split": model.tuning_split}
        install(best, PIPELINES / f"{lang}_ner", model, meta)
