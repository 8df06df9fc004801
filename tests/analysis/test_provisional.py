"""The provisional bias estimate and the correction the window means make with it."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from indicators.analysis.means import PROVISIONAL_BIAS_SD, window_means
from indicators.analysis.provisional import (
    MIN_REVISIONS,
    ProvisionalBias,
    bias_by_source,
    estimate_bias,
    series_bias,
)


def _revisions(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(
        rows,
        columns=["indicator_id", "source_id", "old_value", "new_value", "old_flags", "new_flags"],
    )


def test_only_provisional_values_made_final_count():
    frame = _revisions(
        [
            ("x", "s", 90.0, 100.0, "p", ""),
            ("x", "s", 45.0, 50.0, "p", "e"),
            ("x", "s", 92.0, 100.0, "p", ""),
            ("x", "s", 80.0, 100.0, "p", "p"),  # still provisional: not yet final
            ("x", "s", 80.0, 100.0, "", ""),  # a final value revised: not a provisional one
            ("x", "s", None, 100.0, None, ""),  # new, no old value
            ("x", "s", 0.0, 3.0, "p", ""),  # no log ratio
        ]
    )
    found = estimate_bias(frame)
    logs = np.log([0.9, 0.9, 0.92])
    assert found == ProvisionalBias(
        pytest.approx(logs.mean()), pytest.approx(logs.std(ddof=1) / math.sqrt(3)), 3
    )
    assert found.factor == pytest.approx(math.exp(logs.mean()))


def test_too_few_values_made_final_give_no_estimate():
    rows = [("x", "s", 90.0, 100.0, "p", "")] * (MIN_REVISIONS - 1)
    assert estimate_bias(_revisions(rows)) is None
    assert bias_by_source(_revisions(rows)) == {}


def test_estimates_are_per_indicator_and_source_and_a_series_takes_its_own():
    low = [("x", "s", 90.0, 100.0, "p", "")] * 3
    high = [("x", "t", 110.0, 100.0, "p", "")] * 3
    estimates = bias_by_source(_revisions(low + high))
    assert set(estimates) == {("x", "s"), ("x", "t")}
    assert estimates[("x", "s")].bias == pytest.approx(math.log(0.9))
    obs = pd.DataFrame({"flags": ["", "p", "p"], "source_id": ["t", "s", "s"]})
    assert series_bias(estimates, "x", obs) is estimates[("x", "s")]
    # Provisional values from two sources: no one correction fits both.
    mixed = obs.assign(source_id=["s", "s", "t"], flags=["", "p", "p"])
    assert series_bias(estimates, "x", mixed) is None
    assert series_bias(estimates, "y", obs) is None


def _quarterly(bias: float = math.log(0.92)):
    rng = np.random.default_rng(7)
    n = 40
    values = 100 + rng.normal(0, 3, n)
    provisional = np.zeros(n, dtype=bool)
    provisional[-4:] = True
    values[provisional] *= math.exp(bias)
    in_a = np.arange(n) < 24
    return values, in_a, ~in_a, provisional


def test_the_correction_moves_window_b_back_by_the_bias():
    values, in_a, in_b, provisional = _quarterly()
    plain = window_means(values, in_a, in_b, frequency="Q", provisional=provisional)
    estimate = ProvisionalBias(math.log(0.92), 0.004, 16)
    fixed = window_means(
        values, in_a, in_b, frequency="Q", provisional=provisional, provisional_bias=estimate
    )
    undone = values.copy()
    undone[provisional] /= 0.92
    truth = window_means(undone, in_a, in_b, frequency="Q")
    assert fixed.mean_b == pytest.approx(truth.mean_b, rel=1e-9)
    assert fixed.mean_a == pytest.approx(plain.mean_a)
    # The 4 of 16 values of window B that came in 8% low pulled its mean down ~2%.
    assert fixed.estimate - plain.estimate == pytest.approx(
        np.sum(undone[provisional] - values[provisional]) / in_b.sum(), rel=1e-6
    )
    # Its standard error, not the 5% prior, is the shared bias's uncertainty.
    assert 0.004 < PROVISIONAL_BIAS_SD
    assert fixed.sd < plain.sd
    assert fixed.sd > truth.sd


def test_on_the_log_scale_the_correction_and_its_uncertainty_are_shifts():
    values, in_a, in_b, provisional = _quarterly()
    logs = np.log(values)
    estimate = ProvisionalBias(math.log(0.92), 0.01, 16)
    fixed = window_means(
        logs,
        in_a,
        in_b,
        frequency="Q",
        provisional=provisional,
        provisional_bias=estimate,
        log_scale=True,
    )
    undone = logs.copy()
    undone[provisional] -= math.log(0.92)
    truth = window_means(undone, in_a, in_b, frequency="Q")
    assert fixed.mean_b == pytest.approx(truth.mean_b, rel=1e-12)
    # A relative bias of sd 0.01 on 4 of 16 values: a shift of sd 0.0025 in window B's mean.
    assert fixed.sd**2 == pytest.approx(truth.sd**2 + 0.0025**2, rel=1e-9)
