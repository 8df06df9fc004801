"""The calibration study of issue 13: coverage, strong words on no change, calibration, power.

Runs the whole study (fixed seeds, worker processes) and checks the acceptance rules
on every process; then checks that the stored result the Method page shows
(`data/calibration/study.json`) is this study's result, within the tolerance that
BLAS kernels allow (an interval edge may move in its last digits and flip a series).
"""

from __future__ import annotations

import pytest

from indicators.analysis import calibration

pytestmark = pytest.mark.slow

# One series in 800 flipping across an interval edge moves a rate by 0.001.
STORED_TOLERANCE = 0.004
# Where the study shows the method still misses the acceptance rule (issue 13,
# reported in its closing note). Strict: a miss that starts passing fails the suite.
KNOWN_MISSES = {
    ("calibration", "smooth"): "calibration error 1.60x its floor on these 800 series, 1.29x "
    "on 3,200 others (seeds 400-1999): stated probabilities of 15-75% come true about 6 "
    "points more often than said, the few dozen series in those bins decide the ratio",
}


def _cases(rule: str) -> list:
    return [
        pytest.param(
            p,
            marks=pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[(rule, p)])
            if (rule, p) in KNOWN_MISSES
            else (),
        )
        for p in calibration.PROCESSES
    ]


@pytest.fixture(scope="module")
def study() -> dict:
    return calibration.run_study()


def test_every_process_is_in_the_study(study):
    assert [row["process"] for row in study["processes"]] == list(calibration.PROCESSES)
    assert all(row["n"] == 800 for row in study["processes"])


@pytest.mark.parametrize("process", _cases("coverage"))
def test_intervals_cover_as_stated(study, process):
    row = next(r for r in study["processes"] if r["process"] == process)
    assert 0.93 <= row["coverage95"] <= 0.97, row
    assert 0.77 <= row["coverage80"] <= 0.83, row


@pytest.mark.parametrize("process", _cases("strong"))
def test_no_change_is_seldom_called_very_likely(study, process):
    row = next(r for r in study["processes"] if r["process"] == process)
    assert row["strong_on_no_change"] <= 0.05, row


@pytest.mark.parametrize("process", _cases("calibration"))
def test_stated_probabilities_are_calibrated_within_the_sampling_floor(study, process):
    row = next(r for r in study["processes"] if r["process"] == process)
    assert row["calibration_error"] <= 1.5 * row["calibration_floor"], row


@pytest.mark.parametrize("process", _cases("power"))
def test_power_at_the_smallest_detectable_change_is_reported_and_near_80_percent(study, process):
    row = next(r for r in study["processes"] if r["process"] == process)
    assert 0.70 <= row["power"] <= 0.92, row


def test_sentences_word_what_the_headline_says(study):
    for row in study["processes"]:
        assert row["full_checks"] == calibration.FULL_PER_PROCESS
        assert row["full_consistent"], row


def test_the_stored_result_is_this_study(study):
    stored = calibration.load_study()
    assert stored is not None, "run python -m indicators.analysis.calibration"
    assert stored["sizes"] == study["sizes"] and stored["seed"] == study["seed"]
    for mine, kept in zip(study["processes"], stored["processes"], strict=True):
        assert mine["process"] == kept["process"]
        for key in ("coverage95", "coverage80", "strong_on_no_change", "power"):
            assert mine[key] == pytest.approx(kept[key], abs=STORED_TOLERANCE), (key, mine)
        assert mine["calibration_error"] == pytest.approx(kept["calibration_error"], abs=0.002)
