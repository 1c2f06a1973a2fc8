"""A scored corpus on disk, in DuckDB: reopened without rescoring, filtered and aggregated in SQL.

Two tables: `articles` (one row per article: metadata, figures per frame, keywords) and
`sentences` (one row per sentence, frames and cues as JSON). Results are written in
batches as they stream in, so a 10,000-article corpus never sits in memory whole; the
dashboard reads it back the same way, as SQL aggregates and the few articles a page shows.
The sidebar's filters become one WHERE clause (`where`) with the meaning of
`analysis.corpus.select.apply`, and a test holds the two to the same answers.
"""

from __future__ import annotations

import json
import os
import string
from collections.abc import Iterable, Sequence
from pathlib import Path

import duckdb
import pandas as pd

from analysis.corpus.select import Filters
from analysis.errors import StoreError
from analysis.outputs import OutputError, check_file, temporary_beside
from analysis.serialize import OVERVIEW_COLUMNS, article_from_dict, article_rows, top_keywords
from analysis.types import FRAMES, HISTORY_LEADS, NO_DOMINANT, ArticleResult

SCHEMA_VERSION = 2
#: How the columns of `report.tables.overview` are read from the `articles` table, where they differ.
_OVERVIEW_SQL = {"dominant": f"CASE coalesce(dominant, '') WHEN '' THEN '{NO_DOMINANT}' "
                             f"WHEN 'HISTORY' THEN '{HISTORY_LEADS}' ELSE dominant END",
                 **{f: f"{f}_share" for f in FRAMES}, "keywords": "top_keywords"}
GROUPINGS = ("kind", "outlet", "dominant", "year")
_RESCORE = "score the articles again with `python -m analysis score PATHS --store FILE`"


def _article_frame(batch: Sequence[ArticleResult]) -> pd.DataFrame:
    rows = article_rows(batch)
    for row, result in zip(rows, batch):
        row.update(outlet=result.outlet, kind=result.kind, date=result.date, url=result.url, text=result.text,
                   trimmed=result.trimmed, off_topic=result.off_topic, top_keywords=top_keywords(result),
                   keywords=json.dumps([[k.phrase, k.score] for k in result.keywords]))
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
                "frames": json.dumps({f: {"strength": h.strength, "context": h.context, "cues": [[c.text, c.start, c.end, c.role, c.weight]
                                                                           for c in h.cues]} for f, h in s.frames.items()}),
            })
    return pd.DataFrame(rows, columns=["article_id", "sentence", "start", "end", "text", "polarity",
                                       "subjectivity", "frames"])


def check_target(path: Path) -> None:
    """Raise OutputError unless a new store may be written at `path`: its folder is writable,
    and what is there already, if anything, is a store (never an article or another file)."""
    check_file(path)
    if path.exists():
        try:
            with duckdb.connect(str(path), read_only=True) as db:
                db.execute("SELECT schema_version FROM meta").fetchone()
        except duckdb.Error:
            raise OutputError(str(path), "exists and is not a FrameLens store; not overwritten") from None


class Writer:
    """Writes a new store from results added one at a time, in batches, so that the caller
    can stream results to other outputs in the same pass. The store is written under a
    temporary name and replaces the file at `path` only when closed after a complete run."""

    def __init__(self, path: str | Path, *, batch: int = 500) -> None:
        self.path = Path(path)
        check_target(self.path)
        self.batch = batch
        self.written = 0
        self._pending: list[ArticleResult] = []
        self._temporary = temporary_beside(self.path)
        try:
            self._db = duckdb.connect(str(self._temporary))
        except duckdb.Error as error:
            raise OutputError(str(self.path), f"cannot be written ({str(error).splitlines()[0]})") from None
        self._db.execute(f"CREATE TABLE meta AS SELECT {SCHEMA_VERSION} AS schema_version, now()::VARCHAR AS written")

    def add(self, result: ArticleResult) -> None:
        self._pending.append(result)
        if len(self._pending) >= self.batch:
            self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        verb = "INSERT INTO {} SELECT * FROM {}" if self.written else "CREATE TABLE {} AS SELECT * FROM {}"
        for table, frame in (("articles", _article_frame(self._pending)), ("sentences", _sentence_frame(self._pending))):
            self._db.register("batch", frame)
            self._db.execute(verb.format(table, "batch"))
            self._db.unregister("batch")
        self.written += len(self._pending)
        self._pending = []

    def close(self) -> int:
        """Write what is pending, close, and move the new store into place; returns the number of articles."""
        try:
            self._flush()
        except BaseException:
            self.abandon()
            raise
        self._db.close()
        os.replace(self._temporary, self.path)
        return self.written

    def abandon(self) -> None:
        """Close and delete the unfinished store; the file at `path` stays as it was."""
        self._db.close()
        for leftover in (self._temporary, self._temporary.with_name(self._temporary.name + ".wal")):
            leftover.unlink(missing_ok=True)

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        if kind is None:
            self.close()
        else:
            self.abandon()


def save(results: Iterable[ArticleResult], path: str | Path, *, batch: int = 500) -> int:
    """Write (replacing a store, never another file) a scored corpus; returns the number of articles written."""
    with Writer(path, batch=batch) as writer:
        for result in results:
            writer.add(result)
    return writer.written


def _re2_phrase(query: str) -> str | None:
    """The search phrase as a DuckDB (RE2) pattern with the meaning of `select`'s: words
    in order, any spaces between, the first one starting a word. RE2 has no look-behind,
    so "starts a word" is "at the start or after a character that is not a word character"."""
    words = query.split()
    if not words:
        return None
    escaped = ["".join("\\" + c if c in string.punctuation else c for c in w) for w in words]
    return r"(^|[^\pL\pN_])" + r"\s+".join(escaped)


def where(filters: Filters) -> tuple[str, list[object]]:
    """The filters as an SQL condition on `articles`, with its parameters."""
    clauses: list[str] = []
    params: list[object] = []
    if filters.min_share > 0:
        chosen = [f for f in filters.frames if f in FRAMES]
        clauses.append(f"greatest({', '.join(f'{f}_share' for f in chosen)}) >= ?" if chosen else "false")
        params += [filters.min_share] if chosen else []
    for column, values in (("kind", filters.kinds), ("outlet", filters.outlets)):
        if values:
            clauses.append(f"{column} IN (SELECT unnest(?))")
            params.append(list(values))
    if filters.date_from:
        clauses.append("date <> '' AND date >= left(?, length(date))")
        params.append(filters.date_from)
    if filters.date_to:
        clauses.append("date <> '' AND left(date, length(?)) <= ?")
        params += [filters.date_to, filters.date_to]
    low, high = filters.polarity
    if (low, high) != (-1.0, 1.0):
        clauses.append("polarity BETWEEN ? AND ?")
        params += [low, high]
    if (pattern := _re2_phrase(filters.query)) is not None:
        clauses.append("(regexp_matches(title, ?, 'i') OR id IN "
                       "(SELECT article_id FROM sentences WHERE regexp_matches(text, ?, 'i')))")
        params += [pattern, pattern]
    return " AND ".join(clauses) or "true", params


class Store:
    """A scored corpus opened read-only; one connection, a cursor per query, so that
    many dashboard sessions can share it."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise StoreError(str(path), "no such file")
        try:
            self._db = duckdb.connect(str(self.path), read_only=True)
            version = self._db.execute("SELECT schema_version FROM meta").fetchone()[0]
        except duckdb.Error as error:
            raise StoreError(str(path), f"not a FrameLens store ({str(error).splitlines()[0]}); {_RESCORE}") from None
        if version != SCHEMA_VERSION:
            self._db.close()
            raise StoreError(str(path), f"store format {version}, this FrameLens reads {SCHEMA_VERSION}; {_RESCORE}")
        # Read every value once, so that a partial or damaged file fails here and not on some page.
        for table in ("articles", "sentences"):
            self._df(f"SELECT count(*) AS n, max(hash(COLUMNS(*))) FROM {table}")

    def _df(self, sql: str, params: Sequence[object] = ()) -> pd.DataFrame:
        try:
            with self._db.cursor() as cursor:
                return cursor.execute(sql, list(params)).df()
        except duckdb.Error as error:
            raise StoreError(str(self.path), f"store cannot be read, incomplete or damaged "
                                             f"({str(error).splitlines()[0]}); {_RESCORE}") from None

    def count(self, filters: Filters = Filters()) -> int:
        """Number of articles passing the filters."""
        condition, params = where(filters)
        return int(self._df(f"SELECT count(*) AS n FROM articles WHERE {condition}", params)["n"][0])

    def matching(self, filters: Filters = Filters(), *, limit: int | None = None,
                 include: Sequence[str] = ()) -> pd.DataFrame:
        """One row per article passing the filters (the columns of `report.tables.overview`), by id:
        the first `limit` of them, and any of `include` beyond those."""
        condition, params = where(filters)
        columns = ", ".join(f"{_OVERVIEW_SQL.get(c, c)} AS {c}" for c in OVERVIEW_COLUMNS)
        bound = ""
        if limit is not None:
            bound = f" QUALIFY row_number() OVER (ORDER BY id) <= {int(limit)} OR id IN (SELECT unnest(?))"
            params = [*params, list(include)]
        return self._df(f"SELECT {columns} FROM articles WHERE {condition}{bound} ORDER BY id", params)

    def known(self, field: str) -> list[str]:
        """Distinct non-empty values of a metadata field, sorted, for filter choices."""
        if field not in ("kind", "outlet", "date", "id"):
            raise ValueError(f"field={field!r}: valid fields are kind, outlet, date, id")
        return list(self._df(f"SELECT DISTINCT {field} AS v FROM articles WHERE {field} <> '' ORDER BY v")["v"])

    def frame_means(self, filters: Filters = Filters(), *, by: str = "kind") -> pd.DataFrame:
        """Mean share per frame for each value of `by`, in long form (one row per group and frame)."""
        if by not in GROUPINGS:
            raise ValueError(f"by={by!r}: valid groupings are {', '.join(GROUPINGS)}")
        key = {"year": "left(date, 4)", "dominant": _OVERVIEW_SQL["dominant"]}.get(by, by)
        condition, params = where(filters)
        means = ", ".join(f"avg({f}_share) AS {f}" for f in FRAMES)
        wide = self._df(f"SELECT coalesce(nullif({key}, ''), 'unknown') AS {by}, count(*) AS articles, {means} "
                        f"FROM articles WHERE {condition} GROUP BY 1 ORDER BY 1", params)
        return wide.melt(id_vars=[by, "articles"], value_vars=list(FRAMES), var_name="frame", value_name="mean_share")

    def dominant_counts(self, filters: Filters = Filters()) -> pd.DataFrame:
        """How many articles each label dominates: `frame` is the label ("" where none leads) and
        `dominant` the honest wording a reader sees ("mostly historical narration", "no frame dominates")."""
        condition, params = where(filters)
        counts = self._df(f"SELECT coalesce(dominant, '') AS frame, {_OVERVIEW_SQL['dominant']} AS dominant, "
                          f"count(*) AS articles FROM articles WHERE {condition} GROUP BY 1, 2", params)
        order = {name: i for i, name in enumerate([*FRAMES, ""])}
        return counts.sort_values("frame", key=lambda s: s.map(order)).reset_index(drop=True)

    def tone_grid(self, filters: Filters = Filters(), *, step: float = 0.1) -> pd.DataFrame:
        """Article counts on a grid of polarity × subjectivity cells (lower edges), for a density chart."""
        condition, params = where(filters)
        return self._df(
            f"SELECT round(floor(polarity / {step}) * {step}, 4) AS polarity, "
            f"round(floor(least(subjectivity, 0.9999) / {step}) * {step}, 4) AS subjectivity, count(*) AS articles "
            f"FROM articles WHERE {condition} GROUP BY 1, 2 ORDER BY 1, 2", params)

    def load(self, ids: Sequence[str]) -> list[ArticleResult]:
        """Full results (sentences and evidence) of the chosen articles, in the order asked."""
        articles = self._df("SELECT * FROM articles WHERE id IN (SELECT unnest(?))", [list(ids)])
        sentences = self._df("SELECT * FROM sentences WHERE article_id IN (SELECT unnest(?)) "
                             "ORDER BY article_id, sentence", [list(ids)])
        by_id = {row["id"]: _article(row, sentences[sentences["article_id"] == row["id"]])
                 for row in articles.to_dict("records")}
        return [by_id[i] for i in ids if i in by_id]

    def close(self) -> None:
        self._db.close()


def _article(row: dict, sentences: pd.DataFrame) -> ArticleResult:
    return article_from_dict({
        **{k: row[k] for k in ("id", "source", "title", "outlet", "kind", "date", "url", "text", "trimmed",
                               "words", "polarity", "subjectivity")},
        "dominant": row["dominant"] or None,
        "off_topic": row.get("off_topic", ""),  # stores written before the reason was kept have no such column
        "frames": {f: {"share": row[f"{f}_share"], "per_1k_words": row[f"{f}_per_1k"],
                       "sentences": row[f"{f}_sentences"], "hits": row[f"{f}_hits"]} for f in FRAMES},
        "keywords": [{"phrase": p, "score": s} for p, s in json.loads(row["keywords"])],
        "sentences": [{"start": s["start"], "end": s["end"], "text": s["text"], "polarity": s["polarity"],
                       "subjectivity": s["subjectivity"],
                       "frames": {f: {"strength": h["strength"], "context": h.get("context", 0.0),
                                      "cues": [dict(zip(("text", "start", "end", "role", "weight"), c)) for c in h["cues"]]}
                                  for f, h in json.loads(s["frames"]).items()}}
                      for s in sentences.to_dict("records")],
    })
