"""Lexicon cues: what a cue matches, and every group's cues in an article, filed by sentence.

A cue is a phrase (words with any run of spaces or hyphens between them, `*` for any word
ending, capitals-only cues matched case-sensitively) or `re: <pattern>`; each lexicon group
compiles its cues into one pattern (`lexicons.alternation`). The article's words are read
once for every group (`CueIndex`), instead of once per group and sentence, which keeps cue
matching a small part of scoring; a match is kept when it lies inside one sentence.
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
import string
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, compress
from typing import Protocol

from analysis.types import Cue


@dataclass(frozen=True)
class CueGroup:
    """One named group: its weight and one compiled pattern matching any of its cues."""

    name: str
    weight: float
    pattern: re.Pattern[str]
    cues: tuple[str, ...]


WORD_START = r"(?<![\w])"
#: A run of word characters: where a word cue's match can begin (after `WORD_START`).
_WORD = re.compile(r"\w+")
#: The same runs, kept by `re.split` between the text around them.
_RUN = re.compile(r"(\w+)")


def cue_words(cue: str) -> list[str]:
    """A word cue's words: any run of spaces and hyphens separates them."""
    return [w for w in re.split(r"[\s\-]+", cue.strip()) if w]


def cue_regex(cue: str) -> str:
    """Regex for one cue: words with any space/hyphen between, `*` = any word ending."""
    if cue.startswith("re:"):
        return cue[3:].strip()
    words = cue_words(cue)
    parts = [re.escape(w[:-1]) + r"[\w'-]*" if w.endswith("*") else re.escape(w) for w in words]
    return WORD_START + r"[\s\-]+".join(parts) + r"(?![\w])"


def _ascii_twin(char: str) -> str:
    """The lower-case ASCII letter `re` matches with a non-ASCII one when it ignores case
    (`s` for `ſ`, `k` for the Kelvin sign), or the character itself."""
    return next((a for a in string.ascii_lowercase if re.fullmatch(f"(?i:{re.escape(char)})", a)), char)


def _key(word: str) -> tuple[str, bool] | None:
    """A cue word's first run of word characters as an ASCII run it matches reads, lower-cased,
    and whether a `*` ends the word; None if the word does not begin with a word character."""
    if (run := _WORD.match(word)) is None:
        return None
    key = "".join(c.lower() if c.isascii() else _ascii_twin(c) for c in run.group())
    return key, word == run.group() + "*"


def _head(cue: str) -> tuple[str, bool] | None:
    """A word cue's first key (`_key`); None if the cue can begin elsewhere (`re:`, `$5`)."""
    return None if cue.startswith("re:") else _key(next(iter(cue_words(cue)), ""))


def _second(cue: str) -> tuple[str, str, bool] | None:
    """For a cue whose first word is a plain run of word characters, that run and its second
    word's key: the next run in the text must be that key (or start with it, for `word*`)."""
    words = [] if cue.startswith("re:") else cue_words(cue)
    if len(words) < 2 or not _WORD.fullmatch(words[0]) or (second := _key(words[1])) is None:
        return None
    first = _key(words[0])
    return (first[0], *second) if first else None


#: The characters `re` matches with an ASCII word character when it ignores case, and that
#: character: with them replaced, lower-casing a text keeps every offset (`"\u0130".lower()`
#: is two characters).
_TWINS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _fold(text: str) -> str:
    """The text lower-cased, with `_TWINS` replaced: where a literal of `_starts` can be found."""
    if not text.isascii():
        for char, twin in _TWINS.items():
            if char in text:  # rare: faster than `str.translate` on every text
                text = text.replace(char, twin)
    return text.lower()


def _starts(items: Sequence[tuple], budget: int = 16) -> set[str]:
    """Lower-case ASCII strings, one of which begins every match of the parsed regex `items`
    in a folded text (`_fold`); "" among them means a match can begin anywhere."""
    if not items or budget == 0:
        return {""}
    (op, av), rest = items[0], list(items[1:])
    if op in _ZERO_WIDTH:
        return _starts(rest, budget)
    if op is sre.LITERAL and av < 128:
        return {chr(av).lower() + tail for tail in _starts(rest, budget - 1)}
    if op is sre.SUBPATTERN:
        return _starts([*av[-1], *rest], budget)
    if op is sre.BRANCH:
        found = set().union(*(_starts([*alt, *rest], budget) for alt in av[1]))
        return found if len(found) <= 64 else {""}
    if op in _REPEATS:
        low, high, sub = av
        once = _starts([*sub, *rest] if high == 1 else [*sub], budget)
        return once | _starts(rest, budget) if low == 0 else once
    return {""}


def _literal_starts(regex: str) -> set[str] | None:
    """`_starts` of a cue's regex, or None if a match of it can begin anywhere."""
    found = _starts([*sre_parse.parse(f"(?i:{regex})")])
    return None if "" in found else found


def _occurrences(folded: str, literals: Sequence[str]) -> list[int]:
    """Every offset where one of `literals` begins in `folded`."""
    found = []
    for literal in literals:
        at = folded.find(literal)
        while at != -1:
            found.append(at)
            at = folded.find(literal, at + 1)
    return found


def _runs(text: str) -> tuple[list[str], list[int]]:
    """The text's runs of word characters and their offsets, without a match object per run."""
    parts = _RUN.split(text)
    return parts[1::2], list(accumulate(map(len, parts)))[0:-1:2]


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


#: One run's candidates: the groups it alone selects, and (second key, `*`, group) for the
#: groups that also need the next run; None when no group can begin there.
Entry = tuple[Sequence[int], tuple[tuple[str, bool, int], ...]] | None


@dataclass(frozen=True, eq=False)
class CueIndex:
    """Where each group's cues can begin, so that one pass over a text serves every group.

    A word cue begins at a run of word characters (`_WORD`) that, lower-cased, is its first
    run (or starts with it, for `word*`); the index maps runs to groups, and a group's
    pattern is tried only there. A cue of two words or more whose first word is a plain run
    is tried only where the next run also fits its second word: "the" begins many cues and
    is in every sentence. A run with a non-ASCII character is tried by every group:
    ignoring case, `re` matches `ſ` with `s` where `str.lower` does not (a cue's own `ſ` is
    keyed as `s`). Cues that can begin elsewhere are found by the literal text every match
    of theirs begins with (`_starts`) or, failing that, by a look-ahead scan.
    """

    keys: tuple[tuple[str, str], ...]
    groups: tuple[CueGroup, ...]
    exact: Mapping[str, tuple[int, ...]]
    prefixes: Mapping[str, tuple[int, ...]]
    #: The lengths of the prefix keys, in increasing order.
    lengths: tuple[int, ...]
    #: First run -> (second key, `*`, group) of the cues keyed on two runs.
    pairs: Mapping[str, tuple[tuple[str, bool, int], ...]]
    #: (group, the literals its other cues begin with) where there are some.
    literals: tuple[tuple[int, tuple[str, ...]], ...]
    anywhere: tuple[tuple[int, re.Pattern[str]], ...]
    #: Each run's candidates (and each pair's), kept for the next text (texts share most words).
    seen: dict[object, Entry | tuple[int, ...]] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, groups: Mapping[str, Mapping[str, CueGroup]]) -> CueIndex:
        keys = tuple((label, name) for label, named in groups.items() for name in named)
        exact: dict[str, dict[int, None]] = {}
        prefixes: dict[str, dict[int, None]] = {}
        pairs: dict[str, dict[tuple[str, bool, int], None]] = {}
        literals, anywhere = [], []
        for i, (label, name) in enumerate(keys):
            starts: dict[str, None] = {}
            elsewhere = []
            for cue in groups[label][name].cues:
                if (second := _second(cue)) is not None:
                    pairs.setdefault(second[0], {})[(second[1], second[2], i)] = None
                elif (head := _head(cue)) is not None:
                    (prefixes if head[1] else exact).setdefault(head[0], {})[i] = None
                elif (found := _literal_starts(cue_regex(cue))) is not None:
                    starts.update(dict.fromkeys(sorted(found)))
                else:
                    elsewhere.append(cue_regex(cue))
            if starts:
                literals.append((i, tuple(starts)))
            if elsewhere:  # ignoring case for all finds every place a capitals-only cue can match, and scans faster
                anywhere.append((i, re.compile("(?=(?i:" + "|".join(elsewhere) + "))")))
        return cls(keys=keys, groups=tuple(groups[label][name] for label, name in keys),
                   exact={run: tuple(found) for run, found in exact.items()},
                   prefixes={run: tuple(found) for run, found in prefixes.items()},
                   lengths=tuple(sorted({len(run) for run in prefixes})),
                   pairs={run: tuple(found) for run, found in pairs.items()},
                   literals=tuple(literals), anywhere=tuple(anywhere))

    def _entry(self, run: str) -> Entry:
        """The groups that can have a cue beginning at this run of word characters."""
        if not run.isascii():
            return range(len(self.groups)), ()
        run = run.lower()
        found = self.exact.get(run, ())
        for length in self.lengths:
            if length > len(run):
                break
            found += self.prefixes.get(run[:length], ())
        alone = tuple(dict.fromkeys(found))
        pairs = tuple(pair for pair in self.pairs.get(run, ()) if pair[2] not in alone)
        return (alone, pairs) if alone or pairs else None

    def _follow(self, pairs: tuple[tuple[str, bool, int], ...], following: str | None) -> tuple[int, ...]:
        """The groups of `pairs` whose second key fits the next run (all, if it is not ASCII)."""
        if following is None:
            return ()
        if not following.isascii():
            return tuple(dict.fromkeys(i for _, _, i in pairs))
        following = following.lower()
        return tuple(dict.fromkeys(i for key, star, i in pairs
                                   if (following.startswith(key) if star else following == key)))

    def _positions(self, text: str) -> list[list[int]]:
        """Where each group's pattern is worth trying, in increasing order."""
        positions: list[list[int]] = [[] for _ in self.groups]
        words, starts = _runs(text)
        seen = self.seen
        if len(seen) > _SEEN:
            seen.clear()
        for word in {*words}.difference(seen):  # a loop over the new words only
            seen[word] = self._entry(word)
        entries = list(map(seen.__getitem__, words))
        last = len(words) - 1
        for j, (alone, pairs) in compress(enumerate(entries), entries):
            start = starts[j]
            for i in alone:
                positions[i].append(start)
            if pairs:
                following = words[j + 1] if j < last else None
                if (fits := seen.get((words[j], following))) is None:
                    fits = seen[words[j], following] = self._follow(pairs, following)
                for i in fits:
                    positions[i].append(start)
        extra: dict[int, list[int]] = {}
        if self.literals:
            folded = _fold(text)
            for i, found in self.literals:
                extra.setdefault(i, []).extend(_occurrences(folded, found))
        for i, scan in self.anywhere:
            extra.setdefault(i, []).extend(m.start() for m in scan.finditer(text))
        for i, more in extra.items():
            if more:
                positions[i] = sorted({*positions[i], *more})
        return positions

    def find(self, text: str) -> dict[tuple[str, str], list[tuple[int, int]]]:
        """Every group's cue spans in text: exactly what its pattern's `finditer` finds."""
        return {key: _spans(group.pattern, text, at)
                for key, group, at in zip(self.keys, self.groups, self._positions(text))}


class Indexed(Protocol):
    """What matching needs of `Lexicons`: the groups by label, and their index."""

    @property
    def groups(self) -> Mapping[str, Mapping[str, CueGroup]]: ...

    @property
    def index(self) -> CueIndex: ...


#: label (frame or TOPIC) -> lexicon group -> the group's cues in one sentence, in text order:
#: a list, or the empty tuple where there are none (most groups in most sentences, and a list
#: for each was most of the objects matching made).
SentenceCues = dict[str, dict[str, Sequence[Cue]]]


def match(text: str, spans: Sequence[tuple[int, int]], lexicons: Indexed) -> list[SentenceCues]:
    """Every group's cues per sentence span; cue offsets index `text`."""
    groups = lexicons.groups
    found: list[SentenceCues] = [{frame: dict.fromkeys(named, ()) for frame, named in groups.items()} for _ in spans]
    starts = [start for start, _ in spans]
    ends = [end for _, end in spans]
    for (frame, name), matches in lexicons.index.find(text).items():
        weight = groups[frame][name].weight
        sentence = -1
        for a, b in matches:
            i = bisect_right(starts, a) - 1
            if i >= 0 and b <= ends[i]:
                if i != sentence:  # matches come in text order: a sentence's list is made once
                    sentence, cues = i, []
                    found[i][frame][name] = cues
                cues.append(Cue(text[a:b], a, b, name, weight))  # Cue's fields in order: about 300 a text
    return found
