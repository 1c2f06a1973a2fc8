"""Reader: one article with every frame cue highlighted, and the evidence as a table."""

import pandas as pd
import streamlit as st

from analysis import select, tables
from analysis.types import FRAMES
from dashboard import data, state
from dashboard.highlight import article_html, legend_html
from dashboard.theme import READER_CSS
from dashboard.widgets import empty_state, filtered_corpus, plain

st.title("Reader")
table = filtered_corpus().rows
filters = state.filters()

by_id = {row.id: row for row in table.itertuples()}
if st.session_state.get("reader.article") not in by_id:
    st.session_state["reader.article"] = st.session_state["view.article"] if st.session_state["view.article"] in by_id else next(iter(by_id))
article_id = st.selectbox("Article", list(by_id), key="reader.article", format_func=lambda i: tables.label(by_id[i], width=90))
st.session_state["view.article"] = article_id
(result,) = data.results([article_id])

left, right = st.columns([3, 2])
frames = left.multiselect("Highlight frames", FRAMES, default=list(filters.frames), key="reader.frames")
only = right.toggle("Only sentences carrying these frames", key="reader.only")
meta = " · ".join(v for v in (result.kind, result.outlet, result.date, f"{result.words} words", result.source) if v)
st.caption(plain(meta))
cols = st.columns(len(FRAMES))
for col, frame in zip(cols, FRAMES):
    col.metric(frame, f"{result.frames[frame].share:.0%}", help=f"{result.frames[frame].sentences} of "
               f"{result.sentence_count} sentences; {result.frames[frame].per_1k_words} cues per 1,000 words")
matches = select.matching_sentences(result, filters.query)
if filters.query.strip():
    st.caption(f"Search: {len(matches)} sentence(s) contain the phrase; they are outlined.")
st.markdown(READER_CSS + legend_html(frames), unsafe_allow_html=True)
st.caption("Hover a highlighted phrase to see its frame and lexicon group.")
if only and not any(f in s.frames for s in result.sentences for f in frames):
    empty_state("No sentence of this article carries the chosen frames. Choose other frames or turn off the filter.")
else:
    st.markdown(article_html(result, frames=frames, only_carrying=only, matches=matches), unsafe_allow_html=True)
if result.trimmed:
    with st.expander("Trimmed from the end of the file (site furniture, not scored)"):
        st.text(result.trimmed)

st.subheader("Evidence")
st.caption("Each label shows what in the sentence pushed it there: lexicon cues (with their group) and words the "
           "model learned from coded articles (group *learned*). *Context* is how much the article around the "
           "sentence added to the decision (log-odds; above 0 the article made the label more likely).")
evidence = pd.DataFrame(
    [{"sentence": i + 1, "frame": f, "strength": hit.strength, "context": hit.context, "cue": c.text, "group": c.role,
      "start": c.start, "end": c.end}
     for i, s in enumerate(result.sentences) for f, hit in s.frames.items() if f in frames for c in hit.cues],
    columns=["sentence", "frame", "strength", "context", "cue", "group", "start", "end"],
)
st.dataframe(evidence, hide_index=True, key="reader.evidence")
