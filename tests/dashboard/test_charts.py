"""Chart builders, tested by their traces without Streamlit."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import tables
from analysis.types import FRAMES
from dashboard import charts
from dashboard.theme import CLASSROOM, FRAME_COLORS, SCREEN


@pytest.fixture(scope="module")
def profile(seed_results):
    return tables.frame_profile(list(seed_results.values()))


def test_heatmap_grid_is_article_by_frame_on_0_1(profile) -> None:
    fig = charts.frame_heatmap(profile)
    trace = fig.data[0]
    assert list(trace.x) == list(FRAMES)
    assert list(trace.y) == ["000 (op-ed)", "001 (analysis)", "002 (wire report)", "003 (analysis)", "004 (history reference)"]
    assert (trace.zmin, trace.zmax) == (0, 1)
    assert trace.z[4][3] == pytest.approx(profile.query("id == '004' and frame == 'HISTORY'")["share"].item())


def test_bars_one_trace_per_frame_in_its_colour(profile) -> None:
    fig = charts.frame_bars(profile)
    assert [t.name for t in fig.data] == list(FRAMES)
    assert [t.marker.color for t in fig.data] == [FRAME_COLORS[f] for f in FRAMES]
    assert tuple(fig.layout.yaxis.range) == (0, 1)
    security = fig.data[1]
    assert list(security.y) == list(profile[profile["frame"] == "SECURITY"]["share"])


def test_classroom_style_is_larger(profile) -> None:
    screen, classroom = charts.frame_bars(profile, style=SCREEN), charts.frame_bars(profile, style=CLASSROOM)
    assert classroom.layout.font.size > screen.layout.font.size >= 12
    assert classroom.layout.height > screen.layout.height


def test_flow_places_sentences_by_position(seed_results) -> None:
    flow = tables.flow(seed_results["000"])
    fig = charts.frame_flow(flow)
    assert [t.name for t in fig.data] == list(FRAMES)
    analogy = fig.data[0]
    assert len(analogy.x) == seed_results["000"].frames["ANALOGY"].sentences
    assert all(0 < x < 1 for x in analogy.x)
    assert tuple(fig.layout.xaxis.range) == (0, 1)


def test_flow_hover_text_is_escaped() -> None:
    flow = pd.DataFrame([{"id": "x", "sentence": 1, "position": 0.5, "frame": "SECURITY", "strength": 0.8,
                          "text": "<b onmouseover=alert(1)>sanctions</b>"}])
    hover = charts.frame_flow(flow).data[1].hovertext[0]
    assert "<b" not in hover and "&lt;b onmouseover=alert(1)&gt;" in hover


def test_distinctive_bars_sorted_with_both_sides() -> None:
    terms = pd.DataFrame({"term": ["sanctions", "subsidies", "chips"], "z": [2.5, -3.0, 0.7], "side": ["A", "B", "A"],
                          "count_a": [5, 0, 2], "count_b": [0, 6, 1]})
    fig = charts.distinctive_bars(terms, names=("000", "004"))
    assert list(fig.data[0].y) == ["subsidies", "chips", "sanctions"]
    assert "000 (right) vs 004 (left)" in fig.layout.title.text


def test_tone_scatter_labels_points(seed_results) -> None:
    tone = tables.tone(list(seed_results.values()))
    fig = charts.tone_scatter(tone)
    assert list(fig.data[0].text) == ["000", "001", "002", "003", "004"]
    assert tuple(fig.layout.yaxis.range) == (0, 1)
