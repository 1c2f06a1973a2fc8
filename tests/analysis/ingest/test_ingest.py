from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from analysis import limits
from analysis.charts.export import zip_bytes
from analysis.errors import InputError
from analysis.ingest import read as ingest
from analysis.ingest.read import from_text, load_seeds, read_bytes, read_paths
from analysis.types import Corpus, Rejected

ARTICLE = "US export controls hit Chinese chipmakers.\n\nBeijing vowed self-reliance."
PAGE = b"""<html><head><title>Chip curbs bite</title><script>var tracker = 'alert(1)';</script>
<link rel="canonical" href="https://example.com/chips"><meta property="article:published_time" content="2023-10-17">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/subscribe">Subscribe now</a></nav>
<article><h1>Chip curbs bite</h1>
<p>US export controls have hit Chinese chipmakers hard this year, according to officials and analysts.</p>
<script>document.write('injected junk');</script>
<p>Beijing has answered with a push for self-reliance in semiconductors, pouring subsidies into new fabs.</p>
<p>Critics warn that much of the money will be wasted on projects that never produce a working chip.</p>
</article><footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"""
SUPPORTED = "(supported: .txt, .md, .html, .htm, .csv, .jsonl, .zip)"


def texts(corpus: Corpus) -> dict[str, str]:
    return {doc.source: doc.text for doc in corpus.documents}


def problems(corpus: Corpus) -> dict[str, str]:
    return {r.source: r.message for r in corpus.rejected}


# --- each supported type -------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("a.txt", ARTICLE.encode(), {"a.txt": ARTICLE}),
        ("a.md", b"# Chips\n\nSanctions *bite* [hard](http://x.org).\n\n- one\n- two\n\n<script>x()</script>",
         {"a.md": "Chips\n\nSanctions bite hard.\n\none\ntwo"}),
        ("a.htm", (b"<html><body><article><p>Export controls on chips were tightened again this year by the "
                  b"US government, officials said on Monday in Washington.</p></article></body></html>"),
         {"a.htm": "Export controls on chips were tightened again this year by the US government, "
                   "officials said on Monday in Washington."}),
        ("a.csv", b"id,text\nx1,Export controls bite.\nx2,\"Two lines,\nwith a comma.\"\n",
         {"a.csv row 2": "Export controls bite.", "a.csv row 3": "Two lines,\nwith a comma."}),
        ("mac.csv", b"id,text\rx1,Export controls bite.\r", {"mac.csv row 2": "Export controls bite."}),
        ("a.jsonl", b'{"text": "Entity list grows."}\n\n{"text": "Chips \\u201cwar\\u201d."}\n',
         {"a.jsonl line 1": "Entity list grows.", "a.jsonl line 3": 'Chips "war".'}),
        ("set.zip", zip_bytes({"one.txt": b"Export controls.", "d/two.md": b"**Subsidies.**"}),
         {"set.zip/one.txt": "Export controls.", "set.zip/d/two.md": "Subsidies."}),
    ],
)
def test_each_supported_type_is_read(name: str, data: bytes, expected: dict[str, str]) -> None:
    corpus = read_bytes(name, data)
    assert corpus.rejected == ()
    assert texts(corpus) == expected


def test_html_keeps_the_main_text_only() -> None:
    doc = read_bytes("page.html", PAGE).documents[0]
    assert doc.text.startswith("Chip curbs bite\nUS export controls have hit Chinese chipmakers hard")
    assert doc.text.endswith("never produce a working chip.")
    for junk in ("tracker", "alert", "injected", "Subscribe", "Home", "Copyright"):
        assert junk not in doc.text
    assert (doc.id, doc.title, doc.url, doc.date) == (
        "page", "Chip curbs bite", "https://example.com/chips", "2023-10-17")


def test_html_date_is_never_guessed_from_the_text() -> None:
    page = PAGE.replace(b'<meta property="article:published_time" content="2023-10-17">', b"")
    page = page.replace(b"this year", b"since 2008")
    assert read_bytes("page.html", page).documents[0].date == ""


# --- encodings ------------------------------------------------------------------------

BIG5 = "\u53f0\u7063\u7a4d\u9ad4\u96fb\u8def\u88fd\u9020\u516c\u53f8"
POLISH = "Polska gospodarka zale\u017cy od p\u00f3\u0142przewodnik\u00f3w, wi\u0119c rz\u0105d wspiera produkcj\u0119."
MOSTLY_UTF8 = ("Beijing\u2019s \u201cwhole nation\u201d drive \u2014 a new push. " * 5).encode() + b"\xff end."


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Caf\u00e9 \u201cquotes\u201d \u2014 dash".encode("cp1252"), 'Caf\u00e9 "quotes" \u2014 dash'),
        ("Short \u00e9".encode("cp1252"), "Short \u00e9"),
        ("na\u00efve r\u00e9sum\u00e9 fa\u00e7ade".encode("cp1252"), "na\u00efve r\u00e9sum\u00e9 fa\u00e7ade"),
        ("L'\u00e9conomie d\u00e9pend de l'\u00c9tat, qui d\u00e9cide o\u00f9 va l'argent.".encode("cp1252"),
         "L'\u00e9conomie d\u00e9pend de l'\u00c9tat, qui d\u00e9cide o\u00f9 va l'argent."),
        ("Pr\u00e4sident Xi f\u00f6rdert Halbleiter; Kritiker warnen vor \u00dcberkapazit\u00e4ten.".encode("latin-1"),
         "Pr\u00e4sident Xi f\u00f6rdert Halbleiter; Kritiker warnen vor \u00dcberkapazit\u00e4ten."),
        ("Sanctions on Huawei grew.".encode("utf-16"), "Sanctions on Huawei grew."),
        ("Sanctions on Huawei grew.".encode("utf-16-le"), "Sanctions on Huawei grew."),
        ("Sanctions on Huawei grew.".encode("utf-16-be"), "Sanctions on Huawei grew."),
        (BIG5.encode("big5"), BIG5),
        (POLISH.encode("cp1250"), POLISH),
        ("\u534e\u4e3a\u82af\u7247 sanctions.".encode("utf-32"), "\u534e\u4e3a\u82af\u7247 sanctions."),
        ("\ufeffBOM first.".encode("utf-8"), "BOM first."),
        ("\u4e2d\u56fd\u82af\u7247\u4ea7\u4e1a\u7684\u53d1\u5c55\u53d7\u5230\u7f8e\u56fd\u51fa\u53e3\u7ba1\u5236"
         "\u7684\u5f71\u54cd\u3002".encode("gb18030"),
         ("\u4e2d\u56fd\u82af\u7247\u4ea7\u4e1a\u7684\u53d1\u5c55\u53d7\u5230\u7f8e\u56fd\u51fa\u53e3\u7ba1\u5236"
         "\u7684\u5f71\u54cd\u3002")),
        ("The firm \u534e\u4e3a\u6280\u672f was added to the list.".encode("gb18030"),
         "The firm \u534e\u4e3a\u6280\u672f was added to the list."),
        ("\u041c\u043e\u0441\u043a\u0432\u0430 \u0438 \u041f\u0435\u043a\u0438\u043d.".encode("cp1251"),
         "\u041c\u043e\u0441\u043a\u0432\u0430 \u0438 \u041f\u0435\u043a\u0438\u043d."),
        (MOSTLY_UTF8, "Beijing's \"whole nation\" drive \u2014 a new push. " * 5 + "\ufffd end."),
    ],
)
def test_encodings_are_detected(data: bytes, text: str) -> None:
    corpus = read_bytes("a.txt", data)
    assert corpus.rejected == ()
    assert corpus.documents[0].text == text


# --- bad inputs: a specific reason, and the other files are still read ----------------

@pytest.mark.parametrize(
    ("name", "data", "source", "message"),
    [
        ("empty.txt", b"", "empty.txt", "empty file"),
        ("blank.md", b"   \n\n ", "blank.md", "empty file"),
        ("invisible.txt", "\u200b\u200b\n\ufeff".encode(), "invisible.txt", "no text left after clean-up"),
        ("nul.txt", b"\x00\x01\x02\x03binary\x00\xff\xfe\x00\x10", "nul.txt", "binary or undecodable data, not text"),
        ("photo.txt", bytes(range(256)) * 8, "photo.txt", "binary or undecodable data, not text"),
        ("controls.txt", bytes(range(1, 32)) * 8, "controls.txt", "binary or undecodable data, not text"),
        ("pic.png", b"\x89PNG\r\n", "pic.png", f"unsupported file type '.png' {SUPPORTED}"),
        ("README", b"text", "README", f"unsupported file without an extension {SUPPORTED}"),
        ("bad.zip", b"PK not really", "bad.zip", "not a readable zip archive (File is not a zip file)"),
        ("empty.html", b"<html><body><script>x()</script></body></html>", "empty.html",
         "no article text found in the HTML"),
        ("rows.csv", b"id,body\n1,hello\n", "rows.csv",
         "CSV needs a 'text' column (optional: id, title, outlet, kind, date, url)"),
        ("rows.csv", b"\r!", "rows.csv", "CSV needs a 'text' column (optional: id, title, outlet, kind, date, url)"),
        ("rows.csv", b"id,text\n1,\n", "rows.csv row 2", "missing or empty 'text'"),
        ("rows.csv", b"id,text\n1,a,b\n", "rows.csv row 2",
         "3 cells but 2 columns in the header (a comma in an unquoted cell?)"),
        ("rows.csv", b"text,date\nChips.,5 March 2021\n", "rows.csv row 2",
         "date '5 March 2021' is not ISO (yyyy-mm-dd, yyyy-mm or yyyy)"),
        ("rows.jsonl", b'{"text": "x"\n', "rows.jsonl line 1", "invalid JSON (Expecting ',' delimiter at column 13)"),
        ("rows.jsonl", b"[1, 2]\n", "rows.jsonl line 1", "expected a JSON object with a 'text' field"),
        ("rows.jsonl", b'{"title": "No text"}\n', "rows.jsonl line 1", "missing or empty 'text'"),
        ("rows.jsonl", b'{"text": 42}\n', "rows.jsonl line 1", "'text' must be a string, not a number"),
        ("rows.jsonl", b'{"text": "x", "title": {"a": 1}}\n', "rows.jsonl line 1",
         "'title' must be a string or a number, not an object"),
        ("set.zip", zip_bytes({"inner.zip": b"PK"}), "set.zip/inner.zip", "nested archive, not expanded"),
        ("set.zip", zip_bytes({"../evil.txt": b"x"}), "set.zip/../evil.txt",
         "unsafe path in archive (absolute or '..'), not read"),
        ("set.zip", zip_bytes({"/abs.txt": b"x"}), "set.zip//abs.txt",
         "unsafe path in archive (absolute or '..'), not read"),
        ("set.zip", zip_bytes({"notes.pdf": b"%PDF"}), "set.zip/notes.pdf", f"unsupported file type '.pdf' {SUPPORTED}"),
    ],
)
def test_bad_input_is_rejected_and_the_others_read(
    tmp_path: Path, name: str, data: bytes, source: str, message: str
) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / name).write_bytes(data)
    corpus = read_paths([tmp_path])
    assert texts(corpus) == {"good.txt": ARTICLE}
    assert corpus.rejected == (Rejected(source, message),)


def test_missing_path_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    corpus = read_paths([tmp_path / "missing.txt", tmp_path / "good.txt"])
    assert texts(corpus) == {"good.txt": ARTICLE}
    assert problems(corpus) == {str(tmp_path / "missing.txt"): "no such file or folder"}


def test_special_file_is_rejected(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    corpus = read_paths([tmp_path])
    assert texts(corpus) == {"good.txt": ARTICLE}
    assert problems(corpus) == {"pipe.txt": "not a regular file"}


def test_oversized_file_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(limits, "LIMITS", replace(limits.LIMITS, file_bytes=10))
    (tmp_path / "big.txt").write_text("x" * 11, encoding="utf-8")
    (tmp_path / "ok.txt").write_text("small", encoding="utf-8")
    corpus = read_paths([tmp_path])
    assert [d.id for d in corpus.documents] == ["ok"]
    assert problems(corpus) == {"big.txt": "file is 11 bytes, over the 10-byte limit"}
    assert problems(read_bytes("big.txt", b"x" * 11)) == {"big.txt": "file is 11 bytes, over the 10-byte limit"}


def test_zip_bomb_is_stopped_and_earlier_entries_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "LIMITS", replace(limits.LIMITS, zip_bytes=1000))
    corpus = read_bytes("bomb.zip", zip_bytes({"a.txt": b"ok text", "b.txt": b"a" * 5000, "c.txt": b"late"}))
    assert list(texts(corpus)) == ["bomb.zip/a.txt"]
    unread = "not read: the archive reached its 1,000-byte limit"
    assert problems(corpus) == {"bomb.zip": "archive expands past the 1,000-byte limit (zip bomb?)",
                                "bomb.zip/b.txt": unread, "bomb.zip/c.txt": unread}
    assert corpus.rejected[0].source == "bomb.zip"


def test_zip_with_lying_sizes_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "LIMITS", replace(limits.LIMITS, zip_bytes=1000))
    data = bytearray(zip_bytes({"a.txt": b"a" * 5000}))
    central = data.rindex(b"PK\x01\x02")
    data[central + 24:central + 28] = (10).to_bytes(4, "little")  # declared uncompressed size: 10
    corpus = read_bytes("liar.zip", bytes(data))
    assert corpus.documents == ()
    assert problems(corpus) == {"liar.zip/a.txt": "entry cannot be read (Bad CRC-32 for file 'a.txt')"}


def test_zip_with_too_many_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "LIMITS", replace(limits.LIMITS, zip_entries=2))
    corpus = read_bytes("many.zip", zip_bytes({f"{i}.txt": b"x" for i in range(3)}))
    assert problems(corpus) == {"many.zip": "archive has 3 entries, over the 2-entry limit"}


# --- tables ---------------------------------------------------------------------------

def test_csv_rows_metadata_and_row_numbers() -> None:
    data = ("\ufeffID;Title;Text;Outlet;Date\n"
            "x1;First;Export controls bite.;Wire;2021-03-05T08:00:00Z\n"
            "\n"
            ";Second;;Wire;\n"
            ";Third;\"Subsidies were\nwasted.\";Blog;2021\n").encode()
    corpus = read_bytes("rows.csv", data)
    first, third = corpus.documents
    assert (first.id, first.source, first.title, first.outlet, first.date) == (
        "x1", "rows.csv row 2", "First", "Wire", "2021-03-05")
    assert (third.id, third.source, third.text, third.date) == (
        "rows-5", "rows.csv row 5", "Subsidies were\nwasted.", "2021")
    assert problems(corpus) == {"rows.csv row 4": "missing or empty 'text'"}


def test_a_cell_longer_than_the_csv_module_default_keeps_every_row() -> None:
    line = "Export controls bite, " + "very " * 900 + "hard."  # each line a sentence within the limits
    long_text = "\n".join([line] * 30)
    rows = [f"r{i},\"Subsidies were wasted, row {i}.\"" for i in range(2, 2002)]
    rows[500] = f"r502,\"{long_text}\""  # data row 502 of the spreadsheet, over 131,072 characters
    corpus = read_bytes("big.csv", ("id,text\n" + "\n".join(rows) + "\n").encode())
    assert problems(corpus) == {}
    assert len(corpus.documents) == 2000
    by_id = {d.id: d for d in corpus.documents}
    assert by_id["r502"].text == long_text and by_id["r502"].source == "big.csv row 502"
    assert by_id["r2001"].source == "big.csv row 2001"


# --- ids, titles, sidecars ------------------------------------------------------------

def test_ids_are_unique_across_folders_rows_and_sidecars(tmp_path: Path) -> None:
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text("Export controls.", encoding="utf-8")
    (tmp_path / "t.csv").write_text("id,text\nsame,One.\nsame,Two.\n,Three.\n", encoding="utf-8")
    corpus = read_paths([tmp_path])
    assert [(d.source, d.id) for d in corpus.documents] == [
        ("t.csv row 2", "same"), ("t.csv row 3", "same-2"), ("t.csv row 4", "t-4"),
        ("x/same.txt", "same-3"), ("y/same.txt", "same-4"),
    ]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Chips war deepens\n\nThe US widened its curbs.", "Chips war deepens"),
        ("Will the chip curbs work?\nAnalysts doubt it.", "Will the chip curbs work?"),
        ("The US widened its curbs.\nBeijing vowed to respond.", "The US widened its curbs."),
        ("A" * 121 + "\nBody.", "A" * 59 + "…"),
        ("Only one line without a period", "Only one line without a period"),
        ("One two three four five six seven eight nine ten.", "One two three four five six seven eight…"),
    ],
)
def test_title_from_a_short_first_line(text: str, title: str) -> None:
    assert read_bytes("a.txt", text.encode()).documents[0].title == title


SIDECAR = """articles:
  - file: a.txt
    id: A1
    title: Given title
    outlet: Wire
    kind: op-ed
    date: 2024-05-01
    url: https://example.com/a
  - file: page.html
    title: ""
    outlet: Example News
"""


def test_sidecar_metadata_wins_and_empty_values_do_not(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Headline here\n\n" + ARTICLE, encoding="utf-8")
    (tmp_path / "page.html").write_bytes(PAGE)
    (tmp_path / "metadata.yaml").write_text(SIDECAR, encoding="utf-8")
    corpus = read_paths([tmp_path])
    assert corpus.rejected == ()
    a, page = corpus.documents
    assert (a.id, a.title, a.outlet, a.kind, a.date, a.url) == (
        "A1", "Given title", "Wire", "op-ed", "2024-05-01", "https://example.com/a")
    assert (page.id, page.title, page.outlet) == ("page", "Chip curbs bite", "Example News")


def test_sidecar_inside_a_zip_applies_to_its_folder() -> None:
    data = zip_bytes({"d/metadata.yaml": SIDECAR.encode(), "d/a.txt": ARTICLE.encode(), "a.txt": ARTICLE.encode()})
    corpus = read_bytes("set.zip", data)
    assert [(d.source, d.id) for d in corpus.documents] == [("set.zip/d/a.txt", "A1"), ("set.zip/a.txt", "a")]


@pytest.mark.parametrize(
    ("sidecar", "source", "message"),
    [
        ("articles:\n  - file: a.txt\n   id: [broken\n", "metadata.yaml line 3",
         "malformed metadata, ignored: expected <block end>, but found '<block mapping start>'"),
        ("- a.txt\n", "metadata.yaml", ("malformed metadata, ignored: expected 'articles:' with a list of entries, "
         "each with a 'file' and any of id, title, outlet, kind, date, url")),
        ("articles:\n  - id: X\n", "metadata.yaml entry 1", ("metadata entry ignored: expected 'articles:' with a list "
         "of entries, each with a 'file' and any of id, title, outlet, kind, date, url")),
        ("articles:\n  - file: a.txt\n    titel: Typo\n", "metadata.yaml entry 1 (a.txt)",
         "unknown field(s) titel ignored; fields: id, title, outlet, kind, date, url"),
    ],
)
def test_malformed_sidecar_is_reported_and_articles_still_read(
    tmp_path: Path, sidecar: str, source: str, message: str
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "metadata.yaml").write_text(sidecar, encoding="utf-8")
    corpus = read_paths([tmp_path])
    assert [d.id for d in corpus.documents] == ["a"]
    assert corpus.rejected == (Rejected(source, message),)


# --- folders, paste, seeds ------------------------------------------------------------

def test_folder_is_walked_sorted_without_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.md").write_text("Third.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("skip me", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("skip me", encoding="utf-8")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)
    progress: list[str] = []
    corpus = read_paths(str(tmp_path), progress=progress.append)
    assert list(texts(corpus)) == ["a.txt", "b.txt", "sub/c.md"]
    assert progress == ["a.txt", "b.txt", "sub/c.md"]
    assert corpus.rejected == ()


def test_from_text() -> None:
    doc = from_text("  Sanctions   bite.  ", title="Pasted", doc_id="p1")
    assert (doc.id, doc.text, doc.title, doc.source) == ("p1", "Sanctions bite.", "Pasted", "pasted text")
    assert from_text("Chips war\nSanctions bite.").title == "Chips war"
    for empty in ("   ", "\u200b\n\u00a0"):
        with pytest.raises(InputError, match="^pasted text: empty text$"):
            from_text(empty)


def test_load_seeds_with_metadata_and_trimming() -> None:
    corpus = load_seeds()
    assert corpus.rejected == ()
    docs = {d.id: d for d in corpus.documents}
    assert list(docs) == ["000", "001", "002", "003", "004"]
    assert {i: d.kind for i, d in docs.items()} == {
        "000": "op-ed", "001": "analysis", "002": "wire report", "003": "analysis", "004": "history reference"}
    assert docs["002"].title == "Xi renews call for China tech push after US escalates curbs"
    assert docs["003"].title.startswith('The two sessions exploded the "14th Five-Year Plan" ambition')
    assert docs["004"].title == "The Great Leap Forward (China, 1958-1960)"
    assert docs["000"].title == "When Mao Zedong was still alive, the Chinese…"
    assert docs["001"].title.startswith("Following a meeting of the Chinese")
    assert (docs["002"].outlet, docs["003"].date) == ("Bloomberg", "2021")
    assert docs["002"].trimmed.startswith("Leave a Reply")
    assert "Robust Philippine economy" in docs["002"].trimmed and "Philippine" not in docs["002"].text
    assert docs["004"].trimmed == "Previous Post"
    assert all(docs[i].trimmed == "" for i in ("000", "001", "003"))
    assert docs["000"].source == "000_ad6036584162476c.txt"


def test_upload_file_and_byte_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "LIMITS", replace(limits.LIMITS, upload_files=1))
    with pytest.raises(InputError, match="upload: 2 files, over the limit of 1 per upload"):
        ingest.check_upload([("a.txt", b"x"), ("b.txt", b"y")])
    monkeypatch.setattr(limits, "LIMITS", replace(limits.LIMITS, upload_bytes=3))
    with pytest.raises(InputError, match="upload: 4 bytes in all, over the 3-byte limit per upload"):
        ingest.check_upload([("a.txt", b"xxxx")])


def test_jsonl_keeps_json_line_separators_inside_strings() -> None:
    line = json.dumps({"text": "Chips\u2028war."}, ensure_ascii=False)
    corpus = read_bytes("rows.jsonl", (line + "\n").encode())
    assert texts(corpus) == {"rows.jsonl line 1": "Chips\nwar."}


def test_symlinks_out_of_the_folder_are_named_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Private export control notes.", encoding="utf-8")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "passwd.txt").symlink_to(outside / "secret.txt")
    (folder / "etc").symlink_to(outside, target_is_directory=True)
    (folder / "sub" / "up.txt").symlink_to(Path("..") / ".." / "outside" / "secret.txt")
    (folder / "alias.txt").symlink_to(folder / "good.txt")  # inside the folder: read
    corpus = read_paths([folder])
    assert sorted(texts(corpus)) == ["alias.txt", "good.txt"]
    refused = "symbolic link to a place outside the folder, not followed"
    assert problems(corpus) == {"passwd.txt": refused, "etc": refused, "sub/up.txt": refused}
    assert texts(read_paths([folder / "passwd.txt"])) == {"passwd.txt": "Private export control notes."}
