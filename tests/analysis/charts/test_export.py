from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
from io import StringIO

import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis.charts import export
from analysis.charts.export import (
    HEIGHT,
    SCALE,
    WIDTH,
    Chart,
    ExportUnavailable,
    chart_file,
    chart_files,
    safe_csv,
)

needs_chromium = pytest.mark.skipif(export.static_export_problem() is not None, reason="no Chromium for kaleido")


def chart() -> Chart:
    data = pd.DataFrame({"frame": ["ANALOGY", "SECURITY", "MARKET", "HISTORY"], "share": [0.2, 0.4, 0.1, 0.0]})
    return Chart("frame-bars_test", "Frame bars", go.Figure(go.Bar(x=data["frame"], y=data["share"])), data)


@needs_chromium
def test_png_decodes_to_the_stated_size() -> None:
    png = chart_file(chart(), "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (WIDTH * SCALE, HEIGHT * SCALE)


@needs_chromium
def test_svg_parses_and_names_the_frames() -> None:
    svg = chart_file(chart(), "svg").decode("utf-8")
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    text = " ".join(t for t in root.itertext())
    for frame in ("ANALOGY", "SECURITY", "MARKET", "HISTORY"):
        assert frame in text


def test_html_is_standalone() -> None:
    page = chart_file(chart(), "html").decode("utf-8")
    assert re.search(r"<script[^>]*src=[\"']https?:", page) is None
    assert "ANALOGY" in page and len(page) > 1_000_000  # plotly.js is embedded


def test_csv_is_exactly_the_chart_data() -> None:
    c = chart()
    assert pd.read_csv(StringIO(chart_file(c, "csv").decode())).equals(c.data)


@pytest.mark.parametrize(("cell", "written"), [("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"), ("+1", "'+1"),
                                              ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("plain", "plain")])
def test_formula_cells_are_neutralised(cell: str, written: str) -> None:
    out = safe_csv(pd.DataFrame({"text": [cell], "n": [-1]})).decode()
    assert out.splitlines()[1] == (f'"{written}",-1' if "," in written or '"' in written else f"{written},-1")


def test_without_chromium_static_formats_are_skipped_with_a_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export, "static_export_problem", lambda: "PNG and SVG export needs Chromium")
    files, skipped = chart_files([chart()], ("png", "svg", "html", "csv"))
    assert sorted(files) == ["frame-bars_test.csv", "frame-bars_test.html", "plotly.min.js"]
    assert skipped == ["PNG and SVG export needs Chromium"]
    with pytest.raises(ExportUnavailable, match="needs Chromium"):
        export.image(chart().figure, "png")


@needs_chromium
def test_threads_sharing_one_image_server_each_get_their_own_images() -> None:
    """Two sessions exporting at once share kaleido's one server; no image goes to the wrong one."""
    from concurrent.futures import ThreadPoolExecutor

    def titled(name: str) -> go.Figure:
        return go.Figure(go.Bar(x=["a"], y=[1]), layout={"title": {"text": name}})

    def export_three(name: str) -> list[bytes]:
        with export.static_images():
            return [export.image(titled(f"{name}-{i}"), "svg") for i in range(3)]

    with ThreadPoolExecutor(2) as pool:
        left, right = pool.map(export_three, ["left", "right"])
    for name, svgs in (("left", left), ("right", right)):
        assert [f">{name}-{i}<" in svg.decode("utf-8") for i, svg in enumerate(svgs)] == [True] * 3
