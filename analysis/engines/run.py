"""Scoring many documents: the cache consulted first, then one engine (in process, a
process pool or Dask), results streamed in input order.

The engines receive the function that scores one document, so they never import the
scoring they run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Literal

from analysis.engines.cache import ResultCache
from analysis.scoring.lexicons import Lexicons, load_lexicons
from analysis.scoring.model import load_model
from analysis.scoring.score import Settings, metadata, score_document
from analysis.types import ArticleResult, Document

Engine = Literal["local", "dask"]


def with_metadata(result: ArticleResult, doc: Document) -> ArticleResult:
    """A cached result carries the metadata of the document asking for it."""
    return replace(result, **metadata(doc))


def resolve(
    doc: Document, *, lexicons: Lexicons, settings: Settings, cache: ResultCache | None
) -> ArticleResult:
    """The cached result of `doc` when there is a sound one, else a fresh score (then cached)."""
    key = ResultCache.key(doc.text, f"{lexicons.fingerprint}:{load_model().fingerprint}", settings.key())
    cached = cache.get(key) if cache else None
    if cached is not None:
        return with_metadata(cached, doc)
    result = score_document(doc, lexicons=lexicons, settings=settings)
    if cache:
        cache.put(key, result)
    return result


def score_documents(
    docs: Iterable[Document],
    *,
    lexicons: Lexicons | None = None,
    settings: Settings = Settings(),
    cache: ResultCache | None = None,
    progress: Callable[[ArticleResult], None] | None = None,
    jobs: int = 1,
    engine: Engine = "local",
    scheduler: str | None = None,
) -> Iterator[ArticleResult]:
    """Score documents, streaming results in input order.

    The local engine uses `jobs` processes (sharing the result cache); the "dask" engine
    runs on the cluster at `scheduler` (or a local one). Results are the same either way.
    """
    lexicons = lexicons or load_lexicons()
    if engine == "dask":
        from analysis.engines.cluster import map_dask

        results = map_dask(docs, score_document, lexicons=lexicons, settings=settings, scheduler=scheduler)
    elif jobs > 1:
        from analysis.engines.parallel import map_ordered

        results = map_ordered(docs, resolve, lexicons=lexicons, settings=settings, cache=cache, jobs=jobs)
    else:
        results = (resolve(doc, lexicons=lexicons, settings=settings, cache=cache) for doc in docs)
    for result in results:
        if progress:
            progress(result)
        yield result
