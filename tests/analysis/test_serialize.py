from __future__ import annotations

import json
from dataclasses import replace

from analysis.ingest.read import from_text
from analysis.scoring.score import score_document
from analysis.serialize import (
    article_from_dict,
    article_rows,
    article_to_dict,
    sentence_rows,
)
from analysis.types import FRAMES

TEXT = "US sanctions threaten Beijing's self-reliance in semiconductors. The match ended 2-1."


def test_json_round_trip_is_lossless() -> None:
    result = score_document(from_text(TEXT, title="Sanctions"))
    assert article_from_dict(json.loads(json.dumps(article_to_dict(result)))) == result


def test_the_off_topic_reason_survives_a_round_trip() -> None:
    reason = "none of its 31 sentences name the state; at least 12% must"
    result = replace(score_document(from_text(TEXT)), off_topic=reason)
    assert article_to_dict(result)["off_topic"] == reason
    assert article_from_dict(json.loads(json.dumps(article_to_dict(result)))).off_topic == reason


def test_a_result_written_before_the_off_topic_reason_loads_without_one() -> None:
    result = replace(score_document(from_text(TEXT)), off_topic="a reason")
    older = {k: v for k, v in article_to_dict(result).items() if k != "off_topic"}
    assert article_from_dict(older) == replace(result, off_topic="")


def test_documented_shape() -> None:
    article = article_to_dict(score_document(from_text(TEXT)))
    for field in ("id", "source", "title", "words", "polarity", "subjectivity", "frames", "keywords", "sentences"):
        assert field in article
    assert article["off_topic"] == ""
    assert list(article["frames"]) == list(FRAMES)
    assert set(article["frames"]["SECURITY"]) >= {"share", "per_1k_words"}
    first, second = article["sentences"]
    assert set(first) >= {"start", "end", "text", "polarity", "subjectivity", "frames"}
    assert "SECURITY" in first["frames"] and second["frames"] == {}
    cue = first["frames"]["SECURITY"]["cues"][0]
    assert article["text"][cue["start"] : cue["end"]] == cue["text"]


def test_rows_are_flat_and_ordered() -> None:
    result = score_document(from_text(TEXT))
    row = article_rows([result])[0]
    assert [k for k in row if k.endswith("_share")] == [f"{f}_share" for f in FRAMES]
    sentences = sentence_rows([result])
    assert len(sentences) == 2
    assert sentences[0]["SECURITY_strength"] > 0 and sentences[1]["SECURITY_strength"] == 0.0
    assert "sanctions" in sentences[0]["SECURITY_cues"].lower()
