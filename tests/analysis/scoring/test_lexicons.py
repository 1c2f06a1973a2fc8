from __future__ import annotations

import pytest

from analysis.errors import LexiconError
from analysis.scoring.lexicons import REQUIRED_GROUPS, cue_regex, default_source, load_lexicons
from analysis.types import FRAMES

GOOD = """frame: SECURITY
groups:
  strong:
    weight: 0.8
    cues:
      - export control*
  weak:
    weight: 0.5
    cues: [sanction*]
  domain:
    weight: 0.2
    cues: [chip*]
"""


def test_packaged_lexicons_load_with_required_groups() -> None:
    lexicons = load_lexicons()
    for frame in FRAMES:
        assert set(REQUIRED_GROUPS[frame]) <= set(lexicons.groups[frame])
        assert lexicons.source(frame) == default_source(frame)
    assert len(lexicons.fingerprint) == 64
    assert load_lexicons() is lexicons


@pytest.mark.parametrize(
    ("cue", "text", "found"),
    [
        ("export control*", "new export controls on chips", ["export controls"]),
        ("civil-military integration", "civil military integration", ["civil military integration"]),
        ("self-reliance", "self reliance", ["self reliance"]),
        ("sanction*", "unsanctioned", []),
        ("entity list", "Entity List", ["Entity List"]),
    ],
)
def test_cue_syntax(cue: str, text: str, found: list[str]) -> None:
    import re

    assert [m.group() for m in re.finditer(cue_regex(cue), text, re.I)] == found


def test_capitals_only_cues_are_case_sensitive() -> None:
    lexicons = load_lexicons(overrides={"SECURITY": GOOD.replace("[chip*]", "[US]")})
    text = "let us see what the US does"
    assert [text[a:b] for a, b in lexicons.index.find(text)[("SECURITY", "domain")]] == ["US"]


def test_override_changes_fingerprint_and_source() -> None:
    edited = load_lexicons(overrides={"SECURITY": GOOD})
    assert edited.fingerprint != load_lexicons().fingerprint
    assert edited.source("SECURITY") == GOOD


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("groups:\n  strong: [unclosed\n", "security.yaml, line 3: not valid YAML"),
        ("", "security.yaml: the file is empty"),
        ("frame: MARKET\ngroups: {}\n", "security.yaml, line 1: frame is 'MARKET', expected 'SECURITY'"),
        ("frame: SECURITY\n", "security.yaml, line 1: missing 'groups:'"),
        (GOOD.replace("weight: 0.8", "weight: 2"), "security.yaml, line 4: group 'strong' needs a weight between 0 and 1"),
        (GOOD.replace("weight: 0.8", "weight: high"), "security.yaml, line 4: group 'strong' needs a weight between 0 and 1"),
        (GOOD.replace("      - export control*", "      - ''"), "security.yaml, line 6: group 'strong': a cue must be a non-empty phrase"),
        (GOOD.replace("      - export control*", "      - re: '(unclosed'"), "security.yaml, line 6: invalid pattern"),
        (GOOD.replace("    cues: [chip*]", "    cues: []"), "security.yaml, line 12: group 'domain' needs a non-empty list of cues"),
        (GOOD.replace("  domain:\n    weight: 0.2\n    cues: [chip*]\n", ""), "security.yaml, line 3: missing group(s): domain"),
    ],
)
def test_malformed_lexicon_names_file_and_line(yaml_text: str, message: str) -> None:
    with pytest.raises(LexiconError) as error:
        load_lexicons(overrides={"SECURITY": yaml_text} if yaml_text else {"SECURITY": " "})
    assert str(error.value).startswith(message)


def test_unknown_frame_override() -> None:
    with pytest.raises(LexiconError, match="unknown lexicon; valid lexicons: ANALOGY, SECURITY, MARKET, HISTORY, TOPIC"):
        load_lexicons(overrides={"TRADE": GOOD})


@pytest.mark.parametrize("text", ["", "  \n", "# only a comment\n"])
def test_an_empty_override_is_refused_not_replaced_by_the_packaged_file(text: str) -> None:
    with pytest.raises(LexiconError, match=r"^market\.yaml: the file is empty$"):
        load_lexicons(overrides={"MARKET": text})
