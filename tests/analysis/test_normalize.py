from __future__ import annotations

import pytest

from analysis.normalize import normalize, trim_boilerplate


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("“Quoted” and ‘single’", "\"Quoted\" and 'single'"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("a\u00a0b\u2009c", "a b c"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("tabs\t\tand   spaces  \n next", "tabs and spaces\nnext"),
        ("one\n\n\n\n\ntwo", "one\n\ntwo"),
        ("ctrl\x07char", "ctrlchar"),
        ("e\u0301", "\u00e9"),
        ("em — dash kept", "em — dash kept"),
        ("", ""),
    ],
)
def test_normalize(raw: str, clean: str) -> None:
    assert normalize(raw) == clean


BODY = "\n\n".join(f"Paragraph {i} about export controls and chips." for i in range(6))


def test_trailing_furniture_is_trimmed_and_kept() -> None:
    text = BODY + "\n\nLeave a Reply\n\nYour email address will not be published.\n\nPrevious Article\n\nOther story"
    article, trimmed = trim_boilerplate(text)
    assert article == BODY
    assert trimmed.startswith("Leave a Reply") and trimmed.endswith("Other story")


def test_marker_in_first_half_is_not_furniture() -> None:
    text = "Related\n\n" + BODY
    assert trim_boilerplate(text) == (text, "")


def test_sentence_that_starts_like_a_marker_is_kept() -> None:
    text = BODY + "\n\nComments by the minister on the subsidy programme drew criticism across the industry for weeks."
    assert trim_boilerplate(text) == (text, "")


def test_text_without_furniture_is_unchanged() -> None:
    assert trim_boilerplate(BODY) == (BODY, "")
