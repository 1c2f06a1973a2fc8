from __future__ import annotations

import pytest

from analysis.scoring.tone import tone
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


def test_article_tone_is_the_mean_over_its_sentences_assessments() -> None:
    from analysis.scoring.tone import assessments, tones

    texts = ["A wonderful plan.", "It was a terrible, awful failure.", "The plant opened in 2021."]
    found = [a for text in texts for a in assessments(text)]
    each, article = tones(texts)
    assert each == [tone(text) for text in texts]
    assert article == Tone(round(sum(a[1] for a in found) / len(found), 4), round(sum(a[2] for a in found) / len(found), 4))
    assert tones([])[1] == tones(["  "])[1] == Tone(0.0, 0.0)


def test_article_tone_equals_textblob_over_the_whole_text_on_the_seeds() -> None:
    from textblob import TextBlob

    from analysis.ingest.read import load_seeds
    from analysis.ingest.segment import sentences
    from analysis.scoring.tone import tones

    for doc in load_seeds().documents:
        whole = TextBlob(doc.text).sentiment
        article = tones([doc.text[start:end] for start, end in sentences(doc.text)])[1]
        assert article == Tone(round(whole.polarity, 4), round(whole.subjectivity, 4)), doc.id
