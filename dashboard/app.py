"""FrameLens dashboard: declares the pages and draws what every page shares.

Run from the repository root: `python -m dashboard` (or `streamlit run dashboard/app.py`).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run` puts only dashboard/ on the path
    sys.path.insert(0, str(ROOT))

import streamlit as st

from analysis.corpus.articles import KEEP_DAYS
from analysis.errors import StoreError
from dashboard import data, state
from dashboard.widgets import plain

VIEWS = Path(__file__).resolve().parent / "views"
#: Presentation mode: no sidebar, larger type; Streamlit's own elements, so it lives with the app.
PRESENTATION_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] {display: none;}
html, body, [data-testid="stAppViewContainer"] {font-size: 24px; color: #111111; background: #ffffff;}
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li {font-size: 1.15rem; line-height: 1.5;}
h1 {font-size: 3rem !important;} h2 {font-size: 2.3rem !important;} h3 {font-size: 1.8rem !important;}
.block-container {max-width: 100% !important; padding-top: 3.5rem;}
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {color: #222222 !important; font-size: 1rem;}
[data-testid="stMetricValue"] p {font-size: 3rem !important; line-height: 1.2;}
.fl-reader {font-size: 1.35rem !important;}
[data-testid="stTable"] table, [data-testid="stTable"] th, [data-testid="stTable"] td {font-size: 1rem !important;}
[data-testid="stExpander"] summary p, [data-testid="stWidgetLabel"] p {font-size: 1rem !important;}
</style>
"""

# A local file: a material icon as page icon is fetched from a font server, and classrooms may be offline.
st.set_page_config(page_title="FrameLens", page_icon=str(Path(__file__).resolve().parent / "icon.svg"), layout="wide")


def run() -> None:
    """Draw the chosen page with the sidebar and what every page shares."""
    data.init()
    choices = data.choices()
    state.init(choices)

    page = st.navigation(
        [
            st.Page(VIEWS / "overview.py", title="Overview", icon=":material/bar_chart:", default=True),
            st.Page(VIEWS / "compare.py", title="Compare", icon=":material/compare:", url_path="compare"),
            st.Page(VIEWS / "reader.py", title="Reader", icon=":material/menu_book:", url_path="reader"),
            st.Page(VIEWS / "corpus.py", title="Corpus", icon=":material/folder_open:", url_path="corpus"),
            st.Page(VIEWS / "code.py", title="Code it yourself", icon=":material/checklist:", url_path="code"),
            st.Page(VIEWS / "lexicons.py", title="Lexicons", icon=":material/edit_note:", url_path="lexicons"),
            st.Page(VIEWS / "method.py", title="Method", icon=":material/help:", url_path="method"),
        ],
        # The sidebar is hidden in presentation mode, so the page links move to the top bar.
        position="top" if st.session_state["view.present"] else "sidebar",
    )
    state.sidebar(choices)
    if problem := data.store_problem():
        st.error(plain(f"Could not open the scored corpus — {problem}. Showing the session's own articles instead."),
                 icon=":material/error:")
    if gone := data.missing():
        st.warning(plain(f"This link names {len(gone)} added article(s) no longer kept on this server "
                         f"({', '.join(gone)}): unused for {KEEP_DAYS} days, removed to make room, or never added "
                         "here. Add them again on the Corpus page."), icon=":material/warning:")
    if unknown := st.session_state.get("view.unknown_article"):
        st.warning(plain(f"The link names article {unknown}, which is not in this corpus; showing the others."),
                   icon=":material/warning:")
    if st.session_state["view.present"]:
        st.markdown(PRESENTATION_CSS, unsafe_allow_html=True)
        st.button("Exit presentation mode", key="view.exit_present",
                  on_click=lambda: st.session_state.update({"view.present": False}))
    page.run()


try:
    run()
except StoreError as error:  # the store broke while in use: run again on the seeds, with the red message
    data.store_failed(error)
    st.rerun()
state.sync_url()  # a page that stops early syncs through `widgets.stop`
