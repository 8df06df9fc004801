"""The band of changes too small to detect, as the robustness panel shades it."""

from __future__ import annotations

import math

import pytest

from indicators.views.table import detectable_band


def test_on_the_log_scale_the_band_mirrors_the_rise_as_the_same_size_of_fall():
    low, high = detectable_band(25.0, "log")
    # +25% and -20% are the same step on the log scale: (1 + 0.25) * (1 - 0.20) = 1.
    assert high == 25.0
    assert low == pytest.approx(-20.0)
    assert math.log1p(high / 100) == pytest.approx(-math.log1p(low / 100))


def test_on_the_level_scale_the_band_is_symmetric():
    assert detectable_band(12.5, "linear") == (-12.5, 12.5)


@pytest.mark.parametrize("missing", [None, float("nan")])
def test_an_unknown_size_draws_no_band(missing):
    assert detectable_band(missing, "log") is None
