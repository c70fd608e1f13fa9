"""The settings of the text-reuse pass, typed, with their defaults in one place.

A build reads them from `reportgen.toml` (`reuse`, `reuse_threshold`, `reuse_min_words`) or the
command line (`--no-reuse`, `--reuse-threshold`); what is not given keeps the default below.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class ReuseOptions:
    # Off: no passage is compared and every article's `reuse` is empty.
    reuse: bool = True
    # Two articles are aligned when two 40-word windows of their bodies have sets of word
    # 5-grams at least this alike (Jaccard; MinHash LSH finds the candidates, the exact sets
    # confirm them). 0.5 keeps a passage copied with words changed or cut; lower finds looser
    # rewrites and scattered shared quotations.
    reuse_threshold: float = 0.5
    # A shared passage has at least this many aligned words (and a body shorter than this is
    # not indexed): "Foto: dpa" or a standard sign-off is not reuse.
    reuse_min_words: int = 12

    def __post_init__(self) -> None:
        if type(self.reuse) is not bool:
            raise ValueError(f"reuse must be true or false, not {self.reuse!r}")
        threshold = self.reuse_threshold
        if isinstance(threshold, bool) or not isinstance(threshold, int | float):
            raise ValueError(f"reuse_threshold must be a number, not {threshold!r}")
        if not 0.05 <= threshold <= 1.0:
            raise ValueError(f"reuse_threshold must be between 0.05 and 1, not {threshold!r}")
        if type(self.reuse_min_words) is not int or self.reuse_min_words < 5:
            raise ValueError(
                f"reuse_min_words must be a whole number of at least 5, not "
                f"{self.reuse_min_words!r}"
            )


DEFAULT_REUSE = ReuseOptions()
REUSE_KEYS = frozenset(item.name for item in fields(ReuseOptions))
REUSE_TYPES: dict[str, type] = {"reuse": bool, "reuse_threshold": float, "reuse_min_words": int}


def reuse_options_from(settings: dict[str, object]) -> ReuseOptions:
    """The reuse settings named in `settings` (other keys are ignored), defaults for the rest."""
    return ReuseOptions(**{key: value for key, value in settings.items() if key in REUSE_KEYS})
