"""Read articles from files, folders, archives, uploads and pasted text.

Every input is read on its own: a bad one becomes a `Rejected` with a reason that names it
(and the row, line or archive entry), and the others are still read. Text is decoded
(encoding detected), normalised and trimmed of trailing site furniture before anything
else sees it, so offsets everywhere index `Document.text`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path, PurePosixPath

from analysis import limits
from analysis.errors import InputError
from analysis.ingest.archive import zip_entries
from analysis.ingest.decode import decode
from analysis.ingest.markup import html_article, markdown_text
from analysis.ingest.normalize import normalize, trim_boilerplate
from analysis.ingest.records import TABLE_SUFFIXES, records
from analysis.ingest.segment import sentences, word_count
from analysis.ingest.sidecar import FIELDS, METADATA_FILE, Sidecar, read_sidecar
from analysis.types import Corpus, Document, Rejected

#: Headlines are short; a longer first line is the start of the article.
MAX_TITLE_CHARS = 120
SUPPORTED = (".txt", ".md", ".html", ".htm", *TABLE_SUFFIXES, ".zip")
SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"
#: An ISO date, possibly partial; a time after it is dropped.
_ISO_DATE = re.compile(r"(\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?)(?:[T ]\d{2}:\d{2}\S*)?")
_LINK_OUT = "symbolic link to a place outside the folder, not followed"

Item = Document | Rejected


def _document(text: str, *, source: str, stem: str, meta: Mapping[str, object] | None = None) -> Document:
    """A Document from raw text: normalised, furniture trimmed, metadata checked.

    Metadata wins over what the text suggests: its id over `stem`, its title over a
    headline-like first line. Raises InputError when no text is left or a date is not ISO.
    """
    article, trimmed = trim_boilerplate(normalize(text))
    if not article:
        raise InputError(source, "no text left after clean-up")
    _check_lengths(article, source)
    fields = {key: " ".join(normalize(str(value)).split()) for key, value in (meta or {}).items()
              if key in FIELDS and value is not None}
    date = _ISO_DATE.fullmatch(fields.get("date", ""))
    if fields.get("date") and not date:
        raise InputError(source, f"date {fields['date']!r} is not ISO (yyyy-mm-dd, yyyy-mm or yyyy)")
    return Document(
        id=fields.get("id") or stem,
        source=source,
        text=article,
        title=fields.get("title") or _first_line_title(article),
        outlet=fields.get("outlet", ""),
        kind=fields.get("kind", ""),
        date=date.group(1) if date else "",
        url=fields.get("url", ""),
        trimmed=trimmed,
    )


def _check_lengths(text: str, source: str) -> None:
    """Refuse a line or sentence too long for prose: scoring time grows with them."""
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > limits.LIMITS.line_chars:
            raise InputError(source, f"line {number} has {len(line):,} characters, over the limit of "
                                     f"{limits.LIMITS.line_chars:,} per line")
    for number, (start, end) in enumerate(sentences(text), start=1):
        if end - start > limits.LIMITS.sentence_chars:
            raise InputError(source, f"sentence {number} has {end - start:,} characters, over the limit of "
                                     f"{limits.LIMITS.sentence_chars:,} per sentence (is its punctuation missing?)")


#: Words of the text taken as a title when it has no headline.
TITLE_WORDS = 8


def _first_line_title(text: str) -> str:
    """A short first line without a final period, with more text after it, is a headline;
    else the first TITLE_WORDS words (at most 60 characters, "…" where cut), so that every
    article has a title to show in menus, charts and slides."""
    first, newline, _ = text.partition("\n")
    if newline and len(first) <= MAX_TITLE_CHARS and not first.endswith("."):
        return first
    words = first.split()
    start = " ".join(words[:TITLE_WORDS])
    if len(start) > 60:
        return start[:59].rstrip() + "…"
    return start + ("…" if len(words) > TITLE_WORDS else "")


def check_paste(text: str, *, source: str = "pasted text") -> None:
    """Raise InputError when a pasted text is over its length limit: a length is known
    without reading the text, so the dashboard checks it before any work is started."""
    if len(text) > limits.LIMITS.paste_chars:
        raise InputError(source, f"{len(text):,} characters, over the limit of {limits.LIMITS.paste_chars:,} "
                                 "for a pasted text; upload it as a file instead")


def from_text(text: str, *, title: str = "", source: str = "pasted text", doc_id: str | None = None) -> Document:
    """A pasted text as a document; raises InputError when it is too long or nothing is left after clean-up."""
    check_paste(text, source=source)
    if not normalize(text):
        raise InputError(source, "empty text")
    return _document(text, source=source, stem=doc_id or "pasted", meta={"title": title})


def _blob(name: str, data: bytes, *, meta: Mapping[str, object] | None = None) -> Iterator[Item]:
    """Documents (or rejections) from one named blob of bytes; dispatch by extension."""
    path = PurePosixPath(name)
    suffix, stem = path.suffix.lower(), path.stem
    try:
        if suffix not in SUPPORTED:
            kind = f"file type '{suffix}'" if suffix else "file without an extension"
            raise InputError(name, f"unsupported {kind} (supported: {', '.join(SUPPORTED)})")
        if len(data) > limits.LIMITS.file_bytes:
            raise InputError(name, f"file is {len(data):,} bytes, over the {limits.LIMITS.file_bytes:,}-byte limit")
        if suffix == ".zip":
            yield from _archive(name, data)
        elif suffix in TABLE_SUFFIXES:
            yield from _table(name, data, stem)
        elif suffix in (".html", ".htm"):
            text, page = html_article(decode(data, name), name)
            yield _document(text, source=name, stem=stem, meta={**page, **(meta or {})})
        elif suffix == ".md":
            yield _document(markdown_text(decode(data, name)), source=name, stem=stem, meta=meta)
        else:
            yield _document(decode(data, name), source=name, stem=stem, meta=meta)
    except InputError as error:
        yield Rejected(error.source, error.message)


def _table(name: str, data: bytes, stem: str) -> Iterator[Item]:
    """One document per CSV row or JSON line; a bad row is rejected, the others kept."""
    for where, number, row in records(decode(data, name), name):
        if isinstance(row, str):
            yield Rejected(where, row)
            continue
        try:
            yield _document(row["text"], source=where, stem=f"{stem}-{number}", meta=row)
        except InputError as error:
            yield Rejected(error.source, error.message)


def _archive(name: str, data: bytes) -> Iterator[Item]:
    """The entries of a zip, read like a folder: `metadata.yaml` files apply to their folder."""
    entries: list[tuple[str, bytes]] = []
    for entry in zip_entries(data, name):
        if isinstance(entry, Rejected):
            yield entry
        else:
            entries.append(entry)
    sidecars: dict[PurePosixPath, Sidecar] = {}
    for source, content in entries:
        if PurePosixPath(source).name == METADATA_FILE:
            sidecar = read_sidecar(content, source)
            yield from sidecar.problems
            sidecars[PurePosixPath(source).parent] = sidecar
    for source, content in entries:
        path = PurePosixPath(source)
        if path.name != METADATA_FILE:
            sidecar = sidecars.get(path.parent)
            yield from _blob(source, content, meta=sidecar.meta.get(path.name) if sidecar else None)


def _walk(path: Path, label: str, meta: Mapping[str, object] | None, seen: set[Path],
          root: Path | None = None) -> Iterator[Item]:
    """Items under `path`, named by `label` (the path relative to the folder given, `root`)."""
    try:
        if root is not None and _leaves(path, root):
            yield Rejected(label, _LINK_OUT)
        elif path.is_dir():
            if path.resolve() in seen:
                return
            seen.add(path.resolve())
            yield from _folder(path, label, seen, root or path.resolve())
        elif not path.exists():
            yield Rejected(label, "no such file or folder")
        elif not path.is_file():
            yield Rejected(label, "not a regular file")
        else:
            yield from _blob(label, _read_file(path, label), meta=meta)
    except InputError as error:
        yield Rejected(error.source, error.message)
    except OSError as error:
        yield Rejected(label or str(path), f"cannot be read ({error.strerror or error})")


def _leaves(path: Path, root: Path) -> bool:
    """Whether `path` is a symbolic link that leads out of `root` (to /etc, say)."""
    return path.is_symlink() and not path.resolve().is_relative_to(root)


def _folder(folder: Path, label: str, seen: set[Path], root: Path) -> Iterator[Item]:
    """A folder, recursively and in sorted order, without hidden files or its sidecar."""
    prefix = f"{label}/" if label else ""
    sidecar, where = None, prefix + METADATA_FILE
    if _leaves(folder / METADATA_FILE, root):
        yield Rejected(where, _LINK_OUT)
    elif (folder / METADATA_FILE).is_file():
        try:
            sidecar = read_sidecar(_read_file(folder / METADATA_FILE, where), where)
            yield from sidecar.problems
        except InputError as error:
            yield Rejected(where, f"metadata ignored: {error.message}")
        except OSError as error:
            yield Rejected(where, f"metadata cannot be read, ignored ({error.strerror or error})")
    for child in sorted(folder.iterdir()):
        if not child.name.startswith(".") and child.name != METADATA_FILE:
            meta = sidecar.meta.get(child.name) if sidecar else None
            yield from _walk(child, prefix + child.name, meta, seen, root)


def _read_file(path: Path, label: str) -> bytes:
    """The file's bytes, refusing large files before reading them (and however they lie)."""
    size, limit = path.stat().st_size, limits.LIMITS.file_bytes
    if size <= limit:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
        if len(data) <= limit:
            return data
        size = max(size, len(data))
    raise InputError(label, f"file is {size:,} bytes, over the {limit:,}-byte limit")


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
    """Read files, folders (recursively, with `metadata.yaml` sidecars) and zip archives.

    A file given directly is named by its file name; one found in a folder by its path
    relative to that folder. `progress` is called with each source as it is read.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    seen: set[Path] = set()
    items = (item for p in map(Path, paths) for item in _walk(p, _top_label(p), None, seen))
    return _collect(items, progress)


def _top_label(path: Path) -> str:
    """How a path given by the user is named: a folder by nothing, a file by its name."""
    if path.is_dir():
        return ""
    return path.name if path.exists() else str(path)


def read_bytes(name: str, data: bytes) -> Corpus:
    """Read one uploaded file (any supported type, including a zip)."""
    return _collect(_blob(name, data))


def check_upload(files: Sequence[tuple[str, bytes]]) -> None:
    """Raise InputError when an upload has too many files or bytes, before any is read."""
    if len(files) > limits.LIMITS.upload_files:
        raise InputError("upload", f"{len(files)} files, over the limit of {limits.LIMITS.upload_files} per upload")
    total = sum(len(data) for _, data in files)
    if total > limits.LIMITS.upload_bytes:
        raise InputError("upload", f"{total:,} bytes in all, over the {limits.LIMITS.upload_bytes:,}-byte limit per upload")


def within_words(items: Iterable[Item], *, left: int) -> Iterator[Item]:
    """The items, with each document that would take the upload past its word limit rejected
    (`left` is what remains of it)."""
    for item in items:
        if isinstance(item, Document):
            words = word_count(item.text)
            if words > left:
                item = Rejected(item.source, f"{words:,} words, more than the {left:,} left of the word limit "
                                             "per upload")
            else:
                left -= words
        yield item


def load_seeds() -> Corpus:
    """The bundled seed articles with their metadata (`seeds/metadata.yaml`)."""
    return read_paths([SEEDS_DIR])
