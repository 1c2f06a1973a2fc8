"""Method: how every number is computed, and what it can and cannot show."""

from pathlib import Path

import streamlit as st

st.title("Method")
st.markdown((Path(__file__).resolve().parent.parent / "method.md").read_text(encoding="utf-8"))
