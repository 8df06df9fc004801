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
    "bench_front",
    "bench_imports",
    "bench_realdata",
    "bench_framework",
    "bench_bounds",
    "bench_big_csv",
    "bench_browser",
]
RESULTS = ROOT / "bench" / "results.json"


def main(argv: list[str]) -> int:
    chosen = argv or SECTIONS
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    ctx: dict = {}
    # The store section runs unless only sections that need no store were chosen.
    standalone = {n for n in chosen if getattr(_section(n), "STANDALONE", False)}
    for name in SECTIONS:
        needed = name == "bench_store" and set(chosen) - standalone
        if name not in chosen and not needed:
            continue  # the store section runs for the others: they need its stores
        print(f"== {name}", flush=True)
        figures = _section(name).run(ctx)
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


def _section(name: str):
    return importlib.import_module(f"bench.{name}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
