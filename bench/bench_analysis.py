"""Trend fitting, the precomputation and comparisons: issue 3's budgets.

Budgets on 2 cores: the demo store's precompute <= 20 s, a `compare` command <= 2 s
end to end, and a comparison of two user-chosen windows from stored material (what
the pages do) <= 50 ms.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.common import ROOT, WORK, budget, timed
from indicators.analysis import compare_from_store, compare_periods, estimate_trend
from indicators.analysis.precompute import precompute
from indicators.analysis.workers import available_cores
from indicators.store import Store, write_store

KEY = ("irregular_detections", "TUN", "EU_EXT")


def run(ctx: dict) -> dict:
    demo, big = ctx["demo_store"], ctx["big_store"]
    out: dict = {"workers": available_cores()}
    fits = _fit_times(Store(demo))
    out |= fits
    # Issue 13: one fit of a monthly series (trend model and the default comparison).
    if "fit_one_series_M_s" in fits:
        out["fit_one_series_M_s"] = budget(fits["fit_one_series_M_s"], 0.15)
    out["compare_periods_monthly_s"] = budget(_compare_once(Store(demo)), 0.15)
    out["precompute_demo_store"] = budget(_precompute(demo), 20.0)
    out["precompute_ten_times_store_s"] = _precompute(big)
    out["series_demo"] = len(Store(demo).series_summaries())
    out["series_ten_times"] = len(Store(big).series_summaries())
    store = Store(demo)
    windows = [("2016-2021", "2022-2025"), ("2018-03..2019-08", "2023-01..2024-06")]
    out["compare_from_store"] = budget(
        timed(lambda: [compare_from_store(store, *KEY, a, b) for a, b in windows], repeat=10) / 2,
        0.05,
    )
    out["compare_cli_end_to_end"] = budget(_cli(demo), 2.0)
    return out


def _fit_times(store: Store) -> dict:
    """Median time to fit one series, per frequency (single thread, in-process)."""
    cat = store.catalogue()
    times: dict[str, list[float]] = {}
    estimate_trend(store.observations(*KEY))  # imports statsmodels once, outside the timing
    for row in store.availability().itertuples():
        obs = store.observations(row.indicator_id, row.country_iso3, row.reporter)
        kind = cat.indicator(row.indicator_id).value_kind
        start = time.perf_counter()
        estimate_trend(obs, value_kind=kind)
        times.setdefault(obs["frequency"].iat[0], []).append(time.perf_counter() - start)
    return {f"fit_one_series_{f}_s": round(statistics.median(t), 4) for f, t in times.items()}


def _compare_once(store: Store) -> float:
    """Median time of compare_periods (fit and compare) on the demo's monthly headline series."""
    obs = store.observations(*KEY)
    compare_periods(obs, "2016-2021", "2022-2025", value_kind="count")  # warm imports
    return timed(lambda: compare_periods(obs, "2016-2021", "2022-2025", value_kind="count"), 5)


def _precompute(path: Path) -> float:
    copy = WORK / f"precompute-{path.name}"
    shutil.copyfile(path, copy)
    try:
        with write_store(copy) as writer:
            start = time.perf_counter()
            precompute(writer, None)
            return round(time.perf_counter() - start, 2)
    finally:
        copy.unlink(missing_ok=True)
        copy.with_name(copy.name + ".lock").unlink(missing_ok=True)


def _cli(path: Path) -> float:
    args = [sys.executable, "-m", "indicators.cli", "compare", "--store", str(path)]
    args += ["--country", KEY[1], "--indicator", KEY[0], "--a", "2016-2021", "--b", "2022-2025"]

    def once() -> None:
        subprocess.run([*args, "--json"], check=True, capture_output=True, cwd=ROOT)

    return timed(once, repeat=3)
