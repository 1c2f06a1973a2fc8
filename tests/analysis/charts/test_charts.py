"""Chart builders, tested by their traces without Streamlit."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.charts import charts
from analysis.charts.theme import CLASSROOM, FRAME_COLORS, SCREEN
from analysis.report import tables
from analysis.types import FRAMES


@pytest.fixture(scope="module")
def profile(seed_results):
    return tables.frame_profile(list(seed_results.values()))


@pytest.fixture(scope="module")
def many(profile):
    """Sixty articles, the seeds twelve times over, each name ending in markup to be escaped."""
    return pd.concat([profile.assign(article=profile["article"] + f" <{i}>") for i in range(12)])


def test_heatmap_grid_is_article_by_frame_on_0_1(profile) -> None:
    fig = charts.frame_heatmap(profile)
    trace = fig.data[0]
    assert list(trace.x) == list(FRAMES)
    assert list(trace.y) == ["000 · When Mao<br>Zedong was…", "001 · Following<br>a meeting of…",
                             "002 · Xi renews<br>call for…", "003 · The two<br>sessions…",
                             "004 · The Great<br>Leap Forward…"]
    assert [row[0] for row in trace.customdata] == list(dict.fromkeys(profile["article"]))
    assert (trace.zmin, trace.zmax) == (0, 1)
    assert trace.z[4][3] == pytest.approx(profile.query("id == '004' and frame == 'HISTORY'")["share"].item())


@pytest.mark.parametrize("style", [SCREEN, CLASSROOM])
def test_heatmap_reads_in_half_a_laptop_window(profile, style) -> None:
    """Every frame's full name is a tick, each value is written to two decimals in the type of
    the style, the articles' names wrap to short lines and the colour scale lies under the grid."""
    fig = charts.frame_heatmap(profile, style=style)
    trace = fig.data[0]
    assert list(trace.x) == ["ANALOGY", "SECURITY", "MARKET", "HISTORY"]
    assert fig.layout.xaxis.tickangle is None and fig.layout.xaxis.tickvals is None  # names as they are
    assert trace.texttemplate == "%{text}" and trace.textfont.size == style.font_size
    shares = profile.pivot(index="article", columns="frame", values="share")
    for name, row in zip(trace.customdata, trace.text):
        assert list(row) == [f"{shares.loc[name[0], f]:.2f}" for f in FRAMES]
    assert all(len(value) == 4 for row in trace.text for value in row)  # "0.86", "1.00"
    assert all(len(line) <= charts.HEATMAP_LABEL_WIDTH for tick in trace.y for line in tick.split("<br>"))
    assert trace.colorbar.orientation == "h" and trace.colorbar.yanchor == "bottom"
    assert trace.hovertemplate == "%{customdata}<br>%{x}: %{z:.2f} of sentences<extra></extra>"


def test_heatmap_grows_a_row_per_article_and_escapes_names(profile, many) -> None:
    fig = charts.frame_heatmap(many)
    assert len(fig.data[0].y) == 60
    assert SCREEN.height < fig.layout.height <= SCREEN.tallest
    assert all("<" not in line for tick in fig.data[0].y for line in tick.split("<br>"))
    assert fig.data[0].customdata[0][0].endswith("&lt;0&gt;")
    assert charts.frame_heatmap(profile).layout.height == SCREEN.height


def test_bars_one_trace_per_frame_in_its_colour(profile) -> None:
    fig = charts.frame_bars(profile)
    assert [t.name for t in fig.data] == list(FRAMES)
    assert [t.marker.color for t in fig.data] == [FRAME_COLORS[f] for f in FRAMES]
    assert tuple(fig.layout.xaxis.range) == (0, 1)
    security = fig.data[1]
    assert list(security.x) == list(profile[profile["frame"] == "SECURITY"]["share"])
    assert list(security.customdata) == list(profile[profile["frame"] == "SECURITY"]["article"])
    assert security.hovertemplate == "SECURITY<br>%{customdata}: %{x:.2f}<extra></extra>"


@pytest.mark.parametrize("style", [SCREEN, CLASSROOM])
def test_bars_read_in_half_a_laptop_window(profile, style) -> None:
    """The bars lie across and the articles run down the side in the heat map's order, with the
    heat map's wrapped names, level; the legend is one horizontal band above the plot."""
    fig = charts.frame_bars(profile, style=style)
    heatmap = charts.frame_heatmap(profile, style=style)
    assert all(t.orientation == "h" for t in fig.data)
    assert list(fig.data[0].y) == list(heatmap.data[0].y) == list(fig.layout.yaxis.categoryarray)
    assert fig.layout.yaxis.autorange == "reversed"  # the first article on top, as in the heat map
    assert all(len(line) <= charts.HEATMAP_LABEL_WIDTH for tick in fig.data[0].y for line in tick.split("<br>"))
    assert fig.layout.yaxis.tickangle is None and fig.layout.xaxis.tickangle is None
    assert fig.layout.legend.orientation == "h"
    assert fig.layout.xaxis.dtick == 0.2


def test_bars_grow_a_group_per_article_and_escape_names(profile, many) -> None:
    fig = charts.frame_bars(many)
    assert len(fig.data[0].y) == 60
    assert SCREEN.height < fig.layout.height <= SCREEN.tallest
    assert all("<" not in line for tick in fig.data[0].y for line in tick.split("<br>"))
    assert fig.data[0].customdata[0].endswith("&lt;0&gt;")
    assert SCREEN.height <= charts.frame_bars(profile).layout.height < fig.layout.height
    assert charts.frame_bars(profile, style=CLASSROOM).layout.height <= CLASSROOM.tallest


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
    assert fig.layout.title.text == "Distinctive words: 000 vs 004"
    assert fig.layout.title.subtitle.text == "right: 000 · left: 004"
    assert sorted(shape.x0 for shape in fig.layout.shapes) == [-charts.Z_CHANCE, charts.Z_CHANCE]
    low, high = fig.layout.xaxis.range
    assert low < -3.0 and high > 2.5


def test_distinctive_bars_one_side_only() -> None:
    terms = pd.DataFrame({"term": ["chips", "campaign"], "z": [1.2, 1.6], "side": ["A", "A"],
                          "count_a": [4, 5], "count_b": [1, 0]})
    fig = charts.distinctive_bars(terms, names=("000", "the rest"))
    assert list(fig.data[0].y) == ["chips", "campaign"]
    assert (fig.layout.title.text, fig.layout.title.subtitle.text) == ("Words typical of 000", "vs the rest")
    assert [shape.x0 for shape in fig.layout.shapes] == [charts.Z_CHANCE]
    low, high = fig.layout.xaxis.range
    assert low == 0 and high > charts.Z_CHANCE  # the chance line is always in view


def test_distinctive_bars_grow_with_the_number_of_words() -> None:
    many = pd.DataFrame({"term": [f"w{i}" for i in range(30)], "z": [1.0 + i / 10 for i in range(30)]})
    assert charts.distinctive_bars(many).layout.height > charts.distinctive_bars(many.head(5)).layout.height


def test_tone_scatter_labels_points(seed_results) -> None:
    tone = tables.tone(list(seed_results.values()))
    fig = charts.tone_scatter(tone)
    assert list(fig.data[0].text) == ["000", "001", "002", "003", "004"]
    assert tuple(fig.layout.yaxis.range) == (0, 1)
    assert len(fig.data[0].textposition) == 5


@pytest.mark.parametrize(
    ("x", "y", "positions"),
    [
        ([], [], []),
        ([0.1], [0.5], ["top center"]),
        # two points on top of each other: the labels go to opposite sides
        ([0.1, 0.1], [0.5, 0.5], ["top center", "bottom center"]),
        # a point just above another: its label goes up, the lower one's goes down
        ([0.0, 0.0], [0.5, 0.53], ["bottom center", "top center"]),
        # close neighbours side by side: their labels go outwards; a lone point keeps the top
        ([0.0, 0.02, 1.0], [0.5, 0.5, 0.5], ["middle left", "middle right", "top center"]),
    ],
)
def test_label_positions_keep_labels_apart(x: list[float], y: list[float], positions: list[str]) -> None:
    assert charts.label_positions(x, y) == positions


def test_label_positions_measure_x_on_the_axis_range() -> None:
    """Points 0.03 apart span the whole width alone, but are close on an axis 1 wide."""
    assert charts.label_positions([0.0, 0.03], [0.5, 0.5]) == ["top center", "top center"]
    assert charts.label_positions([0.0, 0.03], [0.5, 0.5], x_range=(-0.5, 0.5)) == ["middle left", "middle right"]


def test_flow_keeps_a_row_for_every_frame() -> None:
    flow = pd.DataFrame([{"id": "x", "sentence": 1, "position": 0.5, "frame": "HISTORY", "strength": 1.0, "text": "In 1958."}])
    fig = charts.frame_flow(flow)
    assert list(fig.layout.yaxis.categoryarray) == list(reversed(FRAMES))
    assert tuple(fig.layout.yaxis.range) == (-0.5, len(FRAMES) - 0.5)
    assert [len(t.x) for t in fig.data] == [0, 0, 0, 1]
    assert [t.marker.color for t in fig.data] == [FRAME_COLORS[f] for f in FRAMES]


@pytest.mark.parametrize("style", [SCREEN, CLASSROOM])
def test_legend_and_title_have_their_own_bands(profile, many, style) -> None:
    """The title sits at the top of the figure and the legend between it and the plot, with
    a top margin tall enough for a title and a two-row legend in the style's font sizes; the
    legend hangs right under the title however tall the chart grows."""
    fig = charts.frame_bars(profile, style=style)
    assert fig.layout.showlegend is True
    assert (fig.layout.title.yref, fig.layout.title.y, fig.layout.title.yanchor) == ("container", 1, "top")
    for chart in (fig, charts.frame_bars(many, style=style)):
        legend = chart.layout.legend
        assert (legend.yref, legend.yanchor) == ("container", "top")
        assert (1 - legend.y) * chart.layout.height == pytest.approx(style.title_size * 2)
    assert fig.layout.margin.t >= style.title_size + 2 * style.font_size * 1.5
    assert charts.frame_heatmap(profile, style=style).layout.margin.t < fig.layout.margin.t


def test_frame_colours_are_okabe_ito_and_distinct() -> None:
    assert FRAME_COLORS == {"ANALOGY": "#E69F00", "SECURITY": "#0072B2", "MARKET": "#009E73", "HISTORY": "#CC79A7"}
