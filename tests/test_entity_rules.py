"""Entity rules with the article in view (real pipelines): names at the head of a compound,
diseases, furniture-only names, cited organisations, English given names; and English page
furniture in the body."""

from __future__ import annotations

from pathlib import Path

from conftest import analyze_article

from reportgen.analyze.segment import segment
from reportgen.model import Document


def _names(analysis, label: str) -> set[str]:
    return {e.name for e in analysis.entities if e.label == label}


def test_a_known_name_at_the_head_of_a_compound(tmp_path: Path) -> None:
    text = (
        "Lage im Osten\n\nDer Ukraine-Konflikt dauert an. Die Assad-Truppen rückten vor, und die "
        "Trump-Kampagne schwieg dazu am Montag.\n"
    )
    analysis = analyze_article(tmp_path, "blog/lage.txt", text)
    assert "Ukraine" in _names(analysis, "LOC")
    people = " ".join(_names(analysis, "PER"))
    assert "Assad" in people and "Trump" in people


def test_diseases_are_no_organisations_or_people(tmp_path: Path) -> None:
    text = "Seuchen\n\nWie bei SARS und Ebola warnten die Ärzte in Berlin vor einer Ausbreitung.\n"
    analysis = analyze_article(tmp_path, "blog/seuchen.txt", text)
    assert not {"SARS", "Ebola"} & {e.name for e in analysis.entities}


def test_names_only_in_a_teaser_list_are_not_the_articles(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Der Haushalt</title></head><body><article><h1>Der Haushalt</h1>"
        "<p>Der Stadtrat hat am Montag den Haushalt für das kommende Jahr beschlossen, nach einer "
        "langen Debatte über die Kosten des neuen Hafens.</p></article><aside><h3>Lesen Sie auch"
        "</h3><ul><li>Kolumne von Gerhard Schröder</li></ul></aside></body></html>"
    )
    analysis = analyze_article(tmp_path, "beispiel.net/haushalt.html", page)
    assert not any("Schröder" in e.name for e in analysis.entities)


def test_a_cited_organisation_is_an_organisation(tmp_path: Path) -> None:
    text = "Diäten\n\nDie Parteichefs hoffen laut „Spiegel“ auf ein neues Bündnis im Herbst.\n"
    analysis = analyze_article(tmp_path, "blog/diaeten.txt", text)
    assert any("Spiegel" in name for name in _names(analysis, "ORG"))


def test_english_given_names(tmp_path: Path) -> None:
    text = "Media\n\nKellyanne Conway and Meryl Streep met Howard Kurtz in New York on Monday.\n"
    people = " ".join(_names(analyze_article(tmp_path, "blog/media.txt", text), "PER"))
    assert all(n in people for n in ("Conway", "Streep", "Kurtz"))


def test_english_share_bars_and_read_more_links_are_furniture() -> None:
    text = (
        "Strikes in Yemen\n\nUS forces conducted more than 120 strikes in 2017, according to a "
        "statement released by US Central Command in Tampa.\n\n[read more here]\n\n"
        "Share this: Reddit\n\nFacebook\n\nTumblr\n\nLike this: Like Loading... Related\n"
    )
    doc = Document(id="t/t", source_path="t.txt", outlet="t", text=text, format="txt", lang="en")
    kinds = {p.text: p.kind for p in segment(doc, "en").paragraphs}
    assert kinds["[read more here]"] == "related"
    assert kinds["Share this: Reddit"] == "boilerplate"
    assert kinds["Tumblr"] == "boilerplate"
    assert kinds["Like this: Like Loading... Related"] == "boilerplate"


def test_a_genitive_before_its_noun_names_the_person(tmp_path: Path) -> None:
    text = "Gedichte\n\nWir halten es wie in Christian Morgensterns Gedicht über den Palmström.\n"
    assert "Christian Morgenstern" in _names(analyze_article(tmp_path, "b/g.txt", text), "PER")


def test_the_author_of_a_byline_is_a_person_of_the_article(tmp_path: Path) -> None:
    text = (
        "Die Stadt Essen macht vor, wie praktisch die Digitalisierung der Behörden sein kann.\n\n"
        "von Roland Tichy\n\nGute Nachrichten für alle, die in der Stadt Essen wohnen.\n"
    )
    assert "Roland Tichy" in _names(analyze_article(tmp_path, "b/essen.txt", text), "PER")


def test_an_acronym_at_the_head_of_a_compound(tmp_path: Path) -> None:
    text = "Koalition\n\nDie SPD-Chefin sprach am Montag in Berlin mit den Gewerkschaften.\n"
    assert "SPD" in _names(analyze_article(tmp_path, "b/spd.txt", text), "ORG")
