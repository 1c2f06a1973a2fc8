"""Key phrases with YAKE, wrapped once, with two engines behind one adapter.

- "yake-rust": the `yake-rust` bindings, the default: about six times faster, and on the
  text this adapter gives it, it agrees with the reference (bench/keywords.py measures it).
- "yake": the `yake` package, the reference. It reads only snake_case options (camelCase
  ones such as `dedupLim` vanish into its **kwargs) and returns NumPy floats; this adapter
  passes the right names and returns plain floats.
Both engines are the same algorithm on segtok; they differ only in what they do before it,
so the adapter hands both one text: FrameLens's sentences (which also end at a line
break), pieces without a word dropped, one per paragraph. yake first joins a line that
does not start with a capital to the line before (`pre_filter`); yake-rust does not, and
its segtok port misreads a text that starts with a paragraph break, so it gets the text
after yake's `pre_filter`, without the leading break.
Phrases are deduplicated case-insensitively; a lower score is more relevant. Scores keep
six significant digits, not six decimals: on a long article the best phrases score below
1e-6, and fixed decimals would round them to a tie at zero.

A reader would reject these kinds of phrase that YAKE's n-grams produce, so the adapter
drops them (for both engines), filling the list from further candidates:
- a phrase whose words all appear in a higher-ranked phrase ("Great Leap" after "Great
  Leap Forward"), or that holds all the words of one ("Communist Party congress" after
  "Communist Party"); YAKE's own dedup (`dedup_limit`) compares characters, not words;
- a phrase that starts or ends with a verb, an adverb or a stopword ("great famine
  rarely", "Deng Xiaoping staging"), by TextBlob's bundled PatternTagger (no download);
- a piece of a longer name: a capitalised word that, wherever the phrase occurs, always
  follows (or precedes) the same capitalised word ("Jinping renewed calls", "Chinese
  Communist" when the text always says "Chinese Communist Party");
- a phrase that occurs only across a line break (a headline's last word and the next
  line's first words);
- a phrase with a word holding two punctuation marks ("great-leap-forward style"): yake
  counts the marks and never proposes such a phrase, yake-rust counts distinct marks.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache
from importlib import resources
from collections.abc import Sequence
from typing import Literal

import yake
from textblob.en.taggers import PatternTagger
from yake.data.utils import pre_filter

from analysis.ingest.segment import sentences
from analysis.types import Keyword

Engine = Literal["yake", "yake-rust"]
ENGINES: tuple[str, ...] = ("yake", "yake-rust")
DEFAULT_ENGINE: Engine = "yake-rust"

_HAS_WORD = re.compile(r"\w")
#: yake's punctuation; a word with two of these is "unusual" to yake.
_PUNCTUATION = frozenset(string.punctuation)


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


#: Part-of-speech tags (Penn Treebank prefixes) a phrase may not start or end with.
EDGE_TAGS = ("VB", "RB", "DT", "IN", "CC", "TO", "MD", "PRP", "WDT", "WP", "WRB", "EX")


@lru_cache(maxsize=1)
def _tagger() -> PatternTagger:
    return PatternTagger()


def bad_edge(phrase: str, language: str = "en") -> bool:
    """True when the phrase starts or ends with a stopword, or (English) a verb or adverb."""
    words = phrase.split()
    if not words:
        return True
    if words[0].casefold() in stopwords(language) or words[-1].casefold() in stopwords(language):
        return True
    if language != "en":
        return False
    tags = _tagger().tag(phrase)
    return bool(tags) and (tags[0][1].startswith(EDGE_TAGS) or tags[-1][1].startswith(EDGE_TAGS))


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def name_fragment(phrase: str, text: str) -> bool:
    """True when the phrase cuts a name: its first capitalised word always follows the same
    capitalised word in the text, or its last always precedes one."""
    words = phrase.split()
    if not words:
        return False
    pattern = re.compile(r"(?<!\w)" + r"(?:['’]s)?\W+".join(map(re.escape, words)) + r"(?!\w)")
    before, after = set(), set()
    for m in pattern.finditer(text):
        previous = re.search(r"(\w+)[ \t-]+$", text[max(0, m.start() - 60):m.start()])
        following = re.match(r"[ \t-]+(\w+)", text[m.end():m.end() + 60])
        before.add(previous.group(1) if previous else "")
        after.add(following.group(1) if following else "")
    if not before:
        return False
    stop = stopwords()
    cut_before = _capitalised(words[0]) and len(before) == 1 and _capitalised(w := next(iter(before))) \
        and w.casefold() not in stop
    cut_after = _capitalised(words[-1]) and len(after) == 1 and _capitalised(w := next(iter(after))) \
        and w.casefold() not in stop
    return cut_before or cut_after


def within_a_line(phrase: str, text: str) -> bool:
    """True when the phrase occurs somewhere inside one line (not only across a headline's end)."""
    words = phrase.split()
    return re.search(r"(?<!\w)" + r"(?:['’]s)?[^\w\n]+".join(map(re.escape, words)) + r"(?!\w)", text) is not None


def unusual_word(phrase: str) -> bool:
    """True when a word of the phrase holds two or more punctuation marks (yake's "u" tag)."""
    return any(sum(c in _PUNCTUATION for c in word) > 1 for word in phrase.split())


def engine_text(text: str, spans: Sequence[tuple[int, int]] | None = None) -> str:
    """The text both engines split alike: FrameLens's sentences with a word, one per paragraph.

    `spans` are the text's sentence spans when the caller has them already (scoring does).
    """
    spans = sentences(text) if spans is None else spans
    return "\n\n".join(piece for a, b in spans if _HAS_WORD.search(piece := text[a:b]))


def redundancy(phrases: list[str]) -> float:
    """Share of phrases whose words all appear in another phrase of the list."""
    words = [{w.casefold() for w in p.split()} for p in phrases]
    covered = sum(1 for i, mine in enumerate(words) if any(mine <= other for j, other in enumerate(words) if j != i))
    return covered / len(phrases) if phrases else 0.0


def _readable(candidates: list[str], text: str, *, top: int, language: str) -> list[str]:
    """The first `top` candidates a reader accepts (see the module docstring)."""
    kept: list[str] = []
    kept_words: list[set[str]] = []
    for phrase in candidates:
        words = {w.casefold() for w in phrase.split()}
        if any(words <= other or other <= words for other in kept_words):
            continue
        if unusual_word(phrase) or bad_edge(phrase, language) or name_fragment(phrase, text) \
                or not within_a_line(phrase, text):
            continue
        kept.append(phrase)
        kept_words.append(words)
        if len(kept) == top:
            break
    return kept


def extract(
    text: str,
    *,
    top: int = 20,
    ngram_max: int = 3,
    dedup_limit: float = 0.9,
    window_size: int = 1,
    language: str = "en",
    engine: Engine = DEFAULT_ENGINE,
    spans: Sequence[tuple[int, int]] | None = None,
) -> tuple[Keyword, ...]:
    """Up to `top` key phrases, most relevant (lowest score) first; `spans` as in `engine_text`."""
    _check(top=top, ngram_max=ngram_max, dedup_limit=dedup_limit, window_size=window_size, language=language,
           engine=engine)
    if not text.strip():
        return ()
    # Ask for extra candidates so that duplicates and rejected phrases do not shorten the list.
    wanted = top * 4 + 20
    split = engine_text(text, spans)
    if not split:
        return ()
    if engine == "yake-rust":
        raw = _rust_extractor(language, ngram_max, dedup_limit, window_size).get_n_best(
            pre_filter(split).lstrip("\n"), n=wanted)
    else:
        raw = _extractor(language, ngram_max, dedup_limit, window_size, wanted).extract_keywords(split)
    scores: dict[str, float] = {}
    for phrase, score in sorted(raw, key=lambda item: (float(item[1]), item[0])):
        if not any(phrase.casefold() == seen.casefold() for seen in scores):
            scores[phrase] = float(f"{float(score):.6g}")
    return tuple(Keyword(phrase=p, score=scores[p]) for p in _readable(list(scores), text, top=top, language=language))
