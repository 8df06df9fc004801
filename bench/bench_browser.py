"""Pages in a real browser (issue 16): Tunisia's first and last chart against the floor.

Debian's chromium (Playwright) opens the demo store's pages on a live `streamlit run`.
The floor is the text-only Method page: the Streamlit shell and one script run, timed
until its script has finished. Tunisia's country page is timed until its first chart
is drawn and until the last one is (the script finished and the count of charts
settled). Each figure is the median of three warm loads; the ratios to the floor are
what the issue budgets (first chart at most 1.5x, last at most 2.5x). The load
average is recorded beside them: on a shared machine it moves every figure.
"""

from __future__ import annotations

import os
import shutil
import statistics
import time
from pathlib import Path

from bench.common import WORK, budget

STANDALONE = True
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]
DONE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
LOADS = 3


def run(ctx: dict) -> dict:
    if not Path(CHROMIUM).exists():
        return {"skipped": "Debian's chromium is not installed"}
    from playwright.sync_api import sync_playwright

    from indicators.build import build_demo_store
    from indicators.serving.apps import AppProcess

    store = ctx.get("demo_store") or WORK / "browser_demo.duckdb"
    if not Path(store).exists():
        WORK.mkdir(parents=True, exist_ok=True)
        build_demo_store(Path(store))
    with AppProcess.on_free_port(Path(store)) as app, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
        _method(page, app.url)  # warm: the first load compiles and caches
        _country(page, app.url)
        floor = statistics.median(_method(page, app.url) for _ in range(LOADS))
        runs = [_country(page, app.url) for _ in range(LOADS)]
        browser.close()
    first = statistics.median(r[0] for r in runs)
    last = statistics.median(r[1] for r in runs)
    return {
        "method_page_floor_s": round(floor, 3),
        "tunisia_first_chart_s": round(first, 3),
        "tunisia_last_chart_s": round(last, 3),
        "tunisia_charts": runs[-1][2],
        "first_chart_vs_floor": budget(round(first / floor, 2), 1.5, "x"),
        "last_chart_vs_floor": budget(round(last / floor, 2), 2.5, "x"),
        "load_average": [round(x, 1) for x in os.getloadavg()],
    }


def _method(page, url: str) -> float:  # noqa: ANN001 - a Playwright page
    start = time.perf_counter()
    page.goto(f"{url}/method", wait_until="domcontentloaded")
    page.wait_for_selector("[data-testid='stMain'] h1", timeout=120_000)
    page.wait_for_function(DONE, timeout=120_000)
    return time.perf_counter() - start


def _country(page, url: str) -> tuple[float, float, int]:  # noqa: ANN001
    start = time.perf_counter()
    page.goto(f"{url}/country?country=TUN", wait_until="domcontentloaded")
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=120_000)
    first = time.perf_counter() - start
    page.wait_for_function(DONE, timeout=120_000)
    count = -1
    while count != (count := page.locator(".js-plotly-plot").count()):
        page.wait_for_timeout(300)  # a chart still drawing: wait until the count holds
    return first, time.perf_counter() - start, count
