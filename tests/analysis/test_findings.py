from __future__ import annotations

from analysis.findings import findings, strongest_sentences


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
    from analysis.ingest import from_text
    from analysis.score import score_document

    lines = findings(score_document(from_text("The match ended two to one. Fans cheered.")))
    assert "None of the three frames fires in this text." in lines


def test_strongest_sentences_carry_the_frame(seed_results) -> None:
    results = list(seed_results.values())
    top = strongest_sentences(results, "SECURITY", top=3)
    assert len(top) == 3
    strengths = [r.sentences[i].frames["SECURITY"].strength for r, i in top]
    assert strengths == sorted(strengths, reverse=True)
    assert strongest_sentences(results[4:], "ANALOGY") == []
