"""Key findings per article in plain sentences, for reports, slides and handouts."""

from __future__ import annotations

from analysis.types import FRAMES, ArticleResult

NAMES = {"ANALOGY": "historical analogy", "SECURITY": "security and rivalry",
         "MARKET": "market critique", "HISTORY": "historical narration"}


def _tone(polarity: float, subjectivity: float) -> str:
    if abs(polarity) < 0.05:
        mood = "neutral"
    elif abs(polarity) < 0.3:
        mood = "slightly positive" if polarity > 0 else "slightly negative"
    else:
        mood = "positive" if polarity > 0 else "negative"
    voice = "mostly factual" if subjectivity < 0.35 else "mixed" if subjectivity < 0.55 else "opinionated"
    return f"The tone is {mood} (polarity {polarity:+.2f}) and {voice} (subjectivity {subjectivity:.2f})."


def findings(result: ArticleResult) -> list[str]:
    """Three to five sentences a student can read aloud."""
    n = result.sentence_count
    out = [f"{result.words} words in {n} sentences."]
    if result.dominant:
        s = result.frames[result.dominant]
        out.append(f"The dominant frame is {result.dominant} ({NAMES[result.dominant]}): "
                   f"{s.sentences} of {n} sentences ({s.share:.0%}) carry it.")
    else:
        out.append("None of the three frames fires in this text.")
    others = [f"{f} {result.frames[f].share:.0%}" for f in FRAMES if f != result.dominant and result.frames[f].sentences]
    if others:
        out.append("Also present: " + ", ".join(others) + ".")
    out.append(_tone(result.polarity, result.subjectivity))
    if result.keywords:
        out.append("Top keywords: " + ", ".join(k.phrase for k in result.keywords[:5]) + ".")
    return out


def strongest_sentences(results: list[ArticleResult], frame: str, *, top: int = 3) -> list[tuple[ArticleResult, int]]:
    """The sentences that carry a frame most strongly, as (article, sentence index)."""
    ranked = [(s.frames[frame].strength, len(s.frames[frame].cues), r.id, i, r)
              for r in results for i, s in enumerate(r.sentences) if frame in s.frames]
    ranked.sort(key=lambda x: (-x[0], -x[1], x[2], x[3]))
    return [(r, i) for *_, i, r in ranked[:top]]
