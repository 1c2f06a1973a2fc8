"""Reopening a large scored corpus: the dashboard on a DuckDB store, against the seeds in the same run.

Scores D distinct articles built from the seeds' sentences, writes N results (the D
repeated under new ids, with kinds, outlets and dates in turn) to a store, then times the
dashboard (Streamlit's AppTest, no browser) on it: opening the Overview, changing filters,
searching, and opening an article in the Reader. The same steps on the five seeds
(scored in the session, warm cache) are the baseline; the ratio says what 2,000 times
more articles cost. Nothing is rescored when the store opens (the bench fails if it is).

Run: .venv/bin/python bench/store.py [--n 10000] [--distinct 200]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from streamlit.testing.v1 import AppTest

from analysis.corpus import store
from analysis.engines.run import score_documents
from bench.score import corpus

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")
KINDS = ("op-ed", "analysis", "wire report", "history reference")
OUTLETS = ("Outlet A", "Outlet B", "Outlet C", "Outlet D", "Outlet E", "")


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def session_steps(at: AppTest, article: str) -> dict[str, float]:
    """Seconds for each step a class takes: open, three filter changes, a search, the Reader."""
    times = {"open Overview": _timed(at.run)}
    times["filter: minimum share"] = _timed(lambda: at.slider(key="filters.min").set_value(0.3).run())
    times["filter: kind"] = _timed(lambda: at.multiselect(key="filters.kinds").set_value(["analysis"]).run())
    times["search a phrase"] = _timed(lambda: at.text_input(key="filters.query").set_value("export controls").run())
    at.text_input(key="filters.query").set_value("").run()
    at.slider(key="filters.min").set_value(0.0).run()
    at.multiselect(key="filters.kinds").set_value([]).run()

    def read() -> None:
        at.switch_page("views/reader.py")
        at.run()
        at.selectbox(key="reader.article").set_value(article).run()

    times["open an article"] = _timed(read)
    if at.exception:
        sys.exit(f"the app raised: {at.exception[0].value}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10000, help="articles in the store (default 10000)")
    parser.add_argument("--distinct", type=int, default=200, help="distinct articles scored (default 200)")
    args = parser.parse_args()

    import streamlit as st

    import dashboard.data

    start = time.perf_counter()
    scored = list(score_documents(corpus(args.distinct)))
    scoring = time.perf_counter() - start
    results = (replace(scored[i % len(scored)], id=f"s{i:05d}", kind=KINDS[i % 4], outlet=OUTLETS[i % 6],
                       date=f"{2015 + i % 10}-{1 + i % 12:02d}") for i in range(args.n))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.duckdb"
        saving = _timed(lambda: store.save(results, path))
        size = path.stat().st_size / 2**20

        st.cache_data.clear()
        baseline = AppTest.from_file(APP, default_timeout=600)
        session_steps(baseline, "001")  # scores the seeds once: the baseline is the warm session
        seeds = session_steps(AppTest.from_file(APP, default_timeout=600), "001")

        os.environ["FRAMELENS_STORE"] = str(path)
        dashboard.data.score_document = lambda *a, **k: sys.exit("the store was rescored")
        on_store = session_steps(AppTest.from_file(APP, default_timeout=600), f"s{min(args.n, 1000) // 2:05d}")

    print(f"store: {args.n:,} articles ({args.distinct} distinct, scored in {scoring:.1f} s), "
          f"written in {saving:.1f} s, {size:.0f} MiB")
    print(f"{'step':24} {'5 seeds':>9} {f'{args.n:,} stored':>14} {'ratio':>7}")
    for step in seeds:
        print(f"{step:24} {seeds[step]:8.2f}s {on_store[step]:13.2f}s {on_store[step] / seeds[step]:6.1f}x")
    total = sum(on_store.values()) / sum(seeds.values())
    print(f"{'all steps':24} {sum(seeds.values()):8.2f}s {sum(on_store.values()):13.2f}s {total:6.1f}x")
    print(f"median step on the store: {statistics.median(on_store.values()):.2f} s; "
          f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
