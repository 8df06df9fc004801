from __future__ import annotations

import pytest

from indicators.analysis.direction import direction_of_travel, worded_change
from indicators.analysis.likelihood import SCALE


@pytest.mark.parametrize(
    ("verdict", "p_increase", "lang", "expected"),
    [
        ("increase", 0.995, "en", "↑ higher — virtually certain (> 99%)"),
        ("decrease", 0.02, "nl", "↓ lager — zeer waarschijnlijk (90–99%)"),
        (
            "no_detectable_change",
            0.7,
            "en",
            "↕ no detectable change (wide interval) — higher: likely (66–90%)",
        ),
        ("little_change", 0.4, "nl", "≈ weinig verandering — lager: ongeveer even "
         "waarschijnlijk als niet (33–66%)"),
    ],
)  # fmt: skip
def test_direction_words(verdict, p_increase, lang, expected):
    assert direction_of_travel(verdict, p_increase).words(lang) == expected


@pytest.mark.parametrize("p", [0.0, 0.01, 0.3, 0.5, 0.66, 0.9, 1.0])
def test_direction_takes_the_more_likely_side_and_a_term_of_the_one_scale(p):
    d = direction_of_travel("no_detectable_change", p)
    assert 0.5 <= d.probability <= 1.0
    assert d.leaning == ("higher" if p >= 0.5 else "lower")
    assert d.term in SCALE


def test_unknown_verdict_is_an_error():
    with pytest.raises(ValueError, match="unknown verdict"):
        direction_of_travel("better", 0.9)


def test_stored_summaries_all_have_a_worded_change(store):
    frame = store.series_summaries()
    compared = frame[frame["verdict"].notna()]
    assert len(compared) > 50
    for row in compared.to_dict("records"):
        w = worded_change(row)
        # The stored term is the one worded_change gives, from the stored probabilities.
        assert w.term.en == row["likelihood"]
        assert w.direction == {"increase": "higher", "decrease": "lower"}.get(row["verdict"])
        assert w.term.low <= 100 * w.probability <= w.term.high
