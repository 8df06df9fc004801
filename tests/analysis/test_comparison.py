from __future__ import annotations

import dataclasses
import json

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from indicators.analysis import InsufficientDataError, compare_periods, parse_window
from indicators.analysis.comparison import methods_agree
from indicators.errors import InputError
from tests.analysis.strategies import make_series

ISSUE_KEYS = {
    "estimate",
    "estimate_pct",
    "low80",
    "high80",
    "low95",
    "high95",
    "probability_increase",
    "likelihood",
    "methods",
    "methods_agree",
    "smallest_detectable_change",
    "sentence_nl",
    "sentence_en",
}


def _monthly(values):
    return make_series(values, "M")


def _iid(seed, sd=5.0):
    return _monthly(100 + np.random.default_rng(seed).normal(0, sd, 120))


@pytest.mark.parametrize(
    ("spec", "start", "end", "label"),
    [
        ("2016-2021", "2016-01-01", "2021-12-31", "2016–2021"),
        ("2019", "2019-01-01", "2019-12-31", "2019"),
        ("2016-03..2021-06", "2016-03-01", "2021-06-30", "2016-03..2021-06"),
        (("2017-01-01", "2018-06-30"), "2017-01-01", "2018-06-30", "2017-01-01..2018-06-30"),
    ],
)
def test_windows_are_read_as_evaluators_write_them(spec, start, end, label):
    w = parse_window(spec)
    assert (w.start, w.end, w.label) == (pd.Timestamp(start), pd.Timestamp(end), label)


@pytest.mark.parametrize("spec", ["2021-2016", "last year", "2016-13..2017-01"])
def test_impossible_windows_are_input_errors(spec):
    with pytest.raises(InputError):
        parse_window(spec)


def test_result_has_every_field_the_issue_lists_and_is_json():
    c = compare_periods(_iid(1), "2016-2021", "2022-2025")
    data = c.to_dict()
    assert ISSUE_KEYS <= set(data)
    json.dumps(data)  # plain values only
    for method in data["methods"]:
        assert {"name", "estimate", "low95", "high95", "low80", "high80"} <= set(method)
    assert {m["name"] for m in data["methods"]} >= {"adjusted_means", "period_means", "trend_means"}


def test_on_independent_noise_it_agrees_with_the_textbook_t_interval():
    width_ratios = {"headline": [], "period_means": []}
    for seed in range(12):
        series = _iid(seed)
        a, b = series[:72], series[72:]
        t = stats.ttest_ind(b, a, equal_var=False).confidence_interval(0.95)
        c = compare_periods(series, "2016-2021", "2022-2025", scale="linear")
        means = next(m for m in c.methods if m.name == "period_means")
        # The headline is a fitted model: on independent noise it must reduce to the mean
        # difference. Its variance parameters come from an optimiser whose last digits move
        # with the BLAS kernel (OPENBLAS_CORETYPE=Haswell moved it by 1e-9), so "equal" is
        # within a millionth of the interval's width: far below any shown digit, far above
        # the optimiser's tolerance.
        assert c.estimate == pytest.approx(b.mean() - a.mean(), abs=1e-6 * (t.high - t.low))
        # Period means are closed-form arithmetic: only floating-point rounding may differ.
        assert means.estimate == pytest.approx(b.mean() - a.mean(), abs=1e-9)
        width_ratios["headline"].append((c.high95 - c.low95) / (t.high - t.low))
        width_ratios["period_means"].append((means.high95 - means.low95) / (t.high - t.low))
    for name, ratios in width_ratios.items():
        assert 0.9 <= np.median(ratios) <= 1.1, (name, ratios)
        # The headline's φ posterior reaches down to −0.3 (independent noise is then not
        # on the grid's edge); a series that looks anti-persistent by chance may narrow
        # to sqrt(0.7 / 1.3) = 0.73 of the textbook width, never further.
        assert 0.7 <= min(ratios) and max(ratios) <= 1.5, (name, ratios)


def test_autocorrelated_noise_gets_wider_intervals_than_independent_noise():
    rng = np.random.default_rng(5)
    e = np.zeros(120)
    for i in range(1, 120):
        e[i] = 0.6 * e[i - 1] + 0.8 * rng.normal()
    lingering = compare_periods(_monthly(100 + 5 * e), "2016-2021", "2022-2025", scale="linear")
    independent = compare_periods(_iid(5, 5.0), "2016-2021", "2022-2025", scale="linear")
    assert lingering.high95 - lingering.low95 > 1.3 * (independent.high95 - independent.low95)


def test_a_window_without_values_is_too_few_data_points():
    with pytest.raises(InsufficientDataError, match="2030"):
        compare_periods(_iid(1), "2016-2021", "2030-2031")


def test_relative_to_comparison_countries_uses_placebo_permutations():
    target = _iid(2)
    t = np.arange(120)
    rising = {
        c: 100 * (1 + (t >= 72)) + np.random.default_rng(i).normal(0, 5, 120)
        for i, c in enumerate("XYZ")
    }
    comparison = pd.DataFrame(rising, index=target.index)
    c = compare_periods(target, "2016-2021", "2022-2025", comparison, scale="linear")
    did = next(m for m in c.methods if m.name == "relative_to_comparison")
    # comparison countries doubled, the target did not: relative to them it fell by ~100
    assert did.high95 < 0 and did.estimate == pytest.approx(-100, abs=10)
    # A different quantity: shown as context, never a vote against the headline.
    assert c.methods_agree
    assert "opposite directions" in c.sentence_en and "tegengestelde" in c.sentence_nl


def test_too_few_placebos_is_said_instead_of_a_coarse_probability():
    years = pd.date_range("2016-01-01", periods=10, freq="YS")
    rng = np.random.default_rng(4)
    target = pd.Series(100 + rng.normal(0, 5, 10), years)
    others = pd.DataFrame({c: 100 + rng.normal(0, 5, 10) for c in "XYZ"}, index=years)
    c = compare_periods(target, "2016-2021", "2022-2025", others, scale="linear")
    assert "relative_to_comparison" not in {m.name for m in c.methods}
    assert c.comparison_note == "too_few_placebos"
    assert "Too few values for a calibrated comparison" in c.sentence_en


def _tracking(seed, shift=0.0, drift=0.0, twin=False):
    """A target and three comparison countries sharing one slow common path."""
    rng = np.random.default_rng(seed)
    t = np.arange(120)
    common = np.cumsum(rng.normal(0, 2, 120))
    others = {c: 100 + common + rng.normal(0, 2, 120) for c in "XYZ"}
    target = 100 + common + rng.normal(0, 2, 120) + shift * (t >= 72) + drift * t
    if twin:  # one comparison country moves exactly like the target
        others["X"] = others["X"] + shift * (t >= 72)
    index = _iid(0).index
    return _monthly(target), pd.DataFrame(others, index=index)


def _relative(c):
    return next(m for m in c.methods if m.name == "relative_to_comparison")


def test_cross_country_placebos_and_the_pre_period_check_are_stated_with_their_counts():
    target, others = _tracking(7, shift=15.0)
    c = compare_periods(target, "2016-2021", "2022-2025", others, scale="linear")
    did = _relative(c)
    assert (did.placebo_units, did.placebo_as_large) == (3, 0)
    # 72 months in window A: 71 placebo periods, and the comparison tracked the target.
    assert did.pre_fit is True and did.pre_placebos == 71
    assert abs(did.pre_gap_pct) < 2
    assert "0 of 3 show a relative change at least as large" in c.sentence_en
    assert "3 placebos give a rank, not a probability" in c.sentence_en
    assert "within the range of 71 placebo periods" in c.sentence_en
    assert "0 van de 3" in c.sentence_nl and "71 placeboperioden" in c.sentence_nl
    from indicators.analysis.statements import find_causal_language

    assert find_causal_language(c.sentence_en) == find_causal_language(c.sentence_nl) == []
    # It travels with the method: a stored comparison rebuilds it from the JSON.
    again = type(did)(**json.loads(json.dumps(did.to_dict())))
    assert again == did


def test_a_placebo_country_that_moved_as_much_counts_against_the_target():
    target, others = _tracking(8, shift=15.0, twin=True)
    c = compare_periods(target, "2016-2021", "2022-2025", others, scale="linear")
    assert _relative(c).placebo_as_large >= 1
    assert "0 of 3" not in c.sentence_en


def test_a_comparison_that_drifts_apart_within_window_a_fails_the_pre_period_check():
    target, others = _tracking(9, drift=0.5)
    c = compare_periods(target, "2016-2021", "2022-2025", others, scale="linear")
    did = _relative(c)
    assert did.pre_fit is False
    assert "outside the range of 71 placebo periods" in c.sentence_en
    assert "the comparison with them says little" in c.sentence_en
    assert "zegt de vergelijking met hen weinig" in c.sentence_nl


def test_long_comparison_frames_work_like_wide_ones():
    target = _iid(3)
    wide = pd.DataFrame({"DZA": _iid(4).to_numpy(), "EGY": _iid(6).to_numpy()}, index=target.index)
    long = (
        wide.rename_axis("period_start").reset_index().melt("period_start", var_name="country_iso3")
    )
    a = compare_periods(target, "2016-2021", "2022-2025", wide)
    b = compare_periods(target, "2016-2021", "2022-2025", long)
    # Both shapes become the same input to the same code in one process: bit-identical.
    assert a.to_dict() == b.to_dict()


def test_methods_agree_unless_their_verdicts_point_opposite_ways():
    methods = list(compare_periods(_iid(1), "2016-2021", "2022-2025").methods)
    assert methods_agree(methods)
    up = dataclasses.replace(methods[0], low95=1.0, high95=3.0)
    down = dataclasses.replace(methods[1], low95=-3.0, high95=-1.0)
    # a direction beside no detectable change: calibrated methods of different power
    assert methods_agree([up, *methods[1:]])
    assert not methods_agree([up, down, *methods[2:]])


def test_smallest_detectable_change_grows_with_the_noise():
    calm = compare_periods(_iid(1, 1.0), "2016-2021", "2022-2025", scale="linear")
    noisy = compare_periods(_iid(1, 10.0), "2016-2021", "2022-2025", scale="linear")
    assert noisy.smallest_detectable_change == pytest.approx(
        10 * calm.smallest_detectable_change, rel=1e-3
    )
    # about (1.96 + 0.84) standard errors of the difference of means
    se = 10.0 * np.sqrt(1 / 72 + 1 / 48)
    assert noisy.smallest_detectable_change == pytest.approx(2.8 * se, rel=0.25)


def test_a_step_well_beyond_the_noise_is_virtually_certain():
    values = 100 + np.random.default_rng(9).normal(0, 2, 120)
    values[72:] += 20
    c = compare_periods(_monthly(values), "2016-2021", "2022-2025", scale="linear")
    assert c.likelihood == "virtually certain" and c.verdict == "increase"
    assert c.low95 > 10 and c.estimate == pytest.approx(20, abs=2)
