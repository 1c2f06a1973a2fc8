"""Drawing helpers every page shares: charts, empty states, the chart style in force."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.theme import CLASSROOM, SCREEN, ChartStyle


def style() -> ChartStyle:
    """Classroom style in presentation mode, screen style otherwise."""
    return CLASSROOM if st.session_state.get("view.present") else SCREEN


def show_chart(fig: go.Figure, data: pd.DataFrame, *, name: str) -> None:
    """Draw one chart; `name` says what it shows and keys the widget ("frame-profile_000-vs-002").

    `data` is exactly what the chart plots, kept beside it for the data view.
    """
    st.plotly_chart(fig, theme=None, key=f"chart.{name}", config={"displaylogo": False})
    with st.expander("Data behind this chart"):
        st.dataframe(data, hide_index=True, key=f"data.{name}")


def empty_state(message: str) -> None:
    """Say what to do instead of drawing an empty chart."""
    st.info(message, icon=":material/lightbulb:")


NO_MATCH = ("No article matches the filters. Lower the minimum frame share, widen the tone range "
            "or clear the search in the sidebar.")
NO_ARTICLES = "The corpus is empty. Add articles on the Corpus page, or reset it to the seed articles there."
