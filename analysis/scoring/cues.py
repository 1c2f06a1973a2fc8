"""Lexicon cues: what a cue matches, and every group's cues in an article, filed by sentence.

A cue is a phrase (words with any run of spaces or hyphens between them, `*` for any word
ending, capitals-only cues matched case-sensitively) or `re: <pattern>`; each lexicon group
compiles its cues into one pattern (`alternation`). The article's words are read once for
every group (`CueIndex`), instead of once per group and sentence, which keeps cue matching a
small part of scoring; a match is kept when it lies inside one sentence.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from analysis.types import Cue

@dataclass(frozen=True)
class CueGroup:
    """One named group: its weight and one compiled pattern matching any of its cues."""

    name: str
    weight: float
    pattern: re.Pattern[str]
    cues: tuple[str, ...]


_WORD_START = r"(?<![\w])"
#: A run of word characters: where a word cue's match can begin (after `_WORD_START`).
_WORD = re.compile(r"\w+")


def _words(cue: str) -> list[str]:
    """A word cue's words: any run of spaces and hyphens separates them."""
    return [w for w in re.split(r"[\s\-]+", cue.strip()) if w]


def cue_regex(cue: str) -> str:
    """Regex for one cue: words with any space/hyphen between, `*` = any word ending."""
    if cue.startswith("re:"):
        return cue[3:].strip()
    words = _words(cue)
    parts = [re.escape(w[:-1]) + r"[\w'-]*" if w.endswith("*") else re.escape(w) for w in words]
    return _WORD_START + r"[\s\-]+".join(parts) + r"(?![\w])"


def branch(cue: str) -> str:
    """One cue's alternative; capitals-only cues are matched case-sensitively."""
    regex = cue_regex(cue)
    letters = [c for c in cue if c.isalpha()]
    sensitive = not cue.startswith("re:") and len(letters) >= 2 and all(c.isupper() for c in letters)
    return regex if sensitive else f"(?i:{regex})"


def ordered(cues: Sequence[str]) -> list[str]:
    """Cues in matching order: longest first, so the longest cue wins at a position."""
    return sorted(cues, key=lambda c: -len(c))


def _first_char(cue: str) -> str | None:
    """The literal character a word cue's match starts with (None for `re:` cues and a bare `*`)."""
    if cue.startswith("re:"):
        return None
    first = next(iter(_words(cue)), "")
    return None if first in ("", "*") else first[0]


def alternation(cues: Sequence[str]) -> str:
    """The group's cues as one regex, equivalent to `"|".join(map(branch, ordered(cues)))`.

    Runs of word cues share one word-start look-behind and are split into buckets by
    their first letter, so at a position the scan tries only the cues that can start
    there. Cues with different first letters never match at the same position, and a
    bucket keeps the cues' order, so every match is unchanged; `re:` cues end a run.
    """
    parts: list[str] = []
    buckets: dict[str, list[str]] = {}

    def close() -> None:
        if buckets:
            options = "|".join(f"(?=(?i:{re.escape(first)}))(?:{'|'.join(run)})" for first, run in buckets.items())
            parts.append(f"{_WORD_START}(?:{options})")
            buckets.clear()

    for cue in ordered(cues):
        alt, first = branch(cue), _first_char(cue)
        if first is None:
            close()
            parts.append(alt)
            continue
        insensitive = alt.startswith("(?i:")
        body = (alt[4:-1] if insensitive else alt).removeprefix(_WORD_START)
        buckets.setdefault(first.lower(), []).append(f"(?i:{body})" if insensitive else body)
    close()
    return "|".join(parts)


def _ascii_twin(char: str) -> str:
    """The lower-case ASCII letter `re` matches with a non-ASCII one when it ignores case
    (`s` for `ſ`, `k` for the Kelvin sign), or the character itself."""
    return next((a for a in string.ascii_lowercase if re.fullmatch(f"(?i:{re.escape(char)})", a)), char)


def _head(cue: str) -> tuple[str, bool] | None:
    """A word cue's first run of word characters as an ASCII run it matches reads, lower-cased,
    and whether a `*` ends the first word; None if the cue can begin elsewhere (`re:`, `$5`)."""
    first = "" if cue.startswith("re:") else next(iter(_words(cue)), "")
    if (run := _WORD.match(first)) is None:
        return None
    key = "".join(c.lower() if c.isascii() else _ascii_twin(c) for c in run.group())
    return key, first == run.group() + "*"


_SEEN = 1 << 16  # how many runs' candidate groups a `CueIndex` keeps (a few MiB at most)


def _spans(pattern: re.Pattern[str], text: str, positions: Sequence[int]) -> list[tuple[int, int]]:
    """What `pattern.finditer(text)` finds, given, in increasing order, every position
    where a match can begin: a match resumes the scan at its end, as in `finditer`."""
    found: list[tuple[int, int]] = []
    resume = 0
    for position in positions:
        if position >= resume and (m := pattern.match(text, position)):
            if m.end() == position:  # an empty match: what follows it is finditer's to decide
                return found + [later.span() for later in pattern.finditer(text, position)]
            found.append(m.span())
            resume = m.end()
    return found


@dataclass(frozen=True, eq=False)
class CueIndex:
    """Where each group's cues can begin, so that one pass over a text serves every group.

    A word cue begins at a run of word characters (`_WORD`) that, lower-cased, is its first
    run (or starts with it, for `word*`); the index maps runs to groups, and a group's
    pattern is tried only there. A run with a non-ASCII character is tried by every group:
    ignoring case, `re` matches `ſ` with `s` where `str.lower` does not (a cue's own `ſ` is
    keyed as `s`). Cues that can begin elsewhere get one look-ahead scan per group.
    """

    keys: tuple[tuple[str, str], ...]
    groups: tuple[CueGroup, ...]
    exact: Mapping[str, tuple[int, ...]]
    prefixes: Mapping[str, tuple[int, ...]]
    #: The lengths of the prefix keys, in increasing order.
    lengths: tuple[int, ...]
    anywhere: tuple[tuple[int, re.Pattern[str]], ...]
    #: Each run's candidate groups, kept for the next text (texts share most of their words).
    seen: dict[str, Sequence[int]] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, groups: Mapping[str, Mapping[str, CueGroup]]) -> CueIndex:
        keys = tuple((label, name) for label, named in groups.items() for name in named)
        exact: dict[str, dict[int, None]] = {}
        prefixes: dict[str, dict[int, None]] = {}
        anywhere = []
        for i, (label, name) in enumerate(keys):
            elsewhere = []
            for cue in groups[label][name].cues:
                head = _head(cue)
                if head is None:
                    elsewhere.append(cue_regex(cue))
                else:
                    (prefixes if head[1] else exact).setdefault(head[0], {})[i] = None
            if elsewhere:  # ignoring case for all finds every place a capitals-only cue can match, and scans faster
                anywhere.append((i, re.compile("(?=(?i:" + "|".join(elsewhere) + "))")))
        return cls(keys=keys, groups=tuple(groups[label][name] for label, name in keys),
                   exact={run: tuple(found) for run, found in exact.items()},
                   prefixes={run: tuple(found) for run, found in prefixes.items()},
                   lengths=tuple(sorted({len(run) for run in prefixes})), anywhere=tuple(anywhere))

    def _candidates(self, run: str) -> Sequence[int]:
        """The groups that can have a cue beginning at this run of word characters."""
        if not run.isascii():
            return range(len(self.groups))
        run = run.lower()
        found = self.exact.get(run, ())
        for length in self.lengths:
            if length > len(run):
                break
            found += self.prefixes.get(run[:length], ())
        return found

    def find(self, text: str) -> dict[tuple[str, str], list[tuple[int, int]]]:
        """Every group's cue spans in text: exactly what its pattern's `finditer` finds."""
        positions: list[list[int]] = [[] for _ in self.groups]
        seen = self.seen
        for run in _WORD.finditer(text):
            start, word = run.start(), run.group()
            if (candidates := seen.get(word)) is None:
                candidates = self._candidates(word)
                if len(seen) < _SEEN:
                    seen[word] = candidates
            for i in candidates:
                if not positions[i] or positions[i][-1] != start:
                    positions[i].append(start)
        for i, scan in self.anywhere:
            positions[i] = sorted({*positions[i], *(m.start() for m in scan.finditer(text))})
        return {key: _spans(group.pattern, text, at) for key, group, at in zip(self.keys, self.groups, positions)}


class Indexed(Protocol):
    """What matching needs of `Lexicons`: the groups by label, and their index."""

    @property
    def groups(self) -> Mapping[str, Mapping[str, CueGroup]]: ...

    @property
    def index(self) -> CueIndex: ...


#: label (frame or TOPIC) -> lexicon group -> the group's cues in one sentence, in text order.
SentenceCues = dict[str, dict[str, list[Cue]]]


def match(text: str, spans: Sequence[tuple[int, int]], lexicons: Indexed) -> list[SentenceCues]:
    """Every group's cues per sentence span; cue offsets index `text`."""
    found: list[SentenceCues] = [
        {frame: {name: [] for name in lexicons.groups[frame]} for frame in lexicons.groups} for _ in spans
    ]
    starts = [start for start, _ in spans]
    for (frame, name), matches in lexicons.index.find(text).items():
        weight = lexicons.groups[frame][name].weight
        for a, b in matches:
            i = bisect_right(starts, a) - 1
            if i >= 0 and b <= spans[i][1]:
                found[i][frame][name].append(Cue(text=text[a:b], start=a, end=b, role=name, weight=weight))
    return found
