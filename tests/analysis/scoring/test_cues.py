"""Cue matching over the whole article finds exactly what a scan of each sentence finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis.ingest.read import load_seeds, read_paths
from analysis.ingest.segment import sentences
from analysis.scoring.cues import match
from analysis.scoring.lexicons import LABELS, Lexicons, branch, load_lexicons, ordered
from bench.score import corpus

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"


def per_sentence(text: str, spans: list[tuple[int, int]], lexicons: Lexicons) -> list[dict]:
    """The old matching: every group's plain alternation of its cues, run on each sentence."""
    plain = {(frame, name): re.compile("|".join(branch(cue) for cue in ordered(group.cues)))
             for frame in LABELS for name, group in lexicons.groups[frame].items()}
    found = []
    for start, end in spans:
        row = {}
        for frame in LABELS:
            row[frame] = {}
            for name in lexicons.groups[frame]:
                row[frame][name] = [m.span() for m in plain[frame, name].finditer(text, start, end)]
        found.append(row)
    return found


def spans_of(found: list[dict]) -> list[dict]:
    return [{frame: {name: [(c.start, c.end) for c in cues] for name, cues in groups.items()}
             for frame, groups in row.items()} for row in found]


def texts() -> list[tuple[str, str]]:
    seeds = [(d.id, d.text) for d in load_seeds().documents]
    bench = [(d.id, d.text) for d in corpus(40)]
    train = [(d.id, d.text) for d in read_paths([CORPUS / "train"]).documents]
    return seeds + bench + train


@pytest.mark.parametrize(("doc_id", "text"), texts(), ids=lambda v: v if len(v) < 40 else "")
def test_whole_article_matching_equals_per_sentence_matching(doc_id: str, text: str) -> None:
    lexicons = load_lexicons()
    spans = sentences(text)
    assert spans_of(match(text, spans, lexicons)) == per_sentence(text, spans, lexicons)


def test_an_edited_lexicon_rebuilds_the_matcher() -> None:
    text = "Officials praised the moonshot plan. A zebrafish project followed."
    source = load_lexicons().source("ANALOGY").replace("cues:", "cues:\n      - zebrafish", 1)
    edited = load_lexicons(overrides={"ANALOGY": source})
    cues = [c.text for row in match(text, sentences(text), edited) for g in row["ANALOGY"].values() for c in g]
    assert "zebrafish" in cues
    assert "zebrafish" not in [c.text for row in match(text, sentences(text), load_lexicons())
                               for g in row["ANALOGY"].values() for c in g]


@pytest.mark.parametrize("text", ["K\u212aelvin \u017fubsidies, 'state-owned' firms—EU tariffs;  X-ray $5bn costs",
                                  "subsidies subsidies-subsidies  (tariff)tariffs. Made in China 2025!"])
def test_a_group_tried_only_where_a_cue_can_begin_finds_what_a_full_scan_finds(text: str) -> None:
    for frame in LABELS:
        for group in load_lexicons().groups[frame].values():
            assert group.find(text, 0, len(text)) == [m.span() for m in group.pattern.finditer(text)]
            assert group.find(text, 3, len(text) - 2) == [m.span() for m in group.pattern.finditer(text, 3, len(text) - 2)]
