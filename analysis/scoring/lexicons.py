"""Frame lexicons: editable YAML files turned into compiled cue matchers.

Each label has one file in `analysis/scoring/lexicons/` with named groups of cues and a weight
per group. Errors name the file and the line, because these files are meant to be
edited by hand (in an editor or in the dashboard).
"""

from __future__ import annotations

import hashlib
import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from analysis.errors import LexiconError
from analysis.patterns import UnsafePattern
from analysis.patterns import check as check_pattern
from analysis.types import FRAMES

#: Groups each label's file must define; analysis/scoring/frames.py reads exactly these.
REQUIRED_GROUPS: dict[str, tuple[str, ...]] = {
    "ANALOGY": ("comparison", "present", "explicit", "tense"),
    "SECURITY": ("strong", "weak", "domain"),
    "MARKET": ("strong", "cost", "state_economy", "market", "contrast"),
    "HISTORY": ("past_episode", "past_time", "narration"),
    "TOPIC": ("state", "industry"),
}
#: Every lexicon file: one per frame, and TOPIC, the context that lets frames fire.
LABELS: tuple[str, ...] = (*FRAMES, "TOPIC")
FILES = {label: f"{label.lower()}.yaml" for label in LABELS}


@dataclass(frozen=True)
class CueGroup:
    """One named group: its weight and one compiled pattern matching any of its cues."""

    name: str
    weight: float
    pattern: re.Pattern[str]
    cues: tuple[str, ...]


@dataclass(frozen=True)
class Lexicons:
    """All labels' groups, their YAML sources, and a fingerprint for cache keys."""

    groups: Mapping[str, Mapping[str, CueGroup]]
    sources: Mapping[str, str]
    fingerprint: str
    #: Where each group's cues can begin; built with the groups, so an edited lexicon has its own.
    index: CueIndex

    def group(self, frame: str, name: str) -> CueGroup:
        return self.groups[frame][name]

    def source(self, frame: str) -> str:
        """The YAML text a label was loaded from (for display and download)."""
        return self.sources[frame]


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
        keys = tuple((label, name) for label in LABELS for name in groups[label])
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


def _compile(cues: list[tuple[str, int]], file: str) -> re.Pattern[str]:
    """One pattern per group; a bad or unsafe cue names its line."""
    for cue, line in cues:
        regex = cue_regex(cue)
        try:
            re.compile(regex)
            check_pattern(regex)
        except re.error as error:
            raise LexiconError(file, f"invalid pattern {cue!r}: {error}", line=line) from None
        except UnsafePattern as error:
            raise LexiconError(file, f"unsafe pattern {cue!r}: {error}", line=line) from None
    return re.compile(alternation([cue for cue, _ in cues]))


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _mapping(node: yaml.Node, file: str, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        raise LexiconError(file, f"{what} must be a mapping", line=_line(node))
    return {str(k.value): (k, v) for k, v in node.value}


def _cue(item: yaml.Node, file: str, group: str) -> str:
    """A cue is a phrase, or `re: <pattern>` for a regular expression."""
    if isinstance(item, yaml.MappingNode) and len(item.value) == 1 and item.value[0][0].value == "re":
        pattern = item.value[0][1]
        if isinstance(pattern, yaml.ScalarNode) and str(pattern.value).strip():
            return "re:" + str(pattern.value)
    elif isinstance(item, yaml.ScalarNode) and str(item.value).strip():
        return str(item.value)
    raise LexiconError(file, f"group {group!r}: a cue must be a non-empty phrase or 're: <pattern>'", line=_line(item))


def parse(frame: str, text: str, file: str) -> dict[str, CueGroup]:
    """Validate one label's YAML and compile its groups; errors carry file and line."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise LexiconError(file, f"not valid YAML: {problem}", line=mark.line + 1 if mark else None) from None
    if root is None:
        raise LexiconError(file, "the file is empty")
    top = _mapping(root, file, "the file")
    if "frame" in top and top["frame"][1].value != frame:
        raise LexiconError(file, f"frame is {top['frame'][1].value!r}, expected {frame!r}", line=_line(top["frame"][1]))
    if "groups" not in top:
        raise LexiconError(file, "missing 'groups:'", line=_line(root))
    groups = {}
    for name, (key, body) in _mapping(top["groups"][1], file, "'groups'").items():
        fields = _mapping(body, file, f"group {name!r}")
        try:
            weight = float(fields["weight"][1].value) if "weight" in fields else None
        except ValueError:
            weight = None
        if weight is None or not 0 < weight <= 1:
            raise LexiconError(file, f"group {name!r} needs a weight between 0 and 1", line=_line(body))
        cues_node = fields.get("cues", (None, None))[1]
        if not isinstance(cues_node, yaml.SequenceNode) or not cues_node.value:
            where = _line(cues_node) if cues_node is not None else _line(body)
            raise LexiconError(file, f"group {name!r} needs a non-empty list of cues", line=where)
        cues = []
        for item in cues_node.value:
            cues.append((_cue(item, file, name), _line(item)))
        groups[name] = CueGroup(name=name, weight=weight, pattern=_compile(cues, file),
                                cues=tuple(cue for cue, _ in cues))
    missing = [g for g in REQUIRED_GROUPS[frame] if g not in groups]
    if missing:
        raise LexiconError(file, f"missing group(s): {', '.join(missing)}", line=_line(top["groups"][1]))
    return groups


def default_source(label: str) -> str:
    """The packaged YAML text of one label's lexicon."""
    return resources.files("analysis.scoring").joinpath("lexicons", FILES[label]).read_text(encoding="utf-8")


@lru_cache(maxsize=32)
def _load(items: tuple[tuple[str, str], ...]) -> Lexicons:
    sources = dict(items)
    groups = {label: parse(label, sources[label], FILES[label]) for label in LABELS}
    digest = hashlib.sha256("\0".join(sources[label] for label in LABELS).encode("utf-8")).hexdigest()
    return Lexicons(groups=groups, sources=sources, fingerprint=digest, index=CueIndex.build(groups))


def load_lexicons(*, overrides: Mapping[str, str] | None = None) -> Lexicons:
    """The packaged lexicons, with any label replaced by YAML text from `overrides`."""
    overrides = dict(overrides or {})
    unknown = sorted(set(overrides) - set(LABELS))
    if unknown:
        raise LexiconError(", ".join(unknown), f"unknown lexicon; valid lexicons: {', '.join(LABELS)}")
    return _load(tuple((label, overrides[label] if label in overrides else default_source(label)) for label in LABELS))


def read_folder(folder: str | Path) -> dict[str, str]:
    """Edited lexicon files saved in a folder (any of `FILES`), as overrides for `load_lexicons`."""
    folder = Path(folder)
    found = {label: folder / name for label, name in FILES.items() if (folder / name).is_file()}
    if not found:
        raise LexiconError(str(folder), f"no lexicon file here; expected any of {', '.join(FILES.values())}")
    try:
        return {label: path.read_text(encoding="utf-8") for label, path in found.items()}
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(str(folder), f"cannot read: {error}") from None
