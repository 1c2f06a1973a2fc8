"""Gold-file reading, sentence matching and agreement metrics, with hand-computed numbers."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from analysis.errors import InputError
from analysis.gold.evaluate import GoldSentence, agreement, cohen_kappa, evaluate, read_gold
from analysis.ingest.segment import sentences as split_sentences
from analysis.types import FRAMES, ArticleResult, FrameHit, FrameSummary, SentenceResult

DATA = Path(__file__).resolve().parents[2] / "data"
HEADER = "article_id,start,end,text,labels\n"


def make_article(article_id: str, text: str, spans: list[tuple[int, int, tuple[str, ...]]]) -> ArticleResult:
    """An ArticleResult whose sentences fire exactly the given frames."""
    sentences = tuple(
        SentenceResult(s, e, text[s:e], 0.0, 0.0, {f: FrameHit(1.0, ()) for f in labels}) for s, e, labels in spans
    )
    return ArticleResult(
        id=article_id, source=f"{article_id}.txt", title="", outlet="", kind="", date="", url="", text=text,
        trimmed="", words=len(text.split()), polarity=0.0, subjectivity=0.0,
        frames={f: FrameSummary(0.0, 0.0, len(sentences), 0) for f in FRAMES}, dominant=None, keywords=(),
        sentences=sentences,
    )


def numbered(labels: list[tuple[str, ...]]) -> tuple[str, list[tuple[int, int]]]:
    """A text of one short sentence per entry, and each sentence's span."""
    parts = [f"Sentence number {i}." for i in range(len(labels))]
    text = " ".join(parts)
    spans, pos = [], 0
    for part in parts:
        spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    return text, spans


def gold_for(article_id: str, text: str, spans: list[tuple[int, int]], labels: list[tuple[str, ...]]):
    return [GoldSentence(article_id, s, e, text[s:e], lab) for (s, e), lab in zip(spans, labels)]


# ANALOGY: TP=3, FN=2, FP=1, TN=4 -> P=3/4, R=3/5, F1=6/9, kappa=(0.7-0.5)/(1-0.5)=0.4
GOLD_LABELS = [("ANALOGY",)] * 5 + [()] * 5
PRED_LABELS = [("ANALOGY",)] * 3 + [()] * 2 + [("ANALOGY",)] + [()] * 4


def test_metrics_match_hand_computed_values() -> None:
    text, spans = numbered(GOLD_LABELS)
    article = make_article("a", text, [(s, e, p) for (s, e), p in zip(spans, PRED_LABELS)])
    result = evaluate(gold_for("a", text, spans, GOLD_LABELS), [article])
    score = result.scores["ANALOGY"]
    assert (score.tp, score.fp, score.fn, score.tn, score.support) == (3, 1, 2, 4, 5)
    assert score.precision == pytest.approx(0.75)
    assert score.recall == pytest.approx(0.6)
    assert score.f1 == pytest.approx(2 / 3)
    assert score.kappa == pytest.approx(0.4)
    assert list(result.scores) == list(FRAMES)
    assert result.matched == 10 and result.unmatched == ()
    assert result.confusion["ANALOGY"]["ANALOGY"] == 3
    assert result.confusion["ANALOGY"]["none"] == 2
    assert result.confusion["none"]["ANALOGY"] == 1
    assert result.confusion["none"]["none"] == 4
    assert [(d.start, d.gold, d.predicted) for d in result.disagreements] == [
        (spans[3][0], ("ANALOGY",), ()),
        (spans[4][0], ("ANALOGY",), ()),
        (spans[5][0], (), ("ANALOGY",)),
    ]


def test_frame_absent_on_both_sides_has_zero_scores_and_kappa_one() -> None:
    text, spans = numbered(GOLD_LABELS)
    article = make_article("a", text, [(s, e, p) for (s, e), p in zip(spans, PRED_LABELS)])
    score = evaluate(gold_for("a", text, spans, GOLD_LABELS), [article]).scores["MARKET"]
    assert (score.tp, score.fp, score.fn, score.tn) == (0, 0, 0, 10)
    assert (score.precision, score.recall, score.f1, score.kappa) == (0.0, 0.0, 0.0, 1.0)


def test_confusion_counts_each_pair_of_gold_and_predicted_labels() -> None:
    text, spans = numbered([("ANALOGY", "HISTORY")])
    article = make_article("a", text, [(*spans[0], ("ANALOGY", "MARKET"))])
    result = evaluate(gold_for("a", text, spans, [("ANALOGY", "HISTORY")]), [article])
    assert result.confusion["ANALOGY"] == {"ANALOGY": 1, "SECURITY": 0, "MARKET": 1, "HISTORY": 0, "none": 0}
    assert result.confusion["HISTORY"]["ANALOGY"] == result.confusion["HISTORY"]["MARKET"] == 1
    assert result.scores["HISTORY"].fn == 1 and result.scores["MARKET"].fp == 1


@pytest.mark.parametrize(
    ("both", "only_a", "only_b", "neither", "expected"),
    [
        (3, 2, 1, 4, 0.4),  # po=0.7, pe=0.5
        (2, 0, 0, 3, 1.0),  # perfect agreement
        (0, 2, 3, 0, -12 / 13),  # always opposite: po=0, pe=12/25
        (0, 0, 0, 5, 1.0),  # both constant "no": identical
        (5, 0, 0, 0, 1.0),  # both constant "yes": identical
        (0, 5, 0, 0, 0.0),  # both constant but different
        (0, 0, 0, 0, 1.0),  # nothing coded
    ],
)
def test_cohen_kappa(both: int, only_a: int, only_b: int, neither: int, expected: float) -> None:
    assert cohen_kappa(both=both, only_a=only_a, only_b=only_b, neither=neither) == pytest.approx(expected)


TEXT = "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda."  # 64 characters


@pytest.mark.parametrize(
    ("gold_span", "predicted", "expected"),
    [
        # boundaries shifted by a few characters: the mostly-overlapping sentence wins
        ((0, 22), [(0, 25, ("ANALOGY",)), (25, 64, ("SECURITY",))], ("ANALOGY",)),
        ((22, 64), [(0, 25, ("ANALOGY",)), (25, 64, ("SECURITY",))], ("SECURITY",)),
        # gold sentence split in two halves by the predictor: union of both
        ((0, 20), [(0, 10, ("ANALOGY",)), (10, 20, ("SECURITY",)), (20, 64, ("MARKET",))], ("ANALOGY", "SECURITY")),
        # no sentence covers half: the largest overlap decides
        ((0, 30), [(0, 13, ("MARKET",)), (13, 24, ("HISTORY",)), (24, 64, ("ANALOGY",))], ("MARKET",)),
        # a gold span no predicted sentence touches has no predicted labels
        ((40, 64), [(0, 30, ("MARKET",))], ()),
    ],
)
def test_overlap_matching(gold_span: tuple[int, int], predicted: list, expected: tuple[str, ...]) -> None:
    article = make_article("a", TEXT, predicted)
    gold = [GoldSentence("a", *gold_span, TEXT[slice(*gold_span)], ())]
    result = evaluate(gold, [article])
    assert result.matched == 1
    assert (result.disagreements[0].predicted if result.disagreements else ()) == expected


def test_zero_strength_hit_is_not_a_prediction() -> None:
    weak = SentenceResult(0, 64, TEXT, 0.0, 0.0, {"ANALOGY": FrameHit(0.0, ()), "MARKET": FrameHit(0.5, ())})
    article = replace(make_article("a", TEXT, []), sentences=(weak,))
    result = evaluate([GoldSentence("a", 0, 64, TEXT, ())], [article])
    assert result.disagreements[0].predicted == ("MARKET",)


ARTICLE = 'He said "hello".\nThe  plan\nfailed.   It was a new great leap forward. Done. Done.'


@pytest.mark.parametrize(
    ("gold_text", "expected_span"),
    [
        ("The plan failed.", (17, 34)),  # whitespace differs from the article
        ('He said "hello".', (0, 16)),  # straight quotes find the same text
        ("It was a new great leap forward.", (37, 69)),
    ],
)
def test_text_only_rows_are_located(gold_text: str, expected_span: tuple[int, int]) -> None:
    article = make_article("a", ARTICLE.replace('"hello"', "\u201chello\u201d"), [(0, len(ARTICLE), ())])
    result = evaluate([GoldSentence("a", None, None, gold_text, ("ANALOGY",))], [article])
    assert result.unmatched == ()
    assert (result.disagreements[0].start, result.disagreements[0].end) == expected_span


def test_repeated_sentences_are_located_in_order() -> None:
    article = make_article("a", ARTICLE, [(70, 75, ()), (76, 81, ("MARKET",))])
    gold = [GoldSentence("a", None, None, "Done.", ()), GoldSentence("a", None, None, "Done.", ("MARKET",))]
    result = evaluate(gold, [article])
    assert result.matched == 2 and result.disagreements == ()


def test_wrong_offsets_fall_back_to_the_text() -> None:
    article = make_article("a", ARTICLE, [(37, 69, ("ANALOGY",))])
    gold = [GoldSentence("a", 3, 30, "It was a new great leap forward.", ("ANALOGY",))]
    result = evaluate(gold, [article])
    assert result.matched == 1 and result.scores["ANALOGY"].tp == 1


def test_unmatched_gold_is_reported_not_dropped() -> None:
    article = make_article("a", ARTICLE, [(0, len(ARTICLE), ())])
    gold = [
        GoldSentence("a", None, None, "Not in the article.", ()),
        GoldSentence("b", 0, 5, "He sa", ("SECURITY",)),
        GoldSentence("a", 70, 200, "", ()),
        GoldSentence("a", 0, 16, 'He said "hello".', ()),
    ]
    result = evaluate(gold, [article])
    assert result.matched == 1
    assert [u.reason for u in result.unmatched] == [
        "text not found in article 'a' (81 characters)",
        "article 'b' is not in the results",
        "offsets 70-200 not found in article 'a' (81 characters)",
    ]
    assert result.scores["SECURITY"].fn == 0


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "gold.csv"
    path.write_text(body, encoding="utf-8")
    return path


def test_read_gold_parses_rows(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + '000,3,10,"A ""quoted"" one",history; analogy\n001,,,Text only.,\n')
    assert read_gold(path) == (
        GoldSentence("000", 3, 10, 'A "quoted" one', ("ANALOGY", "HISTORY")),
        GoldSentence("001", None, None, "Text only.", ()),
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "missing column(s) article_id, start, end, text, labels; expected header article_id,start,end,text,labels"),
        ("article_id,start,end,text\n000,1,2,x\n", "missing column(s) labels; expected header"),
        (HEADER + "000,1,5,text,ANALOGY;FRAMING\n", "row 2: unknown label(s) FRAMING; valid labels: ANALOGY, SECURITY, MARKET, HISTORY"),
        (HEADER + "000,1,5,ok,\n000,a,5,text,\n", "row 3: offsets must be whole numbers (start='a', end='5')"),
        (HEADER + "000,9,5,text,\n", "row 2: offsets must satisfy 0 <= start < end (start=9, end=5)"),
        (HEADER + "000,-1,5,text,\n", "row 2: offsets must satisfy 0 <= start < end (start=-1, end=5)"),
        (HEADER + "000,4,,text,\n", "row 2: give both start and end or neither (start='4', end='')"),
        (HEADER + "000,,,,MARKET\n", "row 2: a row needs text or start and end"),
        (HEADER + ",1,5,text,\n", "row 2: article_id is empty"),
    ],
)
def test_read_gold_errors_name_file_and_row(tmp_path: Path, body: str, message: str) -> None:
    path = write(tmp_path, body)
    with pytest.raises(InputError) as info:
        read_gold(path)
    assert str(path) in str(info.value)
    assert message in str(info.value)


def test_read_gold_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read gold file"):
        read_gold(tmp_path / "absent.csv")


def test_agreement_per_label() -> None:
    texts = [f"Sentence {i}." for i in range(10)]
    a = [GoldSentence("x", None, None, t, lab) for t, lab in zip(texts, GOLD_LABELS)]
    b = [GoldSentence("x", None, None, t, lab) for t, lab in reversed(list(zip(texts, PRED_LABELS)))]
    result = agreement(a, b)
    assert list(result) == list(FRAMES)
    analogy = result["ANALOGY"]
    assert (analogy.n, analogy.both, analogy.only_a, analogy.only_b, analogy.neither) == (10, 3, 2, 1, 4)
    assert analogy.agreement == pytest.approx(0.7) and analogy.kappa == pytest.approx(0.4)
    assert (result["MARKET"].agreement, result["MARKET"].kappa) == (1.0, 1.0)


def test_agreement_pairs_repeated_sentences_by_occurrence() -> None:
    a = [GoldSentence("x", None, None, "Done.", ()), GoldSentence("x", None, None, "Done.", ("MARKET",))]
    b = [GoldSentence("x", 0, 5, "Done.", ()), GoldSentence("x", 6, 11, " Done. ", ("MARKET",))]
    assert agreement(a, b)["MARKET"].kappa == 1.0


def test_agreement_needs_the_same_sentences() -> None:
    a = [GoldSentence("x", None, None, "One.", ()), GoldSentence("x", None, None, "Two.", ())]
    with pytest.raises(InputError, match=r"1 sentence\(s\) only in the first, e.g. article x: 'Two.'"):
        agreement(a, a[:1])


# --- the real gold files --------------------------------------------------------------

BOILERPLATE = {"002": "\nLeave a Reply", "004": "\nPrevious Post"}


def normalise(text: str) -> str:
    """The normalisation GOLD.md describes; gold offsets index its output."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n")
    text = text.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "}))
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" +\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


@pytest.fixture(scope="module")
def seed_texts(seeds_dir: Path) -> dict[str, str]:
    return {p.name[:3]: normalise(p.read_text(encoding="utf-8")) for p in sorted(seeds_dir.glob("*.txt"))}


def segment(text: str, article_id: str) -> list[tuple[int, int]]:
    """Sentence spans as GOLD.md defines them: FrameLens's segmenter (lines, segtok, a lower-case
    piece continuing its sentence), boilerplate cut."""
    cut = text.rfind(BOILERPLATE[article_id]) if article_id in BOILERPLATE else -1
    return split_sentences(text[: cut if cut >= 0 else len(text)])


@pytest.mark.parametrize("name", ["gold_seeds.csv", "gold_seeds_pass2.csv"])
def test_seed_gold_covers_every_sentence_exactly(name: str, seed_texts: dict[str, str]) -> None:
    gold = read_gold(DATA / name)
    for s in gold:
        assert seed_texts[s.article_id][s.start : s.end] == s.text
    for article_id, text in seed_texts.items():
        assert [(s.start, s.end) for s in gold if s.article_id == article_id] == segment(text, article_id)


def test_seed_gold_follows_the_codebook_on_the_encyclopedia_page() -> None:
    encyclopedia = [s for s in read_gold(DATA / "gold_seeds.csv") if s.article_id == "004"]
    assert not any("ANALOGY" in s.labels for s in encyclopedia)
    assert sum("HISTORY" in s.labels for s in encyclopedia) > len(encyclopedia) / 2


def test_passes_code_the_same_sentences() -> None:
    result = agreement(read_gold(DATA / "gold_seeds.csv"), read_gold(DATA / "gold_seeds_pass2.csv"))
    assert all(r.n == 245 and r.kappa > 0.8 for r in result.values())


@pytest.mark.parametrize("name", ["gold_seeds.csv", "gold_example.csv"])
def test_gold_scores_perfectly_against_itself(name: str, seed_texts: dict[str, str]) -> None:
    gold = read_gold(DATA / name)
    full = read_gold(DATA / "gold_seeds.csv")
    results = [
        make_article(aid, text, [(s.start, s.end, s.labels) for s in full if s.article_id == aid])
        for aid, text in seed_texts.items()
    ]
    result = evaluate(gold, results)
    assert result.unmatched == () and result.disagreements == ()
    assert result.matched == len(gold)
    assert all(score.kappa == 1.0 for score in result.scores.values())
