from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from analysis.cli.common import EXIT_PARTIAL
from analysis.cli.main import main

README = Path(__file__).resolve().parents[3] / "README.md"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("US sanctions and export controls target Chinese chipmakers.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Xi's chip drive is a new Great Leap Forward, critics say.", encoding="utf-8")
    return tmp_path


def test_score_json(runner: CliRunner, articles: Path) -> None:
    result = runner.invoke(main, ["score", str(articles)])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["schema"] == "framelens.score/1"
    assert [a["id"] for a in document["articles"]] == ["a", "b"]
    assert document["articles"][0]["frames"]["SECURITY"]["share"] == 1.0


def test_score_csv_to_file(runner: CliRunner, articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = runner.invoke(main, ["score", str(articles / "a.txt"), "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,title,source,words")
    assert lines[1].startswith("a,")


def test_score_table(runner: CliRunner, articles: Path) -> None:
    result = runner.invoke(main, ["score", str(articles), "--format", "table"])
    assert result.exit_code == 0
    assert "SECURITY_share" in result.stdout and "ANALOGY" in result.stdout


def test_bad_file_is_reported_and_others_scored(runner: CliRunner, articles: Path) -> None:
    (articles / "c.txt").write_bytes(b"\x00\x01\x02binary\x00")
    result = runner.invoke(main, ["score", str(articles)])
    assert result.exit_code == EXIT_PARTIAL
    assert [a["id"] for a in json.loads(result.stdout)["articles"]] == ["a", "b"]
    assert "skipped: c.txt:" in result.stderr
    assert "Traceback" not in result.output


def test_nothing_readable_is_one_line_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["score", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == "Error: no readable article in the given paths"


def test_unknown_format_is_usage_error(runner: CliRunner, articles: Path) -> None:
    result = runner.invoke(main, ["score", str(articles), "--format", "xml"])
    assert result.exit_code == 2
    assert "'xml' is not one of 'json', 'csv', 'table'" in result.stderr


def test_compare(runner: CliRunner, articles: Path) -> None:
    result = runner.invoke(main, ["compare", str(articles / "a.txt"), str(articles / "b.txt"), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    deltas = {d["frame"]: d for d in data["frames"]}
    assert deltas["SECURITY"]["share_a"] == 1.0 and deltas["SECURITY"]["share_b"] == 0.0


def test_compare_table(runner: CliRunner, articles: Path) -> None:
    result = runner.invoke(main, ["compare", str(articles / "a.txt"), str(articles / "b.txt")])
    assert result.exit_code == 0, result.output
    assert "SECURITY" in result.stdout and "distinctive" in result.stdout.lower()


def test_keywords(runner: CliRunner, articles: Path) -> None:
    result = runner.invoke(main, ["keywords", str(articles / "a.txt"), "--top", "3"])
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert lines[0].split() == ["id", "rank", "phrase", "score"]
    assert 1 < len(lines) <= 4


@pytest.mark.parametrize("command", ["score", "compare", "keywords", "evaluate", "export"])
def test_every_command_has_help_with_example_and_is_in_readme(runner: CliRunner, command: str) -> None:
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: python -m analysis " + command in result.stdout
    assert f"python -m analysis {command}" in README.read_text(encoding="utf-8")


def test_evaluate_against_gold(runner: CliRunner, articles: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.csv"
    gold.write_text(
        "article_id,start,end,text,labels\n"
        'a,,,"US sanctions and export controls target Chinese chipmakers.",SECURITY\n'
        'b,,,"Xi\'s chip drive is a new Great Leap Forward, critics say.",HISTORY\n',
        encoding="utf-8",
    )
    result = runner.invoke(main, ["evaluate", "--gold", str(gold), str(articles), "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)["scores"]
    assert scores["SECURITY"]["f1"] == 1.0
    assert scores["HISTORY"]["recall"] == 0.0 and scores["ANALOGY"]["fp"] == 1


def test_evaluate_bad_gold_is_one_line(runner: CliRunner, articles: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.csv"
    gold.write_text("id,text\n1,x\n", encoding="utf-8")
    result = runner.invoke(main, ["evaluate", "--gold", str(gold), str(articles)])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: {gold}: missing column(s) article_id, start, end, labels; expected header article_id,start,end,text,labels"
    )


def test_export_writes_named_files(runner: CliRunner, articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "exports"
    result = runner.invoke(main, ["export", str(articles), "--out", str(out), "--formats", "html,csv"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert any(re.fullmatch(r"frame-profile_a-[a-z0-9-]+-vs-b-[a-z0-9-]+\.csv", n) for n in names)  # id and title words
    assert "frame-heatmap_overview.html" in names
    assert "report.html" in names and "evidence.csv" in names
    assert not any(n.endswith((".png", ".pptx")) for n in names)


def test_export_rejects_unknown_format(runner: CliRunner, articles: Path, tmp_path: Path) -> None:
    result = runner.invoke(main, ["export", str(articles), "--out", str(tmp_path), "--formats", "png,gif"])
    assert result.exit_code == 2
    assert "unknown format(s) gif; valid: png, svg, html, csv, pptx" in result.stderr


def test_score_saves_a_store(runner: CliRunner, articles: Path, tmp_path: Path) -> None:
    from analysis.corpus import store

    path = tmp_path / "corpus.duckdb"
    result = runner.invoke(main, ["score", str(articles), "--format", "csv", "--store", str(path)])
    assert result.exit_code == 0, result.output
    assert f"saved 2 articles to {path}" in result.stderr
    assert list(store.Store(path).matching()["id"]) == ["a", "b"]


def test_score_with_an_edited_lexicon_folder(runner: CliRunner, articles: Path, tmp_path: Path) -> None:
    from analysis.scoring.lexicons import default_source

    folder = tmp_path / "my-lexicons"
    folder.mkdir()
    (folder / "security.yaml").write_text(default_source("SECURITY").replace("sanction*", "sanctionsxyz"),
                                          encoding="utf-8")

    def cues(args: list[str]) -> set[str]:
        result = runner.invoke(main, ["score", str(articles / "a.txt"), "--no-cache", *args])
        assert result.exit_code == 0, result.output
        (article,) = json.loads(result.stdout)["articles"]
        return {c["text"] for s in article["sentences"] for c in s["frames"].get("SECURITY", {}).get("cues", [])
                if c["role"] in ("strong", "weak", "domain")}

    assert "sanctions" in cues([])
    assert "sanctions" not in cues(["--lexicons", str(folder)])

    (folder / "security.yaml").write_text("groups: [unclosed", encoding="utf-8")
    broken = runner.invoke(main, ["score", str(articles), "--lexicons", str(folder)])
    assert broken.exit_code == 1 and "security.yaml" in broken.output and "Traceback" not in broken.output
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = runner.invoke(main, ["score", str(articles), "--lexicons", str(empty)])
    assert nothing.exit_code == 1 and "no lexicon file here" in nothing.output


def test_every_output_of_one_run_holds_the_same_articles(runner: CliRunner, articles: Path, tmp_path: Path) -> None:
    from analysis.corpus.store import Store

    for name in ("c", "d", "e"):
        (articles / f"{name}.txt").write_text(f"Subsidies for {name} were wasted by planners.", encoding="utf-8")
    out, path = tmp_path / "scores.json", tmp_path / "corpus.duckdb"
    result = runner.invoke(main, ["score", str(articles), "--out", str(out), "--store", str(path), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["schema"] == "framelens.score/1"
    ids = [a["id"] for a in document["articles"]]
    assert ids == ["a", "b", "c", "d", "e"]
    stored = Store(path).matching().set_index("id")
    assert list(stored.index) == ids
    assert [stored.loc[a["id"], "MARKET"] for a in document["articles"]] == [
        a["frames"]["MARKET"]["share"] for a in document["articles"]]
    csv_out = runner.invoke(main, ["score", str(articles), "--format", "csv"])
    assert [line.split(",")[0] for line in csv_out.stdout.splitlines()] == ["id", *ids]


def test_an_empty_lexicon_file_in_the_folder_is_an_error(runner: CliRunner, articles: Path, tmp_path: Path) -> None:
    folder = tmp_path / "my-lexicons"
    folder.mkdir()
    (folder / "market.yaml").write_text("", encoding="utf-8")
    result = runner.invoke(main, ["score", str(articles), "--lexicons", str(folder)])
    assert result.exit_code == 1
    assert result.output == "Error: market.yaml: the file is empty\n"


def test_score_refuses_to_overwrite_its_input_with_a_store(runner: CliRunner, articles: Path) -> None:
    source = articles / "a.txt"
    before = source.read_text(encoding="utf-8")
    result = runner.invoke(main, ["score", str(source), "--store", str(source)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"Error: Invalid value for '--store': {source}: exists and is not a FrameLens store; not overwritten")
    assert source.read_text(encoding="utf-8") == before


@pytest.mark.parametrize("option", ["--out", "--store"])
def test_output_locations_are_checked_before_anything_is_written(
        runner: CliRunner, articles: Path, tmp_path: Path, option: str) -> None:
    out = tmp_path / "scores.json"
    out.write_text("old", encoding="utf-8")
    missing = tmp_path / "no-such-folder" / "x"
    args = ["--out", str(missing)] if option == "--out" else ["--out", str(out), "--store", str(missing)]
    result = runner.invoke(main, ["score", str(articles), *args])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"Error: Invalid value for '{option}': {missing}: folder {missing.parent} does not exist")
    assert out.read_text(encoding="utf-8") == "old"
    folder = runner.invoke(main, ["score", str(articles), option, str(tmp_path)])
    assert folder.exit_code == 2 and f"{tmp_path}: is a folder, not a file" in folder.stderr


def test_an_interrupted_score_leaves_out_and_store_as_they_were(
        runner: CliRunner, articles: Path, tmp_path_factory: pytest.TempPathFactory,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from analysis.cli import common as cli
    from analysis.corpus.store import Store

    outputs = tmp_path_factory.mktemp("outputs")
    out, path = outputs / "scores.csv", outputs / "corpus.duckdb"
    assert runner.invoke(main, ["score", str(articles), "--format", "csv", "--out", str(out), "--store", str(path)]
                         ).exit_code == 0
    before = out.read_text(encoding="utf-8")
    real = cli.score_documents

    def interrupted(docs, **options):
        yield from real(docs[:1], **options)
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "score_documents", interrupted)
    (articles / "c.txt").write_text("Subsidies were wasted.", encoding="utf-8")
    result = runner.invoke(main, ["score", str(articles), "--format", "csv", "--out", str(out), "--store", str(path)])
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8") == before
    assert list(Store(path).matching()["id"]) == ["a", "b"]
    assert sorted(p.name for p in outputs.iterdir()) == ["corpus.duckdb", "scores.csv"]


def test_export_names_files_by_a_slug_of_the_id(runner: CliRunner, tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("id,text\nnyt/2021/03/chips,Export controls bite hard.\n"
                    "x/../../../PWNED,Subsidies were wasted by planners.\n", encoding="utf-8")
    out = tmp_path / "exports"
    result = runner.invoke(main, ["export", str(rows), "--out", str(out), "--formats", "csv"])
    assert result.exit_code == 0, result.output
    assert all(p.is_file() for p in out.iterdir())
    names = sorted(p.name for p in out.iterdir())
    flows = [n for n in names if n.startswith("frame-flow_")]
    assert len(flows) == 2 and all(re.fullmatch(r"frame-flow_[A-Za-z0-9-]+\.csv", n) for n in flows)
    assert any(n.startswith("frame-flow_nyt-2021-03-chips-") for n in flows)
    assert not (tmp_path / "PWNED.csv").exists()
    assert "nyt/2021/03/chips" in (out / "evidence.csv").read_text(encoding="utf-8")
