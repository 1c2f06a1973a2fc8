"""The one way FrameLens writes CSV: every file goes through `CsvWriter`, which defuses
cells a spreadsheet would run as a formula (OWASP "CSV injection").

A cell that starts with = + - @ tab or carriage return gets a leading apostrophe, and so
does one that already starts with apostrophes before such a character, so `read_cell`
gives back exactly what was written (gold labels are read back by FrameLens).
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence
from typing import TextIO

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _defused(value: str) -> bool:
    return value.lstrip("'").startswith(FORMULA_START)


def cell(value: object) -> object:
    """A value as it is written: formulas defused, missing values empty."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, str) and _defused(value):
        return "'" + value
    return value


def read_cell(value: str) -> str:
    """A cell read back from a FrameLens CSV, as it was before `cell`."""
    return value[1:] if value.startswith("'") and _defused(value[1:]) else value


class CsvWriter:
    """Rows to a text stream, one at a time (so a long run streams)."""

    def __init__(self, stream: TextIO, header: Sequence[str]) -> None:
        self._writer = csv.writer(stream, lineterminator="\n")
        self._writer.writerow([cell(name) for name in header])

    def row(self, values: Iterable[object]) -> None:
        self._writer.writerow([cell(v) for v in values])


def csv_text(header: Sequence[str], rows: Iterable[Iterable[object]]) -> str:
    """A whole CSV file as text."""
    buffer = io.StringIO()
    writer = CsvWriter(buffer, header)
    for values in rows:
        writer.row(values)
    return buffer.getvalue()


def safe_csv(data: pd.DataFrame) -> bytes:
    """A table as UTF-8 CSV, without its index."""
    return csv_text([str(c) for c in data.columns], data.itertuples(index=False, name=None)).encode("utf-8")
