"""Chart builders: tidy DataFrame in, Plotly figure out; no Streamlit here.

Every chart uses the frame colours and frame order of `dashboard.theme`, and takes a
`ChartStyle` so the same chart reads on a laptop and on a classroom projector.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from analysis.types import FRAMES
from dashboard.theme import FRAME_COLORS, INK, SCREEN, ChartStyle


def _layout(fig: go.Figure, title: str, style: ChartStyle, **extra: object) -> go.Figure:
    fig.update_layout(
        title={"text": title, "font": {"size": style.title_size}},
        font={"size": style.font_size, "color": INK},
        height=style.height,
        template="plotly_white",
        margin={"l": 20, "r": 20, "t": style.title_size * 4, "b": 20},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
        **extra,
    )
    return fig


def frame_heatmap(profile: pd.DataFrame, *, style: ChartStyle = SCREEN) -> go.Figure:
    """Article × frame grid of shares, with the value written in each cell."""
    grid = profile.pivot(index="article", columns="frame", values="share").reindex(columns=list(FRAMES))
    grid = grid.reindex(list(dict.fromkeys(profile["article"])))
    fig = go.Figure(
        go.Heatmap(
            z=grid.values, x=list(grid.columns), y=list(grid.index), zmin=0, zmax=1, colorscale="Cividis",
            text=[[f"{v:.2f}" for v in row] for row in grid.values], texttemplate="%{text}",
            textfont={"size": style.font_size},
            colorbar={"title": {"text": "share"}},
            hovertemplate="%{y}<br>%{x}: %{z:.2f} of sentences<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, "Frame profile: share of sentences carrying each frame", style)


def frame_bars(profile: pd.DataFrame, *, style: ChartStyle = SCREEN, title: str = "Frame shares by article") -> go.Figure:
    """Grouped bars: one group per article, one bar per frame, on a fixed 0–1 scale."""
    fig = go.Figure()
    for frame in FRAMES:
        rows = profile[profile["frame"] == frame]
        fig.add_bar(name=frame, x=rows["article"], y=rows["share"], marker_color=FRAME_COLORS[frame],
                    hovertemplate=f"{frame}<br>%{{x}}: %{{y:.2f}}<extra></extra>")
    _layout(fig, title, style, barmode="group")
    fig.update_yaxes(range=[0, 1], title="share of sentences")
    return fig


def tone_scatter(tone: pd.DataFrame, *, style: ChartStyle = SCREEN) -> go.Figure:
    """Polarity against subjectivity, one labelled point per article."""
    fig = go.Figure(
        go.Scatter(
            x=tone["polarity"], y=tone["subjectivity"], mode="markers+text", text=tone["id"],
            textposition="top center", marker={"size": style.font_size, "color": INK},
            hovertext=tone["article"], hovertemplate="%{hovertext}<br>polarity %{x:.2f}, subjectivity %{y:.2f}<extra></extra>",
        )
    )
    _layout(fig, "Tone: polarity and subjectivity (TextBlob)", style)
    low = min(-0.25, float(tone["polarity"].min()) - 0.05) if len(tone) else -0.25
    high = max(0.25, float(tone["polarity"].max()) + 0.05) if len(tone) else 0.25
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
    _layout(fig, title, style, showlegend=False)
    fig.update_xaxes(range=[0, 1], title="position in the article (start → end)")
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(FRAMES)), type="category")
    return fig


def distinctive_bars(terms: pd.DataFrame, *, names: tuple[str, str] = ("A", "B"), style: ChartStyle = SCREEN) -> go.Figure:
    """Diverging bars of log-odds z-scores: right for side A's words, left for side B's."""
    ordered = terms.sort_values("z")
    colors = ["#555555" if z > 0 else "#BBBBBB" for z in ordered["z"]]
    fig = go.Figure(go.Bar(x=ordered["z"], y=ordered["term"], orientation="h", marker_color=colors,
                           hovertemplate="%{y}: z = %{x:.2f}<extra></extra>"))
    _layout(fig, f"Distinctive words: {names[0]} (right) vs {names[1]} (left)", style)
    fig.update_xaxes(title="z-score of weighted log-odds")
    fig.update_layout(height=max(style.height, 26 * len(ordered) + 120))
    return fig
