"""Drawing helpers every page shares: charts with their downloads, empty states, style."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, TypeVar

import pandas as pd
import streamlit as st

from analysis.charts.export import (
    FORMATS,
    Chart,
    ExportUnavailable,
    chart_file,
    static_export_problem,
)
from analysis.charts.theme import CLASSROOM, SCREEN, ChartStyle
from analysis.types import ArticleResult
from dashboard.data import Listing

T = TypeVar("T")
MIME = {"png": "image/png", "svg": "image/svg+xml", "html": "text/html", "csv": "text/csv"}
FORMAT_LABELS = {"png": "PNG image", "svg": "SVG image (scalable)", "html": "Interactive web page (HTML)",
                 "csv": "Data (CSV)"}


def style() -> ChartStyle:
    """Classroom style in presentation mode, screen style otherwise."""
    return CLASSROOM if st.session_state.get("view.present") else SCREEN


def _deferred(chart: Chart, fmt: str):
    """Bytes made only when the button is clicked (static images take a second or two)."""
    def make() -> bytes:
        try:
            return chart_file(chart, fmt)
        except ExportUnavailable as error:
            return str(error).encode("utf-8")
    return make


def show_chart(chart: Chart) -> None:
    """Draw a chart, then one row with its downloads (PNG, SVG, HTML, CSV, named after what it
    shows) behind a single button, and the numbers behind it. Every page draws charts here only."""
    st.plotly_chart(chart.figure, theme=None, key=f"chart.{chart.name}", config={"displaylogo": False})
    problem = static_export_problem()
    row = st.container(horizontal=True, vertical_alignment="top", key=f"chart-row.{chart.name}")
    with row.popover("Download", icon=":material/download:", help="This chart as an image, a web page or its data"):
        for fmt in FORMATS:
            disabled = fmt in ("png", "svg") and problem is not None
            st.download_button(
                FORMAT_LABELS[fmt], _deferred(chart, fmt), file_name=f"{chart.name}.{fmt}", mime=MIME[fmt],
                key=f"download.{chart.name}.{fmt}", disabled=disabled, on_click="ignore", width="stretch",
                help=problem if disabled else f"{chart.name}.{fmt}",
            )
        if problem:
            st.caption(problem)
    with row.expander("Data behind this chart"):
        st.dataframe(chart.data, hide_index=True, key=f"data.{chart.name}")


def table(frame: pd.DataFrame, *, key: str, **options: Any) -> None:
    """A table that grows with the type in presentation mode: st.dataframe draws on a canvas at a
    fixed size, so the classroom gets a plain HTML table (numbers to two decimals) instead."""
    if st.session_state.get("view.present"):
        st.table(frame.style.format(precision=2).hide(axis="index"))
    else:
        st.dataframe(frame, hide_index=True, key=key, **options)


def download_all(charts: Sequence[Chart], results: Sequence[ArticleResult], *, title: str, slides: bool = False) -> None:
    """One zip of the view (every chart and its CSV, the evidence, an offline HTML report) and, with
    `slides`, a slide deck: each built on a click with its steps named as they run, then saved."""
    from analysis.charts.report import bundle, slide_deck

    st.divider()
    view = hashlib.sha256("\0".join([title, *(c.figure.to_json() for c in charts), *(r.id for r in results)])
                          .encode("utf-8")).hexdigest()
    left, right = st.columns(2)
    with left:
        _built("all", "Download everything (zip)", lambda step: bundle(charts, results, title=title, progress=step),
               view=view, file_name=f"{charts[0].name.split('_', 1)[-1] if charts else 'view'}_framelens.zip",
               mime="application/zip", primary=True,
               help="All charts (PNG, SVG, HTML, CSV), the per-sentence evidence as CSV, and a report that opens offline.")
    if slides:
        with right:
            _built("slides", "Slide deck (PPTX)", lambda step: slide_deck(charts, results, title=title, progress=step),
                   view=view, file_name=f"{charts[0].name}_slides.pptx" if charts else "slides.pptx",
                   mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
                   help="A title slide and one slide per chart, with the chart's numbers in the speaker notes.")


def _built(kind: str, label: str, build: Callable[[Callable[[str], None]], bytes], *, view: str, file_name: str,
           mime: str, help: str, primary: bool = False) -> None:
    """A button that builds a file inside an `st.status` naming each step (a spinner alone hides
    twenty seconds of work), then a button that saves it. The file is kept while the view is the same."""
    key = f"download.{kind}"
    if st.button(label, key=key, type="primary" if primary else "secondary", icon=":material/download:", help=help):
        with st.status(f"Building {file_name}", expanded=True) as status:
            def step(text: str) -> None:
                status.update(label=plain(text))
                st.write(plain(text))

            data = build(step)
            status.update(label=f"{file_name} is ready ({len(data) / 1_048_576:.1f} MB)", state="complete",
                          expanded=False)
        st.session_state[f"{key}.file"] = (view, data)
    kept = st.session_state.get(f"{key}.file")
    if kept and kept[0] == view:
        st.download_button(f"Save {file_name} ({len(kept[1]) / 1_048_576:.1f} MB)", kept[1], file_name=file_name,
                           mime=mime, key=f"{key}.save", on_click="ignore", icon=":material/save:")


def filtered_corpus(*, need: int = 1) -> Listing:
    """The corpus as listed under the sidebar filters (with the articles chosen in the shared
    view); stops the page with advice when fewer than `need` articles pass, instead of
    drawing empty charts."""
    from dashboard import data, state

    chosen = [*st.session_state["view.ids"], st.session_state["view.article"]]
    listing = data.matching(state.filters(), include=[i for i in chosen if i])
    if not listing.total:
        stop(NO_ARTICLES)
    if listing.matched < need:
        stop(NO_MATCH if not listing.matched else
             f"Only {listing.matched} article(s) match the filters; this page needs {need}. "
             "Widen the filters in the sidebar.")
    return listing


def stop(message: str) -> NoReturn:
    """End the page with advice (see `empty_state`), keeping the shareable link up to date:
    after `st.stop()` no Streamlit call runs, so the URL is written first."""
    from dashboard import state

    state.sync_url()
    empty_state(message)
    st.stop()


_MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+\-.!|~<>$&:]")


def plain(text: str) -> str:
    """Text shown literally in any element that renders Markdown (st.markdown, st.caption, st.error …):
    Markdown, LaTeX ($), HTML, and the ":" of links written out and of Streamlit's :icon: and :color[] escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\g<0>", text)


def side_by_side(items: Sequence[T], *parts: Callable[[T], None], stacked: bool = False) -> None:
    """Draw every part of every item: in columns, one row of columns per part, so that each
    part lines up across items whatever the height of the one above; stacked (presentation
    mode), item after item at full width."""
    if stacked:
        for item in items:
            for part in parts:
                part(item)
        return
    for part in parts:
        for column, item in zip(st.columns(len(items)), items):
            with column:
                part(item)


def empty_state(message: str) -> None:
    """Say what to do instead of drawing an empty chart."""
    st.info(message, icon=":material/lightbulb:")


NO_MATCH = ("No article matches the filters. Lower the minimum frame share, widen the tone range "
            "or clear the search in the sidebar.")
NO_ARTICLES = "The corpus is empty. Add articles on the Corpus page, or reset it to the seed articles there."
