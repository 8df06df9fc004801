"""The smallest detectable change: the change the verdict finds with 80% probability."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from indicators.analysis.comparison import headline_only
from indicators.analysis.detectable import count_growth, smallest_detectable_change
from indicators.analysis.student import t_ppf


def test_without_growth_it_is_the_classical_minimum_detectable_effect():
    assert smallest_detectable_change(2.0, 50) == pytest.approx(
        (t_ppf(0.975, 50) + t_ppf(0.80, 50)) * 2.0
    )


def test_for_counts_it_is_the_fixed_point_at_window_b_s_higher_level():
    growth = count_growth(5.0, 5.0, 0.07, 0.10, 0.0)
    found = smallest_detectable_change(0.41, 100, growth=growth)
    base = smallest_detectable_change(0.41, 100)
    assert found > base
    assert found == pytest.approx(base * growth(found), rel=1e-6)
    # B's variance at level 5 + δ: the difference's variance grows by 0.10 · δ / 5.
    assert growth(found) == pytest.approx(np.sqrt((0.07 + 0.10 * (5 + found) / 5) / 0.17))


def test_a_count_series_states_a_larger_change_than_at_window_a_s_level():
    rng = np.random.default_rng(7)
    starts = pd.period_range("2016-01", "2025-12", freq="M").to_timestamp()
    counts = pd.Series(rng.poisson(5.0, len(starts)).astype(float), starts)
    h = headline_only(counts, "2016-2021", "2022-2025", value_kind="count")
    sd = (h.high95 - h.low95) / (2 * 1.96)
    # Above (1.96 + 0.84) sd by roughly the square root of B's level ratio, not below it.
    assert h.smallest_detectable_change > 2.8 * sd
    assert h.smallest_detectable_change < 2.8 * sd * 1.2
