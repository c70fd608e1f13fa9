"""Text reuse: body paragraphs that two articles of the corpus share, near-verbatim.

A corpus pass, after the outlet fingerprint (paragraphs an outlet repeats on every page are
boilerplate by then, so a shared page template is not reuse). Each body or lead paragraph of at
least `reuse_min_words` words becomes a set of word 5-grams ("shingles") and a MinHash
signature (`datasketch`, fixed seed). One pass over the paragraphs, in article-id order, asks
a MinHash LSH index for earlier paragraphs like it, then adds it: the cost grows with the
paragraphs and the true matches, not with the pairs of articles. A candidate is kept when the
exact Jaccard similarity of the two shingle sets reaches `reuse_threshold`; difflib's
SequenceMatcher then aligns the two paragraphs word by word, and each run of aligned words of
at least `reuse_min_words` words is a shared passage, with its offsets in both texts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from ..model import BODY_KINDS, ArticleAnalysis, SharedPassage
from ..reuse_options import DEFAULT_REUSE, ReuseOptions
from ..text.dates import parse_iso
from ..text.patterns import WORD
from .source_kb import lookup_domain

SHINGLE_WORDS = 5
PERMUTATIONS = 128
SEED = 20240601  # fixed: the same corpus gives the same signatures, candidates and output
# Near-copies of one paragraph in at least this many articles of one outlet (as many as the
# fingerprint asks of exact repeats) are the outlet's furniture (a disclaimer in three
# wordings, an app or magazine advert), recurring by design and not reuse: the fingerprint
# takes out only exact repeats, and only those in a quarter of an outlet's pages. The price: an
# outlet's own article run three times over is not listed either.
FURNITURE_ARTICLES = 3
# Two aligned runs of words separated by at most this many unaligned words in each paragraph
# are one passage (a changed word or a cut subordinate clause does not split it).
MAX_GAP = 4

# A passage ends after its last word's closing punctuation (a full stop, a closing quote mark).
CLOSING = frozenset(".,;:!?…)]»«“”\"'’")
Word = tuple[int, int, str]  # start, end, casefolded
Run = tuple[int, int, int, int, int]  # first, last word in a; first, last in b; aligned words


@dataclass
class Paragraph:
    article: int  # index into the analyses sorted by id
    words: list[Word]
    shingles: frozenset[bytes]
    end: int  # of the paragraph's block

    def span(self, text: str, first: int, last: int) -> tuple[int, int]:
        """The offsets of words first..last, with the punctuation that closes the last."""
        end = self.words[last][1]
        while end < self.end and text[end] in CLOSING:
            end += 1
        return self.words[first][0], end


def body_paragraphs(a: ArticleAnalysis, index: int, min_words: int) -> list[Paragraph]:
    found = []
    for block in a.blocks:
        if block.kind not in BODY_KINDS:
            continue
        words = [
            (m.start(), m.end(), m.group(0).casefold())
            for m in WORD.finditer(a.text, block.start, block.end)
        ]
        if len(words) < min_words:
            continue
        tokens = [w[2] for w in words]
        shingles = frozenset(
            " ".join(tokens[i : i + SHINGLE_WORDS]).encode("utf-8")
            for i in range(len(tokens) - SHINGLE_WORDS + 1)
        )
        found.append(Paragraph(index, words, shingles, block.end))
    return found


def candidate_pairs(paragraphs: list[Paragraph], threshold: float) -> list[tuple[int, int]]:
    """(earlier, later) indexes of paragraphs of different articles whose shingle sets are at
    least `threshold` alike, in a stable order."""
    from datasketch import MinHash, MinHashLSH  # imported here: it loads scipy (~2 s)

    signatures = MinHash.bulk(
        [sorted(p.shingles) for p in paragraphs], num_perm=PERMUTATIONS, seed=SEED
    )
    lsh = MinHashLSH(threshold=threshold, num_perm=PERMUTATIONS)
    pairs = []
    for later, (paragraph, signature) in enumerate(zip(paragraphs, signatures, strict=True)):
        for earlier in sorted(lsh.query(signature)):
            other = paragraphs[earlier]
            if other.article != paragraph.article and jaccard(other, paragraph) >= threshold:
                pairs.append((earlier, later))
        lsh.insert(later, signature)
    return pairs


def jaccard(a: Paragraph, b: Paragraph) -> float:
    return len(a.shingles & b.shingles) / len(a.shingles | b.shingles)


def aligned_runs(a: Paragraph, b: Paragraph, min_words: int) -> list[Run]:
    """Runs of words the two paragraphs share, each of at least `min_words` aligned words."""
    matcher = SequenceMatcher(None, [w[2] for w in a.words], [w[2] for w in b.words], False)
    runs: list[list[int]] = []
    for block in matcher.get_matching_blocks():
        if not block.size:
            continue
        last = runs[-1] if runs else None
        if last and block.a - last[1] - 1 <= MAX_GAP and block.b - last[3] - 1 <= MAX_GAP:
            last[1], last[3] = block.a + block.size - 1, block.b + block.size - 1
            last[4] += block.size
        else:
            runs.append([block.a, block.a + block.size - 1, block.b, block.b + block.size - 1,
                         block.size])  # fmt: skip
    return [(r[0], r[1], r[2], r[3], r[4]) for r in runs if r[4] >= min_words]


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


def _cites(a: ArticleAnalysis, outlet: str) -> bool:
    """Whether `a` cites the other article's outlet as a source ("laut RT", a link to it)."""
    name = _outlet_source(outlet)
    return name is not None and any(s.name == name and s.cited for s in a.sources)


def _passage(
    a: ArticleAnalysis, b: ArticleAnalysis, spans: tuple[int, int, int, int], words: int,
    similarity: float,
) -> SharedPassage:  # fmt: skip
    start, end, other_start, other_end = spans
    return SharedPassage(
        start=start, end=end, text=a.text[start:end], other_id=b.id, other_outlet=b.outlet,
        other_date=b.date, other_start=other_start, other_end=other_end, words=words,
        similarity=similarity, order=date_order(a.date, b.date), cited=_cites(a, b.outlet),
    )  # fmt: skip


def furniture(
    paragraphs: list[Paragraph], pairs: list[tuple[int, int]], outlets: list[str]
) -> set[int]:
    """The paragraphs whose near-copies within their own outlet (chained: each variant like the
    next) occur in at least FURNITURE_ARTICLES of the outlet's articles."""
    parent = list(range(len(paragraphs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    linked = set()
    for earlier, later in pairs:
        if outlets[paragraphs[earlier].article] == outlets[paragraphs[later].article]:
            parent[root(later)] = root(earlier)
            linked.update((earlier, later))
    articles: dict[int, set[int]] = defaultdict(set)
    for i in linked:
        articles[root(i)].add(paragraphs[i].article)
    return {i for i in linked if len(articles[root(i)]) >= FURNITURE_ARTICLES}


@dataclass
class ReuseCounts:
    """What the pass did, for the benchmark and the build summary."""

    paragraphs: int = 0  # indexed
    candidates: int = 0  # pairs of paragraphs the LSH index and the exact check kept
    furniture: int = 0  # paragraphs set aside as an outlet's near-duplicate furniture
    passages: int = 0  # shared passages (each once)
    article_pairs: int = 0  # pairs of articles that share at least one passage


def find_reuse(
    analyses: list[ArticleAnalysis], options: ReuseOptions = DEFAULT_REUSE
) -> ReuseCounts:
    """Set every analysis' `reuse` (each shared passage is listed in both articles). Off
    (`options.reuse` false): all empty."""
    for a in analyses:
        a.reuse = []
    counts = ReuseCounts()
    if not options.reuse or len(analyses) < 2:
        return counts
    ordered = sorted(analyses, key=lambda a: a.id)
    paragraphs = [
        p for i, a in enumerate(ordered) for p in body_paragraphs(a, i, options.reuse_min_words)
    ]
    counts.paragraphs = len(paragraphs)
    if not paragraphs:
        return counts
    pairs = candidate_pairs(paragraphs, options.reuse_threshold)
    template = furniture(paragraphs, pairs, [a.outlet for a in ordered])
    counts.candidates, counts.furniture = len(pairs), len(template)
    article_pairs: set[tuple[int, int]] = set()
    for earlier, later in pairs:
        if earlier in template or later in template:
            continue
        p, q = paragraphs[earlier], paragraphs[later]
        a, b = ordered[p.article], ordered[q.article]
        similarity = round(jaccard(p, q), 4)
        for first_a, last_a, first_b, last_b, words in aligned_runs(p, q, options.reuse_min_words):
            spans_a = p.span(a.text, first_a, last_a)
            spans_b = q.span(b.text, first_b, last_b)
            a.reuse.append(_passage(a, b, (*spans_a, *spans_b), words, similarity))
            b.reuse.append(_passage(b, a, (*spans_b, *spans_a), words, similarity))
            article_pairs.add((p.article, q.article))
            counts.passages += 1
    for a in ordered:
        a.reuse.sort(key=lambda r: (r.start, r.other_id, r.other_start))
    counts.article_pairs = len(article_pairs)
    return counts

