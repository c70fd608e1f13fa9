"""A build keeps its analyses on disk (reportgen/spool.py): what is read back is what was
stored, the corpus passes store back what they change, and a spool gives the same analyses and
the same site as a list."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

from conftest import write_file
from test_segment import _write_outlet

from reportgen.build import BuildResult, analyze_corpus
from reportgen.spool import AnalysisSpool, by_id, outlet_groups


def test_a_build_spools_its_analyses_and_reads_back_what_it_stored(
    built_site: tuple[Path, BuildResult],
) -> None:
    site, result = built_site
    spool = result.analyses
    assert isinstance(spool, AnalysisSpool) and len(spool) == 10
    lines = (site / "data" / "analysis.jsonl").read_text(encoding="utf-8").splitlines()
    assert [a.to_dict() for a in spool] == [json.loads(line) for line in lines]
    assert [a.id for a in by_id(spool)] == sorted(spool.ids)
    assert list(outlet_groups(spool)) == sorted(set(spool.outlets))
    # without a budget, a changed analysis is what comes back once stored, and only then
    unkept = AnalysisSpool(spool, keep_bytes=0)
    first = unkept[0]
    first.title = "Changed"
    assert unkept[0].title != "Changed"
    unkept[0] = first
    assert unkept[0].title == "Changed" and unkept[1].to_dict() == spool[1].to_dict()
    assert [a.id for a in unkept[1:3]] == spool.ids[1:3]


def test_a_spool_keeps_what_it_read_within_its_budget(built_site: tuple[Path, BuildResult]) -> None:
    """Read back within the budget, an analysis is the same object each time, as in a list,
    until another is stored in its place; beyond the budget each read is a fresh copy."""
    analyses = list(built_site[1].analyses)
    spool = AnalysisSpool(analyses, keep_bytes=1)  # less than any one analysis
    assert spool[0] is not spool[0] and spool[0].to_dict() == analyses[0].to_dict()
    spool = AnalysisSpool(analyses)  # the default budget holds all ten
    assert spool[0] is spool[0] and spool[-1] is spool[9]
    replaced = AnalysisSpool(analyses[1:2])[0]
    spool[0] = replaced
    assert spool[0] is replaced and spool.ids[0] == replaced.id
    spool[-1] = analyses[0]
    assert spool[9] is analyses[0]


def test_what_fits_the_budget_when_appended_is_kept_as_it_came_and_not_written(
    built_site: tuple[Path, BuildResult],
) -> None:
    """The analyses appended while the budget lasts are the appended objects and cost the
    spool file nothing; the rest go to the file and come back as equal copies."""
    analyses = list(built_site[1].analyses)
    sizes = [len(pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL)) for a in analyses]
    spool = AnalysisSpool(analyses, keep_bytes=sum(sizes[:3]))
    assert [spool[i] is analyses[i] for i in range(4)] == [True, True, True, False]
    assert spool._end == sum(sizes[3:])  # only what is past the budget was written
    assert [a.to_dict() for a in spool] == [a.to_dict() for a in analyses]
    spool[1] = analyses[5]  # stored in a kept place: kept, and not written either
    assert spool[1] is analyses[5] and spool._end == sum(sizes[3:])
    spool[3] = analyses[6]  # stored past the budget: written at the end, read back from there
    assert spool._end == sum(sizes[3:]) + sizes[6] and spool[3] is not analyses[6]
    assert spool[3].to_dict() == analyses[6].to_dict()


def test_the_corpus_passes_on_a_spool_give_what_they_give_on_a_list(tmp_path: Path) -> None:
    _write_outlet(tmp_path)  # furniture recurring across an outlet: the fingerprint relabels it
    write_file(tmp_path / "blatt" / "eins.txt", "Neue Brücke\n\nBausenatorin Greta Vollmerhaus "
               "stellte am Montag die Pläne vor.\n")  # fmt: skip
    write_file(tmp_path / "blatt" / "zwei.txt", "Brücke wird teurer\n\n„Wir bleiben im "
               "Rahmen“, sagte Vollmerhaus am Dienstag.\n")  # fmt: skip
    in_list = analyze_corpus(tmp_path).analyses
    (tmp_path.parent / "spool").mkdir()
    spooled = analyze_corpus(tmp_path, spool=tmp_path.parent / "spool").analyses
    assert list((tmp_path.parent / "spool").iterdir()) == []  # the spool files have no names
    assert isinstance(spooled, AnalysisSpool) and isinstance(in_list, list)
    assert [a.to_dict() for a in spooled] == [a.to_dict() for a in in_list]
    warnings = [w for a in spooled for w in a.warnings]
    assert any("outlet fingerprint" in w for w in warnings)
    assert any("Vollmerhaus is named here by surname only" in w for w in warnings)
