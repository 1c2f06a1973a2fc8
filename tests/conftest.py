"""Shared fixtures: sample texts, the seeds, and an isolated result cache."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the user's own result cache or added articles."""
    monkeypatch.setenv("FRAMELENS_CACHE", str(tmp_path_factory.mktemp("cache") / "results.sqlite"))
    monkeypatch.setenv("FRAMELENS_DATA", str(tmp_path_factory.mktemp("articles")))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_results():
    """The five seeds, scored once per test session."""
    from analysis.ingest.read import load_seeds
    from analysis.engines.run import score_documents

    return {r.id: r for r in score_documents(load_seeds().documents)}
