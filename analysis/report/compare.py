"""Compare two articles or two groups: frame profiles, keywords, distinctive terms.

Distinctive terms use the weighted log-odds ratio with an informative Dirichlet prior
(Monroe, Colaresi & Quinn 2008, "Fightin' Words"): the prior is the pooled word counts
of both groups (or of `prior` texts), scaled to a total mass of `PRIOR_SIZE`, which
shrinks rare words towards zero so that z-scores are not driven by one-off words. A
fixed mass, rather than the pooled counts themselves as in the paper, keeps the
shrinkage the same whether two short articles or two large groups are compared. Words
that a `prior` corpus lacks get a pseudo-count of one before scaling, so that every
word has a positive prior and the prior masses still sum to `PRIOR_SIZE`.

Every function checks its arguments first and raises ValueError for an empty side or
an option out of range, like the other analysis functions that take options.
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
#: A run of letters, with inner apostrophes (straight or curly) as in "don't" or "China’s".
_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")


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
    """Lower-case words without numbers, stopwords, single letters or a possessive 's.

    "China's" counts as "china", so a possessive does not split a word's counts in two.
    """
    stop = stopwords()
    words = []
    for match in _TOKEN.finditer(text):
        word = match.group().casefold().replace("\u2019", "'")
        if word in stop:
            continue
        word = word.removesuffix("'s")
        if len(word) > 1 and word not in stop:
            words.append(word)
    return words


def _require(a: Sequence[object], b: Sequence[object]) -> None:
    empty = [side for side, group in (("a", a), ("b", b)) if not group]
    if empty:
        which = "sides a and b are" if len(empty) == 2 else f"side {empty[0]} is"
        raise ValueError(f"{which} empty: compare needs at least one article on each side")


def _at_least_one(**options: int) -> None:
    for name, value in options.items():
        if value < 1:
            raise ValueError(f"{name}={value}: must be at least 1")


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
    """Key phrases (the `top` of each article, case-insensitive) that both sides share,
    and those of one side only; a phrase is shown as first written on its side."""
    _require(a, b)
    _at_least_one(top=top)

    def phrases(group: Sequence[ArticleResult]) -> dict[str, str]:
        forms: dict[str, str] = {}
        for result in group:
            for keyword in result.keywords[:top]:
                forms.setdefault(keyword.phrase.casefold(), keyword.phrase)
        return forms

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
    _at_least_one(top=top, min_count=min_count)
    ya = Counter(t for text in a_texts for t in tokens(text))
    yb = Counter(t for text in b_texts for t in tokens(text))
    pooled = Counter(t for text in prior for t in tokens(text)) if prior else ya + yb
    pooled.update({word: 1 for word in (ya.keys() | yb.keys()) - pooled.keys()})
    if len(pooled) < 2:  # one word in all: nothing to set it against
        return ()
    na, nb = sum(ya.values()), sum(yb.values())
    scale = PRIOR_SIZE / sum(pooled.values())
    terms = []
    for word in ya.keys() | yb.keys():
        if ya[word] + yb[word] < min_count:
            continue
        alpha = pooled[word] * scale
        odds_a = (ya[word] + alpha) / (na + PRIOR_SIZE - ya[word] - alpha)
        odds_b = (yb[word] + alpha) / (nb + PRIOR_SIZE - yb[word] - alpha)
        delta = math.log(odds_a) - math.log(odds_b)
        z = delta / math.sqrt(1 / (ya[word] + alpha) + 1 / (yb[word] + alpha))
        terms.append(DistinctiveTerm(word, round(z, 4), round(delta, 4), ya[word], yb[word], "a" if z > 0 else "b"))
    side_a = sorted((t for t in terms if t.z > 0), key=lambda t: (-t.z, t.term))[:top]
    side_b = sorted((t for t in terms if t.z < 0), key=lambda t: (t.z, t.term))[:top]
    return tuple(side_a + side_b)


def compare(a: Sequence[ArticleResult], b: Sequence[ArticleResult], *, top: int = 15) -> Comparison:
    """Frame differences, keyword overlap and the `top` distinctive terms of each side.

    The keyword overlap uses each article's default 20 phrases: `top` counts terms per
    side, which is a different quantity."""
    _require(a, b)
    return Comparison(
        a=tuple(r.id for r in a),
        b=tuple(r.id for r in b),
        frames=frame_difference(a, b),
        keywords=keyword_overlap(a, b),
        distinctive=distinctive_terms([r.text for r in a], [r.text for r in b], top=top),
    )
