"""The results framework: saving a judgement (store write included) and the Progress page.

Budgets (issue 17): saving a judgement ≤ 1 s on the demo store, including the write
of the workspace beside it (copy, insert, checkpoint, fsync, atomic replace, under the
store's writer lock); the Progress page warm ≤ 300 ms. Runs alone:
`bench/run.py bench_framework` (builds its own demonstration store when none is shared).
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import replace

import streamlit as st
from streamlit.testing.v1 import AppTest

from bench.common import ROOT, WORK, budget
from indicators.access import Principal, Role
from indicators.build import build_demo_store
from indicators.framework import Framework
from indicators.store.workspace import DuckDBWorkspace, workspace_path

STANDALONE = True
APP = str(ROOT / "dashboard" / "app.py")
TESS = Principal("tess@example.org", "tess@example.org", ("pm-taskforce",), Role.TASKFORCE, True)
AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "bench-only-cookie-secret-0123456789",
    "client_id": "partnership-monitor",
    "client_secret": "bench-only",
    "server_metadata_url": "http://127.0.0.1:1/.well-known/openid-configuration",
}


def _store(ctx: dict):
    folder = WORK / "framework"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "demo.duckdb"
    source = ctx.get("demo_store")
    if source and workspace_path(source).exists():
        shutil.copyfile(source, path)
        shutil.copyfile(workspace_path(source), workspace_path(path))
    else:
        workspace_path(path).unlink(missing_ok=True)
        build_demo_store(path)
    return path


def _saves(path, n: int = 7) -> list[float]:
    fw = Framework(DuckDBWorkspace.beside(path), audit_path=path.parent / "audit.jsonl")
    [entry] = [e for e in fw.entries(TESS, "judgement", country="TUN")
               if e.record.id == "TUN-2026-04/TUN-O2"]  # fmt: skip
    times = []
    for i in range(n):
        version = fw.latest("judgement", entry.record.id).version
        record = replace(entry.record, rationale=f"Benchmark edit {i}.")
        start = time.perf_counter()
        fw.save(TESS, record, version)
        times.append(time.perf_counter() - start)
    return times


def _page(path, signed_in: bool) -> dict[str, float]:
    os.environ["PARTNERSHIP_MONITOR_STORE"] = str(path)
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=120)
    if signed_in:
        at.secrets["auth"] = AUTH
        at.user = {"is_logged_in": True, "email": "tess@example.org", "groups": ["pm-taskforce"]}
    at.query_params["country"] = "TUN"
    at.query_params["round"] = "TUN-2026-04"
    at.run()
    start = time.perf_counter()
    at.switch_page("app_pages/progress.py").run()
    cold = time.perf_counter() - start
    warm = []
    for _ in range(5):
        start = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - start)
    if at.exception:
        raise RuntimeError(f"progress page: {at.exception[0].value}")
    return {"cold": round(cold, 4), "warm": round(sorted(warm)[2], 4)}


def run(ctx: dict) -> dict:
    path = _store(ctx)
    saves = sorted(_saves(path))
    out: dict = {
        "save_judgement_median": budget(round(saves[len(saves) // 2], 4), 1.0),
        "save_judgement_max_s": round(saves[-1], 4),
    }
    for who, signed in (("local", False), ("taskforce", True)):
        times = _page(path, signed)
        out[f"progress_page/{who}/cold_s"] = times["cold"]
        out[f"progress_page/{who}/warm"] = budget(times["warm"], 0.3)
    out["load_average"] = os.getloadavg()
    return out
