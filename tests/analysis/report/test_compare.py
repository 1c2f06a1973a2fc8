from __future__ import annotations

import pytest

from analysis.report.compare import (
    compare,
    distinctive_terms,
    frame_difference,
    keyword_overlap,
    tokens,
)
from analysis.types import FRAMES, ArticleResult, FrameSummary, Keyword


def article(id: str, shares: dict[str, float], keywords: list[str], text: str = "") -> ArticleResult:
    return ArticleResult(
        id=id, source=id, title=id, outlet="", kind="", date="", url="", text=text, trimmed="",
        words=100, polarity=0.0, subjectivity=0.0,
        frames={f: FrameSummary(share=shares.get(f, 0.0), per_1k_words=shares.get(f, 0.0) * 10, sentences=0, hits=0) for f in FRAMES},
        dominant=None, keywords=tuple(Keyword(k, 0.1) for k in keywords), sentences=(),
    )


A = ["sanctions export controls sanctions chips sanctions rivalry", "sanctions entity list chips sanctions"]
B = ["subsidies waste subsidies planning chips", "subsidies bubble waste planning chips subsidies"]


def test_frame_difference_group_means() -> None:
    a = [article("a1", {"SECURITY": 0.4}, []), article("a2", {"SECURITY": 0.2}, [])]
    b = [article("b1", {"SECURITY": 0.1, "MARKET": 0.5}, [])]
    deltas = {d.frame: d for d in frame_difference(a, b)}
    assert list(deltas) == list(FRAMES)
    assert deltas["SECURITY"].share_a == pytest.approx(0.3)
    assert deltas["SECURITY"].share_diff == pytest.approx(0.2)
    assert deltas["MARKET"].share_diff == pytest.approx(-0.5)
    assert deltas["SECURITY"].per_1k_diff == pytest.approx(2.0)


def test_keyword_overlap() -> None:
    overlap = keyword_overlap([article("a", {}, ["Chips", "sanctions"])], [article("b", {}, ["chips", "subsidies", "waste"])])
    assert overlap.shared == ("Chips",)
    assert overlap.only_a == ("sanctions",) and overlap.only_b == ("subsidies", "waste")
    assert overlap.jaccard == pytest.approx(0.25)


def test_keyword_overlap_over_groups() -> None:
    a = [article("a1", {}, ["Export controls", "chips", "sanctions"]), article("a2", {}, ["export controls"])]
    b = [article("b1", {}, ["subsidies", "Chips"]), article("b2", {}, ["EXPORT CONTROLS"])]
    overlap = keyword_overlap(a, b)
    assert overlap.shared == ("Export controls", "chips")  # as first written on side a
    assert overlap.only_a == ("sanctions",) and overlap.only_b == ("subsidies",)
    assert overlap.jaccard == pytest.approx(2 / 4)
    assert keyword_overlap(a, b, top=1).shared == ("Export controls",)


def test_keyword_overlap_without_keywords() -> None:
    assert keyword_overlap([article("a", {}, [])], [article("b", {}, [])]).jaccard == 0.0


def test_distinctive_terms_sides_and_signs() -> None:
    terms = {t.term: t for t in distinctive_terms(A, B, min_count=1)}
    assert terms["sanctions"].side == "a" and terms["sanctions"].z > 0
    assert terms["subsidies"].side == "b" and terms["subsidies"].z < 0
    strongest_a = max(terms.values(), key=lambda t: t.z)
    strongest_b = min(terms.values(), key=lambda t: t.z)
    assert (strongest_a.term, strongest_b.term) == ("sanctions", "subsidies")
    assert "chips" not in terms or abs(terms["chips"].z) < 0.5 * terms["sanctions"].z


def test_swapping_sides_flips_signs() -> None:
    forward = {t.term: t.z for t in distinctive_terms(A, B, min_count=1)}
    backward = {t.term: t.z for t in distinctive_terms(B, A, min_count=1)}
    for term, z in forward.items():
        assert backward[term] == pytest.approx(-z)


def test_equal_frequency_gives_zero() -> None:
    terms = distinctive_terms(["chips chips war"], ["chips chips peace"], min_count=1)
    assert all(t.term != "chips" for t in terms)


def test_equal_rate_in_groups_of_different_size_gives_zero() -> None:
    terms = {t.term: t for t in distinctive_terms(["chips war"], ["chips peace chips peace"], min_count=1)}
    assert "chips" not in terms or abs(terms["chips"].z) < 1e-6
    assert terms["war"].side == "a" and terms["peace"].side == "b"


def test_prior_from_other_texts() -> None:
    """A word the prior knows well is shrunk more than one the prior lacks."""
    prior = ["sanctions " * 50 + "chips rivalry subsidies waste planning"]
    with_prior = {t.term: t for t in distinctive_terms(A, B, prior=prior, min_count=1)}
    pooled = {t.term: t for t in distinctive_terms(A, B, min_count=1)}
    assert with_prior["sanctions"].z > 0 and with_prior["subsidies"].z < 0
    assert with_prior["sanctions"].z != pytest.approx(pooled["sanctions"].z)
    assert with_prior["entity"].side == "a"  # absent from the prior, still scored


@pytest.mark.parametrize(
    ("a", "b", "prior"),
    [(["chips"], ["chips"], None), (["Chips!"], ["chips."], None), (["chips chips"], ["chips"], ["chips"]), (["2025"], ["the"], None)],
)
def test_one_word_in_all_gives_no_terms(a: list[str], b: list[str], prior: list[str] | None) -> None:
    assert distinctive_terms(a, b, prior=prior, min_count=1) == ()


def test_min_count_and_top() -> None:
    terms = distinctive_terms(A, B, min_count=3, top=1)
    assert [(t.term, t.side) for t in terms] == [("sanctions", "a"), ("subsidies", "b")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The 2025 plan and THE chips", ["plan", "chips"]),
        ("China's chips, China\u2019s chips", ["china", "chips", "china", "chips"]),
        ("don\u2019t it's who's Beijing\u2019s", ["beijing"]),
        ("a b 5G x86 Huawei", ["huawei"]),
        ("Überkapazität und Subventionen", ["überkapazität", "und", "subventionen"]),
    ],
)
def test_tokens(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: distinctive_terms(A, B, top=0), "top=0: must be at least 1"),
        (lambda: distinctive_terms(A, B, min_count=0), "min_count=0: must be at least 1"),
        (lambda: distinctive_terms([], B), "side a is empty"),
        (lambda: distinctive_terms([], []), "sides a and b are empty"),
        (lambda: keyword_overlap([article("a", {}, [])], [article("b", {}, [])], top=0), "top=0: must be at least 1"),
        (lambda: frame_difference([article("a", {}, [])], []), "side b is empty"),
    ],
)
def test_bad_arguments_are_named(call, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()


def test_compare_bundles_everything_and_rejects_empty_side() -> None:
    a = [article("a", {"SECURITY": 0.5}, ["sanctions"], " ".join(A))]
    b = [article("b", {"MARKET": 0.5}, ["subsidies"], " ".join(B))]
    result = compare(a, b, top=2)
    assert (result.a, result.b) == (("a",), ("b",))
    sides = [t.side for t in result.distinctive]
    assert sides == sorted(sides) and sides.count("b") == 2
    assert result.distinctive[0].term == "sanctions" and result.distinctive[sides.index("b")].term == "subsidies"
    with pytest.raises(ValueError, match="at least one article on each side"):
        compare(a, [])
