"""Code it yourself: label an article's sentences, then compare with FrameLens."""

import pandas as pd
import streamlit as st

from analysis import tables
from analysis.errors import InputError
from analysis.evaluate import GoldSentence, agreement, as_coding, parse_gold, write_gold
from analysis.export import file_slug
from analysis.select import Filters
from analysis.types import FRAMES
from dashboard import data
from dashboard.widgets import NO_ARTICLES, plain, stop

st.title("Code it yourself")
st.markdown(
    "Read each sentence and click the frames **you** see in it (none is a fine answer; see the Method page "
    "for the definitions). Then press **Check my coding** to see how often you and FrameLens agree."
)
table = data.matching(Filters()).rows
if table.empty:
    stop(NO_ARTICLES)
by_id = {row.id: row for row in table.itertuples()}
article_id = st.selectbox("Article", list(by_id), key="code.article", format_func=lambda i: tables.label(by_id[i], width=90))
(result,) = data.results([article_id])
key = lambda i: f"code.{article_id}.{i}"

uploaded = st.file_uploader("Load labels saved earlier (gold CSV)", type=["csv"], key=f"code.upload.{article_id}")
if uploaded is not None and st.button("Use these labels", key="code.use_upload"):
    try:
        rows = [g for g in parse_gold(uploaded.getvalue().decode("utf-8", "replace"), source=uploaded.name)
                if g.article_id == article_id]
    except InputError as error:
        st.error(plain(str(error)))
    else:
        by_span = {(g.start, g.end): g.labels for g in rows}
        by_text = {" ".join(g.text.split()): g.labels for g in rows}
        for i, s in enumerate(result.sentences):
            labels = by_span.get((s.start, s.end), by_text.get(" ".join(s.text.split())))
            if labels is not None:
                st.session_state[key(i)] = list(labels)
        st.success(plain(f"Loaded labels for {len(rows)} sentence(s) of {article_id}."))

with st.form(f"code.form.{article_id}"):
    for i, sentence in enumerate(result.sentences):
        st.text(f"{i + 1}. {sentence.text}")
        st.pills(f"Frames in sentence {i + 1}", FRAMES, selection_mode="multi", key=key(i), label_visibility="collapsed")
    checked = st.form_submit_button("Check my coding", type="primary")

mine = tuple(
    GoldSentence(article_id, s.start, s.end, s.text, tuple(f for f in FRAMES if f in (st.session_state.get(key(i)) or [])))
    for i, s in enumerate(result.sentences)
)
st.download_button("Download my labels (gold CSV)", write_gold(mine), file_name=f"my-labels_{file_slug(article_id)}.csv",
                   mime="text/csv", key="code.download")
if checked or st.session_state.get(f"code.checked.{article_id}"):
    st.session_state[f"code.checked.{article_id}"] = True
    machine = as_coding(result)
    scores = agreement(mine, machine)
    st.subheader("You and FrameLens")
    st.dataframe(
        pd.DataFrame([{"frame": f, "agreement": a.agreement, "kappa": a.kappa, "you only": a.only_a,
                       "FrameLens only": a.only_b, "both": a.both} for f, a in scores.items()]),
        hide_index=True, key="code.scores",
    )
    st.caption("Kappa corrects agreement for chance: 1 is perfect, 0 is what chance would give, "
               "above 0.6 is usually called substantial.")
    differ = [
        {"sentence": i + 1, "text": s.text, "you": ", ".join(m.labels) or "—", "FrameLens": ", ".join(f.labels) or "—",
         "cues": "; ".join(f"{fr}: {', '.join(c.text for c in hit.cues)}" for fr, hit in s.frames.items())}
        for i, (s, m, f) in enumerate(zip(result.sentences, mine, machine))
        if set(m.labels) != set(f.labels)
    ]
    st.subheader(f"Sentences where you differ ({len(differ)})")
    if differ:
        st.dataframe(pd.DataFrame(differ), hide_index=True, key="code.differ")
    else:
        st.success("You and FrameLens agree on every sentence.")
