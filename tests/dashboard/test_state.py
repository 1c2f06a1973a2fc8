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
