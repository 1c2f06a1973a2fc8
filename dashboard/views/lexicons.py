"""Lexicons: read and edit each frame's cue lists; scores change at once."""

import pandas as pd
import streamlit as st

from analysis.corpus.select import Filters
from analysis.errors import LexiconError
from analysis.scoring.lexicons import FILES, LABELS, default_source, load_lexicons
from analysis.types import FRAMES, Document
from dashboard import data
from dashboard.widgets import plain

#: Articles of a store rescored to show the effect of an edit (each costs a scoring).
PREVIEW = 20

st.title("Lexicons")
opened = data.store()
rescored = "the preview below is rescored" if opened else "every page is rescored"
st.markdown(
    "Each frame is detected from cue phrases grouped by role (for example *comparison*, *past_episode*); "
    "TOPIC lists what makes a text about state-led technology or industry at all. "
    f"The comment at the top of each file explains its rule and the cue syntax. Edit, press **Apply**, and "
    f"{rescored} with your version; download it to keep it, or restore the default."
)
if opened:
    st.warning(f"The scores of {opened.path.name} were computed when it was written and stay as they are; edits "
               "here apply to a preview of its first articles (below). To rescore the store, save the edited files in a "
               "folder and run `python -m analysis score PATHS --lexicons FOLDER --store FILE`.",
               icon=":material/database:")

for frame, tab in zip(LABELS, st.tabs(list(LABELS))):
    with tab:
        st.session_state.setdefault(f"lexicons.text.{frame}", data.lexicons().source(frame))
        edited = st.text_area(f"{FILES[frame]}", height=420, key=f"lexicons.text.{frame}")
        apply_col, download_col, restore_col = st.columns(3)
        if apply_col.button("Apply", key=f"lexicons.apply.{frame}", type="primary"):
            try:
                load_lexicons(overrides={**data.overrides(), frame: edited})
            except LexiconError as error:
                st.error(plain(f"Not applied — {error}"))
            else:
                data.overrides()[frame] = edited
                st.success(f"Applied your {frame} lexicon; {'the preview below' if opened else 'every page'} now uses it.")
        download_col.download_button("Download", edited, file_name=FILES[frame], mime="application/x-yaml",
                                     key=f"lexicons.download.{frame}")

        def restore(frame: str = frame) -> None:
            data.overrides().pop(frame, None)
            st.session_state[f"lexicons.text.{frame}"] = default_source(frame)

        restore_col.button("Restore default", key=f"lexicons.restore.{frame}", on_click=restore,
                           disabled=frame not in data.overrides())

st.subheader("Effect on the corpus")
if opened:
    before = data.results(list(data.matching(Filters()).rows["id"])[:PREVIEW])
    after = data.score([Document(r.id, r.source, r.text, r.title, r.outlet, r.kind, r.date, r.url) for r in before])
    st.caption(f"Share of sentences per frame as stored and with the lexicons in force now, for the first "
               f"{len(before)} articles of the store (rescored here, the store itself is unchanged).")
    names = ("stored", "now")
else:
    before, after = data.score(data.documents(), packaged=True), data.scored_corpus()
    st.caption("Share of sentences per frame with the packaged lexicons and with the ones in force now.")
    names = ("packaged", "now")
rows = []
for old, new in zip(before, after):
    row = {"id": new.id}
    for frame in FRAMES:
        row[f"{frame} {names[0]}"] = old.frames[frame].share
        row[f"{frame} {names[1]}"] = new.frames[frame].share
    rows.append(row)
st.dataframe(pd.DataFrame(rows), hide_index=True, key="lexicons.effect")
