"""Many users through the front: nginx in front of 1 and of N app processes.

Run it alone with `bench/run.py bench_front` (STANDALONE: it builds its own demo store).
Each run serves a fresh copy of the demonstration store through nginx, starts the
users on cold caches, and imports a file halfway (the store is swapped under them):

- 20 and 50 users who read each page for 3-10 s before acting (what people do), on
  N processes (the cores) and, for 20, on 1 process;
- the burst: 20 users without think time, on 1 and on N processes, to see how the
  number of finished pages per second grows with the processes.

Recorded per run: page runs and errors, mixed (neither old nor new data) and stale
pages (old data on a visit begun after the import), p50/p95 time from an action to
its finished page, peak memory of each app process, and the load average of the
machine before and after (it is shared: figures move with it).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from bench.common import budget
from indicators.build import build_demo_store
from tests.loadgen import old_signatures, run_load

STANDALONE = True  # bench/run.py runs no store section for it alone
THINK = (3.0, 10.0)
SECONDS = 60


def _runs(processes: int) -> list[tuple[str, int, tuple[float, float] | None, int]]:
    """(name, users, think time, processes) of each run."""
    return [
        (f"think_20_users_{processes}_processes", 20, THINK, processes),
        ("think_20_users_1_process", 20, THINK, 1),
        (f"think_50_users_{processes}_processes", 50, THINK, processes),
        ("burst_20_users_1_process", 20, None, 1),
        (f"burst_20_users_{processes}_processes", 20, None, processes),
    ]


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def run(ctx: dict) -> dict:
    processes = max(2, os.cpu_count() or 2)
    out: dict = {"processes": processes, "think_s": list(THINK), "seconds": SECONDS}
    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o755)  # under root the app processes run as the service account
        env = {"PARTNERSHIP_MONITOR_AUDIT_LOG": str(Path(tmp) / "audit" / "audit.jsonl")}
        source = Path(tmp) / "source.duckdb"
        if "demo_store" in ctx:
            shutil.copyfile(ctx["demo_store"], source)
        else:  # `run.py bench_front`: no store section before us
            build_demo_store(source)
        old = old_signatures(source, env)
        for name, users, think, procs in _runs(processes):
            run_dir = Path(tmp) / name
            run_dir.mkdir()
            store = run_dir / "monitor.duckdb"
            shutil.copyfile(source, store)
            load_before = _load()
            report = run_load(
                store, users, SECONDS, import_after=SECONDS / 2, env=env,
                processes=procs, think=think, old=old,
            )  # fmt: skip
            figures = report.figures()
            figures["load_average_before"], figures["load_average_after"] = load_before, _load()
            out[name] = figures
            print(f"  {name}: {figures}", flush=True)
    think20 = out[f"think_20_users_{processes}_processes"]
    think50 = out[f"think_50_users_{processes}_processes"]
    one, many = out["burst_20_users_1_process"], out[f"burst_20_users_{processes}_processes"]
    out["think_20_p95"] = budget(think20["p95_s"], 2.0)
    out["think_50_errors"] = budget(think50["errors"], 0, "errors")
    out["think_50_mixed"] = budget(think50["mixed_old_new"], 0, "pages")
    out["burst_finished_per_s"] = {
        "1": one["finished_per_s"],
        str(processes): many["finished_per_s"],
    }
    out["burst_speedup"] = (
        round(many["finished_per_s"] / one["finished_per_s"], 2) if one["finished_per_s"] else None
    )
    return out
