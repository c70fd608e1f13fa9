"""Two things never share a page: article ids, outlet slugs, names in other scripts, items
named like a listing page; and a build that would write one file twice fails loudly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import write_file
from typer.testing import CliRunner

from reportgen.cli import app
from reportgen.ingest import read_corpus
from reportgen.render.site import DuplicateWriteError, SiteOptions, SiteWriter
from reportgen.slugs import unique_slugs

runner = CliRunner()
ARTICLE = "„Wir bleiben dabei, das ist klar“, sagte Bürgermeisterin Anna Berg in Köln.\n"


def build(corpus: Path, site: Path) -> list[dict]:
    result = runner.invoke(app, ["build", str(corpus), "-o", str(site), "--no-pdf", "-q"])
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in (site / "data" / "analysis.jsonl").open()]


def test_a_renamed_id_is_never_one_already_taken(tmp_path: Path) -> None:
    for name in ("dup-2.txt", "Dup.txt", "dup.txt"):
        write_file(tmp_path / "o" / name, ARTICLE)
    documents, _errors, _files = read_corpus(tmp_path)
    ids = sorted(d.id for d in documents)
    assert ids == ["o/dup", "o/dup-2", "o/dup-3"]


def test_outlets_whose_names_share_a_slug_get_a_page_each(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for folder in ("Foo Bar", "foo-bar", "FOO_BAR", "unsorted", "Unsorted", "-.-", "Ελλάδα"):
        write_file(corpus / folder / "a.txt", ARTICLE)
    write_file(corpus / "top.txt", "---\noutlet: FOO BAR\n---\n" + ARTICLE)
    site = tmp_path / "site"
    analyses = build(corpus, site)
    outlets = {a["outlet"]: a["id"].split("/")[0] for a in analyses}
    assert len(outlets) == 8 and len(set(outlets.values())) == 8
    assert outlets["foo-bar"] == "foo-bar" and outlets["unsorted"] == "unsorted"
    assert outlets["Ελλάδα"] == "ellada"
    assert outlets["Foo Bar"].startswith("foo-bar-")  # a stable hash suffix
    pages = sorted(p.parent.name for p in (site / "outlets").glob("*/index.html"))
    assert pages == sorted(outlets.values())
    again = build(corpus, tmp_path / "again")
    assert {a["outlet"]: a["id"].split("/")[0] for a in again} == outlets


def test_names_in_other_scripts_and_a_speaker_called_index_get_pages_of_their_own(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    write_file(corpus / "blog" / "a.txt", "\n\n".join([
        "„Wir werden nicht aufgeben, das versprechen wir allen“, sagte Иван Петров in Minsk.",
        "„Die Wahlen waren gefälscht, das wissen alle hier“, sagte Пётр Сидоров.",
        "„Das ist die Wahrheit über dieses Land und seine Menschen“, sagte Γιώργος Παπαδόπουλος.",
        "„Wir sprechen heute über die Lage im ganzen Land“, sagte Index.",
    ]) + "\n")  # fmt: skip
    site = tmp_path / "site"
    [analysis] = build(corpus, site)
    speakers = {q["speaker"] for q in analysis["quotes"]}
    assert {"Пётр Сидоров", "Γιώργος Παπαδόπουλος", "Index"} <= speakers
    pages = {p.name for p in (site / "speakers").glob("*.html")}
    assert {"petr-sidorov.html", "giorgos-papadopoylos.html", "index.html"} <= pages
    index_speaker = next(p for p in pages if p.startswith("index-"))
    assert "Index" in (site / "speakers" / index_speaker).read_text(encoding="utf-8")
    assert "Speakers" in (site / "speakers" / "index.html").read_text(encoding="utf-8")


def test_unique_slugs_keep_the_exact_spelling_plain_and_reserve_listing_names() -> None:
    slugs = unique_slugs(["Foo Bar", "foo-bar", "FOO_BAR", "Index", "Other"], "item")
    assert slugs["foo-bar"] == "foo-bar" and slugs["Other"] == "other"
    assert len(set(slugs.values())) == 5
    assert slugs["Index"].startswith("index-") and "index" not in slugs.values()
    assert unique_slugs(["FOO_BAR", "Foo Bar", "foo-bar"], "item") == {
        k: v for k, v in slugs.items() if k.lower().startswith("foo")
    }  # the same names in another order: the same slugs


def test_writing_one_file_twice_in_a_build_fails_loudly(tmp_path: Path) -> None:
    writer = SiteWriter(tmp_path, SiteOptions(pdf=False))
    writer.write("speakers/index.html", "one")
    with pytest.raises(DuplicateWriteError, match="speakers/index.html"):
        writer.write("speakers/index.html", "two")
    assert (tmp_path / "speakers" / "index.html").read_text() == "one"


def test_entities_whose_names_slug_alike_get_distinct_ids_and_speakers_follow() -> None:
    """ "Иван Петров" and "Ivan Petrov" both transliterate to per-ivan-petrov: one keeps it, the
    other gets a stable suffix, and a quotation of the second points at the second."""
    from reportgen.analyze.corpus_entities import unique_entity_ids
    from reportgen.model import ArticleAnalysis, Entity, Mention, Quote, Stats

    def article(article_id: str, name: str) -> ArticleAnalysis:
        text = f"{name} sagte, es sei gut."
        entity = Entity(name, "PER", 1, [Mention(0, len(name), name)], id="per-ivan-petrov")
        quote = Quote(text[len(name) + 8 :], len(name) + 8, len(text), "indirect", name, None,
                      "sagte", None, False, speaker_id="per-ivan-petrov")  # fmt: skip
        return ArticleAnalysis(
            id=article_id, source_path=f"{article_id}.txt", outlet="o", title=None, authors=[],
            date=None, url=None, lang="de", pipeline={"name": "x", "version": "1"}, text=text,
            blocks=[], body="", entities=[entity], quotes=[quote], sources=[], links=[],
            stats=Stats(), warnings=[],
        )  # fmt: skip

    latin, cyrillic = article("o/a", "Ivan Petrov"), article("o/b", "Иван Петров")
    assert unique_entity_ids([latin, cyrillic]) == 1
    assert latin.entities[0].id == "per-ivan-petrov"
    moved = cyrillic.entities[0].id
    assert moved.startswith("per-ivan-petrov-") and moved != latin.entities[0].id
    assert (
        cyrillic.quotes[0].speaker_id == moved
        and latin.quotes[0].speaker_id == latin.entities[0].id
    )
    # the same names again give the same ids
    again = article("o/b", "Иван Петров")
    unique_entity_ids([article("o/a", "Ivan Petrov"), again])
    assert again.entities[0].id == moved
