"""AppTest for the Overview page and the frame every page shares: filters, URL, presentation, cache."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

import analysis.scoring.score
from analysis.types import Document
from tests.dashboard.conftest import APP, chart_figures, chart_specs, chart_titles

OVERVIEW_CHARTS = ["Frame profile", "Frame shares by article",
                   "Tone: how positive, how opinionated"]


def shown_ids(at: AppTest) -> list[str]:
    return list(at.dataframe(key="overview.table").value["id"])


def test_overview_starts_with_what_to_do_first(app: AppTest) -> None:
    assert app.expander[0].label == "Start here"
    text = app.expander[0].markdown[0].value
    assert "A **frame** is" in text and "A **share** is" in text
    assert [line[:2] for line in text.split("\n") if line[:2] in ("1.", "2.", "3.")] == ["1.", "2.", "3."]


def test_every_article_has_a_title_and_history_is_not_called_a_frame(app: AppTest) -> None:
    table = app.dataframe(key="overview.table").value.set_index("id")
    assert table.loc["000", "title"] == "When Mao Zedong was still alive, the Chinese…"
    assert all(table["title"].str.len() > 0)
    assert table.loc["004", "dominant"] == "mostly historical narration"
    assert app.selectbox(key="overview.article").format_func("000") == "000 · When Mao Zedong was still alive, the Chinese…"


def test_overview_shows_every_seed(app: AppTest) -> None:
    assert app.title[0].value == "Overview"
    assert chart_titles(app) == OVERVIEW_CHARTS
    table = app.dataframe(key="overview.table").value
    assert list(table["id"]) == ["000", "001", "002", "003", "004"]
    assert table.set_index("id").loc["003", "dominant"] == "SECURITY"
    assert list(table.columns) == ["id", "title", "dominant", "ANALOGY", "SECURITY", "MARKET", "HISTORY", "polarity"]
    more = next(d.value for d in app.dataframe if "words" in d.value.columns)  # in the expander
    assert more.set_index("id").loc["003", "words"] == 3733
    assert "5 of 5 articles" in app.caption[0].value
    heatmap, bars, _ = chart_figures(app)
    assert list(heatmap.data[0].x) == ["ANALOGY", "SECURITY", "MARKET", "HISTORY"]
    assert heatmap.data[0].z[3][1] == table.set_index("id").loc["003", "SECURITY"]
    assert [t.marker.color for t in bars.data] == ["#E69F00", "#0072B2", "#009E73", "#CC79A7"]


def test_filter_changes_overview(app: AppTest) -> None:
    app.slider(key="filters.min").set_value(0.5).run()  # 003 leads on SECURITY, 004 on HISTORY; the rest stay under 0.45
    assert shown_ids(app) == ["003", "004"]
    assert "2 of 5 articles" in app.caption[0].value
    app.text_input(key="filters.query").set_value("entity list").run()
    assert shown_ids(app) == ["003"]
    assert app.query_params["min"] == "0.5" and app.query_params["q"] == "entity list"


def test_frames_filter_narrows_the_minimum_share(app: AppTest) -> None:
    app.slider(key="filters.min").set_value(0.3).run()
    assert shown_ids(app) == ["000", "001", "002", "003", "004"]
    app.multiselect(key="filters.frames").set_value(["MARKET"]).run()
    assert shown_ids(app) == ["000"]


def test_filters_that_match_nothing_say_what_to_do(app: AppTest) -> None:
    app.text_input(key="filters.query").set_value("no such phrase anywhere").run()
    assert chart_specs(app) == []
    assert "No article matches the filters" in app.info[0].value
    assert app.query_params["q"] == "no such phrase anywhere"  # the link records the view even so


def test_empty_corpus_says_what_to_do() -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["corpus.documents"] = []
    at.run()
    assert "The corpus is empty" in at.info[0].value
    assert chart_specs(at) == []


@pytest.mark.parametrize(
    ("params", "ids", "frames"),
    [
        ({"min": "0.45", "frames": "SECURITY,BOGUS"}, ["003"], ["SECURITY"]),
        ({"min": "9", "frames": "HISTORY"}, [], ["HISTORY"]),  # clamped to 1.0: nothing reaches it
        ({"min": "abc", "tone": "x,y", "kind": "no-such-kind"}, ["000", "001", "002", "003", "004"], None),
        ({"kind": "analysis"}, ["001", "003"], None),
    ],
)
def test_query_params_reopen_a_view(params: dict[str, str], ids: list[str], frames: list[str] | None) -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update(params)
    at.run()
    assert not at.exception
    if frames is not None:
        assert at.session_state["filters.frames"] == frames
    if ids:
        assert shown_ids(at) == ids
    else:
        assert "No article matches the filters" in at.info[0].value


def test_presentation_mode_from_the_url_and_back(app: AppTest) -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["present"] = "1"
    at.run()
    heights = [spec["layout"]["height"] for spec in chart_specs(at)]
    assert heights[0] == heights[2] == 600 and 600 <= heights[1] <= 820  # the bars grow a group per article
    assert chart_specs(at)[0]["layout"]["font"]["size"] >= 22
    assert any("stSidebar" in m.value and "display: none" in m.value for m in at.markdown)
    assert len(at.columns) == len(app.columns) - 2  # the two charts side by side are stacked instead
    at.button(key="view.exit_present").click().run()
    heights = [spec["layout"]["height"] for spec in chart_specs(at)]
    assert heights[0] == heights[2] == 420 and 420 <= heights[1] < 600
    assert "present" not in at.query_params
    at.toggle(key="view.present").set_value(True).run()
    assert at.query_params["present"] == "1"


def test_open_in_reader(app: AppTest) -> None:
    app.selectbox(key="overview.article").set_value("003").run()
    app.button(key="overview.open").click().run()
    assert app.title[0].value == "Reader"
    assert app.session_state["view.article"] == "003"
    assert app.selectbox(key="reader.article").value == "003"
    assert app.query_params["article"] == "003"


def test_a_filter_change_does_not_rescore(app: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Scores are cached by content: moving a slider reuses them, a new article costs one scoring."""
    calls: list[str] = []
    real = analysis.scoring.score.score_document

    def counting(doc, **options):
        calls.append(doc.id)
        return real(doc, **options)

    monkeypatch.setattr(analysis.scoring.score, "score_document", counting)
    fresh = Document(id="fresh", source="fresh.txt", text=f"Sanctions on chips, test run {id(calls)}. " * 3)
    app.session_state["corpus.documents"] = [*app.session_state["corpus.documents"], fresh]
    app.run()
    assert calls == ["fresh"]
    app.slider(key="filters.min").set_value(0.3).run()
    app.slider(key="filters.tone").set_value((-0.5, 0.5)).run()
    app.text_input(key="filters.query").set_value("chips").run()
    assert calls == ["fresh"]
