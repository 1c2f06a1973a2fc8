"""The session's corpus and its scores, cached so that filters never recompute analysis.

Scoring is cached per document by content (text, metadata and lexicon sources), so a
filter change is a cache hit and an added article costs one scoring.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from analysis.ingest import load_seeds, unique_ids
from analysis.lexicons import Lexicons, load_lexicons
from analysis.score import score_document
from analysis.types import ArticleResult, Document

CORPUS_KEY = "corpus.documents"
OVERRIDES_KEY = "lexicons.overrides"


def init() -> None:
    """Start a session on the seeds with the packaged lexicons (once per session)."""
    if CORPUS_KEY not in st.session_state:
        st.session_state[CORPUS_KEY] = list(load_seeds().documents)
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
def _score(doc: Document, lexicon_items: tuple[tuple[str, str], ...]) -> ArticleResult:
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


def add(new: Sequence[Document]) -> list[Document]:
    """Add documents (clashing ids get a suffix); returns them as added."""
    added = unique_ids(new, taken=[d.id for d in documents()])
    st.session_state[CORPUS_KEY] = documents() + added
    return added


def remove(ids: Sequence[str]) -> None:
    st.session_state[CORPUS_KEY] = [d for d in documents() if d.id not in set(ids)]


def reset() -> None:
    st.session_state[CORPUS_KEY] = list(load_seeds().documents)
