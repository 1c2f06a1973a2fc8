"""Cue matching over the whole article finds exactly what a scan of each sentence finds."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.ingest.read import load_seeds, read_paths
from analysis.ingest.segment import sentences
from analysis.scoring.cues import _TWINS, _fold, _literal_starts, match
from analysis.scoring.lexicons import LABELS, Lexicons, branch, load_lexicons, ordered
from bench.score import corpus

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"


def per_sentence(text: str, spans: list[tuple[int, int]], lexicons: Lexicons) -> list[dict]:
    """The old matching: every group's plain alternation of its cues, run on each sentence."""
    plain = {(frame, name): re.compile("|".join(branch(cue) for cue in ordered(group.cues)))
             for frame in LABELS for name, group in lexicons.groups[frame].items()}
    found = []
    for start, end in spans:
        row = {}
        for frame in LABELS:
            row[frame] = {}
            for name in lexicons.groups[frame]:
                row[frame][name] = [m.span() for m in plain[frame, name].finditer(text, start, end)]
        found.append(row)
    return found


def spans_of(found: list[dict]) -> list[dict]:
    return [{frame: {name: [(c.start, c.end) for c in cues] for name, cues in groups.items()}
             for frame, groups in row.items()} for row in found]


def texts() -> list[tuple[str, str]]:
    seeds = [(d.id, d.text) for d in load_seeds().documents]
    bench = [(d.id, d.text) for d in corpus(40)]
    train = [(d.id, d.text) for d in read_paths([CORPUS / "train"]).documents]
    return seeds + bench + train


@pytest.mark.parametrize(("doc_id", "text"), texts(), ids=lambda v: v if len(v) < 40 else "")
def test_whole_article_matching_equals_per_sentence_matching(doc_id: str, text: str) -> None:
    lexicons = load_lexicons()
    spans = sentences(text)
    assert spans_of(match(text, spans, lexicons)) == per_sentence(text, spans, lexicons)


def test_an_edited_lexicon_rebuilds_the_matcher() -> None:
    text = "Officials praised the moonshot plan. A zebrafish project followed."
    source = load_lexicons().source("ANALOGY").replace("cues:", "cues:\n      - zebrafish", 1)
    edited = load_lexicons(overrides={"ANALOGY": source})
    cues = [c.text for row in match(text, sentences(text), edited) for g in row["ANALOGY"].values() for c in g]
    assert "zebrafish" in cues
    assert "zebrafish" not in [c.text for row in match(text, sentences(text), load_lexicons())
                               for g in row["ANALOGY"].values() for c in g]


#: Cues that take each path of `CueIndex`: `*` prefixes, capitals only, spaces and hyphens
#: (keyed on two runs, the second plain, with `*`, or non-ASCII), non-ASCII letters (with and
#: without an ASCII twin), a first character that is not a word character, a bare `*`, and
#: `re:` cues: found by the literals they begin with (through a group, an optional part, a
#: branch), or by a scan, as one that matches the empty string is.
ODD_CUES = ["subsid* bill*", "US", "EU tariff*", "state owned", "X-ray", "\u017fanction*", "\u212aowtow",
            "d\u00e9j\u00e0 vu", "\u00e9lan", "'state-owned'", "$5bn", "(tariff)", "*", "re: '1[89]\\d\\d'", "re: 'x?'",
            "state \u017fubsid*", "re: '(?:the )?sixtie[sz]\\b'", "re: 'would (?:have|be) \\w+'", "re: '\\bistanbul|kiev'"]
ODD_TEXTS = [
    "K\u212aelvin \u017fubsidies, 'state-owned' firms\u2014EU tariffs;  X-ray $5bn costs",
    "subsidies subsidies-subsidies  (tariff)tariffs. Made in China 2025!",
    "SANCTIONS \u017fanctioned kowtow KOWTOW \u212aOWTOW D\u00c9J\u00c0-VU deja vu \u00c9LAN \u00e9lan us US Us",
    "Subsidy BILLS, subsid-bills state--owned State - Owned 1958x 1899 ex-ray X-RAY \u00fcS _US_ US1",
    "THE SIXTIES, the \u017fixties; WOULD BE Kelvin would have \u212aowtowed. \u0130STANBUL \u0131stanbul K\u0131ev kiev",
    "state subsidies State-\u017fubsidy STATE SUBSIDISED state  subsidy; the sixtiesX stateowned",
    "",
]


def edited_lexicons(odd_cues: list[str] = ODD_CUES) -> Lexicons:
    cues = "".join(f"\n      - {cue}" if cue.startswith("re:") else f"\n      - {cue!r}" for cue in odd_cues)
    overrides = {label: load_lexicons().source(label).replace("cues:", "cues:" + cues) for label in ("MARKET", "TOPIC")}
    return load_lexicons(overrides=overrides)


@pytest.mark.parametrize("text", ODD_TEXTS + [text for _, text in texts()[:8]])
@pytest.mark.parametrize("edited", [False, True], ids=["packaged", "edited"])
def test_the_index_finds_what_each_groups_full_scan_finds(text: str, edited: bool) -> None:
    lexicons = edited_lexicons() if edited else load_lexicons()
    expected = {(frame, name): [m.span() for m in group.pattern.finditer(text)]
                for frame in LABELS for name, group in lexicons.groups[frame].items()}
    assert lexicons.index.find(text) == expected


def test_the_edited_cues_are_indexed_and_found() -> None:
    words = [cue for cue in ODD_CUES if cue != "*" and not cue.startswith("re:")]
    lexicons = edited_lexicons(words)
    assert len(lexicons.groups["MARKET"]["strong"].cues) == len(load_lexicons().groups["MARKET"]["strong"].cues) + len(words)
    text = ODD_TEXTS[2]
    found = {text[a:b] for a, b in lexicons.index.find(text)[("TOPIC", "state")]}
    assert {"SANCTIONS", "\u017fanctioned", "kowtow", "D\u00c9J\u00c0-VU", "\u00c9LAN", "US"} <= found
    assert "us" not in found


def test_no_character_outside_words_matches_an_ascii_word_character_ignoring_case() -> None:
    """Why a run of ASCII word characters must equal a cue's first run, not only start with it."""
    outside = "".join(c for c in map(chr, range(0x110000)) if not 0xD800 <= ord(c) < 0xE000 and not re.match(r"\w", c))
    for char in string.ascii_letters + string.digits + "_":
        assert re.search(f"(?i:{re.escape(char)})", outside) is None


def test_folding_keeps_offsets_and_every_ascii_word_character_twin() -> None:
    """Why literals `re:` cues begin with can be found in `_fold(text)` instead of by a scan."""
    chars = "".join(c for c in map(chr, range(0x80, 0x110000)) if not 0xD800 <= ord(c) < 0xE000)
    assert set(re.findall(r"(?i:[a-z0-9_])", chars)) == set(_TWINS)
    assert len(_fold(chars)) == len(chars)
    assert all(re.fullmatch(f"(?i:{twin})", char) and _fold(char) == twin for char, twin in _TWINS.items())


@pytest.mark.parametrize(("regex", "starts"), [
    (r"\b20[0-4]\d\b", {"20"}), ("Collectivi[sz]ation", {"collectivi"}), ("x?", None), (r"\w+ anyway", None),
    (r"\b(?:the )?(?:fifties|sixties)\b", {"the fifties", "the sixties", "fifties", "sixties"}),
    ("(?<=a)bc|d+e", {"bc", "d"}), ("\u00e9lan", None),
])
def test_literal_starts_of_a_regex(regex: str, starts: set[str] | None) -> None:
    assert _literal_starts(regex) == starts


def _cue_texts() -> list[str]:
    """Every packaged and edited word cue as text it may match: `*` as nothing or an ending,
    in its own spelling, capitals and lower case, and its first word alone."""
    lexicons = edited_lexicons()
    cues = {cue for label in LABELS for group in lexicons.groups[label].values() for cue in group.cues
            if not cue.startswith("re:")}
    texts = {cue.replace("*", end) for cue in cues for end in ("", "s", "ies")} | {cue.split()[0] for cue in cues}
    return sorted({form for text in texts for form in (text, text.upper(), text.lower())})


_WORDS = st.sampled_from(_cue_texts())
_GLUE = st.sampled_from([" ", "  ", "-", " - ", ", ", ". ", "'", "\u017f", "x", "1", "\n", "\u212a"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_WORDS, _GLUE), max_size=12))
def test_the_index_finds_what_each_groups_full_scan_finds_in_texts_of_cues(parts: list[tuple[str, str]]) -> None:
    """Texts built from cues meet every path of the index: pairs, `word*`, capitals, twins."""
    text = "".join(word + glue for word, glue in parts)
    lexicons = edited_lexicons()
    expected = {(frame, name): [m.span() for m in group.pattern.finditer(text)]
                for frame in LABELS for name, group in lexicons.groups[frame].items()}
    assert lexicons.index.find(text) == expected
    spans = sentences(text)
    assert spans_of(match(text, spans, lexicons)) == per_sentence(text, spans, lexicons)
