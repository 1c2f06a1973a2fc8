"""Exceptions raised by the analysis layer; callers turn them into messages."""

from __future__ import annotations


class FrameLensError(Exception):
    """Base class: every error the library raises on purpose."""


class InputError(FrameLensError):
    """An input that cannot be read as an article, named by its source."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


class PathError(FrameLensError):
    """A file the tool cannot use (a model file it cannot read, a place it must not write), named
    by its path."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class StoreError(InputError):
    """A store that cannot be opened or read (missing, partial, corrupt, or of another format)."""


class LexiconError(FrameLensError):
    """A lexicon file that is missing or malformed, named by file and line."""

    def __init__(self, path: str, message: str, *, line: int | None = None) -> None:
        where = f"{path}, line {line}" if line is not None else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line
        self.message = message
