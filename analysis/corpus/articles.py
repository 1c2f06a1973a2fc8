"""Articles a class adds, kept on disk under a key that is a hash of their content.

A pasted or uploaded article lives only in one browser session unless it is written
somewhere a reload (or a student's browser) can find it again. Each added article is one
small JSON file named by its key in a folder (`$FRAMELENS_DATA`, else the user's data
folder); a dashboard link names the keys it shows, so a link reopens exactly those articles
and no session sees another's additions unless given such a link. Reading a file counts as
using it; files unused for `KEEP_DAYS` days, and the least recently used beyond
`MAX_BYTES` in all, are deleted when an article is added.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
from collections.abc import Iterable
from dataclasses import asdict, fields
from pathlib import Path

from analysis.types import Document

#: Most bytes the folder keeps in all; the least recently used articles go first.
MAX_BYTES = 200 * 2**20
#: Days an article is kept after it was last opened or added.
KEEP_DAYS = 30
_KEY = re.compile(r"[0-9a-f]{16}")


def default_path() -> Path:
    """`$FRAMELENS_DATA`, else the user's data folder."""
    env = os.environ.get("FRAMELENS_DATA")
    if env:
        return Path(env)
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "framelens" / "articles"


def content_key(doc: Document) -> str:
    """16 hex digits of a SHA-256 over the text and metadata: the same article gets the same key."""
    payload = json.dumps({f.name: getattr(doc, f.name) for f in fields(doc) if f.name not in ("id", "source")},
                         sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def describe() -> str:
    """The retention rule in one sentence, for the Corpus page."""
    return (f"Added articles are kept on this server for {KEEP_DAYS} days after they were last opened, "
            f"and at most {MAX_BYTES // 2**20} MiB of them in all (the least recently opened go first); "
            "a link names the articles it shows, and nobody sees them without such a link.")


class ArticleStore:
    """The folder of added articles."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else default_path()

    def _file(self, key: str) -> Path | None:
        return self.path / f"{key}.json" if _KEY.fullmatch(key) else None

    def put(self, doc: Document) -> str:
        """Keep `doc` (written whole or not at all) and return its key; then drop what is past the rules."""
        key = content_key(doc)
        target = self.path / f"{key}.json"
        self.path.mkdir(parents=True, exist_ok=True)
        if target.exists():
            os.utime(target)
        else:
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.path, suffix=".tmp", delete=False) as tmp:
                json.dump(asdict(doc), tmp, ensure_ascii=False)
            os.replace(tmp.name, target)
        self.prune(keep=key)
        return key

    def get(self, key: str) -> Document | None:
        """The article under `key`, or None when it is not (or no longer) here; opening it counts as use."""
        target = self._file(key)
        try:
            if target is None:
                return None
            data = json.loads(target.read_text(encoding="utf-8"))
            os.utime(target)
            return Document(**{f.name: str(data.get(f.name, "")) for f in fields(Document)})
        except (OSError, ValueError, TypeError):
            return None

    def prune(self, *, keep: str = "", now: float | None = None) -> list[str]:
        """Delete articles unused for KEEP_DAYS, then the least recently used beyond MAX_BYTES
        (never `keep`); returns the keys deleted."""
        now = time.time() if now is None else now
        entries = []
        for item in self.path.glob("*.json"):
            try:
                stat = item.stat()
            except OSError:
                continue
            entries.append((stat.st_mtime, stat.st_size, item))
        entries.sort(reverse=True)  # most recently used first
        total, gone = 0, []
        for used, size, item in entries:
            total += size
            stale = now - used > KEEP_DAYS * 86400 or total > MAX_BYTES
            if stale and item.stem != keep:
                item.unlink(missing_ok=True)
                gone.append(item.stem)
        return gone

    def get_many(self, keys: Iterable[str]) -> tuple[list[tuple[str, Document]], list[str]]:
        """The articles found under `keys` (in order), and the keys not found."""
        found, missing = [], []
        for key in dict.fromkeys(keys):
            doc = self.get(key)
            if doc is None:
                missing.append(key)
            else:
                found.append((key, doc))
        return found, missing
