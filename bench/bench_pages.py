"""Each page's script time under AppTest, cold (empty caches) and warm."""

from __future__ import annotations

import os
import time

import streamlit as st
from streamlit.testing.v1 import AppTest

from bench.common import ROOT, budget

APP = str(ROOT / "dashboard" / "app.py")
PAGES = ["overview", "country", "compare", "explore", "sources", "method"]


def _page_times(store, page: str) -> tuple[float, float]:
    os.environ["PARTNERSHIP_MONITOR_STORE"] = str(store)
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=120)
    if page != "overview":
        at.run()  # the entry page, then switch: the switch is the cold run of this page
        st.cache_data.clear()
        st.cache_resource.clear()
        at.switch_page(f"app_pages/{page}.py")
    start = time.perf_counter()
    at.run()
    cold = time.perf_counter() - start
    warm = []
    for _ in range(5):
        start = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - start)
    if at.exception:
        raise RuntimeError(f"{page}: {at.exception[0].value}")
    return round(cold, 4), round(sorted(warm)[2], 4)


def run(ctx: dict) -> dict:
    out = {}
    AppTest.from_file(APP, default_timeout=120)  # import streamlit's machinery once
    for name, store, warm_limit in (
        ("demo", ctx["demo_store"], 0.3),
        ("ten_times", ctx["big_store"], 1.0),
    ):
        for page in PAGES:
            cold, warm = _page_times(store, page)
            out[f"{name}/{page}/warm"] = budget(warm, warm_limit)
            out[f"{name}/{page}/cold"] = budget(cold, 2.0) if name == "demo" else cold
    return out
