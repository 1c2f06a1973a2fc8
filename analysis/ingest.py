"""Read articles from files, folders, archives, uploads and pasted text.

Every input is read on its own: a bad one becomes a `Rejected` with a reason that names it,
and the others are still read. Text is decoded (encoding detected), normalised and
trimmed of trailing site furniture before anything else sees it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path, PurePosixPath

import trafilatura
import yaml
from charset_normalizer import from_bytes

from analysis.archive import zip_entries
from analysis.errors import InputError
from analysis.normalize import normalize, trim_boilerplate
from analysis.types import Corpus, Document, Rejected

#: Largest single file read, in bytes.
MAX_FILE_BYTES = 10 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = (".csv", ".jsonl")
SUPPORTED = (*TEXT_SUFFIXES, *HTML_SUFFIXES, *TABLE_SUFFIXES, ".zip")
#: Most files and bytes accepted in one upload (the dashboard's limits).
MAX_UPLOAD_FILES = 50
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
METADATA_FILE = "metadata.yaml"
META_FIELDS = ("id", "title", "outlet", "kind", "date", "url")
SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"

Item = Document | Rejected


def _utf16_without_bom(data: bytes) -> str | None:
    """Latin-script UTF-16 has a NUL in every other byte; other NULs mean binary data."""
    even, odd = data[0::2], data[1::2]
    for zeros, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and len(data) % 2 == 0:
            return data.decode(codec, errors="strict")
    return None


def decode(data: bytes, source: str) -> str:
    """Bytes to text: UTF-8 when valid, else the encoding charset-normalizer detects."""
    if not data.strip():
        raise InputError(source, "empty file")
    binary = InputError(source, "binary or undecodable data, not text")
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        if data.startswith(b"\xef\xbb\xbf"):
            return data[3:].decode("utf-8")
        if b"\x00" in data:
            text = _utf16_without_bom(data)
            if text is None:
                raise binary
            return text
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise binary
    text = str(best)
    unprintable = sum(1 for c in text if not c.isprintable() and not c.isspace())
    if unprintable > 0.05 * len(text):
        raise binary
    return text


def _document(text: str, *, source: str, stem: str, meta: dict[str, str] | None = None) -> Document:
    article, trimmed = trim_boilerplate(normalize(text))
    if not article:
        raise InputError(source, "no text left after clean-up")
    meta = {k: str(v) for k, v in (meta or {}).items() if k in META_FIELDS and v is not None}
    title = meta.get("title") or _first_line_title(article)
    return Document(
        id=meta.get("id") or stem,
        source=source,
        text=article,
        title=title,
        outlet=meta.get("outlet", ""),
        kind=meta.get("kind", ""),
        date=meta.get("date", ""),
        url=meta.get("url", ""),
        trimmed=trimmed,
    )


def _first_line_title(text: str) -> str:
    """A short first line without a final period reads as a headline."""
    first = text.split("\n", 1)[0].strip()
    return first if len(first) <= 120 and not first.endswith(".") and "\n" in text else ""


def from_text(text: str, *, title: str = "", source: str = "pasted text", doc_id: str | None = None) -> Document:
    """A pasted text as a document; raises InputError when nothing is left after clean-up."""
    if not text.strip():
        raise InputError(source, "empty text")
    return _document(text, source=source, stem=doc_id or "pasted", meta={"title": title} if title else None)


def _html(data: bytes, source: str, stem: str, meta: dict[str, str] | None) -> Document:
    markup = decode(data, source)
    text = trafilatura.extract(markup, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        raise InputError(source, "no article text found in the HTML")
    found = trafilatura.extract_metadata(markup)
    page = {"title": found.title or "", "date": found.date or "", "url": found.url or ""} if found else {}
    return _document(text, source=source, stem=stem, meta={**page, **(meta or {})})


def _rows(data: bytes, source: str, suffix: str) -> Iterator[tuple[int, dict[str, str] | InputError]]:
    text = decode(data, source)
    if suffix == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames or "text" not in [f.strip() for f in reader.fieldnames]:
            raise InputError(source, "CSV needs a 'text' column (optional: id, title, outlet, kind, date, url)")
        for number, row in enumerate(reader, start=2):
            if None in row:
                yield number, InputError(f"{source} row {number}", "more cells than header columns")
            else:
                yield number, {k.strip(): (v or "") for k, v in row.items()}
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            yield number, InputError(f"{source} line {number}", f"invalid JSON ({error.msg})")
            continue
        if not isinstance(row, dict):
            yield number, InputError(f"{source} line {number}", "expected a JSON object with a 'text' field")
            continue
        yield number, {k: "" if v is None else str(v) for k, v in row.items()}


def _table(data: bytes, source: str, stem: str, suffix: str) -> Iterator[Item]:
    unit = "row" if suffix == ".csv" else "line"
    for number, row in _rows(data, source, suffix):
        if isinstance(row, InputError):
            yield Rejected(row.source, row.message)
            continue
        where = f"{source} {unit} {number}"
        if not row.get("text", "").strip():
            yield Rejected(where, "missing or empty 'text'")
            continue
        try:
            yield _document(row["text"], source=where, stem=f"{stem}-{number}", meta=row)
        except InputError as error:
            yield Rejected(error.source, error.message)


def read_item(name: str, data: bytes, *, meta: dict[str, str] | None = None) -> Iterator[Item]:
    """Documents (or rejections) from one named blob; dispatch by file extension."""
    path = PurePosixPath(name)
    suffix, stem = path.suffix.lower(), path.stem
    try:
        if suffix not in SUPPORTED:
            raise InputError(name, f"unsupported file type '{suffix or path.name}' (supported: {', '.join(SUPPORTED)})")
        if len(data) > MAX_FILE_BYTES:
            raise InputError(name, f"file is {len(data):,} bytes, over the {MAX_FILE_BYTES:,}-byte limit")
        if suffix == ".zip":
            for entry in zip_entries(data, name):
                if isinstance(entry, Rejected):
                    yield entry
                else:
                    yield from read_item(*entry)
        elif suffix in TABLE_SUFFIXES:
            yield from _table(data, name, stem, suffix)
        elif suffix in HTML_SUFFIXES:
            yield _html(data, name, stem, meta)
        else:
            yield _document(decode(data, name), source=name, stem=stem, meta=meta)
    except InputError as error:
        yield Rejected(error.source, error.message)


def _sidecar(folder: Path) -> tuple[dict[str, dict[str, str]], list[Rejected]]:
    """Per-file metadata from a folder's `metadata.yaml`: {file name: {field: value}}."""
    path = folder / METADATA_FILE
    if not path.is_file():
        return {}, []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path.name} line {mark.line + 1}" if mark else path.name
        return {}, [Rejected(where, f"malformed metadata, ignored: {getattr(error, 'problem', error)}")]
    entries = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) and e.get("file") for e in entries):
        return {}, [Rejected(path.name, "malformed metadata, ignored: expected 'articles:' with a 'file' per entry")]
    return {str(e["file"]): {k: "" if v is None else str(v) for k, v in e.items()} for e in entries}, []


def _walk(path: Path, meta: dict[str, str] | None = None) -> Iterator[Item]:
    if path.is_dir():
        sidecar, problems = _sidecar(path)
        yield from problems
        for child in sorted(path.iterdir()):
            if not child.name.startswith(".") and child.name != METADATA_FILE:
                yield from _walk(child, sidecar.get(child.name))
    elif not path.exists():
        yield Rejected(str(path), "no such file or folder")
    else:
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise InputError(path.name, f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit")
            data = path.read_bytes()
        except InputError as error:
            yield Rejected(error.source, error.message)
            return
        except OSError as error:
            yield Rejected(path.name, f"cannot be read ({error.strerror})")
            return
        yield from read_item(path.name, data, meta=meta)


def unique_ids(docs: Iterable[Document], *, taken: Iterable[str] = ()) -> list[Document]:
    """The documents with clashing ids (among them or with `taken`) given a -2, -3 … suffix."""
    seen = set(taken)
    unique = []
    for doc in docs:
        doc_id, n = doc.id, 1
        while doc_id in seen:
            n += 1
            doc_id = f"{doc.id}-{n}"
        seen.add(doc_id)
        unique.append(doc if doc_id == doc.id else replace(doc, id=doc_id))
    return unique


def _collect(items: Iterable[Item], progress: Callable[[str], None] | None = None) -> Corpus:
    """Gather items into a Corpus with unique ids, reporting each source to `progress`."""
    documents: list[Document] = []
    rejected: list[Rejected] = []
    for item in items:
        if progress:
            progress(item.source)
        (rejected if isinstance(item, Rejected) else documents).append(item)
    return Corpus(documents=tuple(unique_ids(documents)), rejected=tuple(rejected))


def read_paths(paths: Iterable[str | Path], *, progress: Callable[[str], None] | None = None) -> Corpus:
    """Read files, folders (recursively, with `metadata.yaml` sidecars) and zip archives."""
    return _collect((item for p in paths for item in _walk(Path(p))), progress)


def read_bytes(name: str, data: bytes) -> Corpus:
    """Read one uploaded file (any supported type, including a zip)."""
    return _collect(read_item(name, data))


def read_uploads(files: Sequence[tuple[str, bytes]], *, taken: Iterable[str] = ()) -> Corpus:
    """Read an upload of several files within the upload limits; ids avoid those `taken`."""
    if len(files) > MAX_UPLOAD_FILES:
        raise InputError("upload", f"{len(files)} files, over the limit of {MAX_UPLOAD_FILES} per upload")
    total = sum(len(data) for _, data in files)
    if total > MAX_UPLOAD_BYTES:
        raise InputError("upload", f"{total:,} bytes in all, over the {MAX_UPLOAD_BYTES:,}-byte limit per upload")
    corpus = _collect(item for name, data in files for item in read_item(name, data))
    return replace(corpus, documents=tuple(unique_ids(corpus.documents, taken=taken)))


def load_seeds() -> Corpus:
    """The bundled seed articles with their metadata."""
    return read_paths([SEEDS_DIR])
