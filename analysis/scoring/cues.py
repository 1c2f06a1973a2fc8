"""Lexicon cues of a whole article, found in one pass and filed by sentence.

The article's words are read once for every group (`Lexicons.index`), instead of once per
group and sentence, which keeps cue matching a small part of scoring; a match is kept
when it lies inside one sentence.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from analysis.scoring.lexicons import LABELS, Lexicons
from analysis.types import Cue

#: label (frame or TOPIC) -> lexicon group -> the group's cues in one sentence, in text order.
SentenceCues = dict[str, dict[str, list[Cue]]]


def match(text: str, spans: Sequence[tuple[int, int]], lexicons: Lexicons) -> list[SentenceCues]:
    """Every group's cues per sentence span; cue offsets index `text`."""
    found: list[SentenceCues] = [
        {frame: {name: [] for name in lexicons.groups[frame]} for frame in LABELS} for _ in spans
    ]
    starts = [start for start, _ in spans]
    for (frame, name), matches in lexicons.index.find(text).items():
        weight = lexicons.groups[frame][name].weight
        for a, b in matches:
            i = bisect_right(starts, a) - 1
            if i >= 0 and b <= spans[i][1]:
                found[i][frame][name].append(Cue(text=text[a:b], start=a, end=b, role=name, weight=weight))
    return found
