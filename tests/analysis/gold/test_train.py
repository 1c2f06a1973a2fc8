"""How stage 1 is fitted: on features scaled by their log-count ratios, folded back into plain weights."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from analysis.gold import regressions as R

#: Six sentences: "cost" is met only with MARKET, "the" on both sides, "plan" mostly without.
ROWS = [{"word:cost": 1.0, "word:the": 1.0}, {"word:cost": 1.0}, {"word:cost": 1.0, "word:the": 1.0},
        {"word:plan": 1.0, "word:the": 1.0}, {"word:plan": 1.0, "word:the": 1.0}, {"word:plan": 1.0, "word:cost": 1.0}]
LABELS = [("MARKET",), ("MARKET",), ("MARKET",), ("ANALOGY", "SECURITY", "HISTORY"), (), ()]


def test_a_feature_met_on_one_side_is_scaled_up_and_one_met_on_both_down() -> None:
    x = np.array([[1, 0, 1], [1, 0, 0], [1, 0, 1], [0, 1, 1], [0, 1, 1], [1, 1, 0]], dtype=float)
    cost, plan, the = R.ratios(x, [True, True, True, False, False, False], [1.0] * 6)
    assert cost > the and plan > the and the == pytest.approx(0.0, abs=0.2)


def test_a_seed_weight_counts_in_the_ratios_as_in_the_fit() -> None:
    x = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0]])
    light = R.ratios(x, [True, False, False], [1.0, 1.0, 1.0])
    heavy = R.ratios(x, [True, False, False], [3.0, 1.0, 1.0])
    assert heavy[0] > light[0]


def test_the_folded_weights_give_the_scaled_regressions_probabilities(monkeypatch) -> None:
    monkeypatch.setattr(R, "MIN_COUNT", 1)
    fitted = R.fit_rows(ROWS, LABELS, [1.0] * len(ROWS), 1.0, scaled=True)["MARKET"]
    x, names = R.matrix(ROWS)
    labelled = [("MARKET" in y) for y in LABELS]
    scaled_x = x.toarray() * R.ratios(x, labelled, [1.0] * len(ROWS))
    regression = LogisticRegression(C=1.0, solver="lbfgs", max_iter=5000).fit(scaled_x, labelled)
    expected = regression.predict_proba(scaled_x)[:, 1]
    assert [fitted.probability(row) for row in ROWS] == pytest.approx(list(expected), abs=1e-3)
    assert fitted.weights["word:cost"] > 0 > fitted.weights["word:plan"]
    assert set(fitted.weights) <= set(names)
