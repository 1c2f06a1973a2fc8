from __future__ import annotations

import pytest

from analysis import store
from analysis.ingest import from_text


def test_round_trip_is_lossless(seed_results, tmp_path) -> None:
    path = tmp_path / "corpus.duckdb"
    assert store.save(seed_results.values(), path, batch=2) == 5
    again = store.load(path, ["004", "000"])
    assert [r.id for r in again] == ["004", "000"]
    assert again[0] == seed_results["004"] and again[1] == seed_results["000"]


def test_summary_and_aggregates_come_from_sql(seed_results, tmp_path) -> None:
    path = tmp_path / "corpus.duckdb"
    store.save(seed_results.values(), path)
    summary = store.summary(path)
    assert list(summary["id"]) == ["000", "001", "002", "003", "004"]
    assert summary.set_index("id").loc["003", "SECURITY_share"] == seed_results["003"].frames["SECURITY"].share
    means = store.frame_means(path, by="kind").set_index("kind")
    analysis = [seed_results[i].frames["SECURITY"].share for i in ("001", "003")]
    assert means.loc["analysis", "articles"] == 2
    assert means.loc["analysis", "SECURITY"] == pytest.approx(sum(analysis) / 2)
    with pytest.raises(ValueError, match="valid groupings are kind, outlet, dominant, date"):
        store.frame_means(path, by="text; DROP TABLE articles")


def test_saving_replaces_and_streams(tmp_path) -> None:
    from analysis.score import score_documents

    path = tmp_path / "c.duckdb"
    docs = (from_text(f"Export controls bite, day {i}.", doc_id=f"d{i}") for i in range(7))
    assert store.save(score_documents(docs), path, batch=3) == 7
    assert store.save(score_documents([from_text("Subsidies were wasted.", doc_id="x")]), path) == 1
    assert list(store.summary(path)["id"]) == ["x"]
