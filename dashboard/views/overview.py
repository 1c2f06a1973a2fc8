"""Overview: every article's frame profile, tone, length and keywords."""

import streamlit as st

from analysis import tables
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
table = tables.overview(shown)
picked = st.dataframe(
    table, hide_index=True, key="overview.table", on_select="rerun", selection_mode="single-row",
    column_config={f: st.column_config.ProgressColumn(f, min_value=0.0, max_value=1.0, format="%.2f")
                   for f in ("ANALOGY", "SECURITY", "MARKET", "HISTORY")},
)
rows = picked.selection.rows if picked else []
ids = [r.id for r in shown]
default = ids.index(table.iloc[rows[0]]["id"]) if rows else 0
choice = st.selectbox("Article to read", ids, index=default, key="overview.article",
                      format_func=lambda i: tables.label(next(r for r in shown if r.id == i), width=80))
if st.button("Open in Reader", key="overview.open", type="primary"):
    st.session_state["view.article"] = choice
    st.switch_page("views/reader.py")

download_all([heatmap, bars, tone], shown, title="FrameLens overview")
