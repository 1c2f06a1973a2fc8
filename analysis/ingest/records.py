"""Tables of articles, one a record: CSV rows and JSON Lines.

Each record needs a `text`; `id`, `title`, `outlet`, `kind`, `date` and `url` are optional.
A bad record is reported with its place in the file — CSV rows counted as a spreadsheet
shows them (the header is row 1), JSON Lines by line — and the other records are kept.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from analysis.errors import InputError
from analysis.ingest.sidecar import FIELDS

TABLE_SUFFIXES = (".csv", ".jsonl")
#: A record's fields: its text and the same metadata a sidecar entry gives.
COLUMNS = ("text", *FIELDS)
#: Field separators tried on a CSV header: comma, then those spreadsheets use in some locales.
_DELIMITERS = (",", ";", "\t", "|")
_NEEDS_TEXT = f"needs a 'text' column (optional: {', '.join(FIELDS)})"

#: (where, record number, fields) for a good record, (where, record number, problem) for a bad one.
Record = tuple[str, int, dict[str, str] | str]


def records(text: str, name: str) -> Iterator[Record]:
    """The records of a decoded CSV or JSONL file; raises InputError if none can be read."""
    if name.lower().endswith(".csv"):
        return _csv(text, name)
    return _jsonl(text, name)


def _header(text: str, delimiter: str) -> list[str]:
    """The first record's cells, read as `_csv_rows` reads the rest: a lone carriage return ends it
    too (old Mac line endings), where a reader given a single line would stop with an error."""
    try:
        cells = next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])
    except csv.Error:
        return []
    return [cell.strip().casefold() for cell in cells]


def _csv(text: str, name: str) -> Iterator[Record]:
    for delimiter in _DELIMITERS:
        header = _header(text, delimiter)
        if "text" in header:
            break
    else:
        raise InputError(name, f"CSV {_NEEDS_TEXT}")
    return _csv_rows(text, name, header, delimiter)


def _csv_rows(text: str, name: str, header: list[str], delimiter: str) -> Iterator[Record]:
    # No cell is longer than the file, which ingest has already held to its size limit; the
    # csv module's own limit (131,072 characters, process-wide) would split a long article's
    # row and misread the rest of the file.
    csv.field_size_limit(max(csv.field_size_limit(), len(text)))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    next(reader)
    number = 1
    while True:
        number += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield f"{name} row {number}", number, f"malformed CSV ({error})"
            continue
        if not cells:
            continue
        where = f"{name} row {number}"
        if len(cells) > len(header):
            problem = f"{len(cells)} cells but {len(header)} columns in the header (a comma in an unquoted cell?)"
            yield where, number, problem
            continue
        # A short row (trailing empty cells left out) is fine: the missing fields are empty.
        row = {key: value for key, value in zip(header, cells, strict=False) if key in COLUMNS}
        yield where, number, row if row.get("text", "").strip() else "missing or empty 'text'"


def _jsonl(text: str, name: str) -> Iterator[Record]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{name} line {number}"
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            yield where, number, f"invalid JSON ({error.msg} at column {error.colno})"
            continue
        yield where, number, _json_record(value)


def _json_record(value: object) -> dict[str, str] | str:
    """The fields of one JSON line, or what is wrong with it."""
    if not isinstance(value, dict):
        return "expected a JSON object with a 'text' field"
    text = value.get("text")
    if text is not None and not isinstance(text, str):
        return f"'text' must be a string, not {_json_type(text)}"
    if not text or not text.strip():
        return "missing or empty 'text'"
    row = {}
    for key in COLUMNS:
        field = value.get(key)
        if isinstance(field, (dict, list)):
            return f"'{key}' must be a string or a number, not {_json_type(field)}"
        if field is not None:
            row[key] = str(field)
    return row


def _json_type(value: object) -> str:
    """A JSON value's type as JSON names it."""
    if isinstance(value, bool):
        return "a boolean"
    return {dict: "an object", list: "an array", int: "a number", float: "a number"}.get(type(value), "a string")
