"""Scoring on a Dask cluster, for corpora beyond one machine.

Documents go to the workers in batches; results come back in input order and are the
same as the local engine's. Without a scheduler address a local cluster is started
(and stopped afterwards), which is also how the tests run it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from analysis.scoring.lexicons import Lexicons, load_lexicons
from analysis.types import ArticleResult, Document


#: The scoring function a worker runs: `score_document(doc, *, lexicons, settings)`.
Score = Callable[..., ArticleResult]


def _score_batch(batch: list[Document], score: Score, sources: dict[str, str], settings: object) -> list[ArticleResult]:
    lexicons = load_lexicons(overrides=sources)
    return [score(doc, lexicons=lexicons, settings=settings) for doc in batch]  # type: ignore[arg-type]


def map_dask(
    docs: Iterable[Document], score: Score, *, lexicons: Lexicons, settings: object, scheduler: str | None = None,
    batch: int = 32, in_flight: int = 8,
) -> Iterator[ArticleResult]:
    """Score with `score` on Dask; at most `in_flight` batches are out at once, so memory stays bounded."""
    from distributed import Client, LocalCluster

    sources = {frame: lexicons.source(frame) for frame in lexicons.sources}
    cluster = None if scheduler else LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                                    dashboard_address=None, host="127.0.0.1")
    client = Client(scheduler or cluster)
    try:
        docs = iter(docs)
        pending = []
        while True:
            chunk = list(islice(docs, batch))
            if chunk:
                pending.append(client.submit(_score_batch, chunk, score, sources, settings, pure=False))
            if pending and (len(pending) >= in_flight or not chunk):
                yield from pending.pop(0).result()
            if not chunk and not pending:
                break
    finally:
        client.close()
        if cluster:
            cluster.close()
