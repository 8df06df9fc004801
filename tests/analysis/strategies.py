"""Reusable hypothesis strategies and small series builders for the analysis tests."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import strategies as st

FREQ = {"M": "M", "Q": "Q", "A": "Y"}


def make_series(values, frequency: str = "Q", start: str = "2016-01") -> pd.Series:
    index = pd.period_range(start, periods=len(values), freq=FREQ[frequency]).to_timestamp()
    return pd.Series(np.asarray(values, dtype=float), index)


@st.composite
def noisy_series(draw: st.DrawFn) -> pd.Series:
    """A quarterly series of 12 to 36 values: level, slow drift, noise and a few gaps."""
    n = draw(st.integers(12, 36))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    level = draw(st.floats(-500, 500, allow_nan=False))
    noise = draw(st.floats(0.5, 50, allow_nan=False))
    values = level + np.cumsum(rng.normal(0, noise / 3, n)) + rng.normal(0, noise, n)
    gaps = rng.random(n) < draw(st.floats(0, 0.15))
    gaps[[0, n // 2 - 1, n // 2, n - 1]] = False  # every window keeps values at its edges
    values[gaps] = np.nan
    return make_series(values, "Q")


def halves(series: pd.Series) -> tuple[tuple, tuple]:
    """Windows A (first half) and B (second half) as (start, end) date pairs."""
    mid = len(series) // 2
    idx = series.index
    return (idx[0], idx[mid - 1]), (idx[mid], idx[-1])
