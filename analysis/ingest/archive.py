"""Zip archives read defensively: no path tricks, no nested archives, no zip bombs."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import PurePosixPath

from analysis import limits
from analysis.errors import InputError
from analysis.types import Rejected

#: What a damaged, encrypted or exotic entry raises when it is read.
_ENTRY_ERRORS = (zipfile.BadZipFile, RuntimeError, OSError, NotImplementedError, EOFError, zlib.error)


def zip_entries(data: bytes, name: str) -> Iterator[tuple[str, bytes] | Rejected]:
    """(`name/entry`, bytes) for each safe file entry; a Rejected for each unsafe one.

    Hidden entries and macOS resource forks are skipped. The size limit is enforced while
    reading, not only from the declared sizes, which a zip bomb can fake; once it is
    reached the archive is rejected and every entry not read is named, and the entries
    read so far are kept.
    Raises InputError when the archive cannot be opened or has too many entries.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise InputError(name, f"not a readable zip archive ({error})") from None
    files = [info for info in archive.infolist() if not info.is_dir()]
    if len(files) > limits.LIMITS.zip_entries:
        raise InputError(name, f"archive has {len(files):,} entries, over the {limits.LIMITS.zip_entries:,}-entry limit")
    budget = limits.LIMITS.zip_bytes
    full = False
    for info in files:
        source = f"{name}/{info.filename}"
        parts = PurePosixPath(info.filename.replace("\\", "/")).parts
        if info.filename.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
            yield Rejected(source, "unsafe path in archive (absolute or '..'), not read")
            continue
        if any(part.startswith(".") or part == "__MACOSX" for part in parts):
            continue
        if info.filename.lower().endswith(".zip"):
            yield Rejected(source, "nested archive, not expanded")
            continue
        if not full and info.file_size <= budget:
            try:
                with archive.open(info) as entry:
                    content = entry.read(budget + 1)
            except _ENTRY_ERRORS as error:
                yield Rejected(source, f"entry cannot be read ({error})")
                continue
            if len(content) <= budget:
                budget -= len(content)
                yield source, content
                continue
        if not full:
            full = True
            yield Rejected(name, f"archive expands past the {limits.LIMITS.zip_bytes:,}-byte limit (zip bomb?)")
        # Every entry left unread is named, so nothing disappears without a word.
        yield Rejected(source, f"not read: the archive reached its {limits.LIMITS.zip_bytes:,}-byte limit")
