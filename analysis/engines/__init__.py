"""Scoring many articles: result cache, process pool, Dask, and the worker that scores uploads; engines receive the scoring function; imports scoring, ingest, base."""
