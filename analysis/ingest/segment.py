"""Sentence and word spans with exact character offsets, without any model download.

segtok splits sentences (it knows abbreviations such as "U.S."); line breaks also end a
sentence, so headlines and list items stand alone. segtok does not know every abbreviation
("Tencent Holdings Ltd. in spurring …"): a piece that starts with a lower-case letter
continues the sentence before it. Offsets index the text given.
"""

from __future__ import annotations

import re

from segtok.segmenter import split_multi

_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of `text`; `text[start:end]` is stripped."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        cursor = line.start()
        for piece in split_multi(line.group()):
            piece = piece.strip()
            if not piece:
                continue
            start = text.find(piece, cursor, line.end())
            if start < 0:
                continue
            if text[start].islower() and spans and spans[-1][0] >= line.start():
                spans[-1] = (spans[-1][0], start + len(piece))
            else:
                spans.append((start, start + len(piece)))
            cursor = start + len(piece)
    return spans


def word_count(text: str) -> int:
    """Number of words: runs of letters or digits, with inner apostrophes."""
    return sum(1 for _ in _WORD.finditer(text))
