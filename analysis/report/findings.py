"""Key findings per article in plain sentences, for reports, slides and handouts."""

from __future__ import annotations

from analysis.types import FRAMES, TINY_SHARE, ArticleResult, dominant_phrase

NAMES = {"ANALOGY": "historical analogy", "SECURITY": "security and rivalry",
         "MARKET": "market critique", "HISTORY": "historical narration"}


#: Said beside a positive polarity where a critical frame leads: the score counts words, not stance.
TONE_CAVEAT = ("Polarity counts positive and negative words (TextBlob), not the writer's stance: "
               "criticism in upbeat words (\"a pipe dream\") can read as positive.")


def tone_caveat(result: ArticleResult) -> str | None:
    """TONE_CAVEAT where a reader would doubt the polarity (positive while a critical frame leads), else None."""
    return TONE_CAVEAT if result.polarity > 0 and result.dominant in ("MARKET", "SECURITY") else None


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
    top = max(FRAMES, key=lambda f: result.frames[f].sentences)
    if result.dominant == "HISTORY":
        s = result.frames["HISTORY"]
        out.append(f"Mostly historical narration: {s.sentences} of {n} sentences ({s.share:.0%}) tell a past "
                   "episode on its own terms (HISTORY, a control label, not a frame).")
    elif result.dominant:
        s = result.frames[result.dominant]
        out.append(f"The dominant frame is {result.dominant} ({NAMES[result.dominant]}): "
                   f"{s.sentences} of {n} sentences ({s.share:.0%}) carry it.")
    elif not result.frames[top].sentences:
        out.append("No frame dominates: none of the labels fires in this text.")
    elif result.frames[top].share < TINY_SHARE:
        out.append(f"No frame dominates: none reaches {TINY_SHARE:.0%} of sentences.")
    else:
        out.append(f"No frame dominates: the largest shares are tied at {result.frames[top].share:.0%}.")
    others = [f"{f} {result.frames[f].share:.0%}" for f in FRAMES if f != result.dominant and result.frames[f].sentences]
    if others:
        out.append("Also present: " + ", ".join(others) + ".")
    out.append(_tone(result.polarity, result.subjectivity))
    if caveat := tone_caveat(result):
        out.append(caveat)
    if result.keywords:
        out.append("Top keywords: " + ", ".join(k.phrase for k in result.keywords[:5]) + ".")
    return out


def strongest_sentences(results: list[ArticleResult], frame: str, *, top: int = 3) -> list[tuple[ArticleResult, int]]:
    """The sentences that carry a frame most strongly, as (article, sentence index)."""
    ranked = [(s.frames[frame].strength, len(s.frames[frame].cues), r.id, i, r)
              for r in results for i, s in enumerate(r.sentences) if frame in s.frames]
    ranked.sort(key=lambda x: (-x[0], -x[1], x[2], x[3]))
    return [(r, i) for *_, i, r in ranked[:top]]
