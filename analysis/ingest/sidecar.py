"""Metadata files beside the articles: a folder's `metadata.yaml`.

    articles:
      - file: 002_wire.txt
        id: "002"
        title: Xi renews call for China tech push
        kind: wire report
        date: 2022-09

A malformed file is reported (with its line) and ignored, so the articles are still read
without it; a bad entry is reported and the other entries still apply.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import yaml

from analysis.errors import InputError
from analysis.ingest.decode import decode
from analysis.types import Rejected

METADATA_FILE = "metadata.yaml"
FIELDS = ("id", "title", "outlet", "kind", "date", "url")
#: YAML anchors and aliases let 1 KB expand to gigabytes ("billion laughs"); metadata needs none.
_NO_ALIASES = "anchors and aliases (& and *) are not allowed in metadata files"
_SHAPE = "expected 'articles:' with a list of entries, each with a 'file' and any of " + ", ".join(FIELDS)


@dataclass(frozen=True)
class Sidecar:
    """Fields per file name (empty values left out), and what could not be used."""

    meta: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    problems: tuple[Rejected, ...] = ()


class _PlainLoader(yaml.SafeLoader):
    """Safe YAML without anchors and aliases, refused where they first appear."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise yaml.composer.ComposerError(None, None, _NO_ALIASES, event.start_mark)
        return super().compose_node(parent, index)


def read_sidecar(data: bytes, source: str) -> Sidecar:
    """Parse a metadata file (safe YAML); never raises, problems are returned."""
    try:
        loaded = yaml.load(decode(data, source), Loader=_PlainLoader)
    except InputError as error:
        return Sidecar(problems=(Rejected(error.source, f"malformed metadata, ignored: {error.message}"),))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{source} line {mark.line + 1}" if mark else source
        problem = getattr(error, "problem", None) or str(error)
        return Sidecar(problems=(Rejected(where, f"malformed metadata, ignored: {problem}"),))
    entries = loaded.get("articles") if isinstance(loaded, dict) else None
    if not isinstance(entries, list):
        return Sidecar(problems=(Rejected(source, f"malformed metadata, ignored: {_SHAPE}"),))
    meta: dict[str, dict[str, str]] = {}
    problems = []
    for number, entry in enumerate(entries, start=1):
        where = f"{source} entry {number}"
        if not isinstance(entry, dict) or not entry.get("file"):
            problems.append(Rejected(where, f"metadata entry ignored: {_SHAPE}"))
            continue
        unknown = sorted(str(key) for key in entry if key not in (*FIELDS, "file"))
        if unknown:
            problems.append(Rejected(f"{where} ({entry['file']})",
                                     f"unknown field(s) {', '.join(unknown)} ignored; fields: {', '.join(FIELDS)}"))
        meta[str(entry["file"])] = {key: str(entry[key]) for key in FIELDS if entry.get(key) not in (None, "")}
    return Sidecar(meta=meta, problems=tuple(problems))
