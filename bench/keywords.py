"""Keyword engines: speed of `yake-rust` (the default) against the reference `yake`, and how far they agree.

Agreement is the overlap of the two top-10 phrase lists per article (case-insensitive),
averaged over the corpus and over the seeds; the default engine is only allowed to differ
from the reference when both means are at least 0.95 and no article is below 0.8. For each
engine it also reports, on the corpus and on the seeds, redundancy (share of top-10 phrases
whose words all appear in another top-10 phrase) and fragments (top-10 phrases that start
or end with a stopword, verb or adverb, or cut a name). Run: python -m bench.keywords [--n 200]
"""

from __future__ import annotations

import argparse
import statistics
import time

from analysis.ingest.read import load_seeds
from analysis.scoring.keywords import bad_edge, extract, name_fragment, redundancy
from bench.score import corpus


def overlaps(first: list[list[str]], second: list[list[str]]) -> list[float]:
    """Per text, the share of the first top 10 that the second also has."""
    return [len(set(a) & set(b)) / 10 for a, b in zip(first, second)]


def main() -> None:
    parser = argparse.ArgumentParser(description="keyword engine benchmark")
    parser.add_argument("--n", type=int, default=200, help="articles (default 200)")
    args = parser.parse_args()
    groups = {"corpus": [d.text for d in corpus(args.n)], "seeds": [d.text for d in load_seeds().documents]}
    timings: dict[str, float] = {}
    tops: dict[tuple[str, str], list[list[str]]] = {}
    for engine in ("yake", "yake-rust"):
        for name, texts in groups.items():
            start = time.perf_counter()
            found = [[k.phrase for k in extract(t, top=10, engine=engine)] for t in texts]
            if name == "corpus":
                timings[engine] = time.perf_counter() - start
            tops[engine, name] = [[p.casefold() for p in top] for top in found]
            shares = [redundancy(top) for top in found]
            fragments = sum(1 for t, top in zip(texts, found) for p in top if bad_edge(p) or name_fragment(p, t))
            print(f"{engine} on the {name}: redundancy mean {statistics.mean(shares):.2f}, worst {max(shares):.2f}; "
                  f"fragments {fragments}")
    print(f"{args.n} articles, top 10 phrases each")
    print(f"yake (reference): {args.n / timings['yake']:8.1f} articles/s")
    print(f"yake-rust:        {args.n / timings['yake-rust']:8.1f} articles/s   "
          f"{timings['yake'] / timings['yake-rust']:.1f}x faster")
    for name in groups:
        shares = overlaps(tops["yake", name], tops["yake-rust", name])
        print(f"top-10 overlap with the reference on the {name}: mean {statistics.mean(shares):.3f}, "
              f"median {statistics.median(shares):.2f}, lowest {min(shares):.2f}")


if __name__ == "__main__":
    main()
