from __future__ import annotations

import pandas as pd

from indicators.demo import generate_demo
from indicators.demo.generator import OLD_VINTAGE, VINTAGE


def test_every_demo_observation_is_marked(store):
    assert store.demo_status() == "demo"
    avail = store.availability()
    assert avail["any_demo"].all()


def test_demo_is_reproducible_and_seed_dependent(catalogue):
    a, b = generate_demo(catalogue), generate_demo(catalogue)
    pd.testing.assert_frame_equal(a, b)
    other = generate_demo(catalogue, seed=7)
    assert not a["value"].equals(other["value"])


def test_demo_covers_2016_to_2025_for_every_country(catalogue, store):
    avail = store.availability()
    assert set(avail["country_iso3"]) == {c.iso3 for c in catalogue.countries}
    assert avail["first_period"].min() == pd.Timestamp("2016-01-01")
    assert avail["last_period"].max() == pd.Timestamp("2025-12-31")


def test_demo_has_the_features_a_real_source_has(store):
    det = store.observations("irregular_detections", "TUN", "EU_EXT")
    assert det["flags"].iloc[-1] == "p" and det["flags"].iloc[0] == ""  # provisional recent values
    assert len(det) < 120  # gaps
    monthly = det.assign(m=det["period_start"].dt.month).groupby("m")["value"].mean()
    assert monthly.loc[[7, 8]].mean() > monthly.loc[[1, 2]].mean()  # summer crossings
    ranged = store.observations("irregular_prevented_departures", "TUN")
    assert (ranged["lower"] < ranged["value"]).all() and (ranged["upper"] > ranged["value"]).all()
    dead = store.observations("protection_dead_missing", "TUN")
    assert dead["flags"].str.contains("m").all() and (dead["lower"] == dead["value"]).all()
    assert set(store.vintages()) == {OLD_VINTAGE.date(), VINTAGE.date()}


def test_some_pairs_have_no_data(store, catalogue):
    avail = store.availability()
    pairs = set(zip(avail["indicator_id"], avail["country_iso3"], strict=True))
    all_pairs = {(i.id, c.iso3) for i in catalogue.indicators for c in catalogue.countries}
    assert len(all_pairs - pairs) >= 10


def test_return_rate_is_returned_over_ordered(store):
    rate = store.observations("return_rate", "IRQ", "EU27").set_index("period_start")["value"]
    ret = store.observations("return_returned", "IRQ", "EU27").set_index("period_start")["value"]
    ordered = store.observations("return_orders", "IRQ", "EU27").set_index("period_start")["value"]
    both = rate.index.intersection(ret.index).intersection(ordered.index)
    expected = (100 * ret[both] / ordered[both]).round(1)
    pd.testing.assert_series_equal(rate[both], expected, check_names=False)
