"""The services' cache keys: the plain spelling of their arguments (dashboard/services/cache.py).

A key that made two different views equal would hand one view's account to another,
so these check that every field of a view, and the type of each value, reaches the key;
and that what cannot be spelled out falls back to Streamlit's hashing.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from dashboard.services.cache import _plain_key
from indicators.analysis.windows import Window
from indicators.views.series import SeriesView

A = Window(pd.Timestamp("2016-01-01"), pd.Timestamp("2021-12-31"), "2016–2021")
B = Window(pd.Timestamp("2022-01-01"), None, "2022–")
VIEW = SeriesView("return_rate", "TUN", "EU27", A, B, ("MAR", "DZA"), "nl")


def test_equal_views_give_one_key():
    same = SeriesView("return_rate", "TUN", "EU27", A, B, ("MAR", "DZA"), "nl")
    assert _plain_key((VIEW,), {}) == _plain_key((same,), {})


@pytest.mark.parametrize(
    "changed",
    [
        {"indicator_id": "return_returned"},
        {"country": "MAR"},
        {"reporter": "NL"},
        {"a": dataclasses.replace(A, end=pd.Timestamp("2021-12-30"))},
        {"a": dataclasses.replace(A, end=pd.Timestamp("2021-12-31 00:00:00.000000001"))},
        {"b": dataclasses.replace(B, end=pd.Timestamp("2025-12-31"))},
        {"b": dataclasses.replace(B, label="2022–2025")},
        {"comparison": ("DZA", "MAR")},
        {"comparison": ()},
        {"lang": "en"},
    ],
)
def test_every_field_of_a_view_reaches_the_key(changed):
    assert _plain_key((VIEW,), {}) != _plain_key((dataclasses.replace(VIEW, **changed),), {})


def test_types_and_keywords_stay_apart():
    assert _plain_key((1,), {}) != _plain_key(("1",), {})
    assert _plain_key((1,), {}) != _plain_key((True,), {})
    assert _plain_key((1,), {}) != _plain_key((1.0,), {})
    assert _plain_key((pd.NaT,), {}) != _plain_key((pd.Timestamp("1970-01-01"),), {})
    assert _plain_key(((1, 2),), {}) != _plain_key(([1, 2],), {})
    assert _plain_key((VIEW, "title"), {"demo": True}) != _plain_key((VIEW, "title"), {})
    assert _plain_key((VIEW,), {"demo": True}) != _plain_key((VIEW, True), {})
    assert _plain_key((), {"a": 1, "b": 2}) == _plain_key((), {"b": 2, "a": 1})


def test_what_cannot_be_spelled_out_falls_back_to_streamlits_hashing():
    assert _plain_key((pd.DataFrame({"x": [1]}),), {}) is None
    assert _plain_key((frozenset({1, "a"}),), {}) is None
    assert _plain_key((frozenset({"b", "a"}),), {}) == _plain_key((frozenset({"a", "b"}),), {})
