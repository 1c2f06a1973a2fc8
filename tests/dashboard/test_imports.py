"""What the first page imports: heavy libraries wait until they are needed, so a server starts sooner."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: Loaded only by what needs them: exports, decks, stores, HTML input and scoring.
DEFERRED = ("kaleido", "pptx", "duckdb", "dask", "trafilatura", "analysis.scoring.score", "textblob", "yake")


def test_page_modules_leave_heavy_libraries_unimported() -> None:
    code = ("import sys, dashboard.data, dashboard.state, dashboard.widgets, analysis.charts.figures, analysis.charts.report; "
            f"print(','.join(m for m in {DEFERRED!r} if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == ""


def test_the_launcher_loads_scoring_and_freezes_it_before_the_server_starts() -> None:
    """`python -m dashboard` prepares before it listens: scoring is loaded (so the first visitor
    does not wait for it) and frozen out of the garbage collector's full scans."""
    code = ("import gc, sys; from dashboard.__main__ import prepare; prepare(); "
            "print(gc.get_freeze_count(), 'textblob' in sys.modules, 'analysis.scoring.score' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    assert int(out[0]) > 100_000
    assert out[1:] == ["True", "True"]
