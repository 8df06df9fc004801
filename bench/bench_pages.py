"""Each page's script time under AppTest, cold (empty caches) and warm.

Besides opening each page, the interactions of the overview and country pages are
timed: a shared link with non-default windows and comparison countries (cold, then
warm), and the first run after a user changes a window or the language.
"""

from __future__ import annotations

import os
import time

import streamlit as st
from streamlit.testing.v1 import AppTest

from bench.common import ROOT, budget

APP = str(ROOT / "dashboard" / "app.py")
PAGES = ["overview", "country", "compare", "explore", "sources", "method"]


# (name, page, link parameters, widget change as (kind, key, value) or None)
SCENARIOS = [
    ("overview_taskforce_link", "overview", {"b": "taskforce"}, None),
    ("overview_change_window", "overview", {}, ("selectbox", "overview_b", "taskforce")),
    ("country_link_with_comparison", "country", {"country": "TUN", "cmp": "EGY,DZA"}, None),
    (
        "country_change_window",
        "country",
        {"country": "TUN"},
        ("selectbox", "country_b", "taskforce"),
    ),
    ("country_switch_language", "country", {"country": "TUN"}, ("radio", "app_lang", "en")),
    (
        "compare_link_custom_windows",
        "compare",
        {"a": "2017-2019", "b": "2023-2024", "indicators": "irregular_detections,return_orders"},
        None,
    ),
    ("compare_change_group", "compare", {}, ("radio", "compare_group", "none")),
    (
        "explore_link_per_capita_log",
        "explore",
        {"indicator": "return_returned", "reporters": "EU27,NL", "mode": "per_capita", "log": "1"},
        None,
    ),
    ("explore_change_mode", "explore", {}, ("radio", "explore_mode", "indexed")),
]


def _scenario_times(store, page: str, query: dict, change) -> dict[str, float]:
    """Cold run of a link, the first run after a change (if any), then warm runs."""
    os.environ["PARTNERSHIP_MONITOR_STORE"] = str(store)
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    st.cache_data.clear()
    st.cache_resource.clear()
    for key, value in query.items():
        at.query_params[key] = value
    if page != "overview":
        at.switch_page(f"app_pages/{page}.py")
    out = {}
    start = time.perf_counter()
    at.run()
    out["cold"] = time.perf_counter() - start
    if change is not None:
        kind, key, value = change
        if kind == "radio" and key == "app_lang":
            widget = at.sidebar.radio(key=key)
        else:
            widget = getattr(at, kind)(key=key)
        widget.set_value(value)
        start = time.perf_counter()
        at.run()
        out["changed"] = time.perf_counter() - start
    warm = []
    for _ in range(5):
        start = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - start)
    if at.exception:
        raise RuntimeError(f"{page} {query} {change}: {at.exception[0].value}")
    out["warm"] = sorted(warm)[2]
    return {k: round(v, 4) for k, v in out.items()}


def run(ctx: dict) -> dict:
    out = {}
    AppTest.from_file(APP, default_timeout=120)  # import streamlit's machinery once
    for name, store, warm_limit in (
        ("demo", ctx["demo_store"], 0.3),
        ("ten_times", ctx["big_store"], 1.0),
    ):
        for page in PAGES:
            times = _scenario_times(store, page, {}, None)
            cold, warm = times["cold"], times["warm"]
            out[f"{name}/{page}/warm"] = budget(warm, warm_limit)
            out[f"{name}/{page}/cold"] = budget(cold, 2.0) if name == "demo" else cold
        for scenario, page, query, change in SCENARIOS:
            times = _scenario_times(store, page, query, change)
            out[f"{name}/{scenario}/warm"] = budget(times["warm"], warm_limit)
            for step in ("cold", "changed"):
                if step in times:
                    value = times[step]
                    out[f"{name}/{scenario}/{step}"] = (
                        budget(value, 2.0) if name == "demo" else value
                    )
    return out
