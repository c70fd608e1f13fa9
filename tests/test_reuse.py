"""Text reuse between articles and the time charts, on small corpora built here: a wire story,
a later copy of some of its paragraphs in another outlet (whose name is hostile markup), an
undated copy, unrelated and undated articles."""

from __future__ import annotations

import csv
import filecmp
import io
import json
import re
from pathlib import Path

import pypdf
import pytest
from conftest import write_file

from reportgen.analyze.reuse import date_order
from reportgen.build import BuildResult, build
from reportgen.config import check_settings
from reportgen.contract import validate
from reportgen.reuse_options import ReuseOptions

HOSTILE = "Copy<script>alert(1)</script>"
P1 = ("The regional council voted on Tuesday evening to close the old harbour bridge for "
      "repairs that engineers say cannot wait until the summer season begins.")
P2 = ("Traffic will be sent over the northern ring road for at least four months, and the "
      "ferry between the two quays will run every twenty minutes instead of every hour.")
P3 = ("Shop owners on the harbour front said they feared losing customers, while the council "
      "promised a fund of two million euros to make up for lost trade during the works.")
UNRELATED = ("A choir of sixty singers from the mountain villages gave its first concert in the "
             "cathedral, with music written by a local teacher about the long winters there.")
UNDATED = ("The library opens a reading room for students in the old customs house, with desks "
           "for forty people, free wireless access and a small collection of maritime maps.")


def article(title: str, date: str | None, paragraphs: list[str], outlet: str | None = None) -> str:
    meta = [f"title: {json.dumps(title)}"]
    meta += [f"date: {date}"] if date else []
    meta += [f"outlet: {json.dumps(outlet)}"] if outlet else []
    return "---\n" + "\n".join(meta) + "\n---\n\n" + "\n\n".join(paragraphs) + "\n"


def make_corpus(root: Path) -> Path:
    write_file(root / "wire-desk/bridge.md", article("Harbour bridge to close", "2021-03-01",
                                                      [P1, P2, P3]))  # fmt: skip
    write_file(root / "wire-desk/library.md", article("A reading room", None, [UNDATED]))
    copied_p2 = P2.replace("four months", "four long months")
    write_file(root / "copycat/bridge-copy.md", article(
        "Bridge closes, shops worry", "2021-03-04T10:00:00",
        ["Our reporter looked at what the decision means for the people who live nearby.",
         copied_p2, P3, "Readers can send their questions about the works to the newsroom."],
        outlet=HOSTILE))  # fmt: skip
    write_file(root / "copycat/choir.md", article("Choir sings", "2021-04-10", [UNRELATED],
                                                  outlet=HOSTILE))  # fmt: skip
    write_file(root / "undated-blog/bridge.md", article("Bridge news", None,
                                                        ["From the council: " + P1]))  # fmt: skip
    return root


@pytest.fixture(scope="module")
def reuse_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    corpus = make_corpus(tmp_path_factory.mktemp("corpus"))
    output = tmp_path_factory.mktemp("site")
    return output, build(corpus, output)


def by_title(result: BuildResult) -> dict:
    return {a.title: a for a in result.analyses}


def test_copied_paragraphs_are_found_with_the_right_first(reuse_site) -> None:
    _, result = reuse_site
    a = by_title(result)
    original, copy = a["Harbour bridge to close"], a["Bridge closes, shops worry"]
    # the changed paragraph and the verbatim one after it are one passage, without the copy's
    # own words around them
    [passage] = [r for r in copy.reuse if r.other_id == original.id]
    assert passage.text == P2.replace("four months", "four long months") + "\n\n" + P3
    assert passage.order == "later"  # the copy came after the original
    assert passage.other_outlet == "wire-desk" and passage.other_date == "2021-03-01"
    assert original.text[passage.other_start : passage.other_end] == P2 + "\n\n" + P3
    [back] = [r for r in original.reuse if r.other_id == copy.id]
    assert back.order == "earlier" and back.text == P2 + "\n\n" + P3
    assert copy.text[back.other_start : back.other_end] == passage.text


def test_unrelated_articles_share_nothing_and_undated_order_is_unknown(reuse_site) -> None:
    _, result = reuse_site
    a = by_title(result)
    assert a["Choir sings"].reuse == [] and a["A reading room"].reuse == []
    blog = a["Bridge news"].reuse
    assert [(r.other_id, r.order) for r in blog] == [(a["Harbour bridge to close"].id, "unknown")]
    assert blog[0].text == P1  # the blog's own words around it are not part of the passage


def test_reuse_is_in_the_contract_and_the_csv(reuse_site) -> None:
    site, result = reuse_site
    lines = (site / "data/analysis.jsonl").read_text(encoding="utf-8").splitlines()
    for line in lines:
        assert validate(json.loads(line)) == []
    rows = list(csv.DictReader(io.StringIO((site / "data/reuse.csv").read_text("utf-8"))))
    original = by_title(result)["Harbour bridge to close"].id
    copy_rows = [r for r in rows if "undated-blog" not in {r["outlet"], r["other_outlet"]}]
    assert len(copy_rows) == 1 and {r["first"] for r in copy_rows} == {original}
    assert sorted(r["first"] for r in rows) == sorted([original, "unknown"])
    broken = dict(json.loads(lines[0]), reuse=[{"start": 0, "end": 3, "text": "nope"}])
    assert validate(broken)  # the check can fail


def test_pages_show_the_passages_the_matrix_and_escape_the_outlet(reuse_site) -> None:
    site, result = reuse_site
    copy = by_title(result)["Bridge closes, shops worry"]
    page = (site / f"articles/{copy.id}.html").read_text(encoding="utf-8")
    assert "Passages shared with other articles" in page and "the other article came first" in page
    index = (site / "index.html").read_text(encoding="utf-8")
    heat = re.search(r'<svg class="chart heatmap".*?</svg>', index, re.S).group(0)
    assert "<script" not in heat and "&lt;script&gt;" in heat
    for page in site.rglob("*.html"):
        if page.name != "search.html" and "pagefind" not in page.parts:  # the one scripted page
            assert "<script" not in page.read_text(encoding="utf-8"), page
    outlets = sorted(site.glob("outlets/*/index.html"))
    wire = next(p for p in outlets if "wire-desk" in str(p)).read_text(encoding="utf-8")
    assert "Text shared with other outlets" in wire and "50.0 %" in wire  # 1 of 2 articles


def test_undated_articles_are_counted_apart(reuse_site) -> None:
    site, _ = reuse_site
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "3 dated articles of the corpus, 2021-03-01 to 2021-04-10; undated" in index
    assert "counted apart in no week or month: 2 (" in index
    chart = re.search(r'<svg class="chart timeline".*?</svg>', index, re.S).group(0)
    assert "undated: 2" in chart and "2021-03-01: 2" in chart  # the week of Monday 1 March
    blog = next(p for p in site.glob("outlets/*/index.html") if "undated-blog" in str(p))
    assert "has a date (1 undated)" in blog.read_text(encoding="utf-8")


def test_time_charts_are_drawn_in_the_pdf(reuse_site) -> None:
    site, _ = reuse_site
    reader = pypdf.PdfReader(site / "pdf/corpus.pdf")
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Articles per week" in text and "undated" in text
    assert "Text reuse between outlets" in text


def test_two_builds_are_byte_identical_and_reuse_can_be_turned_off(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    first, second, off = tmp_path / "one", tmp_path / "two", tmp_path / "off"
    build(corpus, first, pdf=False)
    build(corpus, second, pdf=False, jobs=2)
    files = sorted(str(p.relative_to(first)) for p in first.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(first, second, files, shallow=False)
    assert mismatch == [] and errors == []
    result = build(corpus, off, pdf=False, reuse=ReuseOptions(reuse=False))
    assert all(a.reuse == [] for a in result.analyses)
    assert "text-reuse pass was off" in (off / "index.html").read_text(encoding="utf-8")


def test_reuse_settings_are_typed() -> None:
    check_settings({"reuse": False, "reuse_threshold": 1}, "t")
    for bad in ({"reuse": "no"}, {"reuse_threshold": "0.5"}, {"reuse_threshold": 0.0},
                {"reuse_min_words": 2}, {"reuse_treshold": 0.5}):  # fmt: skip
        with pytest.raises(ValueError):
            check_settings(bad, "t")


def test_date_order_never_guesses() -> None:
    assert date_order("2021-03-01", "2021-03-04T10:00:00") == "earlier"
    assert date_order("2021-03-04T10:00:00+01:00", "2021-03-04T09:30:00+01:00") == "later"
    assert date_order("2021-03-04", "2021-03-04T23:00:00") == "same"
    assert date_order(None, "2021-03-04") == "unknown"
    assert date_order("2021-03-04", "not a date") == "unknown"


def test_an_outlets_recurring_furniture_is_not_reuse(tmp_path: Path) -> None:
    from conftest import analyze_article

    from reportgen.analyze.reuse import find_reuse

    notice = ("{name} strives for a broad range of opinions. Guest articles and opinion pieces do "
              "not have to reflect the views of the editorial team in any way at all. Our "
              "writers come from many countries and report on politics, business and culture "
              "from the capital and the regions, with a weekly focus on the economy and the "
              "courts of the state.")  # fmt: skip
    own = [P1, UNRELATED, UNDATED]
    analyses = [
        analyze_article(tmp_path, f"daily/{i}.md", article(f"Daily {i}", f"2021-05-0{i + 1}",
                        [own[i], notice.format(name=name)]))
        for i, name in enumerate(["Daily News", "Daily Net", "DAILY"])
    ]  # fmt: skip
    analyses.append(analyze_article(tmp_path, "weekly/copy.md", article(
        "Weekly", "2021-05-09", ["The weekly takes the daily's story. " + P1])))  # fmt: skip
    counts = find_reuse(analyses, ReuseOptions())
    assert counts.furniture >= 3 and counts.article_pairs == 1
    [passage] = analyses[-1].reuse
    assert passage.other_id == analyses[0].id and passage.text == P1 and passage.order == "later"
