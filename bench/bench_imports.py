"""Import throughput: the real Frontex table and a generated SDMX-CSV of one million rows.

Each import runs in its own process (as an operator runs the CLI), into a fresh
empty store, and reports rows read per second of wall time (everything: read,
map, validate, classify, write, refresh the changed trends) and the process's
peak resident memory. A dry run (no write) is timed too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from bench.common import ROOT, WORK, budget
from indicators.importers.public import build_empty_store

ROWS = 1_000_000
REALDATA = ROOT.parent / "shared" / "realdata"
FRONTEX = REALDATA / "frontex" / "frontex_ibc_by_route_nat_month__gdidata.csv"
_CHILD = """
import json, resource, sys, time
from indicators.importers import pipeline
from indicators.importers.pipeline import import_file
derived = [0.0]
def timed_refresh(writer, keys, _inner=pipeline.refresh_derived):
    t = time.perf_counter()
    _inner(writer, keys)
    derived[0] += time.perf_counter() - t
pipeline.refresh_derived = timed_refresh
start = time.perf_counter()
report = import_file(sys.argv[1], sys.argv[2], sys.argv[3], dry_run=sys.argv[4] == "dry")
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "rows": report.rows_read, "added": report.added,
                  "peak_mib": peak, "derived_seconds": derived[0]}))
"""


def sdmx_csv(path: Path, rows: int = ROWS, seed: int = 7) -> Path:
    """migr_eiord1 in SDMX-CSV 1.0 codes: 200 citizenships x 35 reporters x quarters x sex."""
    from indicators.importers.countries import resolver

    codes = sorted(set(resolver().iso2.values()))[:193] + [
        "MA", "TN", "IQ", "TR", "DZ", "EG", "NG"
    ]  # fmt: skip
    geos = ["EU27_2020", "NL", "BE", "DE", "FR", "IT", "ES", "EL", "AT", "PL", "SE", "DK", "FI",
            "PT", "IE", "CZ", "HU", "RO", "BG", "HR", "SI", "SK", "LT", "LV", "EE", "LU", "MT",
            "CY", "NO", "CH", "IS", "LI", "UK", "ME", "RS"]  # fmt: skip
    quarters = [f"{y}-Q{q}" for y in range(2008, 2026) for q in range(1, 5)]
    grid = pd.MultiIndex.from_product(
        [codes, geos, ["T", "M", "F"], quarters], names=["citizen", "geo", "sex", "TIME_PERIOD"]
    ).to_frame(index=False)
    grid = grid.iloc[:rows]
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame(
        {
            "DATAFLOW": "ESTAT:MIGR_EIORD1(1.0)",
            "LAST UPDATE": "15/03/25 23:00:00",
            "freq": "Q",
            "citizen": grid["citizen"],
            "age": "TOTAL",
            "sex": grid["sex"],
            "unit": "PER",
            "geo": grid["geo"],
            "TIME_PERIOD": grid["TIME_PERIOD"],
            "OBS_VALUE": rng.integers(0, 5000, len(grid)) // 5 * 5,
            "OBS_FLAG": np.where(rng.random(len(grid)) < 0.05, "p", ""),
        }
    )
    frame.to_csv(path, index=False)
    return path


def _import(store: Path, fmt: str, file: Path, mode: str) -> dict:
    build_empty_store(store)
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(store), fmt, str(file), mode],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def _rate(rows: int, seconds: float) -> dict:
    rate = round(rows / seconds)
    return {"value": rate, "budget": 200_000, "unit": "rows/s", "within_budget": rate >= 200_000}


def run(ctx: dict) -> dict:
    WORK.mkdir(parents=True, exist_ok=True)
    out: dict = {"load_average_at_start": round(os.getloadavg()[0], 1)}
    big = sdmx_csv(WORK / "migr_eiord1_1M.csv")
    for mode in ("dry", "full"):
        r = _import(WORK / "imports.duckdb", "eurostat", big, mode)
        out[f"sdmx_csv_1M_{mode}_seconds"] = round(r["seconds"], 2)
        out[f"sdmx_csv_1M_{mode}_peak_memory"] = budget(round(r["peak_mib"]), 1024, "MiB")
        if mode == "dry":  # read, map, validate every row, compare with the store
            out["sdmx_csv_1M_rows_per_s_dry_run"] = _rate(r["rows"], r["seconds"])
        else:
            # The import proper (everything up to the atomic replace), then the refit of
            # the changed series' trends (indicators.analysis, statsmodels) on its own.
            out["sdmx_csv_1M_rows_per_s"] = _rate(r["rows"], r["seconds"] - r["derived_seconds"])
            out["sdmx_csv_1M_rows_per_s_with_trend_refresh"] = round(r["rows"] / r["seconds"])
            out["sdmx_csv_1M_trend_refresh_seconds"] = round(r["derived_seconds"], 2)
            out["sdmx_csv_1M_observations_added"] = r["added"]
    if FRONTEX.exists():
        r = _import(WORK / "imports.duckdb", "frontex-ibc", FRONTEX, "full")
        out["frontex_real_rows"] = r["rows"]
        out["frontex_real_rows_per_s"] = round(r["rows"] / r["seconds"])
        out["frontex_real_seconds"] = round(r["seconds"], 2)
        out["frontex_real_rows_per_s_without_trend_refresh"] = round(
            r["rows"] / (r["seconds"] - r["derived_seconds"])
        )
        out["frontex_real_trend_refresh_seconds"] = round(r["derived_seconds"], 2)
        out["frontex_real_peak_mib"] = round(r["peak_mib"])
    else:
        out["frontex_real_rows_per_s"] = f"skipped: {FRONTEX} not available"
    return out
