"""Tidy tables behind every chart, so a chart and its CSV export hold the same numbers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import pandas as pd

from analysis.report.compare import Comparison
from analysis.serialize import OVERVIEW_COLUMNS, top_keywords
from analysis.types import FRAMES, ArticleResult, dominant_phrase


class Labelled(Protocol):
    """Anything with an id, a title and a kind: a result, or a row of `overview`."""

    id: str
    title: str
    kind: str


#: Characters of the title in a short label (chart axes and titles, slides, file names).
SHORT_TITLE = 24


def short_label(result: Labelled) -> str:
    """Chart and slide label: the id and the start of the title ("000 · When Mao Zedong was…"),
    or the kind where there is no title ("000 (op-ed)"), so that nobody reads a bare id."""
    if result.title:
        return label(result, width=SHORT_TITLE)
    return f"{result.id} ({result.kind})" if result.kind else result.id


def label(result: Labelled, *, width: int = 40) -> str:
    """Display name for menus and headings: id and the start of the title."""
    if not result.title:
        return result.id
    cut = result.title[: width - 1]
    title = result.title if len(result.title) <= width else (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:…") + "…"
    return f"{result.id} · {title}"


def frame_profile(results: Sequence[ArticleResult]) -> pd.DataFrame:
    """One row per article and frame: share of sentences and cue density."""
    return pd.DataFrame(
        [
            {"id": r.id, "article": short_label(r), "frame": f, "share": r.frames[f].share,
             "per_1k_words": r.frames[f].per_1k_words, "sentences": r.frames[f].sentences}
            for r in results
            for f in FRAMES
        ],
        columns=["id", "article", "frame", "share", "per_1k_words", "sentences"],
    )


#: Columns of `overview` (and of `analysis.corpus.store.Store.matching`, which builds the same table in SQL).
def overview(results: Sequence[ArticleResult]) -> pd.DataFrame:
    """One row per article: metadata, length, tone, dominant frame, shares, top keywords."""
    rows = []
    for r in results:
        row = {"id": r.id, "title": r.title, "kind": r.kind, "outlet": r.outlet, "date": r.date,
               "words": r.words, "sentences": r.sentence_count, "dominant": dominant_phrase(r.dominant),
               "polarity": r.polarity, "subjectivity": r.subjectivity}
        row.update({f: r.frames[f].share for f in FRAMES})
        row["keywords"] = top_keywords(r)
        rows.append(row)
    return pd.DataFrame(rows, columns=list(OVERVIEW_COLUMNS))


def tone(results: Sequence[ArticleResult]) -> pd.DataFrame:
    """Per-article polarity and subjectivity."""
    return pd.DataFrame(
        [{"id": r.id, "article": short_label(r), "polarity": r.polarity, "subjectivity": r.subjectivity, "words": r.words}
         for r in results],
        columns=["id", "article", "polarity", "subjectivity", "words"],
    )


def flow(result: ArticleResult) -> pd.DataFrame:
    """Where each frame appears: one row per sentence and frame that fires there."""
    n = max(len(result.sentences), 1)
    return pd.DataFrame(
        [
            {"id": result.id, "sentence": i + 1, "position": round((i + 0.5) / n, 4), "frame": f,
             "strength": s.frames[f].strength, "text": s.text}
            for i, s in enumerate(result.sentences)
            for f in FRAMES
            if f in s.frames
        ],
        columns=["id", "sentence", "position", "frame", "strength", "text"],
    )


def keywords(result: ArticleResult, *, shared: Sequence[str] = ()) -> pd.DataFrame:
    """An article's key phrases with rank, and whether the other side shares them."""
    common = {p.casefold() for p in shared}
    return pd.DataFrame(
        [{"id": result.id, "rank": i + 1, "phrase": k.phrase, "score": k.score, "shared": k.phrase.casefold() in common}
         for i, k in enumerate(result.keywords)],
        columns=["id", "rank", "phrase", "score", "shared"],
    )


def distinctive(comparison: Comparison) -> pd.DataFrame:
    """Distinctive terms of both sides with z-scores (positive: side A)."""
    return pd.DataFrame(
        [{"term": t.term, "z": t.z, "side": t.side.upper(), "count_a": t.count_a, "count_b": t.count_b}
         for t in comparison.distinctive],
        columns=["term", "z", "side", "count_a", "count_b"],
    )
