"""Tone with TextBlob, wrapped once: only `.sentiment`, which needs no corpus download."""

from __future__ import annotations

from textblob import TextBlob

from analysis.types import Tone


def tone(text: str) -> Tone:
    """Polarity (-1..1) and subjectivity (0..1) of a text; empty text is neutral."""
    if not text.strip():
        return Tone(polarity=0.0, subjectivity=0.0)
    sentiment = TextBlob(text).sentiment
    return Tone(polarity=round(float(sentiment.polarity), 4), subjectivity=round(float(sentiment.subjectivity), 4))
