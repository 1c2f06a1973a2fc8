"""The process pool: each worker freezes what it holds once its first document is scored."""

from __future__ import annotations

import gc

from analysis.engines.parallel import map_ordered
from analysis.ingest.read import from_text
from analysis.scoring.lexicons import load_lexicons


def frozen_objects(doc, **options) -> int:
    """A stand-in for scoring that reports how many objects its worker has frozen."""
    return gc.get_freeze_count()


def test_a_worker_freezes_its_objects_after_its_first_document() -> None:
    docs = [from_text(f"Text number {i}.", doc_id=str(i)) for i in range(3)]
    counts = list(map_ordered(docs, frozen_objects, lexicons=load_lexicons(), settings=None, cache=None, jobs=1))
    assert counts[0] == 0 and counts[1] > 0 and counts[2] >= counts[1]
    assert gc.get_freeze_count() == 0  # only the worker froze anything
