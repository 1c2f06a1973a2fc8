"""Uploads are read and scored within limits and budgets: a hostile input is rejected with the
limit it broke named, quickly, and the other inputs are still added."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from textblob.en import sentiment as pattern_sentiment

from analysis import limits
from analysis.engines import intake
from analysis.ingest.sidecar import read_sidecar
from analysis.scoring import lexicons
from analysis.scoring.model import load_model
from analysis.scoring.score import score_document
from bench import hostile
from bench.server import alive, descendants

ARTICLE = b"US sanctions hit Huawei's chip supply. Beijing answered with subsidies."
ROOT = Path(__file__).resolve().parents[3]
#: A process whose worker sleeps for ten minutes, within the given time budget.
SLOW_READER = """
import sys, time
from analysis.engines import intake
intake._context()
print("reading", flush=True)
intake._bounded("slow", time.sleep, (600,), float(sys.argv[1]))
"""


def read(*files: tuple[str, bytes], taken: tuple[str, ...] = ()) -> intake.Intake:
    return intake.read_upload(list(files), lexicon_sources={}, taken=taken)


def messages(outcome: intake.Intake) -> dict[str, str]:
    return {r.source: r.message for r in outcome.rejected}


def test_good_files_are_scored_with_unique_ids() -> None:
    outcome = read(("a.txt", ARTICLE), ("b/a.txt", ARTICLE), taken=("a",))
    assert [d.id for d in outcome.documents] == ["a-2", "a-3"]
    assert [r.id for r in outcome.results] == ["a-2", "a-3"]
    assert outcome.results[0].frames == score_document(outcome.documents[0]).frames


@pytest.mark.parametrize(("name", "data", "message"), [
    ("line.txt", hostile.long_line(), "line 1 has 1,999,997 characters, over the limit of 20,000 per line"),
    ("flat.txt", b"word " * 1200, "sentence 1 has 5,999 characters, over the limit of 5,000 per sentence "
                                  "(is its punctuation missing?)"),
])
def test_lines_and_sentences_too_long_for_prose_are_rejected(name: str, data: bytes, message: str) -> None:
    outcome = read((name, data), ("ok.txt", ARTICLE))
    assert messages(outcome) == {name: message}
    assert [d.id for d in outcome.documents] == ["ok"]


def test_an_upload_stops_at_its_word_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "LIMITS", replace(limits.LIMITS, upload_words=15))
    outcome = read(("a.txt", ARTICLE), ("b.txt", ARTICLE), ("c.txt", b"Short one."))
    assert [d.id for d in outcome.documents] == ["a", "c"]
    assert messages(outcome) == {"b.txt": "10 words, more than the 5 left of the word limit per upload"}


def test_a_zip_of_45_mib_is_refused_at_the_word_limit() -> None:
    outcome = read(("bomb.zip", hostile.zip_bomb()))
    assert outcome.documents == ()
    assert set(messages(outcome).values()) == {"1,254,080 words, more than the 100,000 left of the word limit per upload"}


def test_a_huge_paste_is_refused_before_it_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_worker(*args: object) -> intake.Intake:
        raise AssertionError("a paste over the length limit reached the worker")

    monkeypatch.setattr(intake, "_bounded", no_worker)
    outcome = intake.read_paste(hostile.huge_paste(), title="", lexicon_sources={})
    assert messages(outcome) == {"pasted text": "22,000,000 characters, over the limit of 100,000 for a pasted "
                                                "text; upload it as a file instead"}


def test_a_paste_is_scored_in_the_worker() -> None:
    outcome = intake.read_paste(ARTICLE.decode(), title="Chips", lexicon_sources={}, taken=("pasted",))
    assert [r.id for r in outcome.results] == ["pasted-2"] and outcome.results[0].title == "Chips"


def _loaded() -> list[str]:
    """In a worker, before any work: which of scoring's loads it already holds."""
    held = {"model": load_model.cache_info().currsize, "lexicons": lexicons._load.cache_info().currsize,
            "tone": dict.__len__(pattern_sentiment)}  # TextBlob's lexicon fills on first use
    return sorted(name for name, size in held.items() if size)


def test_a_worker_starts_with_what_scoring_loads() -> None:
    assert intake._bounded("probe", _loaded, (), 30.0) == ["lexicons", "model", "tone"]


def test_the_time_budget_stops_one_file_and_keeps_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    # Markdown's bracket parsing is quadratic: 12,000 brackets take about a minute. The article
    # beside them needs well under the limit even in a niced worker on a busy machine.
    monkeypatch.setattr(limits, "LIMITS", replace(limits.LIMITS, file_seconds=10.0))
    outcome = read(("slow.md", b"[" * 12_000), ("ok.txt", ARTICLE))
    assert messages(outcome) == {"slow.md": "reading and scoring it took longer than the time limit of 10 s, "
                                            "so it was stopped"}
    assert [d.id for d in outcome.documents] == ["ok"]


def test_the_memory_budget_stops_one_file(monkeypatch: pytest.MonkeyPatch) -> None:
    # 64 MiB is room enough for scoring the article beside the bomb: the worker starts with the model loaded.
    monkeypatch.setattr(limits, "LIMITS", replace(limits.LIMITS, worker_bytes=64 * 2**20))
    outcome = read(("bomb.zip", hostile.zip_bomb()), ("ok.txt", ARTICLE))
    assert messages(outcome) == {"bomb.zip": "reading and scoring it needed more than the memory limit of 64 MiB, "
                                             "so it was stopped"}
    assert [d.id for d in outcome.documents] == ["ok"]


def test_yaml_aliases_in_metadata_are_refused() -> None:
    sidecar = read_sidecar(hostile.billion_laughs(), "set/metadata.yaml")
    assert sidecar.meta == {}
    assert [(p.source, p.message) for p in sidecar.problems] == [
        ("set/metadata.yaml line 1", "malformed metadata, ignored: anchors and aliases (& and *) are not allowed "
                                     "in metadata files")]
    outcome = read(("set.zip", hostile.laughs_zip()))
    assert [d.id for d in outcome.documents] == ["a"]


def test_the_limits_are_described_with_their_numbers() -> None:
    text = " ".join(limits.describe())
    for number in ("100,000 words", "20,000 characters", "5,000", "60 s", "1024 MiB", "100,000 characters"):
        assert number in text


def _parent(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().split(") ")[1].split()[1])


def _until(found: Callable[[], set[int]], seconds: float) -> set[int]:
    """What `found` returns once it is not empty, or empty after `seconds`."""
    deadline = time.monotonic() + seconds
    while not (result := found()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return result


def _left(pids: set[int], seconds: float) -> set[int]:
    """Those of `pids` still running once all have ended or `seconds` have passed."""
    deadline = time.monotonic() + seconds
    while (running := {p for p in pids if alive(p)}) and time.monotonic() < deadline:
        time.sleep(0.05)
    return running


def _reading(budget: float) -> tuple[subprocess.Popen, set[int]]:
    """A process with a worker at work, and its workers (the processes below its forkserver)."""
    reader = subprocess.Popen([sys.executable, "-c", SLOW_READER, str(budget)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert reader.stdout.readline() == "reading\n"
    workers = _until(lambda: {p for p in descendants(reader.pid) if alive(p) and _parent(p) != reader.pid}, 60)
    assert workers, "no worker started"
    return reader, workers


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGTERM])
def test_no_worker_outlives_the_process_that_started_it(stop: signal.Signals) -> None:
    reader, workers = _reading(600)
    below = descendants(reader.pid)
    try:
        reader.send_signal(stop)
        reader.wait(timeout=30)
        assert _left(below, 10) == set(), f"left running 10 s after the reader was stopped (workers {workers})"
    finally:
        for pid in _left(below, 0):
            os.kill(pid, signal.SIGKILL)


def test_a_worker_nobody_kills_ends_itself_after_its_budget() -> None:
    """The reader is frozen, not dead, so its forkserver stays and only the worker's own alarm can end it."""
    reader, workers = _reading(4)
    reader.send_signal(signal.SIGSTOP)
    try:
        assert _left(workers, 4 + intake.GRACE_SECONDS + 30) == set()
    finally:
        reader.kill()
        reader.wait()
        for pid in _left(workers, 0):
            os.kill(pid, signal.SIGKILL)
