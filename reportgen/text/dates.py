"""Dates written in text (ISO, German numeric, day-month-year and month-day-year with the month
names of every language's dates.txt), and an article's date inferred from its top lines."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from ..lang import available_languages, profile
from .paragraphs import split_paragraphs


@cache
def _months() -> tuple[dict[str, int], re.Pattern[str]]:
    """Month names of every language with a dates.txt, and a pattern for written-out dates."""
    months: dict[str, int] = {}
    for lang in available_languages():
        for line in profile(lang).lines("dates"):
            name, _, number = line.rpartition(" ")
            if name and number.isdigit():
                months.setdefault(name.lower(), int(number))
    names = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    pattern = re.compile(
        r"\b(?:(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
        r"|(?P<nd>\d{1,2})\.\s?(?P<nm>\d{1,2})\.\s?(?P<ny>\d{4})"
        rf"|(?P<dd>\d{{1,2}})\.?\s+(?P<dm>{names})\.?\s+(?P<dy>\d{{4}})"
        rf"|(?P<mm>{names})\.?\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<my>\d{{4}}))\b",
        re.IGNORECASE,
    )
    return months, pattern


def parse_date(text: str) -> tuple[str, str] | None:
    """The first date written in `text`, as (ISO 8601, the text as written)."""
    months, pattern = _months()
    for match in pattern.finditer(text):
        g = match.groupdict()
        if g["iy"]:
            parts = (g["iy"], g["im"], g["id"])
        elif g["ny"]:
            parts = (g["ny"], g["nm"], g["nd"])
        elif g["dy"]:
            parts = (g["dy"], str(months[g["dm"].lower()]), g["dd"])
        else:
            parts = (g["my"], str(months[g["mm"].lower()]), g["md"])
        try:
            date = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError:
            continue
        if 1800 <= date.year <= 2200:
            return date.isoformat(), match.group(0)
    return None


def infer_date(text: str, top: int = 8, longest: int = 160) -> tuple[str, str] | None:
    """The article's date from its text when no metadata gives it: the first date in a short
    paragraph near the top (a dateline, a byline, a "published" line). Dates inside the body's
    sentences are events, not the publication, and are not used."""
    for paragraph in split_paragraphs(text)[:top]:
        if len(paragraph.text) <= longest:
            found = parse_date(paragraph.text)
            if found:
                return found
    return None


def parse_iso(value: str | None) -> dt.date | dt.datetime | None:
    """An analysis' `date` (ISO 8601) as a date when it gives the day only, a datetime when it
    gives a time; None when there is none or it is not ISO. Nothing is guessed."""
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if "T" in value or " " in value.strip() else moment.date()
