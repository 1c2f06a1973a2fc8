"""Compare: two to four articles side by side on shared scales."""

import streamlit as st

from analysis import tables
from dashboard import figures
from dashboard.widgets import download_all, empty_state, filtered_corpus, show_chart, style

st.title("Compare")
_, shown = filtered_corpus(need=2)

by_id = {r.id: r for r in shown}
kept = [i for i in st.session_state.get("compare.ids", st.session_state["view.ids"]) if i in by_id]
st.session_state["compare.ids"] = kept or list(by_id)[:2]
chosen = st.multiselect("Articles to compare (2 to 4)", list(by_id), key="compare.ids", max_selections=4,
                        format_func=lambda i: tables.label(by_id[i], width=70))
st.session_state["view.ids"] = chosen
if len(chosen) < 2:
    empty_state("Choose at least two articles above to compare them.")
    st.stop()

picked = [by_id[i] for i in chosen]
chart_style = style()
profile = figures.compare_profile(picked, style=chart_style)
show_chart(profile)
found = figures.comparisons(picked)
drawn = [profile]
columns = [st.container() for _ in picked] if chart_style.present else st.columns(len(picked))
for column, result in zip(columns, picked):
    with column:
        st.subheader(tables.label(result, width=50))
        st.metric("Tone (polarity)", f"{result.polarity:+.2f}", help="TextBlob polarity, −1 negative … +1 positive")
        st.caption(f"{result.words} words · {result.sentence_count} sentences · subjectivity {result.subjectivity:.2f}")
        words = tables.keywords(result, shared=found[result.id].keywords.shared).head(10)
        st.markdown("**Top keywords** (✓ = shared with another chosen article)")
        st.dataframe(words[["rank", "phrase", "shared"]], hide_index=True, key=f"compare.keywords.{result.id}",
                     column_config={"shared": st.column_config.CheckboxColumn("shared")})
        article_charts = figures.article_charts(result, picked, found[result.id], style=chart_style)
        for chart in article_charts:
            show_chart(chart)
        if len(article_charts) == 1:
            st.caption("Too little text for distinctive terms.")
        drawn += article_charts

download_all(drawn, picked, title=f"FrameLens comparison: {', '.join(chosen)}", slides=True)
