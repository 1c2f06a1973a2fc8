"""Helpers for AppTest runs of the dashboard."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")


@pytest.fixture
def app() -> AppTest:
    """The dashboard, run once on the seeds."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    return at


def open_page(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"views/{page}.py")
    at.run()
    assert not at.exception, at.exception
    return at


def chart_specs(at: AppTest) -> list[dict]:
    """The Plotly figures on the page as sent to the browser, in page order (data arrays may be
    binary-encoded: read data through `chart_figures`)."""
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def _decoded(value: object) -> object:
    """Plotly's binary arrays ({"dtype", "bdata", "shape"}) as nested lists of numbers."""
    if isinstance(value, dict) and "bdata" in value:
        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        if "shape" in value:
            array = array.reshape([int(n) for n in str(value["shape"]).split(",")])
        return array.tolist()
    if isinstance(value, dict):
        return {k: _decoded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decoded(v) for v in value]
    return value


def chart_figures(at: AppTest) -> list[go.Figure]:
    """The Plotly figures on the page with their data decoded, in page order."""
    return [go.Figure(_decoded(spec)) for spec in chart_specs(at)]


def chart_titles(at: AppTest) -> list[str]:
    return [spec["layout"]["title"]["text"] for spec in chart_specs(at)]


def emptied(source: str, group: str) -> str:
    """A lexicon's YAML with one group's cues replaced by a cue that matches nothing."""
    lines, inside, out = source.split("\n"), False, []
    for line in lines:
        if line.startswith("  ") and not line.startswith("   "):
            inside = line.strip() == f"{group}:"
        if inside and line.startswith("      - "):
            if out[-1] != "      - zzzz":
                out.append("      - zzzz")
            continue
        out.append(line)
    return "\n".join(out)
