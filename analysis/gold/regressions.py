"""The logistic regressions the frame model is made of, fitted from rows of named feature
values: one per label for stage 1 (on features scaled by their log-count ratios) and stage 2,
and the proportion regressions of the genre and passage shares. Rows become sparse matrices
here, and fitted regressions become readable weights by feature name (analysis/scoring/model.py)."""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from analysis.scoring.model import Linear
from analysis.types import FRAMES

#: Features seen in fewer training sentences than this are left out of the model.
MIN_COUNT = 4
#: Stage 1 learns on features scaled by their log-count ratio (as in NBSVM): how unevenly a
#: feature falls between the sentences with and without the label, counted from this many
#: of each to begin with. A word met mostly on one side then costs the regularisation less
#: to weigh than one met evenly on both; the scales are folded back into the weights, so
#: the model file still holds one readable weight per feature.
RATIO_SMOOTHING = 1.0


def matrix(rows: Sequence[Mapping[str, float]]) -> tuple[Any, Sequence[str]]:
    """The rows as a sparse matrix and its column names; features seen in fewer than MIN_COUNT
    rows are left out."""
    _, x, names = Table.of(rows, [0] * len(rows)).select({0})
    return x, names


def linear_of(regression: Any, names: Sequence[str]) -> Linear:
    """A fitted regression as readable weights by feature name (the negligible ones left out)."""
    weights = {str(n): round(float(w), 4) for n, w in zip(names, regression.coef_[0]) if abs(w) >= 1e-3}
    return Linear(round(float(regression.intercept_[0]), 4), weights)


def ratios(x: Any, labelled: Sequence[bool], sample_weights: Sequence[float]) -> Any:
    """Each column's absolute log-count ratio between the rows with and without the label
    (RATIO_SMOOTHING)."""
    import numpy as np

    weights, labelled = np.asarray(sample_weights, dtype=float), np.asarray(labelled, dtype=bool)
    present = (x > 0).astype(float)
    p = RATIO_SMOOTHING + present.T @ (weights * labelled)
    q = RATIO_SMOOTHING + present.T @ (weights * ~labelled)
    return np.abs(np.log((p / p.sum()) / (q / q.sum())))


def fit_rows(rows: Sequence[Mapping[str, float]], labels: Sequence[tuple[str, ...]], sample_weights: Sequence[float],
             c: float, *, scaled: bool = False) -> dict[str, Linear]:
    """One logistic regression per label; `scaled`, on the features times their ratios()."""
    return fit_matrix(*matrix(rows), labels, sample_weights, c, scaled=scaled)


def fit_matrix(x: Any, names: Sequence[str], labels: Sequence[tuple[str, ...]], sample_weights: Sequence[float],
               c: float, *, scaled: bool = False) -> dict[str, Linear]:
    from sklearn.linear_model import LogisticRegression

    fitted = {}
    for frame in FRAMES:
        labelled = [frame in y for y in labels]
        scale = ratios(x, labelled, sample_weights) if scaled else None
        regression = LogisticRegression(C=c, solver="lbfgs", max_iter=5000)
        regression.fit(x if scale is None else x.multiply(scale).tocsr(), labelled, sample_weight=sample_weights)
        if scale is not None:
            regression.coef_ = regression.coef_ * scale
        fitted[frame] = linear_of(regression, names)
    return fitted


#: One run of sentences for the genre or passage regressions: the number of its article, its
#: words (topic_words) and the gold labels of its coded sentences.
Unit = tuple[int, Mapping[str, float], Sequence[tuple[str, ...]]]


@dataclass(frozen=True)
class Table:
    """Rows of feature values as one sparse matrix, with the number of the article each row
    belongs to. It is built once per fit: a regression on a fold of the articles selects their
    rows and the columns seen in MIN_COUNT of them (what matrix() would build from those rows)
    without vectorising the rows again."""

    x: Any
    names: Any
    owner: tuple[int, ...]

    @classmethod
    def of(cls, rows: Sequence[Mapping[str, float]], owner: Sequence[int]) -> Table:
        from sklearn.feature_extraction import DictVectorizer

        vectorizer = DictVectorizer(sort=True)
        return cls(vectorizer.fit_transform(rows).tocsr(), vectorizer.get_feature_names_out(), tuple(owner))

    def select(self, members: Container[int]) -> tuple[list[int], Any, Any]:
        """The rows of the articles numbered `members`: their indices, matrix and column names."""
        import numpy as np

        rows = [i for i, k in enumerate(self.owner) if k in members]
        x = self.x[rows]
        keep = np.flatnonzero(x.getnnz(axis=0) >= MIN_COUNT)
        return rows, x[:, keep], self.names[keep]


def proportions(table: Table, units: Sequence[Unit], members: Container[int], c: float) -> dict[str, Linear]:
    """Per label, a logistic regression on proportions over the units of the articles numbered
    `members`: from a run of sentences' words, the share of its coded sentences that carry the
    label (each run counted once as carrying the label, weighted by the share, and once as not,
    weighted by the rest)."""
    from sklearn.linear_model import LogisticRegression

    rows, x, names = table.select(members)
    twice = x[list(range(len(rows))) * 2]
    fitted = {}
    for frame in FRAMES:
        shares = [sum(1 for y in units[i][2] if frame in y) / len(units[i][2]) for i in rows]
        regression = LogisticRegression(C=c, solver="lbfgs", max_iter=5000)
        regression.fit(twice, [True] * len(rows) + [False] * len(rows),
                       sample_weight=[max(s, 1e-6) for s in shares] + [max(1 - s, 1e-6) for s in shares])
        fitted[frame] = linear_of(regression, names)
    return fitted
