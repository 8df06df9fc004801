"""Writes are serialised and clean up after themselves (issue 15, attacks 6, 8, 10):
a kill -9 at several points leaves the store old or new and the next writer removes the
dead writer's copy; a full disk is a clear error that leaves nothing behind; a build
waits for an import (and an import for a build) instead of overwriting it.
"""

from __future__ import annotations

import hashlib
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from indicators.store import Store, writer_lock
from indicators.store.writer import stale_copies
from tests.conftest import ROOT

EXAMPLE = ROOT / "data" / "templates" / "internal_figures_example.csv"


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "indicators.cli", *args]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_cli(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        cli(*args), cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )


def test_the_next_writer_removes_a_dead_writers_copies(fresh_store_path):
    folder = fresh_store_path.parent
    name = fresh_store_path.name
    planted = [folder / f".{name}.tmp-999999", folder / f".{name}.public-999998"]
    planted.append(folder / f".{name}.tmp-999999.wal")
    for p in planted:
        p.write_bytes(b"x" * 4096)
    done = run_cli("import", "template", str(EXAMPLE), "--store", str(fresh_store_path))
    assert done.returncode == 0, done.stderr
    assert not stale_copies(fresh_store_path)
    assert not any(p.exists() for p in planted)


@pytest.mark.parametrize("after", [0.5, 2.0, 5.0])
def test_a_kill_9_leaves_the_store_old_or_new_and_the_next_writer_cleans_up(
    fresh_store_path, after
):
    before, imports_before = sha(fresh_store_path), len(Store(fresh_store_path).imports())
    proc = subprocess.Popen(
        cli("import", "template", str(EXAMPLE), "--store", str(fresh_store_path)),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(after)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    imports_now = len(Store(fresh_store_path).imports())
    if sha(fresh_store_path) != before:
        assert imports_now == imports_before + 1  # new: the whole import, swapped in
    done = run_cli("import", "template", str(EXAMPLE), "--store", str(fresh_store_path))
    assert done.returncode == 0, done.stderr
    assert not stale_copies(fresh_store_path)


@pytest.fixture
def small_disk(tmp_path, fresh_store_path):
    """A tmpfs just big enough for the store and not for its copy (root only)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    size = fresh_store_path.stat().st_size + 512 * 1024
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.decode().strip()}")
    try:
        store = mount / "monitor.duckdb"
        shutil.copyfile(fresh_store_path, store)
        yield store
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_is_a_clear_error_and_leaves_nothing_behind(small_disk):
    before = sha(small_disk)
    done = run_cli("import", "template", str(EXAMPLE), "--store", str(small_disk))
    assert done.returncode == 1
    assert done.stderr.startswith("error: ") and "No space left on device" in done.stderr
    assert "Traceback" not in done.stderr
    assert sha(small_disk) == before
    assert sorted(p.name for p in small_disk.parent.iterdir()) == [
        "monitor.duckdb",
        "monitor.duckdb.lock",
    ]


def _waits_for_the_lock(store: Path, command: list[str], watch: str, seconds: float) -> None:
    """While this test holds the writer lock, `command` makes no copy and does not end;
    once the lock is released it succeeds."""
    with writer_lock(store):
        proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            assert proc.poll() is None, proc.communicate()
            assert not list(store.parent.glob(watch)), "a copy was made without the lock"
            time.sleep(0.2)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err.decode()


def test_a_build_from_a_folder_waits_for_a_writer_that_holds_the_store(fresh_store_path, tmp_path):
    folder = tmp_path / "public"
    folder.mkdir()
    shutil.copyfile(EXAMPLE, folder / EXAMPLE.name)
    command = cli("build", "--from", str(folder), "--store", str(fresh_store_path))
    _waits_for_the_lock(fresh_store_path, command, f".{fresh_store_path.name}.public-*", 15)


def test_an_import_waits_for_a_writer_that_holds_the_store(fresh_store_path):
    command = cli("import", "template", str(EXAMPLE), "--store", str(fresh_store_path))
    _waits_for_the_lock(fresh_store_path, command, f".{fresh_store_path.name}.tmp-*", 10)
    assert len(Store(fresh_store_path).imports()) >= 1


SWAP_TO_EXIT = 2.0  # seconds; generous for a loaded 2-core machine


def test_a_build_racing_an_import_loses_nothing_it_reported(fresh_store_path, tmp_path):
    """Both run at once: whichever swaps in last wins, and it is the one that ended last."""
    folder = tmp_path / "public"
    folder.mkdir()
    shutil.copyfile(EXAMPLE, folder / EXAMPLE.name)
    build = subprocess.Popen(
        cli("build", "--from", str(folder), "--store", str(fresh_store_path)),
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    time.sleep(0.5)
    imp = subprocess.Popen(
        cli("import", "template", str(EXAMPLE), "--store", str(fresh_store_path),
            "--vintage", "2030-01-01"),
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    ends = {}
    while len(ends) < 2:
        for name, proc in (("build", build), ("import", imp)):
            if name not in ends and proc.poll() is not None:
                ends[name] = time.monotonic()
        time.sleep(0.05)
    assert build.returncode == 0, build.stderr.read().decode()
    assert imp.returncode == 0, imp.stderr.read().decode()
    store = Store(fresh_store_path)
    vintages = {str(v)[:10] for v in store.imports()["vintage"]}
    # The lock makes the two run one after the other, so the store is one of the two
    # serial outcomes: the build's alone (build last), or the build's plus the import.
    assert store.count("observations") > 0 and vintages - {"2030-01-01"}
    # Which one swapped in last is the one that ended last, but a process also spends
    # time after its swap (printing, exiting): the end order only tells the swap order
    # when the ends are well apart.
    if abs(ends["import"] - ends["build"]) > SWAP_TO_EXIT:
        assert ("2030-01-01" in vintages) is (ends["import"] > ends["build"])
    assert not stale_copies(fresh_store_path)
