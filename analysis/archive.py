"""Zip archives read defensively: no path tricks, no nested archives, no zip bombs."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import PurePosixPath

from analysis.errors import InputError
from analysis import limits
from analysis.types import Rejected

#: What a damaged, encrypted or exotic entry raises when it is read.
_ENTRY_ERRORS = (zipfile.BadZipFile, RuntimeError, OSError, NotImplementedError, EOFError, zlib.error)


def zip_entries(data: bytes, name: str) -> Iterator[tuple[str, bytes] | Rejected]:
    """(`name/entry`, bytes) for each safe file entry; a Rejected for each unsafe one.

    Hidden entries and macOS resource forks are skipped. The size limit is enforced while
    reading, not only from the declared sizes, which a zip bomb can fake; once it is
    reached the rest of the archive is rejected, and the entries read so far are kept.
    Raises InputError when the archive cannot be opened or has too many entries.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise InputError(name, f"not a readable zip archive ({error})") from None
    files = [info for info in archive.infolist() if not info.is_dir()]
    if len(files) > limits.LIMITS.zip_entries:
        raise InputError(name, f"archive has {len(files):,} entries, over the {limits.LIMITS.zip_entries:,}-entry limit")
    too_big = Rejected(name, f"archive expands past the {limits.LIMITS.zip_bytes:,}-byte limit (zip bomb?)")
    budget = limits.LIMITS.zip_bytes
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
        if info.file_size > budget:
            yield too_big
            return
        try:
            with archive.open(info) as entry:
                content = entry.read(budget + 1)
        except _ENTRY_ERRORS as error:
            yield Rejected(source, f"entry cannot be read ({error})")
            continue
        if len(content) > budget:
            yield too_big
            return
        budget -= len(content)
        yield source, content
