"""The learned frame model: evidence with offsets, context, lexicon edits, a reproducible file."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from analysis.gold.train import MODEL, train
from analysis.ingest.read import read_paths
from analysis.ingest.segment import sentences
from analysis.scoring.features import analyse
from analysis.scoring.keywords import stopwords
from analysis.scoring.lexicons import load_lexicons
from analysis.scoring.frames import CONTEXT_MIN
from analysis.scoring.model import MAX_WORDS, FrameModel, Linear, decide, load_model, off_topic, stacked, topic_words
from analysis.scoring.score import score_document
from analysis.types import FRAMES

DATA = Path(__file__).resolve().parents[2] / "data"
CHECK = DATA / "checks" / "moonshot_critique.txt"


@pytest.fixture(scope="module")
def check():
    """A short market critique built on an Apollo analogy, written for this check."""
    (doc,) = read_paths([CHECK]).documents
    return score_document(doc)


def labels_of(result, start: str) -> set[str]:
    (sentence,) = [s for s in result.sentences if s.text.startswith(start)]
    return set(sentence.frames)


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ("Like the moon race of the 1960s, the law pours public money", "ANALOGY"),
        ("Critics say taxpayers are handing billions to profitable companies", "MARKET"),
        ("Several planned plants have already been delayed", "MARKET"),
    ],
)
def test_the_quoted_sentences_get_their_labels(check, start: str, expected: str) -> None:
    found = labels_of(check, start)
    assert expected in found and not found & {"SECURITY", "HISTORY"}


def test_a_market_critique_reads_as_market(check) -> None:
    assert check.dominant == "MARKET" and check.frames["MARKET"].share >= 0.7
    assert check.frames["HISTORY"].share == 0.0


def test_every_label_shows_its_evidence_with_offsets(check) -> None:
    seen_roles = set()
    for sentence in check.sentences:
        for hit in sentence.frames.values():
            assert 0 < hit.strength <= 1 and hit.cues
            words = [c for c in hit.cues if c.role == "learned"]
            assert len(words) <= MAX_WORDS * 2  # a word pair spans two words
            for cue in hit.cues:
                assert sentence.start <= cue.start < cue.end <= sentence.end
                assert check.text[cue.start : cue.end] == cue.text
                assert not set(cue.text.lower().split()) <= stopwords()
                seen_roles.add(cue.role)
    assert "learned" in seen_roles and seen_roles - {"learned"}


def test_forms_of_a_word_share_one_learned_weight_and_show_as_written() -> None:
    text = "Taxpayers fund the subsidies. A taxpayer funded one subsidy."
    first, second = analyse(text, sentences(text), load_lexicons())[1]
    for stem in ("word:taxpay", "word:subsidi"):
        assert stem in first.values and stem in second.values
    assert [c.text for c in first.evidence["word:taxpay"] + second.evidence["word:taxpay"]] == ["Taxpayers", "taxpayer"]
    assert load_model().sentence["MARKET"].weights["word:taxpay"] > 0


def test_stage_one_sees_the_sentence_alone_and_the_topic_regressions_its_single_words() -> None:
    text = "Taxpayers fund the subsidies.\n\nThe plant opened in 1958."
    first = analyse(text, sentences(text), load_lexicons())[1][0]
    assert {"text:topical", "head"} <= set(first.values) and not {"text:topical", "head"} & set(first.own)
    assert {"word:taxpay", "word:taxpay fund"} <= set(first.own)
    assert set(first.words) == {"word:taxpay", "word:fund", "word:the", "word:subsidi"}
    assert topic_words([first]) == dict.fromkeys(first.words, 1.0)


def test_context_is_recorded_beside_the_evidence(check) -> None:
    hits = [h for s in check.sentences for h in s.frames.values()]
    assert any(h.context > 0 for h in hits)


def test_editing_a_lexicon_changes_the_scores() -> None:
    (doc,) = read_paths([CHECK]).documents
    source = load_lexicons().source("MARKET").replace("      - cost per job\n", "").replace("      - delay*\n", "")
    before = labels_of(score_document(doc), "Several planned plants")
    after = score_document(doc, lexicons=load_lexicons(overrides={"MARKET": source}))
    (sentence,) = [s for s in after.sentences if s.text.startswith("Several planned plants")]
    assert "MARKET" in before
    assert not any(c.text in ("cost per job", "delayed") and c.role != "learned"
                   for h in sentence.frames.values() for c in h.cues)


def test_the_packaged_model_is_small_and_rebuilt_exactly_by_train(tmp_path: Path) -> None:
    assert MODEL.stat().st_size < 5 * 2**20
    rebuilt = tmp_path / "frames.json"
    info = train(out=rebuilt)
    assert rebuilt.read_bytes() == MODEL.read_bytes()
    assert info == load_model().info


def _eager(article) -> FrameModel:
    """A model that gives every label to any sentence with a feature: only the gate can stop it."""
    weights = {name: 1.0 for s in article for name in s.values}
    eager = {f: Linear(5.0, weights) for f in FRAMES}
    return FrameModel(eager, eager)


@pytest.mark.parametrize(("path", "labelled"), [(CHECK, True),
                                                 (DATA / "corpus" / "dev" / "control-01.txt", False)])
def test_an_off_topic_text_gets_no_label_whatever_the_model_says(path: Path, labelled: bool) -> None:
    (doc,) = read_paths([path]).documents
    _, article = analyse(doc.text, sentences(doc.text), load_lexicons())
    assert any(decide(_eager(article), article)) is labelled


@pytest.fixture(scope="module")
def read() -> dict[str, list]:
    """The features of a review of a Cold War film (control-52), the check text and the five seeds, by file stem."""
    lexicons = load_lexicons()
    return {p.stem: analyse(d.text, sentences(d.text), lexicons)[1]
            for p in (DATA / "corpus" / "dev" / "control-52.txt", CHECK, *sorted((DATA.parent.parent / "seeds").glob("*.txt")))
            for d in read_paths([p]).documents}


def test_the_topic_regression_quiets_a_near_topic_text_that_the_rules_let_through(read) -> None:
    """A review of a Cold War film is full of blockades and missiles; the rules' topic test
    passes it, the article's words tell it apart."""
    film = read["control-52"]
    assert not film[0].values.get("text:off_topic")
    assert off_topic(load_model(), film)
    on_topic = [off_topic(load_model(), article) for stem, article in read.items() if stem != "control-52"]
    assert on_topic == [""] * 6


@pytest.mark.parametrize(("stem", "leads"), [("moonshot_critique", "MARKET"), ("003", "SECURITY"), ("004", "HISTORY")])
def test_the_genre_regressions_tell_the_kind_of_article_from_its_words(read, stem: str, leads: str) -> None:
    """A market critique, a sanctions report and an encyclopedia page on 1958-60: the label whose
    share of sentences the article's words predict highest, which stage 2 sees beside every sentence."""
    (article,) = [a for name, a in read.items() if name.startswith(stem)]
    model = load_model()
    shares = {f: model.genre[f].probability(topic_words(article)) for f in FRAMES}
    assert max(shares, key=shares.get) == leads
    views = stacked(model.sentence, article, model.genre, model.passage)
    assert all(view[f"genre:p:{f}"] == shares[f] for view in views for f in FRAMES)


@pytest.mark.parametrize(("stem", "opening", "leads"), [
    ("moonshot_critique", "The chips law was sold to Congress", "MARKET"),
    ("002", "The US, after years of targeting specific companies", "SECURITY"),
    ("004", "Applied in China from 1958 to 1960", "HISTORY"),
])
def test_the_passage_regressions_tell_the_kind_of_paragraph_from_its_words(read, stem: str, opening: str,
                                                                           leads: str) -> None:
    """A paragraph of a subsidy critique, of a report on US curbs and of an encyclopedia page on
    1958-60: the label whose share of sentences the paragraph's words predict highest, which stage 2
    sees beside each of its sentences."""
    (name,) = [name for name in read if name.startswith(stem)]
    seeds = DATA.parent.parent / "seeds"
    (doc,) = read_paths([CHECK if stem == "moonshot_critique" else seeds / f"{name}.txt"]).documents
    article, spans = read[name], sentences(doc.text)
    first = next(i for i, (a, _) in enumerate(spans) if doc.text.startswith(opening, a))
    paragraph = [s for s in article if s.paragraph == article[first].paragraph]
    model = load_model()
    shares = {f: model.passage[f].probability(topic_words(paragraph)) for f in FRAMES}
    assert max(shares, key=shares.get) == leads
    views = stacked(model.sentence, article, model.genre, model.passage)
    assert all(views[i][f"passage:p:{f}"] == shares[f]
               for i, s in enumerate(article) if s.paragraph == article[first].paragraph for f in FRAMES)


def test_the_topic_regressions_reason_gives_its_probability_and_threshold(read) -> None:
    film, topic = read["control-52"], load_model().topic
    p = topic.probability(topic_words(film))
    shown = re.fullmatch(r"the topic model, reading its words, gives a probability of (0\.\d\d) that it is about "
                         r"state-led technology or industry, below the 0\.50 it needs", off_topic(load_model(), film))
    assert shown and float(shown[1]) <= p < float(shown[1]) + 0.01 and topic.threshold == 0.5


@pytest.mark.parametrize(("stem", "few"), [("control-01", "only 1 of 30 sentences (3%)"),
                                          ("control-13", "none of its 31 sentences")])
def test_the_rules_reason_counts_the_topic_sentences(stem: str, few: str) -> None:
    """Controls the rules' topic test finds off-topic: a score has no label and says why."""
    (doc,) = read_paths([DATA / "corpus" / "dev" / f"{stem}.txt"]).documents
    _, article = analyse(doc.text, sentences(doc.text), load_lexicons())
    reason = off_topic(load_model(), article)
    assert reason == (f"{few} name the state, an industry or a technology, a past state campaign, or a phrase "
                      f"such as \"export controls\" that is a frame in itself; at least 12% must")
    result = score_document(doc)
    assert result.off_topic == reason and not any(s.frames for s in result.sentences)


@pytest.mark.parametrize(("p", "shown"), [(0.4999, "0.49"), (0.123, "0.12"), (0.5, None)])
def test_the_topic_regressions_reason_rounds_down_below_its_threshold(p: float, shown: str | None) -> None:
    text = " ".join(f"Beijing subsidises chip plant number {n}." for n in range(CONTEXT_MIN))
    _, article = analyse(text, sentences(text), load_lexicons())
    model = FrameModel({}, {}, Linear(math.log(p / (1 - p)), {}))
    expected = (f"the topic model, reading its words, gives a probability of {shown} that it is about state-led "
                f"technology or industry, below the 0.50 it needs") if shown else ""
    assert off_topic(model, article) == expected


def test_the_topic_regression_leaves_texts_too_short_to_judge_alone() -> None:
    text = " ".join(f"Beijing subsidises chip plant number {n}." for n in range(CONTEXT_MIN))
    _, article = analyse(text, sentences(text), load_lexicons())
    never = _eager(article)
    never = FrameModel(never.sentence, never.label, Linear(-50.0, {}))
    assert off_topic(never, article) and not any(decide(never, article))
    assert not off_topic(never, article[:-1]) and all(decide(never, article[:-1]))


def test_a_sentence_is_analogy_or_history_not_both_unless_an_explicit_analogy_fired() -> None:
    text = ("Beijing is pouring billions into chips this year.\n\nCritics call the chip drive a new great leap "
            "forward.\n\nIn 1958 the state built backyard furnaces.\n\nThe Great Leap Forward began in 1958 under "
            "Mao.\n\nToday officials say the plan is working.")
    _, article = analyse(text, sentences(text), load_lexicons())
    labelled = decide(_eager(article), article)
    assert [bool({"ANALOGY", "HISTORY"} <= set(found)) for found in labelled] == [False, True, False, False, False]
    assert ["HISTORY" in found for found in labelled[2:4]] == [True, True]
