"""A scored corpus on disk, in DuckDB: reopened without rescoring, aggregated in SQL.

Two tables: `articles` (one row per article: metadata, figures per frame, keywords) and
`sentences` (one row per sentence, frames and cues as JSON). Results are written in
batches as they stream in, so a 10,000-article corpus never sits in memory whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from itertools import islice
from pathlib import Path

import duckdb
import pandas as pd

from analysis.serialize import article_from_dict, article_rows
from analysis.types import FRAMES, ArticleResult

SCHEMA_VERSION = 1


def _article_frame(batch: Sequence[ArticleResult]) -> pd.DataFrame:
    rows = article_rows(batch)
    for row, result in zip(rows, batch):
        row.update(outlet=result.outlet, kind=result.kind, date=result.date, url=result.url, text=result.text,
                   trimmed=result.trimmed, keywords=json.dumps([[k.phrase, k.score] for k in result.keywords]))
        for frame in FRAMES:
            row[f"{frame}_sentences"] = result.frames[frame].sentences
            row[f"{frame}_hits"] = result.frames[frame].hits
    return pd.DataFrame(rows)


def _sentence_frame(batch: Sequence[ArticleResult]) -> pd.DataFrame:
    rows = []
    for result in batch:
        for index, s in enumerate(result.sentences):
            rows.append({
                "article_id": result.id, "sentence": index, "start": s.start, "end": s.end, "text": s.text,
                "polarity": s.polarity, "subjectivity": s.subjectivity,
                "frames": json.dumps({f: {"strength": h.strength, "cues": [[c.text, c.start, c.end, c.role, c.weight]
                                                                           for c in h.cues]} for f, h in s.frames.items()}),
            })
    return pd.DataFrame(rows, columns=["article_id", "sentence", "start", "end", "text", "polarity",
                                       "subjectivity", "frames"])


def save(results: Iterable[ArticleResult], path: str | Path, *, batch: int = 500) -> int:
    """Write (replacing) a scored corpus; returns the number of articles written."""
    path = Path(path)
    path.unlink(missing_ok=True)
    results = iter(results)
    written = 0
    with duckdb.connect(str(path)) as db:
        db.execute(f"CREATE TABLE meta AS SELECT {SCHEMA_VERSION} AS schema_version")
        while chunk := list(islice(results, batch)):
            articles, sentences = _article_frame(chunk), _sentence_frame(chunk)
            verb = "INSERT INTO {} SELECT * FROM {}" if written else "CREATE TABLE {} AS SELECT * FROM {}"
            db.register("a", articles)
            db.register("s", sentences)
            db.execute(verb.format("articles", "a"))
            db.execute(verb.format("sentences", "s"))
            db.unregister("a")
            db.unregister("s")
            written += len(chunk)
    return written


def summary(path: str | Path) -> pd.DataFrame:
    """One row per article with its figures (no text), straight from SQL."""
    columns = ", ".join(["id", "title", "kind", "outlet", "date", "words", "sentences", "dominant", "polarity",
                         "subjectivity", *(f"{f}_share" for f in FRAMES)])
    with duckdb.connect(str(path), read_only=True) as db:
        return db.execute(f"SELECT {columns} FROM articles ORDER BY id").df()


def frame_means(path: str | Path, *, by: str = "kind") -> pd.DataFrame:
    """Mean share per frame for each value of `by` (kind, outlet, dominant), aggregated in SQL."""
    if by not in ("kind", "outlet", "dominant", "date"):
        raise ValueError(f"by={by!r}: valid groupings are kind, outlet, dominant, date")
    means = ", ".join(f"avg({f}_share) AS {f}" for f in FRAMES)
    with duckdb.connect(str(path), read_only=True) as db:
        return db.execute(f"SELECT {by}, count(*) AS articles, {means} FROM articles GROUP BY {by} ORDER BY {by}").df()


def load(path: str | Path, ids: Sequence[str]) -> list[ArticleResult]:
    """Full results (sentences and evidence) of the chosen articles, in the order asked."""
    with duckdb.connect(str(path), read_only=True) as db:
        articles = db.execute("SELECT * FROM articles WHERE id IN (SELECT unnest(?))", [list(ids)]).df()
        sentences = db.execute("SELECT * FROM sentences WHERE article_id IN (SELECT unnest(?)) "
                               "ORDER BY article_id, sentence", [list(ids)]).df()
    by_id = {}
    for row in articles.to_dict("records"):
        own = sentences[sentences["article_id"] == row["id"]]
        by_id[row["id"]] = article_from_dict({
            **{k: row[k] for k in ("id", "source", "title", "outlet", "kind", "date", "url", "text", "trimmed",
                                   "words", "polarity", "subjectivity")},
            "dominant": row["dominant"] or None,
            "frames": {f: {"share": row[f"{f}_share"], "per_1k_words": row[f"{f}_per_1k"],
                           "sentences": row[f"{f}_sentences"], "hits": row[f"{f}_hits"]} for f in FRAMES},
            "keywords": [{"phrase": p, "score": s} for p, s in json.loads(row["keywords"])],
            "sentences": [{"start": s["start"], "end": s["end"], "text": s["text"], "polarity": s["polarity"],
                           "subjectivity": s["subjectivity"],
                           "frames": {f: {"strength": h["strength"], "cues": [dict(zip(("text", "start", "end", "role", "weight"), c))
                                                                              for c in h["cues"]]}
                                      for f, h in json.loads(s["frames"]).items()}}
                          for s in own.to_dict("records")],
        })
    return [by_id[i] for i in ids if i in by_id]
