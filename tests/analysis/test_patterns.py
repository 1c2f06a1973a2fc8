"""User-written `re:` cues that could backtrack without end are refused before they run."""

from __future__ import annotations

import pytest

from analysis.errors import LexiconError
from analysis.patterns import UnsafePattern, check
from analysis.scoring.lexicons import load_lexicons

SECURITY = """frame: SECURITY
groups:
  strong:
    weight: 0.8
    cues: [export control*]
  weak:
    weight: 0.5
    cues: [sanction*]
  domain:
    weight: 0.2
    cues:
      - chip*
      - re: {pattern}
"""


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("(a+)+$", "nested quantifiers"),
        (r"(\w+\s?)+$", "nested quantifiers"),
        ("(?:a*b?)*c", "nested quantifiers"),
        ("(a{2,})+", "nested quantifiers"),
        ("((ab)*c)+", "nested quantifiers"),
        ("(?=(a+)+)x", "nested quantifiers"),
        (r"(\w)\1", "backreference"),
        (r"(?P<w>\w+) (?P=w)", "backreference"),
        (r"(a)?(?(1)b|c)", "backreference"),
    ],
)
def test_unsafe_patterns_are_refused(pattern: str, problem: str) -> None:
    with pytest.raises(UnsafePattern, match=problem):
        check(pattern)


@pytest.mark.parametrize(
    "pattern",
    [r"\b20[0-4]\d\b", "collectivi[sz]ation", r"made\s+in\s+china", "(?:cost|price)s?", r"\d{1,3}(?:,\d{3})?",
     r"(?<![\w])state[- ]led(?![\w])", "(ab)?c"],
)
def test_ordinary_patterns_pass(pattern: str) -> None:
    check(pattern)


@pytest.mark.parametrize("pattern", ["(a+)+$", r"(\w+\s?)+$", r"(x)\1"])
def test_lexicon_with_unsafe_cue_names_file_and_line(pattern: str) -> None:
    with pytest.raises(LexiconError) as error:
        load_lexicons(overrides={"SECURITY": SECURITY.format(pattern=pattern)})
    assert error.value.path == "security.yaml"
    assert error.value.line == 13
    assert error.value.message.startswith(f"unsafe pattern {('re:' + pattern)!r}: ")
