"""How long a filter change takes on the seed corpus, against a cold start in the same run.

A cold start scores every article; a filter change should only read the cache and draw.
Run: .venv/bin/python bench/rerun.py [--repeats N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")


def _timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=10, help="filter changes to time (default 10)")
    args = parser.parse_args()

    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=300)
    cold = _timed(at.run)
    slider = lambda: at.slider(key="filters.min")
    reruns = [_timed(lambda v=v: slider().set_value(v).run()) for v in [0.05 * (i % 8 + 1) for i in range(args.repeats)]]
    if at.exception:
        sys.exit(f"the app raised: {at.exception[0].value}")
    median = statistics.median(reruns)
    print(f"cold start (scores 5 seed articles): {cold:.3f} s")
    print(f"filter change, median of {len(reruns)}:  {median:.3f} s")
    print(f"cold start / filter change:          {cold / median:.1f}x")


if __name__ == "__main__":
    main()
