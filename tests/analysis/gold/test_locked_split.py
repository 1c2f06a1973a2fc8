"""The locked test split: its figures, measured once (README, "Validation"), must not fall.

The split is never used to fit or tune anything (analysis/gold/train.py reads train and dev
only); this guards the reported figures, it does not prove them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.engines.run import score_documents
from analysis.gold.evaluate import evaluate, read_gold
from analysis.ingest.read import read_paths

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"
#: F1 on the locked split as reported, less 0.02, rounded down.
FLOORS = {"ANALOGY": 0.75, "SECURITY": 0.72, "MARKET": 0.73, "HISTORY": 0.80}


@pytest.fixture(scope="module")
def scored():
    results = list(score_documents(read_paths([CORPUS / "test"]).documents))
    ids = {r.id for r in results}
    gold = [g for g in read_gold(CORPUS / "gold.csv") if g.article_id in ids]
    return results, evaluate(gold, results)


def test_every_test_sentence_is_compared(scored) -> None:
    results, report = scored
    assert len(results) == 24 and report.matched == 803 and report.unmatched == ()


@pytest.mark.parametrize("frame", list(FLOORS))
def test_f1_on_the_locked_split_does_not_fall(scored, frame: str) -> None:
    assert scored[1].scores[frame].f1 >= FLOORS[frame]


def test_off_topic_controls_stay_nearly_quiet(scored) -> None:
    controls = [r for r in scored[0] if r.id.startswith("control")]
    labelled = sum(1 for r in controls for s in r.sentences if s.frames)
    sentences = sum(len(r.sentences) for r in controls)
    # As measured: 5 of 116, all in a film review of the Cuban missile crisis whose Cold War words pass
    # the topic test. The aim is at most 2%.
    assert len(controls) == 4 and sentences == 116 and labelled <= 5
