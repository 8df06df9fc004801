"""Under load: 20 browser-like sessions on a live server while an import replaces the store.

Figures: requests (page runs and downloads), p50/p95 time from a user's action to the
page's script run finished (everything drawn and sent), errors, pages that mixed old
and new data, visits that saw stale data after the import, the server's peak memory.
The harness is tests/loadgen.py (shared with tests/test_load.py, which runs a small
version of it, so no test imports from bench/).

The users have no think time: each acts the moment its previous page finished, so 20
of them keep the server busier than 20 people reading a page would. The server starts
with cold caches. `one_user_warm_p50_s` is one user alone on warm caches, for scale.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from tests.loadgen import run_load

SESSIONS = 20
SECONDS = 60


def run(ctx: dict) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "monitor.duckdb"
        shutil.copyfile(ctx["demo_store"], store)
        report = run_load(
            store,
            sessions=SESSIONS,
            seconds=SECONDS,
            import_after=SECONDS / 4,
            env={"PARTNERSHIP_MONITOR_AUDIT_LOG": str(Path(tmp) / "audit.jsonl")},
        )
    figures = report.figures()
    figures["scenarios"] = sorted({r.scenario for r in report.results})
    figures["steps_changed_by_import"] = len(report.changed_steps)
    return figures
