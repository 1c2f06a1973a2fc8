"""Guard against regressions: agreement with the development gold set must not fall.

The floors are the F1 levels measured on tests/data/gold_seeds.csv (README, "Validation"),
less 0.02. The set was used to develop the lexicons, so these figures are optimistic;
they guard, they do not prove.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.gold.evaluate import evaluate, read_gold

GOLD = Path(__file__).resolve().parents[2] / "data" / "gold_seeds.csv"
FLOORS = {"ANALOGY": 0.859, "SECURITY": 0.827, "MARKET": 0.782, "HISTORY": 0.72}


@pytest.fixture(scope="module")
def report(seed_results):
    return evaluate(read_gold(GOLD), list(seed_results.values()))


def test_every_gold_sentence_is_matched(report) -> None:
    assert report.unmatched == () and report.matched == 245


@pytest.mark.parametrize("frame", list(FLOORS))
def test_f1_does_not_fall(report, frame: str) -> None:
    assert report.scores[frame].f1 >= FLOORS[frame]
