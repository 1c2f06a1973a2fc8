"""Every regex the analysis layer runs, on 100,000-character adversarial strings.

A regex that backtracks (nested or overlapping quantifiers) takes quadratic or worse time
on some input; here each call must finish within a fixed multiple of a linear scan of the
same string, measured in the same run, so a slow machine does not fail the test.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import signal
import time
from collections.abc import Callable, Iterator

import pytest

import analysis
from analysis.scoring.lexicons import load_lexicons

SIZE = 100_000
#: How many linear scans one call may cost: generous for a big alternation, far below
#: what a backtracking pattern needs on 100k characters (minutes).
RATIO = 200
ADVERSARIAL = {
    "letter, dots, letter": "a" + "." * (SIZE - 2) + "b",
    "dots": "." * SIZE,
    "spaces": " " * SIZE,
    "newlines": "\n" * SIZE,
    "space-newline": " \n" * (SIZE // 2),
    "letters": "a" * SIZE,
    "letters then bang": "a" * (SIZE - 1) + "!",
    "digits": "1" * SIZE,
    "dashes": "-" * SIZE,
    "words": "ab " * (SIZE // 3),
    "hyphenated": "a-" * (SIZE // 2),
    "apostrophes": "a'" * (SIZE // 2),
    "dates": "2021-" * (SIZE // 5),
    "zero-width": "\u200b" * SIZE,
    "capitals": "US " * (SIZE // 3),
}


def _module_patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    """Every compiled pattern held by an analysis module, directly or in a tuple, list or dict."""
    for info in pkgutil.walk_packages(analysis.__path__, prefix="analysis."):
        if info.name == "analysis.__main__":
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            values = value.values() if isinstance(value, dict) else value if isinstance(value, (tuple, list)) else [value]
            for item in values:
                if isinstance(item, re.Pattern) and isinstance(item.pattern, str):
                    yield f"{info.name}.{name}", item


def _all_patterns() -> dict[str, re.Pattern[str]]:
    found = dict(_module_patterns())
    lexicons = load_lexicons()
    for frame, groups in lexicons.groups.items():
        for group in groups.values():
            found[f"lexicon {frame}.{group.name}"] = group.pattern
    return found


PATTERNS = _all_patterns()


def test_patterns_are_collected() -> None:
    assert "analysis.ingest.normalize._DECORATION_START" in PATTERNS
    assert "analysis.ingest.read._ISO_DATE" in PATTERNS
    assert "lexicon SECURITY.strong" in PATTERNS


class _OverBudget(Exception):
    pass


def _timed(call: Callable[[], object], budget: float) -> float:
    """Seconds `call` took; interrupted (the regex engine checks signals) once over `budget`."""
    def stop(*_: object) -> None:
        raise _OverBudget

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, budget)
    start = time.perf_counter()
    try:
        call()
        return time.perf_counter() - start
    except _OverBudget:
        return float("inf")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _baseline(text: str) -> float:
    """A linear scan of `text` that stops at every character: the unit of the budget."""
    every = re.compile(r"[\s\S]")
    return min(_timed(lambda: sum(1 for _ in every.finditer(text)), 60) for _ in range(3))


@pytest.mark.parametrize("label", list(ADVERSARIAL))
def test_every_regex_is_linear_on_adversarial_text(label: str) -> None:
    text = ADVERSARIAL[label]
    budget = max(RATIO * _baseline(text), 0.05)
    slow = []
    for name, pattern in PATTERNS.items():
        for how, call in (("finditer", lambda: sum(1 for _ in pattern.finditer(text))),
                          ("fullmatch", lambda: pattern.fullmatch(text))):
            took = _timed(call, budget)
            if took > budget:
                slow.append(f"{name}.{how}")
    assert slow == [], f"over {budget:.3f}s on {label!r}"
