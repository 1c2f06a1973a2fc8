"""Process pool for scoring on every core, with results streamed in input order.

Each worker loads the lexicons once and shares the on-disk result cache. At most
`window` documents are in flight, so memory holds a bounded slice of the corpus
however long it is.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from analysis.engines.cache import ResultCache
from analysis.scoring.lexicons import Lexicons, load_lexicons
from analysis.types import ArticleResult, Document

_worker: dict[str, object] = {}


def _init(sources: dict[str, str], settings: object, cache_path: Path | None) -> None:
    _worker["lexicons"] = load_lexicons(overrides=sources)
    _worker["settings"] = settings
    _worker["cache"] = ResultCache(cache_path) if cache_path else None


def _score(doc: Document) -> ArticleResult:
    from analysis.scoring.score import resolve

    return resolve(doc, lexicons=_worker["lexicons"], settings=_worker["settings"], cache=_worker["cache"])  # type: ignore[arg-type]


def default_jobs() -> int:
    return os.cpu_count() or 1


def map_ordered(
    docs: Iterable[Document], *, lexicons: Lexicons, settings: object, cache: ResultCache | None,
    jobs: int, window: int | None = None,
) -> Iterator[ArticleResult]:
    """Score `docs` in `jobs` processes; yields results in input order as they complete."""
    window = window or jobs * 4
    sources = {frame: lexicons.source(frame) for frame in lexicons.sources}
    cache_path = cache.path if cache else None
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(sources, settings, cache_path)) as pool:
        pending: deque[Future[ArticleResult]] = deque()
        for doc in docs:
            pending.append(pool.submit(_score, doc))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
