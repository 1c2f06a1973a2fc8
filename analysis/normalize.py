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

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})
_SPACES = re.compile(r"[^\S\n]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]|[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalize(text: str) -> str:
    """NFC, LF line ends, straight quotes, single spaces, at most one blank line."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text.translate(_QUOTES).replace("\t", " "))
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


@lru_cache(maxsize=1)
def boilerplate_markers() -> tuple[str, ...]:
    """Lines that start trailing site furniture, from the editable `boilerplate.yaml`."""
    source = resources.files("analysis").joinpath("boilerplate.yaml")
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise LexiconError("boilerplate.yaml", str(error), line=mark.line + 1 if mark else None) from None
    markers = data.get("markers") if isinstance(data, dict) else None
    if not isinstance(markers, list) or not all(isinstance(m, str) and m.strip() for m in markers):
        raise LexiconError("boilerplate.yaml", "expected a list of non-empty strings under 'markers'")
    return tuple(m.strip().casefold() for m in markers)


def trim_boilerplate(text: str) -> tuple[str, str]:
    """Split normalised text into (article, trimmed furniture).

    Furniture starts at the first whole line, in the second half of the text, that is one of
    the markers (comment widgets, "Previous Post", related-article teasers); everything
    from there on is cut and returned so that it can be reported.
    """
    markers = boilerplate_markers()
    half = len(text) // 2
    offset = 0
    for line in text.split("\n"):
        key = line.strip().rstrip(":").casefold()
        if offset >= half and key and any(key == m or key.startswith(m + " ") and len(key) < 60 for m in markers):
            return text[:offset].rstrip(), text[offset:].strip()
        offset += len(line) + 1
    return text, ""
