"""Bytes to text: find the encoding, and refuse data that is not text at all.

UTF-8 is tried first because almost every file today is UTF-8. Legacy encodings go to
charset-normalizer, whose guesses on short texts often tie; the tie is then broken in
favour of the encodings this tool's sources most often use, so that a short Windows-1252
article is read as such and not as some equally "plausible" Baltic or Mac code page.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from analysis.errors import InputError

BINARY = "binary or undecodable data, not text"
#: Byte-order marks, longest first (a UTF-32-LE mark starts like a UTF-16-LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Tie-break among equally plausible legacy encodings: Western and Central European
#: Windows code pages, then simplified and traditional Chinese, Cyrillic, Japanese.
PREFERRED_ENCODINGS = ("cp1252", "cp1250", "gb18030", "big5", "cp1251", "cp932")
#: How much worse (charset-normalizer "chaos", 0-1) a candidate may be and still tie.
_TIE = 0.03
#: Share of characters that may be control or private-use characters before data counts
#: as binary (invisible formatting characters such as zero-width spaces do not count).
_MAX_UNPRINTABLE = 0.05
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff]")


def decode(data: bytes, source: str) -> str:
    """The text in `data`; raises InputError naming `source` when it is empty or binary."""
    if not data.strip():
        raise InputError(source, "empty file")
    text = _unicode(data)
    if text is None and b"\x00" not in data:
        text = _legacy(data)
    if text is None or len(_UNPRINTABLE.findall(text)) > _MAX_UNPRINTABLE * len(text):
        raise InputError(source, BINARY)
    return text


def _unicode(data: bytes) -> str | None:
    """The text if `data` is UTF-8, UTF-16 or UTF-32, else None."""
    try:
        for bom, codec in _BOMS:
            if data.startswith(bom):
                return data.decode(codec)
        if b"\x00" in data:
            return _utf16_without_bom(data)
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # A UTF-8 file with a stray bad byte or two (a cut-off download) is still UTF-8:
    # many well-formed multi-byte characters and few bad bytes do not happen by chance.
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if ord(c) > 127) - bad
    return text if bad and good >= 20 * bad else None


def _utf16_without_bom(data: bytes) -> str | None:
    """Latin-script UTF-16 has a NUL in every other byte; other NULs mean binary data."""
    if len(data) % 2:
        return None
    for zeros, codec in ((data[1::2], "utf-16-le"), (data[0::2], "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros):
            return data.decode(codec)
    return None


def _legacy(data: bytes) -> str | None:
    """The best legacy decoding charset-normalizer finds, ties broken by PREFERRED_ENCODINGS."""
    matches = list(from_bytes(data))
    if not matches:
        return None
    least = min(match.chaos for match in matches)
    tied = [match for match in matches if match.chaos - least <= _TIE]
    for encoding in PREFERRED_ENCODINGS:
        for match in tied:
            if encoding in match.could_be_from_charset:
                try:
                    return data.decode(encoding)
                except UnicodeDecodeError:
                    break
    return str(matches[0])
