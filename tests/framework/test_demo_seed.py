"""The demonstration framework lands in the workspace the setting selects.

With PARTNERSHIP_MONITOR_WORKSPACE=postgresql the app reads the framework from
PostgreSQL, so a demonstration store seeded only beside itself in DuckDB would show
no demonstration framework there.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from indicators.access import LOCAL
from indicators.framework import Framework
from indicators.framework.demo import DEMO_APPROVER, seed_demo_framework
from indicators.framework.repository import FrameworkRepository
from indicators.store.workspace import workspace_path
from indicators.store.workspaces import open_workspace


def test_a_demonstration_store_shows_its_framework_in_the_selected_workspace(
    workspace: FrameworkRepository, demo_store_path: Path, tmp_path: Path
):
    path = tmp_path / "monitor.duckdb"  # the store whose workspace the fixture opened
    shutil.copyfile(demo_store_path, path)
    assert workspace.versions() == []

    written = seed_demo_framework(path)

    assert written > 0
    fw = Framework(open_workspace(path))  # opened the way the Progress page opens it
    objectives = fw.entries(LOCAL, "objective", country="TUN")
    assert objectives and all(e.record.is_demo for e in objectives)
    rounds = fw.entries(LOCAL, "review_round", country="TUN")
    assert len(rounds) >= 2 and all(
        e.approved and e.approved.actor == DEMO_APPROVER for e in rounds
    )
    assert len({(v.kind, v.record_id) for v in workspace.versions()}) == written
    if type(workspace).__name__ == "PostgresWorkspace":
        assert not workspace_path(path).exists()  # nothing written beside the store
    assert seed_demo_framework(path) == 0  # never over existing work


def test_a_real_store_seeds_nothing_into_the_selected_workspace(
    workspace: FrameworkRepository, realdata_build, tmp_path: Path
):
    path = tmp_path / "monitor.duckdb"
    shutil.copyfile(realdata_build.path, path)
    assert seed_demo_framework(path) == 0
    assert workspace.versions() == []
