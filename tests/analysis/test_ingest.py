from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis import archive, ingest
from analysis.errors import InputError
from analysis.export import zip_bytes
from analysis.ingest import from_text, load_seeds, read_bytes, read_paths

ARTICLE = "US export controls hit Chinese chipmakers.\n\nBeijing vowed self-reliance."
HTML = b"""<html><head><title>Chip curbs bite</title><script>alert('x')</script></head>
<body><nav>Home | World | Tech | Subscribe</nav>
<article><h1>Chip curbs bite</h1>
<p>US export controls have hit Chinese chipmakers hard this year, according to officials and analysts.</p>
<p>Beijing has answered with a push for self-reliance in semiconductors, pouring subsidies into new fabs.</p>
<p>Critics warn that much of the money will be wasted on projects that never produce a working chip.</p>
</article><footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"""


_zip = zip_bytes


@pytest.mark.parametrize(
    ("name", "data", "text"),
    [
        ("a.txt", ARTICLE.encode(), ARTICLE),
        ("a.md", b"# Title\n\nSanctions bite.", "# Title\n\nSanctions bite."),
        ("a.txt", "Caf\u00e9 “quotes” — dash".encode("cp1252"), 'Caf\u00e9 "quotes" — dash'),
        ("a.txt", "Sanctions on Huawei grew.".encode("utf-16"), "Sanctions on Huawei grew."),
        ("a.txt", "Sanctions on Huawei grew.".encode("utf-16-le"), "Sanctions on Huawei grew."),
        ("a.txt", "\ufeffBOM first.".encode("utf-8"), "BOM first."),
        ("a.txt", "中国芯片产业的发展受到美国出口管制的影响。".encode("gb18030"), "中国芯片产业的发展受到美国出口管制的影响。"),
    ],
)
def test_text_files_are_decoded(name: str, data: bytes, text: str) -> None:
    corpus = read_bytes(name, data)
    assert corpus.rejected == ()
    assert corpus.documents[0].text == text


def test_html_main_text_without_scripts_or_navigation() -> None:
    doc = read_bytes("page.html", HTML).documents[0]
    assert "export controls have hit Chinese chipmakers" in doc.text
    assert "alert" not in doc.text and "Subscribe" not in doc.text
    assert doc.title == "Chip curbs bite"


def test_csv_rows_and_bad_rows() -> None:
    data = b'id,title,text,outlet\nx1,First,"Export controls bite.",Wire\n,Second,,Wire\nx3,Third,"Subsidies were wasted.",Blog\n'
    corpus = read_bytes("rows.csv", data)
    assert [d.id for d in corpus.documents] == ["x1", "x3"]
    assert corpus.documents[0].outlet == "Wire" and corpus.documents[1].title == "Third"
    assert corpus.rejected[0].source == "rows.csv row 3"
    assert corpus.rejected[0].message == "missing or empty 'text'"


def test_csv_without_text_column() -> None:
    corpus = read_bytes("rows.csv", b"id,body\n1,hello\n")
    assert corpus.rejected[0].message.startswith("CSV needs a 'text' column")


def test_jsonl_rows_and_malformed_line() -> None:
    lines = [json.dumps({"text": "Entity list grows.", "title": "T1"}), "{not json", json.dumps([1, 2]), json.dumps({"text": "Chips."})]
    corpus = read_bytes("rows.jsonl", "\n".join(lines).encode())
    assert [d.id for d in corpus.documents] == ["rows-1", "rows-4"]
    assert [r.source for r in corpus.rejected] == ["rows.jsonl line 2", "rows.jsonl line 3"]
    assert corpus.rejected[0].message.startswith("invalid JSON")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"   \n\n ", "empty file"),
        ("bin.txt", b"\x00\x01\x02\x03binary\x00\xff\xfe\x00\x10", "binary or undecodable data, not text"),
        ("pic.png", b"\x89PNG\r\n", "unsupported file type '.png' (supported: .txt, .md, .html, .htm, .csv, .jsonl, .zip)"),
        ("noext", b"text", "unsupported file type 'noext' (supported: .txt, .md, .html, .htm, .csv, .jsonl, .zip)"),
        ("bad.zip", b"PK not really", "not a readable zip archive"),
        ("empty.html", b"<html><body><script>x()</script></body></html>", "no article text found in the HTML"),
    ],
)
def test_bad_inputs_are_rejected_with_a_reason(name: str, data: bytes, message: str) -> None:
    corpus = read_bytes(name, data)
    assert corpus.documents == ()
    assert corpus.rejected[0].source == name
    assert corpus.rejected[0].message.startswith(message)


def test_oversized_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 10)
    (tmp_path / "big.txt").write_text("x" * 11)
    (tmp_path / "ok.txt").write_text("small")
    corpus = read_paths([tmp_path])
    assert [d.id for d in corpus.documents] == ["ok"]
    assert corpus.rejected[0].message == "file is 11 bytes, over the 10-byte limit"


def test_folder_keeps_good_files_and_reports_bad_ones(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_bytes(b"\x00\x00\x01\x02")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.md").write_text("Export controls.")
    (tmp_path / ".hidden.txt").write_text("skip me")
    progress: list[str] = []
    corpus = read_paths([tmp_path, tmp_path / "missing.txt"], progress=progress.append)
    assert [d.id for d in corpus.documents] == ["a", "c"]
    assert {r.source: r.message for r in corpus.rejected} == {
        "b.txt": "binary or undecodable data, not text",
        str(tmp_path / "missing.txt"): "no such file or folder",
    }
    assert len(progress) == 4


def test_zip_entries_and_unsafe_paths() -> None:
    data = _zip({"one.txt": b"Export controls.", "../evil.txt": b"x", "/abs.txt": b"x", "inner.zip": b"PK", "d/two.md": b"Subsidies."})
    corpus = read_bytes("set.zip", data)
    assert [d.source for d in corpus.documents] == ["set.zip/one.txt", "set.zip/d/two.md"]
    messages = {r.source: r.message for r in corpus.rejected}
    assert messages["set.zip/../evil.txt"].startswith("unsafe path")
    assert messages["set.zip//abs.txt"].startswith("unsafe path")
    assert messages["set.zip/inner.zip"] == "nested archive, not expanded"


def test_zip_bomb_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_ZIP_TOTAL_BYTES", 1000)
    corpus = read_bytes("bomb.zip", _zip({"a.txt": b"ok text", "b.txt": b"a" * 5000}))
    assert [d.source for d in corpus.documents] == ["bomb.zip/a.txt"]
    assert corpus.rejected[0].message == "archive expands past the 1,000-byte limit (zip bomb?)"


def test_zip_with_too_many_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_ZIP_ENTRIES", 2)
    corpus = read_bytes("many.zip", _zip({f"{i}.txt": b"x" for i in range(3)}))
    assert corpus.rejected[0].message == "archive has 3 entries, over the 2-entry limit"


def test_ids_are_unique(tmp_path: Path) -> None:
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text("Export controls.")
    corpus = read_paths([tmp_path])
    assert [d.id for d in corpus.documents] == ["same", "same-2"]


def test_sidecar_metadata_and_malformed_sidecar(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "metadata.yaml").write_text("articles:\n  - file: a.txt\n    id: A1\n    outlet: Wire\n    date: '2024-05-01'\n")
    doc = read_paths([tmp_path]).documents[0]
    assert (doc.id, doc.outlet, doc.date) == ("A1", "Wire", "2024-05-01")
    (tmp_path / "metadata.yaml").write_text("articles:\n  - file: a.txt\n   id: [broken\n")
    corpus = read_paths([tmp_path])
    assert corpus.documents[0].id == "a"
    assert corpus.rejected[0].source == "metadata.yaml line 3"
    assert corpus.rejected[0].message.startswith("malformed metadata, ignored")


def test_from_text() -> None:
    doc = from_text("  Sanctions   bite.  ", title="Pasted")
    assert (doc.text, doc.title, doc.source) == ("Sanctions bite.", "Pasted", "pasted text")
    with pytest.raises(InputError, match="pasted text: empty text"):
        from_text("   ")


def test_load_seeds_with_metadata_and_trimming() -> None:
    corpus = load_seeds()
    assert corpus.rejected == ()
    docs = {d.id: d for d in corpus.documents}
    assert list(docs) == ["000", "001", "002", "003", "004"]
    assert docs["004"].kind == "history reference"
    assert docs["002"].title == "Xi renews call for China tech push after US escalates curbs"
    assert docs["002"].trimmed.startswith("Leave a Reply")
    assert "Robust Philippine economy" in docs["002"].trimmed and "Philippine" not in docs["002"].text
    assert docs["004"].trimmed == "Previous Post"
    assert docs["000"].trimmed == ""


def test_read_uploads_limits_and_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = ingest.read_uploads([("a.txt", b"Export controls."), ("b.txt", b"")], taken=["a"])
    assert [d.id for d in corpus.documents] == ["a-2"]
    assert corpus.rejected[0].message == "empty file"
    monkeypatch.setattr(ingest, "MAX_UPLOAD_FILES", 1)
    with pytest.raises(InputError, match="upload: 2 files, over the limit of 1 per upload"):
        ingest.read_uploads([("a.txt", b"x"), ("b.txt", b"y")])
    monkeypatch.setattr(ingest, "MAX_UPLOAD_BYTES", 3)
    with pytest.raises(InputError, match="upload: 4 bytes in all, over the 3-byte limit per upload"):
        ingest.read_uploads([("a.txt", b"xxxx")])
