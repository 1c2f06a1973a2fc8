"""AppTest for the Compare page: 2-4 articles side by side on shared scales."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from analysis import tables
from analysis.compare import compare
from dashboard.widgets import plain
from tests.dashboard.conftest import (
    APP,
    chart_figures,
    chart_specs,
    chart_titles,
    open_page,
)


def keyword_lists(at: AppTest) -> list[str]:
    """The numbered keyword lists, one per article, in page order."""
    return [m.value for m in at.markdown if m.value.startswith("1. ")]


def test_compare_two_seeds_side_by_side(app: AppTest) -> None:
    open_page(app, "compare")
    assert app.multiselect(key="compare.ids").value == ["000", "001"]
    assert [s.value for s in app.subheader] == [plain("000 · When Mao Zedong was…"), plain("001 · Following a meeting of…")]
    assert [m.value for m in app.metric] == ["+0.11", "+0.11"]
    # shared profile first, then both flows; no word of these two passes z = 1.96, and the page says so
    assert chart_titles(app) == ["Frame profile (shared 0–1 scale)", "Where frames appear: 000 · When Mao Zedong was…",
                                 "Where frames appear: 001 · Following a meeting of…"]
    specs = chart_specs(app)
    assert specs[0]["layout"]["yaxis"]["range"] == [0, 1]
    assert sum("No word stands out at this length" in c.value for c in app.caption) == 2
    assert app.query_params["ids"] == "000,001"


def test_shared_keywords_are_starred(app: AppTest, seed_results) -> None:
    open_page(app, "compare")
    first, second = seed_results["000"], seed_results["001"]
    shared = compare([first], [second]).keywords.shared
    expected = tables.keywords(first, shared=shared).head(10)
    lines = keyword_lists(app)[0].splitlines()
    assert len(lines) == 10
    for line, row in zip(lines, expected.itertuples()):
        assert line.endswith("★") == row.shared, line
    assert lines[0] == "1. **Chinese Communist Party** ★"
    assert any(not line.endswith("★") for line in lines)


def test_more_than_two_each_against_the_rest(app: AppTest) -> None:
    open_page(app, "compare")
    app.multiselect(key="compare.ids").set_value(["000", "003", "004"]).run()
    specs = chart_specs(app)
    assert len(specs) == 7
    assert [s["layout"]["title"]["subtitle"]["text"] for s in specs[4:]] == ["vs the rest"] * 3
    profile = specs[0]
    assert [t["name"] for t in profile["data"]] == ["ANALOGY", "SECURITY", "MARKET", "HISTORY"]
    assert list(chart_figures(app)[0].data[0].x) == ["000 · When Mao Zedong was…", "003 · The two sessions…",
                                                     "004 · The Great Leap Forward…"]
    assert app.query_params["ids"] == "000,003,004"
    assert app.multiselect(key="compare.ids").proto.max_selections == 4


def test_compare_needs_two(app: AppTest) -> None:
    open_page(app, "compare")
    app.multiselect(key="compare.ids").set_value(["000"]).run()
    assert "Choose at least two articles" in app.info[0].value
    assert chart_specs(app) == []
    assert app.query_params["ids"] == "000"
    app.multiselect(key="compare.ids").set_value([]).run()  # an emptied choice stays empty
    assert app.multiselect(key="compare.ids").value == []


def test_filters_that_leave_one_article_say_so(app: AppTest) -> None:
    open_page(app, "compare")
    app.text_input(key="filters.query").set_value("entity list").run()
    assert "Only 1 article(s) match the filters; this page needs 2" in app.info[0].value


@pytest.mark.parametrize(
    ("ids", "shown"),
    [("000,003,004", ["000", "003", "004"]), ("004,999,002", ["004", "002"]), ("000,001,002,003,004", ["000", "001", "002", "003"])],
)
def test_a_shared_link_reopens_the_comparison(ids: str, shown: list[str]) -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["ids"] = ids
    at.run()
    open_page(at, "compare")
    assert at.multiselect(key="compare.ids").value == shown
    flows = [t for t in chart_titles(at) if t.startswith("Where frames appear: ")]
    assert [t.split(": ")[1].split(" · ")[0] for t in flows] == shown


def test_presentation_mode_stacks_each_article(app: AppTest) -> None:
    open_page(app, "compare")
    app.toggle(key="view.present").set_value(True).run()
    assert chart_titles(app) == ["Frame profile (shared 0–1 scale)", "Where frames appear: 000 · When Mao Zedong was…",
                                 "Where frames appear: 001 · Following a meeting of…"]
    assert all(spec["layout"]["height"] >= 720 for spec in chart_specs(app))
