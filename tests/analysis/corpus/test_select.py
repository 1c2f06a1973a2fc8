from __future__ import annotations

import pytest

from analysis.corpus.select import Filters, apply, known_values, matching_sentences
from analysis.types import FRAMES, ArticleResult, FrameSummary, SentenceResult


def article(id: str, *, shares: dict[str, float] | None = None, kind: str = "", outlet: str = "",
            date: str = "", polarity: float = 0.0, sentences: tuple[str, ...] = ()) -> ArticleResult:
    shares = shares or {}
    return ArticleResult(
        id=id, source=id, title=f"Title {id}", outlet=outlet, kind=kind, date=date, url="", text=" ".join(sentences),
        trimmed="", words=10, polarity=polarity, subjectivity=0.0,
        frames={f: FrameSummary(shares.get(f, 0.0), 0.0, 0, 0) for f in FRAMES}, dominant=None, keywords=(),
        sentences=tuple(SentenceResult(0, len(s), s, 0.0, 0.0, {}) for s in sentences),
    )


CORPUS = [
    article("a", shares={"SECURITY": 0.5}, kind="op-ed", outlet="X", date="2021-03-05", polarity=0.2,
            sentences=("Export controls bite.", "Chips matter.")),
    article("b", shares={"ANALOGY": 0.3, "MARKET": 0.1}, kind="analysis", date="2019", polarity=-0.3,
            sentences=("A new great leap forward.",)),
    article("c", kind="op-ed", polarity=0.6, sentences=("Football results.",)),
]


@pytest.mark.parametrize(
    ("filters", "ids"),
    [
        (Filters(), ["a", "b", "c"]),
        (Filters(min_share=0.2), ["a", "b"]),
        (Filters(frames=("MARKET",), min_share=0.1), ["b"]),
        (Filters(frames=("SECURITY", "ANALOGY"), min_share=0.4), ["a"]),
        (Filters(kinds=("op-ed",)), ["a", "c"]),
        (Filters(outlets=("X",)), ["a"]),
        (Filters(date_from="2020-01-01"), ["a"]),
        (Filters(date_to="2020"), ["b"]),
        (Filters(date_from="2019-06-01"), ["a", "b"]),  # "2019" overlaps a range from June 2019
        (Filters(date_from="2019-06-01", date_to="2019-12-31"), ["b"]),
        (Filters(date_from="2021-03-06"), []),
        (Filters(date_to="2021-03-05"), ["a", "b"]),
        (Filters(min_share=0.5, polarity=(0.0, 1.0)), ["a"]),
        (Filters(polarity=(0.2, 0.2)), ["a"]),
        (Filters(frames=(), min_share=0.1), []),
        (Filters(kinds=("op-ed",), outlets=("X",), query="chips"), ["a"]),
        (Filters(query="great   leap"), ["b"]),  # any run of spaces between the words
        (Filters(query="forward leap"), []),  # a phrase, not a bag of words
        (Filters(polarity=(-1.0, 0.0)), ["b"]),
        (Filters(query="export CONTROLS"), ["a"]),
        (Filters(query="title c"), ["c"]),
        (Filters(query="nothing like this"), []),
    ],
)
def test_apply(filters: Filters, ids: list[str]) -> None:
    assert [r.id for r in apply(CORPUS, filters)] == ids


def test_matching_sentences() -> None:
    assert matching_sentences(CORPUS[0], "chips") == [1]
    assert matching_sentences(CORPUS[0], "  ") == []
    assert matching_sentences(CORPUS[0], "(") == []


def test_known_values() -> None:
    assert known_values(CORPUS, "kind") == ["analysis", "op-ed"]
    assert known_values(CORPUS, "outlet") == ["X"]
