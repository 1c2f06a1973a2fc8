"""Corpus: add articles by upload or paste, remove them, or go back to the seeds."""

import streamlit as st

from analysis import ingest, tables
from analysis.errors import InputError
from analysis.select import Filters
from dashboard import data

st.title("Corpus")
opened = data.store()
if opened:
    listing = data.matching(Filters())
    total, table = listing.total, listing.rows
    st.info(f"This dashboard was started on the scored corpus **{opened.path.name}** ({total:,} articles), "
            "opened read-only: nothing is rescored, and articles are not added or removed here. To change it, "
            f"score the articles again: `python -m analysis score PATHS --store {opened.path.name}`.",
            icon=":material/database:")
    if len(table) < total:
        st.caption(f"The first {len(table):,} of {total:,} articles by id.")
    st.dataframe(table[["id", "title", "kind", "outlet", "date", "words", "dominant"]], hide_index=True,
                 key="corpus.table")
else:
    docs = data.documents()
    st.caption(f"{len(docs)} articles in this session's corpus. Changes here apply to every page.")

    st.subheader("Add articles")
    uploads = st.file_uploader(
        "Upload files", type=[s.lstrip(".") for s in ingest.SUPPORTED], accept_multiple_files=True, key="corpus.upload",
        help=f"txt, md, html, csv or jsonl (one article a row, with a 'text' column), or a zip of these. "
             f"Up to {ingest.MAX_UPLOAD_FILES} files and {ingest.MAX_UPLOAD_BYTES // 2**20} MB per upload; "
             f"{ingest.MAX_FILE_BYTES // 2**20} MB per file.",
    )
    if st.button("Add uploaded files", key="corpus.add_upload", disabled=not uploads):
        try:
            corpus = ingest.read_uploads([(f.name, f.getvalue()) for f in uploads], taken=[d.id for d in docs])
        except InputError as error:
            st.error(str(error))
        else:
            for rejected in corpus.rejected:
                st.error(f"Not added — {rejected.source}: {rejected.message}")
            if corpus.documents:
                bar = st.progress(0.0, text="Scoring new articles…")
                data.score(corpus.documents, progress=lambda done, total: bar.progress(done / total, text=f"Scored {done} of {total}"))
                data.add(corpus.documents)
                st.success(f"Added {len(corpus.documents)} article(s): {', '.join(d.id for d in corpus.documents)}")

    with st.form("corpus.paste_form", clear_on_submit=True):
        title = st.text_input("Title of the pasted text", key="corpus.paste_title")
        text = st.text_area("Paste an article", height=180, key="corpus.paste_text")
        if st.form_submit_button("Add pasted text"):
            try:
                doc = ingest.from_text(text, title=title, doc_id="pasted")
            except InputError as error:
                st.error(str(error))
            else:
                added = data.add([doc])
                data.score(added)
                st.success(f"Added the pasted text as {added[0].id}.")

    st.subheader("Articles in the corpus")
    docs = data.documents()
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
