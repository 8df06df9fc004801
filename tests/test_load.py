"""A small version of the load benchmark: correctness only, no timing assertions.

A few websocket sessions (Streamlit's own protocol) view pages, change widgets and
download a table on a live server while the CLI imports a file into the store.
Nothing may fail, every page shows either the old or the new data, and visits that
begin after the import see the new data.
"""

from __future__ import annotations

import shutil

import pytest

from indicators.store import Store
from tests.loadgen import SCENARIOS, run_load

pytestmark = pytest.mark.slow


def test_sessions_see_old_or_new_data_while_an_import_replaces_the_store(demo_store_path, tmp_path):
    store = tmp_path / "monitor.duckdb"
    shutil.copyfile(demo_store_path, store)
    report = run_load(
        store,
        sessions=4,
        seconds=15,
        import_after=3,
        env={"PARTNERSHIP_MONITOR_AUDIT_LOG": str(tmp_path / "audit.jsonl")},
    )
    assert Store(store).demo_status() == "mixed"  # the import landed real figures
    assert report.errors == [], report.errors[:3]
    assert report.mixed == [], report.mixed[:3]
    assert report.stale == [], report.stale[:3]
    # The run meant something: the import changed what pages show, and both the old
    # and the new data were seen under load, by every kind of visit.
    assert report.changed_steps
    assert report.seen("old") > 0 and report.seen("new") > 0
    assert {r.scenario for r in report.results} == set(SCENARIOS)
    assert any(r.step == 1 for r in report.results if r.scenario == "compare")  # downloads
