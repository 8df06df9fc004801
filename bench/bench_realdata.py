"""`build --from` over the whole ../shared/realdata folder (issue 12's budget: ≤ 30 s on
2 cores, peak memory ≤ 1 GiB).

The build runs as an operator runs it, in its own process (`partnership-monitor build
--from`), and reports its wall time, its CPU time (build and trend workers: on 2 idle
cores the wall time is at least half of it), the peak resident memory of the largest
process it ran (the build or one of its trend workers) and the load average it was
measured under. Runs on its own: `bench/run.py bench_realdata` (no demonstration store needed).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time

from bench.common import ROOT, WORK, budget

REALDATA = ROOT.parent / "shared" / "realdata"
STANDALONE = True  # bench/run.py: this section needs no store from bench_store


def run(ctx: dict) -> dict:
    if not REALDATA.is_dir():
        return {"skipped": f"no real data at {REALDATA}"}
    WORK.mkdir(parents=True, exist_ok=True)
    store = WORK / "realdata.duckdb"
    store.unlink(missing_ok=True)
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "indicators.cli", "build", "--from", str(REALDATA),
         "--store", str(store)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_mib = usage.ru_maxrss / 1024
    # CPU seconds of the build and its workers: what the build costs whatever the load.
    cpu_seconds = usage.ru_utime + usage.ru_stime
    lines = done.stdout.strip().splitlines()
    summary = next((line for line in reversed(lines) if line.startswith("Built ")), "")
    return {
        "build_from_realdata_s": budget(round(seconds, 2), 30.0),
        "build_from_realdata_peak_mib": budget(round(peak_mib), 1024.0, "MiB"),
        "build_from_realdata_cpu_s": round(cpu_seconds, 1),
        "files": sum(line.startswith(("Imported", "Nothing new", "Refused")) for line in lines),
        "refused": sum(line.startswith("Refused") for line in lines),
        "summary": summary,
        "exit_code": done.returncode,  # 1: some files refused (listed in the output)
        "load_average_1min": {
            "before": round(load_before, 1),
            "after": round(os.getloadavg()[0], 1),
        },  # fmt: skip
        "cpus": os.cpu_count(),
    }
