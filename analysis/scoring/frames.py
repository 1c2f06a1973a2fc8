"""Frame rules: which frames a sentence carries, read in its article, and the cues that show why.

A cue word is evidence, not a verdict, so each frame needs its meaning in the sentence,
and the article around it decides what the words can mean (codebook, "A sentence is
read in its article"):
- Off-topic texts stay quiet: a text of CONTEXT_MIN sentences or more in which fewer
  than TOPIC_MIN of the sentences carry a topic cue (topic.yaml, past episodes, strong
  SECURITY or MARKET cues) gets no label at all.
- ANALOGY: a past episode joined to the present — an explicit analogy phrase ("a new
  great leap forward"); a past episode and a present cue in one sentence (or a present
  tense, in an article about the present); or a past
  episode or year with a comparison cue when the sentence (a present cue or a present
  tense), a neighbour or the article is about the present. A past episode with "like" in a history text is HISTORY.
- HISTORY (control): a past episode or past time with no present cue and no analogy;
  in a history text (many past cues, few present ones) plain narration counts too.
- SECURITY: a strong cue ("export controls"), or a weak cue ("sanctions") together with
  a domain cue (a state, a technology, an industry).
- MARKET: a strong cue ("corporate welfare"), a cost cue with a cue of state-directed
  economics, a market cue with a contrast or a cost cue; and in a text that is a market
  critique (MARKET_TEXT_MIN of its sentences carry one), a cost cue alone.
Strength is 1 - prod(1 - weight) over the cues that made the frame fire.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from analysis.scoring.cues import SentenceCues, match
from analysis.scoring.lexicons import Lexicons
from analysis.types import FRAMES, Cue, FrameHit

#: Below this share of topic sentences a text is off-topic (from CONTEXT_MIN sentences on).
TOPIC_MIN = 0.12
#: Texts shorter than this are too short to judge as off-topic; their sentences stand alone.
CONTEXT_MIN = 5
#: From this share of sentences with a present cue, a text is about the present.
PRESENT_MIN = 0.08
#: A text without present cues is still about the present when this many times more of its
#: sentences are in the present tense than narrate the past.
TENSE_RATIO = 2.0
#: From this share of sentences with a past cue (and not about the present), a history text.
HISTORY_TEXT_MIN = 0.15
#: From this share of sentences carrying MARKET on their own, a market critique.
MARKET_TEXT_MIN = 0.2


@dataclass(frozen=True)
class Context:
    """What the whole article is about, as shares of its sentences."""

    sentences: int
    topical: float
    present: float
    past: float
    market: float
    tense: float = 0.0
    narration: float = 0.0

    @property
    def on_topic(self) -> bool:
        return self.sentences < CONTEXT_MIN or self.topical >= TOPIC_MIN

    @property
    def present_day(self) -> bool:
        """Present cues, or clearly more sentences in the present tense than narrating the past."""
        return self.present >= PRESENT_MIN or self.tense > TENSE_RATIO * self.narration

    @property
    def history_text(self) -> bool:
        return self.past >= HISTORY_TEXT_MIN and not self.present_day

    @property
    def critique(self) -> bool:
        return self.market >= MARKET_TEXT_MIN


def _hit(*groups: Sequence[Cue]) -> FrameHit:
    """Evidence from the given groups, in text order, one cue per span."""
    cues: dict[tuple[int, int], Cue] = {}
    for group in groups:
        for cue in group:
            cues.setdefault((cue.start, cue.end), cue)
    ordered = tuple(sorted(cues.values(), key=lambda c: (c.start, c.end)))
    remaining = 1.0
    for cue in ordered:
        remaining *= 1.0 - cue.weight
    return FrameHit(strength=round(min(1.0, 1.0 - remaining), 4), cues=ordered)


def topical(c: SentenceCues) -> bool:
    """Whether a sentence speaks of state-led technology or industry at all."""
    return bool(c["TOPIC"]["state"] or c["TOPIC"]["industry"] or c["HISTORY"]["past_episode"]
                or c["SECURITY"]["strong"] or c["MARKET"]["strong"] or c["ANALOGY"]["explicit"])


def _market_alone(m: dict[str, Sequence[Cue]]) -> FrameHit | None:
    if m["strong"]:
        return _hit(m["strong"], m["cost"])
    if m["cost"] and m["state_economy"]:
        return _hit(m["cost"], m["state_economy"])
    if m["market"] and (m["contrast"] or m["cost"]):
        return _hit(m["market"], m["contrast"], m["cost"])
    return None


def context(cues: Sequence[SentenceCues]) -> Context:
    """Shares of the article's sentences that are on topic, present-day, past, market critique,
    in the present tense and narrating the past."""
    n = len(cues)

    def share(test) -> float:
        return sum(1 for c in cues if test(c)) / n if n else 0.0

    return Context(
        sentences=n,
        topical=share(topical),
        present=share(lambda c: bool(c["ANALOGY"]["present"])),
        past=share(lambda c: bool(c["HISTORY"]["past_episode"] or c["HISTORY"]["past_time"])),
        market=share(lambda c: _market_alone(c["MARKET"]) is not None),
        tense=share(lambda c: bool(c["ANALOGY"]["tense"])),
        narration=share(lambda c: bool(c["HISTORY"]["narration"])),
    )


def _analogy_and_history(c: SentenceCues, present_near: bool, ctx: Context) -> dict[str, FrameHit]:
    h, a = c["HISTORY"], c["ANALOGY"]
    episode, years, present = h["past_episode"], h["past_time"], a["present"]
    if episode and a["explicit"]:
        return {"ANALOGY": _hit(episode, a["explicit"], a["comparison"], present)}
    if episode and (present or (a["tense"] and ctx.present_day)):
        return {"ANALOGY": _hit(episode, a["comparison"], present)}
    if (episode or years) and a["comparison"] and (a["tense"] or present_near or ctx.present_day):
        return {"ANALOGY": _hit(episode, years, a["comparison"])}
    if present:
        return {}
    if episode or years:
        return {"HISTORY": _hit(episode, years)}
    if ctx.history_text and h["narration"]:
        return {"HISTORY": _hit(h["narration"])}
    return {}


def _security(m: dict[str, Sequence[Cue]]) -> FrameHit | None:
    if m["strong"]:
        return _hit(m["strong"], m["weak"])
    if m["weak"] and m["domain"]:
        return _hit(m["weak"], m["domain"])
    return None


def _market(m: dict[str, Sequence[Cue]], ctx: Context) -> FrameHit | None:
    alone = _market_alone(m)
    if alone is None and ctx.critique and m["cost"]:
        return _hit(m["cost"])
    return alone


def rules(c: SentenceCues, *, present_near: bool, ctx: Context) -> dict[str, FrameHit]:
    """The frames that fire on one sentence's cues, in FRAMES order; `present_near` says whether
    a neighbouring sentence (one before, one after) has a present cue."""
    if not ctx.on_topic:
        return {}
    found = _analogy_and_history(c, present_near, ctx)
    security, market = _security(c["SECURITY"]), _market(c["MARKET"], ctx)
    if security:
        found["SECURITY"] = security
    if market:
        found["MARKET"] = market
    return {frame: found[frame] for frame in FRAMES if frame in found}


def detect_cues(cues: Sequence[SentenceCues]) -> list[dict[str, FrameHit]]:
    """Frames per sentence from cues already matched and filed by sentence."""
    ctx = context(cues)
    present = [bool(c["ANALOGY"]["present"]) for c in cues]

    near = [any(present[j] for j in (i - 1, i + 1) if 0 <= j < len(cues)) for i in range(len(cues))]
    return [rules(c, present_near=near[i], ctx=ctx) for i, c in enumerate(cues)]


def detect(text: str, spans: Sequence[tuple[int, int]], lexicons: Lexicons) -> list[dict[str, FrameHit]]:
    """Frames per sentence span of one article; cue offsets index `text`."""
    return detect_cues(match(text, spans, lexicons))
