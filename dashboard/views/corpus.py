"""Corpus: add articles by upload or paste, remove them, or go back to the seeds."""

import streamlit as st

from analysis import limits
from analysis.corpus import articles
from analysis.corpus.select import Filters
from analysis.engines import intake
from analysis.errors import InputError
from analysis.ingest import read as ingest
from analysis.report import tables
from dashboard import data
from dashboard.widgets import plain

NOTES = "corpus.notes"
ROUND = "corpus.upload_round"


def report(outcome: intake.Intake, added: str = "Added {n} article(s): {ids}") -> None:
    """Add what came in and keep what to say about it for the next run, which shows an
    empty uploader (a new widget key) so that pressing Add again adds nothing twice."""
    notes = [("error", plain(f"Not added — {r.source}: {r.message}")) for r in outcome.rejected]
    if outcome.documents:
        data.add(outcome)
        ids = ", ".join(d.id for d in outcome.documents)
        notes.append(("success", plain(added.format(n=len(outcome.documents), ids=ids))))
    st.session_state[NOTES] = notes


st.title("Corpus")
opened = data.store()
if opened:
    listing = data.matching(Filters())
    total, table = listing.total, listing.rows
    st.info(f"This dashboard was started on the scored corpus **{plain(opened.path.name)}** ({total:,} articles), "
            "opened read-only: nothing is rescored, and articles are not added or removed here. To change it, "
            f"score the articles again: `python -m analysis score PATHS --store {opened.path.name}`.",
            icon=":material/database:")
    if len(table) < total:
        st.caption(f"The first {len(table):,} of {total:,} articles by id.")
    st.dataframe(table[["id", "title", "kind", "outlet", "date", "words", "dominant"]], hide_index=True,
                 key="corpus.table")
else:
    docs = data.documents()
    st.caption(plain(articles.describe()))

    st.subheader("Add articles")
    for kind, note in st.session_state.pop(NOTES, []):
        (st.error if kind == "error" else st.success)(note)
    st.session_state.setdefault(ROUND, 0)
    uploads = st.file_uploader(
        "Upload files", type=[s.lstrip(".") for s in ingest.SUPPORTED], accept_multiple_files=True,
        key=f"corpus.upload.{st.session_state[ROUND]}",
        help="txt, md, html, csv or jsonl (one article a row, with a 'text' column), or a zip of these.",
    )
    with st.expander("Limits for uploads"):
        st.markdown("\n".join(f"- {plain(line)}" for line in limits.describe()))
    if st.button("Add uploaded files", key="corpus.add_upload", disabled=not uploads) and uploads:
        bar = st.progress(0.0, text="Reading and scoring the files…")
        try:
            outcome = intake.read_upload([(f.name, f.getvalue()) for f in uploads],
                                         lexicon_sources=data.overrides(), taken=[d.id for d in docs],
                                         progress=lambda done, total: bar.progress(done / total, text=f"Read {done} of {total}"))
        except InputError as error:
            st.error(plain(str(error)))
        else:
            report(outcome)
            st.session_state[ROUND] += 1
            st.rerun()

    with st.form("corpus.paste_form", clear_on_submit=True):
        title = st.text_input("Title of the pasted text", key="corpus.paste_title")
        text = st.text_area("Paste an article", height=180, key="corpus.paste_text",
                            help=f"Up to {limits.LIMITS.paste_chars:,} characters.")
        if st.form_submit_button("Add pasted text"):
            with st.spinner("Reading and scoring the text…"):
                outcome = intake.read_paste(text, title=title, lexicon_sources=data.overrides(),
                                            taken=[d.id for d in docs])
            report(outcome, "Added the pasted text as {ids}.")
            st.rerun()

    st.subheader("Articles in the corpus")
    docs = data.documents()
    st.caption(f"{len(docs)} articles in this session's corpus. Changes here apply to every page.")
    if not docs:
        st.info("The corpus is empty. Upload or paste articles above, or reset to the seed articles.", icon=":material/lightbulb:")
    else:
        st.dataframe(tables.overview(data.scored_corpus())[["id", "title", "kind", "outlet", "date", "words", "dominant"]],
                     hide_index=True, key="corpus.table")
        doomed = st.multiselect("Remove articles", [d.id for d in docs], key="corpus.remove")

        def remove() -> None:
            data.remove(st.session_state["corpus.remove"])
            st.session_state["corpus.remove"] = []

        st.button("Remove selected", key="corpus.remove_button", disabled=not doomed, on_click=remove)
    st.button("Reset to the seed articles", key="corpus.reset", on_click=data.reset)
