"""The `framelens.score/1` JSON schema and flat rows for CSV and tables.

Results travel as plain dicts (JSON, cache, exports); this module is the one place
that knows how dataclasses map to them and back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from analysis.types import (
    FRAMES,
    ArticleResult,
    Cue,
    FrameHit,
    FrameSummary,
    Keyword,
    SentenceResult,
)

SCHEMA = "framelens.score/1"
#: The columns of the overview table, in the order shown (`report.tables.overview`, and the
#: store's SQL that gives the same rows).
OVERVIEW_COLUMNS = ("id", "title", "kind", "outlet", "date", "words", "sentences", "dominant",
                    "polarity", "subjectivity", *FRAMES, "keywords")


def top_keywords(result: ArticleResult) -> str:
    """The five best key phrases, as one overview cell."""
    return ", ".join(k.phrase for k in result.keywords[:5])


def _cue_to_dict(cue: Cue) -> dict[str, Any]:
    return {"text": cue.text, "start": cue.start, "end": cue.end, "role": cue.role, "weight": cue.weight}


def _sentence_to_dict(sentence: SentenceResult) -> dict[str, Any]:
    return {
        "start": sentence.start,
        "end": sentence.end,
        "text": sentence.text,
        "polarity": sentence.polarity,
        "subjectivity": sentence.subjectivity,
        "frames": {
            frame: {"strength": hit.strength, "context": hit.context, "cues": [_cue_to_dict(c) for c in hit.cues]}
            for frame, hit in sentence.frames.items()
        },
    }


def article_to_dict(result: ArticleResult) -> dict[str, Any]:
    """One article in the documented JSON shape (README, "Output schema")."""
    return {
        "id": result.id,
        "source": result.source,
        "title": result.title,
        "outlet": result.outlet,
        "kind": result.kind,
        "date": result.date,
        "url": result.url,
        "words": result.words,
        "sentence_count": result.sentence_count,
        "polarity": result.polarity,
        "subjectivity": result.subjectivity,
        "dominant": result.dominant,
        "off_topic": result.off_topic,
        "frames": {
            frame: {
                "share": s.share,
                "per_1k_words": s.per_1k_words,
                "sentences": s.sentences,
                "hits": s.hits,
            }
            for frame, s in result.frames.items()
        },
        "keywords": [{"phrase": k.phrase, "score": k.score} for k in result.keywords],
        "trimmed": result.trimmed,
        "text": result.text,
        "sentences": [_sentence_to_dict(s) for s in result.sentences],
    }


def article_from_dict(data: Mapping[str, Any]) -> ArticleResult:
    """Inverse of `article_to_dict`; raises KeyError/TypeError on a malformed dict. A dict written
    before results gave the off-topic reason (result files of earlier versions) loads with "" there."""
    sentences = tuple(
        SentenceResult(
            start=s["start"],
            end=s["end"],
            text=s["text"],
            polarity=s["polarity"],
            subjectivity=s["subjectivity"],
            frames={
                frame: FrameHit(strength=h["strength"], cues=tuple(Cue(**c) for c in h["cues"]), context=h.get("context", 0.0))
                for frame, h in s["frames"].items()
            },
        )
        for s in data["sentences"]
    )
    return ArticleResult(
        id=data["id"],
        source=data["source"],
        title=data["title"],
        outlet=data["outlet"],
        kind=data["kind"],
        date=data["date"],
        url=data["url"],
        text=data["text"],
        trimmed=data["trimmed"],
        words=data["words"],
        polarity=data["polarity"],
        subjectivity=data["subjectivity"],
        frames={frame: FrameSummary(**f) for frame, f in data["frames"].items()},
        dominant=data["dominant"],
        keywords=tuple(Keyword(**k) for k in data["keywords"]),
        sentences=sentences,
        off_topic=data.get("off_topic", ""),
    )


def article_rows(results: Iterable[ArticleResult]) -> list[dict[str, Any]]:
    """One flat row per article: the per-article figures, frames in fixed order."""
    rows = []
    for r in results:
        row: dict[str, Any] = {
            "id": r.id,
            "title": r.title,
            "source": r.source,
            "words": r.words,
            "sentences": r.sentence_count,
            "dominant": r.dominant or "",
            "polarity": r.polarity,
            "subjectivity": r.subjectivity,
        }
        for frame in FRAMES:
            row[f"{frame}_share"] = r.frames[frame].share
            row[f"{frame}_per_1k"] = r.frames[frame].per_1k_words
        row["keywords"] = "; ".join(k.phrase for k in r.keywords[:5])
        rows.append(row)
    return rows


def sentence_rows(results: Iterable[ArticleResult]) -> list[dict[str, Any]]:
    """One flat row per sentence with its frames and cues: the evidence as a table."""
    rows = []
    for r in results:
        for index, s in enumerate(r.sentences):
            row: dict[str, Any] = {
                "article_id": r.id,
                "sentence": index,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "polarity": s.polarity,
                "subjectivity": s.subjectivity,
            }
            for frame in FRAMES:
                hit = s.frames.get(frame)
                row[f"{frame}_strength"] = hit.strength if hit else 0.0
                row[f"{frame}_cues"] = " | ".join(c.text for c in hit.cues) if hit else ""
                row[f"{frame}_context"] = hit.context if hit else 0.0
            rows.append(row)
    return rows
