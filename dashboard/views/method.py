"""Method: how every number is computed, and what it can and cannot show."""

from importlib import resources

import streamlit as st

st.title("Method")
st.markdown(resources.files("analysis.charts").joinpath("method.md").read_text(encoding="utf-8"))
