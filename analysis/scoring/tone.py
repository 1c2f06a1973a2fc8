"""Tone with TextBlob, wrapped once: only its pattern sentiment, which needs no corpus download.

An article's tone is the mean over the sentiment assessments (each scored word or phrase,
with its negation and intensifier) of all its sentences, so the per-sentence pass gives
both the sentences' and the article's tone and no text is assessed twice. TextBlob's own
whole-text sentiment is the same mean over the assessments it finds in the whole text;
the two differ only where a negation or intensifier would reach across a sentence end.
"""

from __future__ import annotations

from collections.abc import Sequence

from textblob.en import sentiment as pattern_sentiment

from analysis.types import Tone

#: One assessment: (words, polarity, subjectivity, label), as TextBlob gives it.
Assessment = tuple[list[str], float, float, object]


def _rounded(polarity: float, subjectivity: float) -> Tone:
    return Tone(polarity=round(float(polarity), 4), subjectivity=round(float(subjectivity), 4))


def assessments(text: str) -> list[Assessment]:
    """TextBlob's sentiment assessments of a text (empty for blank text)."""
    return list(pattern_sentiment(text).assessments) if text.strip() else []


def mean(found: Sequence[Assessment]) -> Tone:
    """Tone as the mean polarity and subjectivity of assessments; none is neutral."""
    if not found:
        return Tone(polarity=0.0, subjectivity=0.0)
    return _rounded(sum(a[1] for a in found) / len(found), sum(a[2] for a in found) / len(found))


def tone(text: str) -> Tone:
    """Polarity (-1..1) and subjectivity (0..1) of a text; empty text is neutral."""
    return mean(assessments(text))


def tones(texts: Sequence[str]) -> tuple[list[Tone], Tone]:
    """Each text's tone, and the tone of all of them together (the mean over all their assessments)."""
    found = [assessments(text) for text in texts]
    return [mean(a) for a in found], mean([a for each in found for a in each])
