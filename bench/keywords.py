"""Keyword engines: speed of `yake-rust` against the reference `yake`, and how far they agree.

Agreement is the overlap of the two top-10 phrase lists per article (case-insensitive),
averaged over the corpus. For each engine it also reports, on the corpus and on the seeds,
redundancy (share of top-10 phrases whose words all appear in another top-10 phrase) and
fragments (top-10 phrases that start or end with a stopword, verb or adverb, or cut a name). Run: .venv/bin/python bench/keywords.py [--n 200]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.ingest.read import load_seeds
from analysis.scoring.keywords import bad_edge, extract, name_fragment, redundancy
from bench.score import corpus


def main() -> None:
    parser = argparse.ArgumentParser(description="keyword engine benchmark")
    parser.add_argument("--n", type=int, default=200, help="articles (default 200)")
    args = parser.parse_args()
    texts = [d.text for d in corpus(args.n)]
    seeds = [d.text for d in load_seeds().documents]
    timings, tops = {}, {}
    for engine in ("yake", "yake-rust"):
        start = time.perf_counter()
        phrases = [[k.phrase for k in extract(t, top=10, engine=engine)] for t in texts]
        timings[engine] = time.perf_counter() - start
        tops[engine] = [[p.casefold() for p in top] for top in phrases]
        for name, group, found in (("corpus", texts, phrases),
                                   ("seeds", seeds, [[k.phrase for k in extract(t, top=10, engine=engine)] for t in seeds])):
            shares = [redundancy(top) for top in found]
            fragments = sum(1 for t, top in zip(group, found) for p in top if bad_edge(p) or name_fragment(p, t))
            print(f"{engine} on the {name}: redundancy mean {statistics.mean(shares):.2f}, worst {max(shares):.2f}; "
                  f"fragments {fragments}")
    overlaps = [len(set(a) & set(b)) / 10 for a, b in zip(tops["yake"], tops["yake-rust"])]
    seed_overlaps = [len({k.phrase.casefold() for k in extract(t, top=10)}
                         & {k.phrase.casefold() for k in extract(t, top=10, engine="yake-rust")}) / 10 for t in seeds]
    print(f"{args.n} articles, top 10 phrases each")
    print(f"yake (reference): {args.n / timings['yake']:8.1f} articles/s")
    print(f"yake-rust:        {args.n / timings['yake-rust']:8.1f} articles/s   {timings['yake'] / timings['yake-rust']:.1f}x faster")
    print(f"top-10 overlap with the reference: mean {statistics.mean(overlaps):.2f}, "
          f"median {statistics.median(overlaps):.2f}, lowest {min(overlaps):.2f}; on the seeds mean "
          f"{statistics.mean(seed_overlaps):.2f}, lowest {min(seed_overlaps):.2f}")


if __name__ == "__main__":
    main()
