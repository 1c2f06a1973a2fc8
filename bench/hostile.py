"""Hostile uploads, made on the fly: each costs far more to read than its size suggests; and
ordinary uploads of the same kinds, to compare them with."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path


def zip_bomb() -> bytes:
    """About 140 KB that expands to 45 MiB of text: five files of 9 MiB, each under the size
    limit per file, of one sentence repeated."""
    line = ("Sanctions bite " * 20).strip() + ".\n"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for i in range(5):
            archive.writestr(f"part{i}.txt", line * (9 * 2**20 // len(line)))
    return buffer.getvalue()


def huge_paste() -> str:
    """A 22 MB paste."""
    return ("Export controls bite. " * (22_000_000 // 22))


def brackets_markdown(n: int = 5700) -> bytes:
    """n bytes of '[': Python-Markdown's link parser takes time that grows fast with n (seconds
    for the default 5.7 KB, most of a minute for 12 KB)."""
    return b"[" * n


def long_line() -> bytes:
    """A single 2 MB line."""
    return ("chips " * (2_000_000 // 6)).encode()


def billion_laughs() -> bytes:
    """A metadata.yaml of under 1 KB whose aliases expand to a billion strings."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    lines += ["articles:", "  - file: a.txt", "    title: *i"]
    return ("\n".join(lines) + "\n").encode()


def laughs_zip() -> bytes:
    """An article with the billion-laughs metadata file beside it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("metadata.yaml", billion_laughs())
        archive.writestr("a.txt", "Export controls bite. Subsidies flow to chipmakers.")
    return buffer.getvalue()


def ordinary() -> list[tuple[str, str, bytes | str]]:
    """The same five kinds of input made from the seed articles, as a student's ordinary
    uploads: a zip of five articles, a pasted article, a `.md`, a `.txt`, and a zip with a
    plain `metadata.yaml`. Each entry: file name, type, bytes (a paste: name "paste", its text)."""
    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    texts = [path.read_bytes() for path in seeds]
    five = io.BytesIO()
    with zipfile.ZipFile(five, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, text in zip(seeds, texts):
            archive.writestr(path.name, text)
    described = io.BytesIO()
    with zipfile.ZipFile(described, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("metadata.yaml", "articles:\n  - file: a.txt\n    title: An ordinary article\n")
        archive.writestr("a.txt", texts[3])
    return [("seeds.zip", "application/zip", five.getvalue()),
            ("paste", "text/plain", texts[0].decode()),
            ("article.md", "text/markdown", texts[1]),
            ("article.txt", "text/plain", texts[2]),
            ("described.zip", "application/zip", described.getvalue())]
