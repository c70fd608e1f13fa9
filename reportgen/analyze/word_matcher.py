"""Token patterns that test nothing but the word itself, matched with numpy.

spaCy's Matcher calls a Python predicate (REGEX, IN, NOT_IN) for every token and every pattern
that could start or continue there; over the gazetteers' patterns that was an eighth of the
whole analysis. Every attribute these patterns test (ORTH, TEXT, LOWER, IS_TITLE) depends on the
word alone, so each distinct word is tested once per process against every token spec, and a
pattern matches where the specs' columns are all true at consecutive positions (one vectorised
AND per token of the pattern). The matches are spaCy's: every (start, end) that the Matcher
returns, an optional token ("OP": "?") giving both lengths. A pattern using anything else is
not taken (`supports` says no) and stays with spaCy's Matcher.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterable

import numpy as np
from spacy.attrs import IS_TITLE, LOWER, ORTH
from spacy.tokens import Doc
from spacy.vocab import Vocab

Match = tuple[int, int, int]  # match id, start, end (tokens)
# One test of one attribute, a spec is their conjunction: (spaCy attribute id, operator, value
# as JSON); ORTH and TEXT, the same attribute, share their checks.
Check = tuple[int, str, str]
ColumnTest = Callable[[list], list[bool]]  # the attribute's values of many words -> results

# The pattern keys read, by the spaCy attribute that computes them from the word.
_ATTRIBUTES = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "IS_TITLE": IS_TITLE}
_OPERATORS = frozenset({"IN", "NOT_IN", "REGEX"})
_OPTIONAL = "?"
# Distinct words whose tests are kept; past this the table starts again (bounded memory).
MAX_WORDS = 500_000


def supports(pattern: list[dict]) -> bool:
    """Whether every token spec of `pattern` tests only supported attributes of the word."""
    return bool(pattern) and all(_spec_supported(spec) for spec in pattern)


def _spec_supported(spec: dict) -> bool:
    for key, value in spec.items():
        if key == "OP":
            supported = value == _OPTIONAL
        else:
            operators = set(value) if isinstance(value, dict) else set()
            supported = key.upper() in _ATTRIBUTES and operators <= _OPERATORS
        if not supported:
            return False
    return True


def spec_checks(spec: dict) -> list[Check]:
    checks = []
    for key, value in spec.items():
        if key == "OP":
            continue
        operations = value.items() if isinstance(value, dict) else [("==", value)]
        attribute = _ATTRIBUTES[key.upper()]
        checks += [(attribute, op, json.dumps(arg, sort_keys=True)) for op, arg in operations]
    return checks


def column_test(check: Check) -> ColumnTest:
    _attribute, operator, argument = check
    value = json.loads(argument)
    if operator == "IN":
        allowed = frozenset(value)
        return lambda column: [v in allowed for v in column]
    if operator == "NOT_IN":
        banned = frozenset(value)
        return lambda column: [v not in banned for v in column]
    if operator == "REGEX":  # spaCy's REGEX predicate searches, it does not anchor
        search = re.compile(value).search
        return lambda column: [search(str(v)) is not None for v in column]
    return lambda column: [v == value for v in column]


def word_attributes(vocab: Vocab) -> dict[int, Callable[[str], object]]:
    """How the vocabulary computes each supported attribute of a new word (spaCy's getters)."""
    getters = vocab.lex_attr_getters
    return {
        attr: (lambda text: text) if attr == ORTH else getters.get(attr, _DEFAULTS[attr])
        for attr in set(_ATTRIBUTES.values())
    }


_DEFAULTS: dict[int, Callable[[str], object]] = {LOWER: str.lower, IS_TITLE: str.istitle}


def _variants(pattern: list[dict]) -> Iterable[list[dict]]:
    """The pattern with each optional token kept or left out (spaCy returns both matches)."""
    choices = [(True, False) if spec.get("OP") == _OPTIONAL else (True,) for spec in pattern]
    for keep in itertools.product(*choices):
        variant = [spec for spec, kept in zip(pattern, keep, strict=True) if kept]
        if variant:
            yield variant


class WordMatcher:
    """Supported token patterns under match ids, as spaCy's Matcher would hold them."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._attributes = word_attributes(vocab)
        self._checks: dict[Check, ColumnTest] = {}
        self._spec_columns: dict[tuple[Check, ...], int] = {}
        self._sequences: list[tuple[int, np.ndarray]] = []  # match id, spec columns in order
        self._clear_words()

    def __len__(self) -> int:
        return len(self._sequences)

    def add(self, match_id: int, pattern: list[dict]) -> None:
        if not supports(pattern):
            raise ValueError(f"not a pattern over the word alone: {pattern!r}")
        for variant in _variants(pattern):
            columns = [self._column(spec) for spec in variant]
            self._sequences.append((match_id, np.array(columns, dtype=np.intp)))
        self._clear_words()  # a new column: the kept rows lack it

    def _column(self, spec: dict) -> int:
        checks = tuple(sorted(spec_checks(spec)))
        for check in checks:
            if check not in self._checks:
                self._checks[check] = column_test(check)
        return self._spec_columns.setdefault(checks, len(self._spec_columns))

    def _clear_words(self) -> None:
        self._row_of: dict[int, int] = {}
        self._table = np.zeros((1024, len(self._spec_columns)), dtype=bool)  # grown by doubling

    def _word_rows(self, orths: np.ndarray) -> np.ndarray:
        """Each word's row in the table of spec results, testing the words not seen before."""
        if len(self._row_of) > MAX_WORDS:
            self._clear_words()
        row_of = self._row_of
        new = [orth for orth in orths.tolist() if orth not in row_of]
        if new:
            first = len(row_of)
            while first + len(new) > len(self._table):
                self._table = np.concatenate([self._table, np.zeros_like(self._table)])
            self._table[first : first + len(new)] = self._test([self.vocab.strings[o] for o in new])
            row_of.update(zip(new, range(first, first + len(new)), strict=True))
        return np.fromiter((row_of[orth] for orth in orths.tolist()), np.intp, len(orths))

    def _test(self, words: list[str]) -> np.ndarray:
        """words x spec: whether each word passes every check of each spec, a check at a time."""
        read = self._attributes
        values = {attr: [read[attr](w) for w in words] for attr in {c[0] for c in self._checks}}
        passed = {
            check: np.array(test(values[check[0]]), dtype=bool)
            for check, test in self._checks.items()
        }
        results = np.ones((len(words), len(self._spec_columns)), dtype=bool)
        for checks, column in self._spec_columns.items():
            for check in checks:
                results[:, column] &= passed[check]
        return results

    def __call__(self, doc: Doc) -> list[Match]:
        if not self._sequences or len(doc) == 0:
            return []
        words, inverse = np.unique(doc.to_array(ORTH), return_inverse=True)
        rows = self._word_rows(words)  # first: it may grow the table
        grid = self._table[rows][inverse.ravel()]  # token x spec
        found: list[Match] = []
        length = len(doc)
        for match_id, columns in self._sequences:
            span = len(columns)
            if span > length:
                continue
            hits = grid[: length - span + 1, columns[0]].copy()
            for offset in range(1, span):
                hits &= grid[offset : length - span + 1 + offset, columns[offset]]
            found += [(match_id, start, start + span) for start in np.flatnonzero(hits).tolist()]
        return found
