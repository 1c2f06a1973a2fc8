"""Key phrases with YAKE, wrapped once, with two engines behind one adapter.

- "yake": the `yake` package, the reference and the default. It reads only snake_case
  options (camelCase ones such as `dedupLim` vanish into its **kwargs) and returns NumPy
  floats; this adapter passes the right names and returns plain floats.
- "yake-rust": the `yake-rust` bindings, about five times faster; their top phrases
  differ from the reference on some texts (bench/keywords.py measures by how much).
Phrases are deduplicated case-insensitively; a lower score is more relevant. Scores keep
six significant digits, not six decimals: on a long article the best phrases score below
1e-6, and fixed decimals would round them to a tie at zero.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Literal

import yake

from analysis.types import Keyword

Engine = Literal["yake", "yake-rust"]
ENGINES: tuple[str, ...] = ("yake", "yake-rust")


@lru_cache(maxsize=1)
def languages() -> tuple[str, ...]:
    """Language codes with a stopword list bundled in yake; both engines know all of them.

    Checked up front because yake silently falls back to a language-neutral list for an
    unknown code, and yake-rust aborts with a Rust panic.
    """
    lists = resources.files("yake.core").joinpath("StopwordsList").iterdir()
    codes = (f.name.removeprefix("stopwords_").removesuffix(".txt") for f in lists if f.name.startswith("stopwords_"))
    return tuple(sorted(code for code in codes if code != "noLang"))


@lru_cache(maxsize=4)
def stopwords(language: str = "en") -> frozenset[str]:
    """yake's stopword list for a language, lower-cased."""
    text = resources.files("yake.core").joinpath("StopwordsList", f"stopwords_{language}.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


@lru_cache(maxsize=16)
def _rust_extractor(language: str, ngram_max: int, dedup_limit: float, window_size: int):
    import yake_rust

    return yake_rust.Yake(language=language, ngrams=ngram_max, deduplication_threshold=dedup_limit,
                          window_size=window_size)


@lru_cache(maxsize=16)
def _extractor(language: str, ngram_max: int, dedup_limit: float, window_size: int, top: int) -> yake.KeywordExtractor:
    return yake.KeywordExtractor(
        lan=language, n=ngram_max, dedup_lim=dedup_limit, window_size=window_size, top=top
    )


def _check(*, top: int, ngram_max: int, dedup_limit: float, window_size: int, language: str, engine: str) -> None:
    if engine not in ENGINES:
        raise ValueError(f"engine={engine!r}: valid engines are {', '.join(ENGINES)}")
    if language not in languages():
        raise ValueError(f"language={language!r}: valid languages are {', '.join(languages())}")
    if not 1 <= top <= 200:
        raise ValueError(f"top={top}: must be between 1 and 200")
    if not 1 <= ngram_max <= 6:
        raise ValueError(f"ngram_max={ngram_max}: must be between 1 and 6")
    if not 0 < dedup_limit <= 1:
        raise ValueError(f"dedup_limit={dedup_limit}: must be in (0, 1]")
    if not 1 <= window_size <= 5:
        raise ValueError(f"window_size={window_size}: must be between 1 and 5")


def extract(
    text: str,
    *,
    top: int = 20,
    ngram_max: int = 3,
    dedup_limit: float = 0.9,
    window_size: int = 1,
    language: str = "en",
    engine: Engine = "yake",
) -> tuple[Keyword, ...]:
    """Up to `top` key phrases, most relevant (lowest score) first."""
    _check(top=top, ngram_max=ngram_max, dedup_limit=dedup_limit, window_size=window_size, language=language,
           engine=engine)
    if not text.strip():
        return ()
    # Ask for extra candidates so that case-insensitive duplicates do not shorten the list.
    if engine == "yake-rust":
        raw = _rust_extractor(language, ngram_max, dedup_limit, window_size).get_n_best(text, n=top * 2)
    else:
        raw = _extractor(language, ngram_max, dedup_limit, window_size, top * 2).extract_keywords(text)
    seen: set[str] = set()
    phrases = []
    for phrase, score in sorted(raw, key=lambda item: (float(item[1]), item[0])):
        key = phrase.casefold()
        if key not in seen:
            seen.add(key)
            phrases.append(Keyword(phrase=phrase, score=float(f"{float(score):.6g}")))
    return tuple(phrases[:top])
