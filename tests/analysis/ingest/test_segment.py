from __future__ import annotations

import pytest

from analysis.ingest.segment import sentences, word_count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("One sentence.", ["One sentence."]),
        ("Since the U.S. waged a trade war, Huawei suffered. It adapted.", ["Since the U.S. waged a trade war, Huawei suffered.", "It adapted."]),
        ("Headline without period\n\nBody starts here. And ends.", ["Headline without period", "Body starts here.", "And ends."]),
        ("- item one\n- item two", ["- item one", "- item two"]),
        ("no punctuation at all", ["no punctuation at all"]),
        ("...!!!", ["...!!!"]),
        ("  padded.   ", ["padded."]),
        ("中文句子。English follows.", ["中文句子。English follows."]),
        ("Giants such as Tencent Holdings Ltd. in spurring growth. Since then, less.",
         ["Giants such as Tencent Holdings Ltd. in spurring growth.", "Since then, less."]),
        ("Line one ends.\nlower-case line.", ["Line one ends.", "lower-case line."]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    spans = sentences(text)
    assert [text[a:b] for a, b in spans] == expected


def test_offsets_are_increasing_and_inside_text() -> None:
    text = "A. B. C.\nD? E! " * 50
    spans = sentences(text)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))


@pytest.mark.parametrize(
    ("text", "count"),
    [("", 0), ("Xi's chip drive isn't new.", 5), ("self-reliance in 2025", 4), ("— ...", 0)],
)
def test_word_count(text: str, count: int) -> None:
    assert word_count(text) == count
