from __future__ import annotations

import pytest

from analysis.report.findings import TONE_CAVEAT, findings, strongest_sentences
from analysis.types import dominant_phrase
from analysis.types import FRAMES


def lines_start(lines: list[str], first: str, second: str) -> bool:
    return lines[0] == first and lines[1].startswith(second)


def test_findings_state_the_numbers(seed_results) -> None:
    result = seed_results["003"]
    carrying = result.frames["SECURITY"].sentences
    assert lines_start(findings(result), f"{result.words} words in 109 sentences.",
                       f"The dominant frame is SECURITY (security and rivalry): {carrying} of 109 sentences "
                       f"({carrying / 109:.0%})")
    lines = findings(result)
    assert any(line.startswith("The tone is") for line in lines)
    assert lines[-1].startswith("Top keywords: ")


def test_no_frame_is_said_plainly() -> None:
    from analysis.ingest.read import from_text
    from analysis.scoring.score import score_document

    lines = findings(score_document(from_text("The match ended two to one. Fans cheered.")))
    assert "No frame dominates: none of the labels fires in this text." in lines


def test_the_history_reference_is_called_historical_narration(seed_results) -> None:
    result = seed_results["004"]
    assert result.dominant == "HISTORY"
    assert findings(result)[1].startswith("Mostly historical narration: ")
    assert not any("MARKET" in line and "dominant" in line for line in findings(result))


@pytest.mark.parametrize(
    ("dominant", "phrase"),
    [("MARKET", "MARKET"), ("HISTORY", "mostly historical narration"), (None, "no frame dominates")],
)
def test_dominant_phrase(dominant: str | None, phrase: str) -> None:
    assert dominant_phrase(dominant) == phrase


def test_tied_and_tiny_shares_are_said(seed_results) -> None:
    from dataclasses import replace

    from analysis.types import FrameSummary

    base = seed_results["003"]
    tied = {f: FrameSummary(0.3 if f in ("ANALOGY", "MARKET") else 0.0, 0.0, 30 if f in ("ANALOGY", "MARKET") else 0, 0)
            for f in FRAMES}
    assert findings(replace(base, frames=tied, dominant=None))[1] == "No frame dominates: the largest shares are tied at 30%."
    tiny = {f: FrameSummary(0.05 if f == "SECURITY" else 0.0, 0.0, 5 if f == "SECURITY" else 0, 0) for f in FRAMES}
    assert findings(replace(base, frames=tiny, dominant=None))[1] == "No frame dominates: none reaches 10% of sentences."


def test_a_positive_tone_beside_a_critical_frame_gets_a_caveat(seed_results) -> None:
    from dataclasses import replace

    assert TONE_CAVEAT in findings(replace(seed_results["003"], polarity=0.11))
    assert TONE_CAVEAT not in findings(replace(seed_results["003"], polarity=-0.11))


def test_strongest_sentences_carry_the_frame(seed_results) -> None:
    results = list(seed_results.values())
    top = strongest_sentences(results, "SECURITY", top=3)
    assert len(top) == 3
    strengths = [r.sentences[i].frames["SECURITY"].strength for r, i in top]
    assert strengths == sorted(strengths, reverse=True)
    assert strongest_sentences(results[4:], "ANALOGY") == []
