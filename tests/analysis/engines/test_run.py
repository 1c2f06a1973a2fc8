"""Scoring many documents: the cache first, then in process or on a process pool."""

from __future__ import annotations

from pathlib import Path

from analysis.engines.cache import ResultCache
from analysis.engines.run import score_documents
from analysis.ingest.read import from_text, read_paths

TEXT = "Export controls hit chip makers. Billions in subsidies were wasted on failed fabs."
#: A control text that the rules' topic test finds off-topic.
CONTROL = Path(__file__).resolve().parents[2] / "data" / "corpus" / "dev" / "control-01.txt"


def test_cache_hit_skips_scoring_and_keeps_new_metadata(tmp_path, monkeypatch) -> None:
    cache = ResultCache(tmp_path / "c.sqlite")
    first = list(score_documents([from_text(TEXT, title="first")], cache=cache))[0]

    def boom(*args, **kwargs):
        raise AssertionError("scored again despite a cache hit")

    monkeypatch.setattr("analysis.engines.run.score_document", boom)
    again = list(score_documents([from_text(TEXT, title="second")], cache=cache))[0]
    assert again.title == "second"
    assert again.frames == first.frames and again.sentences == first.sentences


def test_progress_is_called_per_document() -> None:
    seen = []
    docs = [from_text(TEXT, doc_id="a"), from_text("Another text about football.", doc_id="b")]
    list(score_documents(docs, progress=lambda r: seen.append(r.id)))
    assert seen == ["a", "b"]


def test_parallel_scoring_matches_sequential_and_keeps_order(tmp_path) -> None:
    docs = [from_text(f"{TEXT} Variation {i}.", doc_id=f"d{i}") for i in range(12)]
    sequential = list(score_documents(docs))
    cache = ResultCache(tmp_path / "p.sqlite")
    parallel = list(score_documents(docs, jobs=2, cache=cache))
    assert parallel == sequential
    again = list(score_documents(docs, jobs=2, cache=cache))
    assert again == sequential


def test_the_off_topic_reason_survives_the_process_pool_and_the_cache(tmp_path, monkeypatch) -> None:
    docs = [*read_paths([CONTROL]).documents, from_text(TEXT, doc_id="a")]
    cache = ResultCache(tmp_path / "p.sqlite")
    parallel = list(score_documents(docs, jobs=2, cache=cache))
    assert [r.off_topic[:28] for r in parallel] == ["only 1 of 30 sentences (3%) ", ""]

    def boom(*args, **kwargs):
        raise AssertionError("scored again despite a cache hit")

    monkeypatch.setattr("analysis.engines.run.score_document", boom)
    assert list(score_documents(docs, cache=cache)) == parallel
