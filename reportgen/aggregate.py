"""Roll-ups over many analyses: per outlet, per entity, speaker and source, and for the corpus.

Everything returned is plain dicts and lists in a stable order, ready for templates and exports.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .aggregate_reuse import outlet_reuse, reuse_matrix
from .aggregate_time import timeline
from .analyze.fingerprint import outlet_fingerprint
from .lang import profile
from .model import ARTICLE_KINDS, ArticleAnalysis, Quote
from .rowstore import RowStore
from .slugs import CorpusSlugs
from .spool import by_id, langs_of, outlet_groups


def named_speaker(a: ArticleAnalysis, q: Quote) -> str | None:
    """The speaker as the reports list it: an unresolved pronoun ("he", "sie") names nobody
    across articles, so it counts with the quotations without a named speaker."""
    if q.speaker and q.speaker_id is None and q.speaker in profile(a.lang).words("pronouns"):
        return None
    return q.speaker


def article_row(a: ArticleAnalysis) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "outlet": a.outlet,
        "date": a.date,
        "lang": a.lang,
        "authors": a.authors,
        "words": a.stats.words,
        "boilerplate_ratio": a.stats.boilerplate_ratio,
        "quote_count": a.stats.quote_count,
        "source_count": len(a.sources),
        "entity_count": a.stats.entity_count,
        "comment_count": a.stats.comment_count,
    }


def entity_table(analyses: Iterable[ArticleAnalysis]) -> list[dict[str, Any]]:
    table: dict[str, dict[str, Any]] = {}
    for a in analyses:
        for e in a.entities:
            # Only the article's own text counts: mentions in comments, appeals or page
            # furniture are shown on the article page, not in the figures.
            mentions = sum(1 for m in e.mentions if m.block in ARTICLE_KINDS)
            if not mentions:
                continue
            row = table.setdefault(
                e.id,
                {"id": e.id, "name": e.name, "label": e.label, "articles": 0, "mentions": 0,
                 "outlet_set": set()},
            )  # fmt: skip
            row["articles"] += 1
            row["mentions"] += mentions
            row["outlet_set"].add(a.outlet)
    rows = []
    for row in table.values():
        row["outlets"] = len(row.pop("outlet_set"))
        rows.append(row)
    rows.sort(key=lambda r: (-r["articles"], -r["mentions"], r["name"]))
    return rows


def _source_table(analyses: list[ArticleAnalysis], slugs: CorpusSlugs) -> list[dict[str, Any]]:
    table: dict[str, dict[str, Any]] = {}
    for a in analyses:
        for s in a.sources:
            row = table.setdefault(
                s.name,
                {"name": s.name, "slug": slugs.source(s.name), "type": s.type,
                 "country": s.country, "state_affiliated": s.state_affiliated,
                 "articles": 0, "mentions": 0},
            )  # fmt: skip
            row["articles"] += 1
            row["mentions"] += len(s.mentions) + len(s.links)
    return sorted(table.values(), key=lambda r: (-r["mentions"], r["name"]))


def _speaker_table(analyses: list[ArticleAnalysis], slugs: CorpusSlugs) -> list[dict[str, Any]]:
    """Who is quoted in the articles (not the reader comments), with each speaker's share of
    all quotations; quotations without a named speaker are one row of their own."""
    counts: Counter[str] = Counter()
    direct: Counter[str] = Counter()
    unnamed = 0
    for a in analyses:
        for q in a.article_quotes:
            speaker = named_speaker(a, q)
            if speaker:
                counts[speaker] += 1
                direct[speaker] += q.kind == "direct"
            else:
                unnamed += 1
    total = sum(counts.values()) + unnamed
    rows = [
        {"name": name, "slug": slugs.speaker(name), "quotes": n, "direct": direct[name],
         "share": round(n / total, 4)}
        for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]  # fmt: skip
    if unnamed:
        rows.append({"name": "(no named speaker)", "slug": None, "quotes": unnamed,
                     "direct": None, "share": round(unnamed / total, 4)})  # fmt: skip
    return rows


def _quote_source_types(analyses: list[ArticleAnalysis]) -> list[dict[str, Any]]:
    """Quotations by the type of the source they are attributed to ("via TASS" counts as
    news_agency), with their share; "none" when no source is cited."""
    counts: Counter[str] = Counter()
    for a in analyses:
        types = {s.name: s.type for s in a.sources}
        for q in a.article_quotes:
            counts[types.get(q.source, "unknown") if q.source else "none"] += 1
    total = sum(counts.values())
    return [
        {"type": t, "quotes": n, "share": round(n / total, 4)}
        for t, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def _ratio_histogram(ratios: list[float], bins: int = 10) -> list[dict[str, Any]]:
    """How many articles fall in each tenth of boilerplate ratio (0–10 %, ..., 90–100 %)."""
    counts = [0] * bins
    for ratio in ratios:
        counts[min(bins - 1, int(ratio * bins))] += 1
    step = 100 // bins
    return [
        {"range": f"{i * step}–{(i + 1) * step} %", "articles": n} for i, n in enumerate(counts)
    ]


@dataclass
class _OutletCounts:
    """What the figures of an outlet are made of, counted in one pass over its articles."""

    n: int
    chars: Counter[str]
    ratios: list[float]
    mentions_by_type: Counter[str]
    state_by_country: Counter[str]

    @classmethod
    def of(cls, analyses: list[ArticleAnalysis], sources: list[dict[str, Any]]) -> _OutletCounts:
        chars: Counter[str] = Counter()
        for a in analyses:
            chars.update(a.stats.chars_by_kind)
        mentions_by_type: Counter[str] = Counter()
        state_by_country: Counter[str] = Counter()
        for s in sources:
            mentions_by_type[s["type"]] += s["mentions"]
            if s["state_affiliated"]:
                state_by_country[s["country"] or "?"] += s["mentions"]
        ratios = [a.stats.boilerplate_ratio for a in analyses]
        return cls(len(analyses), chars, ratios, mentions_by_type, state_by_country)

    @property
    def total_chars(self) -> int:
        return sum(self.chars.values())

    @property
    def all_mentions(self) -> int:
        return sum(self.mentions_by_type.values())


def _outlet_figures(
    name: str, analyses: list[ArticleAnalysis], slugs: CorpusSlugs, counts: _OutletCounts
) -> dict[str, Any]:
    """The outlet's one-line figures: its row in the corpus's outlet table."""
    n, ratios, total_chars = counts.n, counts.ratios, counts.total_chars
    quote_count = sum(a.stats.quote_count for a in analyses)
    state_mentions = sum(counts.state_by_country.values())
    return {
        "name": name,
        "slug": slugs.outlet(name),
        "article_count": n,
        "words": sum(a.stats.words for a in analyses),
        "boilerplate_ratio": round(sum(ratios) / n, 4) if n else 0.0,
        "boilerplate_pct": round(100 * sum(ratios) / n, 2) if n else 0.0,
        "share_by_kind": {k: round(v / total_chars, 4) for k, v in sorted(counts.chars.items())}
        if total_chars
        else {},
        "comment_count": sum(a.stats.comment_count for a in analyses),
        "quote_count": quote_count,
        "quotes_per_article": quote_count / n if n else 0.0,
        "sources_per_article": sum(len(a.sources) for a in analyses) / n if n else 0.0,
        "state_affiliated_share": round(state_mentions / counts.all_mentions, 4)
        if counts.all_mentions
        else 0.0,
    }


def outlet_overview(
    name: str, analyses: list[ArticleAnalysis], slugs: CorpusSlugs | None = None
) -> dict[str, Any]:
    """The outlet's figures without its tables: what the corpus aggregate keeps of it."""
    slugs = slugs or CorpusSlugs.of(analyses)
    analyses = sorted(analyses, key=lambda a: a.id)
    counts = _OutletCounts.of(analyses, _source_table(analyses, slugs))
    return _outlet_figures(name, analyses, slugs, counts)


def outlet_summary(
    name: str, analyses: list[ArticleAnalysis], slugs: CorpusSlugs | None = None
) -> dict[str, Any]:
    """`slugs`: those of the whole corpus (the outlet's links go to corpus-wide pages)."""
    slugs = slugs or CorpusSlugs.of(analyses)
    analyses = sorted(analyses, key=lambda a: a.id)
    sources = _source_table(analyses, slugs)
    counts = _OutletCounts.of(analyses, sources)
    all_mentions, total_chars = counts.all_mentions, counts.total_chars
    return {
        **_outlet_figures(name, analyses, slugs, counts),
        "articles": [article_row(a) for a in analyses],
        "top_entities": entity_table(analyses),
        "speakers": _speaker_table(analyses, slugs),
        "quote_source_types": _quote_source_types(analyses),
        "sources": sources,
        "source_types": [
            {"type": t, "mentions": m}
            for t, m in sorted(counts.mentions_by_type.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "state_by_country": [
            {"country": c, "mentions": m, "share": round(m / all_mentions, 4)}
            for c, m in sorted(counts.state_by_country.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "fingerprint": outlet_fingerprint(analyses),
        "chars_by_kind": [
            {"kind": k, "chars": v, "share": round(v / total_chars, 4)}
            for k, v in sorted(counts.chars.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "boilerplate_histogram": _ratio_histogram(counts.ratios),
        "timeline": timeline(analyses),
        "reuse": outlet_reuse(analyses, name),
    }


def corpus_summary(
    analyses: Sequence[ArticleAnalysis], files: int, slugs: CorpusSlugs | None = None
) -> dict[str, Any]:
    slugs = slugs or CorpusSlugs.of(analyses)
    # one outlet's analyses at a time (a spool reads them from disk); the outlet pages make
    # each outlet's whole summary when they are written, one at a time
    groups = outlet_groups(analyses).items()
    outlets = [outlet_overview(name, [analyses[i] for i in group], slugs) for name, group in groups]
    languages = Counter(langs_of(analyses))  # from the spool's index, without reading
    return {
        "files": files,
        "article_count": len(analyses),
        "outlets": outlets,
        "languages": sorted(languages.items(), key=lambda kv: (-kv[1], kv[0])),
        "quote_count": sum(outlet["quote_count"] for outlet in outlets),  # each article once
        "top_entities": entity_table(analyses),
        "timeline": timeline(analyses),
        "reuse_matrix": reuse_matrix(analyses),
    }


def entity_pages(
    analyses: Sequence[ArticleAnalysis],
    ids: Container[str] | None = None,
    folder: Path | None = None,
) -> Iterator[dict[str, Any]]:
    """One page per entity id (those in `ids`, or all), in id order: the entity and every
    article that mentions it. The rows wait on disk in `folder` (rowstore.py)."""
    with RowStore(folder) as store:
        for a in by_id(analyses):
            for e in a.entities:
                if ids is None or e.id in ids:
                    blocks = sorted({m.block for m in e.mentions})
                    store.add(e.id, (e.name, e.label, {
                        "id": a.id, "title": a.title or a.id, "outlet": a.outlet,
                        "count": e.count, "blocks": blocks}))  # fmt: skip
        for entity_id, rows in store.groups():
            name, label, _ = rows[0]
            yield {"id": entity_id, "name": name, "label": label,
                   "articles": [article for _, _, article in rows]}  # fmt: skip


def speaker_pages(
    analyses: Sequence[ArticleAnalysis],
    slugs: CorpusSlugs | None = None,
    folder: Path | None = None,
) -> Iterator[dict[str, Any]]:
    """One page per speaker (canonical name), in slug order: everything the speaker is quoted
    as saying, in every outlet, and how often each outlet quotes them."""
    slugs = slugs or CorpusSlugs.of(analyses)
    with RowStore(folder) as store:
        for a in by_id(analyses):
            for q in a.quotes:
                if speaker := named_speaker(a, q):
                    store.add(slugs.speaker(speaker), (speaker, q.speaker_id, {
                        "text": q.text, "kind": q.kind, "in_comments": q.in_comments,
                        "article_id": a.id, "article_title": a.title or a.id,
                        "outlet": a.outlet, "cue": q.cue, "source": q.source,
                        "as": q.speaker_mention.text if q.speaker_mention else None,
                        "low_confidence": q.speaker_low_confidence}))  # fmt: skip
        for slug, rows in store.groups():
            quotes = [quote for _, _, quote in rows]
            yield {"slug": slug, "name": rows[0][0],
                   "entity_id": next((i for _, i, _ in rows if i), None),
                   "quotes": quotes, "outlets": _quotes_by_outlet(quotes)}  # fmt: skip


def _quotes_by_outlet(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_outlet: dict[str, Counter[str]] = defaultdict(Counter)
    for q in quotes:
        by_outlet[q["outlet"]][q["kind"]] += 1
    return [
        {"outlet": o, "quotes": sum(c.values()), "direct": c["direct"], "indirect": c["indirect"]}
        for o, c in sorted(by_outlet.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    ]


def source_pages(
    analyses: Sequence[ArticleAnalysis],
    slugs: CorpusSlugs | None = None,
    folder: Path | None = None,
) -> Iterator[dict[str, Any]]:
    """One page per cited source, in slug order, with every article that cites it."""
    slugs = slugs or CorpusSlugs.of(analyses)
    with RowStore(folder) as store:
        for a in by_id(analyses):
            for s in a.sources:
                cues = sorted({m.cue for m in s.mentions if m.cue})
                header = {"name": s.name, "type": s.type, "country": s.country,
                          "state_affiliated": s.state_affiliated}  # fmt: skip
                store.add(slugs.source(s.name), (header, {
                    "id": a.id, "title": a.title or a.id, "outlet": a.outlet,
                    "mentions": len(s.mentions), "links": len(s.links), "cues": cues}))  # fmt: skip
        for slug, rows in store.groups():
            yield {"slug": slug, **rows[0][0], "articles": [article for _, article in rows]}
