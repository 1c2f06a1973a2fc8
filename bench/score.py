"""Scoring throughput: FrameLens against a naive loop, in the same run.

Builds a corpus of N articles from the seeds' sentences (deterministic), then times
- baseline: a plain loop calling TextBlob sentiment and YAKE once per article;
- FrameLens: full scoring (sentences, frames with evidence, tone per sentence,
  keywords) on every core, cold cache, and on one process, cold cache;
- FrameLens again on the same corpus, warm cache.
Prints articles per second for each, the ratios, peak memory, and a profile of one
process: the share of scoring time spent in each step (cue matching, the model, tone,
keywords). The profiled process does what each scoring worker does
(analysis/engines/parallel.py): it freezes its objects after its first document, so a full
collection does not scan this process's long-lived objects in the middle of whichever
step happens to allocate then.

Run: .venv/bin/python bench/score.py [--n 1000] [--jobs N]
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yake
from textblob import TextBlob

from analysis.engines.cache import ResultCache
from analysis.engines.parallel import default_jobs
from analysis.engines.run import score_documents
from analysis.ingest.read import load_seeds
from analysis.ingest.segment import sentences
from analysis.scoring import features, keywords, tone
from analysis.scoring import score as score_module
from analysis.scoring.lexicons import load_lexicons
from analysis.scoring.score import score_document
from analysis.types import Document


def corpus(n: int, *, sentences_per_article: int = 30, seed: int = 7) -> list[Document]:
    pool = [d.text[a:b] for d in load_seeds().documents for a, b in sentences(d.text)]
    rng = random.Random(seed)
    return [Document(id=f"b{i:05d}", source="bench", text=" ".join(rng.sample(pool, sentences_per_article)))
            for i in range(n)]


def rate(n: int, seconds: float) -> str:
    return f"{n / seconds:8.1f} articles/s ({seconds:.1f} s)"


def profile(docs: list[Document]) -> dict[str, float]:
    """Share of one process's scoring time in each step, timed around the step's function;
    the process freezes its objects after the first document, as a scoring worker does."""
    spent = dict.fromkeys(("cue matching", "model", "tone", "keywords"), 0.0)

    def timed(name: str, function):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start
        return wrapper

    patches = [(features, "match", "cue matching"), (score_module, "decide", "model"), (tone, "tones", "tone"),
               (keywords, "extract", "keywords")]
    saved = [(module, attr, getattr(module, attr)) for module, attr, _ in patches]
    lexicons = load_lexicons()
    try:
        for module, attr, name in patches:
            setattr(module, attr, timed(name, getattr(module, attr)))
        start = time.perf_counter()
        for number, doc in enumerate(docs):
            score_document(doc, lexicons=lexicons)
            if number == 0:
                gc.freeze()
        total = time.perf_counter() - start
    finally:
        gc.unfreeze()
        for module, attr, original in saved:
            setattr(module, attr, original)
    return {name: seconds / total for name, seconds in spent.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description="FrameLens scoring benchmark")
    parser.add_argument("--n", type=int, default=1000, help="articles in the corpus (default 1000)")
    parser.add_argument("--jobs", type=int, default=default_jobs(), help="processes for FrameLens (default: all cores)")
    args = parser.parse_args()
    docs = corpus(args.n)

    start = time.perf_counter()
    extractor = yake.KeywordExtractor(lan="en", n=3, top=20)
    for doc in docs:
        TextBlob(doc.text).sentiment
        extractor.extract_keywords(doc.text)
    baseline = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as folder:
        cache = ResultCache(Path(folder) / "bench.sqlite")
        start = time.perf_counter()
        count = sum(1 for _ in score_documents(docs, cache=cache, jobs=args.jobs))
        cold = time.perf_counter() - start
        start = time.perf_counter()
        sum(1 for _ in score_documents(docs, cache=cache, jobs=1))
        warm = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        sum(1 for _ in score_documents(docs, cache=ResultCache(Path(folder) / "one.sqlite"), jobs=1))
        single = time.perf_counter() - start
    shares = profile(docs[: max(1, args.n // 10)])
    assert count == args.n

    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"corpus: {args.n} articles of 30 seed sentences; FrameLens jobs={args.jobs}")
    print(f"baseline (TextBlob + YAKE loop): {rate(args.n, baseline)}")
    print(f"FrameLens, cold cache:           {rate(args.n, cold)}   {baseline / cold:.2f}x baseline")
    print(f"FrameLens, cold cache, 1 process:{rate(args.n, single)}   {baseline / single:.2f}x baseline")
    print(f"FrameLens, warm cache:           {rate(args.n, warm)}   {baseline / warm:.2f}x baseline")
    print("profile (1 process, share of scoring time): "
          + ", ".join(f"{name} {share:.1%}" for name, share in shares.items()))
    print(f"peak memory: main process {peak_self:.0f} MiB, largest worker {peak_children:.0f} MiB")


if __name__ == "__main__":
    main()
