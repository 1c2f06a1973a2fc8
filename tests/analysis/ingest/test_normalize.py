from __future__ import annotations

from pathlib import Path

import pytest

from analysis.errors import LexiconError
from analysis.ingest import normalize as normalize_module
from analysis.ingest.normalize import normalize, trim_boilerplate

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def seed(prefix: str) -> str:
    """A seed article as the tool shows it: normalised."""
    return normalize(next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("\u201cQuoted\u201d and \u2018single\u2019, \u201elow\u201c", "\"Quoted\" and 'single', \"low\""),
        ("a\r\nb\rc", "a\nb\nc"),
        ("line\u2028break\x85next\x0bvt\x0cff", "line\nbreak\nnext\nvt\nff"),
        ("para\u2029graph", "para\n\ngraph"),
        ("a\u00a0b\u2009c\u202fd\u3000e\u2003f", "a b c d e f"),
        ("zero\u200bwidth\u200djoin\u2060er\ufeff", "zerowidthjoiner"),
        ("eco\u00adnomy \u200emark", "economy mark"),
        ("tabs\t\tand   spaces  \n   next", "tabs and spaces\nnext"),
        ("one\n\n\n\n\ntwo", "one\n\ntwo"),
        ("one\n \n\t\n two", "one\n\ntwo"),
        ("ctrl\x07char\x00nul\x1b", "ctrlcharnul"),
        ("e\u0301t\u00e9", "\u00e9t\u00e9"),
        ("e\u200b\u0301", "\u00e9"),
        ("em \u2014 dash \u2013 and \u2026 kept", "em \u2014 dash \u2013 and \u2026 kept"),
        ("\u4e2d\u56fd\u82af\u7247", "\u4e2d\u56fd\u82af\u7247"),
        ("  \n\n padded \n\n  ", "padded"),
        ("", ""),
    ],
)
def test_normalize(raw: str, clean: str) -> None:
    assert normalize(raw) == clean


def test_normalize_is_idempotent_on_the_seeds() -> None:
    for prefix in ("000", "001", "002", "003", "004"):
        text = seed(prefix)
        assert normalize(text) == text
        assert "\u201c" not in text and "\u2019" not in text


BODY = "\n\n".join(f"Paragraph {i} about export controls and chips." for i in range(6))


def test_seed_002_comment_widget_and_teasers_are_trimmed() -> None:
    text = seed("002")
    article, trimmed = trim_boilerplate(text)
    assert article.endswith("With assistance from Jason Rogers/ Bloomberg.")
    assert article.startswith("Xi renews call for China tech push after US escalates curbs")
    assert trimmed.startswith("Leave a Reply\n\nYour email address will not be published.")
    for furniture in ("Previous Article", "Next Article", "Related Posts", "Read more",
                      "Choosing China or the US", "Robust Philippine economy projected"):
        assert furniture in trimmed and furniture not in article
    assert trimmed.endswith('shine a spotlight on the extent of the economic recovery.')
    assert text == f"{article}\n\n{trimmed}"


def test_seed_004_previous_post_is_trimmed_and_bibliography_kept() -> None:
    article, trimmed = trim_boilerplate(seed("004"))
    assert trimmed == "Previous Post"
    assert article.endswith("Mao:Practice and Contradiction, by Alain Badiou. The Factory, 2011.")
    assert "Bibliography" in article


@pytest.mark.parametrize("prefix", ["000", "001", "003"])
def test_seeds_without_furniture_are_unchanged(prefix: str) -> None:
    text = seed(prefix)
    assert trim_boilerplate(text) == (text, "")


@pytest.mark.parametrize(
    ("tail", "first_trimmed_line"),
    [
        ("Leave a Reply\n\nYour email address will not be published.\n\nPrevious Article\n\nOther story",
         "Leave a Reply"),
        ("Leave a Reply Cancel reply\n\nName *", "Leave a Reply Cancel reply"),
        ("\u00ab Previous Post\n\nNext Post \u00bb", "\u00ab Previous Post"),
        ("Comments (12)\n\nbob: great piece", "Comments (12)"),
        ("READ MORE\u2026\n\nAnother story", "READ MORE\u2026"),
        ("Share this:\n\nTwitter\nFacebook", "Share this:"),
        ("Related Posts:\n\nChips again", "Related Posts:"),
        ("Previous post: Old news about rice", "Previous post: Old news about rice"),
        ("You may also like these stories", "You may also like these stories"),
        ("This site uses Akismet to reduce spam.", "This site uses Akismet to reduce spam."),
    ],
)
def test_trailing_furniture_is_trimmed_and_kept(tail: str, first_trimmed_line: str) -> None:
    article, trimmed = trim_boilerplate(f"{BODY}\n\n{tail}")
    assert article == BODY
    assert trimmed == tail
    assert trimmed.split("\n")[0] == first_trimmed_line


@pytest.mark.parametrize(
    "text",
    [
        BODY,
        "Related\n\n" + BODY,
        "Leave a Reply\n\n" + BODY,
        BODY + "\n\nComments by the minister on the subsidy programme drew criticism for weeks.",
        BODY + "\n\nRead more about the subsidies in the annual report, the ministry said.",
        BODY + "\n\nRelated industries, from batteries to solar, face the same curbs.",
        BODY + "\n\nShare this view, analysts said, and the policy looks different.",
        BODY + "\n\nReply",
    ],
)
def test_text_without_trailing_furniture_is_unchanged(text: str) -> None:
    assert trim_boilerplate(text) == (text, "")


def test_malformed_boilerplate_file_names_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "boilerplate.yaml").write_text("lines:\n  - Comments\n starts: [oops\n", encoding="utf-8")
    monkeypatch.setattr(normalize_module.resources, "files", lambda package: tmp_path)
    normalize_module.boilerplate_markers.cache_clear()
    try:
        with pytest.raises(LexiconError, match=r"^boilerplate\.yaml, line 3: "):
            trim_boilerplate(BODY)
        (tmp_path / "boilerplate.yaml").write_text("lines: Comments\nstarts: []\n", encoding="utf-8")
        normalize_module.boilerplate_markers.cache_clear()
        with pytest.raises(LexiconError, match="expected a list of non-empty strings under 'lines'"):
            trim_boilerplate(BODY)
    finally:
        normalize_module.boilerplate_markers.cache_clear()
