from __future__ import annotations

from analysis.charts.highlight import CONTEXT_GROUPS, article_html, legend_html, sentence_html
from analysis.ingest.read import from_text
from analysis.scoring.score import score_document
from analysis.types import FRAMES

TEXT = "Intro <b>line</b>\n\nHuawei was added to the entity list. The <script>x()</script> match ended."


def test_cues_are_marked_and_text_escaped() -> None:
    result = score_document(from_text(TEXT))
    page = article_html(result)
    assert '<mark class="fl-cue fl-SECURITY"' in page and '>entity list<span class="fl-note"' in page
    assert "&lt;script&gt;x()&lt;/script&gt;" in page and "<script>" not in page
    assert "&lt;b&gt;line&lt;/b&gt;" in page and "<br><br>" in page
    assert 'title="SECURITY: entity list (strong)"' in page and ">SECURITY: entity list (strong)</span></mark>" in page
    assert page.count('<span class="fl-tag"') == 1  # the one labelled sentence shows its label


def test_context_words_are_drawn_faintly_and_tags_name_each_frame() -> None:
    result = score_document(from_text("China's chip sector faces new restrictions on technology."))
    (sentence,) = result.sentences
    page = sentence_html(result.text, sentence, FRAMES)
    context = {c.text for hit in sentence.frames.values() for c in hit.cues if c.role in CONTEXT_GROUPS}
    assert context
    for word in context:
        assert f'style="background:none;border-bottom:1px solid #BBBBBB" title="SECURITY: {word} (' in page
    assert '<span class="fl-tag"' in page and ">SECURITY</span>" in page


def test_hostile_text_in_notes_and_tags_stays_escaped() -> None:
    result = score_document(from_text('Export controls on <i onmouseover="x()">chips</i> hit China.'))
    page = article_html(result)
    assert "<i " not in page and "&lt;i onmouseover=&quot;x()&quot;&gt;" in page


def test_only_carrying_sentences_and_frame_choice() -> None:
    result = score_document(from_text(TEXT))
    only = article_html(result, frames=["SECURITY"], only_carrying=True)
    assert only.count("<p>") == 1 and "#2" in only and "match ended" not in only
    none = article_html(result, frames=["ANALOGY"], only_carrying=True)
    assert "<p>" not in none


def test_search_matches_are_outlined() -> None:
    result = score_document(from_text(TEXT))
    sentence = result.sentences[1]
    assert 'class="fl-match"' in sentence_html(result.text, sentence, ["SECURITY"], match=True)


def test_legend_lists_chosen_frames_in_order() -> None:
    legend = legend_html(["MARKET", "ANALOGY"])
    assert legend.index("ANALOGY") < legend.index("MARKET") and "SECURITY" not in legend
