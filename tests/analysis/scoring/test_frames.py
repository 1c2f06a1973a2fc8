"""Frame rules on sentences written for the tests, on off-topic texts, and on the seeds."""

from __future__ import annotations

import pytest

from analysis.ingest.segment import sentences
from analysis.scoring.frames import detect
from analysis.scoring.lexicons import load_lexicons


def labels(sentence: str) -> set[str]:
    return set(detect(sentence, [(0, len(sentence))], load_lexicons())[0])


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # ANALOGY: a past episode linked to the present
        ("Xi's chip drive is a new great leap forward.", {"ANALOGY"}),
        ("The projects are a replica of the great steel-making of 1958.", {"ANALOGY"}),
        ("Like the Soviet space race, the push may produce prestige projects.", {"ANALOGY", "MARKET"}),
        ("The semiconductor campaign has drawn comparisons with the Great Leap Forward.", {"ANALOGY"}),
        ("Washington faces a new Sputnik moment in artificial intelligence.", {"ANALOGY"}),
        # HISTORY: the past on its own terms
        ("In 1958 Mao launched the Great Leap Forward across the countryside.", {"HISTORY"}),
        ("Backyard furnaces produced useless pig iron.", {"HISTORY"}),
        ("The Sino-Soviet split began in 1956.", {"HISTORY"}),
        # SECURITY
        ("US sanctions threaten Beijing's efforts to become self-reliant in semiconductors.", {"SECURITY"}),
        ("Huawei was added to the entity list.", {"SECURITY"}),
        ("The plan stresses civil-military integration.", {"SECURITY"}),
        ("The EU Chips Act aims to reduce dependence on Asian suppliers amid rivalry with China.", {"SECURITY"}),
        ("The Netherlands tightened export controls on lithography machines.", {"SECURITY"}),
        # MARKET
        ("The campaign did not give any thought to market mechanism.", {"MARKET"}),
        ("Dozens of chip projects collapsed after swallowing billions in subsidies.", {"MARKET"}),
        ("Central planners misjudge demand and waste capital.", {"MARKET"}),
        ("The US CHIPS Act hands $52 billion in subsidies that critics call corporate welfare.", {"MARKET"}),
        ("Governments keep picking winners in the battery industry.", {"MARKET"}),
        # Words are not frames
        ("The plan sets a target of 70 percent self-sufficiency by 2025 with new subsidies.", set()),
        ("The striker failed to score and the club faced sanctions from the league.", set()),
        ("Manchester United staged a comeback to rescue a record win.", set()),
        ("A cold front will bring rain and the temperature may collapse overnight.", set()),
        ("Whisk the eggs with sugar, then waste no time folding in the flour.", set()),
        ("Apple shares rose after strong iPhone sales in China.", set()),
    ],
)
def test_sentence_labels(sentence: str, expected: set[str]) -> None:
    assert labels(sentence) == expected


def test_analogy_needs_a_past_episode() -> None:
    assert "ANALOGY" not in labels("Like Apple, Huawei now designs its own chips again.")


def test_cue_offsets_index_the_text() -> None:
    text = "Intro line\n\nXi's chip drive is a new great leap forward. Export controls bite."
    for span, hits in zip(sentences(text), detect(text, sentences(text), load_lexicons())):
        for hit in hits.values():
            assert 0 < hit.strength <= 1
            for cue in hit.cues:
                assert span[0] <= cue.start < cue.end <= span[1]
                assert text[cue.start : cue.end] == cue.text
                assert cue.role


def test_strength_grows_with_evidence() -> None:
    one = detect("Export controls bite.", [(0, 21)], load_lexicons())[0]["SECURITY"].strength
    text = "Export controls and the entity list bite."
    two = detect(text, [(0, len(text))], load_lexicons())[0]["SECURITY"].strength
    assert 0 < one < two <= 1


def test_lexicon_edit_changes_results() -> None:
    source = load_lexicons().source("SECURITY").replace("      - entity list\n", "")
    edited = load_lexicons(overrides={"SECURITY": source})
    text = "Huawei was added to the entity list."
    assert "SECURITY" in detect(text, [(0, len(text))], load_lexicons())[0]
    assert "SECURITY" not in detect(text, [(0, len(text))], edited)[0]


OFF_TOPIC = """Liverpool staged a stunning comeback at Anfield on Saturday. The visitors attacked
early and the home side had to rescue a point. The referee booked three players, and the
league may impose sanctions after the match. A record crowd watched. Next week a cold front
arrives and temperatures will fall sharply. Bake the bread for forty minutes."""


def test_off_topic_text_scores_close_to_zero() -> None:
    spans = sentences(OFF_TOPIC)
    hits = detect(OFF_TOPIC, spans, load_lexicons())
    assert sum(bool(h) for h in hits) == 0


def test_seed_orderings(seed_results) -> None:
    share = {frame: {i: r.frames[frame].share for i, r in seed_results.items()} for frame in ("ANALOGY", "SECURITY", "MARKET", "HISTORY")}
    analogy, security, market, history = share["ANALOGY"], share["SECURITY"], share["MARKET"], share["HISTORY"]
    assert analogy["004"] == min(analogy.values()) and analogy["004"] <= 0.05
    assert max(history, key=history.get) == "004"
    assert analogy["000"] >= analogy["004"] + 0.15 and analogy["001"] >= analogy["004"] + 0.15
    assert max(security, key=security.get) == "003" and min(security, key=security.get) == "004"
    assert max(market, key=market.get) == "000"
