"""What one upload may cost: the numbers every reader and the Corpus page take from here.

A class shares one server, so no upload may hold it. The sizes fit a lesson (a few dozen
news articles of a few hundred to a few thousand words each) with room to spare; past
them an input is rejected with the limit named. The time and memory budgets bound what
an upload that passes them can still cost, since the cost of reading some inputs (a
Markdown file of nested brackets) does not show in their size.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Limits on what is read, and on the worker that reads and scores an upload."""

    #: Largest single file, in bytes.
    file_bytes: int = 10 * 1024 * 1024
    #: Most files, and bytes in all, in one dashboard upload.
    upload_files: int = 50
    upload_bytes: int = 50 * 1024 * 1024
    #: Most entries, and bytes once uncompressed, read from one zip archive.
    zip_entries: int = 1000
    zip_bytes: int = 50 * 1024 * 1024
    #: Most words in one upload (about 100 long articles), and in one pasted text.
    upload_words: int = 100_000
    #: Longest pasted text, in characters (a long article is about 30,000).
    paste_chars: int = 100_000
    #: Longest line, in characters: a whole article in one CSV cell still fits.
    line_chars: int = 20_000
    #: Longest sentence, in characters (prose sentences stay under 1,000).
    sentence_chars: int = 5_000
    #: Wall-clock seconds to read and score one uploaded file or paste, and a whole upload.
    file_seconds: float = 60.0
    upload_seconds: float = 180.0
    #: Memory the worker that reads and scores one file may use on top of what it starts with.
    worker_bytes: int = 1024 * 1024 * 1024


LIMITS = Limits()


def describe(limits: Limits = LIMITS) -> list[str]:
    """The limits as sentences for people: the Corpus page lists these."""
    mib = lambda n: f"{n / 2**20:g} MiB"
    return [
        f"Up to {limits.upload_files} files and {mib(limits.upload_bytes)} per upload, {mib(limits.file_bytes)} per file; "
        f"a zip may hold {limits.zip_entries:,} files and {mib(limits.zip_bytes)} once unpacked.",
        f"Up to {limits.upload_words:,} words per upload; an article that would go past it is not added.",
        f"Up to {limits.paste_chars:,} characters per pasted text.",
        f"Lines up to {limits.line_chars:,} characters and sentences up to {limits.sentence_chars:,}: "
        "an article with a longer one is not added (text without line breaks or punctuation is not prose).",
        f"Each file or pasted text is read and scored within {limits.file_seconds:g} s and "
        f"{mib(limits.worker_bytes)} of memory, and a whole upload within {limits.upload_seconds:g} s; "
        "a file that needs more is stopped and named, and the others are added.",
        "Metadata files may not use YAML anchors or aliases (& and *).",
    ]
