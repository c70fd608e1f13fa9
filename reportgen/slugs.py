"""One page per thing: slugs that are unique within a build.

Different names can share a slug ("Foo Bar", "foo-bar" and "FOO_BAR"; a speaker named "Index"
and the speakers' listing page). The name spelled exactly as the slug, else the first name in
sorted order, keeps the plain slug; the others get a suffix from a hash of the name, so a name's
slug stays the same from build to build as long as the set of names that collide with it does.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .model import ArticleAnalysis
from .paths import slugify

# Listing pages live beside the item pages of their folder: no item may take their names
# (`index.html`, and `index-2.html`, ... when a listing is paged: render/listing.py).
LISTING_NAMES = frozenset({"index"})
_LISTING_PAGE = re.compile(r"index-[0-9]+")


def is_listing_name(slug: str) -> bool:
    return slug in LISTING_NAMES or _LISTING_PAGE.fullmatch(slug) is not None


def _hashed(name: str, slug: str, taken: set[str], reserved: Callable[[str], bool]) -> str:
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()
    for length in range(6, len(digest) + 1, 2):  # longer only if a suffix itself collides
        candidate = f"{slug}-{digest[:length]}"
        if candidate not in taken and not reserved(candidate):
            return candidate
    raise AssertionError(f"no free slug for {name!r}")


def unique_slugs(
    names: Iterable[str],
    fallback: str,
    reserved: Callable[[str], bool] | Iterable[str] = is_listing_name,
) -> dict[str, str]:
    """A slug for each distinct name; no two names share one and none is reserved (a name in
    `reserved`, or one it says yes to)."""
    if not callable(reserved):
        reserved = frozenset(reserved).__contains__
    groups: dict[str, list[str]] = defaultdict(list)
    for name in sorted(set(names)):
        groups[slugify(name, fallback)].append(name)
    taken = set(groups)
    slugs: dict[str, str] = {}
    for slug, group in sorted(groups.items()):
        keeper = None if reserved(slug) else next((n for n in group if n == slug), group[0])
        for name in group:
            if name == keeper:
                slugs[name] = slug
            else:
                slugs[name] = _hashed(name, slug, taken, reserved)
                taken.add(slugs[name])
    return slugs


@dataclass(frozen=True)
class CorpusSlugs:
    """The slugs of one build's outlets, speakers and cited sources."""

    outlets: dict[str, str] = field(default_factory=dict)
    speakers: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, analyses: Iterable[ArticleAnalysis]) -> CorpusSlugs:
        from .aggregate import named_speaker

        # one pass: a spool of analyses is read once
        outlets: dict[str, str] = {}
        speakers: set[str | None] = set()
        sources: set[str] = set()
        for a in analyses:
            # read_corpus gave each outlet its unique slug as the first part of the ids
            outlets[a.outlet] = a.id.split("/", 1)[0]
            speakers.update(named_speaker(a, q) for q in a.quotes)
            sources.update(s.name for s in a.sources)
        return cls(
            outlets=outlets,
            speakers=unique_slugs(speakers - {None}, "speaker"),  # type: ignore[arg-type]
            sources=unique_slugs(sources, "source"),
        )

    def outlet(self, name: str) -> str:
        return self.outlets.get(name) or slugify(name, "unsorted")

    def speaker(self, name: str) -> str:
        return self.speakers.get(name) or slugify(name, "speaker")

    def source(self, name: str) -> str:
        return self.sources.get(name) or slugify(name, "source")
