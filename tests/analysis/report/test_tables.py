from __future__ import annotations

from analysis.report import tables
from analysis.report.compare import compare
from analysis.types import FRAMES


def test_frame_profile_is_long_and_ordered(seed_results) -> None:
    results = list(seed_results.values())
    profile = tables.frame_profile(results)
    assert len(profile) == 5 * len(FRAMES)
    assert list(profile["frame"][:4]) == list(FRAMES)
    row = profile.query("id == '003' and frame == 'SECURITY'").iloc[0]
    assert row["share"] == seed_results["003"].frames["SECURITY"].share
    assert row["article"] == "003 · The two sessions…"


def test_overview_row_per_article(seed_results) -> None:
    table = tables.overview(list(seed_results.values()))
    assert list(table["id"]) == ["000", "001", "002", "003", "004"]
    assert table.set_index("id").loc["004", "HISTORY"] == seed_results["004"].frames["HISTORY"].share


def test_flow_rows_are_carrying_sentences(seed_results) -> None:
    result = seed_results["000"]
    flow = tables.flow(result)
    carrying = sum(len(s.frames) for s in result.sentences)
    assert len(flow) == carrying and flow["position"].between(0, 1).all()


def test_keywords_mark_shared_phrases(seed_results) -> None:
    result = seed_results["000"]
    first = result.keywords[0].phrase
    table = tables.keywords(result, shared=[first.upper()])
    assert table.iloc[0]["shared"] and not table.iloc[1:]["shared"].any()


def test_distinctive_table(seed_results) -> None:
    table = tables.distinctive(compare([seed_results["000"]], [seed_results["004"]]))
    assert set(table["side"]) == {"A", "B"} and (table[table["side"] == "A"]["z"] > 0).all()


def test_labels() -> None:
    from tests.analysis.corpus.test_select import article

    plain = article("x")
    assert tables.label(plain) == "x · Title x"
    assert tables.short_label(plain) == "x · Title x"
