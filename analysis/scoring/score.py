"""Score documents: sentences, frames with evidence, tone and keywords per article.

This is the one place that combines the measures of one article; the CLI, the dashboard
and every engine (analysis/engines/) call it, so an article gets the same numbers
wherever it is shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from analysis.ingest.segment import sentences, word_count
from analysis.scoring import keywords, tone
from analysis.scoring.features import analyse
from analysis.scoring.lexicons import Lexicons, load_lexicons
from analysis.scoring.model import decide, load_model, off_topic
from analysis.types import (
    FRAMES,
    TINY_SHARE,
    ArticleResult,
    Document,
    FrameHit,
    FrameSummary,
    SentenceResult,
)

@dataclass(frozen=True)
class Settings:
    """Options that change results, and so belong in the cache key."""

    keywords_top: int = 20
    ngram_max: int = 3
    keyword_engine: keywords.Engine = keywords.DEFAULT_ENGINE

    def key(self) -> str:
        return f"top={self.keywords_top};ngram={self.ngram_max};engine={self.keyword_engine}"


def summarize_frames(
    sentence_frames: list[dict[str, FrameHit]], words: int
) -> dict[str, FrameSummary]:
    """Share of sentences carrying each frame, and its cue hits per 1,000 words."""
    total = len(sentence_frames)
    summary = {}
    for frame in FRAMES:
        carrying = [hits[frame] for hits in sentence_frames if frame in hits]
        cue_hits = sum(len(hit.cues) for hit in carrying)
        summary[frame] = FrameSummary(
            share=round(len(carrying) / total, 4) if total else 0.0,
            per_1k_words=round(cue_hits * 1000 / words, 2) if words else 0.0,
            sentences=len(carrying),
            hits=cue_hits,
        )
    return summary


def dominant_frame(frames: Mapping[str, FrameSummary]) -> str | None:
    """The label carried by most sentences, or None when its share is tiny (< TINY_SHARE) or tied
    with the next one. HISTORY takes part: an article that mostly narrates history is called
    that (see `types.dominant_phrase`), not by the frame of a few of its sentences."""
    first, second = sorted(FRAMES, key=lambda f: frames[f].sentences, reverse=True)[:2]
    if frames[first].share < TINY_SHARE or frames[first].sentences == frames[second].sentences:
        return None
    return first


def metadata(doc: Document) -> dict[str, str]:
    """What a result takes from its document besides the text: set by this one function for
    fresh results and for cached ones (which may have been scored under other metadata)."""
    return {"id": doc.id, "source": doc.source, "title": doc.title, "outlet": doc.outlet, "kind": doc.kind,
            "date": doc.date, "url": doc.url, "trimmed": doc.trimmed}


def score_document(
    doc: Document, *, lexicons: Lexicons | None = None, settings: Settings = Settings()
) -> ArticleResult:
    """Score one document from scratch (no cache)."""
    lexicons = lexicons or load_lexicons()
    spans = sentences(doc.text)
    model = load_model()
    article = analyse(doc.text, spans, lexicons)[1]
    frame_hits = decide(model, article)
    sentence_tones, article_tone = tone.tones([doc.text[start:end] for start, end in spans])
    scored = []
    for (start, end), hits, sentence_tone in zip(spans, frame_hits, sentence_tones, strict=True):
        scored.append(
            SentenceResult(
                start=start,
                end=end,
                text=doc.text[start:end],
                polarity=sentence_tone.polarity,
                subjectivity=sentence_tone.subjectivity,
                frames={frame: hits[frame] for frame in FRAMES if frame in hits},
            )
        )
    words = word_count(doc.text)
    frames = summarize_frames(frame_hits, words)
    return ArticleResult(
        **metadata(doc),
        text=doc.text,
        words=words,
        polarity=article_tone.polarity,
        subjectivity=article_tone.subjectivity,
        frames=frames,
        dominant=dominant_frame(frames),
        keywords=keywords.extract(
            doc.text,
            top=settings.keywords_top,
            ngram_max=settings.ngram_max,
            engine=settings.keyword_engine,
            spans=spans,
        ),
        sentences=tuple(scored),
        off_topic=off_topic(model, article),
    )


#: What `warm` scores: a few sentences that reach every step (cues, the model, tone, the tagger, YAKE).
_WARM_TEXT = ("Chip subsidies flow to state firms, as in 1958. Critics call the plan wasteful. "
              "Export controls tighten the rivalry with Washington.")


def warm() -> ArticleResult:
    """Load what scoring loads on first use (TextBlob and its lexicons, the tagger, YAKE, the
    model, the lexicons) by scoring one short text, whose result is returned for warming what
    comes after scoring: a server that does this before it listens makes its first visitor
    wait only for the articles themselves."""
    return score_document(Document(id="warm-up", source="warm-up", text=_WARM_TEXT))
