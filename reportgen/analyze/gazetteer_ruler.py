"""spaCy's EntityRuler, with the token patterns that test only the word matched by a WordMatcher.

What it finds and how it decides between overlapping matches are the EntityRuler's; only the
matching of those token patterns is faster (see word_matcher.py). Phrase patterns stay with
spaCy's PhraseMatcher, any other token pattern with spaCy's Matcher.
"""

from __future__ import annotations

import warnings
from typing import Any

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

from .word_matcher import Match, WordMatcher, supports


class GazetteerRuler(EntityRuler):
    def __init__(self, nlp: Language, name: str, **config: Any) -> None:
        self.word_matcher = WordMatcher(nlp.vocab)
        super().__init__(nlp, name, **config)

    def clear(self) -> None:
        super().clear()
        self.word_matcher = WordMatcher(self.nlp.vocab)

    def add_patterns(self, patterns: list[dict]) -> None:
        others = []
        for entry in patterns:
            pattern = entry["pattern"]
            if not isinstance(pattern, list) or not supports(pattern):
                others.append(entry)
                continue
            label = entry["label"]  # keyed as EntityRuler.add_patterns keys it
            if "id" in entry:
                ent_label, label = label, self._create_label(label, entry["id"])
                self._ent_ids[self.matcher._normalize_key(label)] = (ent_label, entry["id"])
            self.token_patterns[label].append(pattern)
            self.word_matcher.add(self.matcher._normalize_key(label), pattern)
        super().add_patterns(others)

    def match(self, doc: Doc) -> list[Match]:
        self._require_patterns()
        matches = self.word_matcher(doc)
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="\\[W036")
            if len(self.matcher):
                matches += list(self.matcher(doc))
            matches += list(self.phrase_matcher(doc))
        # EntityRuler.match: longest first, then leftmost
        final = {(match_id, start, end) for match_id, start, end in matches if start != end}
        return sorted(final, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
