"""Overview: every article's frame profile, tone, length and keywords; for a large stored
corpus, the same questions answered in aggregate."""

import streamlit as st

from analysis.charts import figures
from analysis.report import tables
from analysis.report.findings import TONE_CAVEAT
from analysis.types import FRAMES
from dashboard import data, state
from dashboard.widgets import download_all, filtered_corpus, show_chart, style
from dashboard.widgets import table as table_of

#: Most articles of a store drawn one bar (and one heat-map row) each; more are summarised in SQL.
PER_ARTICLE_MAX = 40

st.title("Overview")
with st.expander("Start here", expanded=not st.session_state.get("view.present"), icon=":material/flag:"):
    st.markdown(
        "A **frame** is the angle an article takes on a state's technology drive: ANALOGY (a past episode "
        "such as the Great Leap Forward), SECURITY (rivalry, sanctions) or MARKET (the costs of state "
        "direction). HISTORY marks history told on its own terms and is not a frame. A **share** is the "
        "fraction of an article's sentences that carry a frame: 0.40 means 4 sentences in 10.\n\n"
        "Three first clicks:\n"
        "1. Pick an article in the table below and press **Open in Reader** to see which words set off each frame.\n"
        "2. Open **Compare** in the menu to set two articles side by side.\n"
        "3. Open **Code it yourself** to label sentences and see where you and FrameLens differ.")
listing = filtered_corpus()
total, table, shown_count = listing.total, listing.rows, listing.matched
opened = data.store()
chart_style = style()
per_article = opened is None or shown_count <= PER_ARTICLE_MAX
if per_article:
    shown = data.results(list(table["id"]))
    charts = figures.overview(shown, style=chart_style)
    st.caption(f"{shown_count} of {total} articles match the filters. Share = fraction of an article's "
               "sentences that carry the frame (see Method).")
else:
    shown = []
    filters = state.filters()
    charts = figures.store_overview(opened.frame_means(filters, by="kind"), opened.dominant_counts(filters),
                                    opened.tone_grid(filters), style=chart_style)
    st.caption(f"{shown_count:,} of {total:,} articles match the filters: too many for a bar each, so the charts "
               "summarise them (computed in the store). Share = fraction of an article's sentences that carry "
               "the frame (see Method).")
first, second, third = charts
left, right = (st.container(), st.container()) if chart_style.present else st.columns(2)
with left:
    show_chart(first)
with right:
    show_chart(second)
show_chart(third)
st.caption(TONE_CAVEAT)

st.subheader("Articles")
if len(table) < shown_count:
    st.caption(f"The first {len(table):,} of {shown_count:,} by id; narrow the filters or search to find others.")
st.caption("Click a row (or choose below) to pick the article to read.")
row_ids = list(table["id"])
rows = {row.id: row for row in table.itertuples()}


def pick_row() -> None:
    """A clicked row becomes the article to read (runs before the rerun, with this run's rows)."""
    picked = st.session_state["overview.table"].selection.rows
    if picked:
        st.session_state["overview.article"] = row_ids[picked[0]]


# What a reader needs first fits a laptop screen; the rest waits in the expander below.
FIRST = ["id", "title", "dominant", *FRAMES, "polarity"]
if chart_style.present:
    table_of(table[FIRST], key="overview.table")
else:
    st.dataframe(
        table[FIRST], hide_index=True, key="overview.table", on_select=pick_row, selection_mode="single-row",
        column_config={
            "title": st.column_config.TextColumn("title", width="medium"),
            "polarity": st.column_config.NumberColumn("tone", format="%+.2f",
                                                      help="Polarity from −1 (negative) to +1 (positive), "
                                                           "computed by the TextBlob library"),
            **{f: st.column_config.ProgressColumn(f, min_value=0.0, max_value=1.0, format="%.2f", width="small")
               for f in FRAMES},
        },
    )
with st.expander("More about each article (keywords, kind, outlet, date, length, subjectivity)"):
    table_of(table[["id", *(c for c in table.columns if c not in FIRST)]], key="overview.more")
if st.session_state.get("overview.article") not in rows:
    st.session_state["overview.article"] = st.session_state["view.article"] if st.session_state["view.article"] in rows else row_ids[0]
choice = st.selectbox("Article to read", row_ids, key="overview.article",
                      format_func=lambda i: tables.label(rows[i], width=80))
if st.button("Open in Reader", key="overview.open", type="primary", icon=":material/menu_book:"):
    st.session_state["view.article"] = choice
    st.switch_page("views/reader.py")

download_all(charts, shown, title="FrameLens overview")
