"""What only the PostgreSQL workspace must show: writers on several machines are
serialised by the database, not by a lock file, and a failed append adds nothing.

The shared contract runs against it through the `workspace` fixture; these tests
write from separate processes (as replicas would) and break a write half-way.
"""

from __future__ import annotations

import multiprocessing
import shutil

import psycopg
import pytest

from indicators.errors import StoreError
from indicators.framework import VersionConflict
from indicators.store.workspace_pg import PostgresWorkspace
from indicators.store.workspaces import open_workspace
from tests.framework.test_repository import row
from tests.postgres import fresh_database


@pytest.fixture
def dsn(postgres_cluster: str) -> str:
    return fresh_database(postgres_cluster)


def _save(dsn: str, name: str, queue) -> None:
    try:
        PostgresWorkspace(dsn).append(
            [row("shared", 2, author=name, actor=name, action="edit")],
            {("judgement", "shared"): 1},
        )
        queue.put((name, "saved"))
    except VersionConflict as exc:
        queue.put((name, str(exc)))


def test_four_processes_saving_the_same_version_one_wins_the_others_are_told(dsn):
    PostgresWorkspace(dsn).append([row("shared")], {("judgement", "shared"): 0})
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    names = ("tess", "tom", "ada", "vera")
    procs = [ctx.Process(target=_save, args=(dsn, n, queue)) for n in names]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    outcomes = dict(queue.get(timeout=5) for _ in procs)
    assert sorted(v == "saved" for v in outcomes.values()) == [False, False, False, True]
    assert all("it is now at version 2" in v for v in outcomes.values() if v != "saved")
    assert [v.version for v in PostgresWorkspace(dsn).versions()] == [1, 2]


def test_a_failed_append_adds_nothing_and_keeps_the_token(dsn):
    ws = PostgresWorkspace(dsn)
    ws.append([row()], {("judgement", "r1"): 0})
    before = ws.token()
    with pytest.raises(psycopg.errors.UniqueViolation):
        ws.append([row("r2"), row("r2")], {("judgement", "r2"): 0})
    assert [r.record_id for r in ws.versions()] == ["r1"]
    assert ws.token() == before
    ws.append([row("r2")], {("judgement", "r2"): 0})
    assert ws.token() != before


def test_the_setting_selects_the_backend_and_names_what_is_missing(monkeypatch, tmp_path, dsn):
    monkeypatch.setenv("PARTNERSHIP_MONITOR_WORKSPACE", "postgresql")
    monkeypatch.delenv("PARTNERSHIP_MONITOR_WORKSPACE_DSN", raising=False)
    with pytest.raises(StoreError, match="PARTNERSHIP_MONITOR_WORKSPACE_DSN"):
        open_workspace(tmp_path / "monitor.duckdb")
    monkeypatch.setenv("PARTNERSHIP_MONITOR_WORKSPACE_DSN", dsn)
    assert isinstance(open_workspace(tmp_path / "monitor.duckdb"), PostgresWorkspace)
    monkeypatch.setenv("PARTNERSHIP_MONITOR_WORKSPACE", "sqlite")
    with pytest.raises(StoreError, match="duckdb, postgresql"):
        open_workspace(tmp_path / "monitor.duckdb")


def test_an_unreachable_database_is_a_clear_error():
    ws = PostgresWorkspace("host=127.0.0.1 port=1 user=pm dbname=none connect_timeout=2")
    with pytest.raises(StoreError, match="cannot reach the PostgreSQL workspace"):
        ws.versions()


def test_the_framework_command_writes_to_the_postgresql_workspace_the_setting_selects(
    monkeypatch, tmp_path, demo_store_path, dsn, capsys
):
    from indicators.cli import main
    from indicators.store.workspace import DuckDBWorkspace, workspace_path

    out = tmp_path / "framework.yaml"
    assert main(["framework", "export", "--out", str(out), "--store", str(demo_store_path)]) == 0
    monkeypatch.setenv("PARTNERSHIP_MONITOR_WORKSPACE", "postgresql")
    monkeypatch.setenv("PARTNERSHIP_MONITOR_WORKSPACE_DSN", dsn)
    store = tmp_path / "monitor.duckdb"
    shutil.copyfile(demo_store_path, store)
    assert main(["framework", "import", str(out), "--store", str(store)]) == 0
    source = DuckDBWorkspace.beside(demo_store_path).versions()
    copied = PostgresWorkspace(dsn).versions()
    assert {(v.kind, v.record_id): dict(v.payload) for v in copied} == {
        (v.kind, v.record_id): dict(v.payload)
        for v in source
        if v.kind in {"objective", "review_round", "judgement", "claim"}
    }
    assert not workspace_path(store).exists()  # nothing went to the file beside the store
