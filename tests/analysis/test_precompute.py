"""The precomputation on real stores: tables filled at build, refreshed per changed key."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from indicators.analysis import compare_from_store, compare_periods, trend_from_store
from indicators.analysis.precompute import precompute
from indicators.derived import refresh_derived
from indicators.observations import validate_observations
from indicators.store import SCHEMA_VERSION, Store, write_store

KEY = ("irregular_detections", "TUN", "EU_EXT")
COMPARISON_KEY = ("irregular_detections", "DZA", "EU_EXT")
NEW_VINTAGE = pd.Timestamp("2026-06-30")


def test_store_has_this_schema_and_the_worded_probabilities(store):
    assert store.meta()["schema_version"] == str(SCHEMA_VERSION)
    summaries = store.series_summaries()
    fitted = summaries[summaries["verdict"].notna()]
    for col in ("margin", "probability_above_margin", "probability_below_margin"):
        assert fitted[col].notna().all(), col
    assert set(fitted["compared_quantity"]) == {"arithmetic_mean"}
    assert (fitted["probability_above_margin"] + fitted["probability_below_margin"] <= 1).all()


def test_every_series_has_a_summary_and_fitted_ones_a_trend(store):
    availability = store.availability()
    summaries = store.series_summaries()
    keys = ["indicator_id", "country_iso3", "reporter"]
    assert len(summaries) == len(availability)
    assert set(map(tuple, summaries[keys].to_numpy())) == set(
        map(tuple, availability[keys].to_numpy())
    )
    ok = summaries[summaries["status"] == "ok"]
    assert len(ok) == len(summaries)  # the demo has no series below three values
    assert set(ok["method"]) <= {"structural_ar", "structural", "line"}
    assert ok["sentence_en"].str.len().min() > 40 and ok["sentence_nl"].str.len().min() > 40


def test_trend_rows_cover_first_to_last_value_with_nested_intervals(store):
    trend = store.trend(*KEY)
    obs = store.observations(*KEY)
    assert trend["period_start"].min() == obs["period_start"].min()
    assert trend["period_start"].max() == obs["period_start"].max()
    assert trend["observed"].sum() == obs["value"].notna().sum()
    cols = ["lo95", "lo80", "lo50", "level", "hi50", "hi80", "hi95"]
    assert (trend[cols].diff(axis=1).iloc[:, 1:] >= 0).all().all()


def test_priority_summaries_use_the_comparison_countries(store):
    summary = store.series_summary(*KEY)
    assert summary["window_a"] == "2016–2021" and summary["window_b"] == "2022–2025"
    assert summary["comparison_countries"] == "DZA,EGY,NGA"
    assert "relative_to_comparison" in {m["name"] for m in summary["methods"]}
    assert store.series_summary(*COMPARISON_KEY)["comparison_countries"] is None
    # the demo's Tunisian milestones fall in window B: named, as coinciding only
    assert "coincided with" in summary["sentence_en"] and "viel samen met" in summary["sentence_nl"]


def test_stored_comparison_equals_a_fresh_fit(store):
    obs = store.observations(*KEY)
    cat = store.catalogue()
    others = store.observations(KEY[0], None, KEY[2])
    others = others[others["country_iso3"].isin(["DZA", "EGY", "NGA"])]
    fresh = compare_periods(
        obs, "2018-2019", "2023", others, value_kind=cat.indicator(KEY[0]).value_kind
    )
    stored = compare_from_store(store, *KEY, "2018-2019", "2023")
    for field in (
        "estimate",
        "low80",
        "high95",
        "probability_increase",
        "smallest_detectable_change",
    ):
        # The stored fit ran in a worker process with one BLAS thread, the fresh one here:
        # the optimiser may stop a few last digits apart, never a shown digit.
        assert getattr(stored, field) == pytest.approx(getattr(fresh, field), rel=1e-6)
    assert [m.name for m in stored.methods] == [m.name for m in fresh.methods]


def test_default_summary_matches_compare_from_store(store):
    summary = store.series_summary(*KEY)
    again = compare_from_store(store, *KEY, "2016-2021", "2022-2025")
    # Both come from the same stored trend (no refit): only rounding may separate them.
    assert again.estimate == pytest.approx(summary["estimate"], rel=1e-9)
    assert again.probability_increase == pytest.approx(summary["probability_increase"], rel=1e-9)


def test_parallel_and_in_process_precomputes_write_identical_rows(fresh_store_path):
    before = _derived(fresh_store_path)
    with write_store(fresh_store_path) as writer:
        precompute(writer, None, workers=1)
    after = _derived(fresh_store_path)
    for table in before:
        pd.testing.assert_frame_equal(before[table], after[table])


def test_an_import_refreshes_only_the_changed_series(fresh_store_path, catalogue):
    before = _derived(fresh_store_path)
    _import_revision(fresh_store_path, catalogue, KEY)
    after = _derived(fresh_store_path)
    for table, frame in before.items():
        changed = _rows_that_differ(frame, after[table])
        assert changed == {KEY}, (table, changed)
    assert trend_from_store(Store(fresh_store_path), *KEY).data.value[-1] > 0


def test_a_comparison_country_change_also_refreshes_priority_summaries(fresh_store_path, catalogue):
    before = _derived(fresh_store_path)
    _import_revision(fresh_store_path, catalogue, COMPARISON_KEY)
    after = _derived(fresh_store_path)
    assert _rows_that_differ(before["trends"], after["trends"]) == {COMPARISON_KEY}
    priority = {(KEY[0], c, KEY[2]) for c in ("MAR", "TUN", "IRQ", "TUR")}
    summaries = _rows_that_differ(before["series_summaries"], after["series_summaries"])
    assert summaries == priority | {COMPARISON_KEY}


def test_a_series_with_two_values_is_stored_as_too_few(fresh_store_path, catalogue):
    key = ("return_frontex_ops", "MAR", "EU27")  # no Frontex operations to Morocco in the demo
    rows = pd.DataFrame(
        {
            "indicator_id": key[0],
            "country_iso3": key[1],
            "reporter": key[2],
            "period_start": pd.to_datetime(["2023-01-01", "2024-01-01"]),
            "period_end": pd.to_datetime(["2023-12-31", "2024-12-31"]),
            "frequency": "A",
            "value": [40.0, 55.0],
            "lower": np.nan,
            "upper": np.nan,
            "flags": "",
            "source_id": "frontex_return_ops",
            "vintage": NEW_VINTAGE,
            "is_demo": True,
        }
    )
    _write(fresh_store_path, validate_observations(rows, catalogue, "test"), {key})
    store = Store(fresh_store_path)
    summary = store.series_summary(*key)
    assert summary["status"] == "too_few" and summary["n_points"] == 2
    assert summary["sentence_en"].startswith("Too few data points for a trend")
    assert summary["sentence_nl"].startswith("Te weinig gegevenspunten")
    assert store.trend(*key).empty and store.trend_model(*key) is None
    # a later change in a comparison country keeps this summary as it is
    _import_revision(fresh_store_path, catalogue, ("return_frontex_ops", "EGY", "EU27"))
    assert Store(fresh_store_path).series_summary(*key)["status"] == "too_few"


def _import_revision(path, catalogue, key):
    obs = Store(path).observations(*key)
    recent = obs[obs["period_start"] >= pd.Timestamp("2024-01-01")].copy()
    recent["value"] = np.round(recent["value"] * 1.5)
    recent["vintage"] = NEW_VINTAGE
    recent = recent.drop(columns=["import_id"])
    _write(path, validate_observations(recent, catalogue, "test"), {key})


def _write(path, frame, keys):
    with write_store(path) as writer:
        import_id = writer.add_import(
            {
                "format": "test",
                "file_name": "test",
                "sha256": "0",
                "importer_version": "1",
                "rows_read": len(frame),
                "rows_accepted": len(frame),
                "rows_rejected": 0,
                "rows_skipped": 0,
                "imported_at": dt.datetime(2026, 7, 1),
                "operator": "test",
                "vintage": NEW_VINTAGE.date(),
                "is_demo": True,
                "summary": "test revision",
            }
        )
        writer.insert_observations(frame, import_id)
        refresh_derived(writer, keys)


def _derived(path) -> dict[str, pd.DataFrame]:
    store = Store(path)
    out = {}
    for table in ("trends", "trend_models", "series_summaries"):
        frame = store._df(f"SELECT * FROM {table} ORDER BY ALL")
        out[table] = frame.astype({"level_cov": object}) if "level_cov" in frame else frame
    return out


def _rows_that_differ(before: pd.DataFrame, after: pd.DataFrame) -> set[tuple]:
    keys = ["indicator_id", "country_iso3", "reporter"]
    differ = set()
    for key, part in after.groupby(keys):
        old = (
            before.set_index(keys).loc[[key]]
            if key in set(map(tuple, before[keys].to_numpy()))
            else None
        )
        if old is None or not part.set_index(keys).astype(str).equals(old.astype(str)):
            differ.add(key)
    return differ
