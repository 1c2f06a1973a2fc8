"""Frame lexicons: editable YAML files turned into compiled cue matchers.

Each label has one file in `analysis/scoring/lexicons/` with named groups of cues and a weight
per group. Errors name the file and the line, because these files are meant to be
edited by hand (in an editor or in the dashboard).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from analysis.errors import LexiconError
from analysis.patterns import UnsafePattern
from analysis.patterns import check as check_pattern
from analysis.scoring.cues import WORD_START, CueGroup, CueIndex, cue_regex, cue_words
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
    first = next(iter(cue_words(cue)), "")
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
            parts.append(f"{WORD_START}(?:{options})")
            buckets.clear()

    for cue in ordered(cues):
        alt, first = branch(cue), _first_char(cue)
        if first is None:
            close()
            parts.append(alt)
            continue
        insensitive = alt.startswith("(?i:")
        body = (alt[4:-1] if insensitive else alt).removeprefix(WORD_START)
        buckets.setdefault(first.lower(), []).append(f"(?i:{body})" if insensitive else body)
    close()
    return "|".join(parts)


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
