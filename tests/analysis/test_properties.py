"""Properties of compare_periods that must hold for any series (hypothesis)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.analysis import compare_periods
from tests.analysis.strategies import halves, noisy_series

SETTINGS = settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
BOUNDS = ["low95", "low80", "estimate", "high80", "high95"]
# The variance parameters are maximum-likelihood estimates: a shifted or scaled series
# standardises to the same values up to rounding, and the optimiser then stops at the
# same optimum up to its tolerance. So "unchanged" means: within 0.1% of the interval.
RTOL = 1e-3


def _compare(series, swap=False, windows=None):
    a, b = windows or halves(series)
    return compare_periods(series, *((b, a) if swap else (a, b)), scale="linear")


@SETTINGS
@given(noisy_series())
def test_intervals_contain_the_estimate(series):
    c = _compare(series)
    for result in (c, *c.methods):
        values = [getattr(result, k) for k in BOUNDS]
        assert values == sorted(values), (result, values)


@SETTINGS
@given(noisy_series(), st.floats(-1e4, 1e4, allow_nan=False))
def test_adding_a_constant_leaves_the_absolute_change_unchanged(series, constant):
    before, after = _compare(series), _compare(series + constant)
    tol = RTOL * (before.high95 - before.low95)
    for key in BOUNDS:
        assert getattr(after, key) == pytest.approx(getattr(before, key), abs=tol)
    assert after.probability_increase == pytest.approx(before.probability_increase, abs=RTOL)


@SETTINGS
@given(noisy_series(), st.floats(0.01, 1000, allow_nan=False))
def test_scaling_the_series_scales_the_change(series, factor):
    before, after = _compare(series), _compare(series * factor)
    tol = RTOL * factor * (before.high95 - before.low95)
    for key in BOUNDS:
        assert getattr(after, key) == pytest.approx(factor * getattr(before, key), abs=tol)
    assert after.probability_increase == pytest.approx(before.probability_increase, abs=RTOL)


@SETTINGS
@given(noisy_series())
def test_swapping_windows_flips_the_sign(series):
    ab, ba = _compare(series), _compare(series, swap=True)
    # Swapping windows reuses the same fit of the same series (the windows do not enter the
    # fit), so the result is negated exactly up to rounding on every BLAS kernel.
    assert ba.estimate == pytest.approx(-ab.estimate, rel=1e-9, abs=1e-9)
    assert ba.low95 == pytest.approx(-ab.high95, rel=1e-9, abs=1e-9)
    assert ba.high95 == pytest.approx(-ab.low95, rel=1e-9, abs=1e-9)
    assert ba.probability_increase == pytest.approx(1 - ab.probability_increase, abs=1e-9)
    for m_ab, m_ba in zip(ab.methods, ba.methods, strict=True):
        assert m_ba.estimate == pytest.approx(-m_ab.estimate, rel=1e-9, abs=1e-9)


@SETTINGS
@given(noisy_series(), st.integers(0, 2**32 - 1))
def test_shuffling_rows_changes_nothing(series, seed):
    shuffled = series.iloc[np.random.default_rng(seed).permutation(len(series))]
    windows = halves(series)
    # Sorted, the shuffled rows are the same input to the same code in one process: the
    # result is bit-identical (exact equality is right here; a fit across processes or
    # machines would need a tolerance).
    assert _compare(shuffled, windows=windows).to_dict() == _compare(series).to_dict()


@SETTINGS
@given(noisy_series(), st.floats(0.1, 100, allow_nan=False))
def test_scaling_holds_on_the_log_scale_too(series, factor):
    positive = series - series.min() + 10
    before = compare_periods(positive, *halves(positive), scale="log")
    after = compare_periods(positive * factor, *halves(positive), scale="log")
    tol = RTOL * (before.high95 - before.low95)
    assert after.estimate_pct == pytest.approx(before.estimate_pct, abs=RTOL * 100)
    assert after.estimate == pytest.approx(factor * before.estimate, abs=factor * tol)
