from __future__ import annotations

from pathlib import Path

import pytest

from analysis.scoring.keywords import extract, languages

TEXT = (
    "China's semiconductor industry faces US export controls. The semiconductor industry "
    "depends on advanced lithography machines made by ASML. Export controls on lithography "
    "machines slow China's chip industry, and Beijing pours subsidies into the chip industry. "
    "Chip industry subsidies grow while export controls tighten. Analysts call the chip drive "
    "a new great leap forward for the semiconductor industry of China."
)


def test_properties_of_the_result() -> None:
    keywords = extract(TEXT)
    assert 0 < len(keywords) <= 20
    assert all(type(k.score) is float and k.score > 0 for k in keywords)
    assert [k.score for k in keywords] == sorted(k.score for k in keywords)
    folded = [k.phrase.casefold() for k in keywords]
    assert len(folded) == len(set(folded))
    assert any("semiconductor industry" in p or "export controls" in p for p in folded[:5])


@pytest.mark.parametrize(
    ("option", "value"),
    [("top", 3), ("ngram_max", 1), ("dedup_limit", 0.3), ("window_size", 3)],
)
def test_each_option_changes_the_output(option: str, value: float) -> None:
    assert extract(TEXT, **{option: value}) != extract(TEXT)


def test_top_and_ngram_limits_hold() -> None:
    assert len(extract(TEXT, top=3)) == 3
    assert all(len(k.phrase.split()) == 1 for k in extract(TEXT, ngram_max=1))


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"top": 0}, "top=0: must be between 1 and 200"),
        ({"ngram_max": 9}, "ngram_max=9: must be between 1 and 6"),
        ({"dedup_limit": 1.5}, r"dedup_limit=1.5: must be in \(0, 1\]"),
        ({"window_size": 0}, "window_size=0: must be between 1 and 5"),
        ({"engine": "rake"}, "engine='rake': valid engines are yake, yake-rust"),
        ({"language": "xx"}, "language='xx': valid languages are ar, bg, .*, en, .*, zh$"),
        ({"language": "xx", "engine": "yake-rust"}, "language='xx': valid languages are"),
    ],
)
def test_bad_options_are_named(options: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        extract(TEXT, **options)


def test_empty_text() -> None:
    assert extract("   ") == ()


def test_languages_are_the_bundled_stopword_lists() -> None:
    assert "en" in languages() and "de" in languages() and "noLang" not in languages()
    assert extract("Der Halbleiter der Zukunft kommt aus Dresden. Dresden baut Halbleiter.", language="de")


@pytest.mark.parametrize("engine", ["yake", "yake-rust"])
def test_long_text_keeps_scores_apart(engine: str, seeds_dir: Path) -> None:
    """On a long text the best scores fall below 1e-6; they must not round to a tie at zero."""
    longest = max(seeds_dir.glob("*.txt"), key=lambda p: p.stat().st_size).read_text(encoding="utf-8")
    keywords = extract(longest * 6, top=5, engine=engine)
    assert keywords[0].score < 1e-6
    assert all(k.score > 0 for k in keywords)
    assert len({k.score for k in keywords}) == len(keywords)


def test_deterministic() -> None:
    assert extract(TEXT) == extract(TEXT)


def test_rust_engine_behind_the_same_adapter() -> None:
    fast = extract(TEXT, engine="yake-rust", top=10)
    reference = extract(TEXT, top=10)
    assert 0 < len(fast) <= 10 and all(type(k.score) is float for k in fast)
    assert [k.score for k in fast] == sorted(k.score for k in fast)
    overlap = {k.phrase.casefold() for k in fast} & {k.phrase.casefold() for k in reference}
    assert len(overlap) >= 5


@pytest.mark.parametrize("phrase", ["great famine rarely", "Deng Xiaoping staging", "Jinping renewed calls",
                                    "the great leap", "great leap of"])
def test_phrases_ending_or_starting_with_a_verb_adverb_or_stopword_are_fragments(phrase: str) -> None:
    from analysis.scoring.keywords import bad_edge

    assert bad_edge(phrase)


@pytest.mark.parametrize("phrase", ["Great Leap Forward", "Xi Jinping", "great famine", "export controls"])
def test_noun_phrases_are_not_fragments(phrase: str) -> None:
    from analysis.scoring.keywords import bad_edge

    assert not bad_edge(phrase)


def test_a_piece_of_a_name_is_a_fragment() -> None:
    from analysis.scoring.keywords import name_fragment

    text = "Xi Jinping renewed calls. Later Xi Jinping spoke. The Chinese Communist Party met; the Chinese Communist Party ruled."
    assert name_fragment("Jinping renewed calls", text)
    assert name_fragment("Chinese Communist", text)
    assert not name_fragment("Xi Jinping", text)
    assert not name_fragment("Chinese Communist Party", text)


def test_redundancy_counts_phrases_inside_others() -> None:
    from analysis.scoring.keywords import redundancy

    assert redundancy(["Great Leap Forward", "Great Leap", "China"]) == pytest.approx(1 / 3)
    assert redundancy([]) == 0.0


@pytest.mark.parametrize("engine", ["yake", "yake-rust"])
def test_seed_top_ten_has_no_redundant_phrase_and_no_fragment(engine: str, seeds_dir: Path) -> None:
    from analysis.ingest.read import load_seeds
    from analysis.scoring.keywords import bad_edge, name_fragment, redundancy

    for doc in load_seeds().documents:
        top = [k.phrase for k in extract(doc.text, top=10, engine=engine)]
        assert len(top) == 10
        assert redundancy(top) == 0.0, (doc.id, top)
        assert not [p for p in top if bad_edge(p) or name_fragment(p, doc.text)], (doc.id, top)
        assert not any(p.split()[0] == "Jinping" for p in top)


def test_a_phrase_only_across_a_line_break_is_rejected() -> None:
    from analysis.scoring.keywords import within_a_line

    text = "Xi renews call after US escalates curbs\nXi Jinping spoke. Xi Jinping's curbs stayed."
    assert not within_a_line("curbs Xi Jinping", text)
    assert within_a_line("Xi Jinping", text)
    assert within_a_line("Xi Jinping curbs", text)


def test_yake_rust_is_the_default_engine() -> None:
    assert extract(TEXT) == extract(TEXT, engine="yake-rust")


def test_the_engines_agree_on_the_seeds(seeds_dir: Path) -> None:
    """The default engine may differ from the reference only where a reader would not notice."""
    from analysis.ingest.read import load_seeds

    for doc in load_seeds().documents:
        fast = [k.phrase.casefold() for k in extract(doc.text, top=10)]
        reference = [k.phrase.casefold() for k in extract(doc.text, top=10, engine="yake")]
        assert len(set(fast) & set(reference)) >= 8, (doc.id, fast, reference)


@pytest.mark.parametrize("start", ['". ', ". ", "\n\n", " "])
def test_engines_agree_on_a_text_that_starts_with_a_stray_mark(start: str) -> None:
    """yake-rust's segtok port misread a leading separator, which moved every sentence's position."""
    text = start + TEXT
    assert [k.phrase for k in extract(text, top=10)] == [k.phrase for k in extract(text, top=10, engine="yake")]


def test_engine_text_ends_sentences_at_line_breaks_and_drops_wordless_pieces() -> None:
    from analysis.scoring.keywords import engine_text

    assert engine_text("Xi renews call after US escalates curbs\nXi Jinping spoke. It ended.\n* * *\n") == \
        "Xi renews call after US escalates curbs\n\nXi Jinping spoke.\n\nIt ended."


def test_a_word_with_two_punctuation_marks_is_unusual() -> None:
    from analysis.scoring.keywords import unusual_word

    assert unusual_word("great-leap-forward style")
    assert not unusual_word("Chinese-style modernization")
    assert not unusual_word("Xi Jinping")


def test_given_sentence_spans_give_the_same_phrases(seeds_dir: Path) -> None:
    """Scoring passes the spans it already has; the phrases are those extract finds by itself."""
    from analysis.ingest.segment import sentences
    from analysis.scoring.keywords import extract

    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert extract(text, spans=sentences(text)) == extract(text)
