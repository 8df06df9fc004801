"""Simulation study: are the intervals and probabilities calibrated? (issue 3)

240 series with known truth, fixed seeds, fitted in parallel worker processes.
"""

from __future__ import annotations

import pytest

from indicators.analysis.workers import run_parallel
from tests.analysis.simulation import Case, Outcome, run_case

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def outcomes() -> list[Outcome]:
    cases = [
        Case(seed, freq, kind)
        for freq, per_kind in (
            ("M", {"null": 60, "trend": 30, "step": 30}),
            ("Q", {"null": 60, "trend": 30, "step": 30}),
        )
        for kind, count in per_kind.items()
        for seed in range(count)
    ]
    return run_parallel(run_case, cases, cost=lambda c: 3.0 if c.frequency == "M" else 1.0)


def test_study_is_large_enough(outcomes):
    assert len(outcomes) >= 200
    assert {o.case.kind for o in outcomes} == {"null", "trend", "step"}


def test_95_interval_covers_the_true_change_90_to_98_percent(outcomes):
    coverage = sum(o.covered for o in outcomes) / len(outcomes)
    assert 0.90 <= coverage <= 0.98, coverage


def test_no_change_is_seldom_called_very_likely(outcomes):
    null = [o for o in outcomes if o.case.kind == "null"]
    extreme = sum(o.probability_increase >= 0.95 or o.probability_increase <= 0.05 for o in null)
    assert extreme / len(null) <= 0.15, extreme / len(null)


def test_a_step_of_two_noise_sds_is_found(outcomes):
    steps = [o for o in outcomes if o.case.kind == "step"]
    found = sum(o.probability_increase >= 0.9 for o in steps)
    assert found / len(steps) >= 0.80, found / len(steps)


@pytest.mark.parametrize("frequency", ["M", "Q"])
def test_calibration_holds_per_frequency(outcomes, frequency):
    mine = [o for o in outcomes if o.case.frequency == frequency]
    coverage = sum(o.covered for o in mine) / len(mine)
    assert coverage >= 0.85, (frequency, coverage)
