"""Hostile inputs: each gives a clear error or a safe result, never a crash or a hang."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pandas as pd

from analysis.charts.export import safe_csv
from analysis.ingest.read import read_bytes, read_paths
from analysis.scoring.score import score_document
from analysis.serialize import sentence_rows


def test_binary_data_named_txt(tmp_path: Path) -> None:
    (tmp_path / "photo.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "ok.txt").write_text("Export controls bite.")
    corpus = read_paths([tmp_path])
    assert [d.id for d in corpus.documents] == ["ok"]
    assert corpus.rejected[0].message == "binary or undecodable data, not text"


def test_a_200_mb_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    corpus = read_paths([big])
    assert corpus.rejected[0].message == "file is 209,715,200 bytes, over the 10,485,760-byte limit"


def test_real_zip_bomb_is_stopped() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", "Export controls bite.")
        archive.writestr("bomb.txt", b"0" * (60 * 1024 * 1024))
    data = buffer.getvalue()
    assert len(data) < 200_000
    corpus = read_bytes("bomb.zip", data)
    assert [d.source for d in corpus.documents] == ["bomb.zip/a.txt"]
    assert corpus.rejected[0].message == "archive expands past the 52,428,800-byte limit (zip bomb?)"


def test_zip_path_tricks_are_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in ("/etc/passwd.txt", "../../up.txt", "a/../../b.txt", "C:/win.txt", "fine.txt"):
            archive.writestr(name, "Export controls.")
    corpus = read_bytes("tricks.zip", buffer.getvalue())
    assert [d.source for d in corpus.documents] == ["tricks.zip/fine.txt"]
    assert len(corpus.rejected) == 4
    assert all(r.message.startswith("unsafe path in archive") for r in corpus.rejected)


def test_html_scripts_and_handlers_never_reach_the_text() -> None:
    page = (b"<html><body><script>steal()</script><article><p onclick='steal()'>Export controls on chips "
            b"were tightened again this year by the US government, officials said on Monday.</p>"
            b"<p>Beijing answered with new subsidies for its own chipmakers and research labs.</p>"
            b"<img src=x onerror='steal()'></article></body></html>")
    doc = read_bytes("page.html", page).documents[0]
    assert "steal" not in doc.text and "onclick" not in doc.text and "Export controls" in doc.text


def test_csv_formula_injection_is_neutralised_on_export() -> None:
    data = b'id,text\nevil,"=cmd|\' /C calc\'!A0 and export controls."\nok,"+SUM(1) sanctions."\n'
    corpus = read_bytes("evil.csv", data)
    assert [d.id for d in corpus.documents] == ["evil", "ok"]
    rows = sentence_rows([score_document(d) for d in corpus.documents])
    exported = pd.read_csv(io.BytesIO(safe_csv(pd.DataFrame(rows))))
    assert exported["text"].tolist()[0].startswith("'=cmd|")
    assert all(not str(v).startswith(("=", "+", "-", "@")) for v in exported["text"])


def test_score_csv_defuses_formula_cells(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from analysis.cli.main import main

    (tmp_path / "rows.csv").write_text(
        'id,title,outlet,text\n"=HYPERLINK(""http://evil"",""x"")",@x,+1,Export controls bite.\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["score", str(tmp_path / "rows.csv"), "--format", "csv", "--no-cache"])
    assert result.exit_code == 0, result.output
    row = next(csv.DictReader(io.StringIO(result.stdout)))
    assert row["id"] == "'=HYPERLINK(\"http://evil\",\"x\")"
    assert row["title"] == "'@x"


def test_gold_labels_with_formula_text_round_trip() -> None:
    from analysis.gold.evaluate import GoldSentence, parse_gold, write_gold

    gold = (GoldSentence("-1", 0, 10, "=SUM(A1) is cheap.", ("MARKET",)),
            GoldSentence("a", None, None, "'Quoted' start.", ()))
    text = write_gold(gold)
    assert "\n'-1,0,10,'=SUM(A1) is cheap.," in text
    assert parse_gold(text, source="mine.csv") == gold


def test_csv_is_written_in_one_place_only() -> None:
    """Every CSV goes through analysis/csvout.py, which defuses formulas; no other writer exists."""
    root = Path(__file__).resolve().parents[3]
    writers = re.compile(r"csv\.writer|DictWriter|\.to_csv\(")
    found = [f"{path.relative_to(root)}:{number}"
             for folder in ("analysis", "dashboard") for path in sorted((root / folder).rglob("*.py"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if writers.search(line) and path.name != "csvout.py"]
    assert found == []
