"""Per-sentence frame rules: which frames a sentence carries, and the cues that show why.

A cue word is evidence, not a verdict, so each frame needs its meaning in the sentence:
- ANALOGY: a past episode joined to the present — with a comparison cue and a present
  cue, or through an explicit analogy phrase ("a new great leap forward").
- HISTORY (control): a past episode or past date with no present cue and no analogy;
  a pure history text is HISTORY, not ANALOGY.
- SECURITY: a strong cue ("export controls"), or a weak cue ("sanctions") together with
  a domain cue (a state, a technology, an industry).
- MARKET: a strong cue ("central planning"), a cost cue ("waste") together with a cue of
  state-directed economics, or a market cue ("market forces") with a contrast ("not",
  "instead of") or a cost cue.
Strength is 1 - prod(1 - weight) over the cues that made the frame fire.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.lexicons import Lexicons
from analysis.types import FRAMES, Cue, FrameHit

Matches = dict[str, list[Cue]]


def _matches(text: str, start: int, end: int, lexicons: Lexicons, frame: str) -> Matches:
    """All cues of one label's groups found in a sentence, in text offsets."""
    found: Matches = {}
    for name, group in lexicons.groups[frame].items():
        found[name] = [
            Cue(text=text[a:b], start=a, end=b, role=name, weight=group.weight)
            for a, b in group.find(text, start, end)
        ]
    return found


def _hit(*groups: list[Cue]) -> FrameHit:
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


def _analogy_and_history(history: Matches, analogy: Matches) -> dict[str, FrameHit]:
    past = history["past_episode"]
    present = analogy["present"]
    if past and (analogy["explicit"] or analogy["comparison"] or present):
        return {"ANALOGY": _hit(past, analogy["explicit"], analogy["comparison"], present)}
    if (past or history["past_time"]) and not present:
        return {"HISTORY": _hit(past, history["past_time"])}
    return {}


def _security(m: Matches) -> FrameHit | None:
    if m["strong"]:
        return _hit(m["strong"], m["weak"])
    if m["weak"] and m["domain"]:
        return _hit(m["weak"], m["domain"])
    return None


def _market(m: Matches) -> FrameHit | None:
    if m["strong"]:
        return _hit(m["strong"], m["cost"])
    if m["cost"] and m["state_economy"]:
        return _hit(m["cost"], m["state_economy"])
    if m["market"] and (m["contrast"] or m["cost"]):
        return _hit(m["market"], m["contrast"], m["cost"])
    return None


def detect_sentence(text: str, start: int, end: int, lexicons: Lexicons) -> dict[str, FrameHit]:
    """The frames that fire on text[start:end], in FRAMES order."""
    found = _analogy_and_history(
        _matches(text, start, end, lexicons, "HISTORY"), _matches(text, start, end, lexicons, "ANALOGY")
    )
    security = _security(_matches(text, start, end, lexicons, "SECURITY"))
    market = _market(_matches(text, start, end, lexicons, "MARKET"))
    if security:
        found["SECURITY"] = security
    if market:
        found["MARKET"] = market
    return {frame: found[frame] for frame in FRAMES if frame in found}


def detect(text: str, spans: Sequence[tuple[int, int]], lexicons: Lexicons) -> list[dict[str, FrameHit]]:
    """Frames per sentence span; cue offsets index `text`."""
    return [detect_sentence(text, start, end, lexicons) for start, end in spans]
