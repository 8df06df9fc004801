"""A supervisor killed with SIGKILL takes its nginx and app processes with it.

SIGKILL runs no clean-up in the supervisor, so only the kernel can stop the
children (PR_SET_PDEATHSIG, indicators/serving/apps.py). Without it they keep the
ports and serve on, unsupervised, and the next `serve --processes` cannot start.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from indicators.serving.apps import health
from tests.serving.conftest import front_or_skip

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def _free(port: int) -> bool:
    """Nobody listens on `port`: a new server could bind it (SO_REUSEADDR, as servers do,
    since connections just closed linger in TIME_WAIT)."""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _free_run(n: int) -> int:
    """A port with the n-1 ports after it free too (`serve` puts its apps after --port)."""
    for _ in range(200):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            base = int(s.getsockname()[1])
        if base + n < 65536 and all(_free(base + i) for i in range(n)):
            return base
    raise AssertionError(f"no {n} consecutive free ports")


def _descendants(pid: int) -> set[int]:
    """Every process below `pid` now (the apps, nginx's master and its workers)."""
    out: set[int] = set()
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            kids = Path(f"/proc/{p}/task/{p}/children").read_text().split()
        except OSError:
            continue
        for kid in map(int, kids):
            out.add(kid)
            todo.append(kid)
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_sigkilled_supervisor_leaves_no_process_on_its_ports(demo_store_path, shared_dir):
    front_or_skip()
    store = shared_dir / "killed.duckdb"
    shutil.copyfile(demo_store_path, store)
    base = _free_run(3)
    ports = [base, base + 1, base + 2]
    env = dict(
        os.environ,
        PARTNERSHIP_MONITOR_AUDIT_LOG=str(shared_dir / "audit-killed" / "audit.jsonl"),
    )
    cmd = [sys.executable, "-m", "indicators.cli", "serve", "--processes", "2",
           "--port", str(base), "--store", str(store)]  # fmt: skip
    supervisor = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    children: set[int] = set()
    try:
        deadline = time.monotonic() + 180
        while not health(f"http://127.0.0.1:{base}/healthz"):
            assert supervisor.poll() is None, f"serve exited with {supervisor.returncode}"
            assert time.monotonic() < deadline, "the front was not healthy in 180 s"
            time.sleep(0.5)
        children = _descendants(supervisor.pid)
        assert len(children) >= 4, children  # two apps, nginx's master and a worker

        supervisor.send_signal(signal.SIGKILL)
        supervisor.wait(timeout=10)

        deadline = time.monotonic() + 60  # Streamlit closes its sessions on SIGTERM
        while any(_alive(p) for p in children) or not all(_free(p) for p in ports):
            assert time.monotonic() < deadline, (
                f"left running after SIGKILL: {sorted(p for p in children if _alive(p))}, "
                f"ports in use: {[p for p in ports if not _free(p)]}"
            )
            time.sleep(0.5)
    finally:  # a failed test leaves nothing behind either
        children |= _descendants(supervisor.pid)
        supervisor.kill()
        supervisor.wait()
        for pid in children:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
