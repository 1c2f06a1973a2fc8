from __future__ import annotations

from dataclasses import replace

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.corpus import store
from analysis.corpus.select import Filters, apply
from analysis.errors import InputError
from analysis.ingest.read import from_text
from analysis.outputs import OutputError
from analysis.report import tables
from analysis.types import FRAMES


@pytest.fixture(scope="module")
def corpus(seed_results):
    """The seeds, plus copies with other metadata so that every filter has something to split."""
    seeds = list(seed_results.values())
    variants = [
        replace(seeds[0], id="v0", kind="op-ed", outlet="Le Monde", date="2019-05", polarity=-0.4, title="Ölpreis"),
        replace(seeds[1], id="v1", kind="", outlet="Le Monde", date="2020-01-31", polarity=0.35, title="Une grande leap"),
        replace(seeds[3], id="v2", kind="analysis", outlet="", date="2020", polarity=0.0, title="(U.S.) chips"),
    ]
    return seeds + variants


@pytest.fixture(scope="module")
def opened(corpus, tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "corpus.duckdb"
    assert store.save(corpus, path, batch=3) == len(corpus)
    with_store = store.Store(path)
    yield with_store
    with_store.close()


def test_round_trip_is_lossless(opened, seed_results) -> None:
    again = opened.load(["004", "000", "missing"])
    assert [r.id for r in again] == ["004", "000"]
    assert again[0] == seed_results["004"] and again[1] == seed_results["000"]


def test_matching_rows_are_the_overview_table(opened, corpus) -> None:
    expected = tables.overview(sorted(corpus, key=lambda r: r.id)).reset_index(drop=True)
    got = opened.matching()
    assert list(got.columns) == list(expected.columns)
    assert got.astype(str).equals(expected.astype(str))


def test_the_off_topic_reason_is_stored_and_older_stores_load_without_it(tmp_path, seed_results) -> None:
    result = replace(seed_results["000"], off_topic="none of its 28 sentences name the state; at least 12% must")
    path = tmp_path / "corpus.duckdb"
    store.save([result], path)
    opened = store.Store(path)
    assert opened.load(["000"]) == [result]
    opened.close()
    with duckdb.connect(str(path)) as db:
        db.execute("ALTER TABLE articles DROP COLUMN off_topic")
    older = store.Store(path)
    assert older.load(["000"]) == [replace(result, off_topic="")]
    older.close()


FILTERS = [
    Filters(),
    Filters(min_share=0.3),
    Filters(frames=("HISTORY",), min_share=0.5),
    Filters(frames=(), min_share=0.1),
    Filters(kinds=("analysis", "op-ed")),
    Filters(outlets=("Le Monde",), kinds=("op-ed",)),
    Filters(date_from="2019-06-01"),
    Filters(date_from="2020-01-15", date_to="2020-01"),
    Filters(date_to="2019"),
    Filters(polarity=(0.0, 0.3)),
    Filters(query="great   leap"),
    Filters(query="U.S."),
    Filters(query="(u.s.)"),
    Filters(query="ölpreis"),
    Filters(query="leap forward"),
    Filters(query="forward leap"),
    Filters(query="chips", min_share=0.2, polarity=(-1.0, 0.5)),
]


@pytest.mark.parametrize("filters", FILTERS, ids=str)
def test_sql_filters_mean_what_the_sidebar_means(opened, corpus, filters) -> None:
    expected = sorted(r.id for r in apply(corpus, filters))
    assert list(opened.matching(filters)["id"]) == expected
    assert opened.count(filters) == len(expected)


_dates = st.sampled_from(["", "2019", "2019-05", "2019-06-01", "2020", "2020-01-31", "2021-03"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    frames=st.lists(st.sampled_from(FRAMES), unique=True),
    min_share=st.sampled_from([0.0, 0.05, 0.2, 0.4]),
    kinds=st.lists(st.sampled_from(["op-ed", "analysis", "wire report", "history reference"]), max_size=2),
    date_from=_dates,
    date_to=_dates,
    low=st.sampled_from([-1.0, -0.2, 0.0, 0.1]),
    query=st.sampled_from(["", "leap", "chips", "U.S", "xi's", "Ölpreis", "a+b", "self-reliance"]),
)
def test_any_filter_selects_the_same_articles_in_sql(opened, corpus, frames, min_share, kinds, date_from, date_to,
                                                    low, query) -> None:
    filters = Filters(frames=tuple(frames), min_share=min_share, kinds=tuple(kinds), date_from=date_from or None,
                      date_to=date_to or None, polarity=(low, 1.0), query=query)
    assert list(opened.matching(filters)["id"]) == sorted(r.id for r in apply(corpus, filters))


def test_a_listing_is_bounded_but_keeps_chosen_articles(opened) -> None:
    assert list(opened.matching(limit=2, include=["v1"])["id"]) == ["000", "001", "v1"]
    assert list(opened.matching(Filters(kinds=("op-ed",)), limit=1, include=["004"])["id"]) == ["000"]


def test_aggregates_come_from_sql(opened, corpus) -> None:
    means = opened.frame_means(by="kind").set_index(["kind", "frame"])
    analysis = [r.frames["SECURITY"].share for r in corpus if r.kind == "analysis"]
    assert means.loc[("analysis", "SECURITY"), "articles"] == len(analysis) == 3
    assert means.loc[("analysis", "SECURITY"), "mean_share"] == pytest.approx(sum(analysis) / 3)
    assert "unknown" in means.index.get_level_values("kind")
    years = opened.frame_means(Filters(outlets=("Le Monde",)), by="year")
    assert sorted(set(years["year"])) == ["2019", "2020"]
    with pytest.raises(ValueError, match="valid groupings are kind, outlet, dominant, year"):
        opened.frame_means(by="text; DROP TABLE articles")

    dominant = opened.dominant_counts()
    assert dominant["articles"].sum() == len(corpus)
    assert list(dominant["frame"]) == [f for f in (*FRAMES, "") if f in set(dominant["frame"])]
    assert "HISTORY" not in set(dominant["dominant"]) and "none" not in set(dominant["dominant"])

    grid = opened.tone_grid(Filters(kinds=("op-ed",)))
    assert grid["articles"].sum() == 2
    assert ((grid["polarity"] >= -1) & (grid["polarity"] < 1) & (grid["subjectivity"] < 1)).all()
    assert opened.known("outlet") == ["Bloomberg", "Le Monde"]
    assert "v2" in opened.known("id")


def test_saving_replaces_and_streams(tmp_path) -> None:
    from analysis.engines.run import score_documents

    path = tmp_path / "c.duckdb"
    docs = (from_text(f"Export controls bite, day {i}.", doc_id=f"d{i}") for i in range(7))
    assert store.save(score_documents(docs), path, batch=3) == 7
    assert store.save(score_documents([from_text("Subsidies were wasted.", doc_id="x")]), path) == 1
    assert list(store.Store(path).matching()["id"]) == ["x"]


def test_files_that_are_not_stores_are_named_with_the_reason(tmp_path) -> None:
    with pytest.raises(InputError, match="missing.duckdb: no such file"):
        store.Store(tmp_path / "missing.duckdb")
    text = tmp_path / "notes.duckdb"
    text.write_text("not a database")
    with pytest.raises(InputError, match=r"notes.duckdb: not a FrameLens store .*score the articles again"):
        store.Store(text)
    other = tmp_path / "other.duckdb"
    with duckdb.connect(str(other)) as db:
        db.execute("CREATE TABLE meta AS SELECT 1 AS schema_version")
    with pytest.raises(InputError, match="store format 1, this FrameLens reads 2"):
        store.Store(other)


def test_an_interrupted_save_leaves_the_old_store_as_it_was(tmp_path, seed_results) -> None:
    path = tmp_path / "c.duckdb"
    seeds = list(seed_results.values())
    store.save(seeds[:2], path)

    def interrupted():
        yield from seeds[2:4]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        store.save(interrupted(), path, batch=1)
    assert list(store.Store(path).matching()["id"]) == [r.id for r in seeds[:2]]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.duckdb"]


def test_a_file_that_is_not_a_store_is_never_overwritten(tmp_path, seed_results) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Export controls bite.", encoding="utf-8")
    with pytest.raises(OutputError, match=r"article\.txt: exists and is not a FrameLens store; not overwritten"):
        store.save(seed_results.values(), article)
    assert article.read_text(encoding="utf-8") == "Export controls bite."
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt"]
