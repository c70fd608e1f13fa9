"""Time series of a set of articles (one outlet, or the corpus): articles per week, quotations
by the type of their cited source per month, and the state-affiliated share of source mentions
per month. Only an article's own `date` counts; an article without one (or with one that is not
ISO 8601) is counted apart as undated, never placed by a guess."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from .model import ArticleAnalysis
from .text.dates import parse_iso

# A span of more weeks than this is drawn by month (a chart of 1,000 weekly bars is a smudge).
MAX_WEEKS = 260


def article_day(a: ArticleAnalysis) -> dt.date | None:
    moment = parse_iso(a.date)
    return moment.date() if isinstance(moment, dt.datetime) else moment


def _month(day: dt.date) -> tuple[int, int]:
    return day.year, day.month


def _months_between(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    months, (year, month) = [], _month(first)
    while (year, month) <= _month(last):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _ticks(labels: list[str]) -> list[dict[str, Any]]:
    """Where each month (over two years or less) or each year starts among the periods,
    thinned to at most eight labels."""
    digits = 7 if len({label[:4] for label in labels}) <= 2 else 4
    starts = [
        (i, label[:digits])
        for i, label in enumerate(labels)
        if i == 0 or label[:digits] != labels[i - 1][:digits]
    ]
    step = -(-len(starts) // 8)
    return [{"index": i, "label": label} for i, label in starts[::step]]


def _article_periods(days: list[dt.date]) -> tuple[str, list[dict[str, Any]]]:
    """Articles per week (weeks start on Monday), or per month over long spans, every period
    between the first and the last date included."""
    first, last = min(days), max(days)
    mondays = tuple(d - dt.timedelta(days=d.weekday()) for d in (first, last))
    weeks = (mondays[1] - mondays[0]).days // 7 + 1
    if weeks <= MAX_WEEKS:
        counts = Counter(d - dt.timedelta(days=d.weekday()) for d in days)
        starts = [mondays[0] + dt.timedelta(weeks=i) for i in range(weeks)]
        rows = [{"label": s.isoformat(), "articles": counts[s]} for s in starts]
        return "week", rows
    by_month = Counter(_month(d) for d in days)
    rows = [{"label": f"{y:04d}-{m:02d}", "articles": by_month[(y, m)]}
            for y, m in _months_between(first, last)]  # fmt: skip
    return "month", rows


def _source_counts(a: ArticleAnalysis) -> tuple[Counter[str], int, int]:
    """The article's quotations by source type, its source mentions and the state-affiliated
    ones (the outlet summary's definitions)."""
    types = {s.name: s.type for s in a.sources}
    quotes = Counter(
        types.get(q.source, "unknown") if q.source else "none" for q in a.article_quotes
    )
    mentions = sum(len(s.mentions) + len(s.links) for s in a.sources)
    state = sum(len(s.mentions) + len(s.links) for s in a.sources if s.state_affiliated)
    return quotes, mentions, state


# What the series need of one dated article: its day, id (the order) and source counts.
_Dated = tuple[dt.date, str, tuple[Counter[str], int, int]]


def _monthly(dated: list[_Dated]) -> tuple[list[dict[str, Any]], list]:
    quotes: dict[tuple[int, int], Counter[str]] = defaultdict(Counter)
    mentions: Counter[tuple[int, int]] = Counter()
    state: Counter[tuple[int, int]] = Counter()
    for day, _id, (q, m, s) in dated:
        quotes[_month(day)].update(q)
        mentions[_month(day)] += m
        state[_month(day)] += s
    overall: Counter[str] = sum(quotes.values(), Counter())
    types = [t for t, _n in sorted(overall.items(), key=lambda kv: (-kv[1], kv[0]))]
    rows = []
    for key in _months_between(dated[0][0], dated[-1][0]):
        rows.append({
            "label": f"{key[0]:04d}-{key[1]:02d}", "quotes": dict(quotes[key]),
            "quote_total": sum(quotes[key].values()), "mentions": mentions[key],
            "state": state[key],
            "state_share": round(state[key] / mentions[key], 4) if mentions[key] else None,
        })  # fmt: skip
    return rows, types


def timeline(analyses: list[ArticleAnalysis]) -> dict[str, Any]:
    """The time series of `analyses`; `dated` false when no article has a date."""
    # One pass keeping the counts, not the analyses: the corpus's may be a spool on disk.
    dated: list[_Dated] = []
    apart: list[tuple[Counter[str], int, int]] = []
    for a in analyses:
        day = article_day(a)
        if day is None:
            apart.append(_source_counts(a))
        else:
            dated.append((day, a.id, _source_counts(a)))
    dated.sort(key=lambda item: (item[0], item[1]))
    result: dict[str, Any] = {
        "dated": len(dated), "undated": len(apart),
        "undated_quotes": sum(sum(q.values()) for q, _m, _s in apart),
        "undated_mentions": sum(m for _q, m, _s in apart),
        "undated_state": sum(s for _q, _m, s in apart),
    }  # fmt: skip
    if not dated:
        return {**result, "unit": None, "periods": [], "ticks": [], "months": [],
                "month_ticks": [], "quote_types": [], "first": None, "last": None, "peak": 0,
                "quote_peak": 0}  # fmt: skip
    unit, periods = _article_periods([item[0] for item in dated])
    months, types = _monthly(dated)
    return {
        **result, "unit": unit, "periods": periods,
        "ticks": _ticks([p["label"] for p in periods]),
        "peak": max(p["articles"] for p in periods),
        "months": months, "month_ticks": _ticks([m["label"] for m in months]),
        "quote_types": types, "quote_peak": max(m["quote_total"] for m in months),
        "first": dated[0][0].isoformat(), "last": dated[-1][0].isoformat(),
    }  # fmt: skip
