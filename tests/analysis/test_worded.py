"""The worded probability: a change that matters, under a sceptical prior (issue 13)."""

from __future__ import annotations

import math

import pytest

from indicators.analysis.direction import worded_change
from indicators.analysis.likelihood import SCALE
from indicators.analysis.sceptical import sceptical_probabilities
from indicators.analysis.student import t_cdf


def _result(verdict, estimate, half_width, level_a=100.0, **extra):
    return {
        "verdict": verdict,
        "estimate": estimate,
        "low95": estimate - half_width,
        "high95": estimate + half_width,
        "level_a": level_a,
        **extra,
    }


@pytest.mark.parametrize(
    ("result", "lang", "expected"),
    [
        (_result("increase", 20, 15), "en", "↑ higher — more than 10% higher: likely (66–90%)"),
        (
            _result("no_detectable_change", 8, 10),
            "nl",
            "↕ geen aantoonbare verandering (breed interval) — een verandering van meer dan "
            "10%: onwaarschijnlijk (10–33%)",
        ),
        (
            _result("decrease", -3, 2, level_a=30, value_kind="percent"),
            "en",
            "↓ lower — more than 3.0 percentage points lower: about as likely as not (33–66%)",
        ),
    ],
)
def test_words_carry_the_event_the_term_and_its_range(result, lang, expected):
    assert worded_change(result).words(lang) == expected


@pytest.mark.parametrize("verdict", ["little_change", "no_detectable_change"])
def test_no_direction_word_unless_the_interval_supports_it(verdict):
    w = worded_change(_result(verdict, 9, 10))
    assert w.direction is None and w.event == "beyond_margin"
    assert "higher" not in w.words("en") and "lower" not in w.words("en")


def test_probability_lies_in_the_range_of_its_term():
    for est in (-40, -12, -3, 0, 3, 12, 40):
        for half in (2, 8, 30):
            verdict = "increase" if est - half > 0 else "decrease" if est + half < 0 else "x"
            w = worded_change(
                _result(verdict if verdict != "x" else "no_detectable_change", est, half)
            )
            assert w.term in SCALE
            assert w.term.low <= 100 * w.probability <= w.term.high


def test_sceptical_probability_is_below_the_flat_prior_one():
    # Two standard errors above zero: a flat prior says 97.7% for an increase.
    flat = t_cdf(2.0, math.inf)
    probs = sceptical_probabilities(2.0, 1.0, margin=1.0)
    assert probs.above < 0.66 < flat
    assert probs.no_change > 0.2


def test_a_large_precise_change_is_virtually_certain():
    probs = sceptical_probabilities(50.0, 2.0, margin=10.0)
    assert probs.above > 0.99 and probs.no_change < 1e-6


def test_no_change_estimate_gives_no_strong_words():
    for sd in (0.5, 2.0, 5.0, 20.0):
        probs = sceptical_probabilities(0.0, sd, margin=10.0)
        assert probs.beyond < 0.66
        assert math.isclose(probs.above, probs.below)


def test_explicit_margin_overrides_the_default():
    wide = worded_change(_result("increase", 20, 15), margin=30.0)
    assert wide.margin == 30.0 and wide.margin_label("en") == "30%"
    assert wide.probability < worded_change(_result("increase", 20, 15)).probability


def test_unknown_verdict_is_an_error():
    with pytest.raises(ValueError, match="unknown verdict"):
        worded_change(_result("better", 1, 1))


def test_the_mixture_likelihood_reduces_to_the_closed_form_for_one_normal():
    from indicators.analysis.sceptical import sceptical_mixture

    for estimate, sd in ((5.0, 6.45), (20.0, 6.45), (-15.0, 8.0), (0.0, 3.0)):
        exact = sceptical_probabilities(estimate, sd, 10.0)
        grid = sceptical_mixture(estimate, [(1.0, sd)], 10.0)
        assert grid.above == pytest.approx(exact.above, abs=1e-4)
        assert grid.below == pytest.approx(exact.below, abs=1e-4)
        assert grid.no_change == pytest.approx(exact.no_change, abs=1e-6)


def test_a_mixture_over_persistence_is_not_the_normal_of_its_95_percent_interval():
    from indicators.analysis.sceptical import sceptical_mixture

    # Half the posterior weight on a narrow width, half on a wide one (φ near 0 and
    # near 0.9): an estimate of two margins is more surely beyond one margin than the
    # single normal with the mixture's 95% half-width says, and the no-change weight
    # reads the density at zero of both widths.
    parts = [(0.5, 4.0), (0.5, 16.0)]
    mixture = sceptical_mixture(20.0, parts, 10.0)
    # The 95% half-width of this mixture is 26.3: a normal of sd 26.3 / 1.96.
    normal = sceptical_probabilities(20.0, 26.3 / 1.96, 10.0)
    assert mixture.above > normal.above + 0.1
    assert mixture.no_change < normal.no_change - 0.1 and mixture.below < 0.02


def test_few_degrees_of_freedom_give_heavier_tails_than_the_normal():
    from indicators.analysis.sceptical import sceptical_mixture

    normal = sceptical_mixture(40.0, [(1.0, 8.0)], 10.0)
    student = sceptical_mixture(40.0, [(1.0, 8.0)], 10.0, df=4)
    # Five standard errors out: the t's tails leave more room for no change at all.
    assert student.no_change > 10 * normal.no_change
