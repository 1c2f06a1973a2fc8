"""Compare: two to four articles side by side on shared scales."""

from textwrap import shorten

import streamlit as st

from analysis.charts import figures
from analysis.charts.charts import Z_CHANCE
from analysis.report import tables
from analysis.report.findings import tone_caveat
from analysis.types import ArticleResult
from dashboard import data
from dashboard.widgets import (
    download_all,
    filtered_corpus,
    plain,
    show_chart,
    side_by_side,
    stop,
    style,
)

st.title("Compare")
table = filtered_corpus(need=2).rows

by_id = {row.id: row for row in table.itertuples()}
# The widget's own value while on this page; the shared selection ("view.ids") when coming back.
remembered = st.session_state.get("compare.ids", st.session_state["view.ids"] or list(by_id)[:2])
st.session_state["compare.ids"] = [i for i in remembered if i in by_id]
chosen = st.multiselect("Articles to compare (2 to 4)", list(by_id), key="compare.ids", max_selections=4,
                        format_func=lambda i: tables.label(by_id[i], width=70))
st.session_state["view.ids"] = chosen
if len(chosen) < 2:
    stop("Choose at least two articles above to compare them (up to four).")

picked = data.results(chosen)
chart_style = style()
profile = figures.compare_profile(picked, style=chart_style)
show_chart(profile)
found = figures.comparisons(picked)
drawn = {r.id: figures.article_charts(r, picked, found[r.id], style=chart_style) for r in picked}


def heading(result: ArticleResult) -> None:
    st.subheader(plain(tables.short_label(result)))
    st.caption(plain(shorten(result.title, 90, placeholder="…")) if result.title else "(no title)")
    st.metric("Tone", f"{result.polarity:+.2f}", help="How positive the wording is, from −1 (negative) to +1 "
              "(positive): the polarity computed by the TextBlob library")
    st.caption(f"{result.words} words · {result.sentence_count} sentences · subjectivity {result.subjectivity:.2f}")
    if caveat := tone_caveat(result):
        st.caption(caveat)


def top_keywords(result: ArticleResult) -> None:
    words = tables.keywords(result, shared=found[result.id].keywords.shared).head(10)
    st.markdown("**Top keywords** (★ = also a top keyword of another chosen article)")
    st.markdown("\n".join(f"{k.rank}. " + (f"**{plain(k.phrase)}** ★" if k.shared else plain(k.phrase))
                          for k in words.itertuples()))


def flow(result: ArticleResult) -> None:
    show_chart(drawn[result.id][0])


def distinctive(result: ArticleResult) -> None:
    if len(drawn[result.id]) > 1:
        show_chart(drawn[result.id][1])
    else:
        st.caption(f"No word stands out at this length: none passes z = {Z_CHANCE} against the other articles.")


# Two articles stay side by side on a projector; three or four would be too narrow.
side_by_side(picked, heading, top_keywords, flow, distinctive, stacked=chart_style.present and len(picked) > 2)
st.caption("Distinctive words: words used more in this article than in the other(s); a word past the dotted line is "
           "unlikely to be this frequent by chance.", help="Weighted log-odds with an informative prior (Monroe et al. "
           "2008), as z-scores; the dotted line is z = 1.96. See Method.")

download_all([profile, *(c for r in picked for c in drawn[r.id])], picked,
             title=f"FrameLens comparison: {', '.join(chosen)}", slides=True)
