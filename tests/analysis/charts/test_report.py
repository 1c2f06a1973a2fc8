"""The downloadable report, bundle and slides: real content, checked."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation

from analysis.charts import export
from analysis.charts import figures
from analysis.charts.report import bundle, report_html, slide_deck

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def view(seed_results):
    results = [seed_results["000"], seed_results["004"]]
    return figures.overview(results) + figures.compare_view(results), results


def test_report_has_titles_findings_examples_and_method(view) -> None:
    charts, results = view
    page = report_html(charts, results, title="Test report")
    assert "The Great Leap Forward (China, 1958-1960)" in page
    assert "The dominant frame is" in page
    assert 'class="fl-cue fl-ANALOGY"' in page and "How often it agrees with people" in page
    assert page.count("plotly-graph-div") == len(charts)
    assert re.search(r"<script[^>]*src=[\"']https?:", page) is None
    assert page.count('src="plotly.min.js"') == 1 and "Plotly.newPlot" in page


def test_bundle_without_chromium_holds_html_csv_and_a_note(view, monkeypatch: pytest.MonkeyPatch) -> None:
    charts, results = view
    monkeypatch.setattr(export, "static_export_problem", lambda: "PNG and SVG export needs Chromium")
    names = zipfile.ZipFile(io.BytesIO(bundle(charts, results, title="t"))).namelist()
    assert "report.html" in names and "evidence.csv" in names and "README.txt" in names
    profile = "frame-profile_000-when-mao-zedong-was-vs-004-the-great-leap-forward"
    assert f"{profile}.csv" in names and f"{profile}.html" in names
    assert not any(n.endswith(".png") for n in names)


@pytest.mark.skipif(export.static_export_problem() is not None, reason="no Chromium for kaleido")
def test_slide_deck_has_a_title_and_one_slide_per_chart(view) -> None:
    charts, results = view
    deck = Presentation(io.BytesIO(slide_deck(charts[:2], results, title="Comparison 000 vs 004")))
    slides = list(deck.slides)
    assert len(slides) == 3
    assert slides[0].shapes.title.text == "Comparison 000 vs 004"
    assert [s.shapes.title.text for s in slides[1:]] == [c.title for c in charts[:2]]
    assert any(shape.shape_type == 13 for shape in slides[1].shapes)  # a picture
    assert "share" in slides[1].notes_slide.notes_text_frame.text


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_report_opens_offline_in_chromium(view, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    charts, results = view
    path = tmp_path / "report.html"
    path.write_text(report_html(charts, results, title="Offline report"), encoding="utf-8")
    (tmp_path / export.PLOTLY_JS).write_bytes(export.plotly_js())
    requested: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu",
                                    "--disable-background-networking", "--disable-component-update", "--no-first-run"])
        page = browser.new_page()
        page.on("request", lambda r: requested.append(r.url))
        page.goto(path.as_uri())
        page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=30_000)
        expect(page.locator(".js-plotly-plot")).to_have_count(len(charts))
        assert "Offline report" in page.title()
        browser.close()
    assert [u for u in requested if not u.startswith(("file:", "data:", "about:"))] == []


def test_report_shows_article_markup_as_text() -> None:
    from analysis.scoring.score import score_document
    from analysis.types import Document

    hostile = score_document(Document(
        id="x1", source="x1.txt", title="<img src=x onerror=alert(1)>", kind="<b>op-ed</b>",
        text="US export controls <script>alert('owned')</script> hit Chinese chipmakers and national security.",
    ))
    page = report_html(figures.overview([hostile]), [hostile], title="<script>alert('title')</script>")
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>op-ed</b>" not in page
    assert "&lt;script&gt;alert(&#x27;" in page and "&#x27;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_bundle_entries_are_slugs_with_the_ids_kept_inside(seed_results, monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    monkeypatch.setattr(export, "static_export_problem", lambda: "PNG and SVG export needs Chromium")
    results = [replace(seed_results["000"], id="x/../../../PWNED"), replace(seed_results["004"], id="nyt/2021/03/chips")]
    charts = figures.overview(results) + figures.compare_view(results)
    archive = zipfile.ZipFile(io.BytesIO(bundle(charts, results, title="t")))
    names = archive.namelist()
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+", n) and ".." not in n for n in names), names
    assert len(names) == len(set(names))
    assert "x/../../../PWNED" in archive.read("evidence.csv").decode()


def test_bundle_holds_one_plotly_js_that_every_html_file_loads(view, monkeypatch: pytest.MonkeyPatch) -> None:
    charts, results = view
    monkeypatch.setattr(export, "static_export_problem", lambda: "PNG and SVG export needs Chromium")
    steps: list[str] = []
    data = bundle(charts, results, title="t", progress=steps.append)
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert [n for n in archive.namelist() if n.endswith(".js")] == ["plotly.min.js"]
    assert archive.read("plotly.min.js") == export.plotly_js()
    pages = [n for n in archive.namelist() if n.endswith(".html")]
    assert len(pages) == len(charts) + 1
    for name in pages:
        text = archive.read(name).decode("utf-8")
        assert text.count('<script charset="utf-8" src="plotly.min.js"></script>') == 1, name
        assert "Plotly.newPlot" in text and len(text) < 200_000, name
    assert len(data) < 2 * 1024 * 1024
    assert steps[0] == f"Chart 1 of {len(charts)}: {charts[0].title} (HTML, CSV)"
    assert steps[-3:] == ["Evidence: every sentence with its frames and cues (CSV)",
                          "Report: findings, examples and method (HTML)", "Zip: packing the files"]


@pytest.mark.skipif(export.static_export_problem() is not None, reason="no Chromium for kaleido")
def test_full_bundle_is_under_2_mb_and_its_chart_pages_open_offline(view, tmp_path: Path) -> None:
    """The Compare page's bundle for two seeds, PNG and SVG included; a chart page and the report,
    extracted, draw with every network request refused."""
    from playwright.sync_api import expect, sync_playwright

    results = view[1]
    charts = figures.compare_view(results)
    data = bundle(charts, results, title="Offline bundle")
    assert len(data) < 2 * 1024 * 1024
    zipfile.ZipFile(io.BytesIO(data)).extractall(tmp_path)
    assert (tmp_path / f"{charts[0].name}.png").read_bytes()[:4] == b"\x89PNG"
    refused: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu",
                                    "--disable-background-networking", "--disable-component-update", "--no-first-run"])
        context = browser.new_context()
        context.route(re.compile(r"^(?!file:|data:|about:)"), lambda route: (refused.append(route.request.url),
                                                                              route.abort()))
        page = context.new_page()
        for name, count in ((f"{charts[0].name}.html", 1), ("report.html", len(charts))):
            page.goto((tmp_path / name).as_uri())
            expect(page.locator(".js-plotly-plot .main-svg").first).to_be_visible(timeout=30_000)
            expect(page.locator(".js-plotly-plot")).to_have_count(count)
        expect(page.locator(".js-plotly-plot .xtick").first).to_be_attached()
        browser.close()
    assert refused == []
