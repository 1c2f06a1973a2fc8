"""Compare FrameLens's sentence labels with a hand-coded gold file.

A frame score is only worth showing if it agrees with a careful human reader, so
the labels are checked against gold codings (tests/data/gold_seeds.csv codes the
five seeds; tests/data/GOLD.md tells how).

Gold CSV format (UTF-8, header required)::

    article_id,start,end,text,labels
    000,694,809,"Now, Xi Jinping ... another ""great leap forward campaign"".",ANALOGY

- ``article_id``: the id of the article the sentence belongs to.
- ``start``, ``end``: character offsets of the sentence in the article text. Both
  may be empty when ``text`` is given; the text is then searched for, ignoring
  whitespace and curly-vs-straight quotes, after the previous gold sentence of the
  same article (so repeated sentences keep their order). Offsets whose span does not
  hold the given text are searched for the same way.
- ``text``: the sentence; may be empty only when offsets are given.
- ``labels``: zero or more of ANALOGY, SECURITY, MARKET, HISTORY separated by ``;``
  (case-insensitive; empty for none).

A gold sentence takes the union of the frames of the predicted sentences that
overlap it by at least half of its length, or else of the one predicted sentence
with the largest overlap, so small differences in sentence splitting do not count
as errors. A frame is predicted when it is in ``SentenceResult.frames`` with a
strength above zero.

Conventions, so no metric divides by zero: precision, recall and F1 are 0.0 when
their denominator is 0 (as scikit-learn's default); Cohen's kappa is 1.0 when both
codings are constant and identical (including no sentences at all) and 0.0 when
both are constant and differ.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from analysis.csvout import csv_text, read_cell
from analysis.errors import InputError
from analysis.types import FRAMES, ArticleResult, Frame

COLUMNS = ("article_id", "start", "end", "text", "labels")
NONE = "none"
#: One-to-one character folds, so searching folded text keeps the original offsets.
_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


@dataclass(frozen=True)
class GoldSentence:
    """One hand-coded sentence; offsets are None when the row gave only text."""

    article_id: str
    start: int | None
    end: int | None
    text: str
    labels: tuple[Frame, ...]


@dataclass(frozen=True)
class FrameScore:
    """How well one frame's predictions match the gold labels."""

    frame: Frame
    tp: int
    fp: int
    fn: int
    tn: int
    precision: float
    recall: float
    f1: float
    kappa: float
    support: int


@dataclass(frozen=True)
class Disagreement:
    """A gold sentence whose predicted labels differ from the gold labels."""

    article_id: str
    start: int
    end: int
    text: str
    gold: tuple[Frame, ...]
    predicted: tuple[Frame, ...]


@dataclass(frozen=True)
class Unmatched:
    """A gold sentence that could not be compared, and why."""

    sentence: GoldSentence
    reason: str


@dataclass(frozen=True)
class Evaluation:
    """Scores per frame (FRAMES order), confusion counts and the cases to look at.

    ``confusion[gold][predicted]`` counts, for every matched gold sentence, each pair
    of one of its gold labels and one of its predicted labels; a sentence without
    labels counts as ``"none"`` on that side.
    """

    scores: Mapping[str, FrameScore]
    confusion: Mapping[str, Mapping[str, int]]
    disagreements: tuple[Disagreement, ...]
    unmatched: tuple[Unmatched, ...]
    matched: int


@dataclass(frozen=True)
class LabelAgreement:
    """Agreement of two codings on one label: share of equal decisions and kappa."""

    frame: Frame
    n: int
    both: int
    only_a: int
    only_b: int
    neither: int
    agreement: float
    kappa: float


def read_gold(path: str | Path) -> tuple[GoldSentence, ...]:
    """Read a gold CSV, naming the file and row of anything that cannot be used."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read gold file: {exc}") from exc
    return parse_gold(text, source=str(path))


def parse_gold(text: str, *, source: str) -> tuple[GoldSentence, ...]:
    """Parse gold CSV text (an uploaded file, say); `source` names it in errors."""
    try:
        reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
        header = reader.fieldnames or ()
        rows = [{key: read_cell(value) if isinstance(value, str) else value for key, value in row.items()}
                for row in reader]
    except csv.Error as exc:
        raise InputError(source, f"cannot read gold file: {exc}") from exc
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise InputError(source, f"missing column(s) {', '.join(missing)}; expected header {','.join(COLUMNS)}")
    return tuple(_parse_row(row, f"{source}, row {number}") for number, row in enumerate(rows, start=2))


def write_gold(sentences: Iterable[GoldSentence]) -> str:
    """Gold CSV text for these sentences: the format `read_gold` reads."""
    return csv_text(COLUMNS, ([s.article_id, "" if s.start is None else s.start, "" if s.end is None else s.end,
                               s.text, ";".join(s.labels)] for s in sentences))


def _parse_row(row: Mapping[str, str | None], where: str) -> GoldSentence:
    article_id = (row["article_id"] or "").strip()
    text = (row["text"] or "").strip()
    raw_start, raw_end = (row["start"] or "").strip(), (row["end"] or "").strip()
    if not article_id:
        raise InputError(where, "article_id is empty")
    if bool(raw_start) != bool(raw_end):
        raise InputError(where, f"give both start and end or neither (start={raw_start!r}, end={raw_end!r})")
    start = end = None
    if raw_start:
        try:
            start, end = int(raw_start), int(raw_end)
        except ValueError:
            raise InputError(where, f"offsets must be whole numbers (start={raw_start!r}, end={raw_end!r})") from None
        if not 0 <= start < end:
            raise InputError(where, f"offsets must satisfy 0 <= start < end (start={start}, end={end})")
    elif not text:
        raise InputError(where, "a row needs text or start and end")
    return GoldSentence(article_id, start, end, text, _parse_labels(row["labels"] or "", where))


def _parse_labels(raw: str, where: str) -> tuple[Frame, ...]:
    names = {part.strip().upper() for part in raw.split(";") if part.strip()}
    unknown = sorted(names - set(FRAMES))
    if unknown:
        raise InputError(where, f"unknown label(s) {', '.join(unknown)}; valid labels: {', '.join(FRAMES)}")
    return tuple(f for f in FRAMES if f in names)


def evaluate(gold: Sequence[GoldSentence], results: Sequence[ArticleResult]) -> Evaluation:
    """Score predicted frames against gold sentences matched by character overlap."""
    by_id = {r.id: r for r in results}
    cursor: dict[str, int] = {}
    pairs: list[tuple[tuple[Frame, ...], tuple[Frame, ...]]] = []
    confusion = {g: dict.fromkeys((*FRAMES, NONE), 0) for g in (*FRAMES, NONE)}
    disagreements: list[Disagreement] = []
    unmatched: list[Unmatched] = []
    for sentence in gold:
        article = by_id.get(sentence.article_id)
        if article is None:
            unmatched.append(Unmatched(sentence, f"article {sentence.article_id!r} is not in the results"))
            continue
        span = locate(sentence, article.text, after=cursor.get(sentence.article_id, 0))
        if span is None:
            where = "text" if sentence.text else f"offsets {sentence.start}-{sentence.end}"
            reason = f"{where} not found in article {sentence.article_id!r} ({len(article.text)} characters)"
            unmatched.append(Unmatched(sentence, reason))
            continue
        cursor[sentence.article_id] = span[1]
        predicted = _predicted(article, *span)
        pairs.append((sentence.labels, predicted))
        for g in sentence.labels or (NONE,):
            for p in predicted or (NONE,):
                confusion[g][p] += 1
        if predicted != sentence.labels:
            text = sentence.text or article.text[span[0] : span[1]]
            disagreements.append(Disagreement(sentence.article_id, *span, text, sentence.labels, predicted))
    scores = {f: _frame_score(f, _table((f in g, f in p) for g, p in pairs)) for f in FRAMES}
    return Evaluation(scores, confusion, tuple(disagreements), tuple(unmatched), len(pairs))


def locate(sentence: GoldSentence, text: str, *, after: int) -> tuple[int, int] | None:
    """Find the gold sentence's span in the article text, trusting offsets that fit."""
    if sentence.start is not None and sentence.end is not None and sentence.end <= len(text):
        found = text[sentence.start : sentence.end]
        if not sentence.text or _squash(found.translate(_FOLD)) == _squash(sentence.text.translate(_FOLD)):
            return sentence.start, sentence.end
    if not sentence.text:
        return None
    folded = text.translate(_FOLD)
    pattern = re.compile(r"\s+".join(re.escape(w) for w in sentence.text.translate(_FOLD).split()))
    match = pattern.search(folded, after) or pattern.search(folded)
    return (match.start(), match.end()) if match else None


def _squash(text: str) -> str:
    return " ".join(text.split())


def _predicted(article: ArticleResult, start: int, end: int) -> tuple[Frame, ...]:
    """Union of frames of predicted sentences covering the gold span (see module doc)."""
    overlaps = [(min(end, s.end) - max(start, s.start), s) for s in article.sentences]
    overlaps = [(o, s) for o, s in overlaps if o > 0]
    if not overlaps:
        return ()
    chosen = [s for o, s in overlaps if 2 * o >= end - start] or [max(overlaps, key=lambda pair: pair[0])[1]]
    fired = {name for s in chosen for name, hit in s.frames.items() if hit.strength > 0}
    return tuple(f for f in FRAMES if f in fired)


def _table(decisions: Iterable[tuple[bool, bool]]) -> tuple[int, int, int, int]:
    """The 2x2 table of paired yes/no decisions: both, only first, only second, neither."""
    counts = Counter(decisions)
    return counts[(True, True)], counts[(True, False)], counts[(False, True)], counts[(False, False)]


def _frame_score(frame: Frame, table: tuple[int, int, int, int]) -> FrameScore:
    tp, fn, fp, tn = table  # first rater is the gold coding
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = _ratio(2 * tp, 2 * tp + fp + fn)
    kappa = cohen_kappa(both=tp, only_a=fn, only_b=fp, neither=tn)
    return FrameScore(frame, tp, fp, fn, tn, precision, recall, f1, kappa, support=tp + fn)


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def cohen_kappa(*, both: int, only_a: int, only_b: int, neither: int) -> float:
    """Binary Cohen's kappa from the 2x2 table of two raters a and b (symmetric in a, b).

    Computed in integers so the constant-rater case is detected exactly: 1.0 when
    chance agreement is certain (both raters constant and identical), which is also
    the value for an empty table.
    """
    n = both + only_a + only_b + neither
    yes_a, yes_b = both + only_a, both + only_b
    chance = yes_a * yes_b + (n - yes_a) * (n - yes_b)
    if chance == n * n:
        return 1.0
    return (n * (both + neither) - chance) / (n * n - chance)


def agreement(a: Sequence[GoldSentence], b: Sequence[GoldSentence]) -> dict[str, LabelAgreement]:
    """Per-label agreement and kappa of two codings of the same sentences.

    Sentences are paired by article and whitespace-normalised text (by offsets when a
    row has no text), occurrence by occurrence; codings that do not cover the same
    sentences raise InputError naming what is missing.
    """
    left, right = _keyed(a), _keyed(b)
    if left.keys() != right.keys():
        only = sorted(left.keys() - right.keys()) or sorted(right.keys() - left.keys())
        side = "first" if left.keys() - right.keys() else "second"
        article_id, text = only[0][:2]
        raise InputError(
            "agreement",
            f"codings differ: {len(only)} sentence(s) only in the {side}, e.g. article {article_id}: {text[:60]!r}",
        )
    result = {}
    for frame in FRAMES:
        both, only_a, only_b, neither = _table((frame in left[k], frame in right[k]) for k in left)
        n = len(left)
        observed = _ratio(both + neither, n) if n else 1.0
        kappa = cohen_kappa(both=both, only_a=only_a, only_b=only_b, neither=neither)
        result[frame] = LabelAgreement(frame, n, both, only_a, only_b, neither, observed, kappa)
    return result


def _keyed(coding: Sequence[GoldSentence]) -> dict[tuple[str, str, int], tuple[Frame, ...]]:
    seen: Counter[tuple[str, str]] = Counter()
    keyed = {}
    for s in coding:
        key = (s.article_id, _squash(s.text) if s.text else f"[{s.start}:{s.end}]")
        keyed[(*key, seen[key])] = s.labels
        seen[key] += 1
    return keyed


def as_coding(result: ArticleResult) -> tuple[GoldSentence, ...]:
    """FrameLens's own labels of an article in gold form, to set beside a person's coding."""
    return tuple(
        GoldSentence(result.id, s.start, s.end, s.text, tuple(f for f in FRAMES if f in s.frames))
        for s in result.sentences
    )
