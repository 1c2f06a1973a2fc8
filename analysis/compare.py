"""Compare two articles or two groups: frame profiles, keywords, distinctive terms.

Distinctive terms use the weighted log-odds ratio with an informative Dirichlet prior
(Monroe, Colaresi & Quinn 2008, "Fightin' Words"): the prior is the pooled word counts
of both groups (or of `prior` texts), scaled to a total mass of `PRIOR_SIZE`, which
shrinks rare words towards zero so that z-scores are not driven by one-off words.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

from analysis.types import FRAMES, ArticleResult

PRIOR_SIZE = 1000.0
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@dataclass(frozen=True)
class FrameDelta:
    frame: str
    share_a: float
    share_b: float
    share_diff: float
    per_1k_a: float
    per_1k_b: float
    per_1k_diff: float


@dataclass(frozen=True)
class KeywordOverlap:
    shared: tuple[str, ...]
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]
    jaccard: float


@dataclass(frozen=True)
class DistinctiveTerm:
    term: str
    z: float
    delta: float
    count_a: int
    count_b: int
    side: Literal["a", "b"]


@dataclass(frozen=True)
class Comparison:
    a: tuple[str, ...]
    b: tuple[str, ...]
    frames: tuple[FrameDelta, ...]
    keywords: KeywordOverlap
    distinctive: tuple[DistinctiveTerm, ...]


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """YAKE's English stopword list, so keywords and distinctive terms skip the same words."""
    text = resources.files("yake.core").joinpath("StopwordsList", "stopwords_en.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().casefold() for w in text.splitlines() if w.strip())


def tokens(text: str) -> list[str]:
    """Lower-case word tokens without numbers or stopwords."""
    stop = stopwords()
    return [t for t in (m.group().casefold() for m in _TOKEN.finditer(text)) if t not in stop and len(t) > 1]


def _require(a: Sequence[object], b: Sequence[object]) -> None:
    if not a or not b:
        raise ValueError("compare needs at least one article on each side")


def frame_difference(a: Sequence[ArticleResult], b: Sequence[ArticleResult]) -> tuple[FrameDelta, ...]:
    """Mean share and density per frame on each side, and side a minus side b."""
    _require(a, b)

    def mean(group: Sequence[ArticleResult], frame: str, field: str) -> float:
        return sum(getattr(r.frames[frame], field) for r in group) / len(group)

    deltas = []
    for frame in FRAMES:
        sa, sb = mean(a, frame, "share"), mean(b, frame, "share")
        da, db = mean(a, frame, "per_1k_words"), mean(b, frame, "per_1k_words")
        deltas.append(FrameDelta(frame, round(sa, 4), round(sb, 4), round(sa - sb, 4),
                                 round(da, 2), round(db, 2), round(da - db, 2)))
    return tuple(deltas)


def keyword_overlap(a: Sequence[ArticleResult], b: Sequence[ArticleResult], *, top: int = 20) -> KeywordOverlap:
    """Key phrases (case-insensitive) that both sides share, and those of one side only."""
    _require(a, b)

    def phrases(group: Sequence[ArticleResult]) -> dict[str, str]:
        return {k.phrase.casefold(): k.phrase for r in group for k in r.keywords[:top]}

    pa, pb = phrases(a), phrases(b)
    union = set(pa) | set(pb)
    return KeywordOverlap(
        shared=tuple(sorted(pa[k] for k in set(pa) & set(pb))),
        only_a=tuple(sorted(pa[k] for k in set(pa) - set(pb))),
        only_b=tuple(sorted(pb[k] for k in set(pb) - set(pa))),
        jaccard=round(len(set(pa) & set(pb)) / len(union), 4) if union else 0.0,
    )


def distinctive_terms(
    a_texts: Sequence[str],
    b_texts: Sequence[str],
    *,
    prior: Sequence[str] | None = None,
    top: int = 15,
    min_count: int = 2,
) -> tuple[DistinctiveTerm, ...]:
    """The `top` most distinctive words of each side by z-score of the log-odds ratio."""
    _require(a_texts, b_texts)
    ya = Counter(t for text in a_texts for t in tokens(text))
    yb = Counter(t for text in b_texts for t in tokens(text))
    pooled = Counter(t for text in prior for t in tokens(text)) if prior else ya + yb
    pooled_total = sum(pooled.values())
    if not pooled_total:
        return ()
    na, nb = sum(ya.values()), sum(yb.values())
    scale = PRIOR_SIZE / pooled_total
    terms = []
    for word in set(ya) | set(yb):
        if ya[word] + yb[word] < min_count:
            continue
        alpha = max(pooled[word], 1) * scale
        odds_a = (ya[word] + alpha) / (na + PRIOR_SIZE - ya[word] - alpha)
        odds_b = (yb[word] + alpha) / (nb + PRIOR_SIZE - yb[word] - alpha)
        delta = math.log(odds_a) - math.log(odds_b)
        z = delta / math.sqrt(1 / (ya[word] + alpha) + 1 / (yb[word] + alpha))
        terms.append(DistinctiveTerm(word, round(z, 4), round(delta, 4), ya[word], yb[word], "a" if z > 0 else "b"))
    side_a = sorted((t for t in terms if t.z > 0), key=lambda t: (-t.z, t.term))[:top]
    side_b = sorted((t for t in terms if t.z < 0), key=lambda t: (t.z, t.term))[:top]
    return tuple(side_a + side_b)


def compare(a: Sequence[ArticleResult], b: Sequence[ArticleResult], *, top: int = 15) -> Comparison:
    """Frame differences, keyword overlap and distinctive terms of side a against side b."""
    _require(a, b)
    return Comparison(
        a=tuple(r.id for r in a),
        b=tuple(r.id for r in b),
        frames=frame_difference(a, b),
        keywords=keyword_overlap(a, b),
        distinctive=distinctive_terms([r.text for r in a], [r.text for r in b], top=top),
    )
