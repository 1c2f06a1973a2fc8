"""Added articles kept on disk by content key, with a retention rule."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from analysis.corpus import articles
from analysis.corpus.articles import ArticleStore, content_key
from analysis.types import Document


def doc(text: str, **meta: str) -> Document:
    return Document(id="pasted", source="pasted text", text=text, **meta)


def test_an_added_article_comes_back_by_its_key(tmp_path: Path) -> None:
    kept = ArticleStore(tmp_path)
    key = kept.put(doc("Export controls hit chips.", title="Chips"))
    assert key == content_key(doc("Export controls hit chips.", title="Chips"))
    assert ArticleStore(tmp_path).get(key) == doc("Export controls hit chips.", title="Chips")


def test_the_key_follows_content_not_the_id(tmp_path: Path) -> None:
    a = doc("Same text.")
    assert content_key(a) == content_key(Document(id="other", source="x.txt", text="Same text."))
    assert content_key(a) != content_key(doc("Same text.", title="A title"))


@pytest.mark.parametrize("key", ["0123456789abcdef", "../../etc/passwd", "", "ABCDEF0123456789"])
def test_unknown_or_malformed_keys_are_missing(tmp_path: Path, key: str) -> None:
    found, missing = ArticleStore(tmp_path).get_many([key])
    assert found == [] and missing == [key]


def test_articles_unused_for_the_keep_days_are_pruned(tmp_path: Path) -> None:
    kept = ArticleStore(tmp_path)
    old, fresh = kept.put(doc("Old text.")), kept.put(doc("Fresh text."))
    past = time.time() - (articles.KEEP_DAYS + 1) * 86400
    os.utime(tmp_path / f"{old}.json", (past, past))
    assert kept.prune() == [old]
    assert kept.get(old) is None and kept.get(fresh) is not None


def test_the_least_recently_used_go_first_past_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kept = ArticleStore(tmp_path)
    first = kept.put(doc("First text."))
    os.utime(tmp_path / f"{first}.json", (time.time() - 60, time.time() - 60))
    monkeypatch.setattr(articles, "MAX_BYTES", (tmp_path / f"{first}.json").stat().st_size + 10)
    second = kept.put(doc("Second text."))
    assert kept.get(first) is None and kept.get(second) is not None


def test_the_rule_is_stated() -> None:
    assert f"{articles.KEEP_DAYS} days" in articles.describe() and "MiB" in articles.describe()
