"""Calibrated sentences, and the language guard over every template and demo sentence."""

from __future__ import annotations

import numpy as np
import pytest

from indicators.analysis import CAUSAL_WORDS, SCALE, compare_periods, find_causal_language
from indicators.analysis.methods import LABELS
from indicators.analysis.quality import WORDS
from indicators.analysis.statements import TEMPLATES
from indicators.texts import LANGS, LIBRARY
from tests.analysis.strategies import make_series

REQUIRED = {
    "caused", "led to", "due to", "thanks to", "as a result of", "effect of", "impact of",
    "veroorzaakt", "leidde tot", "dankzij", "als gevolg van", "effect van", "door de", "door het",
}  # fmt: skip


def _every_template_text() -> list[str]:
    texts = [t for forms in TEMPLATES.values() for t in forms.values()]
    texts += [t for forms in LABELS.values() for t in forms.values()]
    texts += [t for forms in WORDS.values() for t in forms.values()]
    # Every text of the library's catalogue: sentences, verdicts, export words (the one
    # sentence that may say "contributed" is checked by its own rule below).
    for lang in LANGS:
        catalog = LIBRARY.translations(lang)._catalog  # type: ignore[attr-defined]
        texts += [str(text) for key, text in catalog.items() if key and key not in CONTRIBUTION]
    texts += [s.en for s in SCALE] + [s.nl for s in SCALE]
    return texts


# An approved claim of plausible contribution is the one place "contributed" may be said
# (indicators/framework/account.claim_sentence); nothing in it may claim a cause.
CONTRIBUTION = {"fw_claim_plausible"}


def test_the_contribution_sentence_says_contributed_and_nothing_causal():
    for lang in LANGS:
        text = LIBRARY.text("fw_claim_plausible", lang, claim="")
        assert find_causal_language(text) != [], text  # the guard does see it
        assert find_causal_language(text, contribution_allowed=True) == [], text


def test_the_guard_lists_every_phrase_the_issue_forbids():
    assert REQUIRED <= set(CAUSAL_WORDS)


@pytest.mark.parametrize("phrase", sorted(CAUSAL_WORDS))
def test_the_guard_finds_each_causal_phrase(phrase):
    assert find_causal_language(f"Returns rose, {phrase.upper()} the partnership.") != []


def test_coinciding_is_allowed():
    assert find_causal_language("The period coincided with the memorandum.") == []
    assert find_causal_language("De periode viel samen met het memorandum.") == []


def test_no_template_uses_causal_language():
    for text in _every_template_text():
        assert find_causal_language(text) == [], text


def test_no_sentence_in_the_demo_store_uses_causal_language(store):
    summaries = store.series_summaries()
    assert len(summaries) > 50
    for lang in ("nl", "en"):
        for sentence in summaries[f"sentence_{lang}"]:
            assert sentence and find_causal_language(sentence) == [], sentence


def test_demo_sentences_use_the_scale_words_of_their_language(store):
    summaries = store.series_summaries().dropna(subset=["likelihood"])
    for row in summaries.itertuples():
        assert row.likelihood in {s.en for s in SCALE}
        assert row.likelihood_nl in {s.nl for s in SCALE}
        assert " het niveau " in row.sentence_nl or "verandering" in row.sentence_nl
        assert (
            "Evidence quality" in row.sentence_en and "Kwaliteit van het bewijs" in row.sentence_nl
        )


def _flat(sd: float, n: int, seed: int = 1):
    return make_series(100 + np.random.default_rng(seed).normal(0, sd, n), "M")


def test_evidence_of_little_change_is_not_no_detectable_change():
    little = compare_periods(_flat(1.0, 120), "2016-2021", "2022-2025", scale="linear")
    wide = compare_periods(_flat(40.0, 120), "2016-2021", "2022-2025", scale="linear")
    assert little.verdict == "little_change"
    assert little.sentence_en.startswith("Evidence of little change")
    assert little.sentence_nl.startswith("Aanwijzingen voor weinig verandering")
    assert wide.verdict == "no_detectable_change"
    assert "No detectable change" in wide.sentence_en and "(wide interval" in wide.sentence_en
    assert (
        "Geen aantoonbare verandering" in wide.sentence_nl and "breed interval" in wide.sentence_nl
    )


def test_a_clear_rise_is_stated_with_its_likelihood_and_interval():
    values = 100 + np.random.default_rng(2).normal(0, 2, 120)
    values[72:] *= 1.3
    c = compare_periods(make_series(values, "M"), "2016-2021", "2022-2025")
    assert c.verdict == "increase"
    assert c.sentence_en.startswith("The level in 2022–2025 was higher than in 2016–2021: +30%")
    assert "A rise of more than 10% is virtually certain (> 99%)." in c.sentence_en
    assert c.sentence_nl.startswith("Het niveau in 2022–2025 lag hoger dan in 2016–2021: +30%")
    assert "Een stijging van meer dan 10% is vrijwel zeker (> 99%)." in c.sentence_nl
    assert "95% interval" in c.sentence_en and "95%-interval" in c.sentence_nl


def test_a_small_rise_is_higher_but_a_rise_that_matters_is_not_claimed():
    values = 100 + np.random.default_rng(2).normal(0, 2, 120)
    values[72:] *= 1.03
    c = compare_periods(make_series(values, "M"), "2016-2021", "2022-2025")
    assert c.verdict == "increase" and c.probability_increase > 0.99
    assert c.probability_above_margin < 0.01
    assert "A rise of more than 10% is exceptionally unlikely (< 1%)." in c.sentence_en


def test_a_wide_interval_gets_no_direction_word():
    values = 100 + np.random.default_rng(8).normal(0, 30, 120)
    values[72:] += 6
    c = compare_periods(make_series(values, "M"), "2016-2021", "2022-2025")
    assert c.verdict == "no_detectable_change"
    head = c.sentence_en.split(". Only")[0]
    assert "A change of more than 10% either way is" in head
    assert " was higher" not in head and " was lower" not in head


def test_dutch_numbers_use_a_decimal_comma():
    values = 100 + np.random.default_rng(4).normal(0, 3, 120)
    values[72:] *= 1.05
    c = compare_periods(make_series(values, "M"), "2016-2021", "2022-2025")
    assert "+5," in c.sentence_nl or "+4," in c.sentence_nl
    assert "+5." in c.sentence_en or "+4." in c.sentence_en


def test_subject_and_events_are_named_without_explaining():
    c = compare_periods(
        _flat(5.0, 120),
        "2016-2021",
        "2022-2025",
        subject={"nl": "Terugkeer, Tunesië", "en": "Returns, Tunisia"},
    )
    assert c.sentence_en.startswith("Returns, Tunisia: ") and c.sentence_nl.startswith(
        "Terugkeer, Tunesië: "
    )


def test_contributed_is_flagged_unless_allowed_and_caused_never_is():
    text = "Returns rose; the partnership contributed to the rise."
    assert find_causal_language(text) == ["contributed"]
    assert find_causal_language(text, contribution_allowed=True) == []
    assert find_causal_language("De samenwerking heeft bijgedragen aan de daling.") != []
    caused = "The partnership caused the rise and contributed to it."
    assert find_causal_language(caused, contribution_allowed=True) == ["caused"]
    assert find_causal_language("Status: plausible contribution.") == []
