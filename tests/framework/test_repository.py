"""The contract every FrameworkRepository keeps, run against each workspace backend
(DuckDB beside the store, PostgreSQL) through the `workspace` fixture.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing

import pytest

from indicators.framework import FrameworkRepository, StoredVersion, VersionConflict
from indicators.store.workspace import DuckDBWorkspace, workspace_path
from indicators.store.writer import stale_copies

NOW = dt.datetime(2026, 3, 17, 9, 30, tzinfo=dt.UTC)


def row(record_id: str = "r1", version: int = 1, **changes) -> StoredVersion:
    base = dict(kind="judgement", record_id=record_id, version=version, country="TUN",
                round_id="TUN-2025-11", objective_id="TUN-O1", status="draft", action="draft",
                payload={"rating": "on_track", "note": "één — “quoted”"}, author="tess",
                actor="tess", at=NOW, comment="", is_demo=False)  # fmt: skip
    return StoredVersion(**{**base, **changes})


@pytest.fixture
def repository(workspace: FrameworkRepository) -> FrameworkRepository:
    return workspace  # each backend of tests/framework/conftest.py


def test_it_is_a_framework_repository(repository):
    assert isinstance(repository, FrameworkRepository)


def test_an_absent_workspace_reads_as_empty(repository):
    assert repository.versions() == []


def test_rows_come_back_as_written_in_order_and_filtered(repository):
    repository.append([row("b"), row("a")], {("judgement", "a"): 0, ("judgement", "b"): 0})
    repository.append([row("a", 2, status="approved", action="approve", actor="tom")],
                      {("judgement", "a"): 1})  # fmt: skip
    got = repository.versions()
    assert [(r.record_id, r.version) for r in got] == [("a", 1), ("a", 2), ("b", 1)]
    assert got[0] == row("a")
    assert [r.version for r in repository.versions(record_id="a")] == [1, 2]
    assert repository.versions(country="MAR") == [] and repository.versions(kind="claim") == []


def test_a_stale_version_is_refused_and_adds_nothing(repository):
    repository.append([row()], {("judgement", "r1"): 0})
    before = repository.token()
    with pytest.raises(VersionConflict, match="now at version 1"):
        repository.append([row("r1", 1), row("other")],
                          {("judgement", "r1"): 0, ("judgement", "other"): 0})  # fmt: skip
    assert [r.record_id for r in repository.versions()] == ["r1"]
    assert repository.token() == before


def test_a_failed_write_leaves_the_file_byte_for_byte(tmp_path):
    ws = DuckDBWorkspace.beside(tmp_path / "monitor.duckdb")
    ws.append([row()], {("judgement", "r1"): 0})
    digest = hashlib.sha256(ws.path.read_bytes()).hexdigest()
    with pytest.raises(Exception):  # noqa: B017 - the database's own duplicate-key error
        ws.append([row("r2"), row("r2")], {("judgement", "r2"): 0})
    assert hashlib.sha256(ws.path.read_bytes()).hexdigest() == digest
    assert [p.name for p in tmp_path.iterdir() if ".tmp-" in p.name] == []


def test_the_next_save_removes_the_copy_a_killed_save_left(tmp_path):
    # A save killed between its copy and the swap leaves `.NAME.tmp-PID` (and its WAL);
    # the next holder of the store's writer lock removes it, as it does the store's.
    store = tmp_path / "monitor.duckdb"
    ws = DuckDBWorkspace.beside(store)
    left = [tmp_path / f".{ws.path.name}.tmp-999999", tmp_path / f".{ws.path.name}.tmp-999999.wal"]
    for p in left:
        p.write_bytes(b"x" * 4096)
    assert set(left) <= set(stale_copies(store))
    ws.append([row()], {("judgement", "r1"): 0})
    assert not any(p.exists() for p in left)
    assert [v.record_id for v in ws.versions()] == ["r1"]


def test_the_workspace_lives_beside_the_store_not_in_it(tmp_path):
    assert workspace_path(tmp_path / "monitor.duckdb") == tmp_path / "monitor.workspace.duckdb"


def _save(path: str, name: str, queue) -> None:
    ws = DuckDBWorkspace.beside(path)
    try:
        ws.append([row("shared", 2, author=name, actor=name, action="edit")],
                  {("judgement", "shared"): 1})  # fmt: skip
        queue.put((name, "saved"))
    except VersionConflict as exc:
        queue.put((name, str(exc)))


def test_two_processes_saving_the_same_version_one_wins_one_is_told(tmp_path):
    store = tmp_path / "monitor.duckdb"
    DuckDBWorkspace.beside(store).append([row("shared")], {("judgement", "shared"): 0})
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    procs = [ctx.Process(target=_save, args=(str(store), n, queue)) for n in ("tess", "tom")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    outcomes = dict(queue.get(timeout=5) for _ in procs)
    assert sorted(v == "saved" for v in outcomes.values()) == [False, True]
    [loser] = [v for v in outcomes.values() if v != "saved"]
    assert "version 1, it is now at version 2" in loser
    versions = DuckDBWorkspace.beside(store).versions()
    assert [v.version for v in versions] == [1, 2]


def test_readers_are_not_blocked_while_a_write_holds_the_lock(tmp_path):
    from indicators.store.writer import writer_lock

    store = tmp_path / "monitor.duckdb"
    ws = DuckDBWorkspace.beside(store)
    ws.append([row()], {("judgement", "r1"): 0})
    with writer_lock(store):  # an import in progress
        assert [r.record_id for r in ws.versions()] == ["r1"]
