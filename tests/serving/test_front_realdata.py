"""The front on a store built from ../shared/realdata: both processes draw its pages
and both see an import that lands while they serve."""

from __future__ import annotations

import subprocess

import pytest

from indicators.serving.front import Front
from tests.conftest import REALDATA, ROOT, realdata
from tests.loadgen import _run_async, import_command, visit
from tests.serving.conftest import front_or_skip
from tests.serving.test_front import _browser_per_process

pytestmark = pytest.mark.slow


def test_both_processes_serve_a_realdata_store_and_see_a_new_import(shared_dir):
    realdata()  # skips with the reason when the folder is absent
    front_or_skip()
    store = shared_dir / "real.duckdb"
    cmd = [*import_command(store)[:3], "build", "--from", str(REALDATA), "--store", str(store)]
    # Files the importers refuse are reported (exit 1); the store holds the others.
    subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert store.exists()
    env = {"PARTNERSHIP_MONITOR_AUDIT_LOG": str(shared_dir / "audit" / "audit.jsonl")}
    with Front.on_free_ports(store, 2, env=env) as front:
        browsers = _browser_per_process(front)

        def pages() -> dict[str, str]:
            out = {}
            for upstream, cookie in browsers.items():
                results = _run_async(visit(front.url, "overview", 120, cookie))
                results += _run_async(visit(front.url, "sources", 120, cookie))
                assert [r.error for r in results] == [None] * len(results), results
                out[upstream] = "".join(r.signature for r in results)
            return out

        before = pages()
        assert len(set(before.values())) == 1  # both processes draw the same pages
        done = subprocess.run(import_command(store), cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        after = pages()
        assert len(set(after.values())) == 1 and set(after.values()) != set(before.values())
