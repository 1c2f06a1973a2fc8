"""AppTest for every page on a scored corpus opened from a DuckDB store: nothing is rescored,
the Overview aggregates in SQL when there are many articles, pages load what they show."""

from __future__ import annotations

import os
import time
from dataclasses import replace

import duckdb

import pytest
from streamlit.testing.v1 import AppTest

from analysis.corpus import store
import analysis.scoring.score
import dashboard.data
from dashboard.widgets import plain
from tests.dashboard.conftest import APP, chart_figures, chart_titles, emptied, open_page

KINDS = ("op-ed", "analysis", "wire report", "history reference", "")
AGGREGATE_CHARTS = ["Mean frame share by kind (number of articles)", "Dominant frame: number of articles",
                    "Tone of the articles"]


@pytest.fixture(scope="module")
def store_file(seed_results, tmp_path_factory):
    """60 articles: the seeds' results under new ids, kinds in turn (12 of each)."""
    seeds = list(seed_results.values())
    copies = (replace(seeds[i % 5], id=f"a{i:03d}", kind=KINDS[i // 12]) for i in range(60))
    path = tmp_path_factory.mktemp("store") / "class.duckdb"
    store.save(copies, path, batch=25)
    return path


@pytest.fixture
def on_store(store_file, monkeypatch) -> AppTest:
    """The dashboard started on the store; scoring anything would fail the test."""
    monkeypatch.setenv("FRAMELENS_STORE", str(store_file))
    monkeypatch.setattr(analysis.scoring.score, "score_document", lambda *a, **k: pytest.fail("the store was rescored"))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    return at


def test_overview_aggregates_a_large_store_in_sql(on_store: AppTest) -> None:
    assert "60 of 60 articles match" in on_store.caption[0].value
    assert chart_titles(on_store) == AGGREGATE_CHARTS
    means, dominant, tone = chart_figures(on_store)
    assert sum(dominant.data[0].y) == 60
    assert list(means.data[0].customdata) == ["analysis (12)", "history reference (12)", "op-ed (12)", "unknown (12)",
                                     "wire report (12)"]
    assert sum(tone.data[0].z) == 60
    assert len(on_store.dataframe(key="overview.table").value) == 60
    assert on_store.multiselect(key="filters.kinds").options == ["analysis", "history reference", "op-ed",
                                                                   "wire report"]


def test_the_dominant_chart_words_history_and_no_leader_as_everywhere_else(seed_results, tmp_path, monkeypatch) -> None:
    seeds = list(seed_results.values())
    quiet = [replace(seeds[i % 5], id=f"q{i:03d}", dominant=None) for i in range(5)]
    path = tmp_path / "quiet.duckdb"
    store.save([*(replace(seeds[i % 5], id=f"a{i:03d}") for i in range(40)), *quiet], path)
    monkeypatch.setenv("FRAMELENS_STORE", str(path))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    dominant = chart_figures(at)[1]
    assert dict(zip(dominant.data[0].x, dominant.data[0].y)) == {
        "ANALOGY": 8, "SECURITY": 16, "MARKET": 8, "mostly historical narration": 8, "no frame dominates": 5}


def test_a_narrow_filter_draws_one_bar_per_article(on_store: AppTest) -> None:
    on_store.multiselect(key="filters.kinds").set_value(["op-ed"]).run()
    assert "12 of 60 articles" in on_store.caption[0].value
    assert chart_titles(on_store)[0] == "Frame profile"
    heatmap = chart_figures(on_store)[0]
    assert [y.split(" · ")[0] for y in heatmap.data[0].y] == [f"a{i:03d}" for i in range(12)]  # id · short title
    assert on_store.query_params["kind"] == "op-ed"


def test_listings_are_bounded_and_keep_the_linked_article(store_file, monkeypatch) -> None:
    monkeypatch.setenv("FRAMELENS_STORE", str(store_file))
    monkeypatch.setattr(dashboard.data, "LIST_LIMIT", 10)
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["article"] = "a055"
    at.run()
    assert list(at.dataframe(key="overview.table").value["id"]) == [f"a{i:03d}" for i in range(10)] + ["a055"]
    assert any("The first 11 of 60" in c.value for c in at.caption)
    open_page(at, "reader")
    assert at.selectbox(key="reader.article").value == "a055"
    html = [m.value for m in at.markdown if "fl-reader" in m.value][-1]
    assert "fl-cue" in html


def test_reader_compare_and_code_load_articles_from_the_store(on_store: AppTest, seed_results) -> None:
    open_page(on_store, "reader")
    on_store.selectbox(key="reader.article").set_value("a003").run()
    assert on_store.metric[1].value == f"{seed_results['003'].frames['SECURITY'].share:.0%}"
    open_page(on_store, "compare")
    on_store.multiselect(key="compare.ids").set_value(["a000", "a004"]).run()
    assert not on_store.exception
    profile = chart_figures(on_store)[0]
    assert list(profile.data[0].customdata) == ["a000 · When Mao Zedong was…", "a004 · The Great Leap Forward…"]
    open_page(on_store, "code")
    assert len(on_store.get("pills")) == min(15, len(seed_results["000"].sentences))  # the first part


def test_corpus_page_says_the_store_is_read_only(on_store: AppTest) -> None:
    open_page(on_store, "corpus")
    assert "class.duckdb" in on_store.info[0].value and "60 articles" in on_store.info[0].value
    assert len(on_store.get("file_uploader")) == 0
    assert len(on_store.dataframe[0].value) == 60


def test_lexicon_edits_preview_on_the_store_and_leave_it_unchanged(store_file, monkeypatch, seed_results) -> None:
    monkeypatch.setenv("FRAMELENS_STORE", str(store_file))
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    open_page(at, "lexicons")
    assert "computed when it was written" in at.warning[0].value
    effect = next(d.value for d in at.dataframe if "SECURITY stored" in d.value.columns).set_index("id")
    assert len(effect) == 20
    assert (effect["SECURITY stored"] == effect["SECURITY now"]).all()  # same lexicons, same scores
    text = at.text_area(key="lexicons.text.SECURITY").value
    at.text_area(key="lexicons.text.SECURITY").set_value(emptied(text, "weak"))
    at.button(key="lexicons.apply.SECURITY").click().run()
    assert "the preview below now uses it" in at.success[0].value
    effect = next(d.value for d in at.dataframe if "SECURITY stored" in d.value.columns).set_index("id")
    assert effect.loc["a003", "SECURITY now"] < effect.loc["a003", "SECURITY stored"]
    assert store.Store(store_file).matching().set_index("id").loc["a003", "SECURITY"] == (
        seed_results["003"].frames["SECURITY"].share)


def test_a_store_that_cannot_be_opened_is_named_and_the_seeds_are_shown(tmp_path, monkeypatch) -> None:
    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(b"\x00garbage" * 100)
    monkeypatch.setenv("FRAMELENS_STORE", str(broken))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert plain("broken.duckdb: not a FrameLens store") in at.error[0].value
    assert "5 of 5 articles" in at.caption[0].value


def _meta_only(path) -> None:
    db = duckdb.connect(str(path))
    db.execute(f"CREATE TABLE meta AS SELECT {store.SCHEMA_VERSION} AS schema_version")
    db.close()


def _truncated(path, store_file) -> None:
    data = store_file.read_bytes()
    path.write_bytes(data[: len(data) * 6 // 10])


@pytest.mark.parametrize("damage", [_meta_only, _truncated], ids=["meta-only", "truncated"])
@pytest.mark.parametrize("page", ["overview", "reader", "compare", "corpus", "code", "lexicons"])
def test_a_partial_or_damaged_store_falls_back_to_the_seeds(store_file, tmp_path, monkeypatch, damage, page) -> None:
    broken = tmp_path / "partial.duckdb"
    damage(broken) if damage is _meta_only else damage(broken, store_file)
    monkeypatch.setenv("FRAMELENS_STORE", str(broken))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    if page != "overview":
        open_page(at, page)
    assert not at.exception
    assert at.error[0].value.startswith(plain("Could not open the scored corpus — ") + plain(str(broken)))
    assert at.session_state["corpus.documents"] and not any("database" in i.icon for i in at.info if i.icon)


def test_a_store_rewritten_while_open_is_reopened(store_file, tmp_path, monkeypatch, seed_results) -> None:
    path = tmp_path / "live.duckdb"
    path.write_bytes(store_file.read_bytes())
    monkeypatch.setenv("FRAMELENS_STORE", str(path))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert "60 of 60 articles" in at.caption[0].value
    fresh = tmp_path / "fresh.duckdb"
    store.save(list(seed_results.values())[:3], fresh)
    os.replace(fresh, path)
    os.utime(path, (time.time() + 5, time.time() + 5))
    at.run()
    assert "3 of 3 articles" in at.caption[0].value
