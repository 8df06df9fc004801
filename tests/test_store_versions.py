"""A script run reads the store version it started with, even after an import swaps it."""

from __future__ import annotations

import os
import shutil

from indicators.store import StoreVersions, write_store


def test_a_run_keeps_reading_its_version_after_the_file_is_replaced(fresh_store_path, tmp_path):
    versions = StoreVersions(str(fresh_store_path))
    old = versions.current()
    n_old = old.count("observations")
    replacement = tmp_path / "new.duckdb"
    shutil.copyfile(fresh_store_path, replacement)
    with write_store(replacement) as writer:
        writer.execute("DELETE FROM observations WHERE indicator_id = 'irregular_detections'")
    os.replace(replacement, fresh_store_path)

    new = versions.current()
    assert new.token != old.token and new.count("observations") < n_old
    # A run that began on the old version reads the old file, not the new one.
    assert versions.at(old.token) is old and old.count("observations") == n_old
    assert not old.observations("irregular_detections").empty
    assert new.observations("irregular_detections").empty
    # Unknown (or long evicted) versions fall back to the current file.
    assert versions.at("no-such-token") is new
