"""Reader: one article with every frame cue highlighted, and the evidence as a table."""

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from analysis.charts.export import file_slug
from analysis.charts.highlight import CONTEXT_GROUPS, article_html, legend_html
from analysis.charts.theme import READER_CSS
from analysis.corpus import select
from analysis.csvout import safe_csv
from analysis.report import tables
from analysis.serialize import sentence_rows
from analysis.types import FRAMES, Cue
from dashboard import data, state
from dashboard.widgets import empty_state, filtered_corpus, plain
from dashboard.widgets import table as table_of

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
if result.off_topic:  # the reason holds only figures and fixed words, never the article's text
    st.info(f"This article has no frame labels because FrameLens reads it as off-topic: {result.off_topic}. "
            "The codebook keeps off-topic texts quiet, whatever their words.")
matches = select.matching_sentences(result, filters.query)
if filters.query.strip():
    st.caption(f"Search: {len(matches)} sentence(s) contain the phrase; they are outlined.")
st.markdown(READER_CSS + legend_html(frames), unsafe_allow_html=True)
st.caption("Each sentence starts with the frames it carries. Click or tap a highlighted phrase to see why it "
           "counts; faint grey underlines mark context words (a country, an industry) that only let a cue count, "
           "dotted ones words the model learned.")
if only and not any(f in s.frames for s in result.sentences for f in frames):
    empty_state("No sentence of this article carries the chosen frames. Choose other frames or turn off the filter.")
else:
    st.markdown(article_html(result, frames=frames, only_carrying=only, matches=matches), unsafe_allow_html=True)
if result.trimmed:
    with st.expander("Trimmed from the end of the file (site furniture, not scored)"):
        st.text(result.trimmed)



def cue_words(cues: Sequence[Cue]) -> str:
    """The lexicon cues of a label, then (named as such) the words the model learned and the context words."""
    groups = {"": [c for c in cues if c.role != "learned" and c.role not in CONTEXT_GROUPS],
              "learned: ": [c for c in cues if c.role == "learned"],
              "context: ": [c for c in cues if c.role in CONTEXT_GROUPS]}
    return " · ".join(name + ", ".join(dict.fromkeys(c.text for c in found)) for name, found in groups.items() if found)


st.subheader("Evidence")
st.caption("One row for each label of a sentence: the cue words that gave it (then the words the model learned "
           "and the context words) and the sentence itself. Character positions and strengths are in the CSV.")
evidence = pd.DataFrame(
    [{"sentence": i + 1, "frame": f, "cue words": cue_words(hit.cues), "text": s.text}
     for i, s in enumerate(result.sentences) for f, hit in s.frames.items() if f in frames],
    columns=["sentence", "frame", "cue words", "text"],
)
table_of(evidence, key="reader.evidence", column_config={"text": st.column_config.TextColumn("sentence text", width="large")})
st.download_button("Download the evidence (CSV, with positions and strengths)",
                   safe_csv(pd.DataFrame(sentence_rows([result]))), file_name=f"evidence_{file_slug(result.id)}.csv",
                   mime="text/csv", key="reader.download", on_click="ignore")
