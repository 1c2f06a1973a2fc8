"""Keyword engines: speed of `yake-rust` against the reference `yake`, and how far they agree.

Agreement is the overlap of the two top-10 phrase lists per article (case-insensitive),
averaged over the corpus. Run: .venv/bin/python bench/keywords.py [--n 200]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.keywords import extract
from bench.score import corpus


def main() -> None:
    parser = argparse.ArgumentParser(description="keyword engine benchmark")
    parser.add_argument("--n", type=int, default=200, help="articles (default 200)")
    args = parser.parse_args()
    texts = [d.text for d in corpus(args.n)]
    timings, tops = {}, {}
    for engine in ("yake", "yake-rust"):
        start = time.perf_counter()
        tops[engine] = [[k.phrase.casefold() for k in extract(t, top=10, engine=engine)] for t in texts]
        timings[engine] = time.perf_counter() - start
    overlaps = [len(set(a) & set(b)) / 10 for a, b in zip(tops["yake"], tops["yake-rust"])]
    print(f"{args.n} articles, top 10 phrases each")
    print(f"yake (reference): {args.n / timings['yake']:8.1f} articles/s")
    print(f"yake-rust:        {args.n / timings['yake-rust']:8.1f} articles/s   {timings['yake'] / timings['yake-rust']:.1f}x faster")
    print(f"top-10 overlap with the reference: mean {statistics.mean(overlaps):.2f}, "
          f"median {statistics.median(overlaps):.2f}, lowest {min(overlaps):.2f}")


if __name__ == "__main__":
    main()
