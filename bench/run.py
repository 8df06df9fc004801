"""`make bench`: measure what the issues budget and write bench/results.json.

Each section is a module with `run(ctx) -> dict`; sections share `ctx` (for
example the stores built by the first section). Figures are reported against
their budgets; nothing here fails a build.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("OMP_NUM_THREADS", "1")

from bench.common import ROOT  # noqa: E402

SECTIONS = [
    "bench_store",
    "bench_pages",
    "bench_analysis",
    "bench_exports",
    "bench_load",
    "bench_imports",
]
RESULTS = ROOT / "bench" / "results.json"


def main(argv: list[str]) -> int:
    chosen = argv or SECTIONS
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    ctx: dict = {}
    for name in SECTIONS:
        if name not in chosen and not name == "bench_store":
            continue  # the store section always runs: the others need its stores
        print(f"== {name}", flush=True)
        figures = importlib.import_module(f"bench.{name}").run(ctx)
        for key, value in figures.items():
            print(f"  {key}: {value}")
        results[name] = figures
    results["_machine"] = {
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
    }
    RESULTS.write_text(json.dumps(results, indent=2, default=str) + "\n")
    over = [
        f"{s}:{k}"
        for s, fig in results.items()
        if isinstance(fig, dict)
        for k, v in fig.items()
        if isinstance(v, dict) and v.get("within_budget") is False
    ]
    print(f"wrote {RESULTS.relative_to(ROOT)}; over budget: {over or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
