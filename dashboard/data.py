"""The corpus the pages show, and its scores, cached so that filters never recompute analysis.

Either the session's own articles (the seeds, plus what is uploaded or pasted), scored
and cached per document by content (text, metadata and lexicon sources), so a filter
change is a cache hit and an added article costs one scoring; or a DuckDB store written
by `python -m analysis score … --store FILE`, which the app opens read-only when started
with `-- --store FILE` (or $FRAMELENS_STORE): then nothing is scored, filters run in SQL
and pages load only the articles they show.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from analysis.corpus import select
from analysis.corpus.articles import ArticleStore
from analysis.errors import StoreError
from analysis.ingest import read as ingest
from analysis.ingest.read import load_seeds
from analysis.report import tables
from analysis.scoring.lexicons import Lexicons, load_lexicons
from analysis.types import ArticleResult, Document

if TYPE_CHECKING:  # imported where used: DuckDB only when a store is named, scoring only when something is scored
    from analysis.engines.intake import Intake
    from analysis.corpus.store import Store

#: Most rows a table or a menu lists; beyond that the filters narrow the corpus.
LIST_LIMIT = 1000

CORPUS_KEY = "corpus.documents"
OVERRIDES_KEY = "lexicons.overrides"
#: Added articles of this session: document id -> content key in the ArticleStore (what the link names).
ADDED_KEY = "corpus.added"
#: Keys a link named that the ArticleStore no longer holds.
MISSING_KEY = "corpus.missing"


@st.cache_resource(show_spinner=False)
def _seeds() -> tuple[Document, ...]:
    """The seed articles, read once per server: every new session starts on them."""
    return tuple(load_seeds().documents)


def init() -> None:
    """Start a session on the seeds, plus the added articles its link names ("added=KEY,…"),
    with the packaged lexicons (once per session)."""
    if CORPUS_KEY not in st.session_state:
        seeds = list(_seeds())
        named = [k for k in st.query_params.get("added", "").split(",") if k]
        found, missing = ArticleStore().get_many(named)
        added = ingest.unique_ids([doc for _, doc in found], taken=[d.id for d in seeds])
        st.session_state[CORPUS_KEY] = seeds + added
        st.session_state[ADDED_KEY] = {doc.id: key for doc, (key, _) in zip(added, found)}
        st.session_state[MISSING_KEY] = missing
    st.session_state.setdefault(ADDED_KEY, {})
    st.session_state.setdefault(MISSING_KEY, [])
    if OVERRIDES_KEY not in st.session_state:
        st.session_state[OVERRIDES_KEY] = {}


def documents() -> list[Document]:
    init()
    return st.session_state[CORPUS_KEY]


def overrides() -> dict[str, str]:
    init()
    return st.session_state[OVERRIDES_KEY]


@st.cache_resource(show_spinner=False)
def _lexicons(items: tuple[tuple[str, str], ...]) -> Lexicons:
    return load_lexicons(overrides=dict(items))


def lexicons() -> Lexicons:
    """The lexicons in force in this session (packaged, or as edited on the Lexicons page)."""
    return _lexicons(tuple(sorted(overrides().items())))


@st.cache_data(show_spinner=False, max_entries=20000)
def _score(doc: Document, lexicon_items: tuple[tuple[str, str], ...], _scored: ArticleResult | None = None) -> ArticleResult:
    """The article's scores; `_scored` (not part of the key) is the result a bounded worker
    already computed for an upload, kept so that the server never scores it again. Cached by
    content for the whole server, so the seeds are scored once, not once per session."""
    if _scored:
        return _scored
    from analysis.scoring.score import score_document

    return score_document(doc, lexicons=_lexicons(lexicon_items))


def score(
    docs: Sequence[Document], *, progress: Callable[[int, int], None] | None = None, packaged: bool = False
) -> list[ArticleResult]:
    """Scores of `docs` under the session's lexicons (or the packaged ones), from cache where possible."""
    items = () if packaged else tuple(sorted(overrides().items()))
    results = []
    for i, doc in enumerate(docs):
        results.append(_score(doc, items))
        if progress:
            progress(i + 1, len(docs))
    return results


def scored_corpus() -> list[ArticleResult]:
    return score(documents())


def add(intake: Intake) -> None:
    """Add what an upload or paste brought in (ids already unique), with its results cached,
    and keep each article on disk so that the session's link reopens it."""
    items = tuple(sorted(overrides().items()))
    kept = ArticleStore()
    for doc, result in zip(intake.documents, intake.results):
        _score(doc, items, _scored=result)
        st.session_state[ADDED_KEY][doc.id] = kept.put(doc)
    st.session_state[CORPUS_KEY] = documents() + list(intake.documents)


def remove(ids: Sequence[str]) -> None:
    st.session_state[CORPUS_KEY] = [d for d in documents() if d.id not in set(ids)]
    st.session_state[ADDED_KEY] = {i: k for i, k in added().items() if i not in set(ids)}


def reset() -> None:
    st.session_state[CORPUS_KEY] = list(_seeds())
    st.session_state[ADDED_KEY] = {}
    st.session_state[MISSING_KEY] = []


def added() -> dict[str, str]:
    """This session's added articles: id -> the key its link names."""
    init()
    return st.session_state[ADDED_KEY]


def missing() -> list[str]:
    """Keys the session's link named that are no longer kept."""
    init()
    return st.session_state[MISSING_KEY]


def store_path() -> str | None:
    """The store named at start-up: `python -m dashboard -- --store FILE`, or $FRAMELENS_STORE."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--store")
    known, _ = parser.parse_known_args(sys.argv[1:])
    return known.store or os.environ.get("FRAMELENS_STORE") or None


@st.cache_resource(show_spinner=False)
def _stores() -> dict[str, tuple[float, Store]]:
    """The store open for each path, with the modification time it was opened at."""
    return {}


def _open_store(path: str, modified: float) -> Store:
    """The store at `path` as of `modified`. An older one is closed first: DuckDB hands a new
    connection to a file the database it already has open, so a rewritten file would not be read."""
    kept = _stores().get(path)
    if kept and kept[0] == modified:
        return kept[1]
    if kept:
        kept[1].close()
        del _stores()[path]
    from analysis.corpus.store import Store

    opened = Store(path)
    _stores()[path] = (modified, opened)
    return opened


@st.cache_resource(show_spinner=False)
def _failures() -> dict[tuple[str, float], str]:
    """Why a store failed while in use, by path and modification time: it stays failed until rewritten."""
    return {}


def store_failed(error: StoreError) -> None:
    """Remember that the store broke while a page used it, so every page falls back to the seeds."""
    path = store_path()
    if path and os.path.exists(path):
        _failures()[(path, os.path.getmtime(path))] = str(error)


def _opened() -> tuple[Store | None, str | None]:
    """The store named at start-up, or why it cannot be opened; (None, None) when none is named.
    A store rewritten since it was opened (a new modification time) is opened again."""
    path = store_path()
    if not path:
        return None, None
    try:
        key = (path, os.path.getmtime(path))
        if key in _failures():
            return None, _failures()[key]
        return _open_store(*key), None
    except StoreError as error:
        return None, str(error)
    except OSError as error:
        return None, f"{path}: {error.strerror or error}"


def store() -> Store | None:
    """The opened store, or None for the session's own articles (also when it cannot be opened:
    `store_problem` then says why)."""
    return _opened()[0]


def store_problem() -> str | None:
    """Why the store named at start-up cannot be opened, or None."""
    return _opened()[1]


@dataclass(frozen=True)
class Choices:
    """What the filters offer and the URL may name: ids and the known metadata values."""

    ids: list[str]
    kinds: list[str]
    outlets: list[str]
    dates: list[str]


def choices() -> Choices:
    opened = store()
    if opened:
        return Choices(*(opened.known(field) for field in ("id", "kind", "outlet", "date")))
    results = scored_corpus()
    return Choices([r.id for r in results], *(select.known_values(results, f) for f in ("kind", "outlet", "date")))


@dataclass(frozen=True)
class Listing:
    """The corpus as a page lists it: how many articles in all, how many pass the filters,
    and the rows (`tables.overview`) of the first LIST_LIMIT of those, plus any articles
    chosen earlier beyond them."""

    total: int
    matched: int
    rows: pd.DataFrame


def matching(filters: select.Filters, *, include: Sequence[str] = ()) -> Listing:
    opened = store()
    if opened:
        return Listing(opened.count(), opened.count(filters),
                       opened.matching(filters, limit=LIST_LIMIT, include=include))
    results = scored_corpus()
    passing = select.apply(results, filters)
    return Listing(len(results), len(passing),
                   tables.overview([r for i, r in enumerate(passing) if i < LIST_LIMIT or r.id in include]))


@st.cache_data(show_spinner=False, max_entries=200)
def _load(path: str, modified: float, ids: tuple[str, ...]) -> list[ArticleResult]:
    return _open_store(path, modified).load(ids)


def results(ids: Sequence[str]) -> list[ArticleResult]:
    """Full results of the chosen articles, in the order given."""
    opened = store()
    if opened:
        return _load(str(opened.path), os.path.getmtime(opened.path), tuple(ids))
    by_id = {r.id: r for r in scored_corpus()}
    return [by_id[i] for i in ids if i in by_id]
