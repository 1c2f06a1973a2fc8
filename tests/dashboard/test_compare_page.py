"""AppTest for the Compare page: 2-4 articles side by side on shared scales."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from analysis.charts import figures
from analysis.report import tables
from analysis.report.compare import compare
from analysis.report.findings import TONE_CAVEAT
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
    # both tones are positive, but only 000 is led by a critical frame (MARKET): its tone gets the caveat
    assert [c.value for c in app.caption].count(TONE_CAVEAT) == 1
    assert TONE_CAVEAT in [c.value for c in app.columns[0].caption]
    # shared profile first, then both flows; no word of these two passes z = 1.96, and the page says so
    assert chart_titles(app) == ["Frame profile (shared 0–1 scale)", "Where frames appear: 000 · When Mao Zedong was…",
                                 "Where frames appear: 001 · Following a meeting of…"]
    specs = chart_specs(app)
    assert specs[0]["layout"]["xaxis"]["range"] == [0, 1]
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
    assert list(chart_figures(app)[0].data[0].customdata) == ["000 · When Mao Zedong was…", "003 · The two sessions…",
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


def test_presentation_mode_keeps_two_articles_side_by_side_and_stacks_more(app: AppTest) -> None:
    open_page(app, "compare")
    app.toggle(key="view.present").set_value(True).run()
    assert chart_titles(app) == ["Frame profile (shared 0–1 scale)", "Where frames appear: 000 · When Mao Zedong was…",
                                 "Where frames appear: 001 · Following a meeting of…"]
    assert all(600 <= spec["layout"]["height"] <= 820 for spec in chart_specs(app))
    app.multiselect(key="compare.ids").set_value(["000", "001", "002"]).run()
    titles = chart_titles(app)
    assert titles[1].startswith("Where frames appear: 000") and titles[2].startswith("Words typical of 000")


def saved_files(at: AppTest) -> list[str]:
    return [b.key for b in at.download_button if b.key.endswith(".save")]


@pytest.mark.parametrize("kind", ["all", "slides"])
def test_downloads_name_each_step_then_offer_the_file(app: AppTest, monkeypatch: pytest.MonkeyPatch, seed_results,
                                                      kind: str) -> None:
    from analysis.charts import export

    monkeypatch.setattr(export, "static_export_problem", lambda: "PNG and SVG export needs Chromium")
    open_page(app, "compare")
    titles = [c.title for c in figures.compare_view([seed_results["000"], seed_results["001"]])]
    assert saved_files(app) == []  # nothing built before the click
    app.button(key=f"download.{kind}").click().run()
    assert not app.exception, app.exception
    status = app.status[0]
    if kind == "all":
        name = "000-when-mao-zedong-was-vs-001-following-a-meeting-of_framelens.zip"
        expected = [f"Chart {i} of {len(titles)}: {title} (HTML, CSV)" for i, title in enumerate(titles, 1)] + [
            "Evidence: every sentence with its frames and cues (CSV)",
            "Report: findings, examples and method (HTML)", "Zip: packing the files"]
    else:
        name = "frame-profile_000-when-mao-zedong-was-vs-001-following-a-meeting-of_slides.pptx"
        expected = [f"Slide {i} of {len(titles)}: {title}" for i, title in enumerate(titles, 1)]
    assert [m.value for m in status.markdown] == [plain(s) for s in expected]
    assert status.state == "complete" and status.label.startswith(f"{name} is ready (")
    assert saved_files(app) == [f"download.{kind}.save"]
    save = app.download_button(key=f"download.{kind}.save")
    assert save.label.startswith(f"Save {name} (") and save.label.endswith(" MB)")
    app.multiselect(key="compare.ids").set_value(["000", "002"]).run()  # another view: the old file is not offered
    assert saved_files(app) == []
