"""The Dask engine on a local cluster gives the local engine's results, in order."""

from __future__ import annotations

import json

from click.testing import CliRunner

from analysis.cli.main import main
from analysis.engines.run import score_documents
from analysis.ingest.read import load_seeds


def test_dask_engine_matches_local() -> None:
    docs = list(load_seeds().documents) * 3
    local = list(score_documents(docs))
    on_dask = list(score_documents(docs, engine="dask"))
    assert [r.id for r in on_dask] == [d.id for d in docs]
    assert on_dask == local


def test_cli_scheduler_needs_dask(seeds_dir) -> None:
    result = CliRunner().invoke(main, ["score", str(seeds_dir), "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2 and "--scheduler needs --engine dask" in result.stderr


def test_cli_dask_engine(seeds_dir) -> None:
    result = CliRunner().invoke(main, ["score", str(seeds_dir / "000_ad6036584162476c.txt"), "--engine", "dask", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["articles"][0]["frames"]["MARKET"]["share"] > 0
