"""Filtering a scored corpus: the rules behind the dashboard's sidebar, kept pure.

An article passes when it meets every filter that is set. Unknown values (no date, no
kind) pass a filter on that field only when the filter is not set. Dates are ISO strings
that may be partial ("2021", "2021-03"): a partial date passes when the period it names
overlaps the range, since the article may lie inside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from analysis.types import FRAMES, ArticleResult


@dataclass(frozen=True)
class Filters:
    """What the reader asked to see. Empty tuples and None mean "no filter"."""

    frames: tuple[str, ...] = FRAMES
    min_share: float = 0.0
    kinds: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    polarity: tuple[float, float] = (-1.0, 1.0)
    query: str = ""


def _query_pattern(query: str) -> re.Pattern[str] | None:
    words = query.split()
    if not words:
        return None
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)


def matching_sentences(result: ArticleResult, query: str) -> list[int]:
    """Indexes of the sentences that contain the search phrase (case-insensitive)."""
    pattern = _query_pattern(query)
    if pattern is None:
        return []
    return [i for i, s in enumerate(result.sentences) if pattern.search(s.text)]


def _passes(result: ArticleResult, filters: Filters) -> bool:
    chosen = [f for f in filters.frames if f in FRAMES]
    if filters.min_share > 0 and not any(result.frames[f].share >= filters.min_share for f in chosen):
        return False
    if filters.kinds and result.kind not in filters.kinds:
        return False
    if filters.outlets and result.outlet not in filters.outlets:
        return False
    if filters.date_from and not (result.date and result.date >= filters.date_from[: len(result.date)]):
        return False
    if filters.date_to and not (result.date and result.date[: len(filters.date_to)] <= filters.date_to):
        return False
    low, high = filters.polarity
    if not low <= result.polarity <= high:
        return False
    return not filters.query.strip() or bool(
        matching_sentences(result, filters.query) or (_query_pattern(filters.query).search(result.title))
    )


def apply(results: Iterable[ArticleResult], filters: Filters) -> list[ArticleResult]:
    """The articles that pass every filter that is set, in their original order."""
    return [r for r in results if _passes(r, filters)]


def known_values(results: Sequence[ArticleResult], field: str) -> list[str]:
    """Distinct non-empty values of a metadata field, sorted, for filter choices."""
    return sorted({getattr(r, field) for r in results if getattr(r, field)})
