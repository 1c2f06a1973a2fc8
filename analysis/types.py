"""Shared result types: frozen dataclasses passed between modules and layers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Frame = Literal["ANALOGY", "SECURITY", "MARKET", "HISTORY"]
#: Fixed order of frames in every table, chart and export.
FRAMES: tuple[Frame, ...] = ("ANALOGY", "SECURITY", "MARKET", "HISTORY")
#: A leading share below this (fewer than one sentence in ten) is too little to call any label
#: an article's dominant one: it is then "no frame dominates".
TINY_SHARE = 0.10
#: What an article's `dominant` value is called wherever it is shown: HISTORY is a control
#: label, not a frame, and None means no label leads clearly.
HISTORY_LEADS = "mostly historical narration"
NO_DOMINANT = "no frame dominates"


def dominant_phrase(dominant: str | None) -> str:
    """The dominant frame as a reader should see it: the frame, HISTORY_LEADS or NO_DOMINANT."""
    return HISTORY_LEADS if dominant == "HISTORY" else dominant or NO_DOMINANT


@dataclass(frozen=True)
class Document:
    """One article as ingested: `text` is what offsets index and what is shown."""

    id: str
    source: str
    text: str
    title: str = ""
    outlet: str = ""
    kind: str = ""
    date: str = ""
    url: str = ""
    trimmed: str = ""


@dataclass(frozen=True)
class Rejected:
    """An input that was not read, with the reason a person can act on."""

    source: str
    message: str


@dataclass(frozen=True)
class Corpus:
    """What an ingest produced: the readable articles and the rejected inputs."""

    documents: tuple[Document, ...] = ()
    rejected: tuple[Rejected, ...] = ()


@dataclass(unsafe_hash=True, slots=True)
class Cue:
    """A matched lexicon cue; offsets index the article text. Never changed once made, and
    hashed by value, but not `frozen`: a frozen dataclass takes four times as long to make,
    and cue matching makes some 300 an article."""

    text: str
    start: int
    end: int
    role: str = ""
    weight: float = 1.0


@dataclass(frozen=True)
class FrameHit:
    """Why a frame fired on a sentence: its strength, the evidence in the sentence, and how
    much the article around it (its paragraph, neighbours and overall frame shares) added
    to the decision, in the model's log-odds."""

    strength: float
    cues: tuple[Cue, ...]
    context: float = 0.0


@dataclass(frozen=True)
class Tone:
    polarity: float
    subjectivity: float


@dataclass(frozen=True)
class Keyword:
    """A YAKE key phrase; a lower score means more relevant."""

    phrase: str
    score: float


@dataclass(frozen=True)
class SentenceResult:
    start: int
    end: int
    text: str
    polarity: float
    subjectivity: float
    frames: Mapping[str, FrameHit] = field(default_factory=dict)


@dataclass(frozen=True)
class FrameSummary:
    """Per-article frame figures: share of sentences (0-1) and cue hits per 1,000 words."""

    share: float
    per_1k_words: float
    sentences: int
    hits: int


@dataclass(frozen=True)
class ArticleResult:
    id: str
    source: str
    title: str
    outlet: str
    kind: str
    date: str
    url: str
    text: str
    trimmed: str
    words: int
    polarity: float
    subjectivity: float
    frames: Mapping[str, FrameSummary]
    dominant: str | None
    keywords: tuple[Keyword, ...]
    sentences: tuple[SentenceResult, ...]
    #: Why FrameLens reads the text as off-topic, or "": an off-topic text gets no label at all,
    #: and this tells its zeros apart from frames the model missed.
    off_topic: str = ""

    @property
    def sentence_count(self) -> int:
        return len(self.sentences)
