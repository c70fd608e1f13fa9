"""Text reuse: body passages that two articles of the corpus share, near-verbatim.

A corpus pass, after the outlet fingerprint (paragraphs an outlet repeats on every page are
boilerplate by then, so a shared page template is not reuse). Only the words of body and lead
paragraphs count. They are read as windows of 40 words (every 20 words, across the paragraph
breaks of one body but never across a block of another kind): one outlet's two long paragraphs
are another's ten short ones, and whole paragraphs would then never look alike. Each window
becomes a set of word 5-grams ("shingles") and a MinHash signature (`datasketch`, fixed seed).
Two windows are candidates when one band of their signatures is equal, as a MinHash LSH index
would answer (`reuse_index.py` finds them by sorting each band's keys, kept on disk): the cost
grows with the text and the true matches, not with the pairs of articles. A candidate is kept
when the exact Jaccard similarity of the two shingle sets reaches `reuse_threshold`. Two
articles with a kept pair of windows are then aligned word by word (`reuse_align.py`: difflib's
SequenceMatcher over their body words, read again from the analyses), and each run of aligned
words of at least `reuse_min_words` words is a shared passage, with its offsets in both texts.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Protocol, TypeVar

import numpy as np

from ..model import BODY_KINDS, ArticleAnalysis, SharedPassage
from ..reuse_options import DEFAULT_REUSE, ReuseOptions
from ..rowstore import RowStore
from ..spool import ids_of
from ..text.dates import parse_iso
from .reuse_align import Alignment, AlignmentStore, Body, alignments, body_of, pair_key
from .reuse_index import BodyWindows, Pairs, Sketch, WindowIndex, Windows
from .source_kb import lookup_domain

SHINGLE_WORDS = 5
WINDOW_WORDS = 40
WINDOW_STEP = 20  # two copies of a text have windows at most 10 words apart: Jaccard >= 0.56
PERMUTATIONS = 128
LSH_MARGIN = 0.8
SEED = 20240601  # fixed: the same corpus gives the same signatures, candidates and output
# Near-copies of one window in at least this many articles of one outlet (as many as the
# fingerprint asks of exact repeats) are the outlet's furniture (a disclaimer in three
# wordings, an app or magazine advert), recurring by design and not reuse: the fingerprint
# takes out only exact repeats, and only those in a quarter of an outlet's pages. The price: an
# outlet's own article run three times over is not listed either.
FURNITURE_ARTICLES = 3
READER_KEEPS = 64  # analyses the comparison keeps read (and their bodies)


def windows_of(body: Body, min_words: int) -> BodyWindows:
    """The body's shingles (word 5-grams) and windows (none for a body under `min_words`)."""
    tokens = [w[2] for w in body.words]
    if len(tokens) < min_words:
        return BodyWindows([], [], [])
    shingles = [
        " ".join(tokens[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(tokens) - SHINGLE_WORDS + 1)
    ]
    last = max(0, len(tokens) - WINDOW_WORDS)
    firsts = sorted({*range(0, last + 1, WINDOW_STEP), last})
    ends = [min(first + WINDOW_WORDS, len(tokens)) - SHINGLE_WORDS + 1 for first in firsts]
    return BodyWindows(shingles, firsts, ends)


def furniture(windows: Windows, pairs: Pairs, outlets: np.ndarray) -> set[int]:
    """The windows whose near-copies within their own outlet (chained: each variant like the
    next) occur in at least FURNITURE_ARTICLES of the outlet's articles. `outlets`: a code
    for each article's outlet."""
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        while parent.setdefault(i, i) != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    same = outlets[windows.articles[pairs.earlier]] == outlets[windows.articles[pairs.later]]
    linked = zip(pairs.earlier[same].tolist(), pairs.later[same].tolist(), strict=True)
    for earlier, later in linked:
        parent[root(later)] = root(earlier)
    articles: dict[int, set[int]] = defaultdict(set)
    for i in parent:
        articles[root(i)].add(int(windows.articles[i]))
    return {i for i in parent if len(articles[root(i)]) >= FURNITURE_ARTICLES}


def date_order(this: str | None, other: str | None) -> str:
    """`this` date against `other`: earlier, later, same, or unknown when either is missing.
    Two times are compared when both dates give one (and both or neither give a zone), else
    the days."""
    a, b = parse_iso(this), parse_iso(other)
    if a is None or b is None:
        return "unknown"
    if type(a) is not type(b) or (getattr(a, "tzinfo", None) is None) != (
        getattr(b, "tzinfo", None) is None
    ):
        a, b = (x.date() if hasattr(x, "hour") else x for x in (a, b))
    return "same" if a == b else ("earlier" if a < b else "later")


@cache
def _outlet_source(outlet: str) -> str | None:
    """The knowledge base's source for an outlet named by its site ("de.rt.com" -> RT)."""
    entry = lookup_domain(outlet.casefold())
    return entry.name if entry else None


@dataclass(frozen=True)
class _Article:
    """What the pass keeps of each analysis while it compares them (not the whole analysis:
    a build's analyses stay on disk and are read one at a time)."""

    id: str
    outlet: str
    date: str | None
    text: str
    cited: frozenset[str]  # names of the sources it cites

    @classmethod
    def of(cls, a: ArticleAnalysis) -> _Article:
        cited = frozenset(s.name for s in a.sources if s.cited)
        return cls(a.id, a.outlet, a.date, a.text, cited)


def _cites(a: _Article, outlet: str) -> bool:
    """Whether `a` cites the other article's outlet as a source ("laut RT", a link to it)."""
    name = _outlet_source(outlet)
    return name is not None and name in a.cited


def _passage(
    a: _Article, b: _Article, spans: tuple[int, int, int, int], words: int, similarity: float
) -> SharedPassage:
    start, end, other_start, other_end = spans
    return SharedPassage(
        start=start, end=end, text=a.text[start:end], other_id=b.id, other_outlet=b.outlet,
        other_date=b.date, other_start=other_start, other_end=other_end, words=words,
        similarity=similarity, order=date_order(a.date, b.date), cited=_cites(a, b.outlet),
    )  # fmt: skip


@dataclass
class ReuseCounts:
    """What the pass did, for the benchmark."""

    windows: int = 0  # indexed
    candidates: int = 0  # pairs of windows the LSH index and the exact check kept
    furniture: int = 0  # windows set aside as an outlet's near-duplicate furniture
    passages: int = 0  # shared passages (each once)
    article_pairs: int = 0  # pairs of articles that share at least one passage
    sharing: list[int] = field(default_factory=list)  # indexes of the analyses with passages


def _article_pairs(
    windows: Windows, pairs: Pairs, template: set[int]
) -> dict[tuple[int, int], float]:
    """(earlier article, later article) -> the best Jaccard similarity of their kept windows."""
    best: dict[tuple[int, int], float] = {}
    outside = ~np.isin(pairs.earlier, list(template)) & ~np.isin(pairs.later, list(template))
    a_of, b_of = windows.articles[pairs.earlier[outside]], windows.articles[pairs.later[outside]]
    similarities = pairs.similarity[outside].tolist()
    for i, j, similarity in zip(a_of.tolist(), b_of.tolist(), similarities, strict=True):
        best[(i, j)] = max(best.get((i, j), 0.0), similarity)
    return best


class SketchStore(Protocol):
    """Where the sketches of bodies seen before are kept (`cache.reuse.KeptSketches`), by a
    hash of what a body's sketch is made of (`sketch_key`)."""

    def get(self, key: str) -> Sketch | None: ...
    def put(self, key: str, sketch: Sketch) -> None: ...


def sketch_key(a: ArticleAnalysis, min_words: int) -> str:
    """What `body_of` and `windows_of` make an article's windows of: its text, which of its
    blocks are body and where they are, and the shortest body with windows."""
    digest = hashlib.sha256(f"{min_words}\0".encode())
    digest.update(a.text.encode("utf-8", "surrogatepass"))
    bounds = [(b.start, b.end, b.kind in BODY_KINDS) for b in a.blocks]
    digest.update(repr(bounds).encode("ascii"))
    return digest.hexdigest()


def _sketch(
    a: ArticleAnalysis, index: WindowIndex, min_words: int, sketches: SketchStore | None, key: str
) -> Sketch:
    sketch = sketches.get(key) if sketches else None
    if sketch is None:
        sketch = index.sketch(windows_of(body_of(a), min_words))
        if sketches:
            sketches.put(key, sketch)
    return sketch


def find_reuse(
    analyses: Sequence[ArticleAnalysis],
    options: ReuseOptions = DEFAULT_REUSE,
    sketches: SketchStore | None = None,
    aligned: AlignmentStore | None = None,
) -> ReuseCounts:
    """Set every analysis' `reuse` (each shared passage is listed in both articles) and store
    back the analyses that changed. Off (`options.reuse` false): all empty. The windows'
    band keys and the passages found wait on disk, beside a spool's file; `sketches` and
    `aligned`: the windows of bodies and the alignments of pairs of bodies seen in earlier
    builds, taken from there instead of made again."""
    counts = ReuseCounts()
    ids = ids_of(analyses)
    order = sorted(range(len(analyses)), key=ids.__getitem__)
    folder = getattr(analyses, "folder", None)
    with RowStore(folder) as found:  # position in `order` -> its passages
        # the positions whose `reuse` may change: all, unless the comparison read every
        # analysis anyway (then those it found passages for, and those that held some before)
        held: set[int] | None = None
        if options.reuse and len(analyses) >= 2:
            index = WindowIndex(_lsh_threshold(options), PERMUTATIONS, SEED, folder)
            outlets, keys, held = [], [], set()
            for position, at in enumerate(order):
                a = analyses[at]
                outlets.append(a.outlet)
                keys.append(sketch_key(a, options.reuse_min_words) if sketches or aligned else "")
                sketch = _sketch(a, index, options.reuse_min_words, sketches, keys[-1])
                index.add(position, sketch)
                if a.reuse:
                    held.add(position)
            reader = _Reader(analyses, order, keys, aligned)
            _compare(reader, index, outlets, options, counts, found)
        _store_back(analyses, order, found, held, counts.sharing)
    return counts


def _lsh_threshold(options: ReuseOptions) -> float:
    # The index is tuned below the threshold: LSH misses some pairs just above its own (one in
    # three at 0.54 for 0.5), and the exact check after it costs little.
    return max(0.05, LSH_MARGIN * options.reuse_threshold)


def _store_back(
    analyses: Sequence[ArticleAnalysis],
    order: list[int],
    found: RowStore,
    held: set[int] | None,
    sharing: list[int],
) -> None:
    """Each analysis gets its passages (the store gives them position by position, so one
    article's at a time are in memory); `held`: the positions that had some before (None: all
    may have); `sharing` gets the index of each analysis left with passages."""
    groups = ((int(key), rows) for key, rows in found.groups())
    pending = next(groups, None)
    for position in range(len(order)):
        shared: list[SharedPassage] = []
        if pending is not None and pending[0] == position:
            shared, pending = pending[1], next(groups, None)
        elif held is not None and position not in held:
            continue
        shared.sort(key=lambda r: (r.start, r.other_id, r.other_start))
        if shared:
            sharing.append(order[position])
        a = analyses[order[position]]
        if a.reuse != shared:
            a.reuse = shared
            analyses[order[position]] = a  # type: ignore[index]  # a spool stores it back


K = TypeVar("K")
V = TypeVar("V")


def _recent(kept: OrderedDict[K, V], key: K, make: Callable[[], V]) -> V:
    """`kept[key]`, made when missing; the READER_KEEPS last used are kept."""
    if key in kept:
        kept.move_to_end(key)
        return kept[key]
    kept[key] = value = make()
    if len(kept) > READER_KEEPS:
        kept.popitem(last=False)
    return value


class _Reader:
    """The analyses by position in id order, each read when a pair needs it (the last few
    kept: pairs come ordered by their first article), and the pairs' alignments, taken from
    `store` when both bodies are unchanged (`keys`: the bodies' sketch keys)."""

    def __init__(
        self,
        analyses: Sequence[ArticleAnalysis],
        order: list[int],
        keys: list[str],
        store: AlignmentStore | None,
    ) -> None:
        self.analyses, self.order, self.keys, self.store = analyses, order, keys, store
        self.articles: OrderedDict[int, _Article] = OrderedDict()
        self.bodies: OrderedDict[int, Body] = OrderedDict()

    def article(self, position: int) -> _Article:
        return _recent(self.articles, position, lambda: _Article.of(self._read(position)))

    def _read(self, position: int) -> ArticleAnalysis:
        return self.analyses[self.order[position]]

    def aligned(self, i: int, j: int, min_words: int) -> list[Alignment]:
        key = pair_key(self.keys[i], self.keys[j]) if self.store else ""
        found = self.store.get(key) if self.store else None
        if found is None:
            body_i = _recent(self.bodies, i, lambda: body_of(self._read(i)))
            body_j = _recent(self.bodies, j, lambda: body_of(self._read(j)))
            found = alignments(self.article(i).text, body_i, self.article(j).text, body_j,
                               min_words)  # fmt: skip
            if self.store:
                self.store.put(key, found)
        return found


def _compare(
    reader: _Reader,
    index: WindowIndex,
    outlets: list[str],
    options: ReuseOptions,
    counts: ReuseCounts,
    found: RowStore,
) -> None:
    """The shared passages of every pair of articles (by position in id order)."""
    windows = index.windows()
    counts.windows = len(windows)
    if not len(windows):
        return
    pairs = index.pairs(windows, options.reuse_threshold)
    codes = {outlet: code for code, outlet in enumerate(sorted(set(outlets)))}
    template = furniture(windows, pairs, np.array([codes[o] for o in outlets]))
    counts.candidates, counts.furniture = len(pairs), len(template)
    covered: dict[int, set[int]] = defaultdict(set)  # article -> its words in furniture
    for k in template:
        first = int(windows.firsts[k])
        covered[int(windows.articles[k])].update(range(first, first + WINDOW_WORDS))
    for (i, j), similarity in sorted(_article_pairs(windows, pairs, template).items()):
        runs = [
            run for run in reader.aligned(i, j, options.reuse_min_words)
            if 2 * len(covered[i].intersection(range(run[0], run[1] + 1))) <= run[1] - run[0] + 1
        ]
        if not runs:
            continue
        a, b, similarity = reader.article(i), reader.article(j), round(similarity, 4)
        for *_, words, start_a, end_a, start_b, end_b in runs:
            found.add(_key(i), _passage(a, b, (start_a, end_a, start_b, end_b), words, similarity))
            found.add(_key(j), _passage(b, a, (start_b, end_b, start_a, end_a), words, similarity))
        counts.passages += len(runs)
        counts.article_pairs += 1


def _key(position: int) -> str:
    return f"{position:010d}"  # the store orders keys as strings
