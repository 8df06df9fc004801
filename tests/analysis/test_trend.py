from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from indicators.analysis import InsufficientDataError, estimate_trend
from indicators.analysis.series import as_series_data, infer_frequency
from indicators.analysis.structural import level_covariance
from indicators.errors import InputError
from tests.analysis.strategies import make_series


def _counts(n=120, freq="M", seed=1, scale=1000.0):
    rng = np.random.default_rng(seed)
    t = np.arange(n)
    level = scale * np.exp(0.3 * np.sin(t / 15))
    season = 1 + 0.3 * np.sin(2 * np.pi * t / 12) if freq == "M" else 1
    return make_series(np.round(level * season * np.exp(rng.normal(0, 0.15, n))), freq)


def test_too_few_points_raise_insufficient_data():
    with pytest.raises(InsufficientDataError) as err:
        estimate_trend(make_series([1.0, 2.0, np.nan, np.nan]))
    assert err.value.n_points == 2 and err.value.needed == 3
    assert "too few data points" in str(err.value)


def test_short_series_get_a_line_with_wide_honest_intervals():
    short = estimate_trend(make_series([10, 12, 9, 13, 11], "A"))
    assert short.method == "line"
    frame = short.to_frame()
    # five noisy points: a 95% band wider than the spread of the values themselves
    assert (frame["hi95"] - frame["lo95"]).min() > 3


def test_long_monthly_series_get_the_structural_model_with_season_and_ar():
    trend = estimate_trend(_counts(), value_kind="count")
    assert trend.method == "structural_ar"
    assert trend.frequency == "M"
    assert np.ptp(trend.seasonal) > 0.2  # the 30% seasonal swing is found (log scale)


def test_counts_whose_noise_grows_with_the_level_go_on_the_log_scale():
    assert estimate_trend(_counts(), value_kind="count").scale == "log"
    rates = make_series(20 + np.random.default_rng(3).normal(0, 1, 40))
    assert estimate_trend(rates, value_kind="percent").scale == "linear"


def test_intervals_nest_and_contain_the_level():
    frame = estimate_trend(_counts(40, "Q")).to_frame()
    cols = ["lo95", "lo80", "lo50", "level", "hi50", "hi80", "hi95"]
    assert (frame[cols].diff(axis=1).iloc[:, 1:] >= 0).all().all()


def test_gaps_keep_their_period_and_get_a_level():
    series = _counts(40, "Q").drop(index=pd.Timestamp("2018-04-01"))
    frame = estimate_trend(series).to_frame()
    gap = frame[frame["period_start"] == pd.Timestamp("2018-04-01")].iloc[0]
    assert not gap["observed"] and np.isnan(gap["value"]) and gap["level"] > 0
    assert len(frame) == 40


def test_reported_bounds_and_provisional_values_widen_the_band():
    series = _counts(40, "Q")
    plain = estimate_trend(series).to_frame()
    frame = pd.DataFrame({"period_start": series.index, "value": series.to_numpy()})
    frame["lower"], frame["upper"] = 0.6 * frame["value"], 1.6 * frame["value"]
    frame["flags"] = [""] * 36 + ["p"] * 4
    measured = estimate_trend(frame).to_frame()
    width = lambda f: (f["hi95"] - f["lo95"]) / f["level"]  # noqa: E731
    assert (width(measured) >= width(plain) * 0.999).all()
    assert width(measured).iloc[-1] > 1.05 * width(plain).iloc[-1]


def test_level_covariance_matches_statsmodels_and_the_simulation_smoother():
    from statsmodels.tsa.statespace.structural import UnobservedComponents

    rng = np.random.default_rng(7)
    y = np.cumsum(np.cumsum(rng.normal(0, 0.02, 60))) + rng.normal(0, 0.3, 60)
    y[[5, 17, 40]] = np.nan
    model = UnobservedComponents(y, level="local linear trend")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = model.fit(disp=False)
    cov = level_covariance(res.smoother_results)
    lag1 = res.smoother_results.smoothed_state_autocovariance(lag=1)[0, 0, 1:]
    # Both sides are algebra on the same fitted smoother output, so only rounding separates
    # them whatever the BLAS kernel: tight tolerances show it is the same covariance.
    np.testing.assert_allclose(np.diag(cov, -1), lag1, rtol=1e-8)
    np.testing.assert_allclose(np.diag(cov), res.smoothed_state_cov[0, 0], rtol=1e-10)
    sim = model.simulation_smoother()
    draws = []
    for _ in range(3000):
        sim.simulate()
        draws.append(sim.simulated_state[0].copy())
    empirical = np.cov(np.array(draws).T)
    assert np.abs(empirical - cov).max() < 0.08 * np.abs(cov).max()


def test_frequency_comes_from_the_spacing_of_period_starts():
    months = pd.date_range("2020-01-01", periods=5, freq="MS")
    assert infer_frequency(months) == "M"
    assert infer_frequency(pd.date_range("2020-01-01", periods=5, freq="QS")) == "Q"
    assert infer_frequency(pd.date_range("2020-01-01", periods=5, freq="YS")) == "A"


def test_a_period_given_twice_is_an_input_error():
    series = pd.Series([1.0, 2.0, 3.0], pd.to_datetime(["2020-01-01", "2020-01-15", "2020-02-01"]))
    with pytest.raises(InputError, match="appears twice"):
        as_series_data(series, frequency="M")


def test_quarterly_series_with_many_gaps_is_read_as_quarterly():
    """Issue 13: 40% of quarters missing used to read as annual ('period 2017 appears twice')."""
    quarters = pd.period_range("2016Q1", "2025Q4", freq="Q").to_timestamp()
    keep = np.random.default_rng(3).random(len(quarters)) > 0.4
    series = pd.Series(np.arange(keep.sum(), dtype=float) + 10, quarters[keep])
    assert infer_frequency(series.index) == "Q"
    assert as_series_data(series).frequency == "Q"
    # Gaps of whole years in a monthly series do not make it annual either.
    months = pd.date_range("2016-01-01", periods=60, freq="MS")
    assert infer_frequency(months[[0, 1, 13, 25, 37]]) == "M"


def test_dates_that_fit_no_grid_ask_for_the_frequency():
    starts = pd.to_datetime(["2020-01-01", "2020-01-15", "2020-02-01"])
    with pytest.raises(InputError, match="pass frequency="):
        infer_frequency(pd.DatetimeIndex(starts))
