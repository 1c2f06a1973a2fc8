"""Process pool for scoring on every core, with results streamed in input order.

Each worker loads the lexicons once, shares the on-disk result cache, and runs the
scoring function it is given (a module-level function, so it pickles by name). At most
`window` documents are in flight, so memory holds a bounded slice of the corpus
however long it is.

After its first document a worker freezes what it holds by then (`gc.freeze`): the
lexicons, the model, TextBlob's lexicon and the modules live as long as the worker, and
each full collection would otherwise scan them all (about 175,000 objects) in the middle
of whichever article is being scored. On the scoring bench's articles, 240 in one process
spent 4% of their time in collections (three full ones, about 110 ms each), and 0.8% frozen.
"""

from __future__ import annotations

import gc
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from analysis.engines.cache import ResultCache
from analysis.scoring.lexicons import Lexicons, load_lexicons
from analysis.types import ArticleResult, Document

_worker: dict[str, object] = {}


#: The scoring function a worker runs: `resolve(doc, *, lexicons, settings, cache)`.
Score = Callable[..., ArticleResult]


def _init(score: Score, sources: dict[str, str], settings: object, cache_path: Path | None) -> None:
    _worker["score"] = score
    _worker["lexicons"] = load_lexicons(overrides=sources)
    _worker["settings"] = settings
    _worker["cache"] = ResultCache(cache_path) if cache_path else None


def _score(doc: Document) -> ArticleResult:
    score: Score = _worker["score"]  # type: ignore[assignment]
    result = score(doc, lexicons=_worker["lexicons"], settings=_worker["settings"], cache=_worker["cache"])  # type: ignore[arg-type]
    if not _worker.get("frozen"):  # the first document has loaded the model and TextBlob's lexicon (unless cached)
        gc.freeze()
        _worker["frozen"] = True
    return result


def default_jobs() -> int:
    return os.cpu_count() or 1


def map_ordered(
    docs: Iterable[Document], score: Score, *, lexicons: Lexicons, settings: object, cache: ResultCache | None,
    jobs: int, window: int | None = None,
) -> Iterator[ArticleResult]:
    """Score `docs` with `score` in `jobs` processes; yields results in input order as they complete."""
    window = window or jobs * 4
    sources = {frame: lexicons.source(frame) for frame in lexicons.sources}
    cache_path = cache.path if cache else None
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(score, sources, settings, cache_path)) as pool:
        pending: deque[Future[ArticleResult]] = deque()
        for doc in docs:
            pending.append(pool.submit(_score, doc))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
