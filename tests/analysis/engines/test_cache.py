from __future__ import annotations

import sqlite3

from analysis.engines.cache import ResultCache, default_path
from analysis.ingest.read import from_text
from analysis.scoring.score import score_document


def test_key_depends_on_text_lexicons_and_settings() -> None:
    base = ResultCache.key("text", "lex", "top=20")
    assert base == ResultCache.key("text", "lex", "top=20")
    assert len({base, ResultCache.key("text2", "lex", "top=20"), ResultCache.key("text", "lex2", "top=20"),
                ResultCache.key("text", "lex", "top=10")}) == 4


def test_round_trip(tmp_path) -> None:
    cache = ResultCache(tmp_path / "c.sqlite")
    result = score_document(from_text("Export controls hit Huawei. The entity list grows."))
    cache.put("k", result)
    assert cache.get("k") == result
    assert cache.get("missing") is None


def test_corrupt_entry_is_a_miss(tmp_path) -> None:
    path = tmp_path / "c.sqlite"
    cache = ResultCache(path)
    cache.put("k", score_document(from_text("Export controls hit Huawei.")))
    with sqlite3.connect(path) as db:
        db.execute("UPDATE results SET payload = substr(payload, 1, 40)")
    assert cache.get("k") is None


def test_stale_entry_with_valid_checksum_but_wrong_shape_is_a_miss(tmp_path) -> None:
    path = tmp_path / "c.sqlite"
    cache = ResultCache(path)
    payload = '{"id": "x"}'
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO results VALUES (?, ?, ?)", ("k", ResultCache._checksum(payload), payload))
    assert cache.get("k") is None


def test_default_path_follows_environment(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("FRAMELENS_CACHE", str(tmp_path / "x.sqlite"))
    assert default_path() == tmp_path / "x.sqlite"
