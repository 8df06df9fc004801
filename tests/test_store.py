from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil

import duckdb
import pandas as pd
import pytest

from indicators.build import build_demo_store, needs_build
from indicators.errors import StoreError
from indicators.store import SCHEMA_VERSION, Store, StoreVersions, write_store

TABLES = {
    "meta",
    "themes",
    "countries",
    "reporting_areas",
    "flags",
    "sources",
    "indicators",
    "periods",
    "events",
    "imports",
    "observations",
    "notes",
}


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_store_has_every_table_and_its_schema_version(demo_store_path):
    con = duckdb.connect(str(demo_store_path), read_only=True)
    try:
        tables = {
            r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
        version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    finally:
        con.close()
    assert TABLES <= tables
    assert version == str(SCHEMA_VERSION)


def test_catalogue_round_trips_through_the_store(store, catalogue):
    assert store.catalogue().indicators == catalogue.indicators
    assert sorted(store.catalogue().sources, key=lambda s: s.id) == sorted(
        catalogue.sources, key=lambda s: s.id
    )
    assert [p.label for p in store.catalogue().periods] == ["2016–2021", "2022–2025", "2025–"]


def test_observations_are_latest_vintage_in_period_order(store):
    obs = store.observations("return_returned", "TUN", "EU27")
    assert obs["period_start"].is_monotonic_increasing
    assert not obs.duplicated("period_start").any()
    assert (
        obs["vintage"].max() > obs["vintage"].min()
    )  # revised quarters come from the later vintage


def test_as_of_returns_what_was_known_then(store):
    latest = store.observations("return_returned", "TUN", "EU27").set_index("period_start")
    then = store.observations("return_returned", "TUN", "EU27", as_of=dt.date(2025, 12, 31))
    then = then.set_index("period_start")
    assert then.index.max() < latest.index.max()  # later quarters were not known yet
    revised = then.index[then.index >= "2024-01-01"]
    assert len(revised) and (then.loc[revised, "value"] != latest.loc[revised, "value"]).any()
    assert (then["vintage"] <= pd.Timestamp("2025-12-31")).all()


def test_no_data_pairs_have_no_rows_rather_than_zeros(store):
    # Frontex return operations have no rows for Morocco, as in the real list.
    assert store.observations("return_frontex_ops", "MAR").empty
    avail = store.availability()
    pairs = set(zip(avail["indicator_id"], avail["country_iso3"], strict=True))
    assert ("return_frontex_ops", "MAR") not in pairs
    assert ("irregular_detections", "TUN") in pairs


def test_missing_values_stay_missing(store):
    obs = store.observations("return_travel_documents")
    hidden = obs[obs["flags"].str.contains("c")]
    assert len(hidden) and hidden["value"].isna().all()


def test_build_is_deterministic(tmp_path):
    a, b = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    ra, rb = build_demo_store(a), build_demo_store(b)
    assert ra.fingerprint == rb.fingerprint
    for table in ("observations", "imports", "events", "indicators"):
        fa = Store(a)._df(f"SELECT * FROM {table} ORDER BY ALL")
        fb = Store(b)._df(f"SELECT * FROM {table} ORDER BY ALL")
        pd.testing.assert_frame_equal(fa, fb)


def test_failed_write_leaves_the_store_byte_for_byte(fresh_store_path):
    before = _sha(fresh_store_path)
    with pytest.raises(RuntimeError, match="half way"):
        with write_store(fresh_store_path) as writer:
            writer.execute("DELETE FROM observations")
            raise RuntimeError("half way")
    assert _sha(fresh_store_path) == before
    assert not [p for p in fresh_store_path.parent.iterdir() if ".tmp-" in p.name]


def test_a_handle_keeps_its_file_and_the_versions_see_the_new_one(fresh_store_path):
    versions = StoreVersions(fresh_store_path)
    reader = versions.current()
    assert versions.current() is reader  # nothing swapped: the same handle
    n_before = reader.count("observations")
    with write_store(fresh_store_path) as writer:
        writer.execute("DELETE FROM observations WHERE indicator_id = 'irregular_detections'")
    assert reader.count("observations") == n_before  # still the old file
    new = versions.current()
    assert new is not reader and new.count("observations") < n_before
    assert versions.at(reader.token) is reader  # work begun on the old file ends there
    assert versions.at("gone") is new


def test_store_is_opened_read_only(store):
    with pytest.raises(duckdb.Error):
        store._rows("DELETE FROM observations")


def test_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="partnership-monitor build"):
        Store(tmp_path / "none.duckdb")


def test_needs_build_protects_stores_with_imported_data(fresh_store_path, data_copy):
    assert needs_build(fresh_store_path) is None
    (data_copy / "reference" / "periods.csv").write_text(
        (data_copy / "reference" / "periods.csv").read_text() + "\n", encoding="utf-8"
    )
    assert "changed" in needs_build(fresh_store_path, data_copy)
    with write_store(fresh_store_path) as writer:
        writer.execute(
            "UPDATE observations SET is_demo = false WHERE indicator_id = 'return_orders'"
        )
    assert needs_build(fresh_store_path, data_copy) is None  # real data: never rebuilt silently


def test_concurrent_writers_are_serialised(fresh_store_path):
    # Two writers in a row through the lock both land; neither loses the other's change.
    for value in ("first", "second"):
        with write_store(fresh_store_path) as writer:
            writer.set_meta(f"note_{value}", value)
    meta = Store(fresh_store_path).meta()
    assert meta["note_first"] == "first" and meta["note_second"] == "second"


def test_replace_is_atomic_for_a_reader_with_the_file_open(fresh_store_path):
    reader = Store(fresh_store_path)
    inode = os.stat(fresh_store_path).st_ino
    with write_store(fresh_store_path) as writer:
        writer.set_meta("touched", "yes")
    assert os.stat(fresh_store_path).st_ino != inode  # a new file was swapped in
    assert "touched" not in reader.meta()
    assert Store(fresh_store_path).meta()["touched"] == "yes"
    shutil.copyfile(fresh_store_path, fresh_store_path.with_suffix(".bak"))


def test_derivers_run_inside_the_build_transaction(tmp_path, monkeypatch):
    from indicators import derived

    seen = []

    def record(writer, changed):
        seen.append(changed)
        writer.set_meta("derived_marker", "ran")

    monkeypatch.setattr(derived, "precompute", record)
    build_demo_store(tmp_path / "s.duckdb")
    assert seen == [None]
    assert Store(tmp_path / "s.duckdb").meta()["derived_marker"] == "ran"
