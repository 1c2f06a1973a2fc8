"""Files the tool writes: checked before any work starts, and written whole or not at all.

Every output is written to a temporary name in its own folder and moved onto its real
name with `os.replace` (atomic on one file system) only when it is complete, so a failed
or interrupted run (an error, Ctrl-C, kill -9) leaves the old file as it was, never a
half-written one that looks complete (pip's `adjacent_tmp_file` does the same).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from analysis.errors import PathError


class OutputError(PathError):
    """A place the tool cannot or must not write to, named by its path."""


def check_file(path: Path) -> None:
    """Raise OutputError unless a file can be written at `path` (its folder exists and is writable)."""
    folder = path.parent
    if path.is_dir():
        raise OutputError(str(path), "is a folder, not a file")
    if not folder.is_dir():
        raise OutputError(str(path), f"folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(str(path), f"folder {folder} is not writable")


def check_folder(folder: Path) -> None:
    """Raise OutputError unless files can be created in `folder` (made if missing)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(str(folder), f"cannot be made a folder ({error.strerror or error})") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(str(folder), "folder is not writable")


def temporary_beside(path: Path) -> Path:
    """An unused hidden name in `path`'s folder, for the file that will replace `path`."""
    return path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path to write; moved onto `path` if the block completes, removed if not."""
    temporary = temporary_beside(path)
    try:
        yield temporary
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` in one piece."""
    with replacing(path) as temporary:
        temporary.write_bytes(data)
