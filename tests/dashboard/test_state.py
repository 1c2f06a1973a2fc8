from __future__ import annotations

import pytest

from dashboard.state import DEFAULTS, parse_params, to_params

KNOWN = {"ids": ["000", "001", "004"], "kinds": ["op-ed", "analysis"], "outlets": [], "dates": ["2021-03-05"]}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"frames": "SECURITY,BOGUS"}, {"filters.frames": ["SECURITY"]}),
        ({"min": "7"}, {"filters.min": 1.0}),
        ({"min": "abc"}, {}),
        ({"tone": "0.5,-2"}, {"filters.tone": (-1.0, 0.5)}),
        ({"tone": "0.5"}, {}),
        ({"kind": "op-ed,blog"}, {"filters.kinds": ["op-ed"]}),
        ({"from": "2021-03-05", "to": "1999"}, {"filters.from": "2021-03-05"}),
        ({"ids": "000,999,001,004,000,001"}, {"view.ids": ["000", "001", "004"]}),
        ({"article": "999"}, {}),
        ({"article": "004", "present": "1", "q": "chips"}, {"view.article": "004", "view.present": True, "filters.query": "chips"}),
        ({"present": "0"}, {}),
        ({"present": "yes"}, {}),
        ({"min": "-3"}, {"filters.min": 0.0}),
        ({"min": "nan"}, {}),
        ({"min": "inf"}, {"filters.min": 1.0}),
        ({"tone": "-5,5"}, {"filters.tone": (-1.0, 1.0)}),
        ({"tone": "0.1,0.2,0.3"}, {}),
        ({"frames": ""}, {"filters.frames": []}),
        ({"frames": "market"}, {"filters.frames": []}),  # names are exact: an unknown spelling is dropped
        ({"ids": "000,001,004,000,001,004,999"}, {"view.ids": ["000", "001", "004"]}),
        ({"q": "x" * 500}, {"filters.query": "x" * 200}),
        ({"outlet": "Reuters"}, {"filters.outlets": []}),
        ({"unknown": "1", "page": "compare"}, {}),
    ],
)
def test_parse_params_validates(params: dict[str, str], expected: dict) -> None:
    assert parse_params(params, **KNOWN) == expected


def test_round_trip_and_defaults_give_a_clean_url() -> None:
    assert to_params(DEFAULTS) == {}
    state = {**DEFAULTS, "filters.frames": ["MARKET"], "filters.min": 0.25, "filters.tone": (-0.5, 1.0),
             "view.ids": ["000", "004"], "view.present": True, "filters.query": "subsidies"}
    params = to_params(state)
    assert params == {"frames": "MARKET", "min": "0.25", "tone": "-0.5,1", "ids": "000,004", "present": "1", "q": "subsidies"}
    back = parse_params(params, **KNOWN)
    assert {k: back[k] for k in back} == {k: state[k] for k in back}


@pytest.mark.parametrize(
    "state",
    [
        {"filters.kinds": ["analysis"], "filters.from": "2021-03-05", "view.article": "001"},
        {"filters.frames": ["ANALOGY", "HISTORY"], "filters.min": 1.0, "filters.tone": (-1.0, -0.25)},
        {"filters.query": "great leap, forward & co?", "view.ids": ["004", "000"]},
    ],
)
def test_every_view_survives_the_url(state: dict) -> None:
    full = {**DEFAULTS, **state}
    assert parse_params(to_params(full), **KNOWN) == state
