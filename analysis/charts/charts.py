"""Chart builders: tidy DataFrame in, Plotly figure out; no Streamlit here.

Every chart uses the frame colours and frame order of `analysis.charts.theme`, and takes a
`ChartStyle` so the same chart reads on a laptop and on a classroom projector.
"""

from __future__ import annotations

import html
import textwrap

import pandas as pd
import plotly.graph_objects as go

from analysis.charts.theme import FRAME_COLORS, INK, SCREEN, ChartStyle
from analysis.types import FRAMES


def _layout(fig: go.Figure, title: str, style: ChartStyle, *, subtitle: str = "", legend: bool = False,
            **extra: object) -> go.Figure:
    """Title (and subtitle) at the top left and, where there is a legend, a band for it under the
    title, so they never overlap however narrow the column (the legend may wrap to two rows).
    The legend hangs from the top of its band, so one row of it reads with the title instead of
    floating halfway down. Titles are kept short by the callers: Plotly does not wrap them in a
    narrow column."""
    top = style.title_size * 2 + (style.font_size * 2 if subtitle else 0) + (style.font_size * 4 if legend else 0)
    fig.update_layout(
        title={"text": title, "font": {"size": style.title_size}, "x": 0, "xanchor": "left",
               "subtitle": {"text": subtitle, "font": {"size": style.font_size}},
               "xref": "container", "yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 8, "l": 8}},
        font={"size": style.font_size, "color": INK},
        height=style.height,
        template="plotly_white",
        margin={"l": 20, "r": 20, "t": top, "b": 20},
        showlegend=legend,
        legend={"orientation": "h", "yref": "container", "yanchor": "top", "xanchor": "left", "x": 0},
        **extra,
    )
    _hang_legend(fig)
    return fig


def _hang_legend(fig: go.Figure) -> None:
    """Put the legend's top at the top of its band (see `_layout`); its place is a share of the
    figure's height, so it is set again whenever the height changes."""
    if fig.layout.showlegend:
        band = fig.layout.margin.t - fig.layout.font.size * 4
        fig.update_layout(legend_y=1 - band / fig.layout.height)


#: Characters per line of an article's name beside the heat map: two or three short lines leave
#: the cells room for their values and the frame names in half a 1366-pixel window.
HEATMAP_LABEL_WIDTH = 16


def _wrapped(label: str, *, width: int = HEATMAP_LABEL_WIDTH) -> str:
    """A tick label broken into lines of at most `width` characters where it has spaces."""
    return "<br>".join(html.escape(line) for line in textwrap.wrap(label, width=width) or [label])


def _grow_per_article(fig: go.Figure, style: ChartStyle, names: list[str], *, bottom: int, least: float = 0.0) -> None:
    """Give each article's row the height of its wrapped name (at least `least` times the font
    size) instead of squeezing the rows, within the style's height and tallest, with `bottom`
    pixels under the plot for the axis below it."""
    lines = max([1, *(n.count("<br>") + 1 for n in names)])
    row = int(style.font_size * max(least, 1.3 * lines + 0.4))  # the name's lines and a little air
    fig.update_layout(margin={"b": bottom}, height=min(style.tallest, max(
        style.height, row * len(names) + fig.layout.margin.t + bottom)))
    _hang_legend(fig)


def frame_heatmap(profile: pd.DataFrame, *, style: ChartStyle = SCREEN) -> go.Figure:
    """Article × frame grid of shares, with the value written in each cell.

    Frames run across (four short names), articles down the side with their names wrapped to
    a few short lines, and the colour scale lies under the grid, so that in half a laptop
    window the cells keep room for their values and the frame names stay level and whole.
    The chart grows a row's height per article instead of squeezing the rows."""
    grid = profile.pivot(index="article", columns="frame", values="share").reindex(columns=list(FRAMES))
    grid = grid.reindex(list(dict.fromkeys(profile["article"])))
    names = [_wrapped(a) for a in grid.index]
    fig = go.Figure(
        go.Heatmap(
            z=grid.values, x=list(grid.columns), y=names, zmin=0, zmax=1, colorscale="Cividis",
            text=[[f"{v:.2f}" for v in row] for row in grid.values], texttemplate="%{text}",
            textfont={"size": style.font_size},
            customdata=[[html.escape(a)] * len(grid.columns) for a in grid.index],
            colorbar={"title": {"text": "share", "side": "right"}, "orientation": "h", "thickness": style.font_size,
                      "len": 1, "y": 0, "yanchor": "bottom", "yref": "container",
                      "ypad": style.font_size // 2},
            hovertemplate="%{customdata}<br>%{x}: %{z:.2f} of sentences<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", automargin=True)
    _layout(fig, "Frame profile", style, subtitle="share of sentences with each frame")
    _grow_per_article(fig, style, names, bottom=style.font_size * 5)  # frame names, then the colour scale
    return fig


def frame_bars(profile: pd.DataFrame, *, style: ChartStyle = SCREEN, title: str = "Frame shares by article") -> go.Figure:
    """Grouped bars on a fixed 0–1 scale: one group per article, one bar per frame.

    The bars lie across and the articles run down the side in the heat map's order, their
    names wrapped like the heat map's, so in half a laptop window the names stay level and
    whole and each bar keeps its length; the chart grows a group's height per article
    instead of squeezing the groups. The legend keeps its band between title and plot."""
    articles = list(dict.fromkeys(profile["article"]))
    names = {a: _wrapped(a) for a in articles}
    fig = go.Figure()
    for frame in FRAMES:
        rows = profile[profile["frame"] == frame]
        fig.add_bar(name=frame, x=rows["share"], y=[names[a] for a in rows["article"]], orientation="h",
                    marker_color=FRAME_COLORS[frame], customdata=[html.escape(a) for a in rows["article"]],
                    hovertemplate=f"{frame}<br>%{{customdata}}: %{{x:.2f}}<extra></extra>")
    _layout(fig, title, style, legend=True, barmode="group", bargap=0.25)
    fig.update_xaxes(range=[0, 1], dtick=0.2, title="share of sentences")
    fig.update_yaxes(autorange="reversed", automargin=True, categoryorder="array",
                     categoryarray=[names[a] for a in articles], ticklabelstandoff=style.font_size // 3)
    # A group holds four bars, so it is at least three font sizes high; under the plot, the
    # share ticks and the axis title.
    _grow_per_article(fig, style, list(names.values()), bottom=style.font_size * 3, least=3)
    return fig


def dominant_bars(counts: pd.DataFrame, *, style: ChartStyle = SCREEN) -> go.Figure:
    """How many articles each label dominates, one bar per label in the fixed frame order, named as
    the reader sees it (`dominant`) and coloured by its label (`frame`; grey where none leads)."""
    colors = [FRAME_COLORS.get(f, "#BBBBBB") for f in counts["frame"]]
    fig = go.Figure(go.Bar(x=counts["dominant"], y=counts["articles"], marker_color=colors,
                           text=counts["articles"], textposition="outside", textfont={"size": style.font_size},
                           hovertemplate="%{x}: %{y} articles<extra></extra>"))
    _layout(fig, "Dominant frame: number of articles", style)
    fig.update_yaxes(title="articles", range=[0, max([1, *counts["articles"]]) * 1.15])
    return fig


def tone_density(grid: pd.DataFrame, *, step: float = 0.1, style: ChartStyle = SCREEN) -> go.Figure:
    """Where a large corpus sits in tone: article counts per polarity × subjectivity cell."""
    fig = go.Figure(
        go.Heatmap(
            x=grid["polarity"] + step / 2, y=grid["subjectivity"] + step / 2, z=grid["articles"],
            xgap=1, ygap=1, colorscale="Greys", zmin=0, colorbar={"title": {"text": "articles"}},
            hovertemplate="polarity %{x:.2f}, subjectivity %{y:.2f}: %{z} articles<extra></extra>",
        )
    )
    _layout(fig, "Tone of the articles", style)
    fig.update_xaxes(range=[-1, 1], title="polarity (negative … positive)", zeroline=True, zerolinecolor="#888888")
    fig.update_yaxes(range=[0, 1], title="subjectivity (factual … opinion)")
    return fig


#: Where a point's label may go, in order of preference, and its offset in axis fractions (x, y).
_LABEL_SPOTS = {"top center": (0.0, 0.05), "bottom center": (0.0, -0.05),
                "middle right": (0.05, 0.0), "middle left": (-0.05, 0.0)}
#: Distance (in axis fractions) from other points and labels at which a label reads clearly.
_LABEL_ROOM = 0.08


def _clearance(spot: tuple[float, float], others: list[tuple[float, float]]) -> float:
    return round(min((((spot[0] - ox) ** 2 + (spot[1] - oy) ** 2) ** 0.5 for ox, oy in others), default=1.0), 4)


def label_positions(x: list[float], y: list[float], *, x_range: tuple[float, float] | None = None) -> list[str]:
    """A text position per point that keeps labels off the other points and labels.

    Greedy, left to right: each label takes the first spot with room around it, or else the
    spot farthest from every point and every label placed so far. Coordinates are fractions
    of the axes (x of `x_range`, by default the span of the points; y of 0-1), so the two
    axes weigh alike.
    """
    if not x:
        return []
    low, high = x_range or (min(x), max(x))
    span = (high - low) or 1.0
    points = [((xi - low) / span, yi) for xi, yi in zip(x, y)]
    taken: list[tuple[float, float]] = []
    spots = [""] * len(points)
    for i in sorted(range(len(points)), key=lambda i: points[i]):
        (px, py), others = points[i], [p for j, p in enumerate(points) if j != i] + taken
        room = {name: _clearance((px + dx, py + dy), others) for name, (dx, dy) in _LABEL_SPOTS.items()}
        spots[i] = next((name for name, r in room.items() if r >= _LABEL_ROOM), max(room, key=room.__getitem__))
        dx, dy = _LABEL_SPOTS[spots[i]]
        taken.append((px + dx, py + dy))
    return spots


def tone_scatter(tone: pd.DataFrame, *, style: ChartStyle = SCREEN) -> go.Figure:
    """Polarity against subjectivity, one labelled point per article."""
    low = min(-0.25, float(tone["polarity"].min()) - 0.05) if len(tone) else -0.25
    high = max(0.25, float(tone["polarity"].max()) + 0.05) if len(tone) else 0.25
    fig = go.Figure(
        go.Scatter(
            x=tone["polarity"], y=tone["subjectivity"], mode="markers+text", text=tone["id"],
            textposition=label_positions(list(tone["polarity"]), list(tone["subjectivity"]), x_range=(low, high)),
            marker={"size": style.font_size, "color": INK},
            hovertext=tone["article"], hovertemplate="%{hovertext}<br>polarity %{x:.2f}, subjectivity %{y:.2f}<extra></extra>",
        )
    )
    _layout(fig, "Tone: how positive, how opinionated", style)
    fig.update_xaxes(range=[low, high], title="polarity (negative … positive)", zeroline=True, zerolinecolor="#888888")
    fig.update_yaxes(range=[0, 1], title="subjectivity (factual … opinion)")
    return fig


def frame_flow(flow: pd.DataFrame, *, style: ChartStyle = SCREEN, title: str = "Where each frame appears") -> go.Figure:
    """Frames by sentence position: x is the place in the article (0 = start, 1 = end)."""
    fig = go.Figure()
    for frame in FRAMES:
        rows = flow[flow["frame"] == frame]
        fig.add_scatter(
            name=frame, x=rows["position"], y=[frame] * len(rows), mode="markers",
            marker={"color": FRAME_COLORS[frame], "size": style.font_size * 1.1, "symbol": "line-ns",
                    "line": {"width": max(3, style.font_size // 4), "color": FRAME_COLORS[frame]}},
            customdata=rows["sentence"], hovertext=[html.escape(t[:140]) for t in rows["text"]],
            hovertemplate="sentence %{customdata}<br>%{hovertext}<extra>" + frame + "</extra>",
        )
    _layout(fig, title, style)
    fig.update_xaxes(range=[0, 1], title="position (start → end)")
    # A fixed range keeps a row for every frame, also for frames that never fire in this article.
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(FRAMES)), type="category",
                     range=[-0.5, len(FRAMES) - 0.5])
    return fig


#: |z| above this is unlikely to be chance at the 5% level (two-sided).
Z_CHANCE = 1.96


def distinctive_bars(terms: pd.DataFrame, *, names: tuple[str, str] = ("A", "B"), style: ChartStyle = SCREEN) -> go.Figure:
    """Bars of log-odds z-scores: right for side A's words, left for side B's (diverging when
    both sides are given), with the 1.96 line that separates "distinctive" from "maybe chance"."""
    ordered = terms.sort_values("z")
    right, left = bool((ordered["z"] > 0).any()), bool((ordered["z"] < 0).any())
    colors = ["#444444" if z > 0 else "#AAAAAA" for z in ordered["z"]]
    fig = go.Figure(go.Bar(x=ordered["z"], y=ordered["term"], orientation="h", marker_color=colors,
                           hovertemplate="%{y}: z = %{x:.2f} (log-odds z-score)<extra></extra>"))
    if right and left:
        title, subtitle = f"Distinctive words: {names[0]} vs {names[1]}", f"right: {names[0]} · left: {names[1]}"
    else:
        title, subtitle = (f"Words typical of {names[1]}", f"vs {names[0]}") if left else (
            f"Words typical of {names[0]}", f"vs {names[1]}")
    _layout(fig, title, style, subtitle=subtitle)
    for side, drawn in ((1, right), (-1, left)):
        if drawn:
            fig.add_vline(x=side * Z_CHANCE, line={"dash": "dot", "color": "#666666", "width": 2})
    reach = round(max([Z_CHANCE + 0.3, *ordered["z"].abs()]) * 1.05, 2)
    fig.update_xaxes(title="how distinctive (beyond the dotted line: not chance)", zeroline=True, zerolinecolor="#888888",
                     range=[-reach if left else 0, reach if right or not left else 0])
    fig.update_yaxes(automargin=True)
    rows = int(style.font_size * 1.9) * len(ordered) + style.title_size * 4
    fig.update_layout(height=min(style.tallest, max(style.height, rows)))
    return fig
