"""What the frame model sees of a sentence in its article, with the text that shows each feature.

Features are named so a weight can be read: `cue:MARKET.cost` (a lexicon group matched in
the sentence), `rule:ANALOGY` (a rule of analysis/scoring/frames.py fired), `near:MARKET` (it fired
on a neighbouring sentence), `para:MARKET` (share of the other sentences of the paragraph
where it fired), `text:MARKET` (share of the article's sentences where it fired),
`text:cue:MARKET.cost` (share of the article's sentences with that cue group),
`text:topical` and the other article shares of frames.Context, `head` (the first line),
and `word:subsidi` / `word:stand empti` (the stems of the sentence's words and word pairs:
"subsidy" and "subsidies" share what the model learns of them).
Names starting with `text:`, `para:`, `near:` and `head` describe the sentence's context.
Features found in the sentence keep their character spans, so every learned decision
can be shown as evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from nltk.stem.snowball import SnowballStemmer

from analysis.scoring.cues import SentenceCues, match
from analysis.scoring.frames import Context, context, detect_cues
from analysis.scoring.lexicons import Lexicons
from analysis.types import FRAMES, Cue, FrameHit

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
_STEMMER = SnowballStemmer("english")
#: The value of a word feature (lexicon cues have 1): under one regularisation, a word must
#: earn twice the weight of a cue, so the model leans on the editable lexicons first.
WORD_VALUE = 0.5
#: Prefixes of the features that describe a sentence's context rather than the sentence.
CONTEXT = ("text:", "para:", "near:", "head")


@dataclass(frozen=True)
class SentenceFeatures:
    """Feature values of one sentence, and the cues in the sentence behind each feature."""

    values: dict[str, float]
    evidence: dict[str, tuple[Cue, ...]] = field(default_factory=dict)
    paragraph: int = 0
    #: The features of the sentence alone (what stage 1 of the model sees) and the stems of its
    #: single words (what the topic, genre and passage regressions see), kept once: training
    #: and scoring read both many times for every sentence.
    own: dict[str, float] = field(init=False, repr=False, compare=False)
    words: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        own = {k: v for k, v in self.values.items() if not k.startswith(CONTEXT)}
        object.__setattr__(self, "own", own)
        object.__setattr__(self, "words", tuple(k for k in own if k.startswith("word:") and " " not in k))


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """The Snowball stem of a lower-cased word: a form met in training ("taxpayers") also counts
    in a new article that uses another ("taxpayer")."""
    return _STEMMER.stem(word)


def _words(text: str, start: int, end: int) -> dict[str, tuple[Cue, ...]]:
    """The stems of the words and adjacent word pairs of text[start:end], with the words' spans."""
    tokens = [(_stem(m.group().lower()), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
    found: dict[str, list[Cue]] = {}
    for word, a, b in tokens:
        found.setdefault(f"word:{word}", []).append(Cue(text=text[a:b], start=a, end=b, role="word"))
    for (w1, a, _), (w2, _, b) in zip(tokens, tokens[1:]):
        found.setdefault(f"word:{w1} {w2}", []).append(Cue(text=text[a:b], start=a, end=b, role="word"))
    return {name: tuple(cues) for name, cues in found.items()}


def _paragraphs(text: str, spans: Sequence[tuple[int, int]]) -> list[int]:
    """The paragraph number (blank-line separated) of each sentence."""
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    return [bisect_left(breaks, start) for start, _ in spans]


def paragraphs(numbers: Sequence[int]) -> list[list[int]]:
    """The indices of each paragraph's sentences, given each sentence's paragraph number."""
    by_number: dict[int, list[int]] = {}
    for i, p in enumerate(numbers):
        by_number.setdefault(p, []).append(i)
    return list(by_number.values())


def members(numbers: Sequence[int]) -> list[list[int]]:
    """For each sentence, the indices of the sentences that share its paragraph."""
    owner = {i: group for group in paragraphs(numbers) for i in group}
    return [owner[i] for i in range(len(numbers))]


def extract(
    text: str,
    spans: Sequence[tuple[int, int]],
    cues: Sequence[SentenceCues],
    hits: Sequence[dict[str, FrameHit]],
    ctx: Context,
) -> list[SentenceFeatures]:
    """Features of every sentence of one article (spans, cues and rule hits in sentence order)."""
    n = len(spans)
    shares = {f: sum(1 for h in hits if f in h) / n if n else 0.0 for f in FRAMES}
    article = {f"text:{f}": shares[f] for f in FRAMES}
    for label, groups in (cues[0].items() if cues else ()):
        for group in groups:
            article[f"text:cue:{label}.{group}"] = sum(1 for c in cues if c[label][group]) / n
    numbers = _paragraphs(text, spans)
    paragraphs = members(numbers)
    article.update({"text:topical": ctx.topical, "text:present": ctx.present, "text:past": ctx.past,
                    "text:market": ctx.market, "text:tense": ctx.tense, "text:narration": ctx.narration,
                    "text:history": float(ctx.history_text), "text:present_day": float(ctx.present_day),
                    "text:off_topic": float(not ctx.on_topic)})
    out = []
    for i, ((start, end), sentence_cues, sentence_hits) in enumerate(zip(spans, cues, hits, strict=True)):
        values = dict(article)
        evidence: dict[str, tuple[Cue, ...]] = {}
        for label, groups in sentence_cues.items():
            for group, found in groups.items():
                if found:
                    values[f"cue:{label}.{group}"] = 1.0
                    evidence[f"cue:{label}.{group}"] = tuple(found)
        for frame, hit in sentence_hits.items():
            values[f"rule:{frame}"] = 1.0
            evidence[f"rule:{frame}"] = hit.cues
        neighbours = [hits[j] for j in (i - 1, i + 1) if 0 <= j < n]
        others = [hits[j] for j in paragraphs[i] if j != i]
        for frame in FRAMES:
            if any(frame in h for h in neighbours):
                values[f"near:{frame}"] = 1.0
            if others:
                values[f"para:{frame}"] = sum(1 for h in others if frame in h) / len(others)
        if i == 0:
            values["head"] = 1.0
        for name, found in _words(text, start, end).items():
            values[name] = WORD_VALUE
            evidence[name] = found
        out.append(SentenceFeatures(values, evidence, numbers[i]))
    return out


def analyse(
    text: str, spans: Sequence[tuple[int, int]], lexicons: Lexicons
) -> tuple[list[dict[str, FrameHit]], list[SentenceFeatures]]:
    """The rule hits and the model features of every sentence span of one article."""
    cues = match(text, spans, lexicons)
    hits = detect_cues(cues)
    return hits, extract(text, spans, cues, hits, context(cues))
