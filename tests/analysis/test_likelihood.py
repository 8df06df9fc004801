from __future__ import annotations

import pytest

from indicators.analysis import SCALE, likelihood
from indicators.analysis.likelihood import term

CASES = [
    (0.999, "virtually certain", "vrijwel zeker"),
    (0.991, "virtually certain", "vrijwel zeker"),
    (0.99, "very likely", "zeer waarschijnlijk"),
    (0.90, "very likely", "zeer waarschijnlijk"),
    (0.8999, "likely", "waarschijnlijk"),
    (0.66, "likely", "waarschijnlijk"),
    (0.6599, "about as likely as not", "ongeveer even waarschijnlijk als niet"),
    (0.33, "about as likely as not", "ongeveer even waarschijnlijk als niet"),
    (0.3299, "unlikely", "onwaarschijnlijk"),
    (0.10, "unlikely", "onwaarschijnlijk"),
    (0.0999, "very unlikely", "zeer onwaarschijnlijk"),
    (0.01, "very unlikely", "zeer onwaarschijnlijk"),
    (0.0099, "exceptionally unlikely", "uitzonderlijk onwaarschijnlijk"),
    (0.0, "exceptionally unlikely", "uitzonderlijk onwaarschijnlijk"),
    (1.0, "virtually certain", "vrijwel zeker"),
]


@pytest.mark.parametrize(("p", "en", "nl"), CASES)
def test_each_probability_gets_the_term_of_the_fixed_scale(p, en, nl):
    assert term(p, "en") == en
    assert term(p, "nl") == nl


def test_the_scale_has_seven_steps_covering_0_to_100_percent():
    assert len(SCALE) == 7
    assert SCALE[0].high == 100 and SCALE[-1].low == 0
    for upper, lower in zip(SCALE, SCALE[1:], strict=False):
        assert lower.high == upper.low


def test_range_labels_read_as_the_issue_writes_them():
    assert [s.range_label for s in SCALE] == [
        "> 99%", "90–99%", "66–90%", "33–66%", "10–33%", "1–10%", "< 1%",
    ]  # fmt: skip


@pytest.mark.parametrize("bad", [-0.01, 1.01, float("nan")])
def test_a_probability_outside_0_1_is_refused(bad):
    with pytest.raises(ValueError):
        likelihood(bad)
