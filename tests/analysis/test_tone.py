from __future__ import annotations

import pytest

from analysis.tone import tone
from analysis.types import Tone


def test_polarity_direction() -> None:
    assert tone("This is a wonderful, excellent and successful plan.").polarity > 0.3
    assert tone("This is a terrible, disastrous and awful failure.").polarity < -0.3


def test_subjectivity_ordering() -> None:
    assert tone("I think it is a beautiful, amazing idea.").subjectivity > tone("The plant opened in 2021 in Wuhan.").subjectivity


def test_ranges_and_empty() -> None:
    result = tone("Chips are good but sanctions are bad.")
    assert -1 <= result.polarity <= 1 and 0 <= result.subjectivity <= 1
    assert type(result.polarity) is float and type(result.subjectivity) is float
    assert tone("  ") == Tone(0.0, 0.0)


def test_needs_no_corpus_download(monkeypatch: pytest.MonkeyPatch) -> None:
    import nltk

    def refuse(*args, **kwargs):
        raise AssertionError("tried to download a corpus")

    monkeypatch.setattr(nltk, "download", refuse)
    assert tone("A great success.").polarity > 0
