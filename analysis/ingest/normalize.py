"""Text clean-up before scoring: one normal form, and site furniture trimmed off the end.

Offsets of every later step index the text this module returns, which is also the text
the tool shows, so the clean-up happens once, here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

import yaml

from analysis.errors import LexiconError

#: Curly and low quotes to ASCII, line and paragraph separators to LF, tabs to spaces.
_TRANSLATE = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
        "\r": "\n", "\x0b": "\n", "\x0c": "\n", "\x1c": "\n", "\x1d": "\n", "\x1e": "\n",
        "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n", "\t": " ",
    }
)
#: Characters that show nothing: control characters (LF already handled), the soft
#: hyphen, zero-width spaces and joiners, direction marks, word joiners, the BOM.
_INVISIBLE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]")
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n{3,}")
#: What surrounds a furniture label on a line: punctuation, arrows, counts. Anchored at the
#: start only: the end is stripped on the reversed line, since `[\W\d_]+$` would retry
#: from every character of a long run of punctuation (quadratic time).
_DECORATION_START = re.compile(r"^[\W\d_]+")
BOILERPLATE_FILE = "boilerplate.yaml"


def normalize(text: str) -> str:
    """NFC, LF line ends, straight quotes, single spaces, at most one blank line."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").translate(_TRANSLATE)
    text = _SPACES.sub(" ", _INVISIBLE.sub("", text))
    text = "\n".join(line.strip() for line in text.split("\n"))
    # Removing an invisible character can leave a letter next to its combining mark.
    return unicodedata.normalize("NFC", _BLANK_LINES.sub("\n\n", text).strip())


@lru_cache(maxsize=1)
def boilerplate_markers() -> tuple[frozenset[str], tuple[str, ...]]:
    """(whole-line markers, line starts) from the editable `boilerplate.yaml`, case-folded."""
    source = resources.files("analysis.ingest").joinpath(BOILERPLATE_FILE)
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise LexiconError(BOILERPLATE_FILE, problem, line=mark.line + 1 if mark else None) from None
    lists = {key: data.get(key) if isinstance(data, dict) else None for key in ("lines", "starts")}
    for key, entries in lists.items():
        if not isinstance(entries, list) or not all(isinstance(e, str) and e.strip() for e in entries):
            raise LexiconError(BOILERPLATE_FILE, f"expected a list of non-empty strings under '{key}'")
    return (frozenset(_label(line) for line in lists["lines"]),
            tuple(start.strip().casefold() for start in lists["starts"]))


def _label(line: str) -> str:
    """A line as a furniture label: case-folded, decoration at both ends removed."""
    stripped = _DECORATION_START.sub("", line.casefold())
    return _DECORATION_START.sub("", stripped[::-1])[::-1]


def _is_furniture(line: str, lines: frozenset[str], starts: tuple[str, ...]) -> bool:
    label = _label(line)
    if not label:
        return False
    return label in lines or line.casefold().lstrip("«‹←<- ").startswith(starts)


def trim_boilerplate(text: str) -> tuple[str, str]:
    """Split normalised text into (article, trimmed furniture).

    Furniture starts at the first line in the second half of the text that is a marker
    of `boilerplate.yaml` (comment widgets, "Previous Post", related-article teasers);
    that line and everything after it is returned separately so it can be reported.
    """
    lines, starts = boilerplate_markers()
    half = len(text) // 2
    offset = 0
    for line in text.split("\n"):
        if offset >= half and _is_furniture(line, lines, starts):
            return text[:offset].rstrip(), text[offset:].strip()
        offset += len(line) + 1
    return text, ""
