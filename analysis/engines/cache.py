"""On-disk result cache, so scoring the same corpus twice is close to free.

Entries are keyed by a hash of text, lexicons and settings, and stored in SQLite with a
checksum: a corrupt or stale entry is treated as a miss and recomputed, never shown.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

from analysis.serialize import article_from_dict, article_to_dict
from analysis.types import ArticleResult

#: Bumped whenever scoring changes in a way the lexicon fingerprint does not capture.
SCORER_VERSION = "3"


def default_path() -> Path:
    """`$FRAMELENS_CACHE`, else the user's cache folder."""
    env = os.environ.get("FRAMELENS_CACHE")
    if env:
        return Path(env)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "framelens" / "results.sqlite"


class ResultCache:
    """A small key-value store of ArticleResults; safe to share between processes."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS results "
                "(key TEXT PRIMARY KEY, checksum TEXT NOT NULL, payload TEXT NOT NULL)"
            )

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=30)

    @staticmethod
    def key(text: str, lexicon_fingerprint: str, settings_key: str) -> str:
        digest = hashlib.sha256()
        for part in (SCORER_VERSION, lexicon_fingerprint, settings_key, text):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        return digest.hexdigest()

    @staticmethod
    def _checksum(payload: str) -> str:
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def get(self, key: str) -> ArticleResult | None:
        """The cached result, or None when absent, corrupt or unreadable."""
        with self._connect() as db:
            row = db.execute("SELECT checksum, payload FROM results WHERE key = ?", (key,)).fetchone()
        if row is None or row[0] != self._checksum(row[1]):
            return None
        try:
            return article_from_dict(json.loads(row[1]))
        except (ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, result: ArticleResult) -> None:
        payload = json.dumps(article_to_dict(result), ensure_ascii=False)
        with self._connect() as db:
            db.execute(
                "INSERT OR REPLACE INTO results (key, checksum, payload) VALUES (?, ?, ?)",
                (key, self._checksum(payload), payload),
            )

    def clear(self) -> None:
        with self._connect() as db:
            db.execute("DELETE FROM results")
