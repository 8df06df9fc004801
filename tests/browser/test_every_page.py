"""Every page in a real browser at 1280×800: no error, every chart drawn, shared links work.

The number of charts a page must draw is what the app itself emits for the same
view (counted under AppTest), so a chart that the script sends but the browser
fails to draw is caught. Screenshots go to test-artifacts/ (gitignored): one per
page (page_<name>.png, and page_<name>_chart.png of its first chart) and one per
shared link (link_<name>.png).
"""

from __future__ import annotations

import time

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.browser.conftest import screenshot
from tests.conftest import APP

pytestmark = pytest.mark.browser

PAGES = {
    "overview": "Overzicht",
    "country": "Irak",
    "compare": "Perioden vergelijken",
    "explore": "Verkennen",
    "sources": "Gegevens en bronnen",
    "method": "Methode",
}
VIEWPORT_WIDTH = 1280


def charts_emitted(store_path, page: str, query: dict[str, str]) -> int:
    """How many charts the app sends for this view (AppTest, same store)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PARTNERSHIP_MONITOR_STORE", str(store_path))
        st.cache_data.clear()
        st.cache_resource.clear()
        at = AppTest.from_file(str(APP), default_timeout=120)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        if page != "overview":
            at.switch_page(f"app_pages/{page}.py").run()
        assert not at.exception
        return len(at.get("plotly_chart"))


def open_and_settle(page, url: str, expected_charts: int, heading: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector(f"h1:has-text('{heading}')", timeout=60_000)
    # Streamlit draws the page in one run; wait until every chart it sent is drawn.
    deadline = time.monotonic() + 90
    while page.locator(".js-plotly-plot").count() < expected_charts:
        if time.monotonic() > deadline:
            break
        time.sleep(0.5)
    page.wait_for_selector("[data-testid='stStatusWidget']", state="detached", timeout=60_000)
    assert not errors, errors


def no_errors_on(page) -> None:
    # Streamlit answers an unknown path with a "Page not found" dialog, not an error.
    assert page.get_by_text("Page not found").count() == 0
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("[data-testid='stAlertContentError']").count() == 0


def fits_the_screen(page) -> None:
    """Readable at 1280×800: no sideways scrolling, every chart inside the viewport's width."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= VIEWPORT_WIDTH
    for n in range(page.locator(".js-plotly-plot").count()):
        box = page.locator(".js-plotly-plot").nth(n).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= VIEWPORT_WIDTH


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_opens_without_error_and_draws_its_charts(
    live_server, demo_store_path, page, name
):
    expected = charts_emitted(demo_store_path, name, {})
    # The default page lives at the app's root: Streamlit ignores its url_path.
    path = "" if name == "overview" else name
    open_and_settle(page, f"{live_server}/{path}", expected, PAGES[name])
    no_errors_on(page)
    assert page.locator(".js-plotly-plot").count() == expected
    # Every drawn chart holds data, not an empty frame.
    for n in range(expected):
        assert page.locator(".js-plotly-plot").nth(n).locator(".scatterlayer .trace").count() >= 1
    assert page.get_by_text("Demonstratiegegevens — geen officiële statistiek").first.is_visible()
    fits_the_screen(page)
    shot = screenshot(page, f"page_{name}")
    assert shot.stat().st_size > 10_000
    if expected:  # the first chart as a reader sees it, below the controls
        chart = page.locator(".js-plotly-plot").first
        chart.scroll_into_view_if_needed()
        chart.screenshot(path=str(shot.with_name(f"page_{name}_chart.png")))


SHARED = {
    "compare_en": (
        "compare",
        {
            "lang": "en",
            "a": "2017-2019",
            "b": "2023-2024",
            "countries": "TUN",
            "indicators": "return_returned",
            "group": "none",
        },
        "Compare periods",
        ["Tunisia · Returned after an order to leave", "Change from 2017–2019 to 2023–2024"],
    ),
    "explore_indexed": (
        "explore",
        {
            "indicator": "irregular_detections",
            "countries": "MAR,TUN",
            "mode": "indexed",
            "log": "1",
        },
        "Verkennen",
        ["index (gemiddelde 2016–2021 = 100)"],
    ),
    "sources_entry": (
        "sources",
        {"indicator": "protection_dead_missing", "lang": "en"},
        "Data & sources",
        ["What it counts"],
    ),
}


@pytest.mark.parametrize("name", list(SHARED))
def test_a_shared_link_reopens_the_same_view(live_server, demo_store_path, page, name):
    target, query, heading, visible = SHARED[name]
    expected = charts_emitted(demo_store_path, target, query)
    link = f"{live_server}/{target}?" + "&".join(f"{k}={v}" for k, v in query.items())
    open_and_settle(page, link, expected, heading)
    no_errors_on(page)
    assert page.locator(".js-plotly-plot").count() == expected
    for text in visible:
        assert page.get_by_text(text).first.count() == 1, text
    # The view's choices stay in the address, so the link can be passed on again.
    for key, value in query.items():
        assert f"{key}={value.replace(',', '%2C')}" in page.url, (key, page.url)
    screenshot(page, f"link_{name}")


def test_a_bad_link_falls_back_with_a_notice_in_the_browser(live_server, demo_store_path, page):
    query = {"a": "sometime", "countries": "ATL"}
    expected = charts_emitted(demo_store_path, "compare", query)
    link = f"{live_server}/compare?a=sometime&countries=ATL"
    open_and_settle(page, link, expected, PAGES["compare"])
    no_errors_on(page)
    assert page.get_by_text("a=sometime").first.is_visible()
    assert page.get_by_text("countries=ATL").first.is_visible()
    assert expected >= 1 and page.locator(".js-plotly-plot").count() == expected
    screenshot(page, "link_bad")
