"""The learned frame model: two logistic regressions per label over analysis/scoring/features.py.

Coders read a sentence in its article, so the model does too, in two stages:
1. `sentence`: how likely each label is from the sentence alone (its cues, rule hits and
   word stems), `self:p:MARKET` (fitted on features scaled by their log-count ratios and
   folded back into plain weights: analysis/gold/regressions.py, RATIO_SMOOTHING);
2. `label`: the decision, from the sentence's stage-1 probabilities and its context: the
   article-wide and paragraph features of analysis/scoring/features.py, the stage-1
   probabilities of the other sentences (`text:p:MARKET`, the article's mean;
   `para:p:MARKET`, the rest of the paragraph's mean; `near:p:MARKET`, the stronger
   neighbour), the article's genre (`genre:p:MARKET`, below), its paragraph's kind
   (`passage:p:MARKET`, below) and products of these with the sentence's own (PAIRS).

`genre` holds one more regression per label over the words of the whole article: what
share of its sentences carry the label. It tells an analogy essay, a critique of a subsidy
programme or a history text from a news report by all of their words, where `text:p` only
averages what each sentence shows alone. `passage` does the same for each paragraph from the
paragraph's words: an analogy essay argues its comparison in some paragraphs and tells the
past or the present in others, and the sentences that carry the comparison on often name
neither side.

A third regression, `topic`, reads the whole article: from the words it holds, is it about
state-led technology or industry at all? An off-topic text (a film review of a Cold War
thriller, a console war) gets no label, like one the rules call off-topic.

The model is a small JSON file of readable weights (`analysis/scoring/model/frames.json`, made by
`python -m analysis train`). A label fires when its probability reaches the label's
threshold, the sentence alone gives it at least SENTENCE_MIN, and something in the sentence
pushed it there, or when a decisive lexicon cue
fires (DECISIVE): the evidence is every feature
of the sentence with a positive stage-1 contribution (weight x value), shown as its
lexicon cues or words with their character offsets; what the context added (stage 2,
without the sentence's own probability) is kept beside it.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from analysis.errors import PathError
from analysis.scoring.features import SentenceFeatures, members, paragraphs
from analysis.scoring.frames import CONTEXT_MIN, TOPIC_MIN
from analysis.scoring.keywords import stopwords
from analysis.types import FRAMES, Cue, FrameHit

#: The article-wide features that stage 2 sees beside the stage-1 probabilities: few, as
#: there are only as many different values of each as there are training articles.
STAGE2 = frozenset({"head", "text:history", "text:present_day", "text:past", "text:present",
                    "text:topical", "text:market", "text:tense", "text:narration"})
#: Pairs of a label's stage-2 values that stage 2 also sees multiplied (`self:p*text:p:MARKET`):
#: context counts in combinations, a sentence that hints at a frame inside a passage or an
#: article that argues it belongs to the frame, the same sentence in a news report may not.
PAIRS = (("self:p", "self:p"), ("self:p", "text:p"), ("self:p", "text:hi"), ("self:p", "near:p"),
         ("self:p", "para:max"), ("near:p", "text:p"), ("near:p", "text:hi"), ("para:max", "text:p"),
         ("self:p", "genre:p"), ("near:p", "genre:p"), ("self:p", "passage:p"), ("passage:p", "genre:p"))
#: Lexicon groups whose cues are frames in themselves ("export controls", "corporate welfare",
#: "a new great leap forward"): when the rule of analysis/scoring/frames.py fires on one of them in an
#: on-topic sentence, the label stands whatever the model says, so an edited lexicon always counts.
DECISIVE = {"ANALOGY": "explicit", "SECURITY": "strong", "MARKET": "strong"}
#: The least probability the sentence alone (stage 1) must give a label: context can raise a
#: label the sentence makes possible, never create one from nothing.
SENTENCE_MIN = 0.05
#: Words shown as evidence of one learned decision, strongest first.
MAX_WORDS = 4


@dataclass(frozen=True)
class Linear:
    """One logistic regression: bias, weights by feature name, and a decision threshold."""

    bias: float
    weights: Mapping[str, float]
    threshold: float = 0.5

    def probability(self, values: Mapping[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in values.items())
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


@dataclass(frozen=True)
class FrameModel:
    """Both stages per label, the article's topic regression (None: the rules' topic test
    alone), the genre and passage regressions (None: stage 2 without them), the file's
    fingerprint (for cache keys) and how it was trained."""

    sentence: Mapping[str, Linear]
    label: Mapping[str, Linear]
    topic: Linear | None = None
    genre: Mapping[str, Linear] | None = None
    passage: Mapping[str, Linear] | None = None
    fingerprint: str = ""
    info: Mapping[str, Any] | None = None


class ModelError(PathError):
    """A model file that is missing or malformed, named by its path."""


def _linear(data: Mapping[str, Any]) -> Linear:
    weights = {str(k): float(v) for k, v in data["weights"].items()}
    return Linear(float(data["bias"]), weights, float(data.get("threshold", 0.5)))


def from_json(text: str, *, source: str) -> FrameModel:
    try:
        data = json.loads(text)
        sentence = {frame: _linear(m) for frame, m in data["sentence"].items()}
        label = {frame: _linear(m) for frame, m in data["label"].items()}
        topic = _linear(data["topic"])
        genre = {frame: _linear(m) for frame, m in data["genre"].items()}
        passage = {frame: _linear(m) for frame, m in data["passage"].items()}
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ModelError(source, f"not a FrameLens model file: {error}") from None
    missing = [f for f in FRAMES if not all(f in part for part in (sentence, label, genre, passage))]
    if missing:
        raise ModelError(source, f"no weights for {', '.join(missing)}")
    fingerprint = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return FrameModel(sentence, label, topic, genre, passage, fingerprint, data.get("info", {}))


def to_json(model: FrameModel) -> str:
    """The model file's text; `from_json` reads it back."""
    def linear(m: Linear) -> dict[str, Any]:
        return {"bias": m.bias, "threshold": m.threshold, "weights": dict(sorted(m.weights.items()))}

    data = {"info": model.info or {}, "sentence": {f: linear(model.sentence[f]) for f in FRAMES},
            "label": {f: linear(model.label[f]) for f in FRAMES}}
    if model.topic is not None:
        data["topic"] = linear(model.topic)
    if model.genre is not None:
        data["genre"] = {f: linear(model.genre[f]) for f in FRAMES}
    if model.passage is not None:
        data["passage"] = {f: linear(model.passage[f]) for f in FRAMES}
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> FrameModel:
    """The packaged model, or the one at `path`."""
    if path:
        try:
            return from_json(Path(path).read_text(encoding="utf-8"), source=path)
        except OSError as error:
            raise ModelError(path, f"cannot read: {error}") from None
    text = resources.files("analysis.scoring").joinpath("model", "frames.json").read_text(encoding="utf-8")
    return from_json(text, source="analysis/scoring/model/frames.json")


def stacked(sentence: Mapping[str, Linear], article: Sequence[SentenceFeatures],
            genre: Mapping[str, Linear] | None = None,
            passage: Mapping[str, Linear] | None = None) -> list[dict[str, float]]:
    """What stage 2 sees of each sentence: its stage-1 probabilities and its context."""
    p = [{f: sentence[f].probability(s.own) for f in FRAMES} for s in article]
    words = topic_words(article) if genre and article else {}
    kinds = {f: genre[f].probability(words) for f in FRAMES} if words else {}
    n = len(article)
    numbers = [s.paragraph for s in article]
    groups = members(numbers)
    passages: dict[int, dict[str, float]] = {}
    for group in paragraphs(numbers) if passage else ():
        shares = {f: passage[f].probability(topic_words([article[j] for j in group])) for f in FRAMES}
        passages.update(dict.fromkeys(group, shares))
    out = []
    for i, s in enumerate(article):
        values = {k: v for k, v in s.values.items() if k in STAGE2}
        others = [j for j in groups[i] if j != i]
        neighbours = [j for j in (i - 1, i + 1) if 0 <= j < n]
        for f in FRAMES:
            values[f"self:p:{f}"] = p[i][f]
            values[f"text:p:{f}"] = sum(q[f] for q in p) / n
            values[f"text:hi:{f}"] = sum(1 for q in p if q[f] >= 0.5) / n
            window = [p[j][f] for j in range(max(0, i - 2), min(n, i + 3)) if j != i]
            if window:
                values[f"near2:p:{f}"] = sum(window) / len(window)
            if others:
                values[f"para:max:{f}"] = max(p[j][f] for j in others)
            if others:
                values[f"para:p:{f}"] = sum(p[j][f] for j in others) / len(others)
            if neighbours:
                values[f"near:p:{f}"] = max(p[j][f] for j in neighbours)
            if kinds:
                values[f"genre:p:{f}"] = kinds[f]
            if passages:
                values[f"passage:p:{f}"] = passages[i][f]
            for a, b in PAIRS:
                values[f"{a}*{b}:{f}"] = values.get(f"{a}:{f}", 0.0) * values.get(f"{b}:{f}", 0.0)
        out.append(values)
    return out


def _role(feature: str, frame: str) -> str:
    """How a feature is named in the evidence: its lexicon group, or `learned` for words."""
    kind, _, rest = feature.partition(":")
    if kind == "word":
        return "learned"
    label, _, group = rest.partition(".")
    return group if label == frame else f"{label} {group}".strip()


def _shown(cue: Cue) -> bool:
    """Cues that carry meaning are shown; stopwords ("was", "not") may push a decision but explain nothing."""
    return not set(cue.text.lower().split()) <= stopwords()


def _evidence(label: Linear, features: SentenceFeatures, frame: str) -> tuple[Cue, ...]:
    pushes = sorted(
        ((label.weights.get(name, 0.0) * features.values[name], name) for name in features.evidence),
        key=lambda pair: (-pair[0], pair[1]),
    )
    cues: dict[tuple[int, int], Cue] = {}
    words = 0
    for contribution, name in pushes:
        if contribution <= 0:
            break
        shown = [cue for cue in features.evidence[name] if _shown(cue)]
        if not shown:
            continue
        if name.startswith("word:"):
            if words == MAX_WORDS:
                continue
            words += 1
        for cue in shown:
            role = cue.role if name.startswith("rule:") else _role(name, frame)
            here = cues.get((cue.start, cue.end))
            # On the same words, the frame's own lexicon cue explains more than a learned word: it
            # names its group and can be edited on the Lexicons page.
            if here is None or (here.role == "learned" and role != "learned" and " " not in role):
                cues[(cue.start, cue.end)] = Cue(cue.text, cue.start, cue.end, role, round(contribution, 4))
    lexical = [c for c in cues.values() if c.role != "learned"]
    # A learned word inside a lexicon cue adds nothing to read: the cue explains it.
    kept = [c for c in cues.values()
            if c.role != "learned" or not any(c.start < o.end and o.start < c.end for o in lexical)]
    # Shown: the frame's own cues (an analogy's past episode too) and the learned words; cues of
    # other lexicons (TOPIC's "government", HISTORY's "Mao" behind a MARKET label) are context.
    own = [c for c in kept if " " not in c.role or (frame == "ANALOGY" and c.role.startswith("HISTORY past"))]
    return tuple(sorted(own or kept, key=lambda c: (c.start, c.end)))


def _decisive(features: SentenceFeatures, frame: str) -> FrameHit | None:
    """The rule's hit on a decisive cue group, if there is one (see DECISIVE)."""
    group = DECISIVE.get(frame)
    if not group or f"cue:{frame}.{group}" not in features.values or f"rule:{frame}" not in features.evidence:
        return None
    cues = features.evidence[f"rule:{frame}"]
    remaining = 1.0
    for cue in cues:
        remaining *= 1.0 - cue.weight
    return FrameHit(strength=round(1.0 - remaining, 4), cues=cues)


def _without_present(features: SentenceFeatures) -> bool:
    """A sentence of a history text that names nothing of the present: it cannot be an analogy,
    which must bring the present in (codebook, ANALOGY)."""
    return bool(features.values.get("text:history")) and "cue:ANALOGY.present" not in features.values


def decide_one(model: FrameModel, features: SentenceFeatures, context: Mapping[str, float]) -> dict[str, FrameHit]:
    """The labels of one sentence, given its stage-2 view `context` (see `stacked`). ANALOGY and
    HISTORY exclude each other (codebook: HISTORY has no link to the present): where both reach
    their thresholds, the one that passes its threshold by the larger factor stays, HISTORY on a
    tie, unless an explicit analogy phrase fired, which keeps both."""
    found = {}
    for frame in FRAMES:
        if frame == "ANALOGY" and _without_present(features):
            continue
        label = model.label[frame]
        p = label.probability(context)
        if p < label.threshold or context[f"self:p:{frame}"] < SENTENCE_MIN:
            if decisive := _decisive(features, frame):
                found[frame] = decisive
            continue
        cues = _evidence(model.sentence[frame], features, frame)
        if cues:
            added = sum(label.weights.get(name, 0.0) * value for name, value in context.items()
                        if not name.startswith("self:"))
            found[frame] = FrameHit(strength=round(p, 4), cues=cues, context=round(added, 4))
    if "ANALOGY" in found and "HISTORY" in found and not _decisive(features, "ANALOGY"):
        ratio = {f: found[f].strength / model.label[f].threshold for f in ("ANALOGY", "HISTORY")}
        del found["ANALOGY" if ratio["ANALOGY"] <= ratio["HISTORY"] else "HISTORY"]
    return found


def topic_words(article: Sequence[SentenceFeatures]) -> dict[str, float]:
    """What the topic, genre and passage regressions see of a run of sentences (an article or a
    paragraph): for each word, the square root of the share of the sentences that hold it."""
    counts: dict[str, int] = {}
    for features in article:
        for name in features.words:
            counts[name] = counts.get(name, 0) + 1
    return {name: math.sqrt(count / len(article)) for name, count in counts.items()}


def off_topic(model: FrameModel, article: Sequence[SentenceFeatures]) -> str:
    """Why the text is off-topic, in plain words with the figures that decided it, or "" when it
    is on topic: the rules' topic test (analysis/scoring/frames.py, TOPIC_MIN) or, from CONTEXT_MIN
    sentences on, the topic regression. A reader who sees no label at all can then tell a text
    kept quiet by design from one the model missed. Figures are rounded down, so a value just
    under its threshold never reads as equal to it."""
    if not article:
        return ""
    n = len(article)
    if article[0].values.get("text:off_topic"):
        topical = round(article[0].values["text:topical"] * n)
        few = f"only {topical} of {n} sentences ({topical * 100 // n}%)" if topical else f"none of its {n} sentences"
        return (f"{few} name the state, an industry or a technology, a past state campaign, or a phrase such as "
                f"\"export controls\" that is a frame in itself; at least {TOPIC_MIN:.0%} must")
    topic = model.topic
    if topic is None or n < CONTEXT_MIN:
        return ""
    p = topic.probability(topic_words(article))
    if p >= topic.threshold:
        return ""
    return (f"the topic model, reading its words, gives a probability of {math.floor(p * 100) / 100:.2f} that it "
            f"is about state-led technology or industry, below the {topic.threshold:.2f} it needs")


def decide(model: FrameModel, article: Sequence[SentenceFeatures]) -> list[dict[str, FrameHit]]:
    """The labels of every sentence of one article, in FRAMES order, each with its evidence.
    An off-topic text gets none: its words carry no frame and no history of the drives
    (codebook, "Words are not frames")."""
    if off_topic(model, article):
        return [{} for _ in article]
    views = stacked(model.sentence, article, model.genre, model.passage)
    return [decide_one(model, s, c) for s, c in zip(article, views, strict=True)]
