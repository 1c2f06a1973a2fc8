"""Hostile uploads, made on the fly: each costs far more to read than its size suggests."""

from __future__ import annotations

import io
import zipfile


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
