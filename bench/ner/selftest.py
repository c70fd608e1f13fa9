"""Self-test of the --via-cli scoring path against hand-made `reportgen analyze` JSONL.

Run: python bench/ner/selftest.py   (no model, no CLI and no dataset needed)
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cli_mode import score_jsonl  # noqa: E402
from score import bio_to_spans  # noqa: E402
from sets import make_documents  # noqa: E402

SENTS = [
    (
        ["Angela", "Merkel", "besuchte", "am", "Montag", "Paris", "."],
        ["B-PER", "I-PER", "O", "O", "O", "B-LOC", "O"],
    ),
    (
        ["Die", "Europäische", "Union", "und", "die", "Bundesliga-Saison", "2024", "."],
        ["O", "B-ORG", "I-ORG", "O", "O", "O", "O", "O"],
    ),
    (
        ["Der", "Film", "Das", "Boot", "lief", "in", "Köln", "und", "Bonn", "."],
        ["O", "O", "B-MISC", "I-MISC", "O", "O", "B-LOC", "O", "B-LOC", "O"],
    ),
]


def char_span(doc: dict, s: int, e: int, text: str | None = None) -> tuple[int, int]:
    toks = doc["tokens"]
    return toks[s][0], toks[e - 1][1]


def _records(d0: dict, d1: dict) -> tuple[dict, dict]:
    """What `reportgen analyze` might write for the two documents."""
    t0 = d0["text"]

    def ent(label: str, doc: dict, s: int, e: int, text: str) -> dict:
        a, b = char_span(doc, s, e)
        return {"label": label, "mentions": [{"start": a, "end": b, "text": text[a:b]}]}

    # doc 0: Merkel right, Paris with wrong label, EU right, plus a partial-token mention
    rec0 = {
        "path": "corpus/ner/000.txt",
        "text": t0,
        "entities": [
            ent("PER", d0, 0, 2, t0),
            ent("ORG", d0, 5, 6, t0),
            ent("ORG", d0, 8, 10, t0),
            {
                "label": "MISC",
                "mentions": [
                    {
                        "start": t0.index("Bundesliga"),
                        "end": t0.index("Bundesliga") + 10,
                        "text": "Bundesliga",
                    }
                ],
            },
            {"label": "DATE", "mentions": [{"start": 0, "end": 3, "text": "Ang"}]},
        ],
    }
    # doc 1: the CLI normalised whitespace; identified by text only; Köln + Bonn + Das Boot
    t1 = "  " + d1["text"].replace(" ", "  ") + "\n"
    boot = t1.index("Das  Boot")
    rec1 = {
        "text": t1,
        "entities": [
            {
                "label": "LOC",
                "mentions": [
                    {"start": t1.index("Köln"), "end": t1.index("Köln") + 4, "text": "Köln"},
                    {"start": t1.index("Bonn"), "end": t1.index("Bonn") + 4, "text": "Bonn"},
                ],
            },
            {"label": "MISC", "mentions": [{"start": boot, "end": boot + 9, "text": "Das  Boot"}]},
        ],
    }
    return rec0, rec1


def main() -> None:
    assert bio_to_spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC"]) == [
        (0, 2, "PER"),
        (3, 4, "LOC"),
        (4, 5, "LOC"),
    ]
    docs = make_documents(SENTS, per_file=2)  # two documents: 2 + 1 sentences
    assert len(docs) == 2
    d0, d1 = docs
    t0 = d0["text"]
    assert t0.startswith("Angela Merkel besuchte") and "\n\nDie Europäische" in t0

    rec0, rec1 = _records(d0, d1)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.jsonl"
        path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in (rec0, rec1)))
        scores, info = score_jsonl(path, docs)
    d = scores.as_dict()
    # gold: PER 1, LOC 3, ORG 1, MISC 1 = 6. pred (4 labels): PER1 ORG2 MISC2 LOC2 = 7
    assert d["micro"]["gold"] == 6, d
    assert d["micro"]["pred"] == 7, d
    assert d["micro"]["tp"] == 5, d  # Merkel, EU, Köln, Bonn, Das Boot
    assert d["PER"]["f"] == 1.0 and d["LOC"]["tp"] == 2 and d["MISC"]["tp"] == 1
    assert info["misaligned_mentions"] == 1 and info["other_labels"] == 1, info
    assert info["missing_documents"] == 0 and info["unaligned_tokens"] == 0, info
    print(scores.table())
    print("selftest OK:", info)


if __name__ == "__main__":
    main()
