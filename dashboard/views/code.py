"""Code it yourself: label an article's sentences, then compare with FrameLens."""

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from analysis.charts.export import file_slug
from analysis.corpus.select import Filters
from analysis.errors import InputError
from analysis.gold.evaluate import GoldSentence, LabelAgreement, agreement, as_coding, parse_gold, write_gold
from analysis.report import tables
from analysis.types import FRAMES, SentenceResult
from dashboard import data
from dashboard.widgets import NO_ARTICLES, plain, stop
from dashboard.widgets import table as table_of

st.title("Code it yourself")
st.markdown(
    "Read each sentence and click the frames **you** see in it, or **none** (see the Method page for the "
    "definitions). Sentences you leave alone do not count. Then press **Check my coding** to see how often you "
    "and FrameLens agree."
)
table = data.matching(Filters()).rows
if table.empty:
    stop(NO_ARTICLES)
by_id = {row.id: row for row in table.itertuples()}
article_id = st.selectbox("Article", list(by_id), key="code.article", format_func=lambda i: tables.label(by_id[i], width=90))
(result,) = data.results([article_id])
key = lambda i: f"code.{article_id}.{i}"
#: A long article is offered in parts: the first FIRST sentences, or one paragraph.
FIRST = 15
NONE = "none"

def parts(sentences: Sequence[SentenceResult], text: str) -> dict[str, range]:
    """Parts of the article a student may code: the first 15 sentences, each paragraph, or all."""
    paragraphs: list[list[int]] = []
    for i, s in enumerate(sentences):
        if not paragraphs or "\n" in text[sentences[i - 1].end : s.start]:
            paragraphs.append([])
        paragraphs[-1].append(i)
    found = {f"The first {FIRST} sentences": range(min(FIRST, len(sentences)))} if len(sentences) > FIRST else {}
    found.update({f"Paragraph {n} (sentences {p[0] + 1}–{p[-1] + 1})": range(p[0], p[-1] + 1)
                  for n, p in enumerate(paragraphs, 1) if len(paragraphs) > 1})
    found[f"The whole article ({len(sentences)} sentences)"] = range(len(sentences))
    return found


def meaning(a: LabelAgreement) -> str:
    """Kappa in one plain sentence: agreement counts sentences where both said no, kappa does not."""
    if a.both + a.only_a + a.only_b == 0:
        return "Neither of you saw this frame, so there is nothing to compare."
    if a.kappa >= 0.6:
        return "You agree on where this frame is, well beyond what chance would give."
    if a.kappa >= 0.2:
        return "You agree on this frame somewhat more often than chance would."
    if a.agreement >= 0.8:
        return ("You agree mostly on sentences where neither of you saw the frame; "
                "on where it is, you agree no more than chance would.")
    return "On where this frame is, you agree no more than chance would."


sentences = result.sentences
chunks = parts(sentences, result.text)
part = st.selectbox("Part to code", list(chunks), key=f"code.part.{article_id}",
                    help="A long article can be coded a part at a time; only the sentences you code are compared.")
chosen = chunks[part]

uploaded = st.file_uploader("Load labels saved earlier (CSV file)", type=["csv"], key=f"code.upload.{article_id}",
                            help="A labels file downloaded from this page (researchers call it a gold file).")
if uploaded is not None and st.button("Use these labels", key="code.use_upload"):
    try:
        rows = [g for g in parse_gold(uploaded.getvalue().decode("utf-8", "replace"), source=uploaded.name)
                if g.article_id == article_id]
    except InputError as error:
        st.error(plain(str(error)))
    else:
        by_span = {(g.start, g.end): g.labels for g in rows}
        by_text = {" ".join(g.text.split()): g.labels for g in rows}
        for i, s in enumerate(sentences):
            labels = by_span.get((s.start, s.end), by_text.get(" ".join(s.text.split())))
            if labels is not None:
                st.session_state[key(i)] = list(labels) or [NONE]
        st.success(plain(f"Loaded labels for {len(rows)} sentence(s) of {article_id}."))

with st.form(f"code.form.{article_id}"):
    for i in chosen:
        st.text(f"{i + 1}. {sentences[i].text}")
        st.pills(f"Frames in sentence {i + 1}", [*FRAMES, NONE], selection_mode="multi", key=key(i),
                 label_visibility="collapsed")
    checked = st.form_submit_button("Check my coding", type="primary")

# Only the sentences the student coded count (a frame, or "none"); untouched ones are left out.
coded = [i for i in range(len(sentences)) if st.session_state.get(key(i))]
mine = tuple(GoldSentence(article_id, sentences[i].start, sentences[i].end, sentences[i].text,
                          tuple(f for f in FRAMES if f in st.session_state[key(i)])) for i in coded)
st.download_button("Download my labels (CSV file)", write_gold(mine), file_name=f"my-labels_{file_slug(article_id)}.csv",
                   mime="text/csv", key="code.download", help="Load it here later to go on, or share it with your "
                   "teacher (a gold file: one row per coded sentence).")
if checked or st.session_state.get(f"code.checked.{article_id}"):
    st.session_state[f"code.checked.{article_id}"] = True
    if not coded:
        stop("Code at least one sentence (a frame, or none) to compare with FrameLens.")
    machine = [as_coding(result)[i] for i in coded]
    scores = agreement(mine, machine)
    st.subheader("You and FrameLens")
    st.caption(f"On the {len(coded)} sentence(s) you coded, of {len(sentences)} in the article.")
    table_of(
        pd.DataFrame([{"frame": f, "agreement": a.agreement, "kappa": a.kappa,
                       "you only": a.only_a, "FrameLens only": a.only_b, "both": a.both} for f, a in scores.items()]),
        key="code.scores",
        column_config={
            "agreement": st.column_config.NumberColumn("agreement", format="%.2f",
                                                       help="Share of the coded sentences where you both said yes or both said no."),
            "kappa": st.column_config.NumberColumn("beyond chance (kappa)", format="%.2f",
                                                   help="Cohen's kappa: agreement corrected for chance. 1 is perfect, "
                                                        "0 is what chance would give, above 0.6 is usually called substantial."),
        },
    )
    # Below the table, not in it: a sentence per frame would be cut off at laptop width.
    st.markdown("What the numbers say, in plain words:\n"
                + "\n".join(f"- **{frame}**: {meaning(a)}" for frame, a in scores.items()))
    differ = [
        {"sentence": i + 1, "text": sentences[i].text, "you": ", ".join(m.labels) or "—",
         "FrameLens": ", ".join(f.labels) or "—",
         "cues": "; ".join(f"{fr}: {', '.join(c.text for c in hit.cues)}" for fr, hit in sentences[i].frames.items())}
        for i, m, f in zip(coded, mine, machine)
        if set(m.labels) != set(f.labels)
    ]
    st.subheader(f"Sentences where you differ ({len(differ)} of the {len(coded)} you coded)")
    if differ:
        st.dataframe(pd.DataFrame(differ), hide_index=True, key="code.differ")
    else:
        st.success("You and FrameLens agree on every sentence you coded.")
