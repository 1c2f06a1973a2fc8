"""The shareable view: sidebar filters, selections and presentation mode, mirrored in the URL.

The URL query string is read once per session (validated: unknown ids and frames are
dropped, numbers clamped) and rewritten after every run, so a copied link reopens the
exact view. Widget keys are namespaced: "filters.*" for the sidebar, "view.*" for
selections that outlive a page.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import streamlit as st

from analysis.corpus.select import Filters
from analysis.types import FRAMES
from dashboard.data import ADDED_KEY, Choices

DEFAULTS: dict[str, object] = {
    "filters.frames": list(FRAMES),
    "filters.min": 0.0,
    "filters.kinds": [],
    "filters.outlets": [],
    "filters.from": "",
    "filters.to": "",
    "filters.tone": (-1.0, 1.0),
    "filters.query": "",
    "view.present": False,
    "view.ids": [],
    "view.article": "",
}


def _floats(raw: str, low: float, high: float) -> list[float]:
    """The numbers in a comma-separated value, clamped to [low, high]; text and NaN dropped."""
    values = []
    for part in raw.split(","):
        try:
            number = float(part)
        except ValueError:
            continue
        if not math.isnan(number):
            values.append(min(high, max(low, number)))
    return values


def parse_params(params: Mapping[str, str], *, ids: Sequence[str], kinds: Sequence[str],
                 outlets: Sequence[str], dates: Sequence[str]) -> dict[str, object]:
    """Session values from query parameters; anything unknown or malformed is dropped."""
    values: dict[str, object] = {}

    def listed(name: str, allowed: Sequence[str]) -> list[str] | None:
        if name not in params:
            return None
        return list(dict.fromkeys(v for v in params[name].split(",") if v in allowed))

    if (frames := listed("frames", FRAMES)) is not None:
        values["filters.frames"] = frames
    if "min" in params and (share := _floats(params["min"], 0.0, 1.0)):
        values["filters.min"] = share[0]
    if (chosen := listed("kind", kinds)) is not None:
        values["filters.kinds"] = chosen
    if (chosen := listed("outlet", outlets)) is not None:
        values["filters.outlets"] = chosen
    for name in ("from", "to"):
        if params.get(name) in dates:
            values[f"filters.{name}"] = params[name]
    if "tone" in params and len(tone := _floats(params["tone"], -1.0, 1.0)) == 2:
        values["filters.tone"] = (min(tone), max(tone))
    if "q" in params:
        values["filters.query"] = params["q"][:200]
    if params.get("present") == "1":
        values["view.present"] = True
    if (chosen := listed("ids", ids)) is not None:
        values["view.ids"] = chosen[:4]
    if params.get("article") in ids:
        values["view.article"] = params["article"]
    return values


def to_params(state: Mapping[str, object]) -> dict[str, str]:
    """Query parameters for the values that differ from the defaults."""
    params: dict[str, str] = {}
    value = lambda key: state.get(key, DEFAULTS[key])
    if list(value("filters.frames")) != list(FRAMES):
        params["frames"] = ",".join(value("filters.frames"))
    if value("filters.min"):
        params["min"] = f"{value('filters.min'):g}"
    for key, name in (("filters.kinds", "kind"), ("filters.outlets", "outlet"), ("view.ids", "ids")):
        if value(key):
            params[name] = ",".join(value(key))
    for name in ("from", "to"):
        if value(f"filters.{name}"):
            params[name] = str(value(f"filters.{name}"))
    if tuple(value("filters.tone")) != (-1.0, 1.0):
        low, high = value("filters.tone")
        params["tone"] = f"{low:g},{high:g}"
    if value("filters.query"):
        params["q"] = str(value("filters.query"))
    if value("view.present"):
        params["present"] = "1"
    if value("view.article"):
        params["article"] = str(value("view.article"))
    if added := state.get(ADDED_KEY):
        params["added"] = ",".join(added.values())
    return params


def init(choices: Choices) -> None:
    """Fill the session from defaults and, once per session, from the URL."""
    for key, default in DEFAULTS.items():
        st.session_state.setdefault(key, default)
    if not st.session_state.get("view.loaded"):
        st.session_state["view.loaded"] = True
        asked = st.query_params.get("article", "")
        st.session_state["view.unknown_article"] = asked if asked and asked not in choices.ids else ""
        st.session_state.update(
            parse_params(
                st.query_params.to_dict(),
                ids=choices.ids,
                kinds=choices.kinds,
                outlets=choices.outlets,
                dates=choices.dates,
            )
        )


def sync_url() -> None:
    """Rewrite the query string from the session so the address bar is a shareable link."""
    wanted = to_params(st.session_state)
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def filters() -> Filters:
    """The sidebar's filters as the pure `Filters` the analysis layer applies."""
    s = st.session_state
    return Filters(
        frames=tuple(s["filters.frames"]) or FRAMES,
        min_share=float(s["filters.min"]),
        kinds=tuple(s["filters.kinds"]),
        outlets=tuple(s["filters.outlets"]),
        date_from=s["filters.from"] or None,
        date_to=s["filters.to"] or None,
        polarity=tuple(s["filters.tone"]),
        query=s["filters.query"],
    )


def sidebar(choices: Choices) -> None:
    """The filters that apply on every page."""
    with st.sidebar:
        st.toggle("Presentation mode", key="view.present", help="Large type, no sidebar, one chart per screen.")
        st.header("Filters")
        st.multiselect("Frames", FRAMES, key="filters.frames",
                       help="Frames that count for the minimum share and are highlighted in the Reader.")
        st.slider("Minimum frame share", 0.0, 1.0, step=0.05, key="filters.min",
                  help="Keep articles where at least one chosen frame reaches this share of sentences.")
        kinds, outlets, dates = choices.kinds, choices.outlets, choices.dates
        if kinds:
            st.multiselect("Kind", kinds, key="filters.kinds")
        if outlets:
            st.multiselect("Outlet", outlets, key="filters.outlets")
        if dates:
            left, right = st.columns(2)
            left.selectbox("From", ["", *dates], key="filters.from", format_func=lambda d: d or "any")
            right.selectbox("To", ["", *dates], key="filters.to", format_func=lambda d: d or "any")
        else:
            st.caption("Date filter: no article in the corpus has a known date.")
        st.slider("Tone", -1.0, 1.0, step=0.05, key="filters.tone",
                  help="How positive the wording is, from −1 (negative) to +1 (positive): the polarity computed "
                       "by the TextBlob library.")
        st.text_input("Search", key="filters.query", placeholder="e.g. sanctions",
                      help="Keeps articles containing the phrase and marks its sentences in the Reader.")
