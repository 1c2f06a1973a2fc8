"""The view as files: a zip bundle with an offline HTML report, and a classroom slide deck.

No Streamlit here, so the command line builds exactly what the dashboard offers.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import markdown
import pandas as pd

from analysis.report import tables
from analysis.charts.export import (
    PLOTLY_JS,
    Chart,
    ExportUnavailable,
    chart_files,
    image,
    plotly_js,
    static_images,
    zip_bytes,
)
from analysis.charts.highlight import legend_html, sentence_html
from analysis.charts.theme import READER_CSS
from analysis.csvout import safe_csv
from analysis.report.findings import findings, strongest_sentences
from analysis.serialize import sentence_rows
from analysis.types import FRAMES, ArticleResult

if TYPE_CHECKING:
    from pptx.presentation import Presentation as Deck

METHOD = Path(__file__).resolve().parent / "method.md"
REPORT_CSS = """
body {font-family: system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #111;}
h1 {font-size: 2.2em;} h2 {margin-top: 2em; border-bottom: 2px solid #ddd;}
table {border-collapse: collapse;} td, th {border: 1px solid #ccc; padding: .3em .6em; text-align: left;}
.chart {margin: 1.5em 0;}
"""


def report_html(charts: Sequence[Chart], results: Sequence[ArticleResult], *, title: str) -> str:
    """A page that opens offline beside the bundle's PLOTLY_JS (no CDN): corpus, charts, findings,
    examples, method."""
    parts = [f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>",
             f"<style>{REPORT_CSS}</style>{READER_CSS}</head><body><h1>{html.escape(title)}</h1>"]
    rows = "".join(
        f"<tr><td>{html.escape(r.id)}</td><td>{html.escape(r.title)}</td><td>{html.escape(r.kind)}</td>"
        f"<td>{html.escape(r.outlet)}</td><td>{html.escape(r.date)}</td><td>{r.words}</td></tr>" for r in results
    )
    parts.append("<h2>Corpus</h2><table><tr><th>id</th><th>title</th><th>kind</th><th>outlet</th><th>date</th>"
                 f"<th>words</th></tr>{rows}</table><h2>Charts</h2>")
    for i, chart in enumerate(charts):
        div = chart.figure.to_html(full_html=False, include_plotlyjs="directory" if i == 0 else False, default_width="100%")
        parts.append(f"<div class='chart'><h3>{html.escape(chart.title)}</h3>{div}</div>")
    parts.append("<h2>Key findings</h2>")
    for r in results:
        items = "".join(f"<li>{html.escape(line)}</li>" for line in findings(r))
        parts.append(f"<h3>{html.escape(tables.label(r, width=90))}</h3><ul>{items}</ul>")
    parts.append(f"<h2>Example sentences per frame</h2>{legend_html()}")
    for frame in FRAMES:
        examples = strongest_sentences(list(results), frame)
        body = "".join(
            f"<p><b>{html.escape(r.id)}</b>: {sentence_html(r.text, r.sentences[i], [frame])}</p>" for r, i in examples
        ) or "<p>No sentence carries this frame.</p>"
        parts.append(f"<h3>{frame}</h3><div class='fl-reader'>{body}</div>")
    parts.append("<h2>Method</h2>" + markdown.markdown(METHOD.read_text(encoding="utf-8"), extensions=["tables"]))
    parts.append("</body></html>")
    return "".join(parts)


def bundle_files(charts: Sequence[Chart], results: Sequence[ArticleResult], *, title: str,
                 formats: Sequence[str] = ("png", "svg", "html", "csv"),
                 progress: Callable[[str], None] | None = None) -> tuple[dict[str, bytes], list[str]]:
    """Every chart in `formats`, the evidence CSV, the report and the PLOTLY_JS they share; plus
    formats skipped, and why. `progress` is told each step before it starts."""
    files, skipped = chart_files(charts, formats, progress=progress)
    if progress:
        progress("Evidence: every sentence with its frames and cues (CSV)")
    files["evidence.csv"] = safe_csv(pd.DataFrame(sentence_rows(results)))
    if progress:
        progress("Report: findings, examples and method (HTML)")
    files["report.html"] = report_html(charts, results, title=title).encode("utf-8")
    files.setdefault(PLOTLY_JS, plotly_js())  # the report needs it even when no chart HTML was asked for
    return files, skipped


def bundle(charts: Sequence[Chart], results: Sequence[ArticleResult], *, title: str,
           progress: Callable[[str], None] | None = None) -> bytes:
    """Zip of the view: charts, evidence, report, and a note on anything that could not be made."""
    files, skipped = bundle_files(charts, results, title=title, progress=progress)
    if skipped:
        files["README.txt"] = ("\n".join(skipped) + "\n").encode("utf-8")
    if progress:
        progress("Zip: packing the files")
    return zip_bytes(files)


def slide_deck(charts: Sequence[Chart], results: Sequence[ArticleResult], *, title: str,
               progress: Callable[[str], None] | None = None) -> bytes:
    """PPTX: a title slide, one chart per slide, the chart's numbers in the speaker notes.
    `progress` is told each slide before it is made."""
    from pptx import Presentation  # only here: the first page draws sooner without it
    from pptx.util import Inches, Pt

    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    cover = deck.slides.add_slide(deck.slide_layouts[0])
    cover.shapes.title.text = title
    cover.placeholders[1].text = "Articles: " + ", ".join(tables.label(r, width=50) for r in results)
    with static_images():
        for i, chart in enumerate(charts, 1):
            if progress:
                progress(f"Slide {i} of {len(charts)}: {chart.title}")
            _chart_slide(deck, chart)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _chart_slide(deck: Deck, chart: Chart) -> None:
    """One slide: the chart's title and image (or why there is none), its numbers in the notes."""
    from pptx.util import Inches, Pt

    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = chart.title
    slide.shapes.title.text_frame.paragraphs[0].font.size = Pt(32)
    try:
        picture = io.BytesIO(image(chart.figure, "png"))
        slide.shapes.add_picture(picture, Inches(0.6), Inches(1.4), width=Inches(12.1))
    except ExportUnavailable as error:
        box = slide.shapes.add_textbox(Inches(0.6), Inches(2), Inches(12), Inches(2))
        box.text_frame.text = str(error)
    slide.notes_slide.notes_text_frame.text = chart.data.drop(columns=["text"], errors="ignore").to_string(index=False)
