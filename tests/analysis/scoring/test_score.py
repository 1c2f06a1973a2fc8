from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.ingest.read import from_text
from analysis.scoring.score import Settings, dominant_frame, score_document
from analysis.types import FRAMES, FrameSummary

ROOT = Path(__file__).resolve().parents[3]

TEXT = (
    "Xi Jinping's chip drive is a new Great Leap Forward.\n\n"
    "US sanctions and export controls threaten Beijing's self-reliance in semiconductors.\n\n"
    "Dozens of chip projects collapsed after swallowing billions in subsidies.\n\n"
    "The weather was mild."
)


def test_score_document_fields_and_offsets() -> None:
    result = score_document(from_text(TEXT, title="t"))
    assert result.sentence_count == 4
    assert result.words == 35
    assert set(result.frames) == set(FRAMES)
    for sentence in result.sentences:
        assert result.text[sentence.start : sentence.end] == sentence.text
        for hit in sentence.frames.values():
            assert 0 < hit.strength <= 1
            for cue in hit.cues:
                assert result.text[cue.start : cue.end].lower() == cue.text.lower()
    labels = [set(s.frames) for s in result.sentences]
    assert "ANALOGY" in labels[0]
    assert "SECURITY" in labels[1]
    assert "MARKET" in labels[2]
    assert labels[3] == set()
    assert result.frames["ANALOGY"].share == pytest.approx(sum("ANALOGY" in found for found in labels) / 4)


def test_per_1k_words_counts_cues_of_carrying_sentences() -> None:
    result = score_document(from_text(TEXT))
    cues = sum(len(s.frames["SECURITY"].cues) for s in result.sentences if "SECURITY" in s.frames)
    assert result.frames["SECURITY"].hits == cues
    assert result.frames["SECURITY"].per_1k_words == pytest.approx(round(cues * 1000 / result.words, 2))


def test_scoring_is_deterministic() -> None:
    doc = from_text(TEXT)
    assert score_document(doc) == score_document(doc)


def test_keywords_setting_applies() -> None:
    result = score_document(from_text(TEXT), settings=Settings(keywords_top=3))
    assert 0 < len(result.keywords) <= 3


@pytest.mark.parametrize(
    ("shares", "expected"),
    [
        ({"ANALOGY": 0.0, "SECURITY": 0.0, "MARKET": 0.1, "HISTORY": 0.9}, "HISTORY"),
        ({"ANALOGY": 0.1, "SECURITY": 0.3, "MARKET": 0.2, "HISTORY": 0.0}, "SECURITY"),
        ({"ANALOGY": 0.4, "SECURITY": 0.3, "MARKET": 0.2, "HISTORY": 0.0}, "ANALOGY"),
        ({"ANALOGY": 0.3, "SECURITY": 0.3, "MARKET": 0.1, "HISTORY": 0.0}, None),  # tied
        ({"ANALOGY": 0.05, "SECURITY": 0.0, "MARKET": 0.0, "HISTORY": 0.0}, None),  # tiny
        ({"ANALOGY": 0.0, "SECURITY": 0.0, "MARKET": 0.0, "HISTORY": 0.0}, None),
    ],
)
def test_dominant_frame_names_history_and_no_clear_leader(shares: dict[str, float], expected: str | None) -> None:
    frames = {f: FrameSummary(share=s, per_1k_words=s, sentences=round(s * 20), hits=round(s * 20)) for f, s in shares.items()}
    assert dominant_frame(frames) == expected


def test_empty_text_scores_to_zero() -> None:
    from analysis.types import Document

    result = score_document(Document(id="e", source="e", text=""))
    assert result.sentence_count == 0 and result.words == 0 and result.dominant is None
    assert all(result.frames[f].share == 0 for f in FRAMES)


def test_warm_loads_everything_scoring_loads_on_first_use() -> None:
    """After `warm` (which `python -m dashboard` runs before the server listens), scoring an
    article imports no module, and TextBlob's lazy lexicons (sentiment, tagger) are loaded."""
    code = ("import json, sys, textblob.en as en; from analysis.scoring.score import warm, score_document; "
            "from analysis.ingest.read import load_seeds; doc = load_seeds().documents[0]; "
            "sizes = lambda: [dict.__len__(en.sentiment), dict.__len__(en.lexicon)]; cold = sizes(); warm(); "
            "warmed = sizes(); before = set(sys.modules); score_document(doc); "
            "print(json.dumps([cold, warmed, sorted(set(sys.modules) - before)]))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    cold, warmed, imported = json.loads(out)
    assert cold == [0, 0]
    assert min(warmed) > 1000
    assert imported == []
