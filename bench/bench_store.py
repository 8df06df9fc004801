"""Store build and query times, on the demo store and on one ten times larger."""

from __future__ import annotations

from bench.common import WORK, budget, timed
from indicators.build import build_demo_store
from indicators.store import Store

# About ten times the demo's observations: 63 invented countries beside the 7 real ones.
TEN_TIMES_EXTRA = 63


def run(ctx: dict) -> dict:
    WORK.mkdir(parents=True, exist_ok=True)
    demo, big = WORK / "demo.duckdb", WORK / "ten_times.duckdb"
    build_demo = timed(lambda: build_demo_store(demo), repeat=3)
    build_big = timed(lambda: build_demo_store(big, extra_countries=TEN_TIMES_EXTRA))
    ctx["demo_store"], ctx["big_store"] = demo, big
    out = {"build_demo_store": budget(build_demo, 10.0), "build_ten_times_store_s": build_big}
    for name, path in (("demo", demo), ("ten_times", big)):
        store = Store(path)
        out[f"{name}_observations"] = store.count("observations")
        out[f"{name}_query_one_series_s"] = timed(
            lambda s=store: s.observations("irregular_detections", "TUN", "EU_EXT"), repeat=20
        )
        out[f"{name}_query_availability_s"] = timed(lambda s=store: s.availability(), repeat=5)
        out[f"{name}_catalogue_s"] = timed(lambda s=store: s.catalogue(), repeat=5)
    return out
