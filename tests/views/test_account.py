"""The one account of a series: short headlines, one verdict vocabulary, the aim in words."""

from __future__ import annotations

import pytest

from indicators.analysis import compare_from_store, find_causal_language
from indicators.views import account, series_view, worded
from indicators.views import words as W
from indicators.views.account import aim, headline
from indicators.views.words import VERDICTS


@pytest.fixture(scope="module")
def accounts(store):
    cat = store.catalogue()
    views = [
        series_view(cat, ind.id, country, lang=lang, **kw)
        for ind in cat.indicators
        for country in ("TUN", "MAR")
        for lang in ("nl", "en")
        for kw in ({}, {"reporter": "NL", "b": "taskforce", "comparison": ["MAR", "EGY"]})
    ]
    return [account(store, v, cat) for v in views]


def test_headlines_are_short_and_say_one_verdict(accounts):
    for acc in accounts:
        assert len(acc.headline.split()) <= 25, acc.headline
        if acc.ok:
            others = [w for k, w in VERDICTS.items() if k != acc.verdict]
            assert not any(w[acc.view.lang] in acc.headline.lower() for w in others[:2])


def test_a_headline_says_percentage_points_once(accounts):
    points = [a for a in accounts if a.ok and a.comparison.value_kind == "percent"]
    assert points, "the demonstration store has percentage-point series"
    for acc in points:
        unit = "percentage points" if acc.view.lang == "en" else "procentpunt"
        assert acc.headline.count(unit) == 1, acc.headline


def test_no_detectable_change_never_beside_a_likelihood_of_a_direction(accounts):
    undetected = [a for a in accounts if a.verdict in ("no_detectable_change", "little_change")]
    assert undetected, "the demonstration store has series without a detectable change"
    for acc in undetected:
        assert acc.wording.direction is None
        said = " ".join([acc.verdict_words, acc.headline, acc.details[0]]).lower()
        for word in ("higher", "lower", "hoger", "lager"):
            assert word not in said, (word, said)


def test_a_detected_change_is_never_said_to_be_smaller_than_what_stands_out(accounts):
    for acc in accounts:
        if acc.verdict in ("increase", "decrease"):
            # The sentence's own words, not its size: a size such as "3" also appears
            # in "3 higher" of the robustness line.
            phrase = W.word(W.DETAILS, "detectable", acc.view.lang).split("{size}")[0].strip()
            said = [d for d in acc.details if phrase in d]
            assert not said, acc.details


def test_robustness_agreement_follows_its_rows(accounts):
    for acc in (a for a in accounts if a.ok):
        rows = acc.robustness.rows
        assert acc.robustness.agree == (len({r.verdict for r in rows}) == 1)
        assert str(len(rows)) in acc.robustness.summary
        assert sum(acc.robustness.counts().values()) == len(rows)


def test_the_aim_is_said_in_words_and_never_called_an_effect(accounts):
    for acc in accounts:
        assert acc.aim
        assert "effect" not in acc.aim.lower()
        if acc.desired_direction == "up" and acc.verdict == "increase":
            assert acc.aim.endswith(("moved that way.", "bewoog die kant op."))
        if acc.desired_direction == "up" and acc.verdict == "decrease":
            assert "other way" in acc.aim or "andere kant" in acc.aim


def test_a_log_scale_series_names_the_level_it_compared(store, accounts):
    """The chart of a log-scale series draws the typical level; the sentence must not
    let a reader take that line for the compared level (words.level_key)."""
    cat = store.catalogue()
    said = {"en": {}, "nl": {}}
    for acc in (a for a in accounts if a.ok and a.desired_direction != "none"):
        v = acc.view
        scale = store.series_summary(v.indicator_id, v.country, v.reporter)["scale"]
        quantity = cat.indicator_by_id[v.indicator_id].compared_quantity
        key = W.level_key(scale, quantity)
        said[v.lang][key] = acc.aim
        if acc.verdict in ("increase", "decrease"):
            assert W.word(W.LEVELS, key, v.lang) in acc.aim, (scale, quantity, acc.aim)
    for lang in ("en", "nl"):
        assert {"level", "average"} <= said[lang].keys(), said[lang]


@pytest.mark.parametrize(
    ("scale", "quantity", "en", "nl"),
    [
        ("linear", "arithmetic_mean", "the level moved", "het niveau bewoog"),
        ("log", "arithmetic_mean", "the average level moved", "het gemiddelde niveau bewoog"),
        ("log", "geometric_mean", "the typical level moved", "het typische niveau bewoog"),
        ("linear", "geometric_mean", "the typical level moved", "het typische niveau bewoog"),
    ],
)
def test_the_aim_names_the_compared_level(scale, quantity, en, nl):
    key = W.level_key(scale, quantity)
    assert aim("up", "increase", "en", key) == f"The partnership aims for higher; {en} that way."
    assert aim("down", "increase", "nl", key) == (
        f"Het partnerschap streeft naar lager; {nl} de andere kant op."
    )


def test_accounts_never_use_causal_language(accounts):
    for acc in accounts:
        assert not find_causal_language(acc.full_text), acc.full_text


def test_the_stored_summary_says_what_a_recomputation_says(store):
    cat = store.catalogue()
    for ind in cat.indicators:
        view = series_view(cat, ind.id, "TUN", lang="en")
        acc = account(store, view, cat)
        if not acc.ok:
            continue
        assert acc.from_summary
        c = compare_from_store(store, ind.id, "TUN", view.reporter, view.a, view.b, "default")
        assert headline(c, worded(c), "en") == acc.headline
        assert acc.verdict == c.verdict


def test_the_view_follows_its_area_windows_and_comparison_countries(store):
    cat = store.catalogue()
    view = series_view(
        cat, "return_orders", "TUN", reporter="NL", b="taskforce", comparison=["MAR", "EGY"]
    )
    acc = account(store, view, cat)
    assert (view.reporter, view.b.label, view.comparison) == ("NL", "2025–", ("MAR", "EGY"))
    assert not acc.from_summary
    assert acc.comparison_countries == ("MAR", "EGY")
    assert "Marokko, Egypte" in " ".join(acc.details)
    assert acc.stem.startswith("TUN-vs-MAR-EGY_return_orders_NL_2016-2021_vs_2025-")


def test_windows_are_period_ids_or_windows_never_labels(catalogue):
    from indicators.errors import InputError

    with pytest.raises(InputError, match="no named period"):
        series_view(catalogue, "return_orders", "TUN", a="2016–2021")
