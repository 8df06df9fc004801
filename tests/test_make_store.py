"""`make store` (`build --if-needed`) on a store of another schema version.

A demonstration store holds nothing data/ cannot rebuild, so it is rebuilt; a store with
imported figures, or a file that is not a store, is never touched, and the error says
what to do instead.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import duckdb

from indicators.store import SCHEMA_VERSION, Store
from indicators.store.probe import probe_store

OLD = str(SCHEMA_VERSION - 1)


def make_store(path: Path) -> subprocess.CompletedProcess:
    """What `make store STORE=path` runs, in a subprocess as make runs it."""
    return subprocess.run(
        [sys.executable, "-m", "indicators.cli", "build", "--if-needed", "--store", str(path)],
        capture_output=True,
        text=True,
        timeout=900,  # a rebuild of the demonstration store, on a loaded machine
    )


def _age(path: Path, *, real: bool = False) -> None:
    """Make `path` look like a store written by an older version of this program."""
    con = duckdb.connect(str(path))
    try:
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [OLD])
        if real:
            con.execute(
                "UPDATE observations SET is_demo = false WHERE indicator_id = 'return_orders'"
            )
    finally:
        con.close()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_older_demonstration_store_is_rebuilt(fresh_store_path):
    _age(fresh_store_path)
    assert probe_store(fresh_store_path).holds == "demo"
    result = make_store(fresh_store_path)
    assert result.returncode == 0, result.stderr
    assert f"a demonstration store of schema version {OLD}" in result.stdout
    store = Store(fresh_store_path)  # opens: the schema is this program's again
    assert store.meta()["schema_version"] == str(SCHEMA_VERSION)
    assert store.demo_status() == "demo"
    assert "up to date" in make_store(fresh_store_path).stdout


def test_an_older_store_with_imported_figures_is_left_as_it_was(fresh_store_path):
    _age(fresh_store_path, real=True)
    before = _sha(fresh_store_path)
    result = make_store(fresh_store_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    error = result.stderr.strip().splitlines()[-1]
    assert error.startswith("error: ") and str(fresh_store_path) in error
    assert "holds imported figures" in error and f"schema version {OLD}" in error
    assert "not replaced automatically" in error and "build --from" in error
    assert _sha(fresh_store_path) == before


def test_a_file_that_is_not_a_store_is_left_as_it_was(tmp_path):
    path = tmp_path / "monitor.duckdb"
    path.write_bytes(b"not a database, but somebody's file")
    result = make_store(path)
    assert result.returncode == 1
    error = result.stderr.strip().splitlines()[-1]
    assert error.startswith("error: ") and "cannot be read as a store" in error
    assert "Move it away" in error
    assert path.read_bytes() == b"not a database, but somebody's file"


def test_a_store_without_a_demonstration_flag_is_not_taken_for_one(tmp_path):
    # The oldest layouts cannot say what they hold: they count as unknown, never as demo.
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE meta (key VARCHAR, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("CREATE TABLE observations (indicator_id VARCHAR, value DOUBLE)")
    con.close()
    found = probe_store(path)
    assert (found.schema_version, found.holds, found.demonstration) == ("1", "unknown", False)
    assert "demonstration flag" in (found.problem or "")
