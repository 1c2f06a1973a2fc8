"""Overview: every article's frame profile, tone, length and keywords."""

import streamlit as st

from analysis import tables
from analysis.types import FRAMES
from dashboard import figures
from dashboard.widgets import download_all, filtered_corpus, show_chart, style

st.title("Overview")
results, shown = filtered_corpus()

st.caption(f"{len(shown)} of {len(results)} articles match the filters. Share = fraction of an article's "
           "sentences that carry the frame (see Method).")
chart_style = style()
heatmap, bars, tone = figures.overview(shown, style=chart_style)
left, right = (st.container(), st.container()) if chart_style.present else st.columns(2)
with left:
    show_chart(heatmap)
with right:
    show_chart(bars)
show_chart(tone)

st.subheader("Articles")
st.caption("Click a row (or choose below) to pick the article to read.")
table = tables.overview(shown)
by_id = {r.id: r for r in shown}
row_ids = list(table["id"])


def pick_row() -> None:
    """A clicked row becomes the article to read (runs before the rerun, with this run's rows)."""
    rows = st.session_state["overview.table"].selection.rows
    if rows:
        st.session_state["overview.article"] = row_ids[rows[0]]


st.dataframe(
    table, hide_index=True, key="overview.table", on_select=pick_row, selection_mode="single-row",
    column_config={f: st.column_config.ProgressColumn(f, min_value=0.0, max_value=1.0, format="%.2f") for f in FRAMES},
)
if st.session_state.get("overview.article") not in by_id:
    st.session_state["overview.article"] = st.session_state["view.article"] if st.session_state["view.article"] in by_id else row_ids[0]
choice = st.selectbox("Article to read", list(by_id), key="overview.article",
                      format_func=lambda i: tables.label(by_id[i], width=80))
if st.button("Open in Reader", key="overview.open", type="primary", icon=":material/menu_book:"):
    st.session_state["view.article"] = choice
    st.switch_page("views/reader.py")

download_all([heatmap, bars, tone], shown, title="FrameLens overview")
